"""The transcriptions of the four seed reports and the demo office, checked against the printed
figures (seeds/*.txt) without the import code: files are read with share_format.unpack only.

Rebuild the .itashare files with `.venv/bin/python scripts/build_fixtures.py` after editing a
source (tests/fixtures/src/*.json, resources/demo/demo-office.json).
"""

import json
from collections import Counter
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from ita_desktop.domain.serialize import criteria_from_data, criteria_to_data
from ita_desktop.services.criteria import shipped_criteria
from ita_desktop.services.share_format import unpack

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DEMO = ROOT / "resources" / "demo" / "demo-office.itashare"
FILES = {
    "seed000": FIXTURES / "seed000.itashare",
    "seed001": FIXTURES / "seed001.itashare",
    "seed003": FIXTURES / "seed003.itashare",
    "seed004": FIXTURES / "seed004.itashare",
    "demo": DEMO,
}
SOURCES = {
    "seed000": FIXTURES / "src" / "seed000.json",
    "seed001": FIXTURES / "src" / "seed001.json",
    "seed003": FIXTURES / "src" / "seed003.json",
    "seed004": FIXTURES / "src" / "seed004.json",
    "demo": ROOT / "resources" / "demo" / "demo-office.json",
}
DONE, DOING, NOT_YET = "ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ"
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def load(name: str) -> dict:
    return unpack(FILES[name].read_bytes())


def assessment(content: dict, year: int) -> dict:
    (found,) = [a for a in content["assessments"] if a["year"] == year]
    return found


def plan(content: dict, year: int) -> dict:
    (found,) = [p for p in content["plans"] if p["year"] == year]
    return found


def figures(a: dict, scope: str) -> dict[str, tuple[str | None, str | None]]:
    return {s["key"]: (s["value"], s["previous"]) for s in a["scores"] if s["scope"] == scope}


def statuses(p: dict, round_: str) -> Counter:
    return Counter(
        m["progress"][round_]["status"] if m["progress"].get(round_) else None
        for m in p["measures"]
    )


def r2(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --- every file --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FILES))
def test_file_carries_the_criteria_of_every_assessment(name):
    content = load(name)
    assert set(content) == {"office", "criteria", "assessments", "plans"}
    years = {str(a["criteria_year"]) for a in content["assessments"]}
    assert set(content["criteria"]) == years
    for year, data in content["criteria"].items():
        assert criteria_from_data(data, year).year == int(year)
        shipped = criteria_to_data(shipped_criteria()[int(year)])
        assert data == json.loads(json.dumps(shipped)), "criteria edited: run build_fixtures.py"


@pytest.mark.parametrize("name", sorted(FILES))
def test_file_is_built_from_its_current_source(name):
    content = load(name)
    content.pop("criteria")
    source = json.loads(SOURCES[name].read_text(encoding="utf-8"))
    assert content == source, "source edited: run scripts/build_fixtures.py"


@pytest.mark.parametrize("name", sorted(FILES))
def test_texts_hold_no_extraction_artefacts(name):
    def walk(value):
        if isinstance(value, dict):
            for v in value.values():
                yield from walk(v)
        elif isinstance(value, list):
            for v in value:
                yield from walk(v)
        elif isinstance(value, str):
            yield value

    content = load(name)
    content.pop("criteria")
    for text in walk(content):
        assert "<" not in text and ">" not in text, text
        assert text == text.strip() and "  " not in text, text


@pytest.mark.parametrize(
    ("name", "year", "count"),
    [
        ("seed000", 2567, 12),
        ("seed001", 2569, 10),
        ("seed003", 2566, 12),
        ("seed004", 2565, 4),
        ("demo", 2568, 5),
        ("demo", 2569, 13),
    ],
)
def test_measures_per_plan(name, year, count):
    assert len(plan(load(name), year)["measures"]) == count


# --- seed 001: เทศบาลตำบลต้นหยงมัส, results 2568 (previous 2567) → plan 2569 ---------------------


