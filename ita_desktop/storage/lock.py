"""A lock file beside the data file: who has it open (computer, user, pid); stale-lock takeover."""

import contextlib
import errno
import getpass
import json
import os
import secrets
import socket
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ita_desktop.i18n.thai import apply_digits, format_date
from ita_desktop.storage.faults import ReadOnlyAvailable, explain

# A program refreshes its lock every few minutes (the window's timer calls refresh()); a lock
# from another computer not refreshed for this long was left by a crash, a lost network or a
# sleeping laptop (which, on waking, learns from refresh() that it must reopen the file).
REFRESH_EVERY = timedelta(minutes=5)
STALE_AFTER = timedelta(hours=1)
# A lock file being written right now is briefly empty; an empty one older than this is debris.
_UNREADABLE_GRACE = timedelta(minutes=1)
# Windows byte-range locks are mandatory: lock a byte far past the text, so others can read it.
_LOCK_OFFSET = 1 << 20
_MAX_LOCK_BYTES = 4096
# What a refused non-blocking lock raises (msvcrt: EACCES or EDEADLOCK; fcntl: EAGAIN/EACCES).
_HELD_ERRNOS = {errno.EACCES, errno.EAGAIN, getattr(errno, "EDEADLOCK", errno.EDEADLK)}


@dataclass(frozen=True)
class LockInfo:
    """Who holds the data file: written into the lock file as JSON."""

    host: str
    user: str
    pid: int
    started: str  # ISO local time
    seen: str  # ISO local time of the last refresh
    token: str

    def describe(self) -> str:
        """'เครื่อง PC-01 (ผู้ใช้ somchai) ตั้งแต่ ๒๓ ม.ค. ๒๕๖๘ เวลา ๐๘:๓๐ น.'"""
        text = f"เครื่อง {self.host} (ผู้ใช้ {self.user})"
        try:
            started = datetime.fromisoformat(self.started)
        except ValueError:
            return text
        time = apply_digits(started.strftime("%H:%M"))
        return f"{text} ตั้งแต่ {format_date(started.date(), month='abbreviated')} เวลา {time} น."


class FileInUse(ReadOnlyAvailable):
    """Another program has the data file open; it can still be opened read-only.

    ``can_take_over``: no operating-system lock is held on it, so the holder may be gone (a
    crash on another computer); the window may offer acquire(force=True) after asking the clerk.
    """

    def __init__(self, data_path: Path, holder: LockInfo | None, can_take_over: bool = False):
        who = holder.describe() if holder else "โปรแกรมอื่น"
        super().__init__(
            f"ไฟล์ข้อมูล {data_path.name} เปิดใช้งานอยู่ที่{who} — เปิดแบบอ่านอย่างเดียวได้"
            " หรือปิดโปรแกรมที่เครื่องนั้นก่อน แล้วเปิดไฟล์อีกครั้ง"
        )
        self.holder = holder
        self.can_take_over = can_take_over


class LockLost(ReadOnlyAvailable):
    """Another program took the lock over (ours looked stale to it): stop editing."""


def lock_path(data_path: Path | str) -> Path:
    data_path = Path(data_path)
    return data_path.with_name(data_path.name + ".lock")


def this_host() -> str:
    return socket.gethostname() or "ไม่ทราบชื่อเครื่อง"


def this_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in a service or container
        return "ไม่ทราบชื่อผู้ใช้"


def read_lock(data_path: Path | str) -> LockInfo | None:
    """The holder recorded beside ``data_path``, or None when there is no readable lock."""
    try:
        with open(lock_path(data_path), "rb") as handle:
            return _parse(handle.read(_MAX_LOCK_BYTES))
    except OSError:
        return None


