"""ไฟล์ → ใหม่: office profile → fiscal year → that year's criteria; the result is a setup job."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ita_desktop.domain.criteria import Criteria
from ita_desktop.domain.records import Office
from ita_desktop.i18n.thai import fiscal_year, format_year
from ita_desktop.services import criteria as criteria_service
from ita_desktop.services import offices, results
from ita_desktop.ui.pages.criteria_dialogs import draft_copy
from ita_desktop.ui.pages.office_page import FIELDS
from ita_desktop.ui.widgets.thai_date_edit import ThaiYearSpin

WIZARD_FIELDS = ("name", "kind", "district", "province")


class ProfilePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle("ข้อมูลหน่วยงาน")
        self.setSubTitle("แก้ไขและเพิ่มเติม (ที่อยู่ ตราสัญลักษณ์ ส่วนราชการ ผู้ลงนาม) ได้ภายหลังในหน้าหน่วยงาน")
        self.specs = {spec.name: spec for spec in FIELDS if spec.name in WIZARD_FIELDS}
        self.widgets: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        for name in WIZARD_FIELDS:
            spec = self.specs[name]
            if spec.choices:
                widget = QComboBox()
                widget.addItems(spec.choices)
            else:
                widget = QLineEdit()
                widget.setPlaceholderText(spec.placeholder)
            widget.setObjectName(f"wizard_{name}")
            error = QLabel()
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            cell = QVBoxLayout()
            cell.addWidget(widget)
            cell.addWidget(error)
            form.addRow(spec.label, cell)
            self.widgets[name], self.errors[name] = widget, error

    def value(self, name: str) -> str:
        widget = self.widgets[name]
        return widget.currentText() if isinstance(widget, QComboBox) else widget.text().strip()

    def validatePage(self) -> bool:
        ok = True
        for name, spec in self.specs.items():
            problem = spec.problem(self.value(name))
            self.errors[name].setText(f"⚠ {problem}")
            self.errors[name].setVisible(bool(problem))
            ok = ok and not problem
        return ok


class YearPage(QWizardPage):
    def __init__(self, default: int, known: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle("ปีงบประมาณ")
        self.setSubTitle("ปีงบประมาณ (พ.ศ.) ของผลการประเมิน ITA ที่จะกรอกเป็นปีแรก")
        self.year = ThaiYearSpin()  # พ.ศ. in Thai digits, like every other year on screen
        self.year.setObjectName("wizardYear")
        self.year.setRange(2560, 2700)
        self.year.setValue(default)
        self.year.setMaximumWidth(140)
        have = ", ".join(format_year(y) for y in sorted(known))
        known_label = QLabel(f"ปีที่มีเกณฑ์การประเมินในโปรแกรม: {have}")
        known_label.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("ปีงบประมาณ", self.year)
        form.addRow("", known_label)


class CriteriaChoicePage(QWizardPage):
    """Which criteria the chosen year uses: its own (stated, nothing to choose), or a draft copy
    of another year's, chosen from the list."""

    def __init__(self, criteria: dict[int, Criteria], parent: QWidget | None = None):
        super().__init__(parent)
        self.criteria = criteria
        self.setTitle("เกณฑ์การประเมิน")
        self.setSubTitle("ตัวชี้วัดและข้อคำถามที่ใช้กับผลการประเมินของปีงบประมาณที่เลือก")
        self.chosen = QLabel()
        self.chosen.setObjectName("criteriaChosen")
        self.chosen.setWordWrap(True)
        self.chosen.setStyleSheet(
            "QLabel { font-weight: bold; background: palette(base); padding: 8px;"
            " border: 1px solid palette(mid); border-radius: 3px; }"
        )
        self.explain = QLabel()
        self.explain.setObjectName("criteriaExplain")
        self.explain.setWordWrap(True)
        self.years_label = QLabel("ปีต้นแบบที่จะคัดลอกเกณฑ์มา")
        self.years = QListWidget()
        self.years.setObjectName("criteriaYears")
        self.years_label.setBuddy(self.years)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chosen)
        layout.addWidget(self.explain)
        layout.addSpacing(6)
        layout.addWidget(self.years_label)
        layout.addWidget(self.years, 1)
        layout.addStretch(0)  # takes the height only while the list is hidden
        self.years.currentItemChanged.connect(lambda *_: self._explain())

    def initializePage(self) -> None:
        year = self.field_year()
        self.years.clear()
        for each in sorted(self.criteria, reverse=True):
            item = QListWidgetItem(f"{format_year(each)} — {self._name(each)}")
            item.setData(Qt.ItemDataRole.UserRole, each)
            self.years.addItem(item)
        earlier = [y for y in self.criteria if y <= year] or list(self.criteria)
        chosen = year if year in self.criteria else max(earlier)
        for row in range(self.years.count()):
            if self.years.item(row).data(Qt.ItemDataRole.UserRole) == chosen:
                self.years.setCurrentRow(row)
        # A year with its own criteria has nothing to choose: say which, rather than show a
        # disabled (pale, hard to read) list.
        own = year in self.criteria
        for widget in (self.years_label, self.years):
            widget.setVisible(not own)
        self._explain()

    def _name(self, year: int) -> str:
        c = self.criteria[year]
        return c.title + ("  (ฉบับร่าง)" if c.provisional else "")

    def field_year(self) -> int:
        return self.wizard().year_page.year.value()

    def source_year(self) -> int | None:
        item = self.years.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _explain(self) -> None:
        year, source = self.field_year(), self.source_year()
        own = year in self.criteria
        self.chosen.setText(self._name(year) if own else "")
        self.chosen.setVisible(own)  # else the list shows the choice, selected
        if own:
            draft = self.criteria[year].provisional
            note = " ซึ่งยังเป็นฉบับร่าง ตรวจทานข้อคำถามได้ในหน้าเกณฑ์การประเมิน" if draft else ""
            text = f"ใช้เกณฑ์การประเมินของปี {format_year(year)} ที่มากับโปรแกรม{note}"
        elif source is not None:
            text = (
                f"ยังไม่มีเกณฑ์ของปี {format_year(year)} — จะคัดลอกเกณฑ์ของปี "
                f"{format_year(source)} มาเป็นฉบับร่าง (เลือกปีต้นแบบได้จากรายการ)"
            )
        else:
            text = "ยังไม่มีเกณฑ์การประเมินในโปรแกรม"
        self.explain.setText(text)

    def isComplete(self) -> bool:
        return self.field_year() in self.criteria or self.source_year() is not None


