"""วางคะแนน: paste a block of text, preview what it will fill, apply it as one undoable step."""

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.criteria import Criteria
from ita_desktop.domain.paste import PasteResult, figure_label, parse_pasted
from ita_desktop.domain.records import Assessment
from ita_desktop.i18n.thai import apply_digits, format_count, format_year
from ita_desktop.ui.widgets.score_edit import format_score
from ita_desktop.ui.widgets.table_model import CENTER, RIGHT, Column, FittedTableView, RowsModel
from ita_desktop.ui.widgets.wrap_delegate import PaddedDelegate

FILL, REPLACE, SAME, UNKNOWN, UNREAD = "fill", "replace", "same", "unknown", "unread"
COLORS = {
    FILL: "#1e6b34",
    REPLACE: "#8a5a00",
    SAME: "#6b7280",
    UNKNOWN: "#6b7280",
    UNREAD: "#a93226",
}
HINT = (
    "วางข้อความที่คัดลอกจากหน้าผลการประเมินของสำนักงาน ป.ป.ช. หรือจากตาราง Excel "
    "แต่ละบรรทัดมีรหัสข้อและคะแนน เช่น “i1 98.36” หรือ “o27 ⇥ 100” "
    "ใช้เลขไทยหรือเลขอารบิกก็ได้"
)
ROOMY = QSize(1100, 640)  # the preview's texts on one or two lines each
WINDOW_FRAME = QSize(24, 48)  # title bar and borders, outside the dialog's own size
# The widest status most rows have; longer reasons wrap and leave the width to the text column.
STATUS_SAMPLE = "อ่านไม่ได้: ไม่พบคะแนนของ i10"


@dataclass(frozen=True)
class PreviewRow:
    line: int
    label: str
    found: str
    score: str
    status: str
    kind: str
    scope: str = ""
    key: str = ""
    value: Decimal | None = None


def _known(criteria: Criteria, scope: str, key: str) -> tuple[str, str] | None:
    """The figure's key as the criteria spell it, and its text; None when the year lacks it."""
    if scope == "item":
        item = criteria.item(key)
        return (item.code, item.text) if item else None
    if scope == "indicator":
        number = int(key)
        found = next((i for i in criteria.indicators if i.number == number), None)
        return (key, found.name) if found else None
    if scope == "part":
        for instrument in criteria.instruments:
            names = {p.code: p.name for p in instrument.parts} or {instrument.code: instrument.name}
            if key in names:
                return key, names[key]
        return None
    return "", "คะแนนภาพรวม"


def preview_rows(
    result: PasteResult, criteria: Criteria, assessment: Assessment, *, include_unknown: bool
) -> list[PreviewRow]:
    """A row per figure found and per unreadable line, in the order of the pasted lines."""
    rows = []
    year = format_year(criteria.year)
    for found in result.scores:
        score = format_score(found.value)
        known = _known(criteria, found.scope, found.key)
        label = figure_label(found.scope, found.key)
        if known is None:
            stored = include_unknown and found.scope == "item"
            status = f"ไม่อยู่ในเกณฑ์ปี {year}" + (" — กรอกไว้ในหมวดอื่น ๆ" if stored else "")
            rows.append(
                PreviewRow(
                    found.line,
                    label,
                    found.text,
                    score,
                    status,
                    FILL if stored else UNKNOWN,
                    found.scope,
                    found.key,
                    found.value,
                )
            )
            continue
        key, text = known
        old = assessment.value(found.scope, key)
        if old is None:
            kind, status = FILL, "จะกรอก"
        elif old == found.value:
            kind, status = SAME, "เท่าเดิม"
        else:
            kind, status = REPLACE, f"แทนที่ {format_score(old)}"
        rows.append(
            PreviewRow(found.line, label, text, score, status, kind, found.scope, key, found.value)
        )
    for unread in result.unread:
        rows.append(
            PreviewRow(
                unread.line, "", unread.text.strip(), "", f"อ่านไม่ได้: {unread.reason}", UNREAD
            )
        )
    return sorted(rows, key=lambda row: row.line)


