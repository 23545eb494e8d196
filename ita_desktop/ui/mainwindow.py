"""The main window: a thin shell of menus, selectors, page navigation and the save status."""

import logging
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from ita_desktop.i18n.thai import format_year, to_thai_digits
from ita_desktop.ui.about import show_about
from ita_desktop.ui.file_safety import FileSafety, add_file_actions
from ita_desktop.ui.pages.base import Page
from ita_desktop.ui.pages.registry import page_entries
from ita_desktop.ui.printing import wait_for_print_jobs
from ita_desktop.ui.read_only import ReadOnlyMode
from ita_desktop.ui.search import SearchBox
from ita_desktop.ui.selectors import ContextBar, Outline, load_outline
from ita_desktop.ui.session import Job, Session
from ita_desktop.ui.settings import Settings
from ita_desktop.ui.warnings_panel import WarningsButton
from ita_desktop.ui.window_actions import build_reports_menu, go_to_figure, go_to_hit

log = logging.getLogger(__name__)

FILE_FILTER = "ไฟล์ข้อมูล ITA Desktop (*.sqlite);;ทุกไฟล์ (*)"
SAVING = "กำลังบันทึก…"


class MainWindow(QMainWindow):
    """Owns the session of the open file and the one undo stack every page pushes onto."""

    file_opened = Signal(object)
    context_applied = Signal(object, object)

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.session: Session | None = None
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.pages: list[Page] = []
        self._keys: list[str] = []
        self._applied: tuple | None = None
        self._saved_text = "บันทึกอัตโนมัติทุกครั้งที่แก้ไข"
        self._previous_path: Path | None = None
        self._remembered = False
        self._wanted_year: int | None = None

        self.context_bar = ContextBar()
        self.context_bar.context_chosen.connect(self._on_context_chosen)
        self.nav = QListWidget()
        self.nav.setObjectName("pageNavigation")
        self.nav.setAccessibleName("หน้า")
        self.nav.setStyleSheet(
            "QListWidget#pageNavigation { font-size: 11pt; outline: 0; }"
            "QListWidget#pageNavigation::item { padding: 6px 12px; }"
            "QListWidget#pageNavigation::item:selected { background: #2b6cb0; color: white; }"
        )
        self.stack = QStackedWidget()
        self.nav.currentRowChanged.connect(self._on_page_chosen)

        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        toolbar = self.addToolBar("ตัวเลือก")
        toolbar.setObjectName("contextToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.context_bar)
        gap = QWidget()
        gap.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(gap)
        self.search_box = SearchBox()
        self.search_box.hit_chosen.connect(lambda hit: go_to_hit(self, hit))
        toolbar.addWidget(self.search_box)

        self.read_only = ReadOnlyMode(self)
        self.read_only.changed.connect(self._update_title)
        self.file_safety = FileSafety(self)
        self._build_menus()
        self._build_page_shortcuts()
        self.saved_label = QLabel(self._saved_text)
        self.file_label = QLabel()
        self.warnings_button = WarningsButton()
        self.warnings_button.warning_chosen.connect(
            lambda warning: go_to_figure(self, warning.scope, warning.key)
        )
        self.statusBar().addWidget(self.saved_label, 1)
        self.statusBar().addPermanentWidget(self.warnings_button)
        self.statusBar().addPermanentWidget(self.file_label)
        self.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        self.resize(1280, 800)
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        if settings.window_state is not None:
            self.restoreState(settings.window_state)
        self._update_title()

    # -- menus -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("ไฟล์")
        file_menu.addAction("ใหม่…", QKeySequence.StandardKey.New, self._on_new_triggered)
        file_menu.addAction("เปิด…", QKeySequence.StandardKey.Open, self._on_open_triggered)
        self.recent_menu = file_menu.addMenu("เปิดล่าสุด")
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_shown)
        file_menu.addSeparator()
        add_file_actions(self, file_menu)
        file_menu.addSeparator()
        quit_action = file_menu.addAction("ออก", QKeySequence.StandardKey.Quit, self.close)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = self.menuBar().addMenu("แก้ไข")
        self.undo_action = self.undo_stack.createUndoAction(self, "เลิกทำ")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "ทำซ้ำ")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction("ค้นหา…", QKeySequence.StandardKey.Find, self.focus_search)

        self.menuBar().addMenu(build_reports_menu(self))
        help_menu = self.menuBar().addMenu("ช่วยเหลือ")
        help_menu.addAction("เกี่ยวกับ ITA Desktop", self._on_about_triggered)

    def _build_page_shortcuts(self) -> None:
        for entry_number in range(1, 8):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{entry_number}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, row=entry_number - 1: self.show_page(row))
            self.addAction(action)

    # -- the open file -----------------------------------------------------------------------

    def open_file(self, path: Path, *, setup: Job | None = None) -> None:
        """Open ``path`` for editing, or read-only when it must be (file_safety: its lock, and
        the clerk's choice); ``setup(db)`` runs first on a new file (demo import, new office)."""
        self.file_safety.open(Path(path), setup)

    def show_file(self, path: Path, *, setup: Job | None = None, read_only: bool = False) -> None:
        """Show ``path`` in a new session (file_safety has settled its lock)."""
        self.close_session()
        self._previous_path, self.path = self.path, Path(path)
        self._remembered = False
        self.session = Session(self.path, self, read_only=read_only)
        self.session.saved.connect(self._on_saved)
        self.session.data_changed.connect(self._on_data_changed)
        self.session.user_error.connect(self.read_only.on_user_error)
        self.session.crashed.connect(self._on_crashed)
        self.session.busy_changed.connect(self._on_busy_changed)
        self._build_pages()
        self.search_box.set_session(self.session)
        self.warnings_button.set_session(self.session)
        self.file_label.setText(self.path.name)
        self.file_label.setToolTip(str(self.path))
        if setup is not None:
            self.session.call(setup, writes=True, tag="outline")
        self.session.call(
            load_outline,
            self._on_outline_loaded,
            on_error=lambda error, path=self.path: self._on_open_failed(path, error),
        )

    def close_session(self) -> None:
        self.undo_stack.clear()
        self.search_box.set_session(None)
        self.warnings_button.set_session(None)
        for page in self.pages:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages, self._keys, self._applied = [], [], None
        if self.session is not None:
            self.session.close()  # queued edits finish and are saved first
            # Answers still on their way would land on the pages just deleted: drop them.
            QCoreApplication.removePostedEvents(self.session, QEvent.Type.MetaCall)
            self.session.deleteLater()
            self.session = None

    def _build_pages(self) -> None:
        self.nav.blockSignals(True)
        self.nav.clear()
        for index, entry in enumerate(page_entries()):
            page = entry.factory(self.session, self.undo_stack)
            self.pages.append(page)
            self._keys.append(entry.key)
            self.stack.addWidget(page)
            self.nav.addItem(entry.title)
            self.nav.item(index).setToolTip(f"Ctrl+{index + 1}")
            self._connect_optional(page, "year_requested", self._on_year_requested)
            self._connect_optional(page, "new_office_requested", self.start_new_office)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 28)
        self.nav.blockSignals(False)
        last = self.settings.last_page
        self.show_page(self._keys.index(last) if last in self._keys else 0)

    @staticmethod
    def _connect_optional(page: Page, name: str, slot) -> None:
        """Pages may ask the window for something (another year, a new office) by a signal."""
        signal = getattr(page, name, None)
        if signal is not None:
            signal.connect(slot)

    def _on_outline_loaded(self, outline: Outline) -> None:
        first = not self._remembered
        if first:
            self.settings.remember_file(self.path)
            self._remembered, self._previous_path = True, None
        self.context_bar.set_outline(outline)
        if self._wanted_year is not None:
            self.context_bar.select(year=self._wanted_year)
            self._wanted_year = None
        self._apply_context()
        if first:
            self.file_opened.emit(self.path)

    def _on_open_failed(self, failed: Path, error: Exception) -> None:
        if failed != self.path or self._remembered:
            return  # a later job on the same unreadable file, or a file already closed
        previous, self._remembered = self._previous_path, True
        self.settings.forget_file(failed)
        if self.file_safety.open_failed(failed, error, previous):
            return  # opened read-only instead, or its backups offered
        message = getattr(error, "message", None)
        if message is None:
            self._on_crashed(error)
        else:
            self.show_user_error(message)
        if previous is not None and previous != failed and previous.exists():
            self.open_file(previous)

    def _on_data_changed(self, _tag) -> None:
        if self.session is not None:
            self.session.call(load_outline, self._on_outline_loaded)
            self.warnings_button.refresh(*(self._applied or (None, None)))

    # -- selection and pages -----------------------------------------------------------------

    def _on_context_chosen(self, _office_id, _year) -> None:
        self._apply_context()

    def _apply_context(self) -> None:
        context = (self.context_bar.office_id(), self.context_bar.year())
        if context != self._applied:
            self._applied = context
            for page in self.pages:
                page.set_context(*context)
            self.search_box.set_context(*context)
            self.warnings_button.refresh(*context)
            self.context_applied.emit(*context)
        self._update_title()

    def _on_year_requested(self, year: int) -> None:
        """Select ``year``; if the selector does not offer it yet, once the outline reloads."""
        self._wanted_year = year
        self.context_bar.select(year=year)
        if self.context_bar.year() == year:
            self._wanted_year = None

    def show_page(self, row: int | str) -> None:
        """Show the page at ``row`` of the navigation list, or the page registered as ``row``."""
        if isinstance(row, str):
            row = self._keys.index(row)
        if 0 <= row < self.nav.count():
            self.nav.setCurrentRow(row)
            self.stack.setCurrentIndex(row)

    def focus_search(self) -> None:
        """Ctrl+F: the search box, its text selected so that typing replaces it."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def current_page(self) -> Page | None:
        return self.stack.currentWidget()

    def page(self, key: str) -> Page:
        """The page registered as ``key`` ('office', 'criteria', …)."""
        return self.pages[self._keys.index(key)]

    def _on_page_chosen(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.settings.last_page = self._keys[row]

    def _update_title(self) -> None:
        parts = ["ITA Desktop"]
        if self.context_bar.office_name():
            parts.append(self.context_bar.office_name())
        elif self.path is not None:
            parts.append(self.path.name)
        if self.context_bar.year() is not None:
            parts.append(f"ปีงบประมาณ พ.ศ. {format_year(self.context_bar.year())}")
        self.setWindowTitle(" — ".join(parts) + self.read_only.title_suffix)

    # -- status ------------------------------------------------------------------------------

    def _on_undo_index_changed(self, _index: int) -> None:
        self.saved_label.setText(SAVING)

    def _on_busy_changed(self, busy: bool) -> None:
        if not busy and self.saved_label.text() == SAVING:
            self.saved_label.setText(self._saved_text)

    def _on_saved(self, when: datetime) -> None:
        self._saved_text = f"บันทึกแล้ว {to_thai_digits(when.strftime('%H:%M'))} น."
        self.saved_label.setText(self._saved_text)

    def show_user_error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "ITA Desktop", message, parent=self)
        box.setObjectName("userErrorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _on_crashed(self, error: Exception) -> None:
        sys.excepthook(type(error), error, error.__traceback__)

    # -- menu actions ------------------------------------------------------------------------

    def _on_new_triggered(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "สร้างไฟล์ข้อมูลใหม่", str(self._suggested_folder() / "ita.sqlite"), FILE_FILTER
        )
        if name:
            self.start_new_file(Path(name))

    def start_new_file(self, path: Path):
        """Open the new-office wizard for ``path``; finishing it opens the new file."""
        from ita_desktop.ui.wizard import NewFileWizard

        if path.suffix == "":
            path = path.with_suffix(".sqlite")
        if path.exists():
            self.show_user_error("มีไฟล์ชื่อนี้อยู่แล้ว กรุณาตั้งชื่อไฟล์ใหม่ (หากต้องการใช้ไฟล์เดิม เลือก ไฟล์ → เปิด…)")
            return None
        wizard = NewFileWizard(path, self)
        wizard.setup_chosen.connect(lambda job: self.open_file(path, setup=job))
        wizard.open()
        return wizard

    def start_new_office(self):
        """The same wizard for the open file (one that has no office yet)."""
        from ita_desktop.ui.wizard import NewFileWizard

        if self.session is None or self.path is None:
            return None
        wizard = NewFileWizard(self.path, self)
        wizard.setup_chosen.connect(lambda job: self.session.call(job, writes=True, tag="outline"))
        wizard.open()
        return wizard

    def _on_open_triggered(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "เปิดไฟล์ข้อมูล", str(self._suggested_folder()), FILE_FILTER
        )
        if name:
            self.open_file(Path(name))

    def _suggested_folder(self) -> Path:
        return self.path.parent if self.path is not None else Path.home()

    def _on_recent_menu_shown(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"{to_thai_digits(str(number))}. {path.name}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if not recent:
            self.recent_menu.addAction("(ยังไม่มี)").setEnabled(False)

    def open_recent(self, path: Path) -> None:
        if not path.exists():
            self.settings.forget_file(path)
            self.show_user_error(f"ไม่พบไฟล์ {path} (อาจถูกย้ายหรือลบไปแล้ว)")
            return
        self.open_file(path)

    def _on_about_triggered(self) -> None:
        show_about(self, self.path)

    def closeEvent(self, event) -> None:
        wait_for_print_jobs()
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        self.close_session()
        self.file_safety.close()
        super().closeEvent(event)
