"""มาตรการ: the plan of the selected year as a tree by indicator, a detail pane, quick starts."""

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolBar,
    QVBoxLayout,
)

from ita_desktop.domain.records import Measure
from ita_desktop.i18n.thai import format_year
from ita_desktop.services import plan_builder, plans
from ita_desktop.services import suggestions as library
from ita_desktop.services.plan_builder import PlanContext
from ita_desktop.ui.commands import push_edit
from ita_desktop.ui.copy_measures_dialog import CopyMeasuresDialog
from ita_desktop.ui.measure_editor import MeasureEditor
from ita_desktop.ui.measure_edits import FIELD_WORDS, AddedMeasures, load_view
from ita_desktop.ui.measures_model import MeasuresModel
from ita_desktop.ui.measures_tree import MeasuresTree
from ita_desktop.ui.pages.base import Page
from ita_desktop.ui.read_only import saving_hint
from ita_desktop.ui.suggestion_dialog import SuggestionDialog
from ita_desktop.ui.widgets.labels import heading_label, hint_label

TAG = "plan"
# The detail pane takes about a third of the width: enough for its fields at 1024 px, while the
# tree keeps room for the measure texts. Narrower than its fields, it scrolls rather than clips.
SPLIT_SIZES = (640, 360)
EDITOR_MIN_WIDTH = 280


