"""Building a plan quickly: from the analysis, from last year's plan; progress carried forward."""

from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal

from sqlite_utils import Database

from ita_desktop.domain.records import STATUSES, Measure, Period, Plan, Progress
from ita_desktop.errors import UserError
from ita_desktop.i18n.thai import BE_OFFSET, format_year
from ita_desktop.services import plans
from ita_desktop.services.criteria import criteria_for_year
from ita_desktop.services.offices import get_office
from ita_desktop.services.results import find_assessment
from ita_desktop.services.summary import analyse_year
from ita_desktop.storage import plans as plan_store

_EDITABLE = {f.name for f in fields(Measure)} - {"id", "position"}


@dataclass(frozen=True)
class IndicatorInfo:
    number: int
    name: str
    instrument: str
    score: Decimal | None = None
    below: bool = False


@dataclass(frozen=True)
class ItemInfo:
    code: str
    indicator: int
    text: str
    score: Decimal | None = None
    below: bool = False


@dataclass(frozen=True)
class PlanContext:
    """What the plan pages show besides the plan: the units, and the source year's figures."""

    office_id: int
    year: int
    source_year: int
    plan: Plan | None
    units: tuple[str, ...] = ()
    indicators: tuple[IndicatorInfo, ...] = ()
    items: tuple[ItemInfo, ...] = ()
    has_source_results: bool = False
    year_has_results: bool = False
    previous_plan_size: int = 0
    next_plan_exists: bool = False

    def indicator(self, number: int | None) -> IndicatorInfo | None:
        return next((i for i in self.indicators if i.number == number), None)

    def item(self, code: str) -> ItemInfo | None:
        key = code.strip().lower()
        return next((i for i in self.items if i.code.lower() == key), None)


@dataclass(frozen=True)
class Regrouped:
    """What moving a measure to another indicator changed, for undo."""

    measure: Measure
    position: int


def plan_context(db: Database, *, office_id: int, year: int) -> PlanContext:
    """The plan of ``year`` (None if not started) with the figures of its source year."""
    plan = plans.find_plan(db, office_id, year)
    source_year = (plan.source_year if plan else None) or year - 1
    units = tuple(u.name for u in get_office(db, office_id).units)
    previous = plans.find_plan(db, office_id, year - 1)
    base = {
        "office_id": office_id,
        "year": year,
        "source_year": source_year,
        "plan": plan,
        "units": units,
        "previous_plan_size": len(previous.measures) if previous else 0,
        "next_plan_exists": plans.find_plan(db, office_id, year + 1) is not None,
        "year_has_results": find_assessment(db, office_id, year) is not None,
    }
    try:
        found = analyse_year(db, office_id=office_id, year=source_year)
    except UserError:
        found = None
    if found is None:
        criteria = None
        for candidate in (source_year, year):
            try:
                criteria = criteria_for_year(db, candidate)
                break
            except UserError:
                continue
        if criteria is None:
            return PlanContext(**base)
        indicators = tuple(
            IndicatorInfo(i.number, i.name, i.instrument) for i in criteria.indicators
        )
        items = tuple(ItemInfo(i.code, i.indicator, i.text) for i in criteria.items)
        return PlanContext(**base, indicators=indicators, items=items)
    analysis, target = found.analysis, found.analysis.target
    names = {i.number: i for i in found.criteria.indicators}
    indicators = tuple(
        IndicatorInfo(
            row.number,
            row.name,
            names[row.number].instrument if row.number in names else row.instrument,
            row.score,
            row.score is not None and row.score < target,
        )
        for row in analysis.indicators
    )
    items = tuple(
        ItemInfo(
            row.code,
            row.indicator,
            row.text,
            row.score,
            row.score is not None and row.score < target,
        )
        for row in analysis.items
    )
    return PlanContext(**base, indicators=indicators, items=items, has_source_results=True)


def fiscal_year_months(plan_year: int) -> Period:
    """The whole fiscal year as a month range: 2569 → October 2025 to September 2026."""
    gregorian = plan_year - BE_OFFSET
    return Period("months", f"{gregorian - 1}-10", f"{gregorian}-09")


