"""Fuzz the import of shareable files: mutated, cut, spliced, inflated and hand-made hostile files.

    .venv/bin/python bench/fuzz_import.py 10000 [seed]

Each case must end in a Thai UserError (and then the data file is byte-for-byte unchanged, by
its SQL dump) or in a correct import (integrity holds, and importing again finds every entry
taken identical and every entry kept as it was). Anything else is a crash.
"""

import copy
import json
import random
import sqlite3
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.hostile_shares import PNG, SQL, TRAVERSAL, hostile_cases, repack, repack_body  # noqa: E402
from ita_desktop.errors import UserError  # noqa: E402
from ita_desktop.services import offices, results, share  # noqa: E402
from ita_desktop.storage.database import open_database  # noqa: E402
from tests.builders import fill_sample_year, sample_office  # noqa: E402

THAI = range(0x0E00, 0x0E80)
STRINGS = [
    "",
    " ",
    "ก",
    "2568",
    "2025-10",
    "2025-13",
    "2026-02-29",
    "2024-02-29",
    "2026-01-23",
    "IIT",
    "EIT",
    "EIT1",
    "OIT",
    "i10",
    "x99",
    "overall",
    "part",
    "item",
    "indicator",
    "months",
    "dates",
    "text",
    "ดำเนินการแล้ว",
    "ยังไม่ดำเนินการ",
    "6",
    "12",
    "7",
    "image/png",
    "101",
    "-1",
    "99.999",
    "93.96",
    "๙๓.๙๖",
    "1e2",
    "NaN",
    "Infinity",
    "0x10",
    SQL,
    TRAVERSAL,
    "C:\\Windows\\win.ini",
    "\x00",
    "\u202e",
    "\ud800",
    "a" * 20_001,
    "ก" * 20_000,
    "องค์การบริหารส่วนตำบลทดสอบ",
    "เทศบาลตำบล",
    "iVBORw0KGgo=",
]
NUMBERS = [
    0,
    1,
    -1,
    4,
    6,
    12,
    99,
    100,
    2499,
    2500,
    2567,
    2568,
    2569,
    2699,
    2700,
    2**31,
    2**63,
    10**30,
    True,
    False,
    93.96,
    2568.0,
    1e308,
]


@dataclass
class Figures:
    cases: int = 0
    crashes: int = 0
    refused: int = 0
    imported: int = 0
    changed_by_refused: int = 0
    bad_imports: int = 0
    untranslated: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"cases {self.cases}, crashes {self.crashes}, refused {self.refused}, "
            f"imported {self.imported}, changed by refused {self.changed_by_refused}, "
            f"bad imports {self.bad_imports}, refusals without Thai {self.untranslated}"
        )

    @property
    def clean(self) -> bool:
        return not (
            self.crashes or self.changed_by_refused or self.bad_imports or self.untranslated
        )


class Target:
    """A data file already holding the office (so imports meet new, identical and differs)."""

    def __init__(self, folder: Path):
        self.path = folder / "target.sqlite"
        self.db = open_database(self.path)
        office_id = offices.create_office(self.db, office=sample_office())
        assessment_id, _ = fill_sample_year(self.db, office_id)
        results.set_score(self.db, assessment_id=assessment_id, scope="overall", key="", value="80")
        self.pristine = sqlite3.connect(":memory:")
        self.db.conn.backup(self.pristine)
        self.clean_dump = self.dump()

    def dump(self) -> str:
        return "\n".join(self.db.conn.iterdump())

    def reset(self) -> None:
        self.pristine.backup(self.db.conn)


def seed_files(folder: Path) -> tuple[dict, list[bytes]]:
    """Valid files: two years with a logo; one year; a new office; an office alone."""
    db = open_database(folder / "source.sqlite")
    office_id = offices.create_office(db, office=sample_office())
    fill_sample_year(db, office_id, 2567)
    fill_sample_year(db, office_id, 2568)
    offices.update_office(db, office_id=office_id, logo=PNG)
    full = share.export_content(db, office_id=office_id)
    one_year = share.export_content(db, office_id=office_id, years=[2568])
    other = copy.deepcopy(full)
    other["office"]["name"] = "เทศบาลตำบลอื่น"
    bare = {"office": full["office"], "criteria": {}, "assessments": [], "plans": []}
    db.close()
    seeds = [full, one_year, other, bare]
    return one_year, [repack(c) for c in seeds]


# --- mutators ---------------------------------------------------------------------------------