class MeasuresPage(Page):
    title = "มาตรการ"
    year_requested = Signal(int)

    def __init__(self, session, undo_stack, parent=None):
        super().__init__(session, undo_stack, parent)
        self.context: PlanContext | None = None
        self._edits = 0
        self._selected_id: int | None = None
        self._focus_after_add = False
        self.suggestion_dialog: SuggestionDialog | None = None
        self.copy_dialog: CopyMeasuresDialog | None = None
        self.heading = heading_label("planHeading")
        self.note = hint_label("planNote")
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextYearButton")
        self.next_button.clicked.connect(self._on_next_clicked)
        self.toolbar = self._build_toolbar()
        self.model = MeasuresModel(self)
        self.model.measure_edited.connect(self._on_fields_edited)
        self.model.measure_dropped.connect(self._on_measure_dropped)
        self.tree = MeasuresTree(self.model)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.tree.activated.connect(lambda _index: self.editor.focus_field("measure"))
        for keys, slot in (
            (Qt.Key.Key_Insert, self.add_measure),
            (Qt.Key.Key_Delete, self.remove_selected),
            ("Ctrl+Up", lambda: self.move_selected(-1)),
            ("Ctrl+Down", lambda: self.move_selected(1)),
            ("Ctrl+L", self.open_library),
        ):
            self.tree.add_shortcut(keys, slot)
        self.editor = MeasureEditor()
        self.editor.fields_edited.connect(self._on_fields_edited)
        self.editor.group_chosen.connect(self._on_group_chosen)
        self.editor.library_save_requested.connect(self._on_library_save_requested)
        self.editor.removal_requested.connect(lambda _id: self.remove_selected())
        scroll = QScrollArea()
        scroll.setObjectName("measureEditorScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        scroll.setMinimumWidth(EDITOR_MIN_WIDTH)
        self.split = QSplitter()
        self.split.setObjectName("measuresSplit")
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.tree)
        self.split.addWidget(scroll)
        self.split.setSizes(list(SPLIT_SIZES))  # kept in proportion as the window resizes
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        self.flash = QLabel()
        self.flash.setObjectName("measuresFlash")
        self.flash.setStyleSheet("color: #1b5e20;")
        bar = QHBoxLayout()
        bar.addWidget(self.toolbar, 1)
        bar.addWidget(self.flash)
        layout.addLayout(bar)
        layout.addWidget(self.split, 1)
        self._show(None)

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setObjectName("measuresToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_: dict[str, QAction] = {}
        for key, text, tip, slot in (
            ("add", "เพิ่มมาตรการ", "Insert", self.add_measure),
            ("remove", "ลบมาตรการ", "Delete", self.remove_selected),
            ("analysis", "สร้างจากผลการวิเคราะห์", "", self.build_from_analysis),
            ("copy", "คัดลอกจากปีที่แล้ว", "", self.open_copy_dialog),
            ("library", "คลังมาตรการ", "Ctrl+L", self.open_library),
            ("up", "ย้ายขึ้น", "Ctrl+Up", lambda: self.move_selected(-1)),
            ("down", "ย้ายลง", "Ctrl+Down", lambda: self.move_selected(1)),
        ):
            action = QAction(text, self)
            action.setObjectName(f"action_{key}")
            action.setToolTip(f"{text} ({tip})" if tip else text)
            action.triggered.connect(slot)
            bar.addAction(action)
            self.actions_[key] = action
            if key in ("remove", "library"):
                bar.addSeparator()
        return bar

    # -- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        if self.office_id is None or self.year is None:
            self._show(None)
            return
        office_id, year, serial = self.office_id, self.year, self._edits
        self.session.call(
            lambda db: load_view(db, office_id, year),
            lambda view: self._on_context_loaded(*view, serial),
        )

    def _on_context_loaded(self, context: PlanContext, wrapped: dict, serial: int) -> None:
        # An answer older than the last edit would show the measure as it was: the edit's own
        # reload comes after it.
        current = (context.office_id, context.year) == (self.office_id, self.year)
        if current and serial == self._edits:
            self._show(context, wrapped)

    def _show(self, context: PlanContext | None, wrapped: dict | None = None) -> None:
        self.context = context
        self.model.set_context(context, wrapped)
        for action in self.actions_.values():
            action.setEnabled(context is not None)
        if context is None:
            self.heading.setText("ยังไม่ได้เลือกหน่วยงานและปีงบประมาณ")
            self.note.setText("")
            self.next_button.hide()
            self.editor.load(None, None)
            return
        year, source = format_year(context.year), format_year(context.source_year)
        self.heading.setText(f"มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {year}")
        count = len(context.plan.measures) if context.plan else 0
        note = f"จัดทำจากผลการประเมินปี {source}"
        if not context.has_source_results:
            note += f" (ยังไม่มีผลการประเมินปี {source} ในไฟล์)"
        if not count:
            note += " — ยังไม่มีมาตรการ เริ่มได้จาก “สร้างจากผลการวิเคราะห์” หรือ “คัดลอกจากปีที่แล้ว”"
        self.note.setText(note + " — " + saving_hint(self.session, "บันทึกอัตโนมัติ เลิกทำได้ด้วย Ctrl+Z"))
        following = format_year(context.year + 1)
        self.next_button.setText(
            f"มาตรการปี {following} →"
            if context.next_plan_exists
            else f"จัดทำมาตรการปี {following} (จากผลการประเมินปี {year}) →"
        )
        self.next_button.setVisible(context.next_plan_exists or context.year_has_results)
        self.actions_["analysis"].setEnabled(context.has_source_results)
        self.actions_["copy"].setEnabled(context.previous_plan_size > 0)
        self._sync_selection()

    def _sync_selection(self) -> None:
        index = self.model.index_of(self._selected_id) if self._selected_id else None
        if index is not None and index.isValid() and self.tree.currentIndex() != index:
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.editor.load(self.selected_measure(), self.context)
        if self._focus_after_add and index is not None and index.isValid():
            self._focus_after_add = False
            self.editor.focus_field("measure")

    def selected_measure(self) -> Measure | None:
        return self.model.measure_at(self.tree.currentIndex())

    def select_measure(self, measure_id: int) -> None:
        self._selected_id = measure_id
        self._sync_selection()

    def _on_current_changed(self, current, _previous) -> None:
        measure = self.model.measure_at(current)
        if measure is not None:
            self._selected_id = measure.id
        self.editor.load(measure, self.context)

    def _selected_indicator(self) -> int | None:
        group = self.model.group_at(self.tree.currentIndex())
        return group.indicator if group else None

    # -- edits -------------------------------------------------------------------------------

    def _push(self, text: str, apply, revert, on_done=None) -> None:
        self._edits += 1
        push_edit(self.session, self.undo_stack, text, apply, revert, TAG, on_done)

    def _push_added(self, text: str, create) -> None:
        added = AddedMeasures(create)
        self._push(text, added.apply, added.revert, self._on_measures_added)

    def _on_measures_added(self, ids: list[int]) -> None:
        if ids:
            self._selected_id = ids[0]

    def add_measure(self) -> None:
        if self.context is None:
            return
        office_id, year, group = self.office_id, self.year, self._selected_indicator()
        measure = Measure(
            measure="",
            indicator=group,
            indicators=[group] if group is not None else [],
            period=plan_builder.fiscal_year_months(year),
        )
        self._focus_after_add = True
        self._push_added(
            "เพิ่มมาตรการ",
            lambda db: [
                plan_builder.add_to_plan(db, office_id=office_id, plan_year=year, measure=measure)
            ],
        )

    def build_from_analysis(self) -> None:
        if self.context is None:
            return
        office_id, year = self.office_id, self.year
        self._push_added(
            "สร้างมาตรการจากผลการวิเคราะห์",
            lambda db: plan_builder.plan_from_analysis(db, office_id=office_id, plan_year=year),
        )

    def copy_measures(self, measure_ids: list[int]) -> None:
        """Copy the given measures of last year's plan into this year's (one undo step)."""
        office_id, year, ids = self.office_id, self.year, list(measure_ids)
        if ids:
            self._push_added(
                "คัดลอกมาตรการจากปีที่แล้ว",
                lambda db: plan_builder.copy_from_previous(
                    db, office_id=office_id, plan_year=year, measure_ids=ids
                ),
            )

    def open_copy_dialog(self) -> None:
        if self.context is None:
            return
        office_id, year = self.office_id, self.year
        self.session.call(
            lambda db: plans.find_plan(db, office_id, year - 1), self._on_previous_loaded
        )

    def _on_previous_loaded(self, previous) -> None:
        if previous is None or self.year is None:
            return
        self.copy_dialog = CopyMeasuresDialog(previous, self.year, self)
        self.copy_dialog.accepted.connect(
            lambda dialog=self.copy_dialog: self.copy_measures(dialog.chosen_ids())
        )
        self.copy_dialog.open()

    def open_library(self) -> None:
        if self.context is None:
            return
        measure = self.selected_measure()
        item = measure.items[0] if measure and measure.items else ""
        self.suggestion_dialog = SuggestionDialog(
            self.session, self.undo_stack, self.context, self._selected_indicator(), item, self
        )
        self.suggestion_dialog.suggestion_chosen.connect(self.insert_suggestion)
        self.suggestion_dialog.open()

    def insert_suggestion(self, suggestion, indicator, item_code: str = "") -> None:
        office_id, year = self.office_id, self.year
        self._push_added(
            "แทรกมาตรการจากคลังมาตรการ",
            lambda db: [
                library.insert_suggestion(
                    db,
                    office_id=office_id,
                    plan_year=year,
                    suggestion=suggestion,
                    indicator=indicator,
                    item_code=item_code,
                )
            ],
        )

    def remove_selected(self) -> None:
        measure = self.selected_measure()
        if measure is None:
            return
        self._selected_id = (
            self.model.neighbour(measure.id, 1) or self.model.neighbour(measure.id, -1) or measure
        ).id
        measure_id = measure.id
        self._push(
            "ลบมาตรการ",
            lambda db: plans.remove_measure(db, measure_id=measure_id),
            lambda db, removed: plans.restore_measure(db, removed=removed),
        )

    def move_selected(self, step: int) -> None:
        measure = self.selected_measure()
        other = self.model.neighbour(measure.id, step) if measure else None
        if measure is None or other is None:
            return
        measure_id, position = measure.id, other.position
        self._push(
            "ย้ายมาตรการ",
            lambda db: plans.move_measure(db, measure_id=measure_id, position=position),
            lambda db, old: plans.move_measure(db, measure_id=measure_id, position=old),
        )

    def _on_measure_dropped(self, measure_id: int, indicator, position: int) -> None:
        current = self.model.measure_at(self.model.index_of(measure_id))
        if current is None:
            return
        self._selected_id = measure_id
        if indicator == current.indicator:
            if position != current.position:
                self._push(
                    "ย้ายมาตรการ",
                    lambda db: plans.move_measure(db, measure_id=measure_id, position=position),
                    lambda db, old: plans.move_measure(db, measure_id=measure_id, position=old),
                )
            return
        self._push(
            "ย้ายมาตรการไปตัวชี้วัดอื่น",
            lambda db: plan_builder.regroup_measure(
                db, measure_id=measure_id, indicator=indicator, position=position
            ),
            lambda db, regrouped: plan_builder.undo_regroup(db, regrouped=regrouped),
        )

    def _on_group_chosen(self, measure_id: int, indicator) -> None:
        """The detail pane moved the measure to another indicator: it goes last in that group."""
        target = self.model.drop_target(-1, self.model.group_index(indicator))
        if target is None:  # no such group shown yet (ไม่ระบุตัวชี้วัด): last in the plan
            target = (indicator, sum(len(g.measures) for g in self.model.groups))
        current = self.model.measure_at(self.model.index_of(measure_id))
        if current is None:
            return
        position = target[1] - 1 if current.position < target[1] else target[1]
        self._on_measure_dropped(measure_id, indicator, position)

    def _on_fields_edited(self, measure_id: int, changes: dict) -> None:
        words = dict.fromkeys(FIELD_WORDS.get(name, name) for name in changes)
        self._push(
            "แก้ไข" + "/".join(words),
            lambda db: plan_builder.edit_measure(db, measure_id=measure_id, **changes),
            lambda db, old: plans.update_measure(db, measure=old),
        )

    def _on_library_save_requested(self, measure_id: int) -> None:
        measure = self.model.measure_at(self.model.index_of(measure_id))
        if measure is None:
            return
        self._push(
            "บันทึกมาตรการเข้าคลังมาตรการ",
            lambda db: library.save_to_library(db, measure=measure),
            lambda db, suggestion_id: library.remove_from_library(db, suggestion_id=suggestion_id),
            lambda _id: self.flash.setText("บันทึกมาตรการนี้เข้าคลังมาตรการแล้ว"),
        )

    def _on_next_clicked(self) -> None:
        """Go to next year's plan, started first so that the year selector offers that year."""
        if self.context is None:
            return
        office_id, year = self.office_id, self.year + 1
        self.session.call(
            lambda db: plans.start_plan(db, office_id=office_id, year=year),
            lambda _plan_id: self.year_requested.emit(year),
            writes=not self.context.next_plan_exists,
            tag=TAG,
        )
