"""Open the data file: pragmas for durability, migrations, refusal of files from a newer program."""

import sqlite3
from pathlib import Path

import sqlite_utils

from ita_desktop.errors import UserError
from ita_desktop.storage import faults
from ita_desktop.storage.migrations import MIGRATION_NAMES, MIGRATIONS


def open_database(
    path: Path | str, *, create: bool = True, read_only: bool = False
) -> sqlite_utils.Database:
    """Open (creating if allowed) and migrate the data file at ``path``.

    ``read_only``: for a file another program is editing, or a read-only file or folder; nothing
    is ever written (no migrations either: a file that needs them must be opened normally once).
    """
    path = Path(path)
    if read_only:
        return _open_read_only(path)
    if not path.exists() and not create:
        if not path.parent.is_dir():
            raise faults.missing_folder(path)
        raise UserError(f"ไม่พบไฟล์ข้อมูล {path}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise UserError(f"สร้างโฟลเดอร์ {path.parent} ไม่ได้ กรุณาเลือกที่เก็บไฟล์อื่น") from None
    try:
        db = _database(sqlite3.connect(str(path), isolation_level=None))
        _configure(db)
        _refuse_foreign_or_newer(db, path)
        _check_writable(db)
        MIGRATIONS.apply(db)
    except sqlite3.Error as error:
        raise (faults.explain(error, path) or faults.not_a_database(path)) from None
    return db


def _open_read_only(path: Path) -> sqlite_utils.Database:
    if not path.is_file():
        if not path.parent.is_dir():
            raise faults.missing_folder(path)
        raise UserError(f"ไม่พบไฟล์ข้อมูล {path}")
    try:
        db = _connect_read_only(path, immutable=False)
        try:
            _refuse_foreign_or_newer(db, path)
        except sqlite3.OperationalError:
            # A WAL file in a read-only folder: no shared-memory file can be made. With no WAL
            # left over, nobody is writing it, and SQLite may read it as an unchanging file.
            if path.with_name(path.name + "-wal").exists() or faults.folder_writable(path.parent):
                raise
            db.close()
            db = _connect_read_only(path, immutable=True)
            _refuse_foreign_or_newer(db, path)
        if len(MIGRATIONS.pending(db)) > 0:
            raise UserError(
                f"ไฟล์ {path.name} สร้างจาก ITA Desktop รุ่นก่อน ต้องปรับรูปแบบก่อนใช้งาน"
                " ซึ่งเปิดแบบอ่านอย่างเดียวทำไม่ได้ — กรุณาเปิดไฟล์แบบปกติหนึ่งครั้ง"
            )
    except sqlite3.Error as error:
        raise (faults.explain(error, path) or faults.not_a_database(path)) from None
    return db


def memory_database() -> sqlite_utils.Database:
    """A migrated in-memory database, for previews and tests."""
    db = _database(sqlite3.connect(":memory:"))
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


def _database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    db = sqlite_utils.Database(conn, execute_plugins=False)
    # sqlite-utils decides how to upsert by a probe that writes a table; if that write fails once
    # (full disk, busy file) it falls back for good to INSERT OR IGNORE + UPDATE, which silently
    # drops a new row with a NOT NULL column (analysis_text.text, progress.status…). Every SQLite
    # Python ships has INSERT … ON CONFLICT (3.24+): answer the probe ourselves.
    if sqlite3.sqlite_version_info >= (3, 24, 0):
        db._supports_on_conflict = True
    return db


def _connect_read_only(path: Path, *, immutable: bool) -> sqlite_utils.Database:
    uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
    db = _database(sqlite3.connect(uri, uri=True, isolation_level=None))
    db.execute("PRAGMA query_only = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    return db


def _check_writable(db: sqlite_utils.Database) -> None:
    """SQLITE_READONLY now, at opening, rather than at the clerk's first edit."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(f"PRAGMA user_version = {int(version)}")
    finally:
        db.execute("ROLLBACK")


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
