"""Opening a file safely in the window: a second copy, stale locks, read-only files, full disks."""

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta

from PySide6.QtWidgets import QApplication, QMessageBox

from ita_desktop import cli
from ita_desktop.app import configure_app
from ita_desktop.services import backups, offices
from ita_desktop.storage import lock
from ita_desktop.ui.commands import push_edit
from ita_desktop.ui.mainwindow import MainWindow
from ita_desktop.ui.read_only import REFUSED_NOTE, STATUS, TITLE_SUFFIX
from tests.fault_helpers import dump, integrity, read_only
from tests.ui.shell_helpers import idle, open_window, read, read_file, sample_file, settings_in

OFFICE = "องค์การบริหารส่วนตำบลทดสอบ"


def _name(db):
    return offices.get_office(db, 1).name


def _phone(db):
    return offices.get_office(db, 1).phone


def _second_window(qtbot, folder) -> MainWindow:
    configure_app(QApplication.instance())
    folder.mkdir(exist_ok=True)
    window = MainWindow(settings_in(folder))
    qtbot.addWidget(window)
    return window


def _error_box(window) -> QMessageBox | None:
    box = window.findChild(QMessageBox, "userErrorBox")
    return box if box is not None and box.isVisible() else None


def _write_lock(db_path, **fields) -> None:
    now = datetime.now().isoformat(timespec="seconds")
    info = {"host": lock.this_host(), "user": "somchai", "pid": 1, "started": now, "seen": now}
    info["token"] = "0123456789abcdef"
    info.update(fields)
    lock.lock_path(db_path).write_text(json.dumps(info), encoding="utf-8")


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_second_window_is_told_the_file_is_open_elsewhere_and_may_only_read(
    qtbot, tmp_path, db_path
):
    sample_file(db_path)
    first = open_window(qtbot, db_path, tmp_path)
    before = dump(db_path)

    second = _second_window(qtbot, tmp_path / "second")
    second.open_file(db_path)
    box = second.file_safety.in_use_box
    assert box is not None and box.isVisible()
    assert f"เปิดใช้งานอยู่ที่เครื่อง {lock.this_host()}" in box.text()
    assert f"ผู้ใช้ {lock.this_user()}" in box.text()
    assert second.session is None  # nothing opened before the clerk chose
    names = [b.objectName() for b in box.buttons()]
    assert "takeOverButton" not in names  # the holder is alive here: never offered
    with qtbot.waitSignal(second.file_opened, timeout=10_000):
        box.findChild(object, "openReadOnlyButton").click()
    second.show()
    idle(qtbot, second)
    assert second.windowTitle().endswith(TITLE_SUFFIX)
    assert second.read_only.active and second.read_only.badge.isVisible()
    assert second.saved_label.text() == STATUS
    office_page = second.page("office")
    assert office_page.widgets["name"].text() == OFFICE
    assert office_page.widgets["name"].isReadOnly()
    assert not second.findChild(object, "importAction").isEnabled()
    assert not second.findChild(object, "restoreAction").isEnabled()

    # An edit there is refused with a note in the status bar; the file is untouched.
    office_page.widgets["phone"].setText("0 0000 0000")
    office_page.save()
    qtbot.waitUntil(lambda: second.saved_label.text() == REFUSED_NOTE, timeout=10_000)
    idle(qtbot, second)
    assert second.undo_stack.count() == 0
    assert office_page.widgets["phone"].text() != "0 0000 0000"  # reloaded from the file
    assert _error_box(second) is None
    assert dump(db_path) == before
    assert integrity(db_path) == "ok"
    second.read_only.badge.click()  # why, and what to do
    assert "เปิดใช้งานอยู่ที่เครื่อง" in _error_box(second).text()
    _error_box(second).close()

    # The first window still edits, and the second one reads what it saved.
    page = first.page("office")
    page.widgets["phone"].setText("0 3451 9999")
    page.save()
    idle(qtbot, first)
    assert read_file(db_path, _phone) == "0 3451 9999"
    assert read(qtbot, second, _phone) == "0 3451 9999"
    first.close()
    assert not lock.lock_path(db_path).exists()  # released on close; the reader took none
    with qtbot.waitSignal(second.file_opened, timeout=10_000):
        second.open_file(db_path)  # free now: opened for editing
    idle(qtbot, second)
    assert not second.read_only.active and not second.windowTitle().endswith(TITLE_SUFFIX)
    assert not second.read_only.badge.isVisible() and second.saved_label.text() != STATUS
    assert not second.page("office").widgets["name"].isReadOnly()
    second.close()
    assert integrity(db_path) == "ok"


