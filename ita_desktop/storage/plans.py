"""Plan rows: a plan per office and target year, its ordered measures, progress per round."""

import json
from datetime import date

from sqlite_utils import Database

from ita_desktop.domain.records import Measure, Period, Plan, Progress, Suggestion

_LIST_FIELDS = ("steps", "responsible", "indicators", "items")
_TEXT_FIELDS = ("issue", "measure", "analysis", "follow_up", "expected_result")


def insert_plan(db: Database, plan: Plan) -> int:
    return (
        db["plan"]
        .insert(
            {
                "office_id": plan.office_id,
                "year": plan.year,
                "source_year": plan.source_year,
                "meeting_date": plan.meeting_date.isoformat() if plan.meeting_date else None,
                "intro": plan.intro,
            }
        )
        .last_pk
    )


def update_plan(db: Database, plan_id: int, **fields) -> None:
    if "meeting_date" in fields and isinstance(fields["meeting_date"], date):
        fields["meeting_date"] = fields["meeting_date"].isoformat()
    unknown = set(fields) - {"source_year", "meeting_date", "intro"}
    if unknown:
        raise ValueError(f"not plan fields: {sorted(unknown)}")
    db["plan"].update(plan_id, fields)


def find_plan_id(db: Database, office_id: int, year: int) -> int | None:
    rows = list(db.query("SELECT id FROM plan WHERE office_id = ? AND year = ?", [office_id, year]))
    return rows[0]["id"] if rows else None


def plan_years(db: Database, office_id: int) -> list[int]:
    return [
        r["year"]
        for r in db.query("SELECT year FROM plan WHERE office_id = ? ORDER BY year", [office_id])
    ]


def measure_row(measure: Measure) -> dict:
    row = {f: getattr(measure, f) for f in _TEXT_FIELDS}
    row.update({f: json.dumps(getattr(measure, f), ensure_ascii=False) for f in _LIST_FIELDS})
    row.update(
        indicator=measure.indicator,
        period_kind=measure.period.kind,
        period_start=measure.period.start,
        period_end=measure.period.end,
        period_text=measure.period.text,
    )
    return row


def measure_from_row(row: dict) -> Measure:
    return Measure(
        **{f: row[f] for f in _TEXT_FIELDS},
        **{f: json.loads(row[f]) for f in _LIST_FIELDS},
        period=Period(
            row["period_kind"], row["period_start"], row["period_end"], row["period_text"]
        ),
        indicator=row["indicator"],
        id=row["id"],
        position=row["position"],
    )


def insert_measure(
    db: Database, plan_id: int, measure: Measure, position: int | None = None
) -> int:
    """Insert at ``position`` (shifting later measures down), or at the end."""
    count = db.execute("SELECT count(*) FROM measure WHERE plan_id = ?", [plan_id]).fetchone()[0]
    position = count if position is None else max(0, min(position, count))
    db.execute(
        "UPDATE measure SET position = position + 1 WHERE plan_id = ? AND position >= ?",
        [plan_id, position],
    )
    row = measure_row(measure) | {"plan_id": plan_id, "position": position}
    if measure.id is not None:
        row["id"] = measure.id
    return db["measure"].insert(row).last_pk


def update_measure(db: Database, measure: Measure) -> None:
    db["measure"].update(measure.id, measure_row(measure))


def delete_measure(db: Database, measure_id: int) -> None:
    row = next(db.query("SELECT plan_id, position FROM measure WHERE id = ?", [measure_id]))
    db.execute("DELETE FROM measure WHERE id = ?", [measure_id])
    db.execute(
        "UPDATE measure SET position = position - 1 WHERE plan_id = ? AND position > ?",
        [row["plan_id"], row["position"]],
    )


