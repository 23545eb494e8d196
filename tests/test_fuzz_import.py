"""Hostile and mutated shareable files: a Thai refusal that changes nothing, or a correct import."""

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz_import import Figures, Target, fuzz, run_case, seed_files
from bench.hostile_shares import SQL, hostile_cases, repack
from ita_desktop.services import share

DAMAGED = "ไฟล์นี้ไม่สมบูรณ์"
EXPECTED = {
    "sql in every free text": "imported",
    "traversal in every free text": "imported",
    "sql in score key": "imported",
    "traversal office name": "imported",
    "text of 20,000 characters": "imported",
    "altered but valid": "imported",
    "text of 20,001 characters": "ยาวเกินไป",
    "text of 5 million characters": "ยาวเกิน",
    "logo just over 2 MB": "ใหญ่เกินไป",
    "2,001 scores": "มากเกินไป",
    "501 measures": "มากเกินไป",
    "100,000 units": "มากเกินไป",
    "duplicate assessment years": "ซ้ำกัน",
    "duplicate score keys": "ซ้ำกัน",
    "criteria year missing": "ไม่มีในไฟล์",
    "score above 100": "ระหว่าง",
    "blank score": "ไม่ใช่ตัวเลข",
    "score with a comma": "ไม่ใช่ตัวเลข",
    "blank poll percent": "ไม่ใช่ตัวเลข",
    "null byte in text": "อักขระควบคุม",
    "file over 50 MB": "ใหญ่เกิน",
    "newer format": "รุ่นที่ใหม่กว่า",
    "zip file": "ไม่ใช่ไฟล์สำหรับแบ่งปัน",
    "lone surrogate": DAMAGED,
    "invalid utf-8": DAMAGED,
    "json duplicate key": DAMAGED,
    "json duplicate round": DAMAGED,
    "json NaN": DAMAGED,
    "json 1e999 weight": DAMAGED,
    "json 5,000-digit number": DAMAGED,
    "json nested 100,000 deep": DAMAGED,
    "json truncated, checksum matching": DAMAGED,
}


@pytest.fixture(scope="module")
def setting(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    target = Target(folder)
    base, seeds = seed_files(folder)
    yield target, base, seeds, folder
    target.db.close()


def test_every_hand_made_hostile_file_is_refused_in_thai_or_imported_correctly(setting):
    target, base, seeds, folder = setting
    rng = random.Random(3)
    for name, data in hostile_cases(base, seeds[1]):
        figures = Figures()
        outcome = run_case(target, name, data, rng, figures, folder)
        assert figures.clean, figures.problems
        expected = EXPECTED.get(name)
        if expected == "imported":
            assert outcome == "imported", name
        elif expected:
            assert outcome == "refused", name
            assert expected in _message(data, folder), name


def _message(data: bytes, folder) -> str:
    path = folder / "again.itashare"
    path.write_bytes(data)
    try:
        share.read_share_file(path)
    except Exception as error:  # the case already ran: here only its message is wanted
        return getattr(error, "message", str(error))
    return ""


def test_sql_and_paths_are_stored_as_the_text_they_are(setting):
    target, _, seeds, folder = setting
    content = json.loads(seeds[2].split(b"\n", 1)[1])
    content["office"]["address"] = SQL
    content["plans"][0]["measures"][0]["steps"] = ["../../etc/passwd", SQL]
    path = folder / "sql.itashare"
    path.write_bytes(repack(content))
    share.apply_import(target.db, share.preview_import(target.db, share.read_share_file(path)))
    office_id = target.db.execute(
        "SELECT id FROM office WHERE name = ?", [content["office"]["name"]]
    ).fetchone()[0]
    again = share.export_content(target.db, office_id=office_id)
    assert again["office"]["address"] == SQL
    assert again["plans"][0]["measures"][0]["steps"] == ["../../etc/passwd", SQL]
    target.reset()


def test_three_hundred_mutated_files_crash_nothing_and_refusals_change_nothing(tmp_path):
    figures = fuzz(300, tmp_path, seed=11, hostile=False)
    assert figures.crashes == 0, figures.problems[:5]
    assert figures.changed_by_refused == 0, figures.problems[:5]
    assert figures.clean, figures.problems[:5]
    assert figures.imported > 20 and figures.refused > 150


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(where=st.integers(min_value=0), value=_json)
def test_any_json_value_anywhere_is_refused_or_imported(setting, where, value):
    target, _, seeds, folder = setting
    content = json.loads(seeds[1].split(b"\n", 1)[1])
    nodes = _containers(content)
    parent, key = nodes[where % len(nodes)]
    parent[key] = value
    figures = Figures()
    run_case(
        target, "hypothesis", repack(content, ascii_only=True), random.Random(0), figures, folder
    )
    assert figures.clean, figures.problems


def _containers(node, out=None) -> list:
    out = [] if out is None else out
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, child in list(items):
        out.append((node, key))
        if isinstance(child, (dict, list)):
            _containers(child, out)
    return out
