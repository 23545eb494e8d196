"""Hand-made hostile shareable files: each one a way a file could try to hurt the program."""

import base64
import copy
import hashlib
import json
from collections.abc import Callable

from ita_desktop.services import share_format

SQL = "'); DROP TABLE office; --"
TRAVERSAL = "../../../../etc/passwd"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def repack_body(body: bytes, *, version: int = 1) -> bytes:
    """A container around any body, with a checksum that matches it (so validation must cope)."""
    digest = hashlib.sha256(body).hexdigest()
    return f"ITA-DESKTOP-SHARE {version} sha256={digest} bytes={len(body)}\n".encode() + body


def repack(content, *, ascii_only: bool = False) -> bytes:
    text = json.dumps(content, ensure_ascii=ascii_only, sort_keys=True, indent=1)
    return repack_body(text.encode("utf-8", "surrogatepass") + b"\n")


def _edit(base: dict, change: Callable[[dict], object]) -> bytes:
    content = copy.deepcopy(base)
    change(content)
    return repack(content, ascii_only=True)


def _set(path: str, value) -> Callable[[dict], None]:
    """A change setting the value at 'a.0.b' (dict keys and list indexes)."""

    def change(content):
        *parents, last = path.split(".")
        node = content
        for step in parents:
            node = node[int(step)] if isinstance(node, list) else node[step]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def hostile_cases(base: dict, valid: bytes) -> list[tuple[str, bytes]]:
    """(name, file bytes) for every case; ``base`` is valid content, ``valid`` its file."""
    a0, p0 = "assessments.0", "plans.0"
    m0 = f"{p0}.measures.0"
    body = valid.split(b"\n", 1)[1]
    edits: dict[str, Callable[[dict], object]] = {
        # path traversal and file names: stored as text or refused, never used as paths
        "traversal office name": _set("office.name", TRAVERSAL),
        "traversal logo": _set("office.logo", TRAVERSAL),
        "traversal logo mime": _set("office.logo_mime", "../image/png"),
        "traversal analysis key": _set(f"{a0}.analysis_texts", {TRAVERSAL: "x"}),
        "windows path in steps": _set(f"{m0}.steps", ["C:\\Windows\\win.ini", "\\\\server\\c$"]),
        "traversal criteria key": lambda c: c.update(criteria={TRAVERSAL: c["criteria"]["2568"]}),
        # SQL text: it is only ever a bound parameter
        "sql in office name": _set("office.name", SQL),
        "sql in every free text": lambda c: _free_texts(c, SQL),
        "traversal in every free text": lambda c: _free_texts(c, TRAVERSAL),
        "sql in score key": _set(f"{a0}.scores.3.key", SQL[:20]),
        "sql in analysis key": _set(f"{a0}.analysis_texts", {SQL: SQL}),
        # sizes and counts
        "text of 20,000 characters": _set(f"{m0}.measure", "ก" * 20_000),
        "text of 20,001 characters": _set(f"{m0}.measure", "ก" * 20_001),
        "text of 5 million characters": _set("office.address", "x" * 5_000_000),
        "logo just over 2 MB": _set(
            "office.logo", base64.b64encode(PNG + b"\x00" * (2 * 1024 * 1024)).decode()
        ),
        "logo not base64": _set("office.logo", "***"),
        "logo not an image": _set("office.logo", base64.b64encode(b"MZ\x90\x00").decode()),
        "51 assessments": lambda c: c.update(
            assessments=[{**c["assessments"][0], "year": 2560 + i} for i in range(51)]
        ),
        "2,001 scores": _set(
            f"{a0}.scores",
            [{"scope": "item", "key": f"x{i}", "value": "50"} for i in range(2001)],
        ),
        "501 measures": lambda c: c["plans"][0].update(measures=c["plans"][0]["measures"] * 251),
        "101 steps": _set(f"{m0}.steps", ["ขั้น"] * 101),
        "100,000 units": _set("office.units", ["กอง"] * 100_000),
        "100,000 items referenced": _set(f"{m0}.items", ["i1"] * 100_000),
        # wrong types
        "office is a list": _set("office", []),
        "assessments is a table": _set("assessments", {"2568": {}}),
        "year as text": _set(f"{a0}.year", "2568"),
        "year as a float": _set(f"{a0}.year", 2568.0),
        "year as true": _set(f"{a0}.year", True),
        "score as a number": _set(f"{a0}.scores.0.value", 93.96),
        "score as a list": _set(f"{a0}.scores.0.value", ["93.96"]),
        "null office name": _set("office.name", None),
        "null everywhere": lambda c: _everywhere(c, None),
        "huge year": _set(f"{a0}.year", 10**30),
        "negative indicator": _set(f"{m0}.indicator", -1),
        "criteria weight as text": _set("criteria.2568.instruments.0.weight", "abc"),
        "criteria weight infinite": _set("criteria.2568.instruments.0.weight", "Infinity"),
        "criteria weight NaN": _set("criteria.2568.instruments.0.weight", "NaN"),
        "criteria weight huge": _set("criteria.2568.instruments.0.weight", "1e999999"),
        # duplicates
        "duplicate assessment years": lambda c: c["assessments"].append(c["assessments"][0]),
        "duplicate plan years": lambda c: c["plans"].append(c["plans"][0]),
        "duplicate score keys": lambda c: c["assessments"][0]["scores"].append(
            c["assessments"][0]["scores"][0]
        ),
        "duplicate units": _set("office.units", ["กองคลัง", "กองคลัง"]),
        "duplicate measures": lambda c: c["plans"][0]["measures"].append(
            c["plans"][0]["measures"][0]
        ),
        # references to missing rows
        "criteria year missing": _set(f"{a0}.criteria_year", 2500),
        "no criteria at all": _set("criteria", None),
        "indicator not in criteria": _set(f"{a0}.scores.2.key", "77"),
        "part not in criteria": _set(f"{a0}.scores.1.key", "EIT9"),
        "measure links unknown items": _set(f"{m0}.items", ["zz1", "zz2"]),
        "source year not in file": _set(f"{p0}.source_year", 2501),
        "criteria key and year disagree": lambda c: c.update(
            criteria={"2567": c["criteria"]["2568"]}
        ),
        # values out of range: the checksum matches the altered content
        "score above 100": _set(f"{a0}.scores.0.value", "100.01"),
        "score negative": _set(f"{a0}.scores.0.value", "-0.01"),
        "score three decimals": _set(f"{a0}.scores.0.value", "93.961"),
        "score NaN": _set(f"{a0}.scores.0.value", "NaN"),
        "score exponent": _set(f"{a0}.scores.0.value", "1e2"),
        "thai digits score": _set(f"{a0}.scores.0.value", "๙๓.๙๖"),
        "blank score": _set(f"{a0}.scores.1.value", " "),
        "score with a comma": _set(f"{a0}.scores.1.value", "9,9.5"),
        "blank poll percent": _set(f"{a0}.poll.0.percent", ""),
        "february 30": _set(f"{m0}.progress.6.date_done", "2026-02-30"),
        "month 13": _set(f"{m0}.period.end", "2026-13"),
        "period ends before it starts": _set(f"{m0}.period.end", "2024-01"),
        "unknown status": _set(f"{m0}.progress.6.status", "เสร็จแล้ว"),
        "round 7": _set(f"{m0}.progress", {"7": None}),
        "meeting date garbage": _set(f"{p0}.meeting_date", "yesterday"),
        "fiscal year 3000": _set(f"{p0}.year", 3000),
        "empty office name": _set("office.name", "   "),
        "null byte in text": _set("office.address", "ที่อยู่\x00ซ่อน"),
        "control characters": _set("office.address", "\x1b[31m\u202eสีแดง\r\n\t"),
        "lone surrogate": _set("office.name", "ชื่อ\ud800"),
        "unknown key": _set("office.evil", True),
        "unknown office kind": _set("office.kind", "บริษัท"),
        "altered but valid": _set(f"{m0}.measure", "มาตรการที่แก้ไขหลังส่ง"),
    }
    cases = [(name, _edit(base, change)) for name, change in edits.items()]
    cases += [
        ("empty file", b""),
        ("header only", valid.split(b"\n", 1)[0]),
        (
            "header claims 1 TB",
            b"ITA-DESKTOP-SHARE 1 sha256=" + b"0" * 64 + b" bytes=999999999999\n",
        ),
        ("file over 50 MB", repack_body(b" " * (share_format.MAX_FILE_BYTES + 1))),
        ("newer format", repack_body(body, version=2)),
        ("format 0", repack_body(body, version=0)),
        ("windows line endings", valid.replace(b"\n", b"\r\n")),
        ("byte order mark", b"\xef\xbb\xbf" + valid),
        ("invalid utf-8", repack_body(body.replace("ทดสอบ".encode(), b"\xff\xfe", 1))),
        ("overlong utf-8", repack_body(body.replace(b"/", b"\xc0\xaf", 1))),
        ("cesu surrogate", repack_body(body.replace("ทดสอบ".encode(), b"\xed\xa0\x80", 1))),
        ("json nested 100,000 deep", repack_body(_nested(100_000))),
        (
            "json nested 900 deep in a field",
            _raw(body, b'"address": ""', b'"address": ' + _nested(900)),
        ),
        (
            "json nested 100,000 deep in a field",
            _raw(body, b'"address": ""', b'"address": ' + _nested(100_000)),
        ),
        ("json NaN", _raw(body, b'"year": 2568', b'"year": NaN')),
        ("json Infinity weight", _raw(body, b'"weight": "30"', b'"weight": Infinity')),
        ("json 1e999 weight", _raw(body, b'"weight": "30"', b'"weight": 1e999')),
        ("json 5,000-digit number", _raw(body, b'"year": 2568', b'"year": ' + b"9" * 5000)),
        ("json duplicate key", _raw(body, b'"year": 2568', b'"year": 2569, "year": 2568')),
        ("json duplicate round", _raw(body, b'"6": {', b'"6": null, "6": {')),
        ("json top level list", repack_body(b"[]\n")),
        ("json top level string", repack_body(b'"ITA"\n')),
        ("json trailing garbage", repack_body(body + b"{}")),
        ("json truncated, checksum matching", repack_body(body[: len(body) // 2])),
        ("splice of two files", valid[: len(valid) // 2] + valid[len(valid) // 3 :]),
        ("zip file", b"PK\x03\x04" + b"\x00" * 100),
        ("sqlite file", b"SQLite format 3\x00" + b"\x00" * 100),
    ]
    return cases


def _raw(body: bytes, old: bytes, new: bytes) -> bytes:
    assert old in body, old
    return repack_body(body.replace(old, new, 1))


def _everywhere(node, value) -> None:
    """Set every string leaf (not keys) of ``node`` to ``value``."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, child in list(items):
        if isinstance(child, str):
            node[key] = value
        elif isinstance(child, (dict, list)):
            _everywhere(child, value)


def _free_texts(content: dict, value: str) -> None:
    """Put ``value`` in every field that holds the clerk's own words."""
    office = content["office"]
    for name in ("name", "district", "province", "address", "phone"):
        office[name] = value
    office["units"] = [value]
    office["signatories"] = [{"name": value, "position": value, "role": ""}]
    for a in content["assessments"]:
        a["stakeholder_comments"] = value
        a["recommendations"] = {value: value}
        a["analysis_texts"] = {value: value}
        a["poll"] = [{"question": value, "answer": value, "percent": "1"}]
    for p in content["plans"]:
        p["intro"] = value
        for m in p["measures"]:
            for name in ("issue", "measure", "analysis", "follow_up", "expected_result"):
                m[name] = value
            m["steps"] = m["responsible"] = [value, value]
            m["items"] = [value[:20]]
            for progress in (m["progress"] or {}).values():
                if progress:
                    progress.update(outcome=value, remark=value, results=[value])
