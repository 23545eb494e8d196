"""ไฟล์ → ส่งออกไฟล์สำหรับแบ่งปัน…: an office and its years into a file a colleague can import."""

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.errors import UserError
from ita_desktop.i18n.thai import format_year
from ita_desktop.services.share import export_file
from ita_desktop.storage.assessments import assessment_years
from ita_desktop.storage.offices import list_offices
from ita_desktop.storage.plans import plan_years
from ita_desktop.ui.report_choices import UNSAFE_IN_NAMES, short_office_name

SUFFIX = ".itashare"
SHARE_FILTER = "ไฟล์สำหรับแบ่งปัน ITA Desktop (*.itashare)"


@dataclass(frozen=True)
class OfficeYears:
    office_id: int
    name: str
    result_years: list[int]
    plan_years: list[int]

    @property
    def years(self) -> list[int]:
        return sorted(set(self.result_years) | set(self.plan_years), reverse=True)


def load_offices(db) -> list[OfficeYears]:
    """Runs on the worker: each office with the years it has results or a plan for."""
    return [
        OfficeYears(office_id, name, assessment_years(db, office_id), plan_years(db, office_id))
        for office_id, name in list_offices(db)
    ]


def year_span(years: list[int]) -> str:
    """'๒๕๖๘', '๒๕๖๖-๒๕๖๘' for consecutive years, else '๒๕๖๕,๒๕๖๘'."""
    years = sorted(years)
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{format_year(years[0])}-{format_year(years[-1])}"
    return ",".join(format_year(y) for y in years)


def default_file_name(office_name: str, years: list[int]) -> str:
    """'ITA-อบต.ตัวอย่าง-๒๕๖๗-๒๕๖๘.itashare'."""
    parts = ["ITA", short_office_name(office_name), year_span(years)]
    name = "-".join(UNSAFE_IN_NAMES.sub(" ", part).strip() for part in parts if part.strip())
    return name.rstrip(". ") + SUFFIX


def open_export_dialog(window: QMainWindow) -> "ExportDialog | None":
    if window.session is None:
        return None
    dialog = ExportDialog(window, window.context_bar.office_id(), window.context_bar.year())
    dialog.open()
    return dialog


