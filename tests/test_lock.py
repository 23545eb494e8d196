"""The data-file lock: a second program is told who has the file; stale locks are taken over."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import asdict, replace
from datetime import datetime, timedelta

import pytest

from ita_desktop.services import offices, results
from ita_desktop.storage import lock
from ita_desktop.storage.database import open_database
from tests.builders import fill_sample_year, sample_office

NOW = datetime(2025, 1, 23, 9, 0)

HOLDER = textwrap.dedent(
    """
    import sys, time
    from ita_desktop.storage import lock
    held = lock.acquire(sys.argv[1])
    print("locked", flush=True)
    if len(sys.argv) > 2:
        from ita_desktop.services import results
        from ita_desktop.storage.database import open_database
        db = open_database(sys.argv[1])
        for n in range(int(sys.argv[2])):
            results.set_analysis_text(db, assessment_id=1, key=f"k{n}", text="ข้อความ " * 50)
        print("written", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def holder(db_path):
    """Run a second program holding the lock; yields the process."""
    started = []

    def start(*extra):
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(db_path), *extra],
            stdout=subprocess.PIPE,
            text=True,
        )
        started.append(proc)
        assert proc.stdout.readline().strip() == "locked"
        return proc

    yield start
    for proc in started:
        proc.kill()
        proc.wait()


def _write_lock(db_path, **changes) -> lock.LockInfo:
    info = lock.LockInfo(
        host=lock.this_host(),
        user="somchai",
        pid=os.getpid(),
        started=NOW.isoformat(),
        seen=NOW.isoformat(),
        token="old",
    )
    info = replace(info, **changes)
    lock.lock_path(db_path).write_text(json.dumps(asdict(info)), encoding="utf-8")
    return info


def test_the_lock_records_computer_user_and_pid_and_goes_on_release(db_path):
    held = lock.acquire(db_path, now=NOW)
    info = lock.read_lock(db_path)
    assert (info.host, info.pid) == (lock.this_host(), os.getpid())
    assert info.user == lock.this_user()
    held.release()
    assert not lock.lock_path(db_path).exists()
    lock.acquire(db_path).release()  # free again


def test_a_second_program_is_told_who_has_the_file(db_path, holder):
    holder()
    with pytest.raises(lock.FileInUse) as caught:
        lock.acquire(db_path)
    message = caught.value.message
    assert f"เครื่อง {lock.this_host()}" in message and "อ่านอย่างเดียว" in message
    assert caught.value.holder.pid != os.getpid()
    assert not caught.value.can_take_over  # its operating-system lock is held: it is alive


def test_the_same_file_twice_in_one_program_is_refused(db_path):
    with lock.acquire(db_path), pytest.raises(lock.FileInUse):
        lock.acquire(db_path)


def test_the_lock_of_a_killed_program_is_taken_over(db_path, holder):
    proc = holder()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert lock.read_lock(db_path).pid == proc.pid  # left behind
    with lock.acquire(db_path) as held:
        assert held.info.pid == os.getpid()


def test_a_lock_whose_process_is_gone_is_stale_even_without_os_locks(db_path, monkeypatch):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    _write_lock(db_path, pid=int(dead.stdout))
    monkeypatch.setattr(lock, "_os_lock", lambda fd: False)  # a share without locks
    with lock.acquire(db_path) as held:
        assert held.info.pid == os.getpid()


def test_a_live_pid_without_os_locks_is_respected(db_path, monkeypatch):
    _write_lock(db_path, pid=os.getppid())
    monkeypatch.setattr(lock, "_os_lock", lambda fd: False)
    with pytest.raises(lock.FileInUse):
        lock.acquire(db_path, now=NOW)


def test_a_reused_pid_does_not_keep_a_crashed_lock(db_path):
    _write_lock(db_path, pid=os.getppid())  # alive, but holds no OS lock: not the holder
    with lock.acquire(db_path) as held:
        assert held.info.token != "old"


def test_another_computer_is_respected_until_its_lock_goes_stale(db_path):
    _write_lock(db_path, host="PC-KLANG", user="somying")
    with pytest.raises(lock.FileInUse) as caught:
        lock.acquire(db_path, now=NOW + timedelta(minutes=30))
    assert "เครื่อง PC-KLANG (ผู้ใช้ somying) ตั้งแต่ ๒๓ ม.ค. ๒๕๖๘ เวลา ๐๙:๐๐ น." in (caught.value.message)
    assert caught.value.can_take_over
    later = NOW + lock.STALE_AFTER + timedelta(minutes=1)
    with lock.acquire(db_path, now=later) as held:
        assert held.info.host == lock.this_host()


def test_force_takes_over_a_lock_from_another_computer(db_path):
    _write_lock(db_path, host="PC-KLANG")
    with lock.acquire(db_path, now=NOW, force=True) as held:
        assert lock.read_lock(db_path).token == held.info.token


def test_force_never_takes_a_lock_that_is_held(db_path, holder):
    holder()
    with pytest.raises(lock.FileInUse):
        lock.acquire(db_path, force=True)


def test_refresh_keeps_the_lock_fresh_and_notices_a_takeover(db_path):
    held = lock.acquire(db_path, now=NOW)
    held.refresh(NOW + timedelta(minutes=5))
    assert lock.read_lock(db_path).seen == (NOW + timedelta(minutes=5)).isoformat()
    _write_lock(db_path, host="PC-KLANG", token="theirs")  # another computer took it over
    with pytest.raises(lock.LockLost, match="ปิดแล้วเปิดไฟล์ใหม่"):
        held.refresh()
    held.release()
    assert lock.read_lock(db_path).token == "theirs"  # not removed: it is not ours


def test_unreadable_lock_debris_is_taken_over(db_path):
    lock.lock_path(db_path).write_bytes(b"\x00garbage")
    with lock.acquire(db_path) as held:
        assert lock.read_lock(db_path) == held.info


def test_read_only_viewer_beside_a_writer_sees_consistent_data(db_path, holder):
    db = open_database(db_path)
    office_id = offices.create_office(db, office=sample_office())
    fill_sample_year(db, office_id)
    db.close()
    holder("200")  # another program holds the lock and saves 200 texts
    with pytest.raises(lock.FileInUse):
        lock.acquire(db_path)
    viewer = open_database(db_path, read_only=True)
    seen = []
    deadline = time.monotonic() + 30
    while (not seen or seen[-1] < 201) and time.monotonic() < deadline:
        seen.append(viewer.execute("SELECT count(*) FROM analysis_text").fetchone()[0])
    assert seen[-1] == 201 and seen == sorted(seen)  # every read saw a whole, later state
    assert results.find_assessment(viewer, 1, 2568) is not None
    assert viewer.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    viewer.close()
