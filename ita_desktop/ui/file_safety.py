"""Opening a data file safely: its lock, read-only when it must be, backups, faults at opening."""

import logging
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox

from ita_desktop.errors import UserError
from ita_desktop.services import backups
from ita_desktop.storage import faults, lock
from ita_desktop.storage.faults import DamagedFile, ReadOnlyAvailable
from ita_desktop.storage.lock import DataFileLock, FileInUse, LockLost
from ita_desktop.ui.session import Job

log = logging.getLogger(__name__)

OPENED_READ_ONLY = "โปรแกรมจึงเปิดไฟล์นี้แบบอ่านอย่างเดียว: ดูข้อมูลและพิมพ์รายงานได้ แต่แก้ไขไม่ได้"
NOW_READ_ONLY = "ตอนนี้ไฟล์นี้เปิดแบบอ่านอย่างเดียวแล้ว: ดูข้อมูลได้ แต่แก้ไขไม่ได้"
TAKE_OVER_HINT = (
    "เลือก “เปิดเพื่อแก้ไข” เฉพาะเมื่อแน่ใจว่าโปรแกรมที่เครื่องนั้นปิดไปแล้ว"
    " (เช่น เครื่องดับหรือหลุดจากเครือข่าย) มิฉะนั้นการแก้ไขจากสองเครื่องอาจทับกัน"
)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return Path(a) == Path(b)


