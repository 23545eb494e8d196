"""Results of a fiscal year: start an assessment, set figures, texts and the poll (undoable)."""

from dataclasses import dataclass
from decimal import Decimal

from sqlite_utils import Database

from ita_desktop.domain.criteria import Criteria
from ita_desktop.domain.records import Assessment, PollAnswer
from ita_desktop.domain.scores import parse_score
from ita_desktop.errors import UserError
from ita_desktop.services.criteria import criteria_for_year
from ita_desktop.storage import assessments as store

SCOPES = ("overall", "part", "indicator", "item")
MAX_TEXT = 20_000


@dataclass(frozen=True)
class ScoreChange:
    """One figure before and after: the undo command sets ``old`` back."""

    assessment_id: int
    scope: str
    key: str
    old: Decimal | None
    new: Decimal | None
    previous: bool = False


def start_assessment(db: Database, *, office_id: int, year: int) -> int:
    """The assessment of ``year``, created with a snapshot of that year's criteria if missing."""
    existing = store.find_assessment_id(db, office_id, year)
    if existing is not None:
        return existing
    criteria = criteria_for_year(db, year)
    with db.atomic():
        return store.insert_assessment(db, office_id, year, criteria)


def find_assessment(db: Database, office_id: int, year: int) -> Assessment | None:
    assessment_id = store.find_assessment_id(db, office_id, year)
    return None if assessment_id is None else store.load_assessment(db, assessment_id)


def assessment_criteria(db: Database, assessment_id: int) -> Criteria:
    return store.load_criteria_snapshot(db, assessment_id)


def _check_key(db: Database, assessment_id: int, scope: str, key: str) -> None:
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}")
    if scope == "item":
        if not key.strip() or len(key) > 20:
            raise UserError("รหัสข้อคำถามต้องไม่ว่างและยาวไม่เกิน ๒๐ ตัวอักษร")
        return
    criteria = store.load_criteria_snapshot(db, assessment_id)
    if scope == "part" and key not in criteria.part_codes():
        raise ValueError(f"{key!r} is not a part of the {criteria.year} criteria")
    if scope == "indicator" and int(key) not in {i.number for i in criteria.indicators}:
        raise ValueError(f"{key!r} is not an indicator of the {criteria.year} criteria")


def set_score(
    db: Database,
    *,
    assessment_id: int,
    scope: str,
    key: str,
    value: Decimal | str | None,
    previous: bool = False,
) -> ScoreChange:
    """Set a figure (typed text is parsed strictly; a bad one raises UserError, nothing changes)."""
    new = parse_score(value) if isinstance(value, str) else value
    if new is not None:
        new = parse_score(str(new))
    _check_key(db, assessment_id, scope, key)
    with db.atomic():
        current = store.get_score(db, assessment_id, scope, key)
        old = current.previous if previous else current.value
        if previous:
            store.set_score(db, assessment_id, scope, key, previous=new)
        else:
            store.set_score(db, assessment_id, scope, key, value=new)
    return ScoreChange(assessment_id, scope, key, old, new, previous)


def set_scores(
    db: Database, *, assessment_id: int, values: dict[tuple[str, str], Decimal | None]
) -> list[ScoreChange]:
    """Set many figures at once (a paste) as one transaction; returns each change for undo."""
    for (scope, key), value in values.items():
        if value is not None:
            parse_score(str(value))
        _check_key(db, assessment_id, scope, key)
    changes = []
    with db.atomic():
        for (scope, key), value in values.items():
            old = store.get_score(db, assessment_id, scope, key).value
            store.set_score(db, assessment_id, scope, key, value=value)
            changes.append(ScoreChange(assessment_id, scope, key, old, value))
    return changes


def undo_scores(db: Database, *, changes: list[ScoreChange]) -> None:
    """Put back the ``old`` figures of ``changes`` in one transaction."""
    with db.atomic():
        for c in reversed(changes):
            if c.previous:
                store.set_score(db, c.assessment_id, c.scope, c.key, previous=c.old)
            else:
                store.set_score(db, c.assessment_id, c.scope, c.key, value=c.old)


def _check_text(text: str) -> None:
    if len(text) > MAX_TEXT:
        raise UserError("ข้อความยาวเกินไป (ไม่เกิน ๒๐,๐๐๐ ตัวอักษร)")


def set_recommendation(db: Database, *, assessment_id: int, instrument: str, text: str) -> str:
    """Set the assessors' recommendations for one instrument; returns the old text."""
    _check_text(text)
    with db.atomic():
        old = store.load_assessment(db, assessment_id).recommendations.get(instrument, "")
        store.set_recommendation(db, assessment_id, instrument, text)
    return old


def set_stakeholder_comments(db: Database, *, assessment_id: int, text: str) -> str:
    _check_text(text)
    with db.atomic():
        old = store.load_assessment(db, assessment_id).stakeholder_comments
        store.set_stakeholder_comments(db, assessment_id, text)
    return old


def set_poll(db: Database, *, assessment_id: int, answers: list[PollAnswer]) -> list[PollAnswer]:
    for a in answers:
        if not a.answer.strip():
            raise UserError("กรุณากรอกคำตอบของผลสำรวจ")
        parse_score(str(a.percent))
    with db.atomic():
        old = store.load_assessment(db, assessment_id).poll
        store.replace_poll(db, assessment_id, answers)
    return old


def set_analysis_text(db: Database, *, assessment_id: int, key: str, text: str) -> str:
    """Set the clerk's own analysis text (e.g. key 'indicator:3'); returns the old text."""
    _check_text(text)
    with db.atomic():
        old = store.load_assessment(db, assessment_id).analysis_texts.get(key, "")
        store.set_analysis_text(db, assessment_id, key, text)
    return old