def mutate(rng: random.Random, seeds: list[bytes]) -> tuple[str, bytes]:
    data = rng.choice(seeds)
    roll = rng.random()
    if roll < 0.25:
        return _mutate_bytes(rng, data, seeds)
    if roll < 0.35:
        return _mutate_body_text(rng, data)
    content = json.loads(data.split(b"\n", 1)[1])
    names = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        names.append(_mutate_content(rng, content))
    return "content:" + "+".join(names), repack(content, ascii_only=True)


def _mutate_bytes(rng, data: bytes, seeds) -> tuple[str, bytes]:
    kind = rng.choice(["flip", "truncate", "splice", "insert", "inflate", "header", "delete"])
    buf = bytearray(data)
    if kind == "flip":
        for _ in range(rng.randint(1, 8)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    elif kind == "truncate":
        del buf[rng.randrange(len(buf)) :]
    elif kind == "splice":
        other = rng.choice(seeds)
        buf = buf[: rng.randrange(len(buf))] + other[rng.randrange(len(other)) :]
    elif kind == "insert":
        at = rng.randrange(len(buf))
        buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    elif kind == "inflate":
        at = rng.randrange(len(buf))
        buf[at:at] = bytes(buf[at : at + rng.randint(1, 200)]) * rng.randint(2, 5000)
    elif kind == "delete":
        at = rng.randrange(len(buf))
        del buf[at : at + rng.randint(1, 200)]
    else:
        body = data.split(b"\n", 1)[1]
        version = rng.choice([0, 1, 1, 2, 9999])
        size = rng.choice([len(body), len(body) - 1, 0, 10**11])
        digest = rng.choice(["0" * 64, repack_body(body).split(b" ")[2][7:].decode()])
        buf = bytearray(f"ITA-DESKTOP-SHARE {version} sha256={digest} bytes={size}\n".encode())
        buf += body
    return "bytes:" + kind, bytes(buf)


def _mutate_body_text(rng, data: bytes) -> tuple[str, bytes]:
    """Edits of the JSON text itself, checksum recomputed: what json.loads alone must survive."""
    body = bytearray(data.split(b"\n", 1)[1])
    kind = rng.choice(["bytes", "token", "cut", "nest", "dupkey"])
    if kind == "bytes":
        for _ in range(rng.randint(1, 4)):
            body[rng.randrange(len(body))] = rng.choice(b'{}[]":,\\\x00\xff\xc0\xed0-e.')
    elif kind == "token":
        at = rng.randrange(len(body))
        token = rng.choice(
            [
                b"NaN",
                b"Infinity",
                b"-Infinity",
                b"1e999",
                b"-0",
                b"9" * 5000,
                b"null",
                b"true",
                b'"\\ud800"',
                b'"\\u0000"',
                b"[]",
                b"{}",
            ]
        )
        body[at:at] = token
    elif kind == "cut":
        del body[rng.randrange(len(body)) :]
    elif kind == "nest":
        at = body.find(b'": ', rng.randrange(len(body))) + 3
        depth = rng.choice([10, 500, 5000, 200_000])
        body[at:at] = b"[" * depth + b"0" + b"]" * depth + b", "
    else:
        at = body.find(b'\n  "', rng.randrange(len(body)))
        end = body.find(b"\n", at + 1)
        if at > 0 and end > 0:
            body[at:at] = body[at:end] + b","  # the same key twice in one object
    return "body:" + kind, repack_body(bytes(body))


def _nodes(node, path=()):
    yield path, node
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _nodes(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _nodes(child, (*path, index))


def _random_value(rng, depth=0):
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(STRINGS) if rng.random() < 0.8 else _random_text(rng)
    if roll < 0.75:
        return rng.choice(NUMBERS)
    if roll < 0.82 or depth > 3:
        return None
    if roll < 0.91:
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {
        rng.choice(STRINGS)[:30]: _random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))
    }


def _random_text(rng) -> str:
    return "".join(
        chr(rng.choice(THAI)) if rng.random() < 0.7 else chr(rng.randrange(0x20, 0x3000))
        for _ in range(rng.randint(0, 40))
    )


