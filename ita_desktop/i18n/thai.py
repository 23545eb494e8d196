"""Thai numbers and dates: Thai/Arabic digits, grouping, signed differences, พ.ศ., fiscal years."""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Literal

from babel import Locale
from babel.numbers import format_decimal

Digits = Literal["thai", "arabic"]
MonthWidth = Literal["wide", "abbreviated"]
YearMonth = date | str | tuple[int, int]

BE_OFFSET = 543
FISCAL_YEAR_START_MONTH = 10
ROUNDS = (6, 12)  # progress rounds, in months from 1 October

# Babel's numbering_system='thai' still prints Latin digits, so digits are mapped by hand.
_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_YEAR_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


@cache
def _locale() -> Locale:
    # Loading CLDR data costs a few milliseconds; every formatter shares one instance.
    return Locale("th")


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def apply_digits(text: str, digits: Digits = "thai") -> str:
    """Any text (item codes such as 'i11', years, counts) with its digits in the chosen script."""
    return to_thai_digits(text) if digits == "thai" else to_arabic_digits(text)


def _decimal(value: Decimal | int | float | str) -> Decimal:
    if isinstance(value, Decimal):
        return value
    # str() first so that 0.1 becomes Decimal('0.1'), not its binary approximation.
    return Decimal(str(value)) if isinstance(value, float) else Decimal(value)


def format_number(
    value: Decimal | int | float | str | None,
    places: int | None = 2,
    *,
    grouping: bool = True,
    digits: Digits = "thai",
    missing: str = "-",
) -> str:
    """'๑,๒๓๔,๕๖๗.๘๙': ``places`` decimals rounded half up (None: as many as the value needs)."""
    if value is None:
        return missing
    number = _decimal(value)
    if not number.is_finite():
        return missing
    if places is not None:
        # Babel rounds half-even (0.125 → 0.12); the seeds round half up, so quantize first.
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        decimals = "0" * places
    else:
        number = number.normalize()
        decimals = "#" * max(0, -number.as_tuple().exponent)
    integer_part = "#,##0" if grouping else "0"
    pattern = f"{integer_part}.{decimals}" if decimals else integer_part
    sign = "-" if number < 0 else ""
    text = format_decimal(abs(number), format=pattern, locale=_locale(), decimal_quantization=True)
    return apply_digits(sign + text, digits)


def format_count(value: int | None, *, digits: Digits = "thai", missing: str = "-") -> str:
    """A whole number such as a count of items: '๑๔', '๑,๒๐๐'."""
    return format_number(value, 0, digits=digits, missing=missing)


def format_diff(
    value: Decimal | int | float | str | None,
    places: int = 2,
    *,
    digits: Digits = "thai",
    missing: str = "-",
) -> str:
    """A signed difference as the seeds print it: '+๐.๔๒', '-๑๐.๐๐', and '๐.๐๐' without a sign."""
    if value is None or not _decimal(value).is_finite():
        return missing
    number = _decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format_number(abs(number), places, digits=digits)
    if number > 0:
        return "+" + text
    if number < 0:
        return "-" + text
    return text


def buddhist_year(value: date | int) -> int:
    """พ.ศ. of a date or of a Gregorian year: 2025 → 2568."""
    return (value.year if isinstance(value, date) else value) + BE_OFFSET


def format_year(year_be: int, *, digits: Digits = "thai", short: bool = False) -> str:
    """A พ.ศ. year without grouping: '๒๕๖๘'; short gives the last two digits, '๖๘'."""
    text = f"{year_be % 100:02d}" if short else str(year_be)
    return apply_digits(text, digits)


def month_name(month: int, width: MonthWidth = "wide") -> str:
    """CLDR's Thai month name: 10 → 'ตุลาคม' (wide) or 'ต.ค.' (abbreviated)."""
    return _locale().months["format"][width][month]


def weekday_name(day: date) -> str:
    """CLDR's Thai day name with its 'วัน' prefix: 'วันพุธ'."""
    return _locale().days["format"]["wide"][day.weekday()]


