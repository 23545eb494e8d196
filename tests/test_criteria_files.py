"""Shipped criteria files in forms/criteria: they load strictly and agree with the seeds."""

import re
from decimal import Decimal as D
from pathlib import Path

import pytest

from ita_desktop.domain.strict import DefinitionError
from ita_desktop.services.criteria import criteria_dir, load_criteria_file, shipped_criteria

YEARS = range(2563, 2570)

INDICATORS = {
    1: ("การปฏิบัติหน้าที่", "IIT"),
    2: ("การใช้งบประมาณ", "IIT"),
    3: ("การใช้อำนาจ", "IIT"),
    4: ("การใช้ทรัพย์สินของราชการ", "IIT"),
    5: ("การแก้ไขปัญหาการทุจริต", "IIT"),
    6: ("คุณภาพการดำเนินงาน", "EIT"),
    7: ("ประสิทธิภาพการสื่อสาร", "EIT"),
    8: ("การปรับปรุงการทำงาน", "EIT"),
    9: ("การเปิดเผยข้อมูล", "OIT"),
    10: ("การป้องกันการทุจริต", "OIT"),
}
PREFIX_INSTRUMENT = {"i": "IIT", "e": "EIT", "o": "OIT"}


def scores(iit, eit, oit) -> dict[str, D]:
    return {"IIT": D(iit), "EIT": D(eit), "OIT": D(oit)}


@pytest.fixture(scope="module")
def shipped():
    return shipped_criteria()


def test_every_file_loads_strictly_and_matches_shipped_criteria(shipped):
    files = sorted(criteria_dir().glob("*.toml"))
    assert [p.stem for p in files] == [str(y) for y in YEARS]
    for path in files:
        criteria = load_criteria_file(path)
        assert criteria.year == int(path.stem)
        assert criteria == shipped[criteria.year]


def test_all_years_present(shipped):
    assert set(YEARS) <= set(shipped)


@pytest.mark.parametrize("year", YEARS)
def test_ten_indicators_with_their_instruments(shipped, year):
    criteria = shipped[year]
    got = {i.number: (i.name, i.instrument) for i in criteria.indicators}
    assert got == INDICATORS


@pytest.mark.parametrize("year", YEARS)
def test_weights_and_level_scale(shipped, year):
    criteria = shipped[year]
    assert [i.code for i in criteria.instruments] == ["IIT", "EIT", "OIT"]
    assert {i.code: i.weight for i in criteria.instruments} == {
        "IIT": D(30),
        "EIT": D(30),
        "OIT": D(40),
    }
    assert sum(i.weight for i in criteria.instruments) == 100
    assert criteria.target == 85
    assert criteria.levels[-1].min_total == 0
    thresholds = [rule.min_total for rule in criteria.levels]
    assert thresholds == sorted(thresholds, reverse=True)
    names = [rule.name for rule in criteria.levels]
    if year <= 2566:
        assert names == ["AA", "A", "B", "C", "D", "E", "F"]
        assert [r.name for r in criteria.levels if r.passed] == ["AA", "A"]
    else:
        assert names == ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]


@pytest.mark.parametrize("year", YEARS)
def test_items_sit_in_indicators_of_their_instrument(shipped, year):
    criteria = shipped[year]
    for item in criteria.items:
        prefix = item.code[0].lower()
        assert criteria.indicator(item.indicator).instrument == PREFIX_INSTRUMENT[prefix], item
        assert item.text.strip() == item.text
        assert item.text or item.provisional, item.code  # unknown wording is provisional
        assert "  " not in item.text and not re.search(r"<[a-z/]", item.text), item.code
    # each year prints its own case: I1 up to 2566, i1 from 2567
    cases = {item.code[0].isupper() for item in criteria.items}
    assert cases == ({True} if year <= 2566 else {False})


@pytest.mark.parametrize("year", YEARS)
def test_eit_parts(shipped, year):
    criteria = shipped[year]
    expected = ("EIT",) if year <= 2566 else ("EIT1", "EIT2")
    assert criteria.instrument("EIT").part_codes() == expected
    assert criteria.part_codes() == ("IIT", *expected, "OIT")


