"""What the reports page offers: the documents, the year each prints, layouts and file names."""

import re
from dataclasses import dataclass, field

from ita_desktop.domain.records import Signatory
from ita_desktop.i18n.thai import Digits, format_round_period, format_year, to_thai_digits
from ita_desktop.services.offices import get_office
from ita_desktop.services.plans import find_plan, progress_of
from ita_desktop.storage.assessments import find_assessment_id
from ita_desktop.ui.widgets.thai_text import breakable_now


@dataclass(frozen=True)
class Document:
    """One entry of the document list; ``kind`` and ``round`` are what the engine is asked for."""

    key: str
    kind: str
    label: str
    file_words: str
    round: int | None = None


DOCUMENTS = (
    Document("analysis", "analysis", "ก. การวิเคราะห์ผล", "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส"),
    Document("measures", "measures", "ข. มาตรการ", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"),
    Document(
        "progress-6",
        "progress",
        "ค. รายงานผล รอบ ๖ เดือน",
        "รายงานผลการดำเนินการตามมาตรการ-รอบ๖เดือน",
        6,
    ),
    Document(
        "progress-12",
        "progress",
        "ค. รายงานผล รอบ ๑๒ เดือน",
        "รายงานผลการดำเนินการตามมาตรการ-รอบ๑๒เดือน",
        12,
    ),
    Document(
        "development", "development", "ง. การนำผลการประเมินไปสู่การพัฒนา", "การนำผลการประเมินไปสู่การพัฒนา"
    ),
    Document("pack", "pack", "ชุดรายงานประจำปี", "ชุดรายงานการประเมินITAประจำปี"),
)
ORIENTATION_WORDS = {"portrait": "แนวตั้ง", "landscape": "แนวนอน"}


def document(key: str) -> Document:
    return next(d for d in DOCUMENTS if d.key == key)


@dataclass(frozen=True)
class LayoutChoice:
    """A layout as the picker shows it: a short label, the rest of its description below."""

    name: str
    label: str
    description: str


def layout_choice(name: str, description: str, orientation: str, user: bool) -> LayoutChoice:
    head, _, rest = description.partition(":")
    head = head.split(" (")[0].strip() or name
    label = f"{to_thai_digits(head)} — {ORIENTATION_WORDS.get(orientation, orientation)}"
    if user:
        label += " (รูปแบบของท่าน)"
    return LayoutChoice(name, label, breakable_now(rest.strip() or description))


@dataclass(frozen=True)
class ReportContext:
    """What the page needs to know about the selected office and year, read on the worker."""

    office_id: int
    year: int
    office_name: str
    signatories: tuple[Signatory, ...]
    has_results: bool
    plan_source_year: int | None  # None: there is no plan of ``year``
    source_has_results: bool
    rounds_recorded: frozenset[int]
    layouts: dict[str, tuple[LayoutChoice, ...]] = field(default_factory=dict)


def load_report_context(db, office_id: int, year: int) -> ReportContext:
    from ita_desktop.services.reports import list_layouts  # the report engine loads on first use

    office = get_office(db, office_id)
    plan = find_plan(db, office_id, year)
    source = (plan.source_year or year - 1) if plan is not None else None
    rounds = frozenset(r for r in (6, 12) if plan is not None and progress_of(db, plan.id, r))
    layouts: dict[str, list[LayoutChoice]] = {}
    for info in list_layouts():
        choice = layout_choice(info.name, info.description, info.orientation, info.user)
        layouts.setdefault(info.kind, []).append(choice)
    return ReportContext(
        office_id=office_id,
        year=year,
        office_name=office.name,
        signatories=tuple(office.signatories),
        has_results=find_assessment_id(db, office_id, year) is not None,
        plan_source_year=source,
        source_has_results=source is not None
        and find_assessment_id(db, office_id, source) is not None,
        rounds_recorded=rounds,
        layouts={kind: tuple(choices) for kind, choices in layouts.items()},
    )


def missing_data(context: ReportContext, doc: Document) -> str:
    """Why ``doc`` cannot be printed for this office and year ('' when it can)."""
    year = format_year(context.year)
    if doc.kind == "analysis":
        if not context.has_results:
            return (
                f"ยังไม่มีผลการประเมินปีงบประมาณ พ.ศ. {year} — กรอกได้ที่หน้า ผลการประเมิน "
                "หรือเลือกปีที่มีผลการประเมินด้านบน"
            )
        return ""
    if context.plan_source_year is None:
        return (
            f"ยังไม่มีแผนมาตรการปีงบประมาณ พ.ศ. {year} — จัดทำได้ที่หน้า มาตรการ หรือเลือกปีของแผนมาตรการด้านบน"
        )
    if doc.kind == "development" and not context.source_has_results:
        return (
            f"เอกสารนี้ใช้ผลการประเมินปี {format_year(context.plan_source_year)} "
            "ซึ่งยังไม่มีในไฟล์ — กรอกได้ที่หน้า ผลการประเมิน"
        )
    return ""


def year_note(context: ReportContext, doc: Document) -> str:
    """Which year's data the document prints, in the words of the pages (plan year vs results)."""
    year = format_year(context.year)
    source = format_year(context.plan_source_year or context.year - 1)
    if doc.kind == "analysis":
        return (
            f"พิมพ์ผลการประเมินปีงบประมาณ พ.ศ. {year} เทียบกับปี {format_year(context.year - 1)} "
            f"(ใช้จัดทำมาตรการของปี {format_year(context.year + 1)})"
        )
    if doc.kind == "measures":
        return f"พิมพ์แผนมาตรการปีงบประมาณ พ.ศ. {year} ซึ่งจัดทำจากผลการประเมินปี {source}"
    if doc.kind == "progress":
        period = format_round_period(context.year, doc.round or 6, month="abbreviated")
        note = (
            f"พิมพ์ผลการดำเนินการตามแผนมาตรการปี {year} "
            f"รอบ {to_thai_digits(str(doc.round))} เดือน ({period})"
        )
        if doc.round not in context.rounds_recorded:
            note += " — ยังไม่ได้บันทึกผลของรอบนี้ (บันทึกได้ที่หน้า ติดตามผล)"
        return note
    if doc.kind == "development":
        return f"พิมพ์การนำผลการประเมินปี {source} ไปสู่การพัฒนาในปีงบประมาณ พ.ศ. {year}"
    return (
        f"พิมพ์เอกสารทั้งชุดของแผนมาตรการปี {year}: ก. ผลการประเมินปี {source} "
        f"ข. มาตรการ ค. ผลการดำเนินการรอบล่าสุด ง. การนำผลไปสู่การพัฒนา"
    )


@dataclass(frozen=True)
class BuildRequest:
    """Everything one PDF is built from: equal requests give the same document."""

    office_id: int
    year: int
    kind: str
    round: int | None
    layout: str | tuple[tuple[str, str], ...] | None
    digits: Digits
    cover: bool
    signatories: tuple[Signatory, ...]

    def arguments(self) -> dict:
        """Keyword arguments of services.reports.build_document."""
        layout = dict(self.layout) if isinstance(self.layout, tuple) else self.layout
        return {
            "kind": self.kind,
            "office_id": self.office_id,
            "year": self.year,
            "round": self.round,
            "layout": layout,
            "digits": self.digits,
            "cover": self.cover,
            "signatories": list(self.signatories),
        }


SHORT_KINDS = (
    ("องค์การบริหารส่วนตำบล", "อบต."),
    ("องค์การบริหารส่วนจังหวัด", "อบจ."),
    ("เทศบาลตำบล", "ทต."),
    ("เทศบาลเมือง", "ทม."),
    ("เทศบาลนคร", "ทน."),
)
UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\u200b]+')


def short_office_name(name: str) -> str:
    """'องค์การบริหารส่วนตำบลตัวอย่าง' → 'อบต.ตัวอย่าง', as clerks write it on file names."""
    name = name.strip()
    for long, short in SHORT_KINDS:
        if name.startswith(long) and len(name) > len(long):
            return short + name[len(long) :].strip()
    return name


def default_file_name(context: ReportContext, doc: Document) -> str:
    """'๒๕๖๙-มาตรการส่งเสริมคุณธรรมและความโปร่งใส-อบต.ตัวอย่าง.pdf' (UX.md)."""
    parts = [format_year(context.year), doc.file_words, short_office_name(context.office_name)]
    name = "-".join(UNSAFE_IN_NAMES.sub(" ", part).strip() for part in parts if part.strip())
    return name.rstrip(". ") + ".pdf"