def test_choosing_cancel_keeps_the_file_that_was_open(qtbot, tmp_path, db_path):
    other = tmp_path / "other.sqlite"
    sample_file(db_path)
    sample_file(other)
    first = open_window(qtbot, db_path, tmp_path)
    second = open_window(qtbot, other, tmp_path / "second")
    second.open_file(db_path)
    box = second.file_safety.in_use_box
    box.findChild(object, "cancelButton").click()
    qtbot.waitUntil(lambda: second.file_safety.in_use_box is None)
    assert second.path == other and second.file_safety.holds(other)
    assert not second.read_only.active
    first.close()


def test_a_stale_lock_left_by_a_crash_is_taken_over_silently(qtbot, tmp_path, db_path):
    sample_file(db_path)
    _write_lock(db_path, pid=_dead_pid())
    window = open_window(qtbot, db_path, tmp_path)
    assert not window.read_only.active
    assert window.file_safety.in_use_box is None and _error_box(window) is None
    assert lock.read_lock(db_path).pid == os.getpid()
    assert window.page("office").widgets["name"].text() == OFFICE


def test_a_lock_from_another_computer_may_be_taken_over_when_the_clerk_says_so(
    qtbot, tmp_path, db_path
):
    sample_file(db_path)
    _write_lock(db_path, host="PC-ห้องคลัง", pid=4242)
    window = _second_window(qtbot, tmp_path / "w")
    window.open_file(db_path)
    box = window.file_safety.in_use_box
    assert "เครื่อง PC-ห้องคลัง (ผู้ใช้ somchai)" in box.text()
    assert "เปิดเพื่อแก้ไข" in box.informativeText()
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        box.findChild(object, "takeOverButton").click()
    idle(qtbot, window)
    assert not window.read_only.active
    assert lock.read_lock(db_path).host == lock.this_host()


