"""The detail pane of a measure: every field of SPEC §3.4, each saved a moment after typing."""

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.records import Measure
from ita_desktop.i18n.thai import to_thai_digits
from ita_desktop.services.plan_builder import PlanContext
from ita_desktop.ui.measure_links import LinksEditor
from ita_desktop.ui.widgets.labels import HINT_STYLE
from ita_desktop.ui.widgets.list_editors import ResponsiblePicker, StepsEditor
from ita_desktop.ui.widgets.period_picker import PeriodPicker
from ita_desktop.ui.widgets.saved_text import SavedTextEdit

EMPTY_TEXT = "เลือกมาตรการในตารางทางซ้าย (ดับเบิลคลิกหรือกด Enter) เพื่อแก้ไขรายละเอียด"


@dataclass(frozen=True)
class TextField:
    name: str
    label: str
    placeholder: str
    lines: tuple[int, int] = (2, 6)


TEXT_FIELDS = (
    TextField(
        "issue",
        "ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน",
        "เช่น บุคลากรบางส่วนไม่ทราบข้อมูลแผนการใช้จ่ายงบประมาณ",
    ),
    TextField("measure", "มาตรการ/แนวทาง/โครงการ/กิจกรรม", "สิ่งที่หน่วยงานจะทำ"),
    TextField("follow_up", "การรายงานผลและการกำกับติดตาม", "เช่น รายงานผู้บริหารทุกไตรมาส", (2, 5)),
    TextField("expected_result", "ผลที่คาดว่าจะได้รับ", "ผลลัพธ์ที่ต้องการเมื่อทำแล้ว", (2, 5)),
)


class MeasureEditor(QWidget):
    """Shows one measure; ``fields_edited(id, changes)`` and ``group_chosen(id, indicator)``."""

    fields_edited = Signal(int, dict)
    group_chosen = Signal(int, object)
    library_save_requested = Signal(int)
    removal_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.measure: Measure | None = None
        self.context: PlanContext | None = None
        self.texts: dict[str, SavedTextEdit] = {}
        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setObjectName("editorEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(HINT_STYLE)
        self.body = QWidget()
        form = QVBoxLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        for spec in TEXT_FIELDS[:2]:
            self._add_text(form, spec)
        self.steps = StepsEditor()
        self.steps.steps_edited.connect(lambda steps: self._emit({"steps": steps}))
        self._add(form, "ขั้นตอน/วิธีการดำเนินการ", self.steps, self.steps.table)
        self.responsible = ResponsiblePicker()
        self.responsible.responsible_edited.connect(
            lambda names: self._emit({"responsible": names})
        )
        self._add(form, "ผู้รับผิดชอบ", self.responsible, self.responsible.list)
        self.period = PeriodPicker()
        # "พิมพ์ในรายงานว่า: …" beside the kind box would make the pane too wide for 1024 px.
        self.period.preview.setWordWrap(True)
        self.period.period_edited.connect(lambda period: self._emit({"period": period}))
        self._add(form, "ระยะเวลาดำเนินการ", self.period, self.period.kind)
        for spec in TEXT_FIELDS[2:]:
            self._add_text(form, spec)
        self.group = QComboBox()
        self.group.setObjectName("groupBox")
        self.group.activated.connect(self._on_group_activated)
        self._add(form, "อยู่ในกลุ่มตัวชี้วัด", self.group, self.group)
        self.links = LinksEditor()
        self.links.links_edited.connect(self._on_links_edited)
        self._add(form, "ตัวชี้วัดและข้อที่มาตรการนี้ตอบ", self.links, self.links.tree)
        buttons = QHBoxLayout()
        self.keep_button = QPushButton("บันทึกเข้าคลังมาตรการ")
        self.keep_button.setObjectName("keepInLibrary")
        self.keep_button.clicked.connect(lambda: self._request(self.library_save_requested))
        self.remove_button = QPushButton("ลบมาตรการนี้")
        self.remove_button.setObjectName("removeMeasure")
        self.remove_button.clicked.connect(lambda: self._request(self.removal_requested))
        buttons.addWidget(self.keep_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        form.addLayout(buttons)
        form.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self.load(None, None)

    def _add(self, form: QVBoxLayout, caption: str, widget: QWidget, buddy: QWidget) -> None:
        label = QLabel(caption)
        label.setBuddy(buddy)
        label.setStyleSheet("font-weight: bold; margin-top: 6px;")
        buddy.setAccessibleName(caption)
        form.addWidget(label)
        form.addWidget(widget)

    def _add_text(self, form: QVBoxLayout, spec: TextField) -> None:
        edit = SavedTextEdit(lines=spec.lines)
        edit.setObjectName(f"field_{spec.name}")
        edit.setPlaceholderText(spec.placeholder)
        edit.text_committed.connect(lambda _old, new, name=spec.name: self._emit({name: new}))
        self.texts[spec.name] = edit
        self._add(form, spec.label, edit, edit)

    # -- load --------------------------------------------------------------------------------

    def load(self, measure: Measure | None, context: PlanContext | None) -> None:
        """Show ``measure``; another measure first commits what was typed for the last one."""
        if self.measure is not None and (measure is None or measure.id != self.measure.id):
            self.flush()
        self.measure, self.context = measure, context
        self.body.setVisible(measure is not None)
        self.empty.setVisible(measure is None)
        if measure is None or context is None:
            self.heading.setText("รายละเอียดมาตรการ")
            return
        info = context.indicator(measure.indicator)
        group = f"ตัวชี้วัดที่ {to_thai_digits(str(info.number))} {info.name}" if info else ""
        self.heading.setText(f"รายละเอียดมาตรการ — {group}" if group else "รายละเอียดมาตรการ")
        for name, edit in self.texts.items():
            edit.set_saved_text(getattr(measure, name))
        self.steps.set_steps(measure.steps)
        self.responsible.set_choice(list(context.units), measure.responsible)
        self.period.set_period(measure.period, context.year)
        self._fill_groups(context, measure.indicator)
        self.links.set_links(context, measure.indicators, measure.items)

    def _fill_groups(self, context: PlanContext, indicator: int | None) -> None:
        self.group.blockSignals(True)
        self.group.clear()
        for info in context.indicators:
            self.group.addItem(f"{to_thai_digits(str(info.number))}. {info.name}", info.number)
        self.group.addItem("ไม่ระบุตัวชี้วัด", None)
        self.group.setCurrentIndex(max(self.group.findData(indicator), 0))
        if indicator is None:
            self.group.setCurrentIndex(self.group.count() - 1)
        self.group.blockSignals(False)

    def flush(self) -> None:
        """Commit typing not yet saved (leaving the measure, undo, closing)."""
        for edit in self.texts.values():
            edit.flush()
        self.period.flush()

    def focus_field(self, name: str) -> None:
        self.texts[name].setFocus()

    # -- edits -------------------------------------------------------------------------------

    def _emit(self, changes: dict) -> None:
        if self.measure is None:
            return
        if all(getattr(self.measure, k) == v for k, v in changes.items()):
            return
        self.measure = replace(self.measure, **changes)
        self.fields_edited.emit(self.measure.id, changes)

    def _on_links_edited(self, indicators: list, items: list) -> None:
        self._emit({"indicators": indicators, "items": items})

    def _on_group_activated(self, index: int) -> None:
        if self.measure is not None and self.group.itemData(index) != self.measure.indicator:
            self.group_chosen.emit(self.measure.id, self.group.itemData(index))

    def _request(self, signal) -> None:
        if self.measure is not None:
            self.flush()
            signal.emit(self.measure.id)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.flush()
        super().keyPressEvent(event)
