"""The shareable file's container: one header line carrying a checksum, then the content as JSON."""

import hashlib
import json
import re
from typing import Any

from ita_desktop.errors import UserError

MAGIC = "ITA-DESKTOP-SHARE"
VERSION = 1
MAX_FILE_BYTES = 50 * 1024 * 1024
_HEADER = re.compile(rb"^ITA-DESKTOP-SHARE (\d{1,4}) sha256=([0-9a-f]{64}) bytes=(\d{1,12})\n")

DAMAGED = "ไฟล์นี้ไม่สมบูรณ์ (ข้อมูลเสียหายระหว่างส่งหรือถูกแก้ไข) ไม่มีการเปลี่ยนแปลงข้อมูลของท่าน — กรุณาขอไฟล์ใหม่จากผู้ส่ง"
NOT_OURS = "ไฟล์นี้ไม่ใช่ไฟล์สำหรับแบ่งปันของ ITA Desktop ไม่มีการเปลี่ยนแปลงข้อมูลของท่าน"


def pack(content: dict[str, Any]) -> bytes:
    """Serialise ``content`` with its header; sorted keys, so the same data gives the same bytes."""
    body = json.dumps(content, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8") + b"\n"
    digest = hashlib.sha256(body).hexdigest()
    return f"{MAGIC} {VERSION} sha256={digest} bytes={len(body)}\n".encode("ascii") + body


def unpack(data: bytes) -> dict[str, Any]:
    """The content of a shareable file; UserError when it is not one, is damaged or too new."""
    if len(data) > MAX_FILE_BYTES:
        raise UserError(
            f"ไฟล์นี้ใหญ่เกินกว่าที่รับได้ (รับได้ไม่เกิน {MAX_FILE_BYTES // (1024 * 1024)} MB) "
            "ไม่มีการเปลี่ยนแปลงข้อมูลของท่าน"
        )
    if not data.startswith(MAGIC.encode("ascii")):
        raise UserError(NOT_OURS)
    match = _HEADER.match(data)
    if not match:
        raise UserError(DAMAGED)
    version = int(match.group(1))
    if version > VERSION:
        raise UserError(
            f"ไฟล์นี้สร้างจาก ITA Desktop รุ่นที่ใหม่กว่า (รูปแบบที่ {version}) "
            "กรุณาปรับปรุงโปรแกรมเป็นรุ่นล่าสุดก่อนนำเข้า ไม่มีการเปลี่ยนแปลงข้อมูลของท่าน"
        )
    body = data[match.end() :]
    if version != VERSION or len(body) != int(match.group(3)):
        raise UserError(DAMAGED)
    if hashlib.sha256(body).hexdigest() != match.group(2).decode("ascii"):
        raise UserError(DAMAGED)
    try:
        content = json.loads(
            body.decode("utf-8"),
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
            object_pairs_hook=_without_duplicate_keys,
        )
        # A lone surrogate (\ud800) is valid JSON but not text: SQLite could not store it.
        json.dumps(content, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError):  # ValueError: JSON, and >4300-digit ints
        raise UserError(DAMAGED) from None
    if not isinstance(content, dict):
        raise UserError(DAMAGED)
    return content


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{text} is out of range")
    return value


def _without_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The same key twice would silently keep the last: what the sender saw may differ."""
    content = dict(pairs)
    if len(content) != len(pairs):
        raise ValueError("duplicate key")
    return content