def test_2568_is_the_complete_seed_list(shipped):
    criteria = shipped[2568]
    codes = [item.code for item in criteria.items]
    assert codes == (
        [f"i{n}" for n in range(1, 16)]
        + [f"e{n}" for n in range(1, 10)]
        + [f"o{n}" for n in range(1, 29)]
    )
    assert criteria.item("o27").text == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert criteria.item("O28").text.startswith(
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    )
    assert criteria.item("i1").text == (
        "การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด"
    )
    for number in range(1, 6):
        assert len(criteria.items_of(number)) == 3
    for number in range(6, 9):
        assert len(criteria.items_of(number)) == 3
    assert [i.code for i in criteria.items_of(9)] == [f"o{n}" for n in range(1, 21)]
    assert [i.code for i in criteria.items_of(10)] == [f"o{n}" for n in range(21, 29)]
    assert not criteria.provisional
    assert not criteria.sub_indicators


@pytest.mark.parametrize("year", [2563, 2564, 2565])
def test_2563_to_2565_items_and_sub_indicators(shipped, year):
    criteria = shipped[year]
    codes = [item.code for item in criteria.items]
    assert codes == (
        [f"I{n}" for n in range(1, 31)]
        + [f"E{n}" for n in range(1, 16)]
        + [f"O{n}" for n in range(1, 44)]
    )
    for number in range(1, 6):
        assert len(criteria.items_of(number)) == 6
    for number in range(6, 9):
        assert len(criteria.items_of(number)) == 5
    assert [s.code for s in criteria.sub_indicators] == [
        "9.1",
        "9.2",
        "9.3",
        "9.4",
        "9.5",
        "10.1",
        "10.2",
    ]
    assert all(item.sub_indicator for item in criteria.items if item.code.startswith("O"))
    assert criteria.item("O42").text == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert criteria.item("O42").sub_indicator == "10.2"
    assert criteria.item("O33").sub_indicator == "9.5"


def test_seed_texts_of_2564_and_2565():
    c2564 = shipped_criteria()[2564]
    c2565 = shipped_criteria()[2565]
    assert c2564.item("I25").text == "ผู้บริหารสูงสุดของหน่วยงานของท่านให้ความสำคัญกับการต่อต้านการทุจริต"
    assert not c2564.item("I25").provisional
    assert c2564.item("I4").provisional  # abridged
    # each year keeps its own EIT numbering (seed 004 vs seed 003)
    assert "คำนึงถึงประโยชน์ของประชาชน" in c2564.item("E4").text
    assert "คำนึงถึงประโยชน์ของประชาชน" in c2565.item("E5").text
    assert c2565.item("E10").text.startswith("หน่วยงานที่ท่านติดต่อ มีช่องทางให้ผู้มาติดต่อร้องเรียน")


def test_unknown_wording_is_empty_text_not_an_instruction_to_the_clerk(shipped):
    """Documents print item texts as they are: an unknown one is left empty (the code alone is
    printed), never a note such as "(ยังไม่ทราบข้อความ โปรดแก้ไข…)"."""
    for year, criteria in shipped.items():
        for item in criteria.items:
            assert "ยังไม่ทราบ" not in item.text and "โปรด" not in item.text, (year, item.code)
    c2564 = shipped[2564]
    assert [c2564.item(code).text for code in ("E7", "E9", "E10")] == ["", "", ""]
    assert all(c2564.item(code).provisional for code in ("E7", "E9", "E10"))


def test_2569_oit_list(shipped):
    criteria = shipped[2569]
    oit = [item for item in criteria.items if item.code.startswith("o")]
    assert [item.code for item in oit] == [f"o{n}" for n in range(1, 27)]
    assert criteria.item("o25").text == "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"
    assert criteria.item("o26").text == (
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    )
    assert criteria.item("o2").provisional and criteria.item("o6").provisional


@pytest.mark.parametrize("year", [2563, 2564, 2565, 2566, 2567, 2569])
def test_uncertain_years_are_provisional_and_say_why(shipped, year):
    criteria = shipped[year]
    assert criteria.provisional
    assert criteria.notes.strip() and criteria.sources.strip()


