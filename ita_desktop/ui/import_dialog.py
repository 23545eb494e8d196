"""ไฟล์ → นำเข้าไฟล์สำหรับแบ่งปัน…: what the file would add or replace, chosen per year, applied."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ita_desktop.errors import UserError
from ita_desktop.i18n.thai import format_count, format_year, to_thai_digits
from ita_desktop.services.backups import make_backup
from ita_desktop.services.share import (
    ImportEntry,
    ImportPreview,
    apply_import,
    preview_import,
    read_share_file,
)

SHARE_FILTER = "ไฟล์สำหรับแบ่งปัน ITA Desktop (*.itashare);;ทุกไฟล์ (*)"
NOT_UNDOABLE = (
    "การนำเข้าย้อนกลับด้วย “เลิกทำ” (Ctrl+Z) ไม่ได้ — ก่อนนำเข้า โปรแกรมจะสำรองข้อมูลปัจจุบันไว้ให้"
    " หากต้องการย้อนกลับ ใช้เมนู ไฟล์ → กู้คืนจากไฟล์สำรอง"
)
KEEP_MINE, TAKE_FILE = "เก็บของในเครื่อง", "ใช้ของในไฟล์"
STATUS = {
    "new": ("ใหม่", "#1b5e20"),
    "identical": ("เหมือนในเครื่อง", "#5f6368"),
    "differs": ("ต่างจากในเครื่อง", "#8a5300"),
}
SHOWN_DETAILS = 40


def choose_share_file(window: QMainWindow) -> None:
    """Ask for a shareable file, then preview it."""
    if window.session is None or window.session.read_only:
        return
    folder = window.path.parent if window.path is not None else Path.home()
    name, _ = QFileDialog.getOpenFileName(window, "นำเข้าไฟล์สำหรับแบ่งปัน", str(folder), SHARE_FILTER)
    if name:
        preview_share_file(window, Path(name))


def preview_share_file(window: QMainWindow, path: Path) -> None:
    """Read and compare ``path`` on the worker (nothing is written), then show the preview. A
    refused file shows its Thai message and changes nothing."""
    session = window.session

    def shown(preview: ImportPreview) -> None:
        if window.session is session:
            ImportDialog(window, path, preview).open()

    session.call(
        lambda db: preview_import(db, read_share_file(path)),
        shown,
        on_error=lambda error: _report(window, error),
    )


def _report(window: QMainWindow, error: Exception) -> None:
    if isinstance(error, UserError):
        window.show_user_error(error.message)
    else:
        sys.excepthook(type(error), error, error.__traceback__)


def entry_label(entry: ImportEntry) -> str:
    if entry.kind == "office":
        return "ข้อมูลหน่วยงาน (ที่อยู่ ส่วนราชการ ผู้ลงนาม ตราสัญลักษณ์)"
    what = "ผลการประเมิน" if entry.kind == "assessment" else "แผนมาตรการ"
    return f"{what} ปีงบประมาณ พ.ศ. {format_year(entry.year)}"


class ImportDialog(QDialog):
    """The preview of one shareable file; ``apply()`` backs the data file up, then imports the
    new entries and, of the differing ones, those set to ใช้ของในไฟล์, in one transaction."""

    def __init__(self, window: QMainWindow, path: Path, preview: ImportPreview):
        super().__init__(window)
        self.setObjectName("importDialog")
        self.setWindowTitle("นำเข้าไฟล์สำหรับแบ่งปัน")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window_ = window
        self.session = window.session
        self.path = Path(path)
        self.preview = preview
        self.choices: dict[tuple[str, int | None], QComboBox] = {}
        self.applying = False

        layout = QVBoxLayout(self)
        heading = QLabel(f"ไฟล์ {self.path.name}")
        heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        heading.setToolTip(str(self.path))
        layout.addWidget(heading)
        where = (
            "มีอยู่แล้วในไฟล์ข้อมูลนี้"
            if preview.office_id is not None
            else "ยังไม่มีในไฟล์ข้อมูลนี้ จะเพิ่มเป็นหน่วยงานใหม่"
        )
        office = QLabel(f"หน่วยงาน: {preview.office_name} — {where}")
        office.setWordWrap(True)
        layout.addWidget(office)

        self.tree = QTreeWidget()
        self.tree.setObjectName("importEntries")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["สิ่งที่อยู่ในไฟล์", "เทียบกับในเครื่อง", "จะนำเข้าอย่างไร"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        for entry in preview.entries:
            self._add_entry(entry)
        self._fit_choice_column()
        layout.addWidget(self.tree, 1)

        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.summary)
        note = QLabel(NOT_UNDOABLE)
        note.setObjectName("importNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(note)

        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton("นำเข้า", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("applyImportButton")
        self.cancel_button = buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_summary()
        first_choice = next(iter(self.choices.values()), None)
        (first_choice or self.apply_button).setFocus()
        self.resize(780, 480)

    def _fit_choice_column(self) -> None:
        """ResizeToContents ignores the combo boxes: make room for them and the words."""
        header = self.tree.header()
        metrics = self.tree.fontMetrics()
        words = [metrics.horizontalAdvance(w) + 24 for w in ("จะนำเข้าอย่างไร", "ไม่ต้องนำเข้า")]
        combos = [box.sizeHint().width() + 8 for box in self.choices.values()]
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.tree.setColumnWidth(2, max(words + combos))

    def _add_entry(self, entry: ImportEntry) -> None:
        word, colour = STATUS[entry.status]
        item = QTreeWidgetItem([entry_label(entry), word, ""])
        item.setForeground(1, QBrush(QColor(colour)))
        bold = QFont(item.font(1))
        bold.setBold(True)
        item.setFont(1, bold)
        self.tree.addTopLevelItem(item)
        if entry.status == "differs":
            choice = QComboBox()
            choice.addItems([KEEP_MINE, TAKE_FILE])
            choice.setAccessibleName(f"{entry_label(entry)}: {KEEP_MINE} หรือ {TAKE_FILE}")
            choice.currentIndexChanged.connect(self._update_summary)
            self.tree.setItemWidget(item, 2, choice)
            self.choices[(entry.kind, entry.year)] = choice
        else:
            item.setText(2, "เพิ่มเข้าไป" if entry.status == "new" else "ไม่ต้องนำเข้า")
        details = [to_thai_digits(d) for d in entry.details[:SHOWN_DETAILS]]
        if len(entry.details) > SHOWN_DETAILS:
            details.append(f"… และอีก {format_count(len(entry.details) - SHOWN_DETAILS)} รายการ")
        for text in details:
            child = QTreeWidgetItem([text])
            child.setToolTip(0, text)
            child.setForeground(0, QBrush(QColor("#3c4043")))
            item.addChild(child)
            child.setFirstColumnSpanned(True)
        item.setExpanded(True)

    def take(self) -> set[tuple[str, int | None]]:
        """The differing entries set to ใช้ของในไฟล์."""
        return {key for key, box in self.choices.items() if box.currentIndex() == 1}

    def choose(self, kind: str, year: int | None, *, take_file: bool) -> None:
        self.choices[(kind, year)].setCurrentIndex(1 if take_file else 0)

    def _counts(self) -> tuple[int, int]:
        added = sum(1 for e in self.preview.entries if e.status == "new")
        return added, len(self.take())

    def _update_summary(self) -> None:
        added, replaced = self._counts()
        parts = []
        if added:
            parts.append(f"เพิ่ม {format_count(added)} รายการ")
        if replaced:
            parts.append(f"แทนที่ของในเครื่อง {format_count(replaced)} รายการ")
        if parts:
            self.summary.setText("เมื่อกด “นำเข้า” จะ" + " และ".join(parts))
        elif self.choices:
            self.summary.setText("ยังไม่ได้เลือกใช้ของในไฟล์ จึงไม่มีอะไรเปลี่ยน")
        else:
            self.summary.setText("ข้อมูลในไฟล์เหมือนในเครื่องทั้งหมด ไม่มีอะไรต้องนำเข้า")
        self.apply_button.setEnabled(bool(parts))

    def apply(self) -> None:
        """Back up the data file, then write the choice in one transaction (on the worker)."""
        if self.session is None or self.window_.session is not self.session:
            self.reject()
            return
        preview, take, data_path = self.preview, self.take(), self.session.path

        def job(db):
            make_backup(db, data_path, reason="before-import")  # BackupFailed: nothing is imported
            return apply_import(db, preview, take=take)

        self._set_applying(True)
        self.session.call(
            job, self._on_applied, writes=True, tag="import", on_error=self._on_failed
        )

    def _set_applying(self, applying: bool) -> None:
        self.applying = applying
        self.apply_button.setEnabled(not applying)
        self.cancel_button.setEnabled(not applying)
        self.tree.setEnabled(not applying)

    def reject(self) -> None:
        if not self.applying:  # once sent to the worker, the import happens: wait for it
            super().reject()

    def _on_applied(self, written: list[ImportEntry]) -> None:
        self._set_applying(False)
        # Undo commands recorded before would now act on rows the import replaced.
        self.window_.undo_stack.clear()
        self.window_.statusBar().showMessage(
            f"นำเข้าจาก {self.path.name} แล้ว {format_count(len(written))} รายการ", 15_000
        )
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self._set_applying(False)
        self._update_summary()
        _report(self.window_, error)
