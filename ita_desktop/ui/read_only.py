"""Read-only mode of the window: every page shows the data, no page edits it, the title says so."""

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from ita_desktop.ui.session import READ_ONLY_REFUSED, Session

TITLE_SUFFIX = " (อ่านอย่างเดียว)"
BADGE = "อ่านอย่างเดียว"
STATUS = "เปิดแบบอ่านอย่างเดียว: ดูข้อมูลและพิมพ์รายงานได้ แต่แก้ไขไม่ได้"
REFUSED_NOTE = f"{READ_ONLY_REFUSED} — กดปุ่ม “{BADGE}” ที่มุมขวาล่างเพื่อดูสาเหตุและวิธีแก้"
READ_ONLY_HINT = "ไฟล์นี้เปิดแบบอ่านอย่างเดียว: ดูข้อมูลได้ แต่แก้ไขไม่ได้"
# Pages that only show and print: nothing on them edits the data file.
VIEW_ONLY_PAGES = {"reports"}


def saving_hint(session: Session, hint: str) -> str:
    """A page's 'saved at once, Ctrl+Z undoes' hint, or, while read-only, that nothing is."""
    return READ_ONLY_HINT if session.read_only else hint


def lock_widgets(root: QWidget) -> None:
    """Make the editors under ``root`` read-only (text stays selectable) and its buttons and
    actions that change data unavailable. Toggles (collapsible sections, filters) stay usable."""
    for edit in root.findChildren(QLineEdit):
        edit.setReadOnly(True)
    for edit in root.findChildren(QTextEdit) + root.findChildren(QPlainTextEdit):
        edit.setReadOnly(True)
    for spin in root.findChildren(QAbstractSpinBox):
        spin.setReadOnly(True)
    for view in root.findChildren(QAbstractItemView):
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setDragEnabled(False)
        view.setAcceptDrops(False)
    for button in root.findChildren(QAbstractButton):
        if isinstance(button, QCheckBox | QRadioButton) or button.isCheckable():
            continue
        if isinstance(button, QToolButton) and button.defaultAction() is not None:
            continue  # a toolbar button follows its action, disabled below
        button.setEnabled(False)
    for action in root.findChildren(QAction):
        if not action.isCheckable():
            action.setEnabled(False)


class ReadOnlyMode(QObject):
    """Whether the window's file is open read-only, and everything that follows from it.

    The session refuses writes whatever the widgets allow (ReadOnlyRefused); this keeps the
    pages from offering edits in the first place, and turns a refusal into a status-bar note
    instead of a message box (``on_user_error``). ``changed``: the window retitles itself.
    """

    changed = Signal()

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.active = False
        self.reason = ""
        self._session: Session | None = None
        self._editing_actions: list[QAction] = []
        self.badge = QPushButton(BADGE)
        self.badge.setObjectName("readOnlyBadge")
        self.badge.setStyleSheet(
            "QPushButton#readOnlyBadge { background: #fff3cd; color: #7a4d00;"
            " border: 1px solid #e0b44c; border-radius: 3px; padding: 1px 8px; font-weight: bold; }"
        )
        self.badge.clicked.connect(self._on_badge_clicked)
        self.badge.hide()
        window.statusBar().addPermanentWidget(self.badge)
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.timeout.connect(self._reload_pages)

    @property
    def title_suffix(self) -> str:
        return TITLE_SUFFIX if self.active else ""

    def add_editing_action(self, action: QAction) -> None:
        """A window action that writes (import, restore): unavailable while read-only."""
        self._editing_actions.append(action)
        action.setEnabled(not self.active)

    def attach(self, session: Session, reason: str | None) -> None:
        """The window has just opened ``session``: read-only when ``reason`` (why) is given."""
        self._session = session
        session.busy_changed.connect(self._on_busy_changed)
        self._set(reason is not None, reason or "")

    def enter(self, reason: str) -> None:
        """Stop editing the open file now (another computer took it over)."""
        if self._session is not None and not self._session.read_only:
            self._session.set_read_only()
        self.window.undo_stack.clear()
        self._set(True, reason)

    def on_user_error(self, message: str) -> None:
        """The session's user errors: a refused write is a note in the status bar, not a message
        box, and the pages reload to show what the file really holds."""
        if message != READ_ONLY_REFUSED:
            self.window.show_user_error(message)
            return
        self.window.saved_label.setText(REFUSED_NOTE)
        self._reload.start(0)

    def _set(self, active: bool, reason: str) -> None:
        self.active, self.reason = active, reason
        self.badge.setVisible(active)
        self.badge.setToolTip(reason)
        for action in self._editing_actions:
            action.setEnabled(not active)
        self.window.saved_label.setToolTip(reason)
        if active:
            self.window.saved_label.setText(STATUS)
            self.lock_pages()
        elif self.window.saved_label.text() in (STATUS, REFUSED_NOTE):
            self.window.saved_label.setText(self.window._saved_text)
        self.changed.emit()

    def _on_badge_clicked(self) -> None:
        self.window.show_user_error(f"{self.reason}\n\n{STATUS}" if self.reason else STATUS)

    def lock_pages(self) -> None:
        if not self.active:
            return
        view_only = [self.window.page(key) for key in VIEW_ONLY_PAGES]
        for page in self.window.pages:
            if page not in view_only:
                lock_widgets(page)

    def _on_busy_changed(self, busy: bool) -> None:
        # Pages rebuild and re-enable their editors when their data arrives: lock them again.
        if not busy:
            self.lock_pages()

    def _reload_pages(self) -> None:
        if self._session is not None and self.window.session is self._session:
            self._session.data_changed.emit("read-only")
