"""เกณฑ์การประเมิน: a year's instruments, indicators and items; copy to a new year, edit items."""

import logging
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
)

from ita_desktop.domain.criteria import Criteria, Item
from ita_desktop.errors import UserError
from ita_desktop.i18n.thai import format_count, format_year
from ita_desktop.services import criteria as criteria_service
from ita_desktop.services.results import assessment_criteria, find_assessment
from ita_desktop.ui.commands import push_edit
from ita_desktop.ui.pages.base import Page
from ita_desktop.ui.pages.criteria_dialogs import CopyYearDialog, ItemDialog, draft_copy
from ita_desktop.ui.pages.criteria_model import DRAFT, CriteriaModel, WrappingDelegate
from ita_desktop.ui.widgets.thai_text import breakable

log = logging.getLogger(__name__)

TAG = "criteria"
NOTICE_STYLE = (
    "#resultsNotice { background: #fff8e1; border: 1px solid #f0d58c; border-radius: 4px; }"
    " #resultsNotice QLabel { color: #4a3600; }"
)


@dataclass(frozen=True)
class CriteriaView:
    """What the page shows for one year, read on the worker."""

    year: int
    criteria: Criteria | None
    years: list[int]
    edited: bool
    assessment_id: int | None  # the selected office's results of this year, if started
    results_outdated: bool  # those results are read with another criteria snapshot
    shown: dict[str, str]

    @property
    def has_results(self) -> bool:
        return self.assessment_id is not None


def load_view(db, year: int, office_id: int | None) -> CriteriaView:
    years = criteria_service.available_years(db)
    try:
        criteria = criteria_service.criteria_for_year(db, year)
    except UserError:
        criteria = None
    edited = criteria is not None and criteria != criteria_service.shipped_criteria().get(year)
    assessment = find_assessment(db, office_id, year) if office_id is not None else None
    assessment_id = assessment.id if assessment is not None else None
    outdated = (
        assessment_id is not None
        and criteria is not None
        and assessment_criteria(db, assessment_id) != criteria
    )
    shown = {i.code: breakable(i.text) for i in criteria.items} if criteria else {}
    return CriteriaView(year, criteria, years, edited, assessment_id, outdated, shown)


def _counts(criteria: Criteria) -> str:
    """'IIT ๓๐ ข้อ · EIT ๑๕ ข้อ · OIT ๒๒ ข้อ'."""
    parts = []
    for inst in criteria.instruments:
        numbers = {ind.number for ind in criteria.indicators_of(inst.code)}
        count = sum(1 for item in criteria.items if item.indicator in numbers)
        parts.append(f"{inst.code} {format_count(count)} ข้อ")
    return " · ".join(parts)


def _replace_criteria(db, new: Criteria) -> Criteria:
    """The undoable edit: store ``new`` and return what was there before."""
    old = criteria_service.criteria_for_year(db, new.year)
    criteria_service.save_criteria(db, new)
    return old


