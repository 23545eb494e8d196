"""Read-only มาตรการ, ติดตามผล and รายงาน pages: what the file holds, where no editor is built."""

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ita_desktop.domain.criteria import Criteria
from ita_desktop.domain.records import STATUSES, Measure, Period, Plan, Progress
from ita_desktop.errors import UserError
from ita_desktop.i18n.thai import (
    format_count,
    format_date,
    format_date_range,
    format_month_range,
    format_round_period,
    format_year,
    to_thai_digits,
)
from ita_desktop.services import criteria as criteria_service
from ita_desktop.services import plans, results
from ita_desktop.ui.pages.base import Page
from ita_desktop.ui.widgets.table_model import Column, RowsModel
from ita_desktop.ui.widgets.thai_text import breakable

TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
READ_ONLY_NOTE = "หน้านี้แสดงข้อมูลอย่างเดียว การเพิ่มและแก้ไขจะพร้อมใช้งานในรุ่นถัดไป"


@dataclass(frozen=True)
class PlanView:
    """A plan year as the pages show it, read (and made wrappable) on the worker."""

    year: int
    plan: Plan | None
    next_year_has_plan: bool
    indicator_names: dict[int, str] = field(default_factory=dict)
    progress: dict[int, dict[int, Progress]] = field(default_factory=dict)
    has_results: bool = False


def load_plan_view(db, office_id: int, year: int) -> PlanView:
    plan = plans.find_plan(db, office_id, year)
    has_next = plans.find_plan(db, office_id, year + 1) is not None
    has_results = results.find_assessment(db, office_id, year) is not None
    if plan is None:
        return PlanView(year, None, has_next, has_results=has_results)
    names: dict[int, str] = {}
    for source in (plan.source_year or year - 1, year):
        try:
            criteria: Criteria = criteria_service.criteria_for_year(db, source)
        except UserError:  # a year without criteria just has no indicator names
            continue
        names = {ind.number: ind.name for ind in criteria.indicators} | names
    for m in plan.measures:
        m.measure, m.issue = breakable(m.measure), breakable(m.issue)
        m.steps = [breakable(s) for s in m.steps]
    progress = {r: plans.progress_of(db, plan.id, r) for r in (6, 12)}
    for rounds in progress.values():
        for p in rounds.values():
            p.results = [breakable(t) for t in p.results]
            p.outcome, p.remark = breakable(p.outcome), breakable(p.remark)
    return PlanView(year, plan, has_next, names, progress, has_results)


def period_text(period: Period) -> str:
    if period.kind == "months" and period.start and period.end:
        return format_month_range(period.start, period.end)
    if period.kind == "dates" and period.start and period.end:
        start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)
        return format_date_range(start, end, month="abbreviated")
    return period.text


def _lines(texts: list[str], numbered: bool = True, bullet: str = "") -> str:
    if not numbered:
        return "\n".join(f"{bullet}{t}" for t in texts) if len(texts) > 1 else "".join(texts)
    return "\n".join(f"{to_thai_digits(str(n))}. {t}" for n, t in enumerate(texts, start=1))


@dataclass(frozen=True)
class GroupRow:
    title: str


class GroupedRowsModel(RowsModel):
    """RowsModel whose GroupRow rows (one per indicator) are bold on a shaded band."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and isinstance(self.row(index.row()), GroupRow):
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#e8eef6"))
        return super().data(index, role)


class WrappedTable(QTableView):
    """A read-only table whose rows grow to their wrapped text, re-measured after every resize."""

    def __init__(self, model: RowsModel, stretch: tuple[int, ...]):
        super().__init__()
        self.setModel(model)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(80)
        for column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # Column widths settle after the layout pass; measuring rows at once uses stale widths.
        self._measure = QTimer(self, singleShot=True, interval=0)
        self._measure.timeout.connect(self.resizeRowsToContents)
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self._measure.start)
        header.sectionResized.connect(self._measure.start)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._measure.start()


class _PlanPage(Page):
    """Heading, a note, a hint to the next year's plan, and what the subclass adds."""

    year_requested = Signal(int)

    def __init__(self, session, undo_stack, parent=None):
        super().__init__(session, undo_stack, parent)
        self.view: PlanView | None = None
        self.heading = QLabel()
        self.heading.setObjectName("planHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("planNote")
        self.note.setWordWrap(True)
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextYearButton")
        self.next_button.clicked.connect(self._on_next_clicked)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.note)
        self.layout_.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.next_button.hide()

    def reload(self) -> None:
        if self.office_id is None or self.year is None:
            self.show_view(None)
            return
        office_id, year = self.office_id, self.year
        self.session.call(lambda db: load_plan_view(db, office_id, year), self._on_view_loaded)

    def _on_view_loaded(self, view: PlanView) -> None:
        if view.year == self.year:
            self.view = view
            self.show_view(view)

    def _on_next_clicked(self) -> None:
        if self.year is not None:
            self.year_requested.emit(self.year + 1)

    def show_view(self, view: PlanView | None) -> None:
        if view is None:
            self.heading.setText("ยังไม่ได้เลือกหน่วยงานและปีงบประมาณ")
            self.note.setText("")
            self.next_button.hide()
            return
        year = format_year(view.year)
        if view.plan is None:
            self.heading.setText(f"ยังไม่มีแผนมาตรการของปีงบประมาณ พ.ศ. {year}")
            self.note.setText(READ_ONLY_NOTE)
        else:
            source = format_year(view.plan.source_year or view.year - 1)
            self.heading.setText(self.heading_for(year))
            self.note.setText(f"จัดทำจากผลการประเมินปี {source} — {READ_ONLY_NOTE}")
        self.next_button.setText(
            f"ดูมาตรการปี {format_year(view.year + 1)} (จัดทำจากผลการประเมินปี {year}) →"
        )
        self.next_button.setVisible(view.next_year_has_plan)

    def heading_for(self, year: str) -> str:
        raise NotImplementedError


