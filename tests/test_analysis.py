"""Analysis of a year's results against the seeds' printed tables (001 ๒๕๖๘, 004 ๒๕๖๔)."""

from decimal import Decimal
from itertools import pairwise

import pytest
from analysis_helpers import (
    D,
    criteria_2564,
    criteria_2568,
    put,
    seed001_assessment,
    seed001_previous_assessment,
    seed004_assessment,
)
from hypothesis import given
from hypothesis import strategies as st

from ita_desktop.domain.analysis import analyse, compress_numbers, rank_scores
from ita_desktop.domain.records import Assessment
from ita_desktop.domain.scores import round2


@pytest.fixture(scope="module")
def seed001():
    return analyse(criteria_2568(), seed001_assessment())


@pytest.fixture(scope="module")
def seed004():
    return analyse(criteria_2564(), seed004_assessment())


def test_seed001_overall_and_levels(seed001):
    overall = seed001.overall
    assert overall.score == D("93.96")
    assert overall.computed == D("93.96")  # 0.3×99.89 + 0.3×(99.97+100)/2 + 0.4×85
    assert overall.previous == D("99.76")
    assert overall.diff == D("-5.80")  # the seed's text says ๕.๖; its table says -๕.๘๐
    assert (overall.level, overall.previous_level) == ("ผ่านดี", "ผ่านดีเยี่ยม")
    assert overall.level_changed is True
    assert overall.passed is True
    assert seed001.year == 2568 and seed001.previous_year == 2567
    assert seed001.warnings == ()


def test_seed001_parts_table(seed001):
    rows = {row.code: (row.label, row.previous, row.score, row.diff) for row in seed001.parts}
    assert list(rows) == ["IIT", "EIT1", "EIT2", "OIT"]
    assert rows["IIT"] == ("IIT", D("99.45"), D("99.89"), D("0.44"))
    assert rows["EIT1"] == ("EIT ส่วนที่ ๑", D("99.50"), D("99.97"), D("0.47"))
    assert rows["EIT2"][1:] == (D("100"), D("100"), D("0.00"))
    assert rows["OIT"][1:] == (D("100"), D("85"), D("-15.00"))


def test_seed001_instruments_average_eit_parts(seed001):
    eit = seed001.instrument("EIT")
    assert eit.score == D("99.99")  # (99.97 + 100) / 2 = 99.985, half up
    assert eit.previous == D("99.75")
    assert eit.weight == 30
    assert seed001.instrument("OIT").diff == D("-15.00")
    assert seed001.instrument("XYZ") is None


def test_seed001_indicators(seed001):
    diffs = [row.diff for row in seed001.indicators]
    printed = ["0", "0.42", "0.95", "0.83", "0", "0.23", "0.14", "0.33", "-10.00", "-20.00"]
    assert diffs == [D(x) for x in printed]
    assert seed001.up == (2, 3, 4, 6, 7, 8)
    assert seed001.down == (9, 10)
    assert seed001.unchanged == (1, 5)
    assert seed001.not_compared == ()
    assert seed001.highest == (1, 2, 3, 5, 6, 7)
    assert seed001.lowest == (10,)
    assert [row.rank for row in seed001.indicators] == [1, 1, 1, 8, 1, 1, 1, 7, 9, 10]
    assert [row.number for row in seed001.ranking] == [1, 2, 3, 5, 6, 7, 8, 4, 9, 10]
    assert seed001.below_target_indicators == (10,)
    assert seed001.indicator(4).name == "การใช้ทรัพย์สินของราชการ"
    assert seed001.indicator(11) is None


def test_seed001_items_below_target(seed001):
    counts = {b.instrument: (b.total, b.count) for b in seed001.below_target}
    assert counts == {"IIT": (15, 0), "EIT": (9, 0), "OIT": (28, 5)}
    oit = seed001.below_target_of("OIT")
    assert [item.code for item in oit.items] == ["o14", "o16", "o17", "o19", "o23"]
    assert [item.indicator for item in oit.items] == [9, 9, 9, 9, 10]
    assert [item.code for item in seed001.items_of(4)] == ["i10", "i11", "i12"]


