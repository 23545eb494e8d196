"""The worker session and undoable service commands, on a real data file."""

import threading

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from ita_desktop.services import offices
from ita_desktop.ui.commands import push_edit
from ita_desktop.ui.session import Session
from tests.builders import sample_office


def _name(db):
    return offices.get_office(db, 1).name


def test_edits_run_off_the_ui_thread_and_undo_redo(qtbot, db_path):
    session = Session(db_path)
    stack = QUndoStack()
    names = []
    try:
        with qtbot.waitSignal(session.saved):
            session.call(lambda db: offices.create_office(db, office=sample_office()), writes=True)
        push_edit(
            session,
            stack,
            "แก้ชื่อหน่วยงาน",
            lambda db: offices.update_office(db, office_id=1, name="อบต.ใหม่"),
            lambda db, change: offices.update_office(db, office_id=1, **change.old),
        )
        session.call(_name, names.append)
        stack.undo()
        session.call(_name, names.append)
        stack.redo()
        session.call(_name, names.append)
        qtbot.waitUntil(lambda: len(names) == 3)
        assert names == ["อบต.ใหม่", "องค์การบริหารส่วนตำบลทดสอบ", "อบต.ใหม่"]
    finally:
        session.close()


def test_a_refused_edit_is_reported_in_thai_and_leaves_the_stack(qtbot, db_path):
    session = Session(db_path)
    stack = QUndoStack()
    try:
        with qtbot.waitSignal(session.saved):
            session.call(lambda db: offices.create_office(db, office=sample_office()), writes=True)
        with qtbot.waitSignal(session.user_error) as blocker:
            push_edit(
                session,
                stack,
                "ลบชื่อ",
                lambda db: offices.update_office(db, office_id=1, name="  "),
                lambda db, change: None,
            )
        assert "ชื่อหน่วยงาน" in blocker.args[0]
        qtbot.waitUntil(lambda: stack.count() == 0)
    finally:
        session.close()


class _Tracked(QObject):
    """A parentless Qt object that notes the thread it was finally destroyed on."""

    def __init__(self, threads: list[str]):
        super().__init__()
        self.threads = threads
        self.cycle = self  # only the cycle collector can free it

    def __del__(self):
        self.threads.append(threading.current_thread().name)


def _allocate_cycles(_db) -> int:
    """Work on the worker that fills the collector's youngest generation many times over."""
    for _ in range(50_000):
        node: list = []
        node.append(node)
    return 0


def test_qt_objects_in_reference_cycles_are_freed_on_the_ui_thread(qtbot, db_path):
    # CPython collects in whichever thread allocates; a Qt object freed on the worker crashed CI.
    session = Session(db_path)
    threads: list[str] = []
    try:
        _Tracked(threads)
        done = []
        session.call(_allocate_cycles, done.append)
        qtbot.waitUntil(lambda: bool(done and threads), timeout=5000)
        assert threads == [threading.main_thread().name]
    finally:
        session.close()


def test_a_job_and_what_it_holds_are_let_go_on_the_ui_thread(qtbot, db_path):
    # A job closure may hold the last reference to a Qt object (a dialog, a progress object).
    session = Session(db_path)
    threads: list[str] = []
    try:
        tracked = _Tracked(threads)
        tracked.cycle = None  # freed by its reference count, not by the collector
        done = []
        session.call(lambda _db, held=tracked: None, done.append)
        del tracked
        qtbot.waitUntil(lambda: bool(done and threads), timeout=5000)
        assert threads == [threading.main_thread().name]
    finally:
        session.close()


def test_the_collector_is_installed_only_from_the_application_thread(qtbot, monkeypatch):
    from PySide6.QtCore import QThread

    from ita_desktop.ui import main_thread_gc

    class Installer(QThread):
        def run(self):
            main_thread_gc.install()

    monkeypatch.setattr(main_thread_gc, "_installed", None)  # as if nothing had installed it
    installer = Installer()
    installer.start()
    installer.wait()
    assert main_thread_gc._installed is None
