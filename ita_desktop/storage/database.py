"""Open the data file: pragmas for durability, migrations, refusal of files from a newer program."""

import sqlite3
from pathlib import Path

import sqlite_utils

from ita_desktop.errors import UserError
from ita_desktop.storage.migrations import MIGRATION_NAMES, MIGRATIONS


def open_database(path: Path | str, *, create: bool = True) -> sqlite_utils.Database:
    """Open (creating if allowed) and migrate the data file at ``path``."""
    path = Path(path)
    if not path.exists() and not create:
        raise UserError(f"ไม่พบไฟล์ข้อมูล {path}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise UserError(f"สร้างโฟลเดอร์ {path.parent} ไม่ได้ กรุณาเลือกที่เก็บไฟล์อื่น") from None
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
        db = sqlite_utils.Database(conn, execute_plugins=False)
        _configure(db)
        _refuse_foreign_or_newer(db, path)
        MIGRATIONS.apply(db)
    except sqlite3.DatabaseError as error:
        raise UserError(
            f"เปิดไฟล์ {path.name} ไม่ได้: ไฟล์นี้ไม่ใช่ไฟล์ข้อมูลของ ITA Desktop หรือเสียหาย ({error})"
        ) from None
    return db


def memory_database() -> sqlite_utils.Database:
    """A migrated in-memory database, for previews and tests."""
    db = sqlite_utils.Database(memory=True, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    MIGRATIONS.apply(db)
    return db


def _configure(db: sqlite_utils.Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        # A read-only folder cannot hold the WAL files; the rollback journal still keeps edits safe.
        db.execute("PRAGMA journal_mode = DELETE")
    # FULL: an edit reported as saved has reached the disk, even in WAL mode, before commit returns.
    db.execute("PRAGMA synchronous = FULL")


def _refuse_foreign_or_newer(db: sqlite_utils.Database, path: Path) -> None:
    tables = set(db.table_names())
    if not tables:
        return
    table = MIGRATIONS.migrations_table
    if table not in tables:
        raise UserError(f"ไฟล์ {path.name} ไม่ใช่ไฟล์ข้อมูลของ ITA Desktop กรุณาเลือกไฟล์อื่น")
    known = set(MIGRATION_NAMES)
    applied = {m.name for m in MIGRATIONS.applied(db)}
    if applied - known:
        raise UserError(
            f"ไฟล์ {path.name} สร้างจาก ITA Desktop รุ่นที่ใหม่กว่านี้ "
            "กรุณาปรับปรุงโปรแกรมเป็นรุ่นล่าสุดก่อนเปิดไฟล์นี้ (ไม่มีการเปลี่ยนแปลงข้อมูลในไฟล์)"
        )


def schema_version(db: sqlite_utils.Database) -> int:
    return len(MIGRATIONS.applied(db))