def test_seed001_overall_and_parts():
    a = assessment(load("seed001"), 2568)
    assert a["criteria_year"] == 2568
    assert figures(a, "overall") == {"": ("93.96", "99.76")}
    assert figures(a, "part") == {
        "IIT": ("99.89", "99.45"),
        "EIT1": ("99.97", "99.50"),
        "EIT2": ("100.00", "100.00"),
        "OIT": ("85.00", "100.00"),
    }


def test_seed001_ten_indicators_both_years():
    a = assessment(load("seed001"), 2568)
    assert figures(a, "indicator") == {
        "1": ("100.00", "100.00"),
        "2": ("100.00", "99.58"),
        "3": ("100.00", "99.05"),
        "4": ("99.45", "98.62"),
        "5": ("100.00", "100.00"),
        "6": ("100.00", "99.77"),
        "7": ("100.00", "99.86"),
        "8": ("99.96", "99.63"),
        "9": ("90.00", "100.00"),
        "10": ("80.00", "100.00"),
    }


def test_seed001_weights_give_the_printed_overall_both_years():
    a = assessment(load("seed001"), 2568)
    parts = figures(a, "part")
    for column, overall in ((0, "93.96"), (1, "99.76")):
        p = {k: Decimal(v[column]) for k, v in parts.items()}
        total = (
            Decimal("0.3") * p["IIT"]
            + Decimal("0.3") * (p["EIT1"] + p["EIT2"]) / 2
            + Decimal("0.4") * p["OIT"]
        )
        assert r2(total) == Decimal(overall)


def test_seed001_every_2568_item():
    items = figures(assessment(load("seed001"), 2568), "item")
    codes = (
        [f"i{n}" for n in range(1, 16)]
        + [f"e{n}" for n in range(1, 10)]
        + [f"o{n}" for n in range(1, 29)]
    )
    assert sorted(items) == sorted(codes)
    below_100 = {k: v for k, (v, _) in items.items() if v != "100.00"}
    assert below_100 == {
        "i11": "98.36",
        "e7": "99.71",
        "o14": "50.00",
        "o16": "0.00",
        "o17": "50.00",
        "o19": "50.00",
        "o23": "0.00",
    }
    assert all(previous is None for _, previous in items.values())


def test_seed001_texts_poll_and_kept_slips():
    a = assessment(load("seed001"), 2568)
    assert set(a["recommendations"]) == {"IIT", "EIT", "OIT"}
    assert "ข้อ i๑๑ บุคลากรในหน่วยงานบางรายมีการใช้ทรัพย์สินของราชการ" in a["recommendations"]["IIT"]
    assert "(อ้างอิงจาก O๒๕)" in a["recommendations"]["EIT"]
    assert a["recommendations"]["OIT"].startswith("เทศบาลตำบลต้นยางมีส")  # the original's slip
    assert a["stakeholder_comments"] == "(๑) เทศบาลบริการที่ดีตอบสนองความต้องการของประชาชน"
    assert [(p["answer"], p["percent"]) for p in a["poll"]] == [
        ("ไม่มีปัญหาเลย", "48.36"),
        ("ลดลงมาก", "0.00"),
        ("ลดลงเล็กน้อย", "0.00"),
        ("เพิ่มขึ้นเล็กน้อย", "0.00"),
        ("เพิ่มขึ้นมาก", "1.64"),
    ]
    assert {f"indicator:{n}" for n in range(1, 11)} <= set(a["analysis_texts"])
    assert "ลดลง ๕.๖ คะแนน" in a["analysis_texts"]["overall"]  # printed; the table says −5.80
    assert "+๐.๔๒ คะแนน" in a["analysis_texts"]["indicator:2"]