def plan_from_analysis(db: Database, *, office_id: int, plan_year: int) -> list[int]:
    """One measure per item below target in the source year, grouped by indicator.

    The item's text becomes the issue and the item is linked; items a measure of the plan
    already answers are skipped. Returns the new measures' ids (in plan order) for undo.
    """
    source_year = plan_year - 1
    analysis = analyse_year(db, office_id=office_id, year=source_year).analysis
    order = {item.code: n for n, item in enumerate(analysis.items)}
    weak = sorted(
        (item for group in analysis.below_target for item in group.items),
        key=lambda item: (item.indicator, order.get(item.code, 0)),
    )
    if not weak:
        raise UserError(
            f"ผลการประเมินปี {format_year(source_year)} ไม่มีข้อที่ได้คะแนนต่ำกว่าเป้าหมาย "
            "กรุณาเพิ่มมาตรการเอง หรือเลือกจากคลังมาตรการ"
        )
    with db.atomic():
        plan_id = plans.start_plan(db, office_id=office_id, year=plan_year, source_year=source_year)
        plan = plans.get_plan(db, plan_id)
        covered = {code.lower() for m in plan.measures for code in m.items}
        fresh = [item for item in weak if item.code.lower() not in covered]
        if not fresh:
            raise UserError("ทุกข้อที่ได้คะแนนต่ำกว่าเป้าหมายมีมาตรการในแผนนี้แล้ว")
        period = fiscal_year_months(plan_year)
        return [
            plans.add_measure(
                db,
                plan_id=plan_id,
                measure=Measure(
                    measure="",
                    issue=item.text,
                    period=period,
                    indicator=item.indicator,
                    indicators=[item.indicator],
                    items=[item.code],
                ),
            )
            for item in fresh
        ]


def _shift_period(period: Period, years: int) -> Period:
    """The same months or dates ``years`` later (29 February becomes the 28th if need be)."""
    if not years or period.kind not in ("months", "dates"):
        return period

    def shift(text: str) -> str:
        if not text:
            return text
        if period.kind == "months":
            year, month = text.split("-")
            return f"{int(year) + years:04d}-{month}"
        day = date.fromisoformat(text)
        try:
            return day.replace(year=day.year + years).isoformat()
        except ValueError:
            return day.replace(year=day.year + years, day=28).isoformat()

    return replace(period, start=shift(period.start), end=shift(period.end))


def copy_measures(
    db: Database, *, from_plan_id: int, to_plan_id: int, measure_ids: list[int]
) -> list[int]:
    """Copy the chosen measures (without progress) to the end of another plan, in their order.

    Their periods move by the difference of the plans' years. Returns the new ids.
    """
    with db.atomic():
        source = plans.get_plan(db, from_plan_id)
        target = plans.get_plan(db, to_plan_id)
        chosen = set(measure_ids)
        years = target.year - source.year
        return [
            plans.add_measure(
                db,
                plan_id=to_plan_id,
                measure=replace(m, id=None, period=_shift_period(m.period, years)),
            )
            for m in source.measures
            if m.id in chosen
        ]


def copy_from_previous(
    db: Database, *, office_id: int, plan_year: int, measure_ids: list[int]
) -> list[int]:
    """Copy measures of last year's plan into this year's (started if need be)."""
    previous = plans.find_plan(db, office_id, plan_year - 1)
    if previous is None:
        raise UserError(f"ยังไม่มีแผนมาตรการของปีงบประมาณ พ.ศ. {format_year(plan_year - 1)}")
    with db.atomic():
        plan_id = plans.start_plan(db, office_id=office_id, year=plan_year)
        return copy_measures(
            db, from_plan_id=previous.id, to_plan_id=plan_id, measure_ids=measure_ids
        )


def add_to_plan(
    db: Database, *, office_id: int, plan_year: int, measure: Measure, position: int | None = None
) -> int:
    """Add one measure to the plan of ``plan_year``, starting the plan if it has none yet."""
    with db.atomic():
        plan_id = plans.start_plan(db, office_id=office_id, year=plan_year)
        return plans.add_measure(db, plan_id=plan_id, measure=measure, position=position)


