"""ติดตามผล: progress of each measure per round, counts by status, what is still open."""

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.records import STATUSES, Plan, Progress
from ita_desktop.i18n.thai import format_count, format_round_period, format_year, to_thai_digits
from ita_desktop.services import plan_builder, plans
from ita_desktop.ui.commands import push_edit
from ita_desktop.ui.pages.base import Page
from ita_desktop.ui.progress_delegates import ProgressTable
from ita_desktop.ui.progress_model import (
    STATUS_COLORS,
    OpenFilter,
    ProgressModel,
    ProgressRow,
    results_text,
)
from ita_desktop.ui.read_only import saving_hint
from ita_desktop.ui.widgets.labels import HINT_STYLE, heading_label, hint_label
from ita_desktop.ui.widgets.thai_text import breakable

TAG = "progress"


@dataclass(frozen=True)
class ProgressView:
    """A plan year's measures with both rounds' entries and counts (read on the worker)."""

    year: int
    plan: Plan | None
    progress: dict[int, dict[int, Progress]] = field(default_factory=dict)
    counts: dict[int, dict[str, int]] = field(default_factory=dict)
    wrapped: dict[str, str] = field(default_factory=dict)


def load_progress_view(db, office_id: int, year: int) -> ProgressView:
    plan = plans.find_plan(db, office_id, year)
    if plan is None:
        return ProgressView(year, None)
    rounds = (6, 12)
    progress = {r: plans.progress_of(db, plan.id, r) for r in rounds}
    counts = {r: plan_builder.progress_counts(db, plan.id, r) for r in rounds}
    texts = {m.measure or m.issue for m in plan.measures}
    for entries in progress.values():
        for p in entries.values():
            texts |= {results_text(p.results), p.outcome, p.remark}
    wrapped = {t: breakable(t) for t in texts if t}
    return ProgressView(year, plan, progress, counts, wrapped)


def ordered_measures(plan: Plan) -> list:
    """The plan's measures in printing order: by indicator (none last), then position."""
    return sorted(plan.measures, key=lambda m: (m.indicator is None, m.indicator or 0, m.position))


