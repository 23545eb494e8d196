"""Build a document (A–D) or the annual pack as PDF bytes, from the database alone."""

import io
from collections.abc import Callable
from dataclasses import replace

from reportlab.lib.units import cm
from reportlab.platypus import Image, NextPageTemplate, PageBreak, Spacer
from sqlite_utils import Database

from ita_desktop.domain.records import Signatory
from ita_desktop.errors import UserError
from ita_desktop.i18n.thai import Digits
from ita_desktop.services.reports.blocks import Renderer
from ita_desktop.services.reports.layouts import KINDS, Layout, get_layout
from ita_desktop.services.reports.model import DocumentData, fill, load_document
from ita_desktop.services.reports.page import render, switch_to
from ita_desktop.services.reports.paras import para as new_para
from ita_desktop.services.reports.text import ThaiStyles

DOCUMENT_KINDS = (*KINDS, "pack")
Progress = Callable[[float, str], None]
PACK_COVER = (
    "เอกสารการประเมินคุณธรรมและความโปร่งใส",
    "ในการดำเนินงานของหน่วยงานภาครัฐ (ITA)",
    "ประจำปีงบประมาณ พ.ศ. {year}",
)


def _quiet(fraction: float, what: str) -> None:
    pass


def _check_options(kind: str, digits: str, round: int | None) -> None:
    if kind not in DOCUMENT_KINDS:
        raise UserError(f"ไม่รู้จักเอกสาร “{kind}” (มี: {', '.join(DOCUMENT_KINDS)})")
    if digits not in ("thai", "arabic"):
        raise UserError("ตัวเลขต้องเป็น thai (เลขไทย) หรือ arabic (เลขอารบิก)")
    if round is not None and round not in (6, 12):
        raise UserError("รอบการรายงานต้องเป็น 6 หรือ 12 (เดือน)")