class CriteriaPage(Page):
    title = "เกณฑ์การประเมิน"
    year_requested = Signal(int)

    def __init__(self, session, undo_stack, parent=None):
        super().__init__(session, undo_stack, parent)
        self.view: CriteriaView | None = None
        self.heading = QLabel()
        self.heading.setObjectName("criteriaHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("criteriaStatus")
        self.status.setWordWrap(True)
        self.results_notice = QFrame()
        self.results_notice.setObjectName("resultsNotice")
        self.results_notice.setStyleSheet(NOTICE_STYLE)
        self.results_note = QLabel()
        self.results_note.setObjectName("resultsNote")
        self.results_note.setWordWrap(True)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("applyToResults")
        self.apply_button.clicked.connect(self.apply_to_results)
        notice = QVBoxLayout(self.results_notice)
        notice.addWidget(self.results_note)
        notice.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.results_notice.hide()
        self.draft_box = QCheckBox(f"{DRAFT} (ข้อคำถามยังไม่ยืนยันกับคู่มือของปีนี้)")
        self.draft_box.setObjectName("draftBox")
        self.draft_box.clicked.connect(self._on_draft_clicked)
        self.model = CriteriaModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("criteriaTree")
        self.tree.setModel(self.model)
        self.tree.setWordWrap(True)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 180)
        header.resizeSection(2, 240)
        self.tree.doubleClicked.connect(lambda _index: self._on_edit_clicked())
        self.tree.activated.connect(lambda _index: self._on_edit_clicked())

        self.add_button = QPushButton("เพิ่มข้อคำถาม…")
        self.add_button.setShortcut(QKeySequence("Ins"))
        self.add_button.setToolTip("เพิ่มข้อคำถามในตัวชี้วัดที่เลือก (Insert)")
        self.edit_button = QPushButton("แก้ไข…")
        self.remove_button = QPushButton("ลบข้อคำถาม")
        self.remove_button.setShortcut(QKeySequence.StandardKey.Delete)
        self.copy_button = QPushButton("คัดลอกเกณฑ์ไปปีใหม่…")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.copy_button.clicked.connect(self.open_copy_dialog)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.results_notice)
        layout.addWidget(self.draft_box)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def reload(self) -> None:
        if self.year is None:
            self.model.set_criteria(None)
            self.heading.setText("ยังไม่ได้เลือกปีงบประมาณ")
            self.results_notice.hide()
            return
        year, office_id = self.year, self.office_id
        self.session.call(lambda db: load_view(db, year, office_id), self._on_view_loaded)

    def _on_view_loaded(self, view: CriteriaView) -> None:
        if view.year != self.year:
            return
        current = self.model.item_at(self.tree.currentIndex())
        self.view = view
        year = format_year(view.year)
        if view.criteria is None:
            self.heading.setText(f"ยังไม่มีเกณฑ์การประเมินของปีงบประมาณ พ.ศ. {year}")
            self.status.setText("กด “คัดลอกเกณฑ์ไปปีใหม่…” บนเกณฑ์ของปีอื่น เพื่อเริ่มเกณฑ์ของปีนี้")
            self.model.set_criteria(None)
            self.results_notice.hide()
            self._update_buttons()
            return
        criteria = view.criteria
        self.heading.setText(criteria.title + (f"  [{DRAFT}]" if criteria.provisional else ""))
        source = "แก้ไขไว้ในไฟล์นี้" if view.edited else "ฉบับที่มากับโปรแกรม"
        notes = [f"ที่มา: {source}", _counts(criteria)]
        if view.has_results and not view.results_outdated:
            notes.append(f"ผลการประเมินปี {year} ที่บันทึกไว้ใช้เกณฑ์ชุดนี้")
        self.status.setText(" — ".join(notes))
        self._show_results_notice(view)
        self.draft_box.setChecked(criteria.provisional)
        self.model.set_criteria(criteria, view.shown)
        self.tree.setColumnHidden(2, not criteria.sub_indicators)
        self.tree.expandAll()
        if current is not None:
            index = self.model.index_of_item(current.code)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        self._update_buttons()

    def _show_results_notice(self, view: CriteriaView) -> None:
        """Offer to read the year's entered results with the criteria as corrected here."""
        self.results_notice.setVisible(view.results_outdated)
        if not view.results_outdated:
            return
        year = format_year(view.year)
        self.results_note.setText(
            f"ผลการประเมินปี {year} ที่บันทึกไว้ยังใช้เกณฑ์ชุดเดิม (ชุดที่ใช้ตอนเริ่มบันทึกผล) "
            "จึงยังไม่เห็นการแก้ไขนี้ในหน้าผลการประเมิน\n"
            "กดปุ่มด้านล่างเพื่อใช้เกณฑ์ที่แก้ไขแล้ว คะแนนที่กรอกไว้ยังอยู่ครบ (จับคู่ตามรหัสข้อ) "
            "คะแนนของข้อที่ไม่มีในเกณฑ์นี้จะแสดงในหมวด “อื่น ๆ” และย้อนกลับได้ด้วย Ctrl+Z"
        )
        self.apply_button.setText(f"ใช้เกณฑ์นี้กับผลการประเมินปี {year} ที่บันทึกไว้")

    def _update_buttons(self) -> None:
        has = self.model.criteria is not None
        item = self.model.item_at(self.tree.currentIndex())
        self.add_button.setEnabled(has)
        self.edit_button.setEnabled(item is not None)
        self.remove_button.setEnabled(item is not None)
        self.copy_button.setEnabled(has)
        self.draft_box.setVisible(has)

    # -- edits -------------------------------------------------------------------------------

    def save(self, new: Criteria, text: str) -> None:
        """Store ``new`` as the year's criteria, undoably (undo stores the previous set)."""
        push_edit(
            self.session,
            self.undo_stack,
            text,
            lambda db: _replace_criteria(db, new),
            lambda db, old: criteria_service.save_criteria(db, old),
            TAG,
        )

    def apply_to_results(self) -> None:
        """Read the year's entered results with the criteria shown here (undo: the old snapshot)."""
        view = self.view
        if view is None or view.criteria is None or view.assessment_id is None:
            return
        aid, criteria = view.assessment_id, view.criteria
        push_edit(
            self.session,
            self.undo_stack,
            f"ใช้เกณฑ์กับผลการประเมินปี {format_year(view.year)}",
            lambda db: criteria_service.apply_to_assessment(
                db, assessment_id=aid, criteria=criteria
            ),
            lambda db, old: criteria_service.apply_to_assessment(
                db, assessment_id=aid, criteria=old
            ),
            TAG,
        )

    def _replaced(self, **changes) -> Criteria | None:
        try:
            return replace(self.model.criteria, **changes)
        except ValueError as error:  # the criteria's own check, in English; the dialogs prevent it
            log.warning("criteria edit refused: %s", error)
            self.session.user_error.emit(
                "บันทึกเกณฑ์ไม่ได้ เพราะข้อคำถามกับตัวชี้วัดไม่สอดคล้องกัน กรุณาตรวจสอบรหัสข้อและตัวชี้วัดแล้วลองอีกครั้ง"
            )
            return None

    def _on_draft_clicked(self, checked: bool) -> None:
        new = self._replaced(provisional=checked)
        if new is not None:
            self.save(new, "ทำเครื่องหมายฉบับร่าง" if checked else "ยืนยันเกณฑ์")

    def open_item_dialog(self, item: Item | None) -> ItemDialog:
        index = self.tree.currentIndex()
        dialog = ItemDialog(self.model.criteria, item, self.model.indicator_at(index), self)
        dialog.accepted.connect(lambda: self._on_item_accepted(item, dialog.item()))
        dialog.open()
        return dialog

    def _on_add_clicked(self) -> None:
        if self.model.criteria is not None:
            self.open_item_dialog(None)

    def _on_edit_clicked(self) -> None:
        item = self.model.item_at(self.tree.currentIndex())
        if item is not None:
            self.open_item_dialog(item)

    def _on_item_accepted(self, old: Item | None, new: Item) -> None:
        items = list(self.model.criteria.items)
        if old is None:
            last = max((n for n, i in enumerate(items) if i.indicator == new.indicator), default=-1)
            items.insert(last + 1 if last >= 0 else len(items), new)
            text = f"เพิ่มข้อ {new.code}"
        else:
            items[items.index(old)] = new
            text = f"แก้ไขข้อ {new.code}"
        criteria = self._replaced(items=tuple(items))
        if criteria is not None:
            self.save(criteria, text)

    def _on_remove_clicked(self) -> None:
        item = self.model.item_at(self.tree.currentIndex())
        if item is None:
            return
        criteria = self._replaced(items=tuple(i for i in self.model.criteria.items if i != item))
        if criteria is not None:
            self.save(criteria, f"ลบข้อ {item.code}")

    def open_copy_dialog(self) -> CopyYearDialog | None:
        if self.model.criteria is None or self.view is None:
            return None
        dialog = CopyYearDialog(self.model.criteria.year, self.view.years, self)
        dialog.accepted.connect(lambda: self.copy_to_year(dialog.target()))
        dialog.open()
        return dialog

    def copy_to_year(self, year: int) -> None:
        """Copy the shown criteria to ``year`` as a draft, then show that year (undo deletes it
        and shows the year it was copied from)."""
        copy = draft_copy(self.model.criteria, year)
        source = self.model.criteria.year

        def job(db):
            if year in criteria_service.available_years(db):
                raise UserError(f"ปี {format_year(year)} มีเกณฑ์อยู่แล้ว กรุณาเลือกปีอื่น")
            criteria_service.save_criteria(db, copy)

        push_edit(
            self.session,
            self.undo_stack,
            f"คัดลอกเกณฑ์ไปปี {format_year(year)}",
            job,
            lambda db, _: criteria_service.delete_criteria(db, year=year),
            TAG,
            lambda _: self.year_requested.emit(year),
            lambda: self.year_requested.emit(source),
        )
