"""The drafted sentences beside the clerk's own analysis text, with insert and replace."""

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.ui.widgets.saved_text import SavedTextEdit

DRAFT_STYLE = (
    "QLabel { color: #5f6b76; background: #f4f6f8; border: 1px solid #dde2e7;"
    " border-radius: 4px; padding: 6px; }"
)
MARK_STYLE = "color: #8a5a00;"
TEXT_LINES = (4, 16)


def draft_key(key: str) -> str:
    """Where the draft last used for ``key`` is kept among the analysis texts."""
    return f"draft:{key}"


@dataclass(frozen=True)
class DraftView:
    """One text of the analysis: its draft (plain, and with Thai word breaks), the clerk's text,
    and the draft as it was when the clerk last inserted or replaced it."""

    key: str
    title: str
    facts: str
    draft: str
    shown_draft: str
    text: str
    used_draft: str | None

    @property
    def draft_changed(self) -> bool:
        return self.used_draft is not None and self.used_draft != self.draft


class DraftPanel(QWidget):
    """Left: the facts and the draft, greyed and selectable. Right: the clerk's text.

    ``text_edited(key, old, new)`` is typing; ``draft_used(key, new_text, draft)`` an insert or
    a replace, which the page saves as one undoable step together with the draft it used.
    """

    text_edited = Signal(str, str, str)
    draft_used = Signal(str, str, str)

    def __init__(self, view: DraftView, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = view.key
        self.view = view
        self.confirm: QMessageBox | None = None
        self.title = QLabel(view.title)
        self.title.setStyleSheet("font-weight: bold; padding-top: 8px;")
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.draft = QLabel()
        self.draft.setObjectName(f"draft:{view.key}")
        self.draft.setWordWrap(True)
        self.draft.setTextFormat(Qt.TextFormat.PlainText)
        self.draft.setStyleSheet(DRAFT_STYLE)
        self.draft.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.draft.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.draft.setAccessibleName(f"ข้อความร่าง {view.title}")
        self.mark = QLabel("● ข้อความร่างเปลี่ยนไปจากที่ท่านใช้ครั้งล่าสุด")
        self.mark.setStyleSheet(MARK_STYLE)
        self.mark.setToolTip("คะแนนเปลี่ยนหลังจากท่านใช้ข้อความร่างครั้งล่าสุด ลองอ่านข้อความร่างใหม่อีกครั้ง")
        self.box = SavedTextEdit(lines=TEXT_LINES)
        self.box.setObjectName(f"analysis:{view.key}")
        self.box.setAccessibleName(f"ข้อความวิเคราะห์ของท่าน {view.title}")
        self.box.setPlaceholderText("พิมพ์ข้อความวิเคราะห์ของท่าน หรือกดแทรกข้อความร่าง")
        self.box.text_committed.connect(lambda old, new: self.text_edited.emit(self.key, old, new))
        self.insert_button = QPushButton("แทรกข้อความร่าง")
        self.insert_button.setToolTip("แทรกข้อความร่างที่ตำแหน่งเคอร์เซอร์ในข้อความของท่าน")
        self.insert_button.clicked.connect(self._on_insert_clicked)
        self.replace_button = QPushButton("แทนที่ด้วยข้อความร่าง…")
        self.replace_button.setToolTip("แทนที่ข้อความของท่านทั้งหมดด้วยข้อความร่าง (ถามก่อน)")
        self.replace_button.clicked.connect(self._on_replace_clicked)
        left = QVBoxLayout()
        left.addWidget(self.facts)
        left.addWidget(self.draft)
        left.addWidget(self.mark)
        left.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.insert_button)
        buttons.addWidget(self.replace_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.box)
        right.addLayout(buttons)
        right.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addLayout(left, 1, 0)
        grid.addLayout(right, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.show_view(view)

    def show_view(self, view: DraftView) -> None:
        self.view = view
        self.facts.setText(view.facts)
        self.facts.setVisible(bool(view.facts))
        self.draft.setText(view.shown_draft)
        self.mark.setVisible(view.draft_changed)
        self.box.set_saved_text(view.text)

    def _on_insert_clicked(self) -> None:
        self.box.flush()
        text = self.box.toPlainText()
        cursor = self.box.textCursor().position()
        draft = self.view.draft
        before = text[:cursor]
        if before and not before.endswith("\n"):
            draft = "\n" + draft
        after = text[cursor:]
        if after and not after.startswith("\n"):
            draft += "\n"
        new = before + draft + after
        self.box.show_committed(new, len(before) + len(draft))
        self.draft_used.emit(self.key, new, self.view.draft)

    def _on_replace_clicked(self) -> None:
        self.box.flush()
        current = self.box.toPlainText()
        if not current.strip() or current == self.view.draft:
            self._replace()
            return
        self.confirm = QMessageBox(
            QMessageBox.Icon.Question,
            "แทนที่ด้วยข้อความร่าง",
            "แทนที่ข้อความของท่านทั้งหมดด้วยข้อความร่างหรือไม่\n(ย้อนกลับได้ด้วยเมนู แก้ไข → เลิกทำ หรือ Ctrl+Z)",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        self.confirm.addButton("แทนที่", QMessageBox.ButtonRole.AcceptRole)
        keep = self.confirm.addButton("ไม่แทนที่", QMessageBox.ButtonRole.RejectRole)
        self.confirm.setDefaultButton(keep)
        self.confirm.finished.connect(self._on_confirm_finished)
        self.confirm.open()

    def _on_confirm_finished(self, _result: int) -> None:
        box, self.confirm = self.confirm, None
        if (
            box is not None
            and box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole
        ):
            self._replace()

    def _replace(self) -> None:
        draft = self.view.draft
        self.box.show_committed(draft, len(draft))
        self.draft_used.emit(self.key, draft, draft)
