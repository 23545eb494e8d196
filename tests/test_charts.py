"""The chart definitions the window and the PDF both draw, built from seed 001 and 004 figures."""

from decimal import Decimal

import pytest

from ita_desktop.domain.analysis import analyse
from ita_desktop.domain.charts import (
    CURRENT_COLOR,
    PREVIOUS_COLOR,
    BarChart,
    Series,
    analysis_charts,
    indicators_chart,
    instruments_chart,
    overall_chart,
)
from tests.analysis_helpers import (
    criteria_2564,
    criteria_2568,
    seed001_assessment,
    seed004_assessment,
)


def _seed001():
    return analyse(criteria_2568(), seed001_assessment())


def test_overall_chart_puts_last_year_beside_this_year():
    chart = overall_chart(_seed001())
    assert chart.categories == ("ภาพรวม",)
    assert [(s.name, s.values, s.color) for s in chart.series] == [
        ("ปี ๒๕๖๗", (Decimal("99.76"),), PREVIOUS_COLOR),
        ("ปี ๒๕๖๘", (Decimal("93.96"),), CURRENT_COLOR),
    ]
    assert chart.target is None
    assert chart.value_label(Decimal("93.96")) == "๙๓.๙๖"


def test_instruments_chart_shows_the_parts_as_the_nacc_prints_them():
    chart = instruments_chart(_seed001())
    assert chart.categories == ("IIT", "EIT ส่วนที่ ๑", "EIT ส่วนที่ ๒", "OIT")
    assert chart.series[1].values == (
        Decimal("99.89"),
        Decimal("99.97"),
        Decimal("100"),
        Decimal("85"),
    )


def test_instruments_chart_falls_back_to_computed_scores_without_parts():
    chart = instruments_chart(analyse(criteria_2564(), seed004_assessment()))
    assert chart.categories == ("IIT", "EIT", "OIT")
    assert len(chart.series) == 1  # seed 004 prints no previous year
    assert chart.value_label(chart.series[0].values[0]) == "๘๗.๙๘"


def test_indicators_chart_has_the_target_line_and_numbered_categories():
    chart = indicators_chart(_seed001(), digits="arabic")
    assert chart.categories == tuple(str(n) for n in range(1, 11))
    assert chart.category_names[3] == "4. การใช้ทรัพย์สินของราชการ"
    assert chart.target == Decimal(85)
    assert chart.target_label == "เป้าหมาย 85 คะแนน"
    assert chart.series[0].name == "ปี 2567"
    assert chart.series[1].values[9] == Decimal("80")
    assert chart.value_label(Decimal("100")) == "100.00"


def test_scale_ticks_and_positions():
    chart = BarChart("t", ("a",), (Series("s", (Decimal(50),)),))
    assert [chart.tick_label(t) for t in chart.ticks()] == ["๐", "๒๐", "๔๐", "๖๐", "๘๐", "๑๐๐"]
    assert chart.fraction(Decimal(50)) == 0.5
    assert chart.fraction(Decimal(120)) == 1.0
    assert chart.value_label(None) == ""
    assert not chart.is_empty


def test_a_series_must_match_the_categories():
    with pytest.raises(ValueError):
        BarChart("t", ("a", "b"), (Series("s", (Decimal(1),)),))


def test_an_empty_year_gives_empty_charts():
    from ita_desktop.domain.records import Assessment

    empty = analyse(criteria_2568(), Assessment(office_id=1, year=2568, criteria_year=2568))
    charts = analysis_charts(empty)
    assert [c.title for c in charts] == ["คะแนนภาพรวม", "คะแนนรายแบบวัด", "คะแนนรายตัวชี้วัด"]
    assert all(c.is_empty for c in charts)
