"""Thai numbers, signed differences, พ.ศ. dates, month ranges and fiscal years."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_desktop.domain.scores import round2
from ita_desktop.i18n import thai
from ita_desktop.i18n.thai import (
    apply_digits,
    fiscal_year,
    fiscal_year_bounds,
    format_count,
    format_date,
    format_date_range,
    format_diff,
    format_month,
    format_month_range,
    format_number,
    format_round_period,
    format_year,
    round_months,
    to_arabic_digits,
    to_thai_digits,
)

D = Decimal


def test_digits_both_ways():
    assert to_thai_digits("i11 0123456789") == "i๑๑ ๐๑๒๓๔๕๖๗๘๙"
    assert to_arabic_digits("๙๖.๗๗") == "96.77"
    assert apply_digits("o23", "thai") == "o๒๓"
    assert apply_digits("ส่วนที่ ๑", "arabic") == "ส่วนที่ 1"


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (D("1234567.89"), {}, "๑,๒๓๔,๕๖๗.๘๙"),
        (D("93.96"), {}, "๙๓.๙๖"),
        (D("100"), {}, "๑๐๐.๐๐"),
        (85, {}, "๘๕.๐๐"),
        (0, {}, "๐.๐๐"),
        (D("93.9625"), {}, "๙๓.๙๖"),
        (D("0.125"), {}, "๐.๑๓"),  # half up, where Babel alone rounds half-even to 0.12
        (D("0.005"), {}, "๐.๐๑"),
        (D("-5.8"), {}, "-๕.๘๐"),
        (D("-0.001"), {}, "๐.๐๐"),
        (0.1, {}, "๐.๑๐"),
        (D("1234567.89"), {"digits": "arabic"}, "1,234,567.89"),
        (D("1234567.89"), {"grouping": False}, "๑๒๓๔๕๖๗.๘๙"),
        (D("100.00"), {"places": None}, "๑๐๐"),
        (D("99.50"), {"places": None}, "๙๙.๕"),
        (D("85"), {"places": 0}, "๘๕"),
        (None, {}, "-"),
        (None, {"missing": ""}, ""),
        (D("NaN"), {}, "-"),
    ],
)
def test_format_number(value, kwargs, expected):
    assert format_number(value, **kwargs) == expected


def test_format_count():
    assert format_count(14) == "๑๔"
    assert format_count(1200, digits="arabic") == "1,200"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("0.42"), "+๐.๔๒"),
        (D("-10"), "-๑๐.๐๐"),
        (D("-5.80"), "-๕.๘๐"),
        (D("0"), "๐.๐๐"),
        (D("-0.00"), "๐.๐๐"),
        (D("-0.004"), "๐.๐๐"),  # rounds to zero: no sign
        (D("15"), "+๑๕.๐๐"),
        (None, "-"),
    ],
)
def test_format_diff(value, expected):
    assert format_diff(value) == expected


def test_format_diff_arabic():
    assert format_diff(D("0.42"), digits="arabic") == "+0.42"


def test_dates_in_buddhist_era():
    day = date(2025, 10, 1)
    assert format_date(day) == "๑ ตุลาคม ๒๕๖๘"
    assert format_date(day, month="abbreviated") == "๑ ต.ค. ๒๕๖๘"
    assert format_date(day, weekday=True, era=True) == "วันพุธที่ ๑ ตุลาคม พ.ศ. ๒๕๖๘"
    assert format_date(day, digits="arabic") == "1 ตุลาคม 2568"


def test_leap_day_keeps_its_weekday():
    # 2567 BE = 2024 CE, a leap year; shifting the date by 543 years would crash here.
    assert format_date(date(2024, 2, 29), weekday=True) == "วันพฤหัสบดีที่ ๒๙ กุมภาพันธ์ ๒๕๖๗"


def test_date_range():
    assert (
        format_date_range(date(2025, 10, 1), date(2026, 9, 30)) == "๑ ตุลาคม ๒๕๖๘ ถึง ๓๐ กันยายน ๒๕๖๙"
    )


def test_months_and_ranges():
    assert format_month("2023-10") == "ต.ค. ๒๕๖๖"
    assert format_month((2022, 1), short_year=True) == "ม.ค. ๖๕"
    assert format_month(date(2023, 3, 5), month="wide") == "มีนาคม ๒๕๖๖"
    assert format_month_range("2023-10", "2024-03") == "ต.ค. ๒๕๖๖ - มี.ค. ๒๕๖๗"
    assert format_month_range((2022, 10), (2023, 3), month="wide") == (
        "เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖"
    )
    assert format_month_range("2024-01", "2024-01") == "ม.ค. ๒๕๖๗"
    assert format_month_range("2022-01", "2022-08", short_year=True) == "ม.ค. ๖๕ - ส.ค. ๖๕"
    with pytest.raises(ValueError):
        format_month("2023-13")
    with pytest.raises(ValueError):
        format_month("ตุลาคม")


def test_years():
    assert format_year(2568) == "๒๕๖๘"  # no grouping in years
    assert format_year(2568, digits="arabic") == "2568"
    assert thai.buddhist_year(date(2025, 1, 1)) == 2568
    assert thai.buddhist_year(2024) == 2567


def test_fiscal_year():
    assert fiscal_year(date(2025, 10, 1)) == 2569
    assert fiscal_year(date(2025, 9, 30)) == 2568
    assert fiscal_year(date(2026, 1, 15)) == 2569
    assert fiscal_year_bounds(2569) == (date(2025, 10, 1), date(2026, 9, 30))


def test_round_months():
    six = round_months(2566, 6)
    assert six[0] == date(2022, 10, 1) and six[-1] == date(2023, 3, 1) and len(six) == 6
    twelve = round_months(2566, 12)
    assert twelve[-1] == date(2023, 9, 1) and len(twelve) == 12
    assert format_round_period(2566, 6) == "เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖"
    assert format_round_period(2567, 6, month="abbreviated") == "ต.ค. ๒๕๖๖ - มี.ค. ๒๕๖๗"
    assert format_round_period(2569, 12) == "เดือนตุลาคม ๒๕๖๘ - กันยายน ๒๕๖๙"
    with pytest.raises(ValueError):
        round_months(2566, 3)


def test_locale_is_loaded_once():
    assert thai._locale() is thai._locale()


@given(st.decimals(min_value=-1000000, max_value=1000000, allow_nan=False, places=4))
def test_number_round_trips_through_thai_digits(value):
    text = format_number(value)
    assert not any(c in "0123456789" for c in text)
    assert Decimal(to_arabic_digits(text).replace(",", "")) == round2(value)


@given(st.decimals(min_value=-100, max_value=100, allow_nan=False, places=3))
def test_diff_sign_matches_rounded_value(value):
    text = format_diff(value, digits="arabic")
    rounded = round2(value)
    assert Decimal(text) == rounded
    assert text.startswith("+") == (rounded > 0)
    assert text.startswith("-") == (rounded < 0)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_every_date_falls_inside_its_fiscal_year(day):
    first, last = fiscal_year_bounds(fiscal_year(day))
    assert first <= day <= last
    assert (last - first).days in (364, 365)
    assert fiscal_year(first - timedelta(days=1)) == fiscal_year(day) - 1


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_date_text_has_the_right_weekday_and_year(day):
    text = format_date(day, weekday=True, era=True, digits="arabic")
    assert text.startswith(thai.weekday_name(day) + "ที่ ")
    assert text.endswith(f"พ.ศ. {day.year + 543}")
