"""What a document holds, read from the database alone and formatted in the chosen digits."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from sqlite_utils import Database

from ita_desktop.domain.criteria import Criteria
from ita_desktop.domain.drafts import all_drafts
from ita_desktop.domain.records import OFFICE_KINDS, ROUNDS, Office, Plan, Progress, Signatory
from ita_desktop.errors import UserError
from ita_desktop.i18n.thai import (
    Digits,
    apply_digits,
    format_date,
    format_diff,
    format_number,
    format_round_period,
    format_year,
)
from ita_desktop.services.offices import get_office
from ita_desktop.services.plans import find_plan, progress_of
from ita_desktop.services.reports.text.segment import add_words
from ita_desktop.services.summary import YearAnalysis, analyse_year
from ita_desktop.storage import assessments as assessment_store

# What stands before a place's own name: the kind of office, its abbreviation, ตำบล/อำเภอ/จังหวัด.
_PLACE_KINDS = (*OFFICE_KINDS[:-1], "อบต.", "อบจ.", "ทต.", "ทม.", "ทน.", "ตำบล", "อำเภอ", "จังหวัด")
_PLACE_PREFIXES = re.compile("^(?:" + "|".join(map(re.escape, _PLACE_KINDS)) + r")\s*")


def place_words(office: Office) -> list[str]:
    """The office's own names, which no dictionary has (ลาดหญ้า, its อำเภอ and จังหวัด), for the
    line breaker to keep whole; the kind of office and "อำเภอ"/"จังหวัด" are taken off."""
    names = [office.name, office.district, office.province]
    names += [unit.name for unit in office.units]
    return [_PLACE_PREFIXES.sub("", name.strip()) for name in names if name.strip()]


@dataclass(frozen=True)
class Items:
    """A list in a cell or a paragraph: one entry a line, numbered in the layout's style."""

    entries: tuple[str, ...]
    head: str = ""  # printed before the entries, unnumbered (a measure before its steps)


@dataclass(frozen=True)
class Grid:
    """A small borderless table inside a cell (seed 004: เลข | ตัวชี้วัด | คะแนน)."""

    rows: tuple[tuple[str, ...], ...]


Value = str | Items | Grid

# A clerk's own list marker at the start of an entry: a bare dash or bullet, which our numbering
# replaces, or a number ("๑)", "1.", "(๒)"), which is kept instead of ours. A number must not run
# on into digits, so "๘๕.๕๐ คะแนน" and "๑.๑" are text, not markers.
_BULLET = re.compile(r"^[-–—•●▪◦·*]\s*")
_OWN_NUMBER = re.compile(r"^\(?[0-9๐-๙]{1,3}[.)](?![0-9๐-๙])\s*")


def own_number(entry: str) -> str:
    """The number an entry starts with ("๑)", "1.", "(๒)"), or "" when it has none."""
    found = _OWN_NUMBER.match(entry.strip())
    return found.group(0).strip() if found else ""


def without_bullet(entry: str) -> str:
    """``entry`` without a bare dash or bullet in front: "-จัดให้…" → "จัดให้…"."""
    return _BULLET.sub("", entry.strip(), count=1)


def list_entries(entries) -> tuple[tuple[str, ...], bool]:
    """(the non-empty entries, whether they keep their own numbers).

    A list any of whose entries is numbered by the clerk prints as written, our numbers left
    out ("- ๑) …" loses its dash); otherwise bare dashes and bullets are taken off, so that
    ours do not stand beside them.
    """
    kept = tuple(e.strip() for e in entries if e.strip())
    bare = tuple(without_bullet(e) for e in kept)
    if any(own_number(b) for b in bare):
        return tuple(b if own_number(b) else e for e, b in zip(kept, bare, strict=True)), True
    return tuple(b for b in bare if b), False


def entries_value(entries, head: str = "") -> Value:
    """A list for a cell: Items to be numbered, or the lines as written when the clerk numbered
    them (a cell cannot number some entries and not others)."""
    kept, own = list_entries(entries)
    if own:
        return "\n".join(t for t in (head.strip(), *kept) if t)
    return Items(kept, head.strip())


def numbered_entry(number: str, entry: str) -> str:
    """ "๒. จัดให้…" from "-จัดให้…"; an entry with its own number keeps it instead of ours."""
    entry = without_bullet(entry)
    if own_number(entry):
        return entry
    return f"{number}. {entry}".strip()


@dataclass(frozen=True)
class Texts:
    """Analysis texts: the clerk's own wins over the program's draft, key by key."""

    clerk: dict[str, str]
    drafts: dict[str, str]

    def get(self, keys, draft: bool = True) -> str:
        for key in keys:
            text = self.clerk.get(key, "").strip()
            if text:
                return text
        if draft:
            for key in keys:
                text = self.drafts.get(key, "").strip()
                if text:
                    return text
        return ""


