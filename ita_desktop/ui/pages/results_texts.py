"""The texts of a year's results: assessors' recommendations, stakeholders' comments, the poll."""

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.criteria import Criteria
from ita_desktop.domain.records import Assessment, PollAnswer
from ita_desktop.ui.pages.results_figures import short_name
from ita_desktop.ui.widgets.saved_text import SavedTextEdit
from ita_desktop.ui.widgets.score_edit import ScoreEdit

TEXT_LINES = (3, 14)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageHeading")
    label.setStyleSheet("font-size: 13pt; font-weight: bold; padding-top: 12px;")
    label.setWordWrap(True)
    return label


class PollEditor(QWidget):
    """The corruption-situation poll: one question, answers with their percent."""

    poll_edited = Signal(object)  # list[PollAnswer]: what should now be saved

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.question = QLineEdit()
        self.question.setObjectName("poll:question")
        self.question.setPlaceholderText(
            "เช่น ท่านคิดว่าในช่วงที่ผ่านมาปัญหาการทุจริตในหน่วยงานของท่าน เพิ่มขึ้นหรือลดลง"
        )
        self.question.editingFinished.connect(self._on_row_edited)
        self.rows = QGridLayout()
        self.rows.setColumnStretch(0, 1)
        self._answers: list[tuple[QLineEdit, ScoreEdit, QLabel, QToolButton]] = []
        self.add_button = QPushButton("เพิ่มคำตอบ")
        self.add_button.clicked.connect(self._on_add_clicked)
        question_label = QLabel("หัวข้อการสำรวจ")
        question_label.setBuddy(self.question)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(question_label)
        layout.addWidget(self.question)
        layout.addLayout(self.rows)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)

    def answers(self) -> list[PollAnswer]:
        """What the boxes say, rows without an answer left out (not saved until filled)."""
        question = self.question.text().strip()
        return [
            PollAnswer(question, answer.text().strip(), percent.typed_value() or Decimal(0))
            for answer, percent, _, _ in self._answers
            if answer.text().strip()
        ]

    def set_answers(self, answers: list[PollAnswer]) -> None:
        if answers == self.answers() and (answers or not self._answers):
            return
        while self._answers:
            self._remove_row(0, emit=False)
        self.question.setText(answers[0].question if answers else "")
        for answer in answers:
            self._add_row(answer.answer, answer.percent)

    def _add_row(self, text: str = "", percent: Decimal | None = None) -> QLineEdit:
        answer = QLineEdit(text)
        answer.setPlaceholderText("คำตอบ เช่น ไม่มีปัญหาเลย")
        answer.setAccessibleName("คำตอบ")
        value = ScoreEdit()
        value.setFixedWidth(84)
        value.setAccessibleName("ร้อยละ")
        value.set_value(percent)
        remove = QToolButton()
        remove.setText("ลบ")
        remove.setToolTip("ลบคำตอบนี้")
        self._answers.append((answer, value, QLabel("%"), remove))
        self._place(len(self._answers) - 1)
        answer.editingFinished.connect(self._on_row_edited)
        value.score_edited.connect(self._on_row_edited)
        remove.clicked.connect(lambda: self._remove_row(self._row_of(remove)))
        return answer

    def _place(self, line: int) -> None:
        for column, widget in enumerate(self._answers[line]):
            self.rows.addWidget(widget, 2 * line, column)
        self.rows.addWidget(self._answers[line][1].reason, 2 * line + 1, 0, 1, 4)

    def _row_of(self, button: QToolButton) -> int:
        return next(i for i, row in enumerate(self._answers) if row[3] is button)

    def _remove_row(self, index: int, *, emit: bool = True) -> None:
        before = self.answers()
        widgets = self._answers.pop(index)
        # Re-lay the rows below so the grid has no gaps.
        for widget in (*widgets, widgets[1].reason):
            self.rows.removeWidget(widget)
            widget.deleteLater()
        for line in range(index, len(self._answers)):
            self._place(line)
        if emit and self.answers() != before:
            self.poll_edited.emit(self.answers())

    def _on_add_clicked(self) -> None:
        self._add_row().setFocus()

    def _on_row_edited(self, *_) -> None:
        self.poll_edited.emit(self.answers())


class ResultsTexts(QWidget):
    """Recommendations per instrument, stakeholders' comments and the poll, saved as typed."""

    recommendation_edited = Signal(str, str, str)  # instrument, old, new
    comments_edited = Signal(str, str)  # old, new
    poll_edited = Signal(object)

    def __init__(self, criteria: Criteria, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading("ข้อเสนอแนะจากผู้ตรวจ"))
        self.recommendations: dict[str, SavedTextEdit] = {}
        for instrument in criteria.instruments:
            box = SavedTextEdit(lines=TEXT_LINES)
            box.setObjectName(f"recommendation:{instrument.code}")
            box.setAccessibleName(f"ข้อเสนอแนะแบบวัด {instrument.code}")
            box.text_committed.connect(
                lambda old, new, code=instrument.code: self.recommendation_edited.emit(
                    code, old, new
                )
            )
            label = QLabel(f"แบบวัด {instrument.code} — {short_name(instrument.name)}")
            label.setWordWrap(True)
            label.setBuddy(box)
            layout.addWidget(label)
            layout.addWidget(box)
            self.recommendations[instrument.code] = box
        layout.addWidget(heading("ข้อเสนอแนะจากผู้มีส่วนได้ส่วนเสียภายนอก"))
        self.comments = SavedTextEdit(lines=TEXT_LINES)
        self.comments.setObjectName("stakeholder_comments")
        self.comments.setAccessibleName("ข้อเสนอแนะจากผู้มีส่วนได้ส่วนเสียภายนอก")
        self.comments.text_committed.connect(self.comments_edited)
        layout.addWidget(self.comments)
        layout.addWidget(heading("ผลสำรวจสถานการณ์การทุจริตของหน่วยงาน"))
        self.poll = PollEditor()
        self.poll.poll_edited.connect(self.poll_edited)
        layout.addWidget(self.poll)

    def show_assessment(self, assessment: Assessment) -> None:
        for code, box in self.recommendations.items():
            box.set_saved_text(assessment.recommendations.get(code, ""))
        self.comments.set_saved_text(assessment.stakeholder_comments)
        self.poll.set_answers(assessment.poll)
