"""Backups: consistent copies beside the data file, rotation, listing in พ.ศ., safe restore."""

import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlite_utils import Database

from ita_desktop.errors import UserError
from ita_desktop.services import backups, offices, results
from ita_desktop.storage.database import open_database
from tests.builders import fill_sample_year, sample_office
from tests.fault_helpers import dump, read_only

NOW = datetime(2025, 1, 23, 8, 30, 5)


@pytest.fixture
def filled(db, db_path):
    office_id = offices.create_office(db, office=sample_office())
    assessment_id, _ = fill_sample_year(db, office_id)
    return db, assessment_id


def _edit(db, assessment_id, text: str) -> None:
    results.set_analysis_text(db, assessment_id=assessment_id, key="overall", text=text)


def _overall(path) -> str | None:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT text FROM analysis_text WHERE key = 'overall'").fetchone()
    finally:
        conn.close()
    return row and row[0]


def test_a_backup_is_a_standalone_consistent_copy_beside_the_data(filled, db_path):
    db, assessment_id = filled
    _edit(db, assessment_id, "ยังอยู่ในไฟล์ WAL")  # not checkpointed into the main file yet
    made = backups.backup_on_open(db, db_path, now=NOW)
    assert made.path.parent == db_path.parent / "ita-ไฟล์สำรอง"
    assert made.path.name == "ita-20250123-083005-open.sqlite"
    assert _overall(made.path) == "ยังอยู่ในไฟล์ WAL"
    conn = sqlite3.connect(made.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.path.name]


def test_unchanged_data_makes_no_new_backup(filled, db_path):
    db, assessment_id = filled
    assert backups.backup_on_open(db, db_path, now=NOW) is not None
    assert backups.backup_on_open(db, db_path, now=NOW + timedelta(hours=1)) is None
    _edit(db, assessment_id, "แก้แล้ว")
    assert backups.backup_on_open(db, db_path, now=NOW + timedelta(hours=2)) is not None
    assert len(backups.list_backups(db_path)) == 2


def test_at_most_one_backup_a_day_while_open(filled, db_path):
    db, assessment_id = filled
    backups.backup_on_open(db, db_path, now=NOW)
    _edit(db, assessment_id, "บ่าย")
    assert backups.maybe_backup(db, db_path, NOW + timedelta(hours=6)) is None
    daily = backups.maybe_backup(db, db_path, NOW + timedelta(days=1))
    assert daily.reason == "daily" and _overall(daily.path) == "บ่าย"
    assert backups.maybe_backup(db, db_path, NOW + timedelta(days=1, hours=3)) is None


def test_the_last_ten_are_kept(filled, db_path):
    db, assessment_id = filled
    for day in range(13):
        _edit(db, assessment_id, f"วันที่ {day}")
        backups.maybe_backup(db, db_path, NOW + timedelta(days=day))
    kept = backups.list_backups(db_path)
    assert len(kept) == backups.KEEP == 10
    assert [_overall(b.path) for b in kept] == [f"วันที่ {d}" for d in range(12, 2, -1)]


def test_backups_are_listed_newest_first_with_thai_dates(filled, db_path):
    db, assessment_id = filled
    backups.backup_on_open(db, db_path, now=NOW)
    _edit(db, assessment_id, "ต่อมา")
    backups.maybe_backup(db, db_path, NOW + timedelta(days=1))
    folder = backups.backup_folder(db_path)
    (folder / "ita-20250125-000000-daily.sqlite.partial").write_bytes(b"cut short")
    (folder / "notes.txt").write_text("not a backup")
    listed = backups.list_backups(db_path)
    assert [b.reason for b in listed] == ["daily", "open"]
    assert listed[1].label == "๒๓ ม.ค. ๒๕๖๘ เวลา ๐๘:๓๐ น. (เมื่อเปิดไฟล์)"
    assert listed[0].label == "๒๔ ม.ค. ๒๕๖๘ เวลา ๐๘:๓๐ น. (ประจำวัน)"
    backups.make_backup(db, db_path, now=NOW + timedelta(days=3))
    assert not list(folder.glob("*.partial"))  # a crashed copy is cleared at the next backup


def test_restore_puts_the_backup_back_after_backing_up_the_current_state(filled, db_path):
    db, assessment_id = filled
    _edit(db, assessment_id, "ฉบับเช้า")
    morning = backups.backup_on_open(db, db_path, now=NOW)
    _edit(db, assessment_id, "ฉบับบ่าย")
    db.close()  # the contract: the caller closes, restores, reopens
    before = backups.restore_backup(db_path, morning, now=NOW + timedelta(hours=5))
    assert before.reason == "before-restore" and _overall(before.path) == "ฉบับบ่าย"
    reopened = open_database(db_path)
    assert results.find_assessment(reopened, 1, 2568).analysis_texts["overall"] == "ฉบับเช้า"
    assert reopened.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reopened.close()