class ReadOnlyMeasuresPage(_PlanPage):
    title = "มาตรการ"

    def __init__(self, session, undo_stack, parent=None):
        super().__init__(session, undo_stack, parent)
        self.model = GroupedRowsModel(
            [
                Column("มาตรการ", self._measure_text, TOP),
                Column("ขั้นตอน/วิธีการดำเนินการ", lambda r: self._field(r, "steps"), TOP),
                Column("ผู้รับผิดชอบ", lambda r: self._field(r, "responsible"), TOP),
                Column("ระยะเวลาดำเนินการ", lambda r: self._field(r, "period"), TOP),
                Column("ข้อ", lambda r: self._field(r, "items"), TOP),
            ],
            self,
        )
        self.table = WrappedTable(self.model, (0, 1))
        self.table.setObjectName("measuresTable")
        self.layout_.addWidget(self.table, 1)

    def heading_for(self, year: str) -> str:
        return f"มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {year}"

    def show_view(self, view: PlanView | None) -> None:
        super().show_view(view)
        rows: list = []
        if view is not None and view.plan is not None:
            groups: dict[int | None, list[Measure]] = {}
            for m in view.plan.measures:
                groups.setdefault(m.indicator, []).append(m)
            for number in sorted(groups, key=lambda n: (n is None, n or 0)):
                name = view.indicator_names.get(number, "") if number else ""
                title = f"{to_thai_digits(str(number))}. {name}".strip() if number else "ไม่ระบุตัวชี้วัด"
                count = format_count(len(groups[number]))
                rows.append(GroupRow(f"{title} — {count} มาตรการ"))
                rows.extend(groups[number])
        self.table.clearSpans()
        self.model.set_rows(rows)
        for row, item in enumerate(rows):
            if isinstance(item, GroupRow):
                self.table.setSpan(row, 0, 1, self.model.columnCount())
        self.table.setVisible(bool(rows))

    @staticmethod
    def _measure_text(row) -> str:
        if isinstance(row, GroupRow):
            return row.title
        return f"{row.measure}\n(ประเด็น: {row.issue})" if row.issue else row.measure

    @staticmethod
    def _field(row, name: str) -> str:
        if isinstance(row, GroupRow):
            return ""
        if name == "steps":
            return _lines(row.steps)
        if name == "responsible":
            return _lines(row.responsible, numbered=False)
        if name == "period":
            return period_text(row.period)
        return ", ".join(row.items)


