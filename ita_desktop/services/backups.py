"""Backups of the data file: consistent copies (SQLite backup API) beside it, rotated; restore."""

import contextlib
import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from ita_desktop.errors import UserError
from ita_desktop.i18n.thai import apply_digits, format_date
from ita_desktop.storage import faults
from ita_desktop.storage.migrations import MIGRATION_NAMES, MIGRATIONS

KEEP = 10
FOLDER_SUFFIX = "-ไฟล์สำรอง"
REASONS = {
    "open": "เมื่อเปิดไฟล์",
    "daily": "ประจำวัน",
    "manual": "สำรองเอง",
    "before-import": "ก่อนนำเข้า",
    "before-restore": "ก่อนกู้คืน",
}
DAMAGED = "damaged"  # a damaged data file set aside by a restore: kept, never listed or rotated
_NAME = re.compile(r"^.*-(\d{8}-\d{6})-([a-z-]+?)(?:-(\d+))?\.sqlite$")
NOTHING_CHANGED = "ไม่มีการเปลี่ยนแปลงข้อมูลของท่าน"


class BackupFailed(UserError):
    """No backup was made; the data file itself is untouched (the window shows a warning)."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str
    size: int

    @property
    def label(self) -> str:
        """'๒๓ ม.ค. ๒๕๖๘ เวลา ๑๔:๓๒ น. (เมื่อเปิดไฟล์)': the date in พ.ศ., for the restore list."""
        day = format_date(self.taken.date(), month="abbreviated")
        time = apply_digits(self.taken.strftime("%H:%M"))
        return f"{day} เวลา {time} น. ({REASONS.get(self.reason, self.reason)})"


def backup_folder(data_path: Path | str) -> Path:
    """'ita-desktop-ไฟล์สำรอง' beside 'ita-desktop.sqlite'."""
    data_path = Path(data_path)
    return data_path.with_name(data_path.stem + FOLDER_SUFFIX)


def list_backups(data_path: Path | str) -> list[Backup]:
    """The backups of ``data_path``, newest first (damaged files set aside are not listed)."""
    return [b for b in _all_backups(backup_folder(data_path)) if b.reason != DAMAGED]


def _all_backups(folder: Path) -> list[Backup]:
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = _NAME.match(entry.name)
        if not match or not entry.is_file():
            continue
        try:
            taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(Backup(Path(entry.path), taken, match.group(2), size))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def _new_path(folder: Path, data_path: Path, now: datetime, reason: str) -> Path:
    base = f"{data_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}"
    path, number = folder / f"{base}.sqlite", 1
    while path.exists() or path.with_name(path.name + ".partial").exists():
        number += 1
        path = folder / f"{base}-{number}.sqlite"
    return path


def make_backup(
    db: Database,
    data_path: Path | str,
    *,
    now: datetime | None = None,
    reason: str = "manual",
    prune: bool = True,
) -> Backup | None:
    """Copy the open database ``db`` into the backup folder; None when the newest backup already
    holds exactly this data. The copy is checked (integrity_check) before it is kept, so a
    damaged data file never pushes good backups out. BackupFailed when no copy could be made."""
    data_path = Path(data_path)
    now = now or datetime.now()
    folder = backup_folder(data_path)
    try:
        folder.mkdir(exist_ok=True)
        _remove_partials(folder)
        final = _new_path(folder, data_path, now, reason)
        partial = final.with_name(final.name + ".partial")
        _copy(db.conn, partial)
        newest = next(iter(list_backups(data_path)), None)
        if newest is not None and _same_bytes(partial, newest.path):
            partial.unlink()
            return None
        os.replace(partial, final)
        faults.fsync_folder(folder)
        made = Backup(final, now.replace(microsecond=0), reason, final.stat().st_size)
    except (sqlite3.Error, OSError) as error:
        raise _failed(error, folder) from error
    if prune:
        prune_backups(data_path, now=now, spare=made.path)
    return made


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy through the backup API (it sees committed data, WAL included), made a
    standalone rollback-journal file, verified and flushed to disk."""
    with contextlib.suppress(FileNotFoundError):
        target.unlink()
    copy = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
        try:
            problems = [row[0] for row in copy.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as error:  # too damaged even to check
            problems = [str(error)]
    finally:
        copy.close()
    if problems != ["ok"]:
        target.unlink()
        raise BackupFailed(
            "ตรวจพบว่าไฟล์ข้อมูลอาจเสียหาย จึงไม่ได้สร้างไฟล์สำรองใหม่ (ไฟล์สำรองเดิมยังอยู่ครบ)"
            f" — {faults.RESTORE_HINT}"
        )
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def _same_bytes(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    return _digest(a) == _digest(b)


def _digest(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _remove_partials(folder: Path) -> None:
    """Copies cut short by a crash or a full disk: never listed, removed at the next backup."""
    for leftover in folder.glob("*.partial"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _failed(error: BaseException, folder: Path) -> BackupFailed:
    if isinstance(error, BackupFailed):
        return error
    if faults.fault_kind(error) == "full":
        return BackupFailed(
            f"ดิสก์เต็ม จึงสร้างไฟล์สำรองไม่ได้ {faults.KEPT} — กรุณาลบไฟล์ที่ไม่ใช้ออกจากดิสก์นั้น แล้วลองอีกครั้ง"
        )
    return BackupFailed(
        f"สร้างไฟล์สำรองในโฟลเดอร์ {folder} ไม่ได้ {faults.KEPT}"
        " — กรุณาตรวจสอบว่าโฟลเดอร์นั้นบันทึกได้ และดิสก์ยังมีที่ว่าง"
    )


def prune_backups(
    data_path: Path | str,
    keep: int = KEEP,
    *,
    now: datetime | None = None,
    spare: Path | None = None,
) -> list[Path]:
    """Delete all but the ``keep`` newest backups (never ``spare``); returns what was deleted.

    Backups dated after ``now`` were made while the clock was wrong: they count as the oldest,
    or ten of them would push out every backup made since.
    """
    limit = (now or datetime.now()) + timedelta(days=1)
    ranked = sorted(
        (b for b in list_backups(data_path) if b.path != spare),
        key=lambda b: (b.taken <= limit, b.taken),
        reverse=True,
    )
    removed = []
    for old in ranked[keep - 1 if spare else keep :]:
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def backup_on_open(db: Database, data_path: Path | str, *, now: datetime | None = None):
    """The backup made each time the file is opened for editing (None if nothing changed)."""
    return make_backup(db, data_path, now=now, reason="open")


def maybe_backup(db: Database, data_path: Path | str, now: datetime | None = None):
    """At most one backup a day while the file is open: the window calls this on a timer."""
    now = now or datetime.now()
    past = [b for b in list_backups(data_path) if b.taken <= now]
    if past and past[0].taken.date() == now.date():
        return None
    return make_backup(db, data_path, now=now, reason="daily")


def check_backup(path: Path | str) -> None:
    """UserError unless ``path`` is an intact data file this program can open."""
    path = Path(path)
    problem = f"ไฟล์สำรอง {path.name} เสียหายหรือใช้ไม่ได้ กรุณาเลือกไฟล์สำรองอื่น {NOTHING_CHANGED}"
    if not path.is_file():
        raise UserError(f"ไม่พบไฟล์สำรอง {path.name} กรุณาเลือกไฟล์สำรองอื่น {NOTHING_CHANGED}")
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            applied = set()
            if MIGRATIONS.migrations_table in tables:
                applied = {
                    r[0]
                    for r in conn.execute(
                        f"SELECT name FROM [{MIGRATIONS.migrations_table}] WHERE migration_set = ?",
                        [MIGRATIONS.name],
                    )
                }
        finally:
            conn.close()
    except sqlite3.Error:
        raise UserError(problem) from None
    if problems != ["ok"] or not applied:
        raise UserError(problem)
    if applied - set(MIGRATION_NAMES):
        raise UserError(
            f"ไฟล์สำรอง {path.name} สร้างจาก ITA Desktop รุ่นที่ใหม่กว่านี้"
            f" กรุณาปรับปรุงโปรแกรมเป็นรุ่นล่าสุดก่อน {NOTHING_CHANGED}"
        )


def restore_backup(
    data_path: Path | str, backup: Backup | Path, *, now: datetime | None = None
) -> Backup | None:
    """Put the data of ``backup`` into the data file; returns the backup of what was there.

    Contract: the caller holds the file's lock and has closed its own connection; afterwards it
    reopens the file with open_database (which migrates a backup from an older program). The
    backup is verified first and the current data is backed up before anything changes. A
    healthy data file is overwritten through the backup API in one transaction (a crash leaves
    the old data whole); a damaged one is moved into the backup folder and replaced.
    """
    data_path = Path(data_path)
    source = backup.path if isinstance(backup, Backup) else Path(backup)
    now = now or datetime.now()
    check_backup(source)
    try:
        if _healthy(data_path):
            before = _backup_current(data_path, now)
            _restore_into(source, data_path)
        else:
            before = _set_aside_damaged(data_path, now)
            _replace_with_copy(source, data_path)
    except (sqlite3.Error, OSError) as error:
        explained = faults.explain(error, data_path)
        raise UserError(
            "กู้คืนไม่สำเร็จ ข้อมูลของท่านยังเหมือนก่อนกู้คืน" + (f" — {explained.message}" if explained else "")
        ) from error
    prune_backups(data_path, now=now)
    return before


def _healthy(data_path: Path) -> bool:
    if not data_path.exists():
        return False
    try:
        conn = sqlite3.connect(data_path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return [row[0] for row in conn.execute("PRAGMA quick_check")] == ["ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _backup_current(data_path: Path, now: datetime) -> Backup | None:
    conn = sqlite3.connect(data_path, isolation_level=None)
    try:
        db = Database(conn, execute_plugins=False)
        made = make_backup(db, data_path, now=now, reason="before-restore", prune=False)
    finally:
        conn.close()
    return made or next(iter(list_backups(data_path)), None)


def _restore_into(source: Path, data_path: Path) -> None:
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    dst = sqlite3.connect(data_path, isolation_level=None)
    try:
        dst.execute("PRAGMA busy_timeout = 5000")
        dst.execute("PRAGMA synchronous = FULL")
        src.backup(dst)
        problems = [row[0] for row in dst.execute("PRAGMA integrity_check")]
    finally:
        src.close()
        dst.close()
    if problems != ["ok"]:
        raise sqlite3.DatabaseError("restored copy failed its integrity check")


def _set_aside_damaged(data_path: Path, now: datetime) -> Backup | None:
    """Move a damaged data file and its WAL into the backup folder. The WAL goes too even without
    the file: left behind, SQLite would replay it onto the restored copy and damage that."""
    wal = data_path.with_name(data_path.name + "-wal")
    if not data_path.exists() and not wal.exists():
        return None
    folder = backup_folder(data_path)
    folder.mkdir(exist_ok=True)
    target = _new_path(folder, data_path, now, DAMAGED)
    if data_path.exists():
        os.replace(data_path, target)
    if wal.exists():
        os.replace(wal, target.with_name(target.name + "-wal"))
    with contextlib.suppress(FileNotFoundError):
        data_path.with_name(data_path.name + "-shm").unlink()
    faults.fsync_folder(folder)
    size = target.stat().st_size if target.exists() else 0
    return Backup(target, now.replace(microsecond=0), DAMAGED, size)


def _replace_with_copy(source: Path, data_path: Path) -> None:
    partial = data_path.with_name(data_path.name + ".restoring")
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        _copy(src, partial)
    finally:
        src.close()
    os.replace(partial, data_path)
    faults.fsync_folder(data_path.parent)