def build_document(
    db: Database,
    *,
    kind: str,
    office_id: int,
    year: int,
    round: int | None = None,
    layout: str | dict[str, str] | None = None,
    digits: Digits = "thai",
    cover: bool = False,
    signatories: list[Signatory] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The PDF of one document, Qt-free, for the window's reports page and the CLI.

    ``kind`` is analysis, measures, progress, development or pack; ``year`` is the fiscal
    year printed in the title (results year for analysis, plan year for the others and the
    pack); ``layout`` a layout name or .toml path (for the pack: kind → name); ``progress``
    is called with (fraction done, Thai step name). Raises UserError with a Thai message.
    """
    _check_options(kind, digits, round)
    report = progress or _quiet
    if kind == "pack":
        layouts = layout if isinstance(layout, dict) else {}
        if isinstance(layout, str) and layout:
            raise UserError(
                "ชุดเอกสารประจำปีใช้รูปแบบของแต่ละเอกสาร เช่น "
                "--layout analysis=analysis-004,progress=progress-000"
            )
        return build_pack(
            db,
            office_id=office_id,
            year=year,
            round=round,
            layouts=layouts,
            digits=digits,
            cover=cover,
            signatories=signatories,
            progress=report,
        )
    if isinstance(layout, dict):
        layout = layout.get(kind)
    chosen = get_layout(layout, kind)
    report(0.05, "อ่านข้อมูล")
    data = load_document(
        db,
        kind=kind,
        office_id=office_id,
        year=year,
        round=round,
        digits=digits,
        signatories=signatories,
    )
    report(0.2, "จัดหน้าเอกสาร")
    story = _part(data, chosen, first=True, cover=cover)
    report(0.5, "สร้างไฟล์ PDF")
    pdf = render(
        story,
        first="portrait" if cover else chosen.page.orientation,
        title=fill(chosen.title, data),
        author=data.office.name,
        digits=digits,
        cover=cover,
    )
    report(1.0, "เสร็จแล้ว")
    return pdf


def _part(data: DocumentData, layout: Layout, *, first: bool, cover: bool = False) -> list:
    styles = ThaiStyles.create()
    story = []
    if cover:
        story += cover_page(data, layout, styles, layout.page.orientation)
    elif not first:
        story += switch_to(layout.page.orientation)
    return story + Renderer(data, layout, styles).story()


def _latest_round(db: Database, office_id: int, year: int) -> int:
    from ita_desktop.services.plans import find_plan, progress_of

    plan = find_plan(db, office_id, year)
    if plan is not None and progress_of(db, plan.id, 12):
        return 12
    return 6


def build_pack(
    db: Database,
    *,
    office_id: int,
    year: int,
    round: int | None = None,
    layouts: dict[str, str] | None = None,
    digits: Digits = "thai",
    cover: bool = False,
    signatories: list[Signatory] | None = None,
    progress: Progress = _quiet,
) -> bytes:
    """A–D of plan year ``year`` in one PDF: the analysis of its source year, the measures,
    progress of ``round`` (default: 12 when any twelve-month progress is recorded, else 6)
    and the development plan. Parts the file has no data for are left out."""
    layouts = dict(layouts or {})
    unknown = sorted(set(layouts) - set(KINDS))
    if unknown:
        raise UserError(f"ไม่รู้จักเอกสาร {', '.join(unknown)} (มี: {', '.join(KINDS)})")
    chosen = {kind: get_layout(layouts.get(kind), kind) for kind in KINDS}
    progress(0.05, "อ่านข้อมูล")
    measures = load_document(
        db, kind="measures", office_id=office_id, year=year, digits=digits, signatories=signatories
    )
    results_year = measures.plan.source_year or year - 1
    parts: list[tuple[str, DocumentData]] = []
    if measures.results is not None:
        parts.append(
            (
                "analysis",
                load_document(
                    db,
                    kind="analysis",
                    office_id=office_id,
                    year=results_year,
                    digits=digits,
                    signatories=signatories,
                ),
            )
        )
    parts.append(("measures", measures))
    parts.append(
        (
            "progress",
            load_document(
                db,
                kind="progress",
                office_id=office_id,
                year=year,
                round=round or _latest_round(db, office_id, year),
                digits=digits,
                signatories=signatories,
            ),
        )
    )
    if measures.results is not None:
        parts.append(
            (
                "development",
                load_document(
                    db,
                    kind="development",
                    office_id=office_id,
                    year=year,
                    digits=digits,
                    signatories=signatories,
                ),
            )
        )
    story = []
    if cover:
        pack_cover = replace(chosen["measures"], cover=PACK_COVER)
        story += cover_page(
            measures, pack_cover, ThaiStyles.create(), chosen[parts[0][0]].page.orientation
        )
    for i, (kind, data) in enumerate(parts):
        progress(0.1 + 0.4 * i / len(parts), "จัดหน้าเอกสาร")
        story += _part(data, chosen[kind], first=i == 0)
    progress(0.5, "สร้างไฟล์ PDF")
    first = "portrait" if cover else chosen[parts[0][0]].page.orientation
    title = fill("เอกสารการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year}", measures)
    pdf = render(
        story, first=first, title=title, author=measures.office.name, digits=digits, cover=cover
    )
    progress(1.0, "เสร็จแล้ว")
    return pdf


def cover_page(data: DocumentData, layout: Layout, styles: ThaiStyles, first: str) -> list:
    """A cover: the office's logo, the title lines, the office and where it is."""
    out = [Spacer(1, 3 * cm)]
    if data.office.logo:
        try:
            logo = Image(io.BytesIO(data.office.logo))
            scale = min(4.5 * cm / logo.imageHeight, 4.5 * cm / logo.imageWidth)
            logo.drawWidth, logo.drawHeight = logo.imageWidth * scale, logo.imageHeight * scale
            logo.hAlign = "CENTER"
            out += [logo, Spacer(1, 1.5 * cm)]
        except Exception:
            out.append(Spacer(1, 6 * cm))
    else:
        out.append(Spacer(1, 6 * cm))
    lines = layout.cover or (layout.title,)
    title = styles.derive(styles.title, 24, spaceAfter=6)
    for line in lines:
        text = fill(line, data)
        if text.strip():
            out.append(new_para(text, title))
    out.append(Spacer(1, 4 * cm))
    office = styles.derive(styles.title, 20, spaceAfter=4)
    for line in ("{office}", "{place}"):
        text = fill(line, data)
        if text.strip():
            out.append(new_para(text, office))
    return [*out, NextPageTemplate(first), PageBreak()]