def test_seed001_plan_2569():
    p = plan(load("seed001"), 2569)
    assert p["source_year"] == 2568 and p["meeting_date"] is None
    measures = p["measures"]
    assert [m["indicator"] for m in measures] == list(range(1, 11))
    assert [m["indicators"] for m in measures] == [[n] for n in range(1, 11)]
    assert [len(m["steps"]) for m in measures] == [3, 4, 1, 1, 1, 3, 2, 2, 3, 2]
    main = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"
    assert [m["measure"] for m in measures[:8]] == [main] * 8
    assert {m["measure"] for m in measures[8:]} == {"มาตรการเพิ่มประสิทธิภาพการจัดทำข้อมูลที่เปิดเผยมากขึ้น"}
    assert measures[1]["steps"][0].startswith(
        "กองยุทธศาสตร์และงบประมาณ งานแผนและงบประมาณ ดำเนินการวิเคราะห์ผลการประเมิน ITA"
    )
    assert measures[1]["responsible"] == [
        "งานแผนและงบประมาณ กองยุทธศาสตร์และงบประมาณ",
        "งานการเงินและบัญชี งานพัสดุและทรัพย์สิน กองคลัง",
    ]
    assert measures[0]["period"] == {
        "kind": "dates",
        "start": "2025-10-01",
        "end": "2026-09-30",
        "text": "",
    }
    assert [m["period"]["start"] for m in measures].count("2026-03-01") == 3  # 3, 6, 8
    assert measures[3]["analysis"].endswith("ไว้อย่างชัดเจนในคู่มือมาตรฐานการปฏิบัติงาน")
    assert all(m["analysis"].startswith("จากการวิเคราะห์ผลการประเมิน ITA ตัวชี้วัด ") for m in measures)
    assert statuses(p, "6") == Counter({None: 10}) and statuses(p, "12") == Counter({None: 10})


# --- seed 004: อบต.ลาดหญ้า, results 2564 → plan 2565 ---------------------------------------------


SEED004_INDICATORS = {
    "1": "93.57",
    "2": "84.05",
    "3": "89.76",
    "4": "84.87",
    "5": "87.64",
    "6": "80.93",
    "7": "84.60",
    "8": "81.00",
    "9": "84.06",
    "10": "37.50",
}


def test_seed004_overall_and_ten_indicators():
    a = assessment(load("seed004"), 2564)
    assert a["criteria_year"] == 2564
    assert figures(a, "overall") == {"": ("75.36", None)}
    assert {k: v for k, (v, _) in figures(a, "indicator").items()} == SEED004_INDICATORS
    assert figures(a, "part") == {}  # the instrument figures are not printed


def test_seed004_instruments_are_means_of_indicators():
    ind = {int(k): Decimal(v) for k, v in SEED004_INDICATORS.items()}
    iit = sum(ind[n] for n in range(1, 6)) / 5
    eit = sum(ind[n] for n in (6, 7, 8)) / 3
    oit = (ind[9] + ind[10]) / 2
    assert (r2(iit), r2(eit), r2(oit)) == (Decimal("87.98"), Decimal("82.18"), Decimal("60.78"))
    assert r2(Decimal("0.3") * iit + Decimal("0.3") * eit + Decimal("0.4") * oit) == Decimal(
        "75.36"
    )


def test_seed004_analysis_texts():
    texts = assessment(load("seed004"), 2564)["analysis_texts"]
    assert "การปฏิบัติหน้าที่ ได้คะแนน ๘๘.๔๐" in texts["overall"]  # printed; the table: 93.57
    assert "มีจำนวน ๑๔ ข้อ" in texts["part:IIT"]  # printed, though 13 IIT items are listed
    items = sorted(k for k in texts if k.startswith("item:"))
    assert len(items) == 40
    assert texts["item:I1"] == "จัดทำผังการให้บริการแต่ละงานและประชาสัมพันธ์ให้ทราบโดยทั่วกัน"
    assert texts["item:O17"] == "เพิ่มช่องทาง E-Service ในเว็บไซต์"