def test_a_lock_taken_over_by_another_computer_makes_the_window_read_only(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    ours = lock.read_lock(db_path)
    # A laptop slept for hours; another computer found the lock stale and took the file.
    _write_lock(db_path, host="PC-02", user="malee", pid=7, token="fedcba9876543210")
    window.file_safety.keep_alive()
    box = _error_box(window)
    assert box is not None and "PC-02" in box.text() and "อ่านอย่างเดียว" in box.text()
    box.close()
    assert window.read_only.active and window.windowTitle().endswith(TITLE_SUFFIX)
    assert window.file_safety.lock is None and not window.file_safety.timer.isActive()
    assert lock.read_lock(db_path).token != ours.token  # theirs is left as it is
    page = window.page("office")
    page.widgets["phone"].setText("0 1111 1111")
    page.save()
    qtbot.waitUntil(lambda: window.saved_label.text() == REFUSED_NOTE, timeout=10_000)
    idle(qtbot, window)
    assert read_file(db_path, _phone) != "0 1111 1111"


def test_the_timer_refreshes_the_lock_and_makes_the_daily_backup(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    assert window.file_safety.timer.isActive()
    assert window.file_safety.timer.interval() == 5 * 60 * 1000
    made = backups.list_backups(db_path)
    assert [b.reason for b in made] == ["open"]
    page = window.page("office")
    page.widgets["phone"].setText("0 3451 2345")
    page.save()
    tomorrow = datetime.now() + timedelta(days=1)
    window.file_safety.keep_alive(tomorrow)
    idle(qtbot, window)
    assert lock.read_lock(db_path).seen == tomorrow.isoformat(timespec="seconds")
    assert [b.reason for b in backups.list_backups(db_path)] == ["daily", "open"]
    window.file_safety.keep_alive(tomorrow + timedelta(minutes=5))  # once a day only
    idle(qtbot, window)
    assert len(backups.list_backups(db_path)) == 2


def test_a_read_only_data_file_opens_read_only_with_a_message(qtbot, tmp_path, db_path):
    sample_file(db_path)
    before = dump(db_path)
    with read_only(db_path):
        window = _second_window(qtbot, tmp_path / "w")
        with qtbot.waitSignal(window.file_opened, timeout=10_000):
            window.open_file(db_path)
        window.show()
        idle(qtbot, window)
        box = _error_box(window)
        assert box is not None
        assert "เป็นแบบอ่านอย่างเดียว" in box.text() and "ดูข้อมูลและพิมพ์รายงานได้" in box.text()
        assert window.read_only.active and window.windowTitle().endswith(TITLE_SUFFIX)
        assert window.page("office").widgets["name"].text() == OFFICE
        assert not lock.lock_path(db_path).exists()  # not editing: no lock kept
        for key in ("results", "analysis", "measures", "progress", "reports", "criteria"):
            window.show_page(key)
            idle(qtbot, window)
        box.close()
        assert _error_box(window) is None  # every page reads without a complaint
        window.close()
    assert dump(db_path) == before


def test_a_file_in_a_read_only_folder_opens_read_only(qtbot, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    db_path = folder / "ita.sqlite"
    sample_file(db_path)
    with read_only(folder):
        window = _second_window(qtbot, tmp_path / "w")
        with qtbot.waitSignal(window.file_opened, timeout=10_000):
            window.open_file(db_path)
        idle(qtbot, window)
        box = _error_box(window)
        assert box is not None and f"โฟลเดอร์ {folder}" in box.text()
        assert window.read_only.active
        assert window.page("office").widgets["name"].text() == OFFICE
        window.close()


def test_a_full_disk_during_an_edit_gives_a_thai_message_and_keeps_what_was_saved(
    qtbot, tmp_path, db_path
):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    page = window.page("office")
    page.widgets["phone"].setText("0 3451 2345")
    page.save()
    idle(qtbot, window)
    assert read_file(db_path, _phone) == "0 3451 2345"

    def fill_the_disk(db):
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")

    read(qtbot, window, fill_the_disk)
    long_address = "หมู่ ๑ " * 2500  # longer than the page allows: through the service instead
    push_edit(
        window.session,
        window.undo_stack,
        "แก้ไขที่อยู่",
        lambda db: offices.update_office(db, office_id=1, address=long_address),
        lambda db, change: offices.update_office(db, office_id=1, **change.old),
    )
    qtbot.waitUntil(lambda: _error_box(window) is not None, timeout=10_000)
    text = _error_box(window).text()
    assert "เต็ม" in text and "ยังอยู่ครบ" in text and "กรุณาลบไฟล์" in text
    idle(qtbot, window)
    assert window.undo_stack.count() == 1  # the refused edit left the stack
    assert read_file(db_path, _phone) == "0 3451 2345"
    assert not read_file(db_path, lambda db: offices.get_office(db, 1).address).startswith("หมู่")
    assert integrity(db_path) == "ok"
    assert not window.read_only.active  # space freed, editing goes on
    read(qtbot, window, lambda db: db.execute("PRAGMA max_page_count = 1073741823"))
    push_edit(
        window.session,
        window.undo_stack,
        "แก้ไขที่อยู่",
        lambda db: offices.update_office(db, office_id=1, address=long_address),
        lambda db, change: offices.update_office(db, office_id=1, **change.old),
    )
    idle(qtbot, window)
    assert read_file(db_path, lambda db: offices.get_office(db, 1).address).startswith("หมู่ ๑")


def test_closing_the_window_releases_the_lock(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    assert lock.lock_path(db_path).exists()
    window.close()
    assert not lock.lock_path(db_path).exists()
    again = lock.acquire(db_path)  # another program may now take it
    again.release()


def test_the_command_line_will_not_write_a_file_open_in_the_window(
    qtbot, capsys, tmp_path, db_path
):
    sample_file(db_path)
    shared = tmp_path / "x.itashare"
    assert cli.main(["export", "--db", str(db_path), "-o", str(shared)]) == 0  # reading is fine
    window = open_window(qtbot, db_path, tmp_path)
    before = dump(db_path)
    capsys.readouterr()
    for args in (["import", str(shared)], ["demo"]):
        assert cli.main([*args, "--db", str(db_path)]) == 2
        err = capsys.readouterr().err
        assert f"เปิดใช้งานอยู่ที่เครื่อง {lock.this_host()}" in err and "Traceback" not in err
    assert cli.main(["import", str(shared), "--dry-run", "--db", str(db_path)]) == 0
    assert dump(db_path) == before
    window.close()
    assert cli.main(["import", str(shared), "--db", str(db_path)]) == 0  # free again
    assert not lock.lock_path(db_path).exists()  # and the command line let it go


def test_the_command_line_gives_a_thai_message_for_a_read_only_file(capsys, tmp_path, db_path):
    sample_file(db_path)
    with read_only(db_path):
        assert cli.main(["demo", "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert "เป็นแบบอ่านอย่างเดียว" in err and "Traceback" not in err