class FileSafety(QObject):
    """The window's side of the data-safety core: lock → open → backup; one lock at a time.

    ``open(path)`` takes the file's lock, then the window opens it (``show_file``) and a backup
    is made on the worker. A file open elsewhere offers read-only (or, when its holder may be
    gone, opening anyway); a read-only file opens read-only with a message; a damaged file
    offers its backups. While the file is open, ``keep_alive`` (every five minutes) refreshes
    the lock and makes the daily backup; a lock taken over by another computer makes the
    window read-only. ``close`` releases the lock.
    """

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.lock: DataFileLock | None = None
        self.in_use_box: QMessageBox | None = None
        self.restore_dialog = None
        self._backup_warned = False
        self.timer = QTimer(self)
        self.timer.setInterval(int(lock.REFRESH_EVERY.total_seconds() * 1000))
        self.timer.timeout.connect(self.keep_alive)

    def holds(self, path: Path) -> bool:
        return self.lock is not None and self.lock.held and _same_file(self.lock.data_path, path)

    # -- opening -----------------------------------------------------------------------------

    def open(self, path: Path, setup: Job | None = None) -> None:
        """Open ``path`` for editing if no other program has it; else ask (see the class)."""
        path = Path(path)
        if self.holds(path):
            self._show(path, setup)
            return
        try:
            if not path.exists():
                _make_folder(path)
            with faults.translated(path):
                taken = lock.acquire(path)
        except FileInUse as error:
            self._ask_in_use(path, error)
            return
        except ReadOnlyAvailable as error:  # a read-only folder: no lock file can be made there
            self.open_read_only(path, error.message, tell=True)
            return
        except UserError as error:
            self.window.show_user_error(error.message)
            return
        self._show(path, setup, taken=taken)

    def open_read_only(self, path: Path, reason: str, *, tell: bool = False) -> None:
        """Open ``path`` read-only; ``reason`` says why (the status bar's tooltip, the message)."""
        self._show(Path(path), read_only=True, reason=reason)
        if tell:
            self.window.show_user_error(f"{reason}\n\n{OPENED_READ_ONLY}")

    def _show(
        self,
        path: Path,
        setup: Job | None = None,
        *,
        taken: DataFileLock | None = None,
        read_only: bool = False,
        reason: str = "",
        backup: bool = True,
    ) -> None:
        old = self.lock
        window = self.window
        window.show_file(path, setup=None if read_only else setup, read_only=read_only)
        # The previous file's queued edits are saved (show_file closed it): now give it up.
        self.lock = None if read_only else (taken or old)
        if old is not None and old is not self.lock:
            old.release()
        if self.lock is None:
            self.timer.stop()
        else:
            self.timer.start()
        self._backup_warned = False
        window.read_only.attach(window.session, reason if read_only else None)
        if not read_only and backup:
            window.session.call(
                lambda db: backups.backup_on_open(db, path), on_error=self._on_backup_failed
            )

    def _ask_in_use(self, path: Path, error: FileInUse) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "ไฟล์นี้เปิดใช้งานอยู่",
            error.message,
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        box.setObjectName("fileInUseBox")
        read_only = box.addButton("เปิดแบบอ่านอย่างเดียว", QMessageBox.ButtonRole.AcceptRole)
        read_only.setObjectName("openReadOnlyButton")
        if error.can_take_over:
            box.setInformativeText(TAKE_OVER_HINT)
            take = box.addButton("เปิดเพื่อแก้ไข", QMessageBox.ButtonRole.DestructiveRole)
            take.setObjectName("takeOverButton")
        box.addButton("ยกเลิก", QMessageBox.ButtonRole.RejectRole).setObjectName("cancelButton")
        box.setDefaultButton(read_only)
        box.finished.connect(lambda _result: self._on_in_use_answered(box, path, error))
        self.in_use_box = box
        box.open()

    def _on_in_use_answered(self, box: QMessageBox, path: Path, error: FileInUse) -> None:
        self.in_use_box = None
        clicked = box.clickedButton()
        choice = clicked.objectName() if clicked is not None else ""
        box.deleteLater()
        if choice == "openReadOnlyButton":
            self.open_read_only(path, error.message)
        elif choice == "takeOverButton":
            try:
                with faults.translated(path):
                    taken = lock.acquire(path, force=True)
            except UserError as refused:
                self.window.show_user_error(refused.message)
                return
            self._show(path, taken=taken)

    def open_failed(self, path: Path, error: Exception, previous: Path | None) -> bool:
        """Opening ``path`` failed on the worker: True when handled here (opened read-only
        instead, or its backups offered); else the window shows the message."""
        session = self.window.session
        if isinstance(error, ReadOnlyAvailable) and session is not None and not session.read_only:
            self.open_read_only(path, error.message, tell=True)
            return True
        if isinstance(error, DamagedFile) and self.holds(path) and backups.list_backups(path):
            self.choose_backup(problem=error.message, previous=previous)
            return True
        if self.holds(path):
            self.release()
        return False

    # -- restoring a backup --------------------------------------------------------------------

    def choose_backup(self, *, problem: str = "", previous: Path | None = None):
        """ไฟล์ → กู้คืนจากไฟล์สำรอง…, or opening a damaged file: the restore dialog."""
        from ita_desktop.ui.restore_dialog import RestoreDialog

        path = self.window.path
        if path is None or not self.holds(path):
            return None
        dialog = RestoreDialog(path, self.window, problem=problem)
        dialog.backup_chosen.connect(lambda backup: self.restore(path, backup))
        if problem:
            dialog.rejected.connect(lambda: self._gave_up(path, previous))
        dialog.finished.connect(lambda _result: setattr(self, "restore_dialog", None))
        self.restore_dialog = dialog
        dialog.open()
        return dialog

    def restore(self, path: Path, backup: backups.Backup) -> None:
        """Put ``backup`` into the open file: its session closed, its lock kept; then reopen."""
        if not self.holds(path):
            return
        self.window.close_session()
        before, refused = None, None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            before = backups.restore_backup(path, backup)
        except UserError as error:
            refused = error
        finally:
            QApplication.restoreOverrideCursor()
            # Restored or not, the file is whole: open it again (no backup: one was just made).
            self._show(path, backup=False)
        if refused is not None:
            self.window.show_user_error(refused.message)
            return
        from ita_desktop.ui.restore_dialog import show_restored

        show_restored(self.window, backup, before)

    def _gave_up(self, path: Path, previous: Path | None) -> None:
        """A damaged file the clerk chose not to restore: back to the file open before it."""
        if self.holds(path):
            self.release()
        if previous is not None and not _same_file(previous, path) and previous.exists():
            self.window.open_file(previous)

    # -- while the file is open --------------------------------------------------------------

    def keep_alive(self, now: datetime | None = None) -> None:
        """Every five minutes: tell other computers this program still has the file (a lock
        taken over meanwhile makes the window read-only), and make the daily backup."""
        if self.lock is None or not self.lock.held:
            return
        try:
            self.lock.refresh(now)
        except LockLost as error:
            self.release()
            self.window.read_only.enter(error.message)
            self.window.show_user_error(f"{error.message}\n\n{NOW_READ_ONLY}")
            return
        except OSError as error:  # a network share gone for a moment: try again next time
            log.warning("could not refresh the lock: %s", error)
        session = self.window.session
        if session is not None and not session.read_only:
            path = session.path
            session.call(
                lambda db: backups.maybe_backup(db, path, now), on_error=self._on_backup_failed
            )

    def _on_backup_failed(self, error: Exception) -> None:
        if isinstance(error, backups.BackupFailed):
            if not self._backup_warned:  # once per opening, not every five minutes
                self._backup_warned = True
                self.window.show_user_error(error.message)
        elif not isinstance(error, UserError):
            sys.excepthook(type(error), error, error.__traceback__)
        # Any other UserError is the file failing to open: the window reports that already.

    def release(self) -> None:
        self.timer.stop()
        held, self.lock = self.lock, None
        if held is not None:
            held.release()

    def close(self) -> None:
        """The window closes: its session is closed already; give the file up."""
        self.release()


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise UserError(f"สร้างโฟลเดอร์ {path.parent} ไม่ได้ กรุณาเลือกที่เก็บไฟล์อื่น") from None


def add_file_actions(window: QMainWindow, menu: QMenu) -> None:
    """ไฟล์ → ส่งออกไฟล์สำหรับแบ่งปัน…, นำเข้า…, กู้คืนจากไฟล์สำรอง…"""
    from ita_desktop.ui.export_dialog import open_export_dialog
    from ita_desktop.ui.import_dialog import choose_share_file

    menu.addAction("ส่งออกไฟล์สำหรับแบ่งปัน…", lambda: open_export_dialog(window))
    imported = menu.addAction("นำเข้าไฟล์สำหรับแบ่งปัน…", lambda: choose_share_file(window))
    imported.setObjectName("importAction")
    menu.addSeparator()
    restore = menu.addAction("กู้คืนจากไฟล์สำรอง…", lambda: window.file_safety.choose_backup())
    restore.setObjectName("restoreAction")
    window.read_only.add_editing_action(imported)
    window.read_only.add_editing_action(restore)
