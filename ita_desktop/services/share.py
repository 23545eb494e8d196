"""Export an office's years to a shareable file; preview and apply an import in one transaction."""

import base64
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlite_utils import Database

from ita_desktop.domain.records import ROUNDS, Assessment, Office, Plan, PollAnswer, Signatory
from ita_desktop.domain.serialize import criteria_to_data, plain
from ita_desktop.errors import UserError
from ita_desktop.i18n.thai import format_number
from ita_desktop.services import share_format
from ita_desktop.services.offices import logo_mime
from ita_desktop.services.share_check import decode_logo, parse_content, to_measure, to_progress
from ita_desktop.services.share_content import SharedAssessment, SharedContent, SharedPlan
from ita_desktop.storage import assessments as assessment_store
from ita_desktop.storage import faults
from ita_desktop.storage import offices as office_store
from ita_desktop.storage import plans as plan_store
from ita_desktop.storage.database import memory_database

_SCOPE_ORDER = {"overall": 0, "part": 1, "indicator": 2, "item": 3}


def _natural(key: str) -> tuple:
    digits = "".join(ch for ch in key if ch.isdigit())
    return (key.rstrip("0123456789").lower(), int(digits) if digits else -1, key)


# --- export ---------------------------------------------------------------------------------


def export_content(db: Database, *, office_id: int, years: list[int] | None = None) -> dict:
    """The office and its chosen fiscal years (results and plans) as format-1 content."""
    office = office_store.load_office(db, office_id)
    if office is None:
        raise UserError("ไม่พบหน่วยงานนี้ในไฟล์ข้อมูล")
    wanted = set(years) if years else None
    content = {"office": _office_data(office), "criteria": {}, "assessments": [], "plans": []}
    for year in assessment_store.assessment_years(db, office_id):
        if wanted is None or year in wanted:
            assessment_id = assessment_store.find_assessment_id(db, office_id, year)
            criteria = assessment_store.load_criteria_snapshot(db, assessment_id)
            content["criteria"].setdefault(str(criteria.year), criteria_to_data(criteria))
            content["assessments"].append(
                _assessment_data(assessment_store.load_assessment(db, assessment_id))
            )
    for year in plan_store.plan_years(db, office_id):
        if wanted is None or year in wanted:
            content["plans"].append(_plan_data(db, plan_store.find_plan_id(db, office_id, year)))
    if wanted and not content["assessments"] and not content["plans"]:
        raise UserError("ไม่มีข้อมูลของปีงบประมาณที่เลือก")
    return content


def export_file(db: Database, *, office_id: int, path: Path, years: list[int] | None = None) -> int:
    data = share_format.pack(export_content(db, office_id=office_id, years=years))
    try:
        Path(path).write_bytes(data)
    except OSError as error:
        raise faults.explain(error, path) or UserError(f"บันทึกไฟล์ {path} ไม่ได้") from None
    return len(data)


def _office_data(office: Office) -> dict:
    return {
        "name": office.name,
        "kind": office.kind,
        "district": office.district,
        "province": office.province,
        "address": office.address,
        "phone": office.phone,
        "logo": base64.b64encode(office.logo).decode("ascii") if office.logo else None,
        "logo_mime": office.logo_mime,
        "units": [u.name for u in office.units],
        "signatories": [
            {"name": s.name, "position": s.position, "role": s.role} for s in office.signatories
        ],
    }


def _assessment_data(a: Assessment) -> dict:
    scores = sorted(a.scores.values(), key=lambda s: (_SCOPE_ORDER[s.scope], _natural(s.key)))
    return {
        "year": a.year,
        "criteria_year": a.criteria_year,
        "scores": [
            {"scope": s.scope, "key": s.key, "value": plain(s.value), "previous": plain(s.previous)}
            for s in scores
        ],
        "recommendations": dict(a.recommendations),
        "stakeholder_comments": a.stakeholder_comments,
        "poll": [plain(p) for p in a.poll],
        "analysis_texts": dict(a.analysis_texts),
    }


def _plan_data(db: Database, plan_id: int) -> dict:
    plan = plan_store.load_plan(db, plan_id)
    progress = {r: plan_store.load_progress(db, plan_id, r) for r in ROUNDS}
    measures = []
    for m in plan.measures:
        data = plain(m)
        for private in ("id", "position"):
            data.pop(private)
        data["progress"] = {
            str(r): _progress_data(progress[r].get(m.id)) for r in ROUNDS if m.id in progress[r]
        }
        measures.append(data)
    return {
        "year": plan.year,
        "source_year": plan.source_year,
        "meeting_date": plain(plan.meeting_date),
        "intro": plan.intro,
        "measures": measures,
    }


