"""The shareable file: round trip, damage detection, preview and merge, hostile content."""

import base64
import json

import pytest

from ita_desktop.errors import UserError
from ita_desktop.services import offices, share, share_format
from ita_desktop.storage.database import open_database
from tests.builders import fill_sample_year, sample_office
from tests.fault_helpers import dump


@pytest.fixture
def exported(db, tmp_path):
    office_id = offices.create_office(db, office=sample_office())
    fill_sample_year(db, office_id)
    path = tmp_path / "out.itashare"
    share.export_file(db, office_id=office_id, path=path)
    return path


def import_into(path, target):
    db = open_database(target)
    preview = share.preview_import(db, share.read_share_file(path))
    share.apply_import(db, preview)
    return db, preview


def test_round_trip_gives_the_same_bytes(exported, tmp_path):
    db, preview = import_into(exported, tmp_path / "empty.sqlite")
    assert [e.status for e in preview.entries] == ["new", "new", "new"]
    again = tmp_path / "again.itashare"
    share.export_file(db, office_id=offices.find_office(db, None).id, path=again)
    assert again.read_bytes() == exported.read_bytes()


def test_content_is_kept_exactly(exported, tmp_path):
    db, _ = import_into(exported, tmp_path / "empty.sqlite")
    content = share.export_content(db, office_id=1)
    (assessment,) = content["assessments"]
    scores = {(s["scope"], s["key"]): s for s in assessment["scores"]}
    assert scores[("overall", "")]["value"] == "93.96"
    assert scores[("indicator", "4")]["previous"] == "98.62"
    assert scores[("item", "x99")]["value"] == "70"  # a code the criteria do not know
    (plan,) = content["plans"]
    first = plan["measures"][0]
    assert first["steps"] == ["ร่างคู่มือ", "เสนอผู้บริหาร", "เผยแพร่"]
    assert first["progress"]["6"]["date_done"] == "2026-01-23"


def test_importing_again_finds_everything_identical(exported, tmp_path):
    db, _ = import_into(exported, tmp_path / "t.sqlite")
    preview = share.preview_import(db, share.read_share_file(exported))
    assert {e.status for e in preview.entries} == {"identical"}
    assert share.apply_import(db, preview) == []


def test_preview_lists_differing_figures_and_keep_mine_keeps_them(exported, tmp_path):
    target = tmp_path / "t.sqlite"
    db, _ = import_into(exported, target)
    from ita_desktop.services import results

    aid = results.find_assessment(db, 1, 2568).id
    results.set_score(db, assessment_id=aid, scope="indicator", key="4", value="90")
    preview = share.preview_import(db, share.read_share_file(exported))
    entry = next(e for e in preview.entries if e.kind == "assessment")
    assert entry.status == "differs"
    # Scores read as everywhere else: two decimals, though the clerk typed '90'.
    assert "คะแนนตัวชี้วัดที่ 4: ในเครื่อง 90.00 / ในไฟล์ 99.45" in entry.details
    share.apply_import(db, preview, take=set())
    assert results.find_assessment(db, 1, 2568).value("indicator", "4") == 90
    share.apply_import(db, preview, take={("assessment", 2568)})
    assert str(results.find_assessment(db, 1, 2568).value("indicator", "4")) == "99.45"


def test_preview_names_a_differing_previous_year_score(exported, tmp_path):
    db, _ = import_into(exported, tmp_path / "t.sqlite")
    from ita_desktop.services import results

    aid = results.find_assessment(db, 1, 2568).id
    results.set_score(
        db, assessment_id=aid, scope="indicator", key="4", value="88.5", previous=True
    )
    preview = share.preview_import(db, share.read_share_file(exported))
    entry = next(e for e in preview.entries if e.kind == "assessment")
    assert [d for d in entry.details if "ตัวชี้วัดที่ 4" in d] == [
        "คะแนนปีที่แล้ว ตัวชี้วัดที่ 4: ในเครื่อง 88.50 / ในไฟล์ 98.62"
    ]


def test_dry_run_preview_writes_nothing(exported, tmp_path):
    target = tmp_path / "t.sqlite"
    db = open_database(target)
    before = dump(target)
    share.preview_import(db, share.read_share_file(exported))
    assert dump(target) == before


def _refused(data: bytes, tmp_path, target) -> str:
    bad = tmp_path / "bad.itashare"
    bad.write_bytes(data)
    before = dump(target)
    with pytest.raises(UserError) as caught:
        db = open_database(target)
        share.apply_import(db, share.preview_import(db, share.read_share_file(bad)))
    assert dump(target) == before
    return caught.value.message


