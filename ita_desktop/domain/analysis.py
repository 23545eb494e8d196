"""One year's ITA results against the year before: differences, ranks, levels and weak points."""

import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from ita_desktop.domain.criteria import Criteria, Instrument, LevelRule
from ita_desktop.domain.records import Assessment
from ita_desktop.domain.scores import round2
from ita_desktop.i18n.thai import Digits, apply_digits, format_number

K = TypeVar("K", bound=Hashable)
Lookup = Callable[[str, str], Decimal | None]

# Entered and computed figures are both rounded to two decimals; more than one unit in the last
# place apart means a typing slip rather than rounding.
TOLERANCE = Decimal("0.01")


@dataclass(frozen=True)
class PartRow:
    """A row of the instruments table: IIT, EIT ส่วนที่ ๑, EIT ส่วนที่ ๒, OIT (or EIT in older years)."""

    code: str
    name: str
    label: str
    instrument: str
    previous: Decimal | None
    score: Decimal | None
    diff: Decimal | None


@dataclass(frozen=True)
class InstrumentRow:
    """An instrument's score: mean of its parts, else of its indicators (rounded for display)."""

    code: str
    name: str
    weight: Decimal
    previous: Decimal | None
    score: Decimal | None
    diff: Decimal | None


@dataclass(frozen=True)
class IndicatorRow:
    number: int
    name: str
    instrument: str
    previous: Decimal | None
    score: Decimal | None
    diff: Decimal | None
    rank: int | None


@dataclass(frozen=True)
class ItemRow:
    code: str
    indicator: int
    instrument: str
    text: str
    score: Decimal | None
    previous: Decimal | None