def _parse(raw: bytes) -> LockInfo | None:
    try:
        data = json.loads(raw.decode("utf-8"))
        info = LockInfo(**{k: data[k] for k in LockInfo.__dataclass_fields__})
        datetime.fromisoformat(info.seen)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if not isinstance(info.pid, int) or not all(
        isinstance(v, str) for v in (info.host, info.user, info.started, info.seen, info.token)
    ):
        return None
    return info


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` exists on this computer."""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except OSError:
        return False
    return True


def _windows_pid_alive(pid: int) -> bool:
    # os.kill(pid, 0) on Windows sends CTRL_C to the process: ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # ERROR_ACCESS_DENIED: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def is_stale(info: LockInfo, *, now: datetime, host: str, os_lock_free: bool = False) -> bool:
    """A lock left by a crashed program: on this computer, nobody held its operating-system
    lock (``os_lock_free``: we just took it) or, where the file system has none, its process is
    gone; on another computer, it has not been refreshed for STALE_AFTER."""
    if info.host == host:
        return os_lock_free or not pid_alive(info.pid)
    try:
        seen = datetime.fromisoformat(info.seen)
    except ValueError:
        return True
    return now - seen > STALE_AFTER


class DataFileLock:
    """The lock this program holds on a data file until release(); see acquire()."""

    def __init__(self, data_path: Path, fd: int, info: LockInfo, os_locked: bool):
        self.data_path = data_path
        self.path = lock_path(data_path)
        self.info = info
        self._fd: int | None = fd
        self._os_locked = os_locked

    @property
    def held(self) -> bool:
        return self._fd is not None

    def refresh(self, now: datetime | None = None) -> None:
        """Record that this program is still alive (call every REFRESH_EVERY); LockLost if
        another program has meanwhile taken the file over."""
        if self._fd is None:
            return
        current = read_lock(self.data_path)
        if current is None or current.token != self.info.token:
            holder = current.describe() if current else "โปรแกรมอื่น"
            raise LockLost(
                f"ไฟล์ข้อมูล {self.data_path.name} ถูกเปิดแก้ไขที่{holder} แล้ว"
                " การแก้ไขที่บันทึกแล้วยังอยู่ครบ — กรุณาปิดแล้วเปิดไฟล์ใหม่ (แบบอ่านอย่างเดียว)"
            )
        self.info = LockInfo(**{**asdict(self.info), "seen": _iso(now)})
        _write_info(self._fd, self.info)

    def release(self) -> None:
        """Give the file up: remove the lock file (only if it is still ours) and unlock."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        current = read_lock(self.data_path)
        ours = current is not None and current.token == self.info.token
        if ours and os.name != "nt":
            # Unlink while still locked, so no one can lock this inode and then lose to a new file.
            with contextlib.suppress(OSError):
                self.path.unlink()
        _os_unlock(fd, self._os_locked)
        os.close(fd)
        if ours and os.name == "nt":
            with contextlib.suppress(OSError):  # another program may have opened it meanwhile
                self.path.unlink()

    def __enter__(self) -> "DataFileLock":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def acquire(
    data_path: Path | str, *, now: datetime | None = None, force: bool = False
) -> DataFileLock:
    """Take the lock on ``data_path`` for this program.

    FileInUse (a UserError offering read-only) when another live program holds it; a stale lock
    left by a crashed program is taken over. The lock file holds an operating-system lock while
    this program runs, so a crash on this computer releases it at once. ``force`` takes over a
    lock that is not stale yet, but never one whose operating-system lock is held.
    """
    data_path = Path(data_path)
    path = lock_path(data_path)
    for _ in range(5):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        except OSError as error:
            raise (explain(error, data_path) or error) from None
        os_locked = _os_lock(fd)
        if os_locked is None:  # held by a live program
            holder = _parse(_read_fd(fd))
            os.close(fd)
            raise FileInUse(data_path, holder)
        if not _same_file(fd, path):  # released and removed while we waited: try again
            _os_unlock(fd, os_locked)
            os.close(fd)
            continue
        try:
            return _take(data_path, fd, os_locked, now, force)
        except BaseException:
            _os_unlock(fd, os_locked)
            os.close(fd)
            raise
    raise FileInUse(data_path, read_lock(data_path))


def _take(
    data_path: Path, fd: int, os_locked: bool, now: datetime | None, force: bool
) -> DataFileLock:
    now = now or datetime.now()
    host = this_host()
    raw = _read_fd(fd)
    holder = _parse(raw)
    if holder is not None:
        live = not is_stale(holder, now=now, host=host, os_lock_free=os_locked)
    else:
        # Unreadable and no OS lock to tell us more: debris only once it is old enough.
        modified = datetime.fromtimestamp(os.fstat(fd).st_mtime)
        live = bool(raw.strip()) and not os_locked and now - modified < _UNREADABLE_GRACE
    if live and not force:
        raise FileInUse(data_path, holder, can_take_over=True)
    info = LockInfo(host, this_user(), os.getpid(), _iso(now), _iso(now), secrets.token_hex(8))
    _write_info(fd, info)
    return DataFileLock(data_path, fd, info, os_locked)


def _iso(now: datetime | None) -> str:
    return (now or datetime.now()).isoformat(timespec="seconds")


def _read_fd(fd: int) -> bytes:
    return os.pread(fd, _MAX_LOCK_BYTES, 0) if hasattr(os, "pread") else _read_from_start(fd)


def _read_from_start(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, _MAX_LOCK_BYTES)


def _write_info(fd: int, info: LockInfo) -> None:
    data = json.dumps(asdict(info), ensure_ascii=False).encode("utf-8")
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
    os.ftruncate(fd, len(data))
    os.fsync(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _os_lock(fd: int) -> bool | None:
    """True when locked, None when another program holds it, False when the file system offers
    no locks (some network shares): then only the recorded pid and time can tell."""
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return None
    except OSError as error:
        if error.errno in _HELD_ERRNOS:
            return None
        return False
    return True


def _os_unlock(fd: int, os_locked: bool) -> None:
    if not os_locked:
        return
    with contextlib.suppress(OSError):
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