@dataclass
class DocumentData:
    """Everything a document prints; numbers already in the chosen digits."""

    kind: str
    year: int
    digits: Digits
    office: Office
    signatories: list[Signatory]
    results: YearAnalysis | None = None
    texts: Texts = field(default_factory=lambda: Texts({}, {}))
    plan: Plan | None = None
    round: int | None = None
    progress: dict[int, Progress] = field(default_factory=dict)
    criteria: Criteria | None = None
    names: dict[str, str] = field(default_factory=dict)

    def num(self, value: Decimal | None, places: int | None = 2) -> str:
        return format_number(value, places, digits=self.digits)

    def diff(self, value: Decimal | None) -> str:
        return format_diff(value, digits=self.digits)

    def digit(self, text) -> str:
        return apply_digits(str(text), self.digits)

    def date(self, day, month="wide") -> str:
        return format_date(day, month=month, digits=self.digits)

    @property
    def analysis(self):
        return self.results.analysis if self.results else None


def short_name(name: str) -> str:
    """'แบบวัด… (Internal Integrity and Transparency Assessment: IIT)' → 'แบบวัด… (IIT)'."""
    return re.sub(r"\(([^():]*):\s*([A-Za-z0-9]+)\)", r"(\2)", name).strip()


def place_line(office: Office) -> str:
    """'อำเภอห้วยแถลง จังหวัดนครราชสีมา', leaving out what the clerk has not filled in."""
    parts = []
    if office.district.strip():
        parts.append(f"อำเภอ{office.district.strip()}")
    if office.province.strip():
        parts.append(f"จังหวัด{office.province.strip()}")
    return " ".join(parts)


def _results(db: Database, office_id: int, year: int | None) -> YearAnalysis | None:
    if year is None or assessment_store.find_assessment_id(db, office_id, year) is None:
        return None
    return analyse_year(db, office_id=office_id, year=year)


def _plan(db: Database, office: Office, year: int) -> Plan:
    plan = find_plan(db, office.id, year)
    if plan is None:
        raise UserError(
            f"{office.name} ยังไม่มีแผนมาตรการของปีงบประมาณ พ.ศ. {year} "
            "(--year ของเอกสารนี้คือปีของแผนมาตรการ)"
        )
    return plan


def load_document(
    db: Database,
    *,
    kind: str,
    office_id: int,
    year: int,
    round: int | None = None,
    digits: Digits = "thai",
    signatories: list[Signatory] | None = None,
) -> DocumentData:
    """The content of one document; UserError (Thai) when the file lacks what it needs."""
    office = get_office(db, office_id)
    add_words(place_words(office))
    data = DocumentData(
        kind, year, digits, office, list(office.signatories if signatories is None else signatories)
    )
    if kind == "analysis":
        data.results = analyse_year(db, office_id=office_id, year=year)
        results_year = year
    else:
        data.plan = _plan(db, office, year)
        results_year = data.plan.source_year or year - 1
        data.results = _results(db, office_id, results_year)
        if kind == "development" and data.results is None:
            raise UserError(
                f"{office.name} ยังไม่มีผลการประเมินปีงบประมาณ พ.ศ. {results_year} "
                "ซึ่งเอกสารการนำผลการประเมินไปสู่การพัฒนาต้องใช้"
            )
    if kind == "progress":
        data.round = round or 6
        if data.round not in ROUNDS:
            raise UserError("รอบการรายงานต้องเป็น 6 หรือ 12 (เดือน)")
        data.progress = progress_of(db, data.plan.id, data.round)
    if data.results is not None:
        data.criteria = data.results.criteria
        assessment = data.results.assessment
        drafts = all_drafts(data.results.analysis, office.name, digits=digits)
        data.texts = Texts(dict(assessment.analysis_texts), drafts)
    elif data.plan is not None:
        data.criteria = _criteria_or_none(db, results_year)
    data.names = _names(data, results_year)
    return data


def _criteria_or_none(db: Database, year: int) -> Criteria | None:
    from ita_desktop.services.criteria import criteria_for_year

    try:
        return criteria_for_year(db, year)
    except UserError:
        return None


def _names(data: DocumentData, results_year: int) -> dict[str, str]:
    office, plan = data.office, data.plan
    year = data.year

    def be(value: int | None) -> str:
        return format_year(value, digits=data.digits) if value else ""

    names = {
        "office": office.name.strip(),
        "office_kind": office.kind,
        "district": office.district.strip(),
        "province": office.province.strip(),
        "place": place_line(office),
        "year": be(year),
        "results_year": be(results_year),
        "previous_year": be(results_year - 1),
        "plan_year": be(plan.year if plan else year + 1),
        "round": data.digit(data.round) if data.round else "",
        "round_period": "",
        "meeting_date": "",
        "target": data.num(data.criteria.target if data.criteria else Decimal(85), None),
    }
    if data.round and plan:
        names["round_period"] = format_round_period(plan.year, data.round, digits=data.digits)
    if plan and plan.meeting_date:
        names["meeting_date"] = data.date(plan.meeting_date)
    return names


class Template(dict):
    """Placeholder values for str.format_map: global names plus a group's or a row's fields."""

    def __missing__(self, key):
        return ""


# "พ.ศ. ๒๕๖๔" never ends a line with the era alone: a no-break space in our own templates.
_ERA = re.compile(r"(พ\.ศ\.) (?=[0-9๐-๙])")


def fill(template: str, data: DocumentData, *extra: dict) -> str:
    """``template`` with its placeholders filled, all digits in the document's digits."""
    if not template:
        return ""
    values = Template(data.names)
    for more in extra:
        values.update({k: v for k, v in more.items() if isinstance(v, str)})
    return _ERA.sub("\\1\u00a0", data.digit(template.format_map(values)))