@dataclass(frozen=True)
class BelowTarget:
    """Items of one instrument under the target: 'IIT ๓๐ ข้อ มีจำนวน ๑๔ ข้อ ที่ได้คะแนนน้อยกว่า…'."""

    instrument: str
    total: int
    items: tuple[ItemRow, ...]

    @property
    def count(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class Overall:
    score: Decimal | None
    entered: Decimal | None
    computed: Decimal | None
    previous: Decimal | None
    diff: Decimal | None
    level: str | None
    previous_level: str | None
    passed: bool | None

    @property
    def level_changed(self) -> bool | None:
        known = self.level is not None and self.previous_level is not None
        return self.level != self.previous_level if known else None


@dataclass(frozen=True)
class Analysis:
    year: int
    previous_year: int
    target: Decimal
    overall: Overall
    parts: tuple[PartRow, ...]
    instruments: tuple[InstrumentRow, ...]
    indicators: tuple[IndicatorRow, ...]
    items: tuple[ItemRow, ...]
    highest: tuple[int, ...]
    lowest: tuple[int, ...]
    up: tuple[int, ...]
    down: tuple[int, ...]
    unchanged: tuple[int, ...]
    not_compared: tuple[int, ...]
    below_target: tuple[BelowTarget, ...]
    below_target_indicators: tuple[int, ...]
    unknown_items: tuple[str, ...]
    warnings: tuple[str, ...]

    def indicator(self, number: int) -> IndicatorRow | None:
        return next((row for row in self.indicators if row.number == number), None)

    def instrument(self, code: str) -> InstrumentRow | None:
        return next((row for row in self.instruments if row.code == code), None)

    def below_target_of(self, instrument: str) -> BelowTarget | None:
        return next((b for b in self.below_target if b.instrument == instrument), None)

    def shown_parts(self) -> tuple[PartRow, ...]:
        """The instrument parts as tables and charts show them: an instrument none of whose
        parts has a score this year, but which has a score of its own (computed from its
        indicators: ๒๕๖๔ files hold only indicators), is one row with the instrument's figures."""
        rows: list[PartRow] = []
        for inst in self.instruments:
            parts = [p for p in self.parts if p.instrument == inst.code]
            if inst.score is not None and all(p.score is None for p in parts):
                rows.append(
                    PartRow(
                        inst.code,
                        inst.name,
                        inst.code,
                        inst.code,
                        inst.previous,
                        inst.score,
                        inst.diff,
                    )
                )
            else:
                rows += parts
        return tuple(rows)

    def items_of(self, indicator: int) -> tuple[ItemRow, ...]:
        return tuple(item for item in self.items if item.indicator == indicator)

    @property
    def ranking(self) -> tuple[IndicatorRow, ...]:
        """Ranked indicators, best first; ties keep indicator order (the seeds' อันดับ table)."""
        ranked = (row for row in self.indicators if row.rank is not None)
        return tuple(sorted(ranked, key=lambda row: (row.rank, row.number)))

    @property
    def has_previous(self) -> bool:
        return self.overall.previous is not None or any(
            row.previous is not None for row in (*self.indicators, *self.parts)
        )


def compress_numbers(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive runs as (first, last): [2, 3, 4, 6, 7, 8] → [(2, 4), (6, 8)]; [5] → [(5, 5)]."""
    runs: list[tuple[int, int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def rank_scores(scores: Mapping[K, Decimal]) -> dict[K, int]:
    """Competition ranking, highest first: ties share a rank and the next rank skips (1, 1, 3)."""
    values = list(scores.values())
    return {key: 1 + sum(other > value for other in values) for key, value in scores.items()}


def difference(score: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """This year minus last year, two decimals half up; None when either is missing."""
    return None if score is None or previous is None else round2(score - previous)


def analyse(
    criteria: Criteria,
    current: Assessment,
    previous: Assessment | None = None,
    previous_criteria: Criteria | None = None,
    *,
    digits: Digits = "thai",
) -> Analysis:
    """Everything the reports compute; never raises on missing figures (they give warnings).

    Last year's figures come from ``previous`` when the file holds that year, else from what the
    clerk typed as last year's scores in ``current``; ``digits`` applies to the warnings' numbers.
    """
    warnings = _Warnings(digits)
    previous_criteria = previous_criteria or criteria
    previous_year = previous.year if previous is not None else current.year - 1
    if current.criteria_year != criteria.year:
        warnings.add(
            f"ผลการประเมินปี {current.year} ระบุเกณฑ์ปี {current.criteria_year} "
            f"แต่วิเคราะห์ด้วยเกณฑ์ปี {criteria.year}"
        )

    now: Lookup = current.value

    def before(scope: str, key: str) -> Decimal | None:
        value = previous.value(scope, key) if previous is not None else None
        return value if value is not None else current.typed_previous(scope, key)

    now_inst = _instrument_scores(criteria, now, warnings)
    before_inst = _instrument_scores(previous_criteria, before, None)
    overall = _overall(criteria, previous_criteria, now, before, now_inst, before_inst, warnings)
    indicators = _indicator_rows(criteria, current, now, before, warnings, previous_year)
    items, unknown = _item_rows(criteria, current, now, before, warnings)
    target = criteria.target
    scored = [row.score for row in indicators if row.score is not None]
    best, worst = (max(scored), min(scored)) if scored else (None, None)

    def numbers(keep: Callable[[IndicatorRow], bool]) -> tuple[int, ...]:
        return tuple(row.number for row in indicators if keep(row))

    return Analysis(
        year=current.year,
        previous_year=previous_year,
        target=target,
        overall=overall,
        parts=_part_rows(criteria, now, before),
        instruments=tuple(_instrument_row(i, now_inst, before_inst) for i in criteria.instruments),
        indicators=indicators,
        items=items,
        highest=numbers(lambda row: row.score is not None and row.score == best),
        lowest=numbers(lambda row: row.score is not None and row.score == worst),
        up=numbers(lambda row: row.diff is not None and row.diff > 0),
        down=numbers(lambda row: row.diff is not None and row.diff < 0),
        unchanged=numbers(lambda row: row.diff is not None and row.diff == 0),
        not_compared=numbers(lambda row: row.diff is None),
        below_target=tuple(_below_target(inst, items, target) for inst in criteria.instruments),
        below_target_indicators=numbers(lambda row: row.score is not None and row.score < target),
        unknown_items=unknown,
        warnings=tuple(warnings),
    )


class _Warnings(list[str]):
    """Thai warnings without repeats; written with Arabic digits, shown in the chosen ones."""

    def __init__(self, digits: Digits):
        super().__init__()
        self.digits = digits

    def add(self, text: str) -> None:
        text = apply_digits(text, self.digits)
        if text not in self:
            self.append(text)


def _mean(values: list[Decimal | None]) -> Decimal | None:
    complete = values and all(v is not None for v in values)
    return sum(values, Decimal(0)) / len(values) if complete else None


def _rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else round2(value)


def _instrument_scores(
    criteria: Criteria, get: Lookup, warnings: _Warnings | None
) -> dict[str, Decimal]:
    """Unrounded instrument scores (the reference: 93.9625 → 93.96 needs the EIT mean unrounded)."""
    scores = {}
    for inst in criteria.instruments:
        parts = [get("part", code) for code in inst.part_codes()]
        from_parts = _mean(parts)
        if from_parts is None and inst.code not in inst.part_codes():
            # An instrument total typed for a year whose parts the file splits (EIT vs EIT1/EIT2).
            from_parts = get("part", inst.code)
        from_indicators = _mean(
            [get("indicator", str(ind.number)) for ind in criteria.indicators_of(inst.code)]
        )
        score = from_parts if from_parts is not None else from_indicators
        if score is not None:
            scores[inst.code] = score
        if warnings is None:
            continue  # last year's figures are shown as they were typed, not cross-checked
        labels = [part.short_name or part.code for part in inst.parts] or [inst.code]
        missing = [label for label, value in zip(labels, parts, strict=True) if value is None]
        if missing and len(missing) < len(parts):
            warnings.add(f"ยังไม่มีคะแนน {' '.join(missing)}")
        if score is None:
            warnings.add(
                f"คำนวณคะแนนแบบวัด {inst.code} ไม่ได้ เพราะยังไม่มีคะแนนแบบวัดหรือคะแนนตัวชี้วัดครบทุกตัว"
            )
        elif from_parts is not None and from_indicators is not None:
            by_parts, by_indicators = round2(from_parts), round2(from_indicators)
            if abs(by_parts - by_indicators) > TOLERANCE:
                warnings.add(
                    f"คะแนนแบบวัด {inst.code} ({_number(by_parts)}) ไม่ตรงกับค่าเฉลี่ยของ"
                    f"ตัวชี้วัด ({_number(by_indicators)}) โปรดตรวจสอบตัวเลขที่กรอก"
                )
    return scores


def _number(value: Decimal) -> str:
    # Warnings are written with Arabic digits; _Warnings.add maps them to the chosen ones.
    return format_number(value, digits="arabic")


def _instrument_row(
    inst: Instrument, now: dict[str, Decimal], before: dict[str, Decimal]
) -> InstrumentRow:
    score, previous = _rounded(now.get(inst.code)), _rounded(before.get(inst.code))
    diff = difference(score, previous)
    return InstrumentRow(inst.code, inst.name, inst.weight, previous, score, diff)


def _weighted_total(criteria: Criteria, instruments: dict[str, Decimal]) -> Decimal | None:
    if not criteria.instruments or any(i.code not in instruments for i in criteria.instruments):
        return None
    total = sum((i.weight * instruments[i.code] for i in criteria.instruments), Decimal(0))
    return round2(total / 100)


def _level(criteria: Criteria, total: Decimal | None, inst: dict[str, Decimal]) -> LevelRule | None:
    if total is None:
        return None
    # Levels compare the printed (two-decimal) figures, as the NACC's tables show them.
    return criteria.level_of(total, {code: round2(value) for code, value in inst.items()})


def _overall(
    criteria: Criteria,
    previous_criteria: Criteria,
    now: Lookup,
    before: Lookup,
    now_instruments: dict[str, Decimal],
    before_instruments: dict[str, Decimal],
    warnings: _Warnings,
) -> Overall:
    entered = now("overall", "")
    computed = _weighted_total(criteria, now_instruments)
    if entered is not None and computed is not None and abs(entered - computed) > TOLERANCE:
        weights = " ".join(
            f"{i.code} ร้อยละ {format_number(i.weight, None, digits='arabic')}"
            for i in criteria.instruments
        )
        warnings.add(
            f"คะแนนภาพรวมที่กรอก ({_number(entered)}) ไม่ตรงกับที่คำนวณจากน้ำหนักของแบบวัด "
            f"({weights}) ซึ่งได้ {_number(computed)} โปรดตรวจสอบ"
        )
    score = entered if entered is not None else computed
    if score is None:
        warnings.add("ยังไม่มีคะแนนภาพรวม และคำนวณจากคะแนนแบบวัดไม่ได้")
    previous = before("overall", "")
    if previous is None:
        previous = _weighted_total(previous_criteria, before_instruments)
    level = _level(criteria, score, now_instruments)
    previous_level = _level(previous_criteria, previous, before_instruments)
    names = (level.name if level else None, previous_level.name if previous_level else None)
    diff, passed = difference(score, previous), level.passed if level else None
    return Overall(score, entered, computed, previous, diff, *names, passed)


def _part_rows(criteria: Criteria, now: Lookup, before: Lookup) -> tuple[PartRow, ...]:
    rows = []
    for inst in criteria.instruments:
        named = [(p.code, p.name, p.short_name or p.code) for p in inst.parts]
        for code, name, label in named or [(inst.code, inst.name, inst.code)]:
            score, previous = now("part", code), before("part", code)
            diff = difference(score, previous)
            rows.append(PartRow(code, name, label, inst.code, previous, score, diff))
    return tuple(rows)


def _indicator_rows(
    criteria: Criteria,
    current: Assessment,
    now: Lookup,
    before: Lookup,
    warnings: _Warnings,
    previous_year: int,
) -> tuple[IndicatorRow, ...]:
    known = {str(ind.number) for ind in criteria.indicators}
    entered = _entered_keys(current, "indicator")
    for key in sorted((k for k in entered if k not in known), key=_natural_key):
        warnings.add(f"มีคะแนนตัวชี้วัดที่ {key} ซึ่งไม่อยู่ในเกณฑ์ปี {criteria.year} จึงไม่นำมาวิเคราะห์")
    scores = {ind.number: now("indicator", str(ind.number)) for ind in criteria.indicators}
    ranks = rank_scores({n: s for n, s in scores.items() if s is not None})
    rows = []
    for ind in criteria.indicators:
        score, previous = scores[ind.number], before("indicator", str(ind.number))
        if score is None:
            warnings.add(f"ยังไม่มีคะแนนตัวชี้วัดที่ {ind.number} {ind.name}")
        diff, rank = difference(score, previous), ranks.get(ind.number)
        rows.append(IndicatorRow(ind.number, ind.name, ind.instrument, previous, score, diff, rank))
    without = [str(row.number) for row in rows if row.previous is None]
    if without and len(without) < len(rows):
        warnings.add(f"ยังไม่มีคะแนนปีงบประมาณ พ.ศ. {previous_year} ของตัวชี้วัดที่ {' '.join(without)}")
    return tuple(rows)


def _item_rows(
    criteria: Criteria, current: Assessment, now: Lookup, before: Lookup, warnings: _Warnings
) -> tuple[tuple[ItemRow, ...], tuple[str, ...]]:
    entered = _entered_keys(current, "item")
    # Codes match without regard to case: the NACC wrote I1 in some years and i1 in others.
    by_code = {key.strip().lower(): key for key in entered}
    rows = []
    for item in criteria.items:
        key = by_code.get(item.code.lower(), item.code)
        instrument = criteria.indicator(item.indicator).instrument
        score, previous = now("item", key), _first(before("item", key), before("item", item.code))
        rows.append(ItemRow(item.code, item.indicator, instrument, item.text, score, previous))
    unknown = tuple(sorted((k for k in entered if criteria.item(k) is None), key=_natural_key))
    if unknown:
        warnings.add(
            f"ข้อ {' '.join(unknown)} ไม่อยู่ในเกณฑ์ปี {criteria.year} จึงไม่นับรวมในจำนวนข้อที่ต่ำกว่าเป้าหมาย"
        )
    return tuple(rows), unknown


def _below_target(inst: Instrument, items: tuple[ItemRow, ...], target: Decimal) -> BelowTarget:
    scored = [item for item in items if item.instrument == inst.code and item.score is not None]
    below = tuple(item for item in scored if item.score < target)
    return BelowTarget(instrument=inst.code, total=len(scored), items=below)


def _entered_keys(current: Assessment, scope: str) -> list[str]:
    scores = current.scores.items()
    return [key for (s, key), score in scores if s == scope and score.value is not None]


def _first(*values: Decimal | None) -> Decimal | None:
    return next((v for v in values if v is not None), None)


def _natural_key(code: str) -> tuple:
    """'o2' before 'o10', as the criteria list items."""
    return tuple(int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", code))