class ReadOnlyProgressPage(_PlanPage):
    title = "ติดตามผล"

    def __init__(self, session, undo_stack, parent=None):
        super().__init__(session, undo_stack, parent)
        self.round_box = QComboBox()
        self.round_box.setObjectName("roundSelector")
        self.round_box.currentIndexChanged.connect(lambda _i: self.show_view(self.view))
        self.summary = QLabel()
        self.summary.setObjectName("progressSummary")
        bold = QFont(self.summary.font())
        bold.setBold(True)
        self.summary.setFont(bold)
        row = QHBoxLayout()
        label = QLabel("รอบการรายงาน")
        label.setBuddy(self.round_box)
        row.addWidget(label)
        row.addWidget(self.round_box)
        row.addSpacing(24)
        row.addWidget(self.summary, 1)
        self.layout_.addLayout(row)
        self.model = RowsModel(
            [
                Column("มาตรการ", lambda r: r[0].measure, TOP),
                Column("สถานะ", lambda r: r[1].status, TOP),
                Column(
                    "วันที่ดำเนินการ",
                    lambda r: (
                        format_date(r[1].date_done, month="abbreviated") if r[1].date_done else ""
                    ),
                    TOP,
                ),
                Column("ผลการดำเนินการ", lambda r: _lines(r[1].results, False, "- "), TOP),
                Column("ผลลัพธ์", lambda r: r[1].outcome, TOP),
                Column("หมายเหตุ", lambda r: r[1].remark, TOP),
            ],
            self,
        )
        self.table = WrappedTable(self.model, (0, 3, 4, 5))
        self.table.setObjectName("progressTable")
        self.layout_.addWidget(self.table, 1)

    def heading_for(self, year: str) -> str:
        return f"ติดตามผลการดำเนินการตามมาตรการ ปีงบประมาณ พ.ศ. {year}"

    def show_view(self, view: PlanView | None) -> None:
        super().show_view(view)
        self._fill_rounds(view)
        rows = []
        if view is not None and view.plan is not None:
            round_ = self.round_box.currentData() or 6
            done = view.progress.get(round_, {})
            rows = [
                (m, done.get(m.id) or Progress(measure_id=m.id, round=round_))
                for m in view.plan.measures
            ]
        self.table.setVisible(bool(rows))
        counts = {status: sum(1 for _, p in rows if p.status == status) for status in STATUSES}
        self.summary.setText(
            " · ".join(f"{status} {format_count(n)}" for status, n in counts.items())
            if rows
            else ""
        )
        self.model.set_rows(rows)

    def _fill_rounds(self, view: PlanView | None) -> None:
        current = self.round_box.currentData() or 6
        self.round_box.blockSignals(True)
        self.round_box.clear()
        if view is not None:
            for months in (6, 12):
                period = format_round_period(view.year, months, month="abbreviated")
                self.round_box.addItem(f"รอบ {to_thai_digits(str(months))} เดือน ({period})", months)
            self.round_box.setCurrentIndex(max(self.round_box.findData(current), 0))
        self.round_box.blockSignals(False)


DOCUMENTS = (
    ("ก.", "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส", "results"),
    ("ข.", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "plan"),
    ("ค.", "รายงานผลการดำเนินการตามมาตรการ รอบ ๖ เดือน และ ๑๒ เดือน", "plan"),
    ("ง.", "การนำผลการประเมินไปสู่การพัฒนาหน่วยงาน", "results"),
    ("", "ชุดรายงานประจำปี (รวมทุกฉบับ)", "results"),
)


class DocumentsPage(_PlanPage):
    title = "รายงาน"

    def __init__(self, session, undo_stack, parent=None):
        super().__init__(session, undo_stack, parent)
        self.model = RowsModel(
            [
                Column("เอกสาร", lambda r: f"{r[0]} {r[1]}".strip()),
                Column("ข้อมูลในไฟล์", lambda r: r[2]),
            ],
            self,
        )
        self.table = WrappedTable(self.model, (0,))
        self.table.setObjectName("documentsTable")
        self.layout_.addWidget(self.table, 1)
        later = QLabel("การแสดงตัวอย่าง พิมพ์ และบันทึกรายงานเป็น PDF จากหน้านี้จะพร้อมใช้งานในรุ่นถัดไป")
        later.setObjectName("reportsLater")
        later.setWordWrap(True)
        self.layout_.addWidget(later)

    def heading_for(self, year: str) -> str:
        return f"รายงานของปีงบประมาณ พ.ศ. {year}"

    def show_view(self, view: PlanView | None) -> None:
        super().show_view(view)
        if view is None:
            self.model.set_rows([])
            return
        year = format_year(view.year)
        self.heading.setText(self.heading_for(year))
        self.note.setText(
            "เอกสารที่จัดทำได้จากข้อมูลในไฟล์นี้ — การแสดงตัวอย่าง พิมพ์ และบันทึกเป็น PDF "
            "จากหน้านี้จะพร้อมใช้งานในรุ่นถัดไป"
        )
        self.next_button.hide()
        have = {"results": view.has_results, "plan": view.plan is not None}
        missing = {
            "results": f"ยังไม่มีผลการประเมินปี {year}",
            "plan": f"ยังไม่มีแผนมาตรการปี {year}",
        }
        self.model.set_rows(
            [
                (code, name, "พร้อม" if have[need] else missing[need])
                for code, name, need in DOCUMENTS
            ]
        )