def test_seed004_plan_2565():
    p = plan(load("seed004"), 2565)
    assert (p["source_year"], p["meeting_date"]) == (2564, "2022-01-24")
    measures = p["measures"]
    assert [len(m["steps"]) for m in measures] == [2, 2, 1, 3]
    assert measures[0]["measure"] == (
        "จัดอบรม/ประชุมให้กับเจ้าหน้าที่เกี่ยวกับการดำเนินการทางวินัย/คุณธรรมจริยธรรมและความโปร่งใสในการปฏิบัติงาน"
    )
    assert measures[0]["period"] == {
        "kind": "months",
        "start": "2022-01",
        "end": "2022-08",
        "text": "",
    }
    assert measures[1]["period"]["kind"] == "text"
    assert measures[1]["period"]["text"].splitlines() == [
        "ม.ค. ๖๕- มี.ค. ๖๕",
        "ธ.ค. ๖๔- ส.ค. ๖๕",
        "ธ.ค. ๖๔- ก.ย. ๖๕",
    ]
    assert measures[1]["responsible"] == ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองสวัสดิการ"]
    assert measures[3]["steps"][1] == "ตรวจสอบเช็คสัญญาณระบบอินเทอร์เน็ตหน่วยงานเป็นประจำ"
    assert statuses(p, "6") == Counter({None: 4})


# --- seed 003: เทศบาลตำบลสวนกล้วย, results 2565 → measures 2566, six-month progress ---------------


def test_seed003_scores_and_links():
    content = load("seed003")
    assert figures(assessment(content, 2565), "item") == {"O33": ("0", None), "O38": ("0", None)}
    measures = plan(content, 2566)["measures"]
    assert [m["items"] for m in measures] == [
        ["O33"],
        ["O38"],
        ["E6"],
        ["E7"],
        ["E9"],
        ["E10"],
        ["E11"],
        ["E12"],
        ["E14"],
        ["E1"],
        ["E3"],
        ["E5"],
    ]
    assert [m["indicator"] for m in measures] == [9, 10, 7, 7, 7, 7, 8, 8, 8, 8, 8, 8]
    assert [len(m["steps"]) for m in measures] == [3, 2, 3, 3, 3, 2, 2, 3, 2, 2, 3, 2]
    assert measures[1]["responsible"] == ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ"]


def test_seed003_six_month_progress():
    p = plan(load("seed003"), 2566)
    assert statuses(p, "6") == Counter({DONE: 9, DOING: 3})
    assert statuses(p, "12") == Counter({None: 12})
    done = [m["progress"]["6"]["date_done"] for m in p["measures"]]
    assert done == [
        "2023-01-23",
        "2023-01-23",
        "2022-01-23",
        "2022-10-30",
        "2023-04-04",
        "2023-01-23",
        "2023-03-30",
        "2023-03-30",
        "2023-01-23",
        None,
        None,
        None,
    ]


# --- seed 000: อบต.ห้วยตะเคียน, results 2566 → measures 2567, six-month progress ------------------


SEED000_SCORES = [
    "96.77",
    "96.77",
    "98.94",
    "96.77",
    "95.85",
    "96.48",
    "95.06",
    "95.04",
    "95.04",
    "95.04",
    "97.87",
    "97.87",
]


def test_seed000_items_matched_to_the_2566_criteria():
    content = load("seed000")
    items = figures(assessment(content, 2566), "item")
    assert {k: v for k, (v, _) in items.items()} == {
        "I7": "96.77",
        "I18": "98.94",
        "I22": "95.85",
        "I24": "96.77",
        "E1": "96.48",
        "E5": "95.06",
        "E6": "95.04",
        "E7": "95.04",
        "E9": "95.04",
        "E10": "97.87",
    }
    measures = plan(content, 2567)["measures"]
    for m, printed in zip(measures, SEED000_SCORES, strict=True):
        assert m["analysis"].endswith("มีค่าคะแนนเท่ากับ " + printed.translate(THAI))
        if m["items"]:
            assert items[m["items"][0]][0] == printed
    assert [m["indicator"] for m in measures] == [2, 2, 3, 4, 4, 6, 6, 6, 6, 7, 7, 8]


