"""ผลการประเมิน: a year's figures, generated from that year's criteria, and its texts."""

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.analysis import Analysis
from ita_desktop.domain.criteria import Criteria
from ita_desktop.domain.paste import figure_label
from ita_desktop.domain.records import Assessment, PollAnswer
from ita_desktop.i18n.thai import format_count, format_year
from ita_desktop.services import results
from ita_desktop.services.summary import analyse_year
from ita_desktop.ui.commands import push_edit
from ita_desktop.ui.pages.base import Page
from ita_desktop.ui.pages.results_form import ResultsForm
from ita_desktop.ui.paste_dialog import PasteDialog
from ita_desktop.ui.widgets import thai_text


@dataclass(frozen=True)
class ResultsData:
    """What the page shows, loaded on the worker; ``assessment`` is None before the year starts."""

    office_id: int
    year: int
    assessment: Assessment | None = None
    criteria: Criteria | None = None
    previous: Assessment | None = None
    analysis: Analysis | None = None
    item_texts: dict[str, str] | None = None  # item code → text with Thai word breaks
    texts_final: bool = True  # False: rough breaks until the segmenter has loaded

    def shape(self) -> tuple:
        """What the form's widgets depend on; a reload with the same shape only updates values."""
        if self.assessment is None or self.criteria is None:
            return (self.office_id, self.year, None)
        others = tuple(sorted(self.other_codes()))
        items = tuple((i.code, i.indicator, i.text) for i in self.criteria.items)
        return (self.assessment.id, self.criteria.year, items, others, self.previous is not None)

    def other_codes(self) -> list[str]:
        """Item codes the assessment holds but the criteria do not (shown under อื่น ๆ)."""
        assert self.assessment is not None and self.criteria is not None
        return [
            key
            for (scope, key) in self.assessment.scores
            if scope == "item" and self.criteria.item(key) is None
        ]


def load_results(db, *, office_id: int, year: int) -> ResultsData:
    assessment = results.find_assessment(db, office_id, year)
    if assessment is None:
        return ResultsData(office_id, year)
    found = analyse_year(db, office_id=office_id, year=year)
    final = thai_text.is_ready()
    texts = {item.code: thai_text.breakable_now(item.text) for item in found.criteria.items}
    return ResultsData(
        office_id,
        year,
        found.assessment,
        found.criteria,
        found.previous,
        found.analysis,
        texts,
        final,
    )