class ExportDialog(QDialog):
    """Office, years (the window's year ticked) and where to save; the file is written on the
    worker. Reading only: offered in read-only mode too."""

    def __init__(self, window: QMainWindow, office_id: int | None, year: int | None):
        super().__init__(window)
        self.setObjectName("exportDialog")
        self.setWindowTitle("ส่งออกไฟล์สำหรับแบ่งปัน")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window_ = window
        self.session = window.session
        self.offices: list[OfficeYears] = []
        self._wanted = (office_id, year)
        self._named_by_hand = False
        self._closed = False  # answers from the worker may arrive after the clerk closed it
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder = Path(folder) if folder and Path(folder).is_dir() else Path.home()

        self.office_box = QComboBox()
        self.office_box.setObjectName("exportOffice")
        self.office_box.currentIndexChanged.connect(self._on_office_changed)
        self.year_list = QListWidget()
        self.year_list.setObjectName("exportYears")
        self.year_list.setAccessibleName("ปีงบประมาณที่จะส่งออก")
        self.year_list.itemChanged.connect(lambda _item: self._on_years_changed())
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("exportPath")
        self.path_edit.textEdited.connect(self._on_path_edited)
        self.path_edit.textChanged.connect(lambda _text: self._update_state())
        browse = QPushButton("เลือกที่บันทึก…")
        browse.clicked.connect(self._on_browse_clicked)
        where = QWidget()
        # Fixed height: a taller row would centre the path box far below its label.
        where.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(where)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.note = QLabel()
        self.note.setObjectName("exportNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a5300;")

        form = QFormLayout()
        form.addRow("หน่วยงาน", self.office_box)
        form.addRow("ปีงบประมาณ", self.year_list)
        form.addRow("บันทึกเป็น", where)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "ไฟล์สำหรับแบ่งปันเก็บข้อมูลหน่วยงาน ผลการประเมิน และแผนมาตรการของปีที่เลือก"
            " ส่งให้หน่วยงานอื่นนำเข้าด้วยเมนู ไฟล์ → นำเข้าไฟล์สำหรับแบ่งปัน"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)  # spare height goes above the buttons, not between the rows
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton("ส่งออก", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setEnabled(False)
        buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fit_year_list()
        self._fit_height(640)
        self.session.call(load_offices, self._on_loaded, on_error=self._on_failed)

    # -- choices -----------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def _on_loaded(self, offices: list[OfficeYears]) -> None:
        if self._closed:
            return
        self.offices = offices
        self.office_box.blockSignals(True)
        for office in offices:
            self.office_box.addItem(office.name, office.office_id)
        self.office_box.blockSignals(False)
        wanted = self.office_box.findData(self._wanted[0])
        self.office_box.setCurrentIndex(max(wanted, 0))
        self._on_office_changed()
        self._fit_height(self.width())  # the year list now has its rows
        if not offices:
            self.note.setText("ไฟล์ข้อมูลนี้ยังไม่มีหน่วยงาน จึงยังไม่มีอะไรให้ส่งออก")

    def _fit_height(self, width: int) -> None:
        """As tall as the content at ``width`` (the wrapped intro included): no empty band."""
        self.layout().activate()  # drops the nested form's stale height-for-width
        height = self.heightForWidth(width)
        self.resize(width, height if height > 0 else self.sizeHint().height())

    def office(self) -> OfficeYears | None:
        index = self.office_box.currentIndex()
        return self.offices[index] if 0 <= index < len(self.offices) else None

    def _on_office_changed(self, _index: int = 0) -> None:
        office = self.office()
        self.year_list.blockSignals(True)
        self.year_list.clear()
        for year in office.years if office else []:
            kinds = (("ผลการประเมิน", office.result_years), ("แผนมาตรการ", office.plan_years))
            what = [word for word, years in kinds if year in years]
            item = QListWidgetItem(f"{format_year(year)}  ({' และ'.join(what)})")
            item.setData(Qt.ItemDataRole.UserRole, year)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.year_list.addItem(item)
        self.year_list.blockSignals(False)
        self._fit_year_list()
        years = office.years if office else []
        self.set_years([self._wanted[1]] if self._wanted[1] in years else years)

    def _fit_year_list(self) -> None:
        """Three to eight rows high, whatever the dialog's height: no empty list, no scrolling."""
        rows = max(3, min(8, self.year_list.count()))
        row_height = (
            self.year_list.sizeHintForRow(0)
            if self.year_list.count()
            else self.year_list.fontMetrics().height() + 4
        )
        self.year_list.setFixedHeight(rows * row_height + 2 * self.year_list.frameWidth() + 6)

    def set_years(self, years: list[int]) -> None:
        self.year_list.blockSignals(True)
        for row in range(self.year_list.count()):
            item = self.year_list.item(row)
            ticked = item.data(Qt.ItemDataRole.UserRole) in years
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.year_list.blockSignals(False)
        self._on_years_changed()

    def years(self) -> list[int]:
        items = (self.year_list.item(row) for row in range(self.year_list.count()))
        return sorted(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def _on_years_changed(self) -> None:
        office = self.office()
        if office is not None and self.years() and not self._named_by_hand:
            self.path_edit.setText(str(self.folder / default_file_name(office.name, self.years())))
        self._update_state()

    def _on_path_edited(self, _text: str) -> None:
        self._named_by_hand = True

    def _on_browse_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "บันทึกไฟล์สำหรับแบ่งปัน", self.path_edit.text(), SHARE_FILTER
        )
        if name:
            self._named_by_hand = True
            self.path_edit.setText(name)

    def target(self) -> Path | None:
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text)
        return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)

    def _update_state(self) -> None:
        target = self.target()
        ready = self.office() is not None and bool(self.years()) and target is not None
        self.export_button.setEnabled(ready)
        if self.offices and not self.years():
            self.note.setText("กรุณาเลือกปีงบประมาณอย่างน้อยหนึ่งปี")
        elif target is not None and target.exists():
            self.note.setText("มีไฟล์ชื่อนี้อยู่แล้ว เมื่อส่งออกจะบันทึกทับไฟล์เดิม")
        else:
            self.note.setText("")

    # -- writing -----------------------------------------------------------------------------

    def export(self) -> None:
        office, years, target = self.office(), self.years(), self.target()
        if office is None or not years or target is None:
            return
        self.export_button.setEnabled(False)
        self.session.call(
            lambda db: export_file(db, office_id=office.office_id, path=target, years=years),
            lambda _size: self._on_exported(target),
            on_error=self._on_failed,
        )

    def _on_exported(self, target: Path) -> None:
        if not self._closed:
            self.accept()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "ส่งออกไฟล์สำหรับแบ่งปัน",
            f"บันทึกไฟล์สำหรับแบ่งปันแล้วที่ {target}",
            parent=self.window_,
        )
        box.setObjectName("exportedBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _on_failed(self, error: Exception) -> None:
        if not self._closed:
            self._update_state()
        if isinstance(error, UserError):
            self.window_.show_user_error(error.message)
        else:
            sys.excepthook(type(error), error, error.__traceback__)