def test_letter_levels_2564(shipped):
    criteria = shipped[2564]
    # seed 004: 0.3×87.98 + 0.3×82.18 + 0.4×60.78 = 75.36 → B
    assert criteria.level_of(D("75.36"), scores("87.98", "82.18", "60.78")).name == "B"
    assert criteria.level_of(D("95.00"), scores(90, 95, 99)).name == "AA"
    assert criteria.level_of(D("94.99"), scores(90, 95, 99)).name == "A"
    assert criteria.level_of(D("74.99"), scores(70, 75, 79)).name == "C"
    assert criteria.level_of(D("50.00"), scores(50, 50, 50)).name == "E"
    assert criteria.level_of(D("49.99"), scores(50, 50, 49)).name == "F"
    assert criteria.level_of(D("85"), scores(85, 85, 85)).passed


def test_word_levels_2567_2568(shipped):
    c2567, c2568 = shipped[2567], shipped[2568]
    # seed 001, 2568: 0.3×99.89 + 0.3×(99.97+100)/2 + 0.4×85.00 = 93.96 → ผ่านดี
    level = c2568.level_of(D("93.96"), scores("99.89", "99.985", "85.00"))
    assert level.name == "ผ่านดี" and level.passed
    # seed 001, 2567: 0.3×99.45 + 0.3×(99.50+100)/2 + 0.4×100 = 99.76 → ผ่านดีเยี่ยม
    assert c2567.level_of(D("99.76"), scores("99.45", "99.75", "100")).name == "ผ่านดีเยี่ยม"
    # a total of 94.64 with one instrument under 85 is ผ่าน, not ผ่านดี
    for criteria in (c2567, c2568):
        assert criteria.level_of(D("94.64"), scores("82.13", "100", "100")).name == "ผ่าน"
        assert criteria.level_of(D("96"), scores("94.9", "100", "100")).name == "ผ่านดี"
        assert criteria.level_of(D("84.99"), scores(90, 90, 80)).name == "ต้องปรับปรุง"
        assert criteria.level_of(D("69.99"), scores(70, 70, 69)).name == "ต้องปรับปรุงโดยด่วน"


def test_instrument_scores_reproduce_the_seed_totals(shipped):
    def total(criteria, by_part):
        weighted = D(0)
        for inst in criteria.instruments:
            parts = [by_part[code] for code in inst.part_codes()]
            weighted += inst.weight / 100 * sum(parts) / len(parts)
        return weighted.quantize(D("0.01"))

    assert total(
        shipped[2568], {"IIT": D("99.89"), "EIT1": D("99.97"), "EIT2": D("100"), "OIT": D("85")}
    ) == D("93.96")
    assert total(
        shipped[2567], {"IIT": D("99.45"), "EIT1": D("99.50"), "EIT2": D("100"), "OIT": D("100")}
    ) == D("99.76")
    assert total(shipped[2564], {"IIT": D("87.98"), "EIT": D("82.18"), "OIT": D("60.78")}) == D(
        "75.36"
    )


def _copy_2568(tmp_path: Path, name: str, change) -> Path:
    text = (criteria_dir() / "2568.toml").read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(change(text), encoding="utf-8")
    return path


def test_unknown_top_level_key_is_rejected(tmp_path):
    path = _copy_2568(
        tmp_path, "2568.toml", lambda t: t.replace("target = 85", 'target = 85\ncolour = "red"', 1)
    )
    with pytest.raises(DefinitionError, match="colour"):
        load_criteria_file(path)


def test_unknown_item_key_is_rejected(tmp_path):
    path = _copy_2568(
        tmp_path, "2568.toml", lambda t: t.replace('code = "o27"', 'code = "o27"\nscore = 100', 1)
    )
    with pytest.raises(DefinitionError, match="score"):
        load_criteria_file(path)


def test_file_name_must_match_its_year(tmp_path):
    path = _copy_2568(tmp_path, "2570.toml", lambda t: t)
    with pytest.raises(DefinitionError, match="2570"):
        load_criteria_file(path)
    assert load_criteria_file(_copy_2568(tmp_path, "2568.toml", lambda t: t)).year == 2568