def test_seed000_progress_and_periods():
    p = plan(load("seed000"), 2567)
    assert (p["source_year"], p["meeting_date"]) == (2566, None)
    assert statuses(p, "6") == Counter({DONE: 12})
    assert statuses(p, "12") == Counter({None: 12})
    assert all(
        m["period"] == {"kind": "months", "start": "2023-10", "end": "2024-03", "text": ""}
        for m in p["measures"]
    )
    assert [len(m["progress"]["6"]["results"]) for m in p["measures"]] == [
        1,
        1,
        1,
        1,
        3,
        1,
        1,
        1,
        1,
        1,
        1,
        1,
    ]
    assert (
        p["measures"][11]["progress"]["6"]["outcome"]
        == "ประชาชนทราบถึงระบบการให้บริการออนไลน์ของหน่วยงานมากขึ้น"
    )


# --- the demo office ---------------------------------------------------------------------------


def test_demo_office_profile():
    office = load("demo")["office"]
    assert office["name"] == "องค์การบริหารส่วนตำบลตัวอย่าง"
    assert office["units"] == ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม"]
    assert [s["role"] for s in office["signatories"]] == ["ผู้รายงาน", "ผู้ตรวจสอบ", "ผู้บริหาร"]


@pytest.mark.parametrize(("year", "overall"), [(2567, "87.10"), (2568, "90.39")])
def test_demo_results_are_complete_and_consistent(year, overall):
    content = load("demo")
    a = assessment(content, year)
    criteria = criteria_from_data(content["criteria"][str(a["criteria_year"])])
    items = {k: Decimal(v) for k, (v, _) in figures(a, "item").items()}
    assert sorted(items) == sorted(i.code for i in criteria.items)
    assert 3 <= sum(v < 85 for v in items.values()) <= 12
    ind = {int(k): Decimal(v) for k, (v, _) in figures(a, "indicator").items()}
    for indicator in criteria.indicators:
        codes = [i.code for i in criteria.items_of(indicator.number)]
        assert ind[indicator.number] == r2(sum(items[c] for c in codes) / len(codes))
    parts = {k: Decimal(v) for k, (v, _) in figures(a, "part").items()}
    assert parts["IIT"] == r2(sum(ind[n] for n in range(1, 6)) / 5)
    assert parts["OIT"] == r2((ind[9] + ind[10]) / 2)
    eit = (parts["EIT1"] + parts["EIT2"]) / 2
    assert abs(eit - sum(ind[n] for n in (6, 7, 8)) / 3) <= Decimal("0.01")
    total = Decimal("0.3") * parts["IIT"] + Decimal("0.3") * eit + Decimal("0.4") * parts["OIT"]
    assert figures(a, "overall") == {"": (overall, None)} and r2(total) == Decimal(overall)
    assert set(a["recommendations"]) == {"IIT", "EIT", "OIT"}
    assert any(k.startswith("indicator:") for k in a["analysis_texts"])


def test_demo_plan_2569_and_its_progress():
    p = plan(load("demo"), 2569)
    assert p["source_year"] == 2568
    measures = p["measures"]
    assert 10 <= len(measures) <= 14
    assert len({m["indicator"] for m in measures}) >= 8
    assert all(2 <= len(m["steps"]) <= 5 for m in measures)
    assert all(m["responsible"] and m["items"] for m in measures)
    kinds = Counter(m["period"]["kind"] for m in measures)
    assert set(kinds) == {"months", "dates", "text"}
    assert "เป็นประจำทุกเดือน" in {m["period"]["text"] for m in measures}
    six, twelve = statuses(p, "6"), statuses(p, "12")
    assert six == Counter({DONE: 6, DOING: 5, NOT_YET: 2})
    assert twelve == Counter({DONE: 10, DOING: 3})
    for round_, last in (("6", date(2026, 3, 31)), ("12", date(2026, 9, 30))):
        for m in measures:
            entry = m["progress"][round_]
            if entry["status"] == DONE:
                assert date(2025, 10, 1) <= date.fromisoformat(entry["date_done"]) <= last
                assert entry["results"]
            else:
                assert entry["date_done"] is None


def test_demo_plan_2568_is_smaller():
    content = load("demo")
    assert len(plan(content, 2568)["measures"]) < len(plan(content, 2569)["measures"])
    assert plan(content, 2568)["source_year"] == 2567
