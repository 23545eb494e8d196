"""Disk and file faults: each ends in a Thai message saying what to do, and saved data stays."""

import errno
import sqlite3

import pytest

from ita_desktop.errors import UserError
from ita_desktop.services import offices, results, share
from ita_desktop.storage import faults
from ita_desktop.storage.database import open_database
from tests.builders import fill_sample_year, sample_office
from tests.fault_helpers import dump, integrity, read_only


@pytest.fixture
def filled(db, db_path):
    office_id = offices.create_office(db, office=sample_office())
    assessment_id, _ = fill_sample_year(db, office_id)
    return db, assessment_id, office_id


def _fill_the_disk(db) -> None:
    """Simulate a full disk: the file may not grow by a single page."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def test_full_disk_gives_a_thai_message_and_keeps_what_was_saved(filled, db_path):
    db, assessment_id, _ = filled
    before = dump(db_path)
    _fill_the_disk(db)
    with pytest.raises(UserError) as caught:
        faults.guarded(
            db_path,
            results.set_analysis_text,
            db,
            assessment_id=assessment_id,
            key="overall",
            text="ข้อความยาว " * 1800,
        )
    message = caught.value.message
    assert "เต็ม" in message and "ยังอยู่ครบ" in message and "กรุณาลบไฟล์" in message
    assert dump(db_path) == before
    assert integrity(db_path) == "ok"
    db.execute("PRAGMA max_page_count = 1073741823")  # space freed: the same edit now works
    results.set_analysis_text(db, assessment_id=assessment_id, key="overall", text="ได้แล้ว")
    assert results.find_assessment(db, 1, 2568).analysis_texts["overall"] == "ได้แล้ว"


def test_full_disk_during_an_import_writes_none_of_it(filled, db_path, tmp_path):
    db, assessment_id, office_id = filled
    results.set_analysis_text(db, assessment_id=assessment_id, key="overall", text="ก" * 15_000)
    shared = tmp_path / "x.itashare"
    share.export_file(db, office_id=office_id, path=shared)
    target = tmp_path / "target.sqlite"
    other = open_database(target)
    before = dump(target)
    _fill_the_disk(other)
    with pytest.raises(UserError, match="เต็ม"), faults.translated(target):
        share.apply_import(other, share.preview_import(other, share.read_share_file(shared)))
    assert dump(target) == before
    assert integrity(target) == "ok"
    other.close()


def test_read_only_file_is_refused_for_editing_and_opens_read_only(filled, db_path):
    db, _, _ = filled
    db.close()
    before = dump(db_path)
    with read_only(db_path):
        with pytest.raises(faults.ReadOnlyAvailable) as caught:
            open_database(db_path)
        assert "อ่านอย่างเดียว" in caught.value.message
        viewer = open_database(db_path, read_only=True)
        assert offices.find_office(viewer, None).name == sample_office().name
        with pytest.raises(UserError, match="อ่านอย่างเดียว"), faults.translated(db_path):
            results.set_analysis_text(viewer, assessment_id=1, key="overall", text="x")
        viewer.close()
    assert dump(db_path) == before


def test_read_only_folder_is_refused_for_editing_and_opens_read_only(filled, db_path):
    db, _, _ = filled
    db.close()
    before = dump(db_path)
    with read_only(db_path.parent):
        with pytest.raises(faults.ReadOnlyAvailable) as caught:
            open_database(db_path)
        assert "โฟลเดอร์" in caught.value.message and "คัดลอก" in caught.value.message
        viewer = open_database(db_path, read_only=True)
        assert offices.find_office(viewer, None).name == sample_office().name
        viewer.close()
    assert dump(db_path) == before


def test_missing_folder_says_to_reconnect_the_drive(tmp_path):
    gone = tmp_path / "usb" / "ita.sqlite"
    with pytest.raises(UserError) as caught:
        open_database(gone, create=False)
    assert "ไม่พบโฟลเดอร์" in caught.value.message and "แฟลชไดรฟ์" in caught.value.message
    error = sqlite3.OperationalError("unable to open database file")
    error.sqlite_errorname = "SQLITE_CANTOPEN"
    assert "ไม่พบโฟลเดอร์" in faults.explain(error, gone).message
    with pytest.raises(UserError, match="ไม่พบโฟลเดอร์"), faults.translated(gone):
        gone.write_bytes(b"x")


def test_damaged_file_points_to_the_backups_and_is_left_as_it_is(filled, db_path):
    db, _, _ = filled
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(db_path.read_bytes())
    for i in range(4096 * 2, len(data) - 4096):
        data[i] = 0x55
    db_path.write_bytes(bytes(data))
    with pytest.raises(faults.DamagedFile) as caught:
        conn = open_database(db_path)
        conn.execute("SELECT * FROM measure").fetchall()  # if opening alone did not notice
    assert "กู้คืนจากไฟล์สำรอง" in caught.value.message
    assert db_path.read_bytes() == bytes(data)


def test_a_file_that_is_not_a_database_says_so(tmp_path):
    junk = tmp_path / "letter.docx"
    junk.write_bytes(b"PK\x03\x04" + b"\x00" * 5000)
    with pytest.raises(faults.DamagedFile) as caught:
        open_database(junk)
    assert "ไม่ใช่ไฟล์ข้อมูลของ ITA Desktop" in caught.value.message
    assert junk.read_bytes() == b"PK\x03\x04" + b"\x00" * 5000


def test_a_file_busy_in_another_program_asks_to_wait(filled, db_path):
    db, assessment_id, _ = filled
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    db.execute("PRAGMA busy_timeout = 0")
    with pytest.raises(UserError, match="รอสักครู่"), faults.translated(db_path):
        results.set_analysis_text(db, assessment_id=assessment_id, key="overall", text="x")
    other.execute("ROLLBACK")
    other.close()


@pytest.mark.parametrize(
    "error, expected",
    [
        (OSError(errno.ENOSPC, "No space left on device"), "เต็ม"),
        (OSError(errno.EROFS, "Read-only file system"), "อ่านอย่างเดียว"),
        (OSError(errno.EIO, "Input/output error"), "ดิสก์หรือเครือข่าย"),
    ],
)
def test_operating_system_faults_are_explained(error, expected):
    with pytest.raises(UserError, match=expected), faults.translated(None):
        raise error


def test_bugs_are_not_disguised_as_faults(db):
    with pytest.raises(sqlite3.IntegrityError), faults.translated(None):
        db.execute("INSERT INTO unit (office_id, position, name) VALUES (999, 0, NULL)")
    with pytest.raises(KeyError), faults.translated(None):
        raise KeyError("bug")


def test_first_save_on_a_full_disk_is_refused_not_silently_dropped(filled, db_path):
    """sqlite-utils' upsert probe, failing on a full disk, used to switch to INSERT OR IGNORE,
    which dropped a new analysis text without a word (open_database now answers the probe)."""
    first, assessment_id, _ = filled
    first.close()
    db = open_database(db_path)
    _fill_the_disk(db)
    with pytest.raises(UserError, match="เต็ม"), faults.translated(db_path):
        results.set_analysis_text(db, assessment_id=assessment_id, key="new", text="ก" * 9000)
    db.execute("PRAGMA max_page_count = 1073741823")
    results.set_analysis_text(db, assessment_id=assessment_id, key="new", text="ก" * 9000)
    assert results.find_assessment(db, 1, 2568).analysis_texts["new"] == "ก" * 9000
    db.close()