def remove_measures(db: Database, *, measure_ids: list[int]) -> list[plans.RemovedMeasure]:
    """Undo of adding measures: remove them; ``restore_measures`` puts the same ones back."""
    with db.atomic():
        # Last first, so that each keeps the position it had before any of them went.
        positions = {}
        for measure_id in measure_ids:
            measure = plan_store.load_measure(db, measure_id)
            if measure is None:
                raise UserError("ไม่พบมาตรการนี้ (อาจถูกลบไปแล้ว)")
            positions[measure_id] = measure.position
        ordered = sorted(measure_ids, key=positions.__getitem__, reverse=True)
        removed = {mid: plans.remove_measure(db, measure_id=mid) for mid in ordered}
    return [removed[mid] for mid in measure_ids]


def restore_measures(db: Database, *, removed: list[plans.RemovedMeasure]) -> list[int]:
    """Put removed measures back with their ids, positions and progress."""
    with db.atomic():
        # In ascending position each goes back exactly where it was.
        ordered = sorted(removed, key=lambda r: r.measure.position)
        restored = {id(r): plans.restore_measure(db, removed=r) for r in ordered}
    return [restored[id(r)] for r in removed]


def edit_measure(db: Database, *, measure_id: int, **changes) -> Measure:
    """Change some fields of a measure; returns the whole measure as it was, for undo."""
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise ValueError(f"not measure fields: {sorted(unknown)}")
    with db.atomic():
        current = plan_store.load_measure(db, measure_id)
        if current is None:
            raise UserError("ไม่พบมาตรการนี้ (อาจถูกลบไปแล้ว)")
        return plans.update_measure(db, measure=replace(current, **changes))


def regroup_measure(
    db: Database, *, measure_id: int, indicator: int | None, position: int
) -> Regrouped:
    """Move a measure to ``indicator``'s group at plan ``position``; returns what undo needs."""
    with db.atomic():
        current = plan_store.load_measure(db, measure_id)
        if current is None:
            raise UserError("ไม่พบมาตรการนี้ (อาจถูกลบไปแล้ว)")
        # The measure now answers the new indicator instead of its old group's.
        swapped = [indicator if n == current.indicator else n for n in current.indicators]
        if indicator is not None:
            swapped.append(indicator)
        linked = list(dict.fromkeys(n for n in swapped if n is not None))
        old = plans.update_measure(
            db, measure=replace(current, indicator=indicator, indicators=linked)
        )
        old_position = plans.move_measure(db, measure_id=measure_id, position=position)
    return Regrouped(old, old_position)


def undo_regroup(db: Database, *, regrouped: Regrouped) -> None:
    with db.atomic():
        plans.update_measure(db, measure=regrouped.measure)
        plans.move_measure(db, measure_id=regrouped.measure.id, position=regrouped.position)


def progress_twelve_from_six(db: Database, *, plan_id: int) -> list[int]:
    """Start each absent twelve-month entry from the six-month one; returns the measures filled."""
    with db.atomic():
        six = plans.progress_of(db, plan_id, 6)
        twelve = plans.progress_of(db, plan_id, 12)
        filled = []
        for measure in plans.get_plan(db, plan_id).measures:
            source = six.get(measure.id)
            if source is None or measure.id in twelve:
                continue
            plans.set_progress(db, progress=replace(source, round=12, results=list(source.results)))
            filled.append(measure.id)
    return filled


def clear_twelve(db: Database, *, measure_ids: list[int]) -> None:
    """Undo of progress_twelve_from_six."""
    with db.atomic():
        for measure_id in measure_ids:
            plans.clear_progress(db, measure_id=measure_id, round_months=12)


def restore_progress(db: Database, *, measure_id: int, round_months: int, old: Progress | None):
    """Undo of set_progress: what was there before, or nothing."""
    if old is None:
        plans.clear_progress(db, measure_id=measure_id, round_months=round_months)
    else:
        plans.set_progress(db, progress=old)


def progress_counts(db: Database, plan_id: int, round_months: int) -> dict[str, int]:
    """Measures per status in one round (a measure without an entry is ยังไม่ดำเนินการ)."""
    entries = plans.progress_of(db, plan_id, round_months)
    counts = dict.fromkeys(STATUSES, 0)
    for measure in plans.get_plan(db, plan_id).measures:
        entry = entries.get(measure.id)
        counts[entry.status if entry else STATUSES[2]] += 1
    return counts