def test_previous_year_in_the_file_gives_the_same_analysis(seed001):
    current = seed001_assessment(typed_previous=False)
    from_file = analyse(criteria_2568(), current, seed001_previous_assessment())
    assert from_file == seed001


def test_previous_year_in_the_file_wins_over_typed_figures():
    current = seed001_assessment()
    put(current, "indicator", 1, "100", "50")  # a stale typed figure
    result = analyse(criteria_2568(), current, seed001_previous_assessment())
    assert result.indicator(1).previous == D("100")


def test_typed_figures_fill_what_the_previous_year_lacks():
    previous = seed001_previous_assessment()
    del previous.scores[("indicator", "3")]
    result = analyse(criteria_2568(), seed001_assessment(), previous)
    assert result.indicator(3).previous == D("99.05")


def test_seed004_instruments_from_indicators(seed004):
    scores = {row.code: row.score for row in seed004.instruments}
    assert scores == {"IIT": D("87.98"), "EIT": D("82.18"), "OIT": D("60.78")}
    assert seed004.overall.computed == D("75.36")
    assert seed004.overall.level == "B"
    assert seed004.overall.passed is False
    assert seed004.overall.previous is None and seed004.overall.level_changed is None
    assert seed004.warnings == ()


def test_seed004_parts_shown_are_the_instruments_computed_from_indicators(seed004):
    shown = [(p.code, p.score, p.previous) for p in seed004.shown_parts()]
    assert shown == [
        ("IIT", D("87.98"), None),
        ("EIT", D("82.18"), None),
        ("OIT", D("60.78"), None),
    ]


def test_parts_with_scores_are_shown_as_entered():
    result = analyse(criteria_2568(), seed001_assessment(), seed001_previous_assessment())
    assert result.shown_parts() == result.parts


def test_seed004_ranking_as_printed(seed004):
    names = [row.name for row in seed004.ranking]
    assert names == [
        "การปฏิบัติหน้าที่",
        "การใช้อำนาจ",
        "การแก้ไขปัญหาการทุจริต",
        "การใช้ทรัพย์สินของราชการ",
        "ประสิทธิภาพการสื่อสาร",
        "การเปิดเผยข้อมูล",
        "การใช้งบประมาณ",
        "การปรับปรุงการทำงาน",
        "คุณภาพการดำเนินงาน",
        "การป้องกันการทุจริต",
    ]
    assert [row.rank for row in seed004.ranking] == list(range(1, 11))
    assert seed004.highest == (1,) and seed004.lowest == (10,)
    assert seed004.indicator(10).score == D("37.50")


def test_seed004_without_previous_year(seed004):
    assert seed004.up == seed004.down == seed004.unchanged == ()
    assert seed004.not_compared == tuple(range(1, 11))
    assert not seed004.has_previous
    assert all(row.diff is None for row in seed004.indicators)
    assert seed004.below_target_indicators == (2, 4, 6, 7, 8, 9, 10)


def test_seed004_items_below_target(seed004):
    counts = {b.instrument: (b.total, b.count) for b in seed004.below_target}
    assert counts == {"IIT": (30, 14), "EIT": (15, 11), "OIT": (43, 0)}


def test_previous_year_under_older_criteria():
    """๒๕๖๔ (letters, one EIT part) as the year before a ๒๕๖๘-shaped year."""
    previous = seed004_assessment(items=False)
    previous.year = 2567
    current = seed001_assessment(typed_previous=False)
    result = analyse(criteria_2568(), current, previous, criteria_2564())
    assert result.overall.previous == D("75.36")
    assert result.overall.previous_level == "B"
    assert result.overall.level == "ผ่านดี"
    assert result.instrument("EIT").previous == D("82.18")
    assert result.indicator(10).diff == D("42.50")
    assert result.previous_year == 2567


