"""Criteria of each fiscal year: shipped in forms/criteria, or the clerk's edited copy."""

import json
import tomllib
from functools import cache
from pathlib import Path

from sqlite_utils import Database

from ita_desktop import paths
from ita_desktop.domain.criteria import Criteria
from ita_desktop.domain.serialize import criteria_from_data, criteria_to_data
from ita_desktop.domain.strict import DefinitionError
from ita_desktop.errors import UserError
from ita_desktop.storage import assessments


def criteria_dir() -> Path:
    return paths.forms_dir() / "criteria"


def load_criteria_file(path: Path) -> Criteria:
    """Parse one criteria file strictly; DefinitionError says which key is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DefinitionError(path.name, f"not valid TOML: {error}") from None
    criteria = criteria_from_data(data, path.name)
    if path.stem != str(criteria.year):
        raise DefinitionError(path.name, f"file name says {path.stem} but year is {criteria.year}")
    return criteria


@cache
def shipped_criteria() -> dict[int, Criteria]:
    return {
        c.year: c for c in (load_criteria_file(p) for p in sorted(criteria_dir().glob("*.toml")))
    }


def available_years(db: Database) -> list[int]:
    edited = {r["year"] for r in db.query("SELECT year FROM criteria")}
    return sorted(edited | set(shipped_criteria()))


def criteria_for_year(db: Database, year: int) -> Criteria:
    """The clerk's edited criteria of ``year`` if any, else the shipped file."""
    rows = list(db.query("SELECT body FROM criteria WHERE year = ?", [year]))
    if rows:
        return criteria_from_data(json.loads(rows[0]["body"]), f"criteria {year}")
    shipped = shipped_criteria()
    if year in shipped:
        return shipped[year]
    raise UserError(
        f"ยังไม่มีเกณฑ์การประเมินของปีงบประมาณ พ.ศ. {year} กรุณาคัดลอกเกณฑ์ของปีอื่นในหน้าเกณฑ์การประเมินก่อน"
    )


def save_criteria(db: Database, criteria: Criteria) -> None:
    """Store an edited criteria set for its year (one transaction)."""
    with db.atomic():
        db["criteria"].upsert(
            {
                "year": criteria.year,
                "body": json.dumps(criteria_to_data(criteria), ensure_ascii=False),
            },
            pk="year",
        )


def delete_criteria(db: Database, *, year: int) -> Criteria | None:
    """Drop the clerk's edited criteria of ``year`` (the shipped file, if any, applies again).

    Returns what was deleted, so that undo can save it back; None when there was nothing.
    """
    with db.atomic():
        rows = list(db.query("SELECT body FROM criteria WHERE year = ?", [year]))
        if not rows:
            return None
        db.execute("DELETE FROM criteria WHERE year = ?", [year])
    return criteria_from_data(json.loads(rows[0]["body"]), f"criteria {year}")


def apply_to_assessment(db: Database, *, assessment_id: int, criteria: Criteria) -> Criteria:
    """Make ``criteria`` the snapshot an assessment is read with (after the clerk corrected the
    year's items); returns the old snapshot for undo. Scores are kept: items are keyed by code."""
    with db.atomic():
        old = assessments.load_criteria_snapshot(db, assessment_id)
        assessments.replace_criteria_snapshot(db, assessment_id, criteria)
    return old
