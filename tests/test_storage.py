"""The data file: pragmas, migrations, refusal of foreign and newer files."""

import sqlite3

import pytest

from ita_desktop.errors import UserError
from ita_desktop.storage.database import open_database, schema_version
from ita_desktop.storage.migrations import MIGRATION_NAMES


def test_new_file_is_migrated_with_durable_pragmas(db):
    assert schema_version(db) == len(MIGRATION_NAMES)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_applies_nothing_twice(db_path):
    open_database(db_path).close()
    db = open_database(db_path)
    assert schema_version(db) == len(MIGRATION_NAMES)


def test_file_from_a_newer_program_is_refused_and_left_alone(db_path):
    db = open_database(db_path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "ita_desktop", "name": "m999_future", "applied_at": "2030"}
    )
    db.close()
    before = db_path.read_bytes()
    with pytest.raises(UserError, match="รุ่นที่ใหม่กว่า"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_ours_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="ไม่ใช่ไฟล์ข้อมูล"):
        open_database(other)


def test_garbage_is_refused_with_a_message(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(UserError, match="เปิดไฟล์"):
        open_database(junk)