def test_entered_overall_that_disagrees_with_the_weights_warns():
    current = seed001_assessment()
    put(current, "overall", "", "93.90", "99.76")
    result = analyse(criteria_2568(), current)
    assert result.overall.score == D("93.90")  # the entered figure is kept
    assert result.overall.computed == D("93.96")
    assert any("ไม่ตรงกับที่คำนวณ" in w and "๙๓.๙๖" in w for w in result.warnings)


def test_one_hundredth_apart_is_rounding_not_a_slip():
    current = seed001_assessment()
    put(current, "overall", "", "93.97", "99.76")
    assert analyse(criteria_2568(), current).warnings == ()


def test_overall_is_computed_when_not_entered():
    current = seed001_assessment()
    del current.scores[("overall", "")]
    result = analyse(criteria_2568(), current)
    assert result.overall.entered is None
    assert result.overall.score == D("93.96")
    assert result.overall.level == "ผ่านดี"


def test_instrument_parts_that_disagree_with_indicators_warn():
    current = seed001_assessment()
    put(current, "part", "IIT", "95.00", "99.45")
    result = analyse(criteria_2568(), current)
    assert any("IIT" in w and "ค่าเฉลี่ยของตัวชี้วัด" in w for w in result.warnings)


def test_missing_part_falls_back_to_indicators_with_a_warning():
    current = seed001_assessment()
    del current.scores[("part", "EIT2")]
    result = analyse(criteria_2568(), current)
    assert result.instrument("EIT").score == D("99.99")
    assert any("EIT ส่วนที่ ๒" in w for w in result.warnings)


def test_missing_indicator_is_not_ranked_and_warns():
    current = seed001_assessment()
    del current.scores[("indicator", "4")]
    result = analyse(criteria_2568(), current)
    row = result.indicator(4)
    assert row.score is None and row.rank is None and row.diff is None
    assert 4 in result.not_compared and 4 not in result.up
    assert result.ranking[-1].number == 10
    assert any("ตัวชี้วัดที่ ๔" in w for w in result.warnings)


def test_unknown_items_are_flagged_but_kept_out_of_counts():
    current = seed001_assessment()
    put(current, "item", "o29", "10")
    put(current, "item", "X1", "20")
    put(current, "indicator", "11", "50")
    result = analyse(criteria_2568(), current)
    assert result.unknown_items == ("o29", "X1")
    assert result.below_target_of("OIT").total == 28
    assert any("o๒๙" in w for w in result.warnings)
    assert any("ตัวชี้วัดที่ ๑๑" in w for w in result.warnings)


def test_item_codes_match_without_regard_to_case():
    current = seed004_assessment(items=False)
    put(current, "item", "i1", "50")
    result = analyse(criteria_2564(), current)
    assert result.unknown_items == ()
    assert [item.code for item in result.below_target_of("IIT").items] == ["I1"]


def test_empty_assessment_never_raises():
    result = analyse(criteria_2568(), Assessment(office_id=1, year=2568, criteria_year=2568))
    assert result.overall.score is None and result.overall.level is None
    assert result.highest == result.lowest == ()
    assert all(b.total == 0 for b in result.below_target)
    assert any("ภาพรวม" in w for w in result.warnings)
    assert len([w for w in result.warnings if w.startswith("ยังไม่มีคะแนนตัวชี้วัด")]) == 10


def test_a_zero_score_is_a_score():
    current = seed001_assessment()
    put(current, "indicator", 10, "0", "100")
    put(current, "indicator", 12, "0")
    result = analyse(criteria_2568(), current)
    assert result.indicator(10).rank == 10 and result.lowest == (10,)
    assert not any("ยังไม่มีคะแนนตัวชี้วัดที่ ๑๐" in w for w in result.warnings)
    assert any("ตัวชี้วัดที่ ๑๒" in w for w in result.warnings)


