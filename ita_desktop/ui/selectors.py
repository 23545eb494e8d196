"""The office and fiscal-year selectors at the top of the window, filled from the data file."""

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ita_desktop.i18n.thai import fiscal_year, format_year
from ita_desktop.services.criteria import available_years, criteria_for_year
from ita_desktop.storage.assessments import assessment_years
from ita_desktop.storage.offices import list_offices
from ita_desktop.storage.plans import plan_years


@dataclass(frozen=True)
class Outline:
    """What the selectors offer: the offices, and per office the years worth choosing."""

    offices: list[tuple[int, str]]
    years: dict[int, list[int]] = field(default_factory=dict)
    result_years: dict[int, list[int]] = field(default_factory=dict)
    draft_years: frozenset[int] = frozenset()


def load_outline(db) -> Outline:
    """Runs on the worker: offices, years with results or plans, and years that have criteria."""
    criteria_years = available_years(db)
    drafts = frozenset(y for y in criteria_years if criteria_for_year(db, y).provisional)
    offices = list_offices(db)
    years, results = {}, {}
    for office_id, _ in offices:
        results[office_id] = assessment_years(db, office_id)
        own = set(results[office_id]) | set(plan_years(db, office_id))
        years[office_id] = sorted(own | set(criteria_years), reverse=True)
    return Outline(offices, years, results, drafts)


def default_year(outline: Outline, office_id: int, today: date | None = None) -> int | None:
    """The latest year with results, else the current fiscal year if offered, else the latest."""
    if outline.result_years.get(office_id):
        return outline.result_years[office_id][-1]
    offered = outline.years.get(office_id, [])
    current = fiscal_year(today or date.today())
    return current if current in offered else (offered[0] if offered else None)


class ContextBar(QWidget):
    """Two combo boxes; ``context_chosen(office_id, year)`` when either changes."""

    context_chosen = Signal(object, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.outline = Outline([])
        self.office_box = QComboBox()
        self.office_box.setObjectName("officeSelector")
        self.office_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.office_box.setMinimumContentsLength(20)
        self.office_box.setAccessibleName("หน่วยงาน")
        self.year_box = QComboBox()
        self.year_box.setObjectName("yearSelector")
        self.year_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_box.setAccessibleName("ปีงบประมาณ")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        for caption, box in (("หน่วยงาน", self.office_box), ("ปีงบประมาณ พ.ศ.", self.year_box)):
            label = QLabel(caption)
            label.setBuddy(box)
            layout.addWidget(label)
            layout.addWidget(box)
            layout.addSpacing(16)
        layout.addStretch(1)
        self.office_box.currentIndexChanged.connect(self._on_office_changed)
        self.year_box.currentIndexChanged.connect(self._on_year_changed)

    def office_id(self) -> int | None:
        return self.office_box.currentData()

    def office_name(self) -> str:
        return self.office_box.currentText() if self.office_box.count() else ""

    def year(self) -> int | None:
        return self.year_box.currentData()

    def set_outline(self, outline: Outline) -> None:
        """Refill both boxes, keeping the chosen office and year when they are still offered."""
        if outline == self.outline and self.office_box.count() == len(outline.offices):
            return
        office, year = self.office_id(), self.year()
        self.outline = outline
        self.office_box.blockSignals(True)
        self.office_box.clear()
        for office_id, name in outline.offices:
            self.office_box.addItem(name, office_id)
        index = self.office_box.findData(office)
        self.office_box.setCurrentIndex(max(index, 0) if outline.offices else -1)
        self.office_box.blockSignals(False)
        self._fill_years(year)
        self._emit_if_changed(office, year)

    def select(self, office_id: int | None = None, year: int | None = None) -> None:
        if office_id is not None:
            self.office_box.setCurrentIndex(max(self.office_box.findData(office_id), 0))
        if year is not None and self.year_box.findData(year) >= 0:
            self.year_box.setCurrentIndex(self.year_box.findData(year))

    def _fill_years(self, keep: int | None) -> None:
        office_id = self.office_id()
        offered = self.outline.years.get(office_id, [])
        with_results = set(self.outline.result_years.get(office_id, []))
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in offered:
            notes = []
            if year in with_results:
                notes.append("มีผลการประเมิน")
            if year in self.outline.draft_years:
                notes.append("เกณฑ์ฉบับร่าง")
            text = format_year(year) + (f"  ({', '.join(notes)})" if notes else "")
            self.year_box.addItem(text, year)
        wanted = keep if keep in offered else default_year(self.outline, office_id)
        self.year_box.setCurrentIndex(self.year_box.findData(wanted) if offered else -1)
        self.year_box.blockSignals(False)

    def _emit_if_changed(self, office: int | None, year: int | None) -> None:
        if (office, year) != (self.office_id(), self.year()):
            self.context_chosen.emit(self.office_id(), self.year())

    def _on_office_changed(self, _index: int) -> None:
        self._fill_years(self.year())
        self.context_chosen.emit(self.office_id(), self.year())

    def _on_year_changed(self, _index: int) -> None:
        self.context_chosen.emit(self.office_id(), self.year())