def _progress_data(p) -> dict:
    data = plain(p)
    for private in ("measure_id", "round"):
        data.pop(private)
    return data


# --- import ---------------------------------------------------------------------------------


@dataclass
class ImportEntry:
    """One thing the file holds, compared with the data file: new, identical or differs."""

    kind: str  # "office", "assessment" or "plan"
    year: int | None
    status: str  # "new", "identical", "differs"
    details: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        if self.kind == "office":
            return "ข้อมูลหน่วยงาน"
        return ("ผลการประเมิน" if self.kind == "assessment" else "แผนมาตรการ") + f" ปี {self.year}"


@dataclass
class ImportPreview:
    content: SharedContent
    office_name: str
    office_id: int | None
    entries: list[ImportEntry]

    def lines(self) -> list[str]:
        words = {"new": "ใหม่", "identical": "เหมือนเดิม", "differs": "ต่างจากในเครื่อง"}
        where = "มีอยู่แล้ว" if self.office_id else "ใหม่"
        out = [f"หน่วยงาน: {self.office_name} ({where})"]
        for e in self.entries:
            out.append(f"- {e.label}: {words[e.status]}")
            out.extend(f"    {d}" for d in e.details[:20])
            if len(e.details) > 20:
                out.append(f"    … และอีก {len(e.details) - 20} รายการ")
        return out