def test_any_changed_byte_is_refused_and_changes_nothing(exported, tmp_path):
    target = tmp_path / "t.sqlite"
    open_database(target).close()
    data = exported.read_bytes()
    positions = sorted({*range(0, 120), *range(120, len(data), max(1, len(data) // 150))})
    for position in positions:
        changed = bytearray(data)
        changed[position] = (changed[position] + 1) % 256
        message = _refused(bytes(changed), tmp_path, target)
        assert "ไม่มีการเปลี่ยนแปลงข้อมูลของท่าน" in message or "ไม่ใช่ไฟล์" in message


def test_a_file_cut_short_is_refused(exported, tmp_path):
    target = tmp_path / "t.sqlite"
    open_database(target).close()
    data = exported.read_bytes()
    for length in (0, 5, 40, len(data) // 2, len(data) - 1):
        assert "ไม่" in _refused(data[:length], tmp_path, target)


def _repacked(exported, change) -> bytes:
    content = share_format.unpack(exported.read_bytes())
    change(content)
    return share_format.pack(content)


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda c: c["office"].update(evil="x"), "ไม่รู้จัก ('evil')"),
        (lambda c: c["assessments"][0]["scores"][0].update(value="101"), "ระหว่าง"),
        (lambda c: c["assessments"][0]["scores"][0].update(value=93.96), "ข้อความ"),
        (lambda c: c["assessments"].append(c["assessments"][0]), "ซ้ำ"),
        (lambda c: c["assessments"][0].update(criteria_year=2500), "ไม่มีในไฟล์"),
        (lambda c: c["plans"][0]["measures"][0]["period"].update(end="2024-01"), "ไม่ก่อน"),
        (lambda c: c["plans"][0]["measures"][0].update(measure="ก" * 20_001), "ยาวเกิน"),
        (lambda c: c["office"].update(logo="../../etc/passwd"), "ภาพ"),
        (lambda c: c["plans"][0]["measures"][0]["progress"].update({"7": None}), "รอบ"),
        (lambda c: c.update(office=[]), "กลุ่มข้อมูล"),
        (lambda c: c["office"].update(units=["กองคลัง", "กองคลัง"]), "ซ้ำ"),
        (
            lambda c: c["plans"][0]["measures"][0]["progress"]["6"].update(date_done="2026-02-30"),
            "วันที่",
        ),
    ],
)
def test_hostile_content_is_refused_with_a_thai_message(exported, tmp_path, change, expected):
    target = tmp_path / "t.sqlite"
    open_database(target).close()
    message = _refused(_repacked(exported, change), tmp_path, target)
    assert expected in message
    assert message.count("ไฟล์นี้มีข้อมูลไม่ถูกต้อง") <= 1
    assert "ไม่มีการเปลี่ยนแปลงข้อมูลของท่าน" in message


def test_sql_and_paths_in_texts_are_just_text(exported, tmp_path):
    hostile = "'); DROP TABLE office; -- ../../../etc/passwd"

    def change(content):
        content["plans"][0]["measures"][0]["measure"] = hostile

    bad = tmp_path / "odd.itashare"
    bad.write_bytes(_repacked(exported, change))
    db, _ = import_into(bad, tmp_path / "t.sqlite")
    content = share.export_content(db, office_id=1)
    assert content["plans"][0]["measures"][0]["measure"] == hostile


def test_file_from_newer_program_is_refused(exported, tmp_path):
    data = exported.read_bytes().replace(b"ITA-DESKTOP-SHARE 1 ", b"ITA-DESKTOP-SHARE 2 ", 1)
    target = tmp_path / "t.sqlite"
    open_database(target).close()
    assert "รุ่นที่ใหม่กว่า" in _refused(data, tmp_path, target)


def test_export_is_readable_json_after_the_header(exported):
    header, body = exported.read_bytes().split(b"\n", 1)
    assert header.startswith(b"ITA-DESKTOP-SHARE 1 sha256=")
    assert json.loads(body)["office"]["name"] == "องค์การบริหารส่วนตำบลทดสอบ"


def test_the_logo_type_comes_from_the_image_not_the_file(exported, tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

    def change(content):
        content["office"]["logo"] = base64.b64encode(png).decode("ascii")
        content["office"]["logo_mime"] = "../image/png"

    odd = tmp_path / "logo.itashare"
    odd.write_bytes(_repacked(exported, change))
    db, _ = import_into(odd, tmp_path / "t.sqlite")
    office = offices.find_office(db, None)
    assert office.logo == png and office.logo_mime == "image/png"