def test_criteria_of_another_year_warns():
    current = seed001_assessment()
    current.criteria_year = 2567
    assert any("เกณฑ์ปี" in w for w in analyse(criteria_2568(), current).warnings)


def test_warning_digits_follow_the_choice():
    current = seed001_assessment()
    del current.scores[("indicator", "4")]
    result = analyse(criteria_2568(), current, digits="arabic")
    assert "ยังไม่มีคะแนนตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ" in result.warnings


def test_compress_numbers():
    assert compress_numbers([2, 3, 4, 6, 7, 8]) == [(2, 4), (6, 8)]
    assert compress_numbers([9, 10]) == [(9, 10)]
    assert compress_numbers([5, 1]) == [(1, 1), (5, 5)]
    assert compress_numbers([3, 3, 2]) == [(2, 3)]
    assert compress_numbers([]) == []


def test_rank_scores_competition_style():
    assert rank_scores({"a": D(90), "b": D(90), "c": D(80)}) == {"a": 1, "b": 1, "c": 3}


@given(st.lists(st.integers(min_value=-50, max_value=50)))
def test_compress_numbers_round_trips(numbers):
    runs = compress_numbers(numbers)
    expanded = [n for first, last in runs for n in range(first, last + 1)]
    assert expanded == sorted(set(numbers))
    assert all(first <= last for first, last in runs)
    # Runs are maximal: a gap of at least one number separates neighbours.
    assert all(a[1] + 1 < b[0] for a, b in pairwise(runs))


scores = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False)


@given(st.dictionaries(st.integers(min_value=1, max_value=30), scores))
def test_rank_scores_is_consistent(values):
    ranks = rank_scores(values)
    for a, score_a in values.items():
        assert ranks[a] == 1 + sum(other > score_a for other in values.values())
        for b, score_b in values.items():
            if score_a == score_b:
                assert ranks[a] == ranks[b]
            elif score_a > score_b:
                assert ranks[a] < ranks[b]


@given(
    st.lists(st.one_of(st.none(), scores), min_size=10, max_size=10),
    st.lists(st.one_of(st.none(), scores), min_size=10, max_size=10),
)
def test_indicator_rows_are_consistent(now, before):
    current = Assessment(office_id=1, year=2568, criteria_year=2568)
    for number, (value, previous) in enumerate(zip(now, before, strict=True), start=1):
        put(current, "indicator", number, value, previous)
    result = analyse(criteria_2568(), current)
    for row in result.indicators:
        if row.score is None or row.previous is None:
            assert row.diff is None
        else:
            assert row.diff == round2(row.score - row.previous)
    groups = (result.up, result.down, result.unchanged, result.not_compared)
    assert sorted(n for group in groups for n in group) == list(range(1, 11))
    ranked = result.ranking
    assert all(a.score >= b.score for a, b in pairwise(ranked))
    if ranked:
        assert ranked[0].rank == 1
        assert {r.number for r in ranked if r.score == ranked[0].score} == set(result.highest)
        assert {r.number for r in ranked if r.score == ranked[-1].score} == set(result.lowest)
    assert all(isinstance(w, str) and w for w in result.warnings)


@given(scores, scores, scores, scores)
def test_computed_overall_follows_the_weights(iit, eit1, eit2, oit):
    current = Assessment(office_id=1, year=2568, criteria_year=2568)
    for code, value in (("IIT", iit), ("EIT1", eit1), ("EIT2", eit2), ("OIT", oit)):
        put(current, "part", code, value)
    result = analyse(criteria_2568(), current)
    expected = round2(
        (Decimal(30) * iit + Decimal(30) * (eit1 + eit2) / 2 + Decimal(40) * oit) / 100
    )
    assert result.overall.computed == expected == result.overall.score
