"""Disk and file faults (read-only, missing folder, full disk, damaged file) as Thai UserErrors."""

import errno
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from ita_desktop.errors import UserError

T = TypeVar("T")

KEPT = "ข้อมูลที่บันทึกไว้ก่อนหน้านี้ยังอยู่ครบ"
RESTORE_HINT = "กรุณากู้คืนจากไฟล์สำรอง (เมนู ไฟล์ → กู้คืนจากไฟล์สำรอง)"


class ReadOnlyAvailable(UserError):
    """Editing is impossible, but the file can still be opened read-only; the window offers it."""


class DamagedFile(UserError):
    """The data file is damaged; the window offers to restore a backup."""


def _name(path: Path | None) -> str:
    return f" {path.name}" if path is not None else ""


def full_disk(path: Path | None) -> UserError:
    return UserError(
        f"ดิสก์ที่เก็บไฟล์ข้อมูล{_name(path)} เต็ม การแก้ไขล่าสุดจึงยังไม่ได้บันทึก {KEPT}"
        " — กรุณาลบไฟล์ที่ไม่ใช้ออกจากดิสก์นั้น แล้วบันทึกอีกครั้ง"
    )


def read_only_file(path: Path | None) -> UserError:
    return ReadOnlyAvailable(
        f"ไฟล์ข้อมูล{_name(path)} เป็นแบบอ่านอย่างเดียว จึงบันทึกการแก้ไขไม่ได้ {KEPT}"
        " — เปิดแบบอ่านอย่างเดียวได้ หรือคัดลอกไฟล์ไปไว้ในโฟลเดอร์ที่แก้ไขได้ (เช่น เอกสาร)"
        " แล้วเปิดจากที่นั่น"
    )


def read_only_folder(path: Path) -> UserError:
    return ReadOnlyAvailable(
        f"โฟลเดอร์ {path.parent} ไม่อนุญาตให้บันทึกไฟล์ จึงแก้ไขไฟล์ข้อมูล {path.name} ไม่ได้ {KEPT}"
        " — เปิดแบบอ่านอย่างเดียวได้ หรือคัดลอกไฟล์ไปไว้ในโฟลเดอร์ที่แก้ไขได้ (เช่น เอกสาร)"
        " แล้วเปิดจากที่นั่น"
    )


def missing_folder(path: Path) -> UserError:
    return UserError(
        f"ไม่พบโฟลเดอร์ {path.parent} (แฟลชไดรฟ์อาจถูกถอดออก หรือการเชื่อมต่อเครือข่ายหลุด) {KEPT}"
        " — กรุณาเสียบแฟลชไดรฟ์หรือเชื่อมต่อเครือข่ายอีกครั้ง แล้วลองใหม่"
    )


def damaged(path: Path | None) -> UserError:
    return DamagedFile(
        f"ไฟล์ข้อมูล{_name(path)} เสียหาย อ่านหรือบันทึกต่อไม่ได้ — {RESTORE_HINT}"
        " โปรแกรมจะเก็บไฟล์ที่เสียหายไว้ให้ก่อนกู้คืน"
    )


def not_a_database(path: Path | None) -> UserError:
    return DamagedFile(
        f"เปิดไฟล์{_name(path)} ไม่ได้: ไฟล์นี้ไม่ใช่ไฟล์ข้อมูลของ ITA Desktop หรือเสียหาย"
        f" — ถ้าเป็นไฟล์ข้อมูลของท่าน {RESTORE_HINT} ถ้าไม่ใช่ กรุณาเลือกไฟล์อื่น"
    )


def busy(path: Path | None) -> UserError:
    return UserError(
        f"ไฟล์ข้อมูล{_name(path)} กำลังถูกใช้งานโดยโปรแกรมอื่น จึงบันทึกไม่ได้ในขณะนี้ {KEPT}"
        " — กรุณารอสักครู่แล้วบันทึกอีกครั้ง"
    )


def disk_error(path: Path | None) -> UserError:
    return UserError(
        f"อ่านหรือเขียนไฟล์ข้อมูล{_name(path)} ไม่ได้ (ดิสก์หรือเครือข่ายมีปัญหา) {KEPT}"
        " — กรุณาตรวจสอบดิสก์หรือการเชื่อมต่อ แล้วลองอีกครั้ง"
    )


def folder_writable(folder: Path) -> bool:
    """Whether a file can be created in ``folder`` (os.access is wrong for root and for ACLs)."""
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".ita-write-test-"):
            return True
    except OSError:
        return False


_SQLITE_KINDS = {
    "SQLITE_FULL": "full",
    "SQLITE_READONLY": "read_only",
    "SQLITE_PERM": "read_only",
    "SQLITE_CORRUPT": "damaged",
    "SQLITE_NOTADB": "not_a_database",
    "SQLITE_BUSY": "busy",
    "SQLITE_LOCKED": "busy",
    "SQLITE_IOERR": "disk_error",
    "SQLITE_CANTOPEN": "cannot_open",
}
_OS_KINDS = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
    errno.EIO: "disk_error",
    errno.ENOENT: "cannot_open",
}


def fault_kind(error: BaseException) -> str | None:
    """'full', 'read_only', 'damaged', 'not_a_database', 'busy', 'disk_error', 'cannot_open',
    or None when ``error`` is not a disk or file fault (then it is a bug)."""
    if isinstance(error, sqlite3.Error):
        # Extended codes (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE…) share the primary's name.
        name = getattr(error, "sqlite_errorname", "") or ""
        return _SQLITE_KINDS.get(name) or _SQLITE_KINDS.get("_".join(name.split("_")[:2]))
    if isinstance(error, OSError):
        return _OS_KINDS.get(error.errno)
    return None


def explain(error: BaseException, path: Path | str | None = None) -> UserError | None:
    """The Thai UserError for a disk or file fault, or None when ``error`` is a bug."""
    if isinstance(error, UserError):
        return error
    path = Path(path) if path is not None else None
    kind = fault_kind(error)
    if kind is None:
        return None
    if kind == "cannot_open" or (kind == "read_only" and path is not None):
        if path is not None and not path.parent.is_dir():
            return missing_folder(path)
        if path is not None and not folder_writable(path.parent):
            return read_only_folder(path)
    if kind == "cannot_open" and path is not None and not path.exists():
        return UserError(f"ไม่พบไฟล์ {path.name} ในโฟลเดอร์ {path.parent} — กรุณาตรวจสอบว่าไฟล์ยังอยู่")
    if kind == "cannot_open":
        return not_a_database(path) if path and path.is_dir() else disk_error(path)
    makers = {
        "full": full_disk,
        "read_only": read_only_file,
        "damaged": damaged,
        "not_a_database": not_a_database,
        "busy": busy,
        "disk_error": disk_error,
    }
    return makers[kind](path)


@contextmanager
def translated(path: Path | str | None = None) -> Iterator[None]:
    """Turn disk and file faults raised inside the block into Thai UserErrors; bugs pass through.

    Writes inside are already in ``db.atomic()`` blocks, which SQLite rolls back on failure, so
    what was saved before stays saved: the message can say so.
    """
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        user_error = explain(error, path)
        if user_error is None:
            raise
        raise user_error from error


def guarded(path: Path | str | None, action: Callable[..., T], /, *args, **kwargs) -> T:
    """``action(*args, **kwargs)`` with faults translated: for the CLI and the window's worker."""
    with translated(path):
        return action(*args, **kwargs)


def fsync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (not possible, nor needed, on Windows)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