def _mutate_content(rng, content: dict) -> str:
    nodes = list(_nodes(content))[1:]
    if rng.random() < 0.8:  # the criteria are most of the nodes but only one part of the file
        nodes = [n for n in nodes if n[0][0] != "criteria"] or nodes
    path, node = rng.choice(nodes)
    parent = content
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    kind = rng.choice(
        [
            "replace",
            "replace",
            "same-type",
            "same-type",
            "delete",
            "add-key",
            "duplicate",
            "inflate",
            "swap",
        ]
    )
    if kind == "replace":
        parent[last] = _random_value(rng)
    elif kind == "same-type":
        parent[last] = _same_type(rng, node)
    elif kind == "delete":
        if isinstance(parent, list):
            parent.pop(last)
        else:
            del parent[last]
    elif kind == "add-key":
        target = node if isinstance(node, dict) else parent if isinstance(parent, dict) else content
        target[rng.choice(STRINGS)[:30] or "x"] = _random_value(rng)
    elif kind == "duplicate" and isinstance(parent, list):
        parent.insert(last, copy.deepcopy(node))
    elif kind == "inflate" and isinstance(node, list) and node:
        node.extend(copy.deepcopy(node[0]) for _ in range(rng.choice([10, 60, 600, 3000])))
    elif kind == "swap" and isinstance(parent, list) and len(parent) > 1:
        other = rng.randrange(len(parent))
        parent[last], parent[other] = parent[other], parent[last]
    else:
        parent[last] = _random_value(rng)
        kind = "replace"
    return f"{kind}@{'.'.join(map(str, path))[:60]}"


def _same_type(rng, node):
    if isinstance(node, bool):
        return not node
    if isinstance(node, int):
        return rng.choice([node + 1, node - 1, -node, 0, node * 10, rng.choice(NUMBERS[:17])])
    if isinstance(node, str):
        return rng.choice(STRINGS) if rng.random() < 0.7 else node + _random_text(rng)
    return _random_value(rng)


# --- running a case ---------------------------------------------------------------------------


def run_case(
    target: Target, name: str, data: bytes, rng: random.Random, figures: Figures, folder: Path
) -> str:
    figures.cases += 1
    path = folder / "case.itashare"
    path.write_bytes(data)
    try:
        preview = share.preview_import(target.db, share.read_share_file(path))
        preview.lines()
        differing = [(e.kind, e.year) for e in preview.entries if e.status == "differs"]
        take = None if rng.random() < 0.5 else {d for d in differing if rng.random() < 0.5}
        share.apply_import(target.db, preview, take=take)
    except UserError as error:
        figures.refused += 1
        if not any(ord(ch) in THAI for ch in error.message):
            figures.untranslated += 1
            figures.problems.append(f"{name}: refusal without Thai: {error.message[:200]}")
        if target.dump() != target.clean_dump:
            figures.changed_by_refused += 1
            figures.problems.append(f"{name}: a refused file changed the data")
            target.reset()
        return "refused"
    except Exception:
        figures.crashes += 1
        figures.problems.append(f"{name}: CRASH {traceback.format_exc()[-1500:]}")
        target.reset()
        return "crash"
    figures.imported += 1
    problem = _check_import(target, preview, take)
    if problem:
        figures.bad_imports += 1
        figures.problems.append(f"{name}: {problem}")
    target.reset()
    return "imported"


def _check_import(target: Target, preview, take) -> str | None:
    db = target.db
    if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        return "integrity_check failed after import"
    if db.execute("PRAGMA foreign_key_check").fetchall():
        return "foreign keys broken after import"
    again = share.preview_import(db, preview.content)
    for before, after in zip(preview.entries, again.entries, strict=True):
        taken = before.status == "new" or (
            before.status == "differs" and (take is None or (before.kind, before.year) in take)
        )
        wanted = "identical" if taken else before.status
        if after.status != wanted:
            return f"after import {before.label} is {after.status}, expected {wanted}"
    return None


def fuzz(
    count: int, folder: Path, *, seed: int = 1, progress=None, hostile: bool = True
) -> Figures:
    """``count`` cases: every hand-made hostile case first, then seeded random mutations."""
    rng = random.Random(seed)
    target = Target(folder)
    base, seeds = seed_files(folder)
    figures = Figures()
    cases = hostile_cases(base, seeds[1]) if hostile else []
    for index in range(count):
        if index < len(cases):
            name, data = cases[index]
            name = "hostile:" + name
        else:
            case_rng = random.Random(f"{seed}-{index}")
            name, data = mutate(case_rng, seeds)
            name = f"#{index} {name}"
        run_case(target, name, data, rng, figures, folder)
        if progress and (index + 1) % 1000 == 0:
            progress(f"{index + 1}/{count}: {figures.line()}")
    target.db.close()
    return figures


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 10_000
    seed = int(argv[1]) if len(argv) > 1 else 1
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ita-fuzz-") as folder:
        figures = fuzz(count, Path(folder), seed=seed, progress=lambda t: print(t, flush=True))
    for problem in figures.problems[:30]:
        print("  " + problem.replace("\n", "\n    "))
    print(figures.line())
    print(f"time {time.monotonic() - started:.0f} s")
    return 0 if figures.clean else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