class NewFileWizard(QWizard):
    """Asks for the office, the year and its criteria; ``setup_chosen(job)`` when finished."""

    setup_chosen = Signal(object)

    def __init__(
        self, path: Path, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(f"สร้างหน่วยงานใหม่ — {path.name}")
        self.setObjectName("newFileWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        for button, text in (
            (QWizard.WizardButton.NextButton, "ถัดไป >"),
            (QWizard.WizardButton.BackButton, "< ย้อนกลับ"),
            (QWizard.WizardButton.FinishButton, "สร้าง"),
            (QWizard.WizardButton.CancelButton, "ยกเลิก"),
        ):
            self.setButtonText(button, text)
        criteria = criteria_service.shipped_criteria()
        current = fiscal_year(today or date.today())
        default = max([y for y in criteria if y <= current] or [current])
        self.profile_page = ProfilePage()
        self.year_page = YearPage(default, list(criteria))
        self.criteria_page = CriteriaChoicePage(criteria)
        for page in (self.profile_page, self.year_page, self.criteria_page):
            self.addPage(page)
        self.setMinimumSize(640, 460)

    def office(self) -> Office:
        page = self.profile_page
        return Office(
            name=page.value("name"),
            kind=page.value("kind"),
            district=page.value("district"),
            province=page.value("province"),
        )

    def setup_job(self):
        """The job that fills the new file: criteria copy if needed, office, first assessment."""
        office, year = self.office(), self.year_page.year.value()
        source = self.criteria_page.source_year()

        def setup(db) -> int:
            if year not in criteria_service.available_years(db):
                template = criteria_service.criteria_for_year(db, source)
                criteria_service.save_criteria(db, draft_copy(template, year))
            office_id = offices.create_office(db, office=office)
            results.start_assessment(db, office_id=office_id, year=year)
            return office_id

        return setup

    def accept(self) -> None:
        self.setup_chosen.emit(self.setup_job())
        super().accept()