def move_measure(db: Database, measure_id: int, new_position: int) -> None:
    row = next(db.query("SELECT plan_id, position FROM measure WHERE id = ?", [measure_id]))
    ids = [
        r["id"]
        for r in db.query(
            "SELECT id FROM measure WHERE plan_id = ? ORDER BY position", [row["plan_id"]]
        )
    ]
    ids.remove(measure_id)
    ids.insert(max(0, min(new_position, len(ids))), measure_id)
    for position, mid in enumerate(ids):
        db.execute("UPDATE measure SET position = ? WHERE id = ?", [position, mid])


def load_measure(db: Database, measure_id: int) -> Measure | None:
    rows = list(db.query("SELECT * FROM measure WHERE id = ?", [measure_id]))
    return measure_from_row(rows[0]) if rows else None


def load_plan(db: Database, plan_id: int) -> Plan | None:
    rows = list(db.query("SELECT * FROM plan WHERE id = ?", [plan_id]))
    if not rows:
        return None
    row = rows[0]
    measures = [
        measure_from_row(r)
        for r in db.query("SELECT * FROM measure WHERE plan_id = ? ORDER BY position", [plan_id])
    ]
    return Plan(
        office_id=row["office_id"],
        year=row["year"],
        source_year=row["source_year"],
        meeting_date=date.fromisoformat(row["meeting_date"]) if row["meeting_date"] else None,
        intro=row["intro"],
        measures=measures,
        id=row["id"],
    )


def set_progress(db: Database, progress: Progress) -> None:
    db["progress"].upsert(
        {
            "measure_id": progress.measure_id,
            "round": progress.round,
            "status": progress.status,
            "date_done": progress.date_done.isoformat() if progress.date_done else None,
            "results": json.dumps(progress.results, ensure_ascii=False),
            "outcome": progress.outcome,
            "remark": progress.remark,
        },
        pk=("measure_id", "round"),
    )


def delete_progress(db: Database, measure_id: int, round_months: int) -> None:
    db.execute(
        "DELETE FROM progress WHERE measure_id = ? AND round = ?", [measure_id, round_months]
    )


def load_progress(db: Database, plan_id: int, round_months: int) -> dict[int, Progress]:
    """Progress of a plan's measures in one round, by measure id (measures with none are absent)."""
    rows = db.query(
        "SELECT p.* FROM progress p JOIN measure m ON m.id = p.measure_id "
        "WHERE m.plan_id = ? AND p.round = ?",
        [plan_id, round_months],
    )
    return {
        r["measure_id"]: Progress(
            measure_id=r["measure_id"],
            round=r["round"],
            status=r["status"],
            date_done=date.fromisoformat(r["date_done"]) if r["date_done"] else None,
            results=json.loads(r["results"]),
            outcome=r["outcome"],
            remark=r["remark"],
        )
        for r in rows
    }


def insert_suggestion(db: Database, s: Suggestion) -> int:
    return (
        db["suggestion"]
        .insert(
            {
                "indicator": s.indicator,
                "item_code": s.item_code,
                "issue": s.issue,
                "measure": s.measure,
                "steps": json.dumps(s.steps, ensure_ascii=False),
                "responsible": json.dumps(s.responsible, ensure_ascii=False),
                "follow_up": s.follow_up,
                "expected_result": s.expected_result,
                "builtin": int(s.builtin),
            }
        )
        .last_pk
    )


def list_suggestions(
    db: Database, indicator: int | None = None, item_code: str = ""
) -> list[Suggestion]:
    sql, params = "SELECT * FROM suggestion", []
    if indicator is not None or item_code:
        sql += " WHERE indicator = ? OR (item_code != '' AND lower(item_code) = lower(?))"
        params = [indicator, item_code]
    return [
        Suggestion(
            measure=r["measure"],
            indicator=r["indicator"],
            item_code=r["item_code"],
            issue=r["issue"],
            steps=json.loads(r["steps"]),
            responsible=json.loads(r["responsible"]),
            follow_up=r["follow_up"],
            expected_result=r["expected_result"],
            builtin=bool(r["builtin"]),
            id=r["id"],
        )
        for r in db.query(sql + " ORDER BY builtin DESC, id", params)
    ]