def test_restoring_the_oldest_of_ten_keeps_it_until_it_is_used(filled, db_path):
    db, assessment_id = filled
    for day in range(10):
        _edit(db, assessment_id, f"วันที่ {day}")
        backups.maybe_backup(db, db_path, NOW + timedelta(days=day))
    db.close()
    oldest = backups.list_backups(db_path)[-1]
    backups.restore_backup(db_path, oldest, now=NOW + timedelta(days=11))
    assert _overall(db_path) == "วันที่ 0"
    assert len(backups.list_backups(db_path)) == 10


@pytest.mark.parametrize("content", [b"", b"not sqlite" * 500])
def test_a_damaged_backup_is_refused_and_nothing_changes(filled, db_path, content):
    db, _ = filled
    db.close()
    bad = backups.backup_folder(db_path) / "ita-20250101-000000-open.sqlite"
    bad.parent.mkdir()
    bad.write_bytes(content)
    before = dump(db_path)
    with pytest.raises(UserError, match="เลือกไฟล์สำรองอื่น"):
        backups.restore_backup(db_path, bad)
    assert dump(db_path) == before
    assert len(backups.list_backups(db_path)) == 1  # no before-restore copy was needed


def test_a_backup_from_a_newer_program_is_refused(filled, db_path):
    db, _ = filled
    made = backups.backup_on_open(db, db_path, now=NOW)
    conn = sqlite3.connect(made.path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('ita_desktop', 'm999_future', '2030')"
    )
    conn.commit()
    conn.close()
    db.close()
    with pytest.raises(UserError, match="รุ่นที่ใหม่กว่า"):
        backups.restore_backup(db_path, made)


def _damage(path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(4096, len(data)):
        data[i] = 0x55
    path.write_bytes(bytes(data))


def test_restore_over_a_damaged_file_sets_the_damaged_file_aside(filled, db_path):
    db, assessment_id = filled
    _edit(db, assessment_id, "ดี")
    good = backups.backup_on_open(db, db_path, now=NOW)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    _damage(db_path)
    stale_wal = db_path.with_name(db_path.name + "-wal")
    stale_wal.write_bytes(b"left over from the damaged file")
    damaged_bytes = db_path.read_bytes()
    aside = backups.restore_backup(db_path, good, now=NOW + timedelta(hours=1))
    assert aside.reason == backups.DAMAGED and aside.path.read_bytes() == damaged_bytes
    assert not stale_wal.exists()
    assert aside not in backups.list_backups(db_path)
    reopened = open_database(db_path)
    assert results.find_assessment(reopened, 1, 2568).analysis_texts["overall"] == "ดี"
    reopened.close()


def test_a_damaged_data_file_never_pushes_good_backups_out(filled, db_path):
    db, _ = filled
    good = backups.backup_on_open(db, db_path, now=NOW)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    index_page = db.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'measure_plan'"
    ).fetchone()[0]
    db.close()
    data = bytearray(db_path.read_bytes())
    start = (index_page - 1) * 4096
    data[start + 8 : start + 4096] = b"\x07" * (4096 - 8)
    db_path.write_bytes(bytes(data))
    damaged = sqlite3.connect(db_path, isolation_level=None)
    with pytest.raises(backups.BackupFailed, match="กู้คืนจากไฟล์สำรอง"):
        backups.make_backup(Database(damaged), db_path, now=NOW + timedelta(days=1), reason="daily")
    damaged.close()
    assert backups.list_backups(db_path) == [good]


def test_a_read_only_backup_folder_gives_a_warning_not_a_failure(filled, db_path):
    db, _ = filled
    folder = backups.backup_folder(db_path)
    folder.mkdir()
    before = dump(db_path)
    with read_only(folder), pytest.raises(backups.BackupFailed, match="ยังอยู่ครบ"):
        backups.backup_on_open(db, db_path, now=NOW)
    assert dump(db_path) == before
    assert backups.list_backups(db_path) == []


def test_backups_dated_by_a_wrong_clock_do_not_push_out_new_ones(filled, db_path):
    db, assessment_id = filled
    for day in range(10):  # the clock once said 2030
        _edit(db, assessment_id, f"อนาคต {day}")
        backups.make_backup(db, db_path, now=datetime(2030, 1, 1) + timedelta(days=day))
    _edit(db, assessment_id, "วันนี้")
    made = backups.maybe_backup(db, db_path, NOW)
    kept = backups.list_backups(db_path)
    assert made in kept and len(kept) == 10
    assert _overall(made.path) == "วันนี้"