class StatusBar(QWidget):
    """A bar split by status; the counts are also written beside it (colour is never alone)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.setMinimumHeight(18)
        self.setAccessibleName("สัดส่วนมาตรการตามสถานะ")

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, 18)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        total = sum(self.counts.values())
        x = rect.left()
        for status in STATUSES:
            count = self.counts.get(status, 0)
            if not total or not count:
                continue
            width = rect.width() * count / total
            painter.fillRect(
                QRectF(x, rect.top(), width, rect.height()), QColor(STATUS_COLORS[status])
            )
            x += width
        painter.setPen(QPen(QColor("#808080")))
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        painter.drawRect(rect)


class ProgressPage(Page):
    title = "ติดตามผล"

    def __init__(self, session, undo_stack, parent=None):
        super().__init__(session, undo_stack, parent)
        self.view: ProgressView | None = None
        self._edits = 0
        self.heading = heading_label("progressHeading")
        self.note = hint_label("progressNote")
        self.round_box = QComboBox()
        self.round_box.setObjectName("roundSelector")
        self.round_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.round_box.currentIndexChanged.connect(lambda _i: self._fill())
        round_label = QLabel("รอบการรายงาน")
        round_label.setBuddy(self.round_box)
        self.from_six = QPushButton("เริ่มจากรอบ ๖ เดือน")
        self.from_six.setObjectName("fromSixButton")
        self.from_six.setToolTip("คัดลอกสถานะและผลการดำเนินการของรอบ ๖ เดือน มาเป็นจุดเริ่มต้น")
        self.from_six.clicked.connect(self.start_from_six)
        self.only_open = QCheckBox("แสดงเฉพาะที่ยังไม่แล้วเสร็จ")
        self.only_open.setObjectName("onlyOpen")
        self.only_open.toggled.connect(self._on_only_open_toggled)
        controls = QHBoxLayout()
        controls.addWidget(round_label)
        controls.addWidget(self.round_box)
        controls.addWidget(self.from_six)
        controls.addStretch(1)
        controls.addWidget(self.only_open)
        self.summary = QLabel()
        self.summary.setObjectName("progressSummary")
        self.summary.setStyleSheet("font-weight: bold;")
        self.bar = StatusBar()
        strip = QHBoxLayout()
        strip.addWidget(self.summary)
        strip.addWidget(self.bar, 1)
        self.model = ProgressModel(self)
        self.model.progress_edited.connect(self._on_progress_edited)
        self.model.dataChanged.connect(lambda *_: self._show_counts(self.model.counts()))
        self.proxy = OpenFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = ProgressTable(self.proxy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(controls)
        layout.addLayout(strip)
        layout.addWidget(self.table, 1)
        self.empty = QLabel()
        self.empty.setObjectName("progressEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(HINT_STYLE + " font-size: 13pt;")
        layout.addWidget(self.empty, 1)
        self._show(None)

    # -- loading -----------------------------------------------------------------------------

    def round(self) -> int:
        return self.round_box.currentData() or 6

    def reload(self) -> None:
        if self.office_id is None or self.year is None:
            self._show(None)
            return
        office_id, year, serial = self.office_id, self.year, self._edits
        self.session.call(
            lambda db: load_progress_view(db, office_id, year),
            lambda view: self._on_view_loaded(view, serial),
        )

    def _on_view_loaded(self, view: ProgressView, serial: int) -> None:
        if view.year == self.year and serial == self._edits:
            self._show(view)

    def _show(self, view: ProgressView | None) -> None:
        self.view = view
        self._fill_rounds(view)
        if view is None:
            self.heading.setText("ยังไม่ได้เลือกหน่วยงานและปีงบประมาณ")
        elif view.plan is None:
            self.heading.setText(f"ยังไม่มีแผนมาตรการของปีงบประมาณ พ.ศ. {format_year(view.year)}")
        else:
            self.heading.setText(
                f"ติดตามผลการดำเนินการตามมาตรการ ปีงบประมาณ พ.ศ. {format_year(view.year)}"
            )
        self.note.setText(
            "จัดทำมาตรการในหน้า “มาตรการ” ก่อน แล้วจึงบันทึกผลการดำเนินการที่นี่"
            if view is not None and view.plan is None
            else saving_hint(
                self.session,
                "ดับเบิลคลิกหรือพิมพ์ในช่องเพื่อบันทึก — บันทึกอัตโนมัติ เลิกทำได้ด้วย Ctrl+Z",
            )
        )
        self._fill()

    def _fill_rounds(self, view: ProgressView | None) -> None:
        current = self.round()
        self.round_box.blockSignals(True)
        self.round_box.clear()
        if view is not None:
            for months in (6, 12):
                period = format_round_period(view.year, months, month="abbreviated")
                label = f"รอบ {to_thai_digits(str(months))} เดือน ({period.replace(' - ', ' – ')})"
                self.round_box.addItem(label, months)
            self.round_box.setCurrentIndex(max(self.round_box.findData(current), 0))
        self.round_box.blockSignals(False)

    def _fill(self) -> None:
        view, round_ = self.view, self.round()
        rows = []
        if view is not None and view.plan is not None:
            entries = view.progress.get(round_, {})
            rows = [
                ProgressRow(m, entries.get(m.id) or Progress(m.id, round_), m.id in entries)
                for m in ordered_measures(view.plan)
            ]
        self.model.set_rows(rows, round_, view.year if view else None, view.wrapped if view else {})
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.empty.setText("ยังไม่มีมาตรการให้ติดตามผล" if view is not None else "")
        counts = view.counts.get(round_) if view is not None and view.plan is not None else None
        self._show_counts(counts)
        missing = view is not None and view.plan is not None and round_ == 12
        self.from_six.setVisible(missing)
        if missing:
            six, twelve = view.progress.get(6, {}), view.progress.get(12, {})
            self.from_six.setEnabled(any(mid not in twelve for mid in six))

    def _show_counts(self, counts: dict[str, int] | None) -> None:
        if not counts:
            self.summary.setText("")
            self.bar.set_counts({})
            self.bar.setVisible(False)
            return
        self.summary.setText(" · ".join(f"{s} {format_count(n)}" for s, n in counts.items()))
        self.bar.set_counts(counts)
        self.bar.setVisible(True)

    def _on_only_open_toggled(self, on: bool) -> None:
        self.proxy.set_only_open(on)

    # -- edits -------------------------------------------------------------------------------

    def _push(self, text: str, apply, revert) -> None:
        self._edits += 1
        push_edit(self.session, self.undo_stack, text, apply, revert, TAG)

    def _on_progress_edited(self, measure_id: int, round_: int, _old, new: Progress) -> None:
        self._push(
            f"บันทึกผลการดำเนินการ รอบ {to_thai_digits(str(round_))} เดือน",
            lambda db: plans.set_progress(db, progress=new),
            lambda db, before: plan_builder.restore_progress(
                db, measure_id=measure_id, round_months=round_, old=before
            ),
        )

    def start_from_six(self) -> None:
        """Twelve-month entries start from the six-month ones where there are none yet."""
        if self.view is None or self.view.plan is None:
            return
        plan_id = self.view.plan.id
        self._push(
            "เริ่มรอบ ๑๒ เดือนจากรอบ ๖ เดือน",
            lambda db: plan_builder.progress_twelve_from_six(db, plan_id=plan_id),
            lambda db, ids: plan_builder.clear_twelve(db, measure_ids=ids),
        )

    def select_round(self, round_: int) -> None:
        self.round_box.setCurrentIndex(max(self.round_box.findData(round_), 0))
