"""Criteria of one fiscal year: instruments, indicators, items, weights and the level scale."""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

InstrumentCode = Literal["IIT", "EIT", "OIT"]


@dataclass(frozen=True)
class Part:
    """A separately scored part of an instrument (EIT ส่วนที่ ๑ / ๒); code is IIT, EIT1, EIT2, OIT."""

    code: str
    name: str
    short_name: str = ""


@dataclass(frozen=True)
class Instrument:
    code: InstrumentCode
    name: str
    weight: Decimal
    parts: tuple[Part, ...] = ()

    def part_codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.parts) or (self.code,)


@dataclass(frozen=True)
class Indicator:
    number: int
    name: str
    instrument: InstrumentCode


@dataclass(frozen=True)
class SubIndicator:
    code: str
    name: str
    indicator: int


@dataclass(frozen=True)
class Item:
    code: str
    indicator: int
    text: str
    sub_indicator: str = ""
    provisional: bool = False


@dataclass(frozen=True)
class LevelRule:
    """First rule, in file order, whose thresholds the scores reach gives the level."""

    name: str
    min_total: Decimal
    min_each_instrument: Decimal = Decimal(0)
    passed: bool = False


@dataclass(frozen=True)
class Criteria:
    year: int
    title: str
    instruments: tuple[Instrument, ...]
    indicators: tuple[Indicator, ...]
    items: tuple[Item, ...]
    levels: tuple[LevelRule, ...]
    sub_indicators: tuple[SubIndicator, ...] = ()
    target: Decimal = Decimal(85)
    provisional: bool = False
    sources: str = ""
    notes: str = ""
    _by_code: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        problems = validate(self)
        if problems:
            raise ValueError("; ".join(problems))
        self._by_code.update({item.code.lower(): item for item in self.items})

    def instrument(self, code: str) -> Instrument:
        return next(i for i in self.instruments if i.code == code)

    def indicator(self, number: int) -> Indicator:
        return next(i for i in self.indicators if i.number == number)

    def indicators_of(self, instrument: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.instrument == instrument)

    def items_of(self, indicator: int) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.indicator == indicator)

    def item(self, code: str) -> Item | None:
        return self._by_code.get(code.strip().lower())

    def part_codes(self) -> tuple[str, ...]:
        return tuple(code for inst in self.instruments for code in inst.part_codes())

    def instrument_of_part(self, part_code: str) -> Instrument:
        return next(i for i in self.instruments if part_code in i.part_codes())

    def level_of(self, total: Decimal, instrument_scores: dict[str, Decimal]) -> LevelRule:
        lowest = min(instrument_scores.values()) if instrument_scores else total
        for rule in self.levels:
            if total >= rule.min_total and lowest >= rule.min_each_instrument:
                return rule
        return self.levels[-1]


def validate(criteria: Criteria) -> list[str]:
    """Consistency problems (English, for the definitions' author); an empty list is good."""
    problems = []
    numbers = [i.number for i in criteria.indicators]
    if len(set(numbers)) != len(numbers):
        problems.append("indicator numbers repeat")
    codes = {inst.code for inst in criteria.instruments}
    for ind in criteria.indicators:
        if ind.instrument not in codes:
            problems.append(f"indicator {ind.number} names unknown instrument {ind.instrument}")
    seen = set()
    subs = {s.code for s in criteria.sub_indicators}
    for item in criteria.items:
        key = item.code.lower()
        if key in seen:
            problems.append(f"item {item.code} repeats")
        seen.add(key)
        if item.indicator not in numbers:
            problems.append(f"item {item.code} names unknown indicator {item.indicator}")
        if item.sub_indicator and item.sub_indicator not in subs:
            problems.append(f"item {item.code} names unknown sub-indicator {item.sub_indicator}")
    weights = sum((i.weight for i in criteria.instruments), Decimal(0))
    if criteria.instruments and weights != 100:
        problems.append(f"instrument weights add up to {weights}, not 100")
    if not criteria.levels or criteria.levels[-1].min_total != 0:
        problems.append("the last level rule must start at 0 so every score has a level")
    return problems