def read_share_file(path: Path) -> SharedContent:
    try:
        with open(path, "rb") as handle:
            data = handle.read(share_format.MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise UserError(f"เปิดไฟล์ {Path(path).name} ไม่ได้: ไม่พบไฟล์นี้") from None
    except OSError as error:
        raise faults.explain(error, path) or UserError(f"เปิดไฟล์ {Path(path).name} ไม่ได้") from None
    return parse_content(share_format.unpack(data))


def preview_import(db: Database, content: SharedContent) -> ImportPreview:
    """What importing ``content`` would add or replace, per office and year. Writes nothing."""
    office_id = next(
        (i for i, name in office_store.list_offices(db) if name == content.office.name), None
    )
    mine = export_content(db, office_id=office_id) if office_id is not None else None
    theirs = _normalised(content)
    entries = [_compare("office", None, mine and mine["office"], theirs["office"])]
    for kind, key in (("assessment", "assessments"), ("plan", "plans")):
        my_years = {d["year"]: d for d in (mine or {}).get(key, [])}
        for data in theirs[key]:
            entries.append(_compare(kind, data["year"], my_years.get(data["year"]), data))
    return ImportPreview(content, content.office.name, office_id, entries)


def _normalised(content: SharedContent) -> dict:
    """The file's content in exactly the shape export_content gives, so the two compare."""
    db = _scratch_import(content)
    office_id = office_store.list_offices(db)[0][0]
    return export_content(db, office_id=office_id)


def _scratch_import(content: SharedContent) -> Database:
    db = memory_database()
    _write(db, content, take=None)
    return db


def _compare(kind: str, year: int | None, mine: dict | None, theirs: dict) -> ImportEntry:
    if mine is None:
        return ImportEntry(kind, year, "new")
    if mine == theirs:
        return ImportEntry(kind, year, "identical")
    return ImportEntry(kind, year, "differs", _differences(mine, theirs))


def _differences(mine: dict, theirs: dict) -> list[str]:
    details = []
    if "scores" in mine:
        a = {(s["scope"], s["key"]): (s["value"], s["previous"]) for s in mine["scores"]}
        b = {(s["scope"], s["key"]): (s["value"], s["previous"]) for s in theirs["scores"]}
        names = {"overall": "ภาพรวม", "part": "แบบวัด", "indicator": "ตัวชี้วัดที่", "item": "ข้อ"}
        for key in sorted(set(a) | set(b), key=lambda k: (_SCOPE_ORDER[k[0]], _natural(k[1]))):
            here, there = a.get(key) or (None, None), b.get(key) or (None, None)
            label = f"{names[key[0]]} {key[1]}".strip()
            for which, word in ((0, "คะแนน"), (1, "คะแนนปีที่แล้ว ")):
                if here[which] != there[which]:
                    # Two decimals like every score on screen (typed '90' shows as '90.00');
                    # Arabic digits here, the window turns them Thai.
                    mine_v, file_v = (
                        format_number(v[which], digits="arabic") for v in (here, there)
                    )
                    details.append(f"{word}{label}: ในเครื่อง {mine_v} / ในไฟล์ {file_v}")
    for name, value in theirs.items():
        if name != "scores" and mine.get(name) != value:
            details.append(f"{_FIELD_NAMES.get(name, name)} ต่างกัน")
    return details


_FIELD_NAMES = {
    "recommendations": "ข้อเสนอแนะจากผู้ตรวจ",
    "stakeholder_comments": "ข้อเสนอแนะจากผู้มีส่วนได้ส่วนเสีย",
    "poll": "ผลสำรวจสถานการณ์การทุจริต",
    "analysis_texts": "ข้อความวิเคราะห์",
    "measures": "มาตรการ",
    "intro": "ข้อความนำ",
    "meeting_date": "วันที่ประชุม",
    "units": "ส่วนราชการ/กอง",
    "signatories": "ผู้ลงนาม",
    "logo": "ตราสัญลักษณ์",
}


def apply_import(
    db: Database, preview: ImportPreview, *, take: set[tuple[str, int | None]] | None = None
) -> list[ImportEntry]:
    """Write what the file holds, in one transaction: everything new, and of what differs the
    entries in ``take`` (all of them when ``take`` is None). Returns the entries written."""
    chosen = [
        e
        for e in preview.entries
        if e.status == "new"
        or (e.status == "differs" and (take is None or (e.kind, e.year) in take))
    ]
    selected = {(e.kind, e.year) for e in chosen}
    with db.atomic():
        _write(db, preview.content, take=selected)
    return chosen


def _write(db: Database, content: SharedContent, take: set | None) -> int:
    """Write the chosen parts of ``content`` (all when ``take`` is None) into ``db``."""
    o = content.office
    office_id = next((i for i, name in office_store.list_offices(db) if name == o.name), None)
    logo = decode_logo(o.logo)
    office = Office(
        name=o.name,
        kind=o.kind,
        district=o.district,
        province=o.province,
        address=o.address,
        phone=o.phone,
        logo=logo,
        logo_mime=logo_mime(logo) if logo else "",
        signatories=[Signatory(s.name, s.position, s.role) for s in o.signatories],
    )
    if office_id is None:
        office_id = office_store.insert_office(db, office)
        office_store.replace_units(db, office_id, list(o.units))
    elif take is None or ("office", None) in take:
        fields = {f: getattr(office, f) for f in office_store.OFFICE_FIELDS}
        office_store.update_office(db, office_id, **fields)
        office_store.replace_units(db, office_id, list(o.units))
        office_store.replace_signatories(db, office_id, office.signatories)
    for a in content.assessments:
        if take is None or ("assessment", a.year) in take:
            _write_assessment(db, office_id, a, content)
    for p in content.plans:
        if take is None or ("plan", p.year) in take:
            _write_plan(db, office_id, p)
    return office_id


def _write_assessment(db: Database, office_id: int, a: SharedAssessment, content) -> None:
    db.execute("DELETE FROM assessment WHERE office_id = ? AND year = ?", [office_id, a.year])
    criteria = content.criteria[str(a.criteria_year)]
    assessment_id = assessment_store.insert_assessment(db, office_id, a.year, criteria)
    for s in a.scores:
        assessment_store.set_score(
            db,
            assessment_id,
            s.scope,
            s.key,
            value=None if s.value is None else Decimal(s.value),
            previous=None if s.previous is None else Decimal(s.previous),
        )
    for instrument, text in (a.recommendations or {}).items():
        assessment_store.set_recommendation(db, assessment_id, instrument, text)
    assessment_store.set_stakeholder_comments(db, assessment_id, a.stakeholder_comments)
    assessment_store.replace_poll(
        db, assessment_id, [PollAnswer(p.question, p.answer, Decimal(p.percent)) for p in a.poll]
    )
    for key, text in (a.analysis_texts or {}).items():
        assessment_store.set_analysis_text(db, assessment_id, key, text)


def _write_plan(db: Database, office_id: int, p: SharedPlan) -> None:
    db.execute("DELETE FROM plan WHERE office_id = ? AND year = ?", [office_id, p.year])
    plan_id = plan_store.insert_plan(
        db,
        Plan(
            office_id=office_id,
            year=p.year,
            source_year=p.source_year,
            meeting_date=date.fromisoformat(p.meeting_date) if p.meeting_date else None,
            intro=p.intro,
        ),
    )
    for m in p.measures:
        measure_id = plan_store.insert_measure(db, plan_id, to_measure(m))
        for round_key, progress in (m.progress or {}).items():
            if progress is not None:
                plan_store.set_progress(db, to_progress(measure_id, int(round_key), progress))


def content_json(content: dict) -> str:
    """Canonical text of some content, for tests and comparisons."""
    return json.dumps(content, ensure_ascii=False, sort_keys=True)
