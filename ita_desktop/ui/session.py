"""The open data file in the window: one worker thread owns the database, results as signals."""

import itertools
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ita_desktop.errors import UserError
from ita_desktop.storage import faults
from ita_desktop.storage.database import open_database
from ita_desktop.ui import main_thread_gc

Job = Callable[[Any], Any]

READ_ONLY_REFUSED = "ไฟล์นี้เปิดแบบอ่านอย่างเดียว จึงไม่ได้บันทึกการแก้ไข"


class ReadOnlyRefused(UserError):
    """A write asked of a session opened read-only: refused before it reaches the database."""


def _refuse_write(_db) -> None:
    raise ReadOnlyRefused(READ_ONLY_REFUSED)


class _Worker(QObject):
    """Lives on the worker thread; opens the database there (a connection belongs to its thread)."""

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, path: Path, read_only: bool, jobs: dict[int, Job]):
        super().__init__()
        self._path = path
        self._read_only = read_only
        self._jobs = jobs
        self.db = None

    @Slot(int)
    def run(self, job_id: int) -> None:
        # Only the id crosses threads, and this thread lets go of the job before it answers:
        # the job's last reference (and any Qt object it holds) is dropped on the UI thread.
        job = self._jobs[job_id]
        try:
            # Disk faults (full disk, file gone read-only…) become Thai UserErrors; bugs pass.
            with faults.translated(self._path):
                if self.db is None:
                    self.db = open_database(self._path, read_only=self._read_only)
                result = job(self.db)
        except Exception as error:  # handed to the main thread: UserError shown, bugs logged
            del job
            self.failed.emit(job_id, error)
        else:
            del job
            self.finished.emit(job_id, result)

    @Slot()
    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    @Slot()
    def reopen_read_only(self) -> None:
        self.close()
        self._read_only = True


class Session(QObject):
    """Runs service functions on the worker, in order, and tells the window what happened.

    ``call(job, on_done)`` runs ``job(db)`` off the UI thread; ``on_done(result)`` runs on the
    UI thread. Writes (``writes=True``) emit ``data_changed(tag)`` and ``saved(when)``. A
    ``read_only`` session opens the file read-only and refuses writes (ReadOnlyRefused).
    """

    data_changed = Signal(object)
    saved = Signal(object)
    user_error = Signal(str)
    crashed = Signal(object)
    busy_changed = Signal(bool)
    _submit = Signal(int)
    _close = Signal()
    _reopen_read_only = Signal()

    def __init__(self, path: Path, parent: QObject | None = None, *, read_only: bool = False):
        super().__init__(parent)
        self.path = Path(path)
        self.read_only = read_only
        main_thread_gc.install()  # before the worker runs any Python
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple] = {}
        self._jobs: dict[int, Job] = {}  # read by the worker, emptied here
        self._thread = QThread()
        self._thread.setObjectName("ita-db-worker")
        self._worker = _Worker(self.path, read_only, self._jobs)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._close.connect(self._worker.close)
        self._reopen_read_only.connect(self._worker.reopen_read_only)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()

    def call(
        self,
        job: Job,
        on_done: Callable[[Any], None] | None = None,
        *,
        writes: bool = False,
        tag: Any = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        job_id = next(self._ids)
        if writes and self.read_only:
            job = _refuse_write  # refused in turn on the worker, so answers keep their order
        if not self._pending:
            self.busy_changed.emit(True)
        self._pending[job_id] = (on_done, on_error, writes, tag)
        self._jobs[job_id] = job
        self._submit.emit(job_id)
        return job_id

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _on_finished(self, job_id: int, result: Any) -> None:
        del self._jobs[job_id]
        on_done, _, writes, tag = self._pending.pop(job_id)
        if writes:
            self.saved.emit(datetime.now())
            self.data_changed.emit(tag)
        if on_done is not None:
            on_done(result)
        if not self._pending:
            self.busy_changed.emit(False)

    def _on_failed(self, job_id: int, error: Exception) -> None:
        del self._jobs[job_id]
        _, on_error, _, _ = self._pending.pop(job_id)
        if on_error is not None:
            on_error(error)
        elif isinstance(error, UserError):
            self.user_error.emit(error.message)
        else:
            self.crashed.emit(error)
        if not self._pending:
            self.busy_changed.emit(False)

    def set_read_only(self) -> None:
        """From now on refuse writes; the worker reopens the file read-only after queued jobs."""
        self.read_only = True
        self._reopen_read_only.emit()

    def close(self) -> None:
        """Finish queued jobs, close the database on its thread and stop the worker."""
        self._close.emit()
        self._thread.quit()
        self._thread.wait()