def format_date(
    day: date,
    *,
    month: MonthWidth = "wide",
    weekday: bool = False,
    era: bool = False,
    digits: Digits = "thai",
) -> str:
    """'๑ ตุลาคม ๒๕๖๘', '๑ ต.ค. ๒๕๖๘', 'วันพุธที่ ๑ ตุลาคม พ.ศ. ๒๕๖๘'.

    Babel has no Buddhist calendar and shifting the date by 543 years gives wrong weekdays and
    fails on 29 February, so the text is built from the Gregorian date's own parts.
    """
    year = format_year(buddhist_year(day), digits=digits)
    text = f"{apply_digits(str(day.day), digits)} {month_name(day.month, month)} "
    text += f"พ.ศ. {year}" if era else year
    return f"{weekday_name(day)}ที่ {text}" if weekday else text


def format_date_range(
    start: date, end: date, *, month: MonthWidth = "wide", digits: Digits = "thai"
) -> str:
    """'๑ ตุลาคม ๒๕๖๘ ถึง ๓๐ กันยายน ๒๕๖๙', the wording of the seeds' period column."""
    first = format_date(start, month=month, digits=digits)
    return f"{first} ถึง {format_date(end, month=month, digits=digits)}"


def year_month(value: YearMonth) -> tuple[int, int]:
    """(Gregorian year, month) of a date, a 'YYYY-MM' string (as measures store it) or a pair."""
    if isinstance(value, date):
        return value.year, value.month
    if isinstance(value, str):
        match = _YEAR_MONTH.match(value)
        if not match:
            raise ValueError(f"not a YYYY-MM month: {value!r}")
        year, month = int(match[1]), int(match[2])
    else:
        year, month = value
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {value!r}")
    return year, month


def format_month(
    value: YearMonth,
    *,
    month: MonthWidth = "abbreviated",
    short_year: bool = False,
    digits: Digits = "thai",
) -> str:
    """'ต.ค. ๒๕๖๖', 'ตุลาคม ๒๕๖๖', or with short_year 'ต.ค. ๖๖' (as seed 004 writes)."""
    year, number = year_month(value)
    be = format_year(buddhist_year(year), digits=digits, short=short_year)
    return f"{month_name(number, month)} {be}"


def format_month_range(
    start: YearMonth,
    end: YearMonth,
    *,
    month: MonthWidth = "abbreviated",
    prefix: str | None = None,
    short_year: bool = False,
    digits: Digits = "thai",
) -> str:
    """'ต.ค. ๒๕๖๖ - มี.ค. ๒๕๖๗'; wide 'เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖' (prefix None: 'เดือน' if wide)."""
    if prefix is None:
        prefix = "เดือน" if month == "wide" else ""
    options = {"month": month, "short_year": short_year, "digits": digits}
    first = format_month(start, **options)
    if year_month(start) == year_month(end):
        return prefix + first
    return f"{prefix}{first} - {format_month(end, **options)}"


def fiscal_year(day: date) -> int:
    """ปีงบประมาณ (พ.ศ.) of a date: FY N runs 1 Oct N−1 to 30 Sep N, so 2025-10-01 → 2569."""
    gregorian = day.year + 1 if day.month >= FISCAL_YEAR_START_MONTH else day.year
    return buddhist_year(gregorian)


def fiscal_year_bounds(year_be: int) -> tuple[date, date]:
    """First and last day of ปีงบประมาณ ``year_be``: 2569 → (2025-10-01, 2026-09-30)."""
    gregorian = year_be - BE_OFFSET
    return date(gregorian - 1, FISCAL_YEAR_START_MONTH, 1), date(gregorian, 9, 30)


def round_months(year_be: int, round_: int) -> tuple[date, ...]:
    """First days of the months of a progress round: 6 → October–March, 12 → October–September."""
    if round_ not in ROUNDS:
        raise ValueError(f"a progress round is 6 or 12 months, not {round_!r}")
    start, _ = fiscal_year_bounds(year_be)
    months = []
    year, month = start.year, start.month
    for _ in range(round_):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def format_round_period(
    year_be: int, round_: int, *, month: MonthWidth = "wide", digits: Digits = "thai"
) -> str:
    """The months of a round as report titles print them: 'เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖'."""
    months = round_months(year_be, round_)
    return format_month_range(months[0], months[-1], month=month, digits=digits)