class ResultsPage(Page):
    """Overall and instrument figures with their levels, a section per indicator, the texts.

    Every edit is saved as it is made (undoable); the database is read and written on the
    session's worker only.
    """

    title = "ผลการประเมิน"

    def __init__(self, session, undo_stack, parent: QWidget | None = None):
        super().__init__(session, undo_stack, parent)
        self.data: ResultsData | None = None
        self.form: ResultsForm | None = None
        self.paste_dialog: PasteDialog | None = None
        self.heading = QLabel(self.title)
        self.heading.setObjectName("pageTitle")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.criteria_note = QLabel()
        self.criteria_note.setStyleSheet("color: palette(placeholder-text);")
        self.paste_button = QPushButton("วางคะแนน…")
        self.paste_button.setToolTip(
            "วางข้อความที่คัดลอกจากหน้าผลการประเมินหรือตาราง เพื่อกรอกหลายข้อพร้อมกัน (Ctrl+Shift+V)"
        )
        self.paste_button.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.paste_button.clicked.connect(self._on_paste_clicked)
        self.paste_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.criteria_note, 1, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.paste_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self._on_start_clicked)
        self.start_button.hide()
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.message)
        empty_layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(2)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.views = QStackedWidget()
        self.views.addWidget(empty)
        self.views.addWidget(self.scroll)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.views, 1)
        self._show_message("เลือกหน่วยงานและปีงบประมาณก่อน")

    # -- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        if self.office_id is None or self.year is None:
            self._show_message("เลือกหน่วยงานและปีงบประมาณก่อน")
            return
        office_id, year = self.office_id, self.year
        self.load_in_turn(
            lambda db: load_results(db, office_id=office_id, year=year), self._on_loaded
        )

    def _on_loaded(self, data: ResultsData) -> None:
        previous_shape = self.data.shape() if self.data else None
        self.data = data
        year = format_year(data.year)
        self.heading.setText(f"ผลการประเมิน ปีงบประมาณ พ.ศ. {year}")
        if data.assessment is None:
            self.paste_button.setEnabled(False)
            self.criteria_note.setText("")
            self.start_button.setText(f"เริ่มบันทึกผลการประเมินปี {year}")
            self._show_message(f"ยังไม่มีผลการประเมินของปีงบประมาณ พ.ศ. {year}", start=True)
            return
        criteria = data.criteria
        note = f"ตามเกณฑ์ปี {format_year(criteria.year)}"
        self.criteria_note.setText(note + (" (ฉบับร่าง รอตรวจสอบ)" if criteria.provisional else ""))
        self.paste_button.setEnabled(True)
        if self.form is None or data.shape() != previous_shape:
            self._build_form(data)
        self.form.show_data(data)
        self.views.setCurrentIndex(1)
        if not data.texts_final:
            self.reload_when_segmenter_ready()

    def _build_form(self, data: ResultsData) -> None:
        focused = self.focusWidget()
        focused_name = focused.objectName() if focused and self.isAncestorOf(focused) else ""
        collapsed = self.form.collapsed() if self.form else set()
        self.form = ResultsForm(data, self.scroll)
        self.form.score_edited.connect(self._on_score_edited)
        self.form.recommendation_edited.connect(self._on_recommendation_edited)
        self.form.comments_edited.connect(self._on_comments_edited)
        self.form.poll_edited.connect(self._on_poll_edited)
        self.form.restore_collapsed(collapsed)
        old = self.scroll.takeWidget()
        self.scroll.setWidget(self.form)
        if old is not None:
            old.deleteLater()
        if focused_name:
            again = self.form.findChild(QWidget, focused_name)
            if again is not None:
                QTimer.singleShot(0, again.setFocus)

    def _show_message(self, text: str, *, start: bool = False) -> None:
        self.message.setText(text)
        self.start_button.setVisible(start)
        self.views.setCurrentIndex(0)

    # -- edits -------------------------------------------------------------------------------

    @property
    def _assessment_id(self) -> int:
        assert self.data is not None and self.data.assessment is not None
        return self.data.assessment.id

    def _on_start_clicked(self) -> None:
        office_id, year = self.office_id, self.year
        self.start_button.setEnabled(False)
        self.session.call(
            lambda db: results.start_assessment(db, office_id=office_id, year=year),
            lambda _id: self.start_button.setEnabled(True),
            writes=True,
            tag=("assessment", office_id, year),
            on_error=self._on_start_failed,
        )

    def _on_start_failed(self, error: Exception) -> None:
        self.start_button.setEnabled(True)
        self.report_error(error)

    def _on_score_edited(self, scope: str, key: str, previous: bool, value: Decimal | None) -> None:
        aid = self._assessment_id
        which = "ปีที่แล้ว " if previous else ""
        push_edit(
            self.session,
            self.undo_stack,
            f"แก้คะแนน{which} {figure_label(scope, key)}",
            lambda db: results.set_score(
                db, assessment_id=aid, scope=scope, key=key, value=value, previous=previous
            ),
            lambda db, change: results.set_score(
                db, assessment_id=aid, scope=scope, key=key, value=change.old, previous=previous
            ),
            tag=("score", aid),
        )

    def _on_recommendation_edited(self, instrument: str, _old: str, new: str) -> None:
        aid = self._assessment_id
        push_edit(
            self.session,
            self.undo_stack,
            f"แก้ข้อเสนอแนะแบบวัด {instrument}",
            lambda db: results.set_recommendation(
                db, assessment_id=aid, instrument=instrument, text=new
            ),
            lambda db, old: results.set_recommendation(
                db, assessment_id=aid, instrument=instrument, text=old
            ),
            tag=("texts", aid),
        )

    def _on_comments_edited(self, _old: str, new: str) -> None:
        aid = self._assessment_id
        push_edit(
            self.session,
            self.undo_stack,
            "แก้ข้อเสนอแนะจากผู้มีส่วนได้ส่วนเสียภายนอก",
            lambda db: results.set_stakeholder_comments(db, assessment_id=aid, text=new),
            lambda db, old: results.set_stakeholder_comments(db, assessment_id=aid, text=old),
            tag=("texts", aid),
        )

    def _on_poll_edited(self, answers: list[PollAnswer]) -> None:
        if (
            self.data is None
            or self.data.assessment is None
            or answers == self.data.assessment.poll
        ):
            return
        aid = self._assessment_id
        push_edit(
            self.session,
            self.undo_stack,
            "แก้ผลสำรวจสถานการณ์การทุจริต",
            lambda db: results.set_poll(db, assessment_id=aid, answers=answers),
            lambda db, old: results.set_poll(db, assessment_id=aid, answers=old),
            tag=("texts", aid),
        )

    # -- paste -------------------------------------------------------------------------------

    def _on_paste_clicked(self) -> None:
        if self.data is None or self.data.assessment is None:
            return
        self.paste_dialog = PasteDialog(self.data.criteria, self.data.assessment, self)
        self.paste_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.paste_dialog.scores_chosen.connect(self._on_scores_chosen)
        self.paste_dialog.open()

    def _on_scores_chosen(self, values: dict) -> None:
        if not values:
            return
        aid = self._assessment_id
        push_edit(
            self.session,
            self.undo_stack,
            f"วางคะแนน {format_count(len(values))} รายการ",
            lambda db: results.set_scores(db, assessment_id=aid, values=values),
            lambda db, changes: results.undo_scores(db, changes=changes),
            tag=("score", aid),
        )

    # -- for tests and the window ------------------------------------------------------------

    def editor(self, scope: str, key: str, *, previous: bool = False):
        """The score field of a figure (None before the form is built)."""
        return self.form.editor(scope, key, previous=previous) if self.form else None
