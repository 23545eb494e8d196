"""How long the demo office's annual pack takes, against the same text, tables and charts set by
plain ReportLab (no shaping, no Thai word wrapping, no continued rows, no page totals). Goal:
about a second for the pack, and at most 1.5 times the plain build.

    .venv/bin/python bench/report_bench.py [runs]
"""

import io
import re
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from xml.sax.saxutils import escape

from reportlab.lib.fonts import ps2tt
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle

from ita_desktop import paths
from ita_desktop.domain import charts
from ita_desktop.services.demo import create_demo
from ita_desktop.services.reports import blocks, build_document, cells, charts_pdf
from ita_desktop.services.reports.layouts import KINDS, get_layout
from ita_desktop.services.reports.model import Grid, Items, fill, load_document
from ita_desktop.services.reports.page import ReportDoc, frame_size
from ita_desktop.services.reports.rows import table_groups
from ita_desktop.services.reports.tables import leaves
from ita_desktop.storage.database import open_database

PLAIN, PLAIN_BOLD = "Plain-Sarabun", "Plain-Sarabun-Bold"


def _register_plain() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    fonts = paths.resources_dir() / "fonts"
    for name, file in ((PLAIN, "Sarabun-Light.ttf"), (PLAIN_BOLD, "Sarabun-Bold.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(fonts / file)))
    body = ParagraphStyle("plain", fontName=PLAIN, fontSize=11, leading=16.5)
    cell = ParagraphStyle("plain-cell", fontName=PLAIN, fontSize=9.6, leading=14.4)
    bold = ParagraphStyle("plain-bold", parent=cell, fontName=PLAIN_BOLD)
    return body, cell, bold


def _plain_text(value) -> str:
    if isinstance(value, Items):
        entries = ([value.head] if value.head else []) + list(value.entries)
        return "<br/>".join(f"{n}. {escape(e)}" for n, e in enumerate(entries, start=1))
    if isinstance(value, Grid):
        return "<br/>".join(escape(" ".join(row)) for row in value.rows)
    return escape(value or "").replace("\n", "<br/>")


def _plain_table(data, block, width, cell, bold) -> list:
    """The block's table with plain Paragraph cells: header, group headings, rows."""
    columns = leaves(block.columns)
    total = sum(c.share for c in columns)
    widths = [float(c.share / total) * width for c in columns]
    rows = [[Paragraph(escape(fill(c.header, data)), bold) for c in columns]]
    style = [("GRID", (0, 0), (-1, -1), 0.5, "#404040"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    groups = table_groups(data, block.source, block.group_by, block.all_groups, block.total_row)
    for group in (child for g in groups for child in (g.children or [g])):
        if block.headings:
            rows.append(
                [Paragraph(escape(fill(block.headings[-1], data, group.fields)), bold)]
                + [""] * (len(columns) - 1)
            )
            style.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
        for n, values in enumerate(group.rows):
            rows.append(
                [
                    Paragraph(
                        _plain_text(
                            group.fields.get(c.group_field, "")
                            if c.group_field and n == 0
                            else values.get(c.field, "")
                        ),
                        cell,
                    )
                    for c in columns
                ]
            )
    return [Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style)), Spacer(1, 8)]


PLAIN_FONTS = SimpleNamespace(
    regular=PLAIN,
    bold=PLAIN_BOLD,
    size=lambda pt: pt * 11 / 16,
    leading=lambda pt: pt * 1.5 * 11 / 16,
)
CHARTS = {
    "overall": charts.overall_chart,
    "instruments": charts.instruments_chart,
    "indicators": charts.indicators_chart,
}


@contextmanager
def unshaped_charts():
    """The same chart code with the Thai text layer switched off (plain widths, no shaping)."""
    saved = charts_pdf.text_width, charts_pdf.shape_text
    charts_pdf.text_width = pdfmetrics.stringWidth
    charts_pdf.shape_text = lambda text, font, size: text
    try:
        yield
    finally:
        charts_pdf.text_width, charts_pdf.shape_text = saved


_plain_styles: dict[int, tuple] = {}


def _plain_style(style) -> ParagraphStyle:
    cached = _plain_styles.get(id(style))
    if cached is None or cached[0] is not style:
        font = PLAIN_BOLD if ps2tt(style.fontName)[1] else PLAIN
        plain = ParagraphStyle(
            f"{style.name}-plain",
            parent=style,
            fontName=font,
            bulletFontName=font,
            shaping=0,
            splitLongWords=1,
        )
        cached = _plain_styles[id(style)] = (style, plain)
    return cached[1]


@contextmanager
def thai_processing_off():
    """Our engine, tables, pages and all, with the Thai text layer switched off: plain
    Paragraphs (no shaping, no word wrapping) and plain chart labels."""

    def plain_para(text, style, width=None):
        return Paragraph(escape(text).replace("\n", "<br/>"), _plain_style(style))

    def plain_list(items, style, numbering="thai", start=1, gap=None):
        return [
            plain_para(f"{'-' if numbering == 'dash' else start + i}. {text}", style)
            for i, text in enumerate(items)
        ]

    patches = [
        (cells, "para", plain_para),
        (blocks, "new_para", plain_para),
        (cells, "numbered_list", plain_list),
        (blocks, "numbered_list", plain_list),
    ]
    saved = [(module, name, getattr(module, name)) for module, name, _ in patches]
    for module, name, value in patches:
        setattr(module, name, value)
    try:
        with unshaped_charts():
            yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)


def _engine_without_thai(db, office_id: int, year: int) -> bytes:
    with thai_processing_off():
        return build_document(db, kind="pack", office_id=office_id, year=year)


def _prose(data, block) -> list[str]:
    """The texts of a non-table block, as our renderer prints them (without layout)."""
    results, analysis = data.results, data.analysis
    if block.kind in ("title", "heading", "paragraph"):
        return [fill(line, data) for line in block.lines or (block.text,)]
    if block.kind == "list":
        return [fill(item, data) for item in block.items]
    if block.kind == "text":
        codes = [i.code for i in data.criteria.instruments] if block.each else [""]
        return [data.texts.get([k.replace("{code}", c) for k in block.keys]) for c in codes]
    if block.kind == "plan_intro" and data.plan:
        return [data.plan.intro]
    if block.kind == "recommendations" and results:
        return list(results.assessment.recommendations.values())
    if block.kind == "comments" and results:
        return [results.assessment.stakeholder_comments]
    if block.kind == "poll" and results:
        return [f"{a.answer} {a.percent} %" for a in results.assessment.poll]
    if block.kind == "below_target" and analysis:
        return [f"{i.code} {i.text}" for b in analysis.below_target for i in b.items]
    if block.kind == "signoff":
        return [f"ลงชื่อ ........ ({s.name}) {s.position}" for s in data.signatories]
    return []


def plain_story(data, layout, styles) -> list:
    body, cell, bold = styles
    orientation = layout.page.orientation
    story = []
    for block in layout.blocks:
        if block.orientation and block.orientation != orientation:
            orientation = block.orientation
            story += [NextPageTemplate(orientation), PageBreak()]
        width = frame_size(orientation)[0]
        if block.kind == "table":
            story += _plain_table(data, block, width, cell, bold)
        elif block.kind == "chart" and data.analysis:
            chart = CHARTS[block.chart](data.analysis)
            with unshaped_charts():
                story.append(charts_pdf.chart_drawing(chart, PLAIN_FONTS, width * 0.9, 220))
            story.append(Paragraph(escape(fill(block.caption, data)), body))
        else:
            for text in _prose(data, block):
                story += [Paragraph(escape(line), body) for line in text.split("\n") if line]
    return story


def build_plain_pack(db, office_id: int, year: int, styles) -> bytes:
    parts = []
    measures = load_document(db, kind="measures", office_id=office_id, year=year)
    parts.append(
        (
            "analysis",
            load_document(db, kind="analysis", office_id=office_id, year=measures.plan.source_year),
        )
    )
    parts.append(("measures", measures))
    parts.append(
        ("progress", load_document(db, kind="progress", office_id=office_id, year=year, round=12))
    )
    parts.append(
        ("development", load_document(db, kind="development", office_id=office_id, year=year))
    )
    story = []
    first = get_layout(None, parts[0][0]).page.orientation
    for i, (kind, data) in enumerate(parts):
        layout = get_layout(None, kind)
        if i:
            story += [NextPageTemplate(layout.page.orientation), PageBreak()]
        story += plain_story(data, layout, styles)
    buffer = io.BytesIO()
    ReportDoc(buffer, first=first, title="plain", author="bench").build(story)
    return buffer.getvalue()


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page[^s]", pdf))


def _medians(actions, runs: int) -> list[tuple[float, bytes]]:
    """Median time of each action, run in turns so that a busy machine slows both alike."""
    times = [[] for _ in actions]
    results = [b""] * len(actions)
    for _ in range(runs):
        for i, action in enumerate(actions):
            start = time.perf_counter()
            results[i] = action()
            times[i].append(time.perf_counter() - start)
    return [(statistics.median(t), r) for t, r in zip(times, results, strict=True)]


def main(runs: int = 5) -> None:
    assert set(KINDS) == {"analysis", "measures", "progress", "development"}
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite")
        office_id, _ = create_demo(db)
        year = max(r["year"] for r in db.query("SELECT year FROM plan"))
        start = time.perf_counter()
        build_document(db, kind="pack", office_id=office_id, year=year)
        cold = time.perf_counter() - start
        styles = _register_plain()
        build_plain_pack(db, office_id, year, styles)  # warm the plain fonts too
        _engine_without_thai(db, office_id, year)
        (ours, pdf), (plain, plain_pdf), (engine, engine_pdf) = _medians(
            [
                lambda: build_document(db, kind="pack", office_id=office_id, year=year),
                lambda: build_plain_pack(db, office_id, year, styles),
                lambda: _engine_without_thai(db, office_id, year),
            ],
            runs,
        )
        db.close()
    print(
        f"annual pack of the demo office, ปีงบประมาณ {year}: {_pages(pdf)} pages, "
        f"{len(pdf) // 1024} KB"
    )
    print(f"  first build in this process (fonts, dictionary): {cold:.2f} s")
    print(f"  median of {runs} warm builds: {ours:.2f} s")
    print(
        f"  plain ReportLab, same text, tables and charts ({_pages(plain_pdf)} pages): "
        f"{plain:.2f} s"
    )
    print(f"  ratio: {ours / plain:.2f} (goal ≤ 1.5)")
    print(
        f"  our engine with the Thai text layer switched off ({_pages(engine_pdf)} pages): "
        f"{engine:.2f} s, ratio {ours / engine:.2f}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
