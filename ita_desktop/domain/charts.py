"""Bar charts defined once, drawn by the window (QPainter) and the PDF (ReportLab) alike."""

from dataclasses import dataclass
from decimal import Decimal

from ita_desktop.domain.analysis import Analysis
from ita_desktop.i18n.thai import Digits, apply_digits, format_number, format_year

# Colours as hex so both renderers agree; last year muted, this year strong, the target red.
PREVIOUS_COLOR = "#a9b8c8"
CURRENT_COLOR = "#1f5f99"
TARGET_COLOR = "#c0392b"


@dataclass(frozen=True)
class Series:
    """One bar per category; ``None`` is a missing figure (no bar, no label)."""

    name: str
    values: tuple[Decimal | None, ...]
    color: str = CURRENT_COLOR


@dataclass(frozen=True)
class BarChart:
    """Grouped vertical bars on a 0–100 scale, an optional dashed target line, a legend.

    ``categories`` are the short labels under the groups; ``category_names`` the long ones for
    a key or a tooltip (may be empty). ``value_label`` and ``tick_label`` give the texts both
    renderers print, so the window and the PDF show the same numbers in the same digits.
    """

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    target: Decimal | None = None
    target_label: str = ""
    category_names: tuple[str, ...] = ()
    minimum: Decimal = Decimal(0)
    maximum: Decimal = Decimal(100)
    tick_step: Decimal = Decimal(20)
    places: int = 2
    digits: Digits = "thai"

    def __post_init__(self):
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(f"series {series.name!r} has a value per category")

    def value_label(self, value: Decimal | None) -> str:
        return "" if value is None else format_number(value, self.places, digits=self.digits)

    def ticks(self) -> tuple[Decimal, ...]:
        count = int((self.maximum - self.minimum) / self.tick_step)
        return tuple(self.minimum + self.tick_step * n for n in range(count + 1))

    def tick_label(self, value: Decimal) -> str:
        return format_number(value, None, digits=self.digits)

    def fraction(self, value: Decimal) -> float:
        """Where ``value`` sits between minimum (0.0) and maximum (1.0), clamped."""
        span = self.maximum - self.minimum
        return float(min(max((value - self.minimum) / span, Decimal(0)), Decimal(1)))

    @property
    def is_empty(self) -> bool:
        return all(v is None for s in self.series for v in s.values)


def part_label(code: str, name: str, short_name: str = "", digits: Digits = "thai") -> str:
    """A short label for a part: its short name, else a short full name, else its code."""
    if short_name and short_name != code:
        return apply_digits(short_name, digits)
    if name and len(name) <= 16:
        return apply_digits(name, digits)
    return code


def _year(year: int, digits: Digits) -> str:
    return f"ปี {format_year(year, digits=digits)}"


def _two_years(
    analysis: Analysis,
    previous: tuple[Decimal | None, ...],
    current: tuple[Decimal | None, ...],
    digits: Digits,
) -> tuple[Series, ...]:
    """Last year's series only when the file or the clerk gave at least one of its figures."""
    this_year = Series(_year(analysis.year, digits), current, CURRENT_COLOR)
    if all(v is None for v in previous):
        return (this_year,)
    return (Series(_year(analysis.previous_year, digits), previous, PREVIOUS_COLOR), this_year)


def _target_label(analysis: Analysis, digits: Digits) -> str:
    return f"เป้าหมาย {format_number(analysis.target, None, digits=digits)} คะแนน"


def overall_chart(analysis: Analysis, *, digits: Digits = "thai") -> BarChart:
    """The overall score, last year beside this year."""
    overall = analysis.overall
    return BarChart(
        title="คะแนนภาพรวม",
        categories=("ภาพรวม",),
        series=_two_years(analysis, (overall.previous,), (overall.score,), digits),
        digits=digits,
    )


def instruments_chart(analysis: Analysis, *, digits: Digits = "thai") -> BarChart:
    """The instrument parts as the NACC prints them (IIT, EIT ส่วนที่ ๑, EIT ส่วนที่ ๒, OIT).

    An instrument without part scores shows its own (Analysis.shown_parts).
    """
    labels, names, previous, current = [], [], [], []
    for part in analysis.shown_parts():
        whole = part.code == part.instrument  # an instrument without parts
        labels.append(part.code if whole else part_label(part.code, part.name, part.label, digits))
        names.append(part.name)
        previous.append(part.previous)
        current.append(part.score)
    return BarChart(
        title="คะแนนรายแบบวัด",
        categories=tuple(labels),
        category_names=tuple(names),
        series=_two_years(analysis, tuple(previous), tuple(current), digits),
        digits=digits,
    )


def indicators_chart(analysis: Analysis, *, digits: Digits = "thai") -> BarChart:
    """Every indicator, numbered under its bars, with the target line (85)."""
    rows = analysis.indicators
    return BarChart(
        title="คะแนนรายตัวชี้วัด",
        categories=tuple(apply_digits(str(row.number), digits) for row in rows),
        category_names=tuple(
            f"{apply_digits(str(row.number), digits)}. {row.name}" for row in rows
        ),
        series=_two_years(
            analysis,
            tuple(row.previous for row in rows),
            tuple(row.score for row in rows),
            digits,
        ),
        target=analysis.target,
        target_label=_target_label(analysis, digits),
        digits=digits,
    )


def analysis_charts(analysis: Analysis, *, digits: Digits = "thai") -> tuple[BarChart, ...]:
    """The three charts of the analysis, in the order the page and the report show them."""
    return (
        overall_chart(analysis, digits=digits),
        instruments_chart(analysis, digits=digits),
        indicators_chart(analysis, digits=digits),
    )
