"""Assessment rows: one per office and fiscal year, with its criteria snapshot and every figure."""

import json
from decimal import Decimal

from sqlite_utils import Database

from ita_desktop.domain.criteria import Criteria
from ita_desktop.domain.records import Assessment, PollAnswer, Score
from ita_desktop.domain.serialize import criteria_from_data, criteria_to_data


def _dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def insert_assessment(db: Database, office_id: int, year: int, criteria: Criteria) -> int:
    return (
        db["assessment"]
        .insert(
            {
                "office_id": office_id,
                "year": year,
                "criteria_snapshot": json.dumps(criteria_to_data(criteria), ensure_ascii=False),
            }
        )
        .last_pk
    )


def find_assessment_id(db: Database, office_id: int, year: int) -> int | None:
    rows = list(
        db.query("SELECT id FROM assessment WHERE office_id = ? AND year = ?", [office_id, year])
    )
    return rows[0]["id"] if rows else None


def assessment_years(db: Database, office_id: int) -> list[int]:
    return [
        r["year"]
        for r in db.query(
            "SELECT year FROM assessment WHERE office_id = ? ORDER BY year", [office_id]
        )
    ]


def load_criteria_snapshot(db: Database, assessment_id: int) -> Criteria:
    row = next(db.query("SELECT criteria_snapshot FROM assessment WHERE id = ?", [assessment_id]))
    return criteria_from_data(json.loads(row["criteria_snapshot"]), "criteria snapshot")


def replace_criteria_snapshot(db: Database, assessment_id: int, criteria: Criteria) -> None:
    db["assessment"].update(
        assessment_id,
        {"criteria_snapshot": json.dumps(criteria_to_data(criteria), ensure_ascii=False)},
    )


def set_score(
    db: Database,
    assessment_id: int,
    scope: str,
    key: str,
    *,
    value: Decimal | None = ...,
    previous: Decimal | None = ...,
) -> None:
    """Set this year's figure and/or the typed previous-year figure; ``...`` leaves one as it is."""
    current = get_score(db, assessment_id, scope, key)
    new_value = current.value if value is ... else value
    new_previous = current.previous if previous is ... else previous
    if new_value is None and new_previous is None:
        db.execute(
            "DELETE FROM score WHERE assessment_id = ? AND scope = ? AND key = ?",
            [assessment_id, scope, key],
        )
        return
    db["score"].upsert(
        {
            "assessment_id": assessment_id,
            "scope": scope,
            "key": key,
            "value": _text(new_value),
            "previous": _text(new_previous),
        },
        pk=("assessment_id", "scope", "key"),
    )


def get_score(db: Database, assessment_id: int, scope: str, key: str) -> Score:
    rows = list(
        db.query(
            "SELECT value, previous FROM score WHERE assessment_id = ? AND scope = ? AND key = ?",
            [assessment_id, scope, key],
        )
    )
    if not rows:
        return Score(scope, key)
    return Score(scope, key, _dec(rows[0]["value"]), _dec(rows[0]["previous"]))


def set_recommendation(db: Database, assessment_id: int, instrument: str, text: str) -> None:
    if text.strip():
        db["recommendation"].upsert(
            {"assessment_id": assessment_id, "instrument": instrument, "text": text},
            pk=("assessment_id", "instrument"),
        )
    else:
        db.execute(
            "DELETE FROM recommendation WHERE assessment_id = ? AND instrument = ?",
            [assessment_id, instrument],
        )


def set_stakeholder_comments(db: Database, assessment_id: int, text: str) -> None:
    db["assessment"].update(assessment_id, {"stakeholder_comments": text})


def replace_poll(db: Database, assessment_id: int, answers: list[PollAnswer]) -> None:
    db.execute("DELETE FROM poll_answer WHERE assessment_id = ?", [assessment_id])
    for position, a in enumerate(answers):
        db["poll_answer"].insert(
            {
                "assessment_id": assessment_id,
                "position": position,
                "question": a.question,
                "answer": a.answer,
                "percent": str(a.percent),
            }
        )


def set_analysis_text(db: Database, assessment_id: int, key: str, text: str) -> None:
    if text:
        db["analysis_text"].upsert(
            {"assessment_id": assessment_id, "key": key, "text": text},
            pk=("assessment_id", "key"),
        )
    else:
        db.execute(
            "DELETE FROM analysis_text WHERE assessment_id = ? AND key = ?", [assessment_id, key]
        )


def load_assessment(db: Database, assessment_id: int) -> Assessment | None:
    rows = list(db.query("SELECT * FROM assessment WHERE id = ?", [assessment_id]))
    if not rows:
        return None
    row = rows[0]
    snapshot = json.loads(row["criteria_snapshot"])
    assessment = Assessment(
        office_id=row["office_id"],
        year=row["year"],
        criteria_year=snapshot.get("year", row["year"]),
        stakeholder_comments=row["stakeholder_comments"],
        id=row["id"],
    )
    for r in db.query("SELECT * FROM score WHERE assessment_id = ?", [assessment_id]):
        assessment.scores[(r["scope"], r["key"])] = Score(
            r["scope"], r["key"], _dec(r["value"]), _dec(r["previous"])
        )
    for r in db.query(
        "SELECT instrument, text FROM recommendation WHERE assessment_id = ? ORDER BY instrument",
        [assessment_id],
    ):
        assessment.recommendations[r["instrument"]] = r["text"]
    assessment.poll = [
        PollAnswer(r["question"], r["answer"], Decimal(r["percent"]))
        for r in db.query(
            "SELECT * FROM poll_answer WHERE assessment_id = ? ORDER BY position", [assessment_id]
        )
    ]
    for r in db.query(
        "SELECT key, text FROM analysis_text WHERE assessment_id = ? ORDER BY key", [assessment_id]
    ):
        assessment.analysis_texts[r["key"]] = r["text"]
    return assessment
