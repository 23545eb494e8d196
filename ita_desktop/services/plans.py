"""Measures plan and progress use cases: plans, measures (add, edit, remove, move), progress."""

import re
from dataclasses import dataclass, replace
from datetime import date

from sqlite_utils import Database

from ita_desktop.domain.records import ROUNDS, STATUSES, Measure, Plan, Progress
from ita_desktop.errors import UserError
from ita_desktop.storage import plans as store

MAX_TEXT = 20_000
MAX_LIST = 100
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class RemovedMeasure:
    """What removing a measure took away, so that undo can put it back where it was."""

    plan_id: int
    measure: Measure
    progress: list[Progress]


def start_plan(db: Database, *, office_id: int, year: int, source_year: int | None = None) -> int:
    existing = store.find_plan_id(db, office_id, year)
    if existing is not None:
        return existing
    with db.atomic():
        return store.insert_plan(
            db, Plan(office_id=office_id, year=year, source_year=source_year or year - 1)
        )


def find_plan(db: Database, office_id: int, year: int) -> Plan | None:
    plan_id = store.find_plan_id(db, office_id, year)
    return None if plan_id is None else store.load_plan(db, plan_id)


def get_plan(db: Database, plan_id: int) -> Plan:
    plan = store.load_plan(db, plan_id)
    if plan is None:
        raise UserError("ไม่พบแผนมาตรการนี้ในไฟล์ข้อมูล")
    return plan


def update_plan(db: Database, *, plan_id: int, **fields) -> dict:
    """Change intro, meeting date or source year; returns the old values for undo."""
    if len(fields.get("intro", "")) > MAX_TEXT:
        raise UserError("ข้อความยาวเกินไป (ไม่เกิน ๒๐,๐๐๐ ตัวอักษร)")
    with db.atomic():
        plan = get_plan(db, plan_id)
        old = {name: getattr(plan, name) for name in fields}
        store.update_plan(db, plan_id, **fields)
    return old


def check_measure(measure: Measure) -> None:
    """UserError in Thai for a measure that cannot be saved as it is."""
    texts = [
        measure.issue,
        measure.measure,
        measure.analysis,
        measure.follow_up,
        measure.expected_result,
        measure.period.text,
        *measure.steps,
        *measure.responsible,
    ]
    if any(len(t) > MAX_TEXT for t in texts):
        raise UserError("ข้อความยาวเกินไป (ไม่เกิน ๒๐,๐๐๐ ตัวอักษร)")
    if len(measure.steps) > MAX_LIST or len(measure.responsible) > MAX_LIST:
        raise UserError("ขั้นตอนหรือผู้รับผิดชอบมีมากเกินไป (ไม่เกิน ๑๐๐ รายการ)")
    period = measure.period
    if period.kind == "months":
        if not (_MONTH.match(period.start) and _MONTH.match(period.end)):
            raise UserError("กรุณาเลือกเดือนเริ่มต้นและเดือนสิ้นสุดของระยะเวลาดำเนินการ")
        if period.end < period.start:
            raise UserError("เดือนสิ้นสุดต้องไม่ก่อนเดือนเริ่มต้น")
    elif period.kind == "dates":
        try:
            start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)
        except ValueError:
            raise UserError("กรุณาเลือกวันเริ่มต้นและวันสิ้นสุดของระยะเวลาดำเนินการ") from None
        if end < start:
            raise UserError("วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น")
    elif period.kind not in ("text", ""):
        raise ValueError(f"unknown period kind {period.kind!r}")


def add_measure(
    db: Database, *, plan_id: int, measure: Measure, position: int | None = None
) -> int:
    check_measure(measure)
    with db.atomic():
        return store.insert_measure(db, plan_id, measure, position)


def update_measure(db: Database, *, measure: Measure) -> Measure:
    """Save every field of ``measure``; returns the measure as it was, for undo."""
    check_measure(measure)
    with db.atomic():
        old = store.load_measure(db, measure.id)
        if old is None:
            raise UserError("ไม่พบมาตรการนี้ (อาจถูกลบไปแล้ว)")
        store.update_measure(db, measure)
    return old


def remove_measure(db: Database, *, measure_id: int) -> RemovedMeasure:
    with db.atomic():
        measure = store.load_measure(db, measure_id)
        if measure is None:
            raise UserError("ไม่พบมาตรการนี้ (อาจถูกลบไปแล้ว)")
        plan_id = next(db.query("SELECT plan_id FROM measure WHERE id = ?", [measure_id]))[
            "plan_id"
        ]
        progress = [
            p for r in ROUNDS for p in [store.load_progress(db, plan_id, r).get(measure_id)] if p
        ]
        store.delete_measure(db, measure_id)
    return RemovedMeasure(plan_id, measure, progress)


def restore_measure(db: Database, *, removed: RemovedMeasure) -> int:
    """Undo of remove_measure: the same measure, id, position and progress."""
    with db.atomic():
        measure_id = store.insert_measure(
            db, removed.plan_id, removed.measure, removed.measure.position
        )
        for p in removed.progress:
            store.set_progress(db, replace(p, measure_id=measure_id))
    return measure_id


def move_measure(db: Database, *, measure_id: int, position: int) -> int:
    """Move to ``position`` in the plan's order; returns the old position for undo."""
    with db.atomic():
        measure = store.load_measure(db, measure_id)
        store.move_measure(db, measure_id, position)
    return measure.position


def check_progress(progress: Progress) -> None:
    if progress.round not in ROUNDS:
        raise UserError("รอบการรายงานต้องเป็น ๖ เดือน หรือ ๑๒ เดือน")
    if progress.status not in STATUSES:
        raise UserError(f"สถานะต้องเป็นหนึ่งใน: {' / '.join(STATUSES)}")
    texts = [progress.outcome, progress.remark, *progress.results]
    if any(len(t) > MAX_TEXT for t in texts) or len(progress.results) > MAX_LIST:
        raise UserError("ข้อความผลการดำเนินการยาวเกินไป")


def set_progress(db: Database, *, progress: Progress) -> Progress | None:
    """Save a measure's progress in one round; returns what was there before (None if nothing)."""
    check_progress(progress)
    with db.atomic():
        plan_id = next(db.query("SELECT plan_id FROM measure WHERE id = ?", [progress.measure_id]))[
            "plan_id"
        ]
        old = store.load_progress(db, plan_id, progress.round).get(progress.measure_id)
        store.set_progress(db, progress)
    return old


def clear_progress(db: Database, *, measure_id: int, round_months: int) -> None:
    with db.atomic():
        store.delete_progress(db, measure_id, round_months)


def progress_of(db: Database, plan_id: int, round_months: int) -> dict[int, Progress]:
    return store.load_progress(db, plan_id, round_months)
