"""ไฟล์ → กู้คืนจากไฟล์สำรอง: backups listed with พ.ศ. dates, restored after asking, lock kept."""

import os
import sqlite3
from datetime import datetime, timedelta

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from ita_desktop.app import configure_app
from ita_desktop.i18n.thai import format_year
from ita_desktop.services import backups, offices
from ita_desktop.storage import lock
from ita_desktop.ui.mainwindow import MainWindow
from tests.ui.shell_helpers import (
    idle,
    open_window,
    read,
    read_file,
    sample_file,
    save_grab,
    settings_in,
)

OFFICE = "องค์การบริหารส่วนตำบลทดสอบ"


def _bare_window(qtbot, folder) -> MainWindow:
    """A window with no file open yet (open_window waits for a file that opens)."""
    configure_app(QApplication.instance())
    window = MainWindow(settings_in(folder))
    qtbot.addWidget(window)
    return window


def _name(db):
    return offices.get_office(db, 1).name


def _rename(qtbot, window, name: str) -> None:
    page = window.page("office")
    page.widgets["name"].setText(name)
    page.save()
    idle(qtbot, window)


def _confirm(qtbot, window, dialog) -> QMessageBox:
    box = dialog.ask()
    assert box.objectName() == "confirmRestoreBox" and "หรือไม่" in box.text()
    box.findChild(object, "confirmRestoreButton").click()
    qtbot.waitUntil(lambda: _restored_box(window) is not None, timeout=10_000)
    idle(qtbot, window)
    return _restored_box(window)


def _restored_box(window) -> QMessageBox | None:
    return window.findChild(QMessageBox, "restoredBox")


def test_backups_are_listed_in_buddhist_years_and_restoring_brings_back_earlier_data(
    qtbot, tmp_path, db_path
):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    assert [b.reason for b in backups.list_backups(db_path)] == ["open"]  # made on opening
    today = datetime.now()
    for days, reason, name in ((1, "daily", "อบต.เมื่อวาน"), (3, "manual", "อบต.สามวันก่อน")):
        _rename(qtbot, window, name)  # older copies, as earlier days would have left them
        when = today.replace(hour=16, minute=45) - timedelta(days=days)
        read(
            qtbot,
            window,
            lambda db, w=when, r=reason: backups.make_backup(db, db_path, now=w, reason=r),
        )
    _rename(qtbot, window, "อบต.ชื่อใหม่")
    assert read_file(db_path, _name) == "อบต.ชื่อใหม่"

    window.findChild(QAction, "restoreAction").trigger()
    dialog = window.file_safety.restore_dialog
    assert dialog.isVisible() and dialog.list.count() == 3
    labels = [dialog.list.item(row).text() for row in range(3)]
    assert format_year(today.year + 543) in labels[0]  # พ.ศ., Thai digits
    assert labels[0].endswith("(เมื่อเปิดไฟล์)") and " น. " in labels[0]
    assert labels[1].endswith("เวลา ๑๖:๔๕ น. (ประจำวัน)")
    assert dialog.selected().reason == "open"  # the newest is chosen first
    save_grab(dialog, "gui-restore.png")

    box = _confirm(qtbot, window, dialog)
    assert window.file_safety.restore_dialog is None  # closed
    assert window.page("office").widgets["name"].text() == OFFICE
    assert read_file(db_path, _name) == OFFICE
    before = [b for b in backups.list_backups(db_path) if b.reason == "before-restore"]
    assert len(before) == 1 and str(before[0].path) in box.text()
    assert read_file(before[0].path, _name) == "อบต.ชื่อใหม่"  # the undone work is kept
    # The lock was kept throughout: no other program could slip in between.
    assert window.file_safety.holds(db_path) and lock.read_lock(db_path).pid == os.getpid()
    assert window.undo_stack.count() == 0
    box.close()

    _rename(qtbot, window, "อบต.แก้หลังกู้คืน")  # editing goes on in the restored file
    assert read_file(db_path, _name) == "อบต.แก้หลังกู้คืน"


def test_cancelling_the_confirmation_changes_nothing(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    _rename(qtbot, window, "อบต.ชื่อใหม่")
    dialog = window.file_safety.choose_backup()
    box = dialog.ask()
    box.reject()
    qtbot.waitUntil(lambda: dialog.confirm is None)
    assert dialog.isVisible()
    dialog.reject()
    idle(qtbot, window)
    assert read_file(db_path, _name) == "อบต.ชื่อใหม่"
    assert [b.reason for b in backups.list_backups(db_path)] == ["open"]


def test_a_damaged_data_file_offers_its_backups_and_opens_once_restored(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    window.close()
    with open(db_path, "r+b") as handle:  # the header gone: SQLite no longer knows the file
        handle.write(b"\x00" * 100)

    window = _bare_window(qtbot, tmp_path)
    window.open_file(db_path)
    qtbot.waitUntil(lambda: window.file_safety.restore_dialog is not None, timeout=10_000)
    dialog = window.file_safety.restore_dialog
    problem = dialog.findChild(object, "restoreProblem")
    assert problem is not None and "กู้คืนจากไฟล์สำรอง" in problem.text()
    assert dialog.list.count() == 1
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        box = _confirm(qtbot, window, dialog)
    assert "เสียหายเก็บไว้ที่" in box.text()
    assert window.page("office").widgets["name"].text() == OFFICE
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    window.close()


def test_a_damaged_file_without_backups_is_refused_as_before(qtbot, tmp_path, db_path):
    sample_file(db_path)
    with open(db_path, "r+b") as handle:
        handle.write(b"\x00" * 100)
    window = _bare_window(qtbot, tmp_path)
    window.open_file(db_path)
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "userErrorBox") is not None, timeout=10_000
    )
    assert "กู้คืนจากไฟล์สำรอง" in window.findChild(QMessageBox, "userErrorBox").text()
    assert window.file_safety.restore_dialog is None
    assert not window.file_safety.holds(db_path)