def _columns() -> list[Column]:
    color = lambda row: COLORS[row.kind]  # noqa: E731 (a one-line column rule)
    return [
        Column("บรรทัด", lambda row: apply_digits(str(row.line)), RIGHT),
        Column("รหัส", lambda row: row.label, CENTER),
        Column("ข้อความในเกณฑ์ / ในบรรทัด", lambda row: row.found),
        Column("คะแนน", lambda row: row.score, RIGHT),
        Column("สถานะ", lambda row: row.status, color=color),
    ]


def fitted_size(available: QSize) -> QSize:
    """Roomy when the screen allows, else as big as the screen's free area (e.g. 1024 x 700)."""
    return ROOMY.boundedTo(available - WINDOW_FRAME)


class PasteDialog(QDialog):
    """Reads as the clerk pastes or types; ``scores_chosen`` gives {(scope, key): value}."""

    scores_chosen = Signal(object)  # {(scope, key): Decimal}

    def __init__(self, criteria: Criteria, assessment: Assessment, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("วางคะแนน")
        self.resize(fitted_size(self.screen().availableGeometry().size()))
        self.criteria, self.assessment = criteria, assessment
        self.text = QPlainTextEdit()
        self.text.setObjectName("pasteText")
        self.text.setPlaceholderText("วางข้อความที่นี่ (Ctrl+V)")
        self.text.setAccessibleName("ข้อความที่วาง")
        self.model = RowsModel(_columns(), self)
        self.table = FittedTableView(self.model, stretch_column=2, fit=False)
        self.table.setObjectName("pastePreview")
        self.table.setItemDelegate(PaddedDelegate(self.table))
        self.table.fix_widths({0: "บรรทัด", 1: "ตัวชี้วัดที่ ๑๐", 3: "๑๐๐.๐๐", 4: STATUS_SAMPLE})
        self.summary = QLabel("ยังไม่มีข้อความ")
        self.summary.setWordWrap(True)
        self.include_unknown = QCheckBox("กรอกข้อที่ไม่อยู่ในเกณฑ์ด้วย (แสดงในหมวดอื่น ๆ)")
        self.include_unknown.toggled.connect(self._on_text_changed)
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(
            "ใช้คะแนนเหล่านี้", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_apply_clicked)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(HINT)
        hint.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("ข้อความที่วาง"))
        left_layout.addWidget(self.text)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("สิ่งที่จะกรอก"))
        right_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        # The pasted lines are short; the preview's texts need the room.
        splitter.setSizes([self.width() * 3 // 10, self.width() * 7 // 10])
        bottom = QHBoxLayout()
        bottom.addWidget(self.include_unknown)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._on_text_changed)
        self.text.textChanged.connect(self._timer.start)
        self.text.setFocus()

    def rows(self) -> list[PreviewRow]:
        return self.model.rows

    def values(self) -> dict[tuple[str, str], Decimal]:
        """What applying will set: new and replaced figures (and unknown items if chosen)."""
        return {(r.scope, r.key): r.value for r in self.model.rows if r.kind in (FILL, REPLACE)}

    def _on_text_changed(self, *_) -> None:
        self._timer.stop()
        result = parse_pasted(self.text.toPlainText())
        rows = preview_rows(
            result, self.criteria, self.assessment, include_unknown=self.include_unknown.isChecked()
        )
        self.model.set_rows(rows)
        counts = {kind: sum(r.kind == kind for r in rows) for kind in COLORS}
        parts = [
            f"จะกรอก {format_count(counts[FILL])} รายการ",
            f"แทนที่ {format_count(counts[REPLACE])}",
            f"เท่าเดิม {format_count(counts[SAME])}",
            f"ไม่อยู่ในเกณฑ์ {format_count(counts[UNKNOWN])}",
            f"อ่านไม่ได้ {format_count(counts[UNREAD])} บรรทัด",
        ]
        if result.skipped:
            parts.append(f"ข้ามบรรทัดที่ไม่มีตัวเลข {format_count(len(result.skipped))} บรรทัด")
        self.summary.setText(" · ".join(parts) if rows or result.skipped else "ยังไม่พบรหัสข้อและคะแนน")
        self.apply_button.setEnabled(bool(self.values()))

    def _on_apply_clicked(self) -> None:
        self._on_text_changed()
        values = self.values()
        if values:
            self.scores_chosen.emit(values)
        self.accept()
