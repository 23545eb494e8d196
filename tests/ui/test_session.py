"""The worker session and undoable service commands, on a real data file."""

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
