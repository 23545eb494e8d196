"""หน่วยงาน: the office profile, units, signatories and logo; every change saved as made."""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.records import OFFICE_KINDS, Office
from ita_desktop.errors import UserError
from ita_desktop.services import offices
from ita_desktop.ui.commands import push_edit
from ita_desktop.ui.pages.base import Page
from ita_desktop.ui.pages.office_lists import (
    ERROR_STYLE,
    HINT_STYLE,
    SignatoriesEditor,
    UnitsEditor,
)
from ita_desktop.ui.read_only import saving_hint
from ita_desktop.ui.widgets.thai_text import breakable_now

TAG = "office"
_PHONE = re.compile(r"^[0-9๐-๙\s\-+(),/]*(\s*ต่อ\s*[0-9๐-๙]+)?$")


def _no_prefix(*prefixes: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        for prefix in prefixes:
            if text.startswith(prefix):
                return f"ไม่ต้องพิมพ์ “{prefix}” นำหน้า (รายงานเติมให้เอง)"
        return ""

    return check


def _phone(text: str) -> str:
    if _PHONE.match(text):
        return ""
    return "หมายเลขโทรศัพท์ใช้ได้เฉพาะตัวเลข ขีด (-) และเว้นวรรค เช่น 0 3451 2345 ต่อ 12"


SAVING_HINT = "ทุกการแก้ไขบันทึกทันที เลิกทำได้ด้วย Ctrl+Z"


@dataclass(frozen=True)
class FieldSpec:
    """One profile field: the Office attribute, its Thai label and how to check it."""

    name: str
    label: str
    placeholder: str = ""
    required: str = ""
    max_length: int = 200
    choices: tuple[str, ...] = ()
    rule: Callable[[str], str] | None = None

    def problem(self, text: str) -> str:
        if not text:
            return self.required
        if len(text) > self.max_length:
            return f"ยาวเกินไป (ไม่เกิน {self.max_length} ตัวอักษร)"
        return self.rule(text) if self.rule else ""


FIELDS = (
    FieldSpec("name", "ชื่อหน่วยงาน", "เช่น องค์การบริหารส่วนตำบลตัวอย่าง", "กรุณากรอกชื่อหน่วยงาน"),
    FieldSpec("kind", "ประเภท", choices=OFFICE_KINDS),
    FieldSpec("district", "อำเภอ", "เช่น เมือง", rule=_no_prefix("อำเภอ", "อ.")),
    FieldSpec("province", "จังหวัด", "เช่น กาญจนบุรี", rule=_no_prefix("จังหวัด", "จ.")),
    FieldSpec("address", "ที่อยู่", "เลขที่ หมู่ ตำบล อำเภอ จังหวัด รหัสไปรษณีย์", max_length=500),
    FieldSpec("phone", "โทรศัพท์", "เช่น 0 3451 2345", max_length=100, rule=_phone),
)


@dataclass(frozen=True)
class Issue:
    field: str
    message: str


class OfficePage(Page):
    """Fields from FIELDS with load / check / save; lists and logo saved through the undo stack."""

    title = "หน่วยงาน"
    new_office_requested = Signal()

    def __init__(self, session, undo_stack, parent=None):
        super().__init__(session, undo_stack, parent)
        self.office: Office | None = None
        self.widgets: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self._build()

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in FIELDS:
            if spec.choices:
                widget = QComboBox()
                widget.addItems(spec.choices)
                widget.activated.connect(lambda _index: self.save())
            else:
                widget = QLineEdit()
                widget.setPlaceholderText(spec.placeholder)
                widget.setMaxLength(spec.max_length + 1)
                widget.editingFinished.connect(lambda: self.save())
            widget.setObjectName(f"field_{spec.name}")
            widget.setAccessibleName(spec.label)
            error = QLabel()
            error.setObjectName(f"error_{spec.name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(error)
            label = QLabel(spec.label)
            label.setBuddy(widget)
            form.addRow(label, cell)
            self.widgets[spec.name], self.errors[spec.name] = widget, error

        profile = QGroupBox("ข้อมูลหน่วยงาน")
        profile.setLayout(form)
        self.units = UnitsEditor()
        self.units.units_edited.connect(self._on_units_edited)
        units_box = QGroupBox("ส่วนราชการ/กอง (ใช้เป็นผู้รับผิดชอบมาตรการ)")
        QVBoxLayout(units_box).addWidget(self.units)
        self.signatories = SignatoriesEditor()
        self.signatories.signatories_edited.connect(self._on_signatories_edited)
        signers_box = QGroupBox("ผู้ลงนามในรายงาน")
        QVBoxLayout(signers_box).addWidget(self.signatories)

        left = QVBoxLayout()
        left.addWidget(profile)
        left.addWidget(self._build_logo_box())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(units_box, 2)
        right.addWidget(signers_box, 3)  # its rows are taller: positions wrap
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)

        self.content = QWidget()
        outer = QVBoxLayout(self.content)
        heading = QLabel("ข้อมูลหน่วยงาน")
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.saving_note = QLabel(SAVING_HINT)
        self.saving_note.setStyleSheet(HINT_STYLE)
        outer.addWidget(heading)
        outer.addWidget(self.saving_note)
        outer.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.content)

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_text = QLabel("ไฟล์นี้ยังไม่มีหน่วยงาน")
        empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_text.setStyleSheet("font-size: 14pt;")
        self.create_button = QPushButton("สร้างหน่วยงาน…")
        self.create_button.clicked.connect(self.new_office_requested)
        empty_layout.addWidget(empty_text)
        empty_layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        layout.addWidget(self.empty)
        self.scroll = scroll
        self._show_office(False)

    def _build_logo_box(self) -> QGroupBox:
        box = QGroupBox("ตราสัญลักษณ์ (ใช้บนหน้าปกรายงาน)")
        self.logo_view = QLabel("ยังไม่มีตราสัญลักษณ์")
        self.logo_view.setObjectName("logoView")
        self.logo_view.setFixedSize(120, 120)
        self.logo_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_view.setWordWrap(True)
        self.logo_view.setStyleSheet(f"border: 1px solid #999; {HINT_STYLE}")
        self.logo_pick = QPushButton("เลือกไฟล์ภาพ…")
        self.logo_pick.clicked.connect(self._on_logo_pick_clicked)
        self.logo_clear = QPushButton("ลบตราสัญลักษณ์")
        self.logo_clear.clicked.connect(self._on_logo_clear_clicked)
        self.logo_error = QLabel()
        self.logo_error.setObjectName("logoError")
        self.logo_error.setStyleSheet(ERROR_STYLE)
        self.logo_error.setWordWrap(True)
        self.logo_error.hide()
        hint = QLabel(breakable_now("ไฟล์ PNG หรือ JPEG ขนาดไม่เกิน ๒ MB"))
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)
        buttons = QVBoxLayout()
        buttons.addWidget(self.logo_pick)
        buttons.addWidget(self.logo_clear)
        buttons.addWidget(hint)
        buttons.addWidget(self.logo_error)
        buttons.addStretch(1)
        row = QHBoxLayout(box)
        row.addWidget(self.logo_view)
        row.addLayout(buttons, 1)
        return box

    def _show_office(self, present: bool) -> None:
        self.scroll.setVisible(present)
        self.empty.setVisible(not present)

    # -- load / check / save -----------------------------------------------------------------

    def reload(self) -> None:
        self.saving_note.setText(saving_hint(self.session, SAVING_HINT))
        if self.office_id is None:
            self.office = None
            self._show_office(False)
            return
        office_id = self.office_id
        self.session.call(lambda db: offices.get_office(db, office_id), self.load)

    def load(self, office: Office) -> None:
        """Show ``office``; a field being typed in, or wrong and explained, keeps its text."""
        if office.id != self.office_id:
            return  # an answer for an office no longer selected
        before, self.office = self.office, office
        same = before is not None and before.id == office.id
        self._show_office(True)
        for spec in FIELDS:
            widget, value = self.widgets[spec.name], getattr(office, spec.name)
            typing = widget.hasFocus() and self._text(spec.name) != getattr(before, spec.name, None)
            if same and (typing or not self.errors[spec.name].isHidden()):
                continue
            self.errors[spec.name].hide()
            if self._text(spec.name) != value:
                self._set_text(spec.name, value)
        self.units.set_names([u.name for u in office.units])
        self.signatories.model.set_rows([replace(s, id=None) for s in office.signatories])
        self._show_logo(office.logo)

    def check(self) -> list[Issue]:
        """What is wrong with the typed fields, in Thai, shown next to each field."""
        issues = []
        for spec in FIELDS:
            problem = spec.problem(self._text(spec.name))
            self.errors[spec.name].setText(f"⚠ {problem}")
            self.errors[spec.name].setVisible(bool(problem))
            if problem:
                issues.append(Issue(spec.name, problem))
        return issues

    def save(self) -> None:
        """Save the fields that changed and pass check() as one undoable edit."""
        if self.office is None:
            return
        wrong = {issue.field for issue in self.check()}
        changed = {
            spec.name: self._text(spec.name)
            for spec in FIELDS
            if spec.name not in wrong and self._text(spec.name) != getattr(self.office, spec.name)
        }
        if not changed:
            return
        self.office = replace(self.office, **changed)
        office_id = self.office.id
        labels = "/".join(spec.label for spec in FIELDS if spec.name in changed)
        push_edit(
            self.session,
            self.undo_stack,
            f"แก้ไข{labels}",
            lambda db: offices.update_office(db, office_id=office_id, **changed),
            lambda db, change: offices.update_office(db, office_id=office_id, **change.old),
            TAG,
        )

    def _text(self, name: str) -> str:
        widget = self.widgets[name]
        return widget.currentText() if isinstance(widget, QComboBox) else widget.text().strip()

    def _set_text(self, name: str, value: str) -> None:
        widget = self.widgets[name]
        if isinstance(widget, QComboBox):
            widget.setCurrentText(value)
        else:
            widget.setText(value)
            widget.setCursorPosition(0)

    # -- lists -------------------------------------------------------------------------------

    def _on_units_edited(self, names: list[str]) -> None:
        self._push_list_edit("แก้ไขรายชื่อส่วนราชการ/กอง", offices.set_units, names=names)

    def _on_signatories_edited(self, signatories: list) -> None:
        self._push_list_edit("แก้ไขผู้ลงนาม", offices.set_signatories, signatories=signatories)

    def _push_list_edit(self, text: str, setter, **value) -> None:
        """One undoable replacement of a list; the setter returns the old list, set back on undo."""
        if self.office is None:
            return
        office_id = self.office.id
        (name,) = value
        push_edit(
            self.session,
            self.undo_stack,
            text,
            lambda db: setter(db, office_id=office_id, **value),
            lambda db, old: setter(db, office_id=office_id, **{name: old}),
            TAG,
        )

    # -- logo --------------------------------------------------------------------------------

    def _show_logo(self, data: bytes | None) -> None:
        image = QImage.fromData(data) if data else QImage()
        if image.isNull():
            self.logo_view.setPixmap(QPixmap())
            self.logo_view.setText("ยังไม่มีตราสัญลักษณ์")
        else:
            self.logo_view.setPixmap(
                QPixmap.fromImage(image).scaled(
                    self.logo_view.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.logo_clear.setEnabled(bool(data))

    def _on_logo_pick_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "เลือกตราสัญลักษณ์", str(Path.home()), "ภาพ (*.png *.jpg *.jpeg)"
        )
        if name:
            self.set_logo_from_file(Path(name))

    def set_logo_from_file(self, path: Path) -> bool:
        """Store the image at ``path`` as the logo; a Thai message beside it if it cannot be."""
        try:
            with path.open("rb") as file:
                data = file.read(offices.MAX_LOGO_BYTES + 1)  # one byte over is enough to refuse
            offices.logo_mime(data)
            if QImage.fromData(data).isNull():
                raise UserError("เปิดไฟล์ภาพนี้ไม่ได้ (ไฟล์อาจเสียหาย) กรุณาเลือกไฟล์ PNG หรือ JPEG อื่น")
        except OSError:
            problem = f"เปิดไฟล์ {path.name} ไม่ได้ กรุณาเลือกไฟล์อื่น"
        except UserError as error:
            problem = error.message
        else:
            problem = ""
        self.logo_error.setText(f"⚠ {problem}")
        self.logo_error.setVisible(bool(problem))
        if not problem:
            self._save_logo(data, "เปลี่ยนตราสัญลักษณ์")
        return not problem

    def _on_logo_clear_clicked(self) -> None:
        self.logo_error.hide()
        self._save_logo(None, "ลบตราสัญลักษณ์")

    def _save_logo(self, data: bytes | None, text: str) -> None:
        if self.office is None:
            return
        office_id = self.office.id
        self._show_logo(data)
        push_edit(
            self.session,
            self.undo_stack,
            text,
            lambda db: offices.update_office(db, office_id=office_id, logo=data),
            lambda db, change: offices.update_office(
                db, office_id=office_id, logo=change.old["logo"]
            ),
            TAG,
        )
