"""A year's analysis from the file: the assessment, last year's if present, and their criteria."""

from dataclasses import dataclass
from decimal import Decimal

from sqlite_utils import Database

from ita_desktop.domain.analysis import Analysis, PartRow, analyse
from ita_desktop.domain.criteria import Criteria
from ita_desktop.domain.records import Assessment
from ita_desktop.errors import UserError
from ita_desktop.services.offices import get_office
from ita_desktop.storage import assessments as store


@dataclass(frozen=True)
class YearAnalysis:
    office_name: str
    criteria: Criteria
    assessment: Assessment
    previous: Assessment | None
    analysis: Analysis


def analyse_year(db: Database, *, office_id: int, year: int) -> YearAnalysis:
    """Analysis of ``year`` against ``year - 1`` (from the file, or as typed when absent)."""
    office = get_office(db, office_id)
    assessment_id = store.find_assessment_id(db, office_id, year)
    if assessment_id is None:
        raise UserError(f"{office.name} ยังไม่มีผลการประเมินปีงบประมาณ พ.ศ. {year}")
    assessment = store.load_assessment(db, assessment_id)
    criteria = store.load_criteria_snapshot(db, assessment_id)
    previous_id = store.find_assessment_id(db, office_id, year - 1)
    previous = previous_criteria = None
    if previous_id is not None:
        previous = store.load_assessment(db, previous_id)
        previous_criteria = store.load_criteria_snapshot(db, previous_id)
    analysis = analyse(criteria, assessment, previous, previous_criteria)
    return YearAnalysis(office.name, criteria, assessment, previous, analysis)


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _part(part: PartRow) -> dict:
    return {
        "code": part.code,
        "name": part.label,
        "score": _num(part.score),
        "previous": _num(part.previous),
        "diff": _num(part.diff),
    }


def summary(db: Database, *, office_id: int, year: int) -> dict:
    """The figures of a year as plain JSON-ready data (numbers as numbers)."""
    result = analyse_year(db, office_id=office_id, year=year)
    a = result.analysis
    return {
        "office": result.office_name,
        "year": year,
        "criteria_year": result.criteria.year,
        "criteria_provisional": result.criteria.provisional,
        "overall": {
            "score": _num(a.overall.score),
            "level": a.overall.level,
            "previous": _num(a.overall.previous),
            "previous_level": a.overall.previous_level,
            "diff": _num(a.overall.diff),
            "computed": _num(a.overall.computed),
        },
        "instruments": [_part(p) for p in a.shown_parts()],
        "indicators": [
            {
                "number": i.number,
                "name": i.name,
                "instrument": i.instrument,
                "score": _num(i.score),
                "previous": _num(i.previous),
                "diff": _num(i.diff),
                "rank": i.rank,
            }
            for i in a.indicators
        ],
        "highest": list(a.highest),
        "lowest": list(a.lowest),
        "up": list(a.up),
        "down": list(a.down),
        "unchanged": list(a.unchanged),
        "below_target": [
            {
                "instrument": b.instrument,
                "total": b.total,
                "count": b.count,
                "items": [
                    {"code": i.code, "text": i.text, "score": _num(i.score)} for i in b.items
                ],
            }
            for b in a.below_target
        ],
        "warnings": list(a.warnings),
    }


def summary_lines(data: dict) -> list[str]:
    """The summary as short Thai lines for the terminal."""

    def fmt(value) -> str:
        return "-" if value is None else f"{value:.2f}"

    def signed(value) -> str:
        return "-" if value is None else ("0.00" if value == 0 else f"{value:+.2f}")

    o = data["overall"]
    lines = [
        f"{data['office']} ปีงบประมาณ พ.ศ. {data['year']}",
        f"ภาพรวม {fmt(o['score'])} ({o['level'] or '-'})  ปีก่อน {fmt(o['previous'])} "
        f"({o['previous_level'] or '-'})  ผลต่าง {signed(o['diff'])}",
    ]
    for p in data["instruments"]:
        lines.append(
            f"  {p['name']}: {fmt(p['previous'])} → {fmt(p['score'])} ({signed(p['diff'])})"
        )
    for i in data["indicators"]:
        lines.append(
            f"  ตัวชี้วัดที่ {i['number']} {i['name']}: {fmt(i['previous'])} → {fmt(i['score'])} "
            f"({signed(i['diff'])}) อันดับ {i['rank'] or '-'}"
        )
    for b in data["below_target"]:
        lines.append(f"  {b['instrument']} {b['total']} ข้อ ต่ำกว่าเป้าหมาย {b['count']} ข้อ")
    lines.extend(f"ข้อควรตรวจสอบ: {w}" for w in data["warnings"])
    return lines
