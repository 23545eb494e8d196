"""A layout's blocks as flowables: title, headings, texts, lists, charts, tables, sign-off."""

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ita_desktop.domain import charts
from ita_desktop.services.reports.cells import CellMaker
from ita_desktop.services.reports.charts_pdf import chart_drawing
from ita_desktop.services.reports.layouts import Block, Layout
from ita_desktop.services.reports.model import (
    DocumentData,
    fill,
    list_entries,
    own_number,
    short_name,
)
from ita_desktop.services.reports.page import (
    FirstThatFits,
    KeepSpace,
    KeepTail,
    frame_size,
    switch_to,
)
from ita_desktop.services.reports.paras import para as new_para
from ita_desktop.services.reports.table_blocks import (
    NO_ROWS,
    NoneLine,
    ends_saying_none,
    says_none_only,
    table_flowables,
)
from ita_desktop.services.reports.tables import ThaiTable
from ita_desktop.services.reports.text import ThaiStyles, numbered_list

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
_CHARTS = {
    "overall": charts.overall_chart,
    "instruments": charts.instruments_chart,
    "indicators": charts.indicators_chart,
}
DEFAULT_ROLES = ("ผู้รายงาน", "ผู้ตรวจสอบ", "ผู้บริหาร")
DOTS = "." * 40


class FitChart(Flowable):
    """A chart and its caption, kept together, drawn down to 80 % to fit the room left."""

    # A chart that just misses the room at a page's foot would leave most of a page empty.

    MIN_SCALE = 0.8
    GAP = 4.0  # above the chart and between it and its caption

    def __init__(self, drawing, caption=None):
        super().__init__()
        self.drawing, self.caption = drawing, caption
        self.spaceAfter = 8
        self.scale = 1.0
        self._caption_height = 0.0

    def wrap(self, availWidth, availHeight):
        self._caption_height = self.caption.wrap(availWidth, availHeight)[1] if self.caption else 0
        fixed = 2 * self.GAP + self._caption_height
        full = self.drawing.height
        fits = (availHeight - fixed) / full
        self.scale = 1.0 if fits >= 1 or fits < self.MIN_SCALE else fits
        self.width, self.height = availWidth, fixed + full * self.scale
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return []  # whole, on the next page

    def draw(self):
        canvas, scale = self.canv, self.scale
        if self.caption:
            self.caption.drawOn(canvas, 0, 0)
        canvas.saveState()
        canvas.translate(
            (self.width - self.drawing.width * scale) / 2, self._caption_height + self.GAP
        )
        canvas.scale(scale, scale)
        self.drawing.drawOn(canvas, 0, 0)
        canvas.restoreState()


class Renderer:
    """Turns one document's layout and data into flowables, page orientation included."""

    def __init__(self, data: DocumentData, layout: Layout, styles: ThaiStyles):
        self.data = data
        self.layout = layout
        self.styles = styles
        self.orientation = layout.page.orientation
        self.figure = 0
        size = float(layout.font_size)
        self.body = styles.derive(styles.body, size, spaceAfter=4)
        self.indented = styles.derive(styles.body_indented, size, spaceAfter=4)
        # Under a heading, room for the first two lines of what follows it (a table asks for
        # its own start instead).
        self.follow = 2 * self.body.leading + self.body.spaceAfter
        # Headings are kept with what follows by KeepSpace, not keepWithNext: keepWithNext
        # would push a whole half-page table to the next page, leaving a gap.
        self.heading = styles.derive(
            styles.heading, size, spaceBefore=8, spaceAfter=4, keepWithNext=0
        )
        self.cells = CellMaker(styles, float(layout.table_font_size))
        self.headings: set[int] = set()  # id() of the heading paragraphs made

    # -- story --------------------------------------------------------------------------------

    def story(self) -> list:
        out = []
        pending = None  # the KeepSpace of headings still waiting for what follows them
        # A heading whose section (its blocks up to the next heading) printed nothing says so
        # in one line; a heading right before another is the parent of a section, not empty.
        unfilled = False  # the last heading has had nothing under it yet
        blocks_since = 0  # blocks since that heading
        for block in self.layout.blocks:
            if block.kind in ("heading", "signoff") and unfilled:
                if blocks_since or block.kind == "signoff":
                    out.append(self.none_line())
                    pending = None  # the heading has its line; a parent heading keeps waiting
                unfilled = False
            wanted = block.orientation
            if wanted and wanted != self.orientation:
                out += switch_to(wanted)
                self.orientation = wanted
                pending = None
            blocks_since += 1
            flows = getattr(self, f"_{block.kind}")(block)
            if not flows or (says_none_only(flows) and ends_saying_none(out)):
                continue  # nothing, or "(ยังไม่มีข้อมูล)" once more under the same one
            first = flows[0] if isinstance(flows[0], KeepSpace) else None
            if pending is not None and first is not None:
                pending.grow(first.height - self.follow)  # the guess, replaced by the need
                flows = flows[1:]
            elif block.kind == "heading":
                pending = first
            if block.kind == "heading":
                unfilled, blocks_since = True, 0
            else:
                unfilled, pending = False, None
            if block.kind == "signoff":
                out = keep_tail(out, flows[0], headings=self.headings, width=self.frame()[0])
            else:
                out += flows
        if unfilled:
            out.append(self.none_line())
        return out

    def none_line(self, text: str = "") -> NoneLine:
        """The one line of a section or table that has nothing to print."""
        return NoneLine(text or NO_ROWS, self.body)

    def keep(self, flowables: list, extra: float = 0) -> list:
        """``flowables`` after a KeepSpace for their height (plus ``extra``)."""
        width, height = self.frame()
        need = extra
        for f in flowables:
            need += f.wrap(width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        return [KeepSpace(need, height), *flowables]

    def head(self, text: str, align: str | None = None) -> list:
        """A heading, kept with the first lines of what follows it."""
        heading = self.para(text, self.heading, align)
        self.headings.add(id(heading))
        return self.keep([heading], self.follow)

    def frame(self) -> tuple[float, float]:
        return frame_size(self.orientation)

    def para(self, text: str, style=None, align: str | None = None):
        style = style or self.body
        if align:
            style = self.styles.derive(style, alignment=_ALIGN[align])
        return new_para(text, style)

    def lines(self, text: str, style=None) -> list:
        """Paragraphs of a text the clerk typed: one per line, empty lines left out. A short
        line before a long one is a label ("ส่วนที่ ๒ ผู้ประเมิน…"): kept with it at a page foot."""
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        style = style or self.body
        label = self.styles.derive(style, keepWithNext=1)
        return [
            self.para(line, label if _is_label(line, lines[i + 1 :]) else style)
            for i, line in enumerate(lines)
        ]

    # -- blocks -------------------------------------------------------------------------------

    def _title(self, block: Block) -> list:
        lines = block.lines or (self.layout.title, "{office}", "{place}")
        out = []
        for i, template in enumerate(lines):
            text = fill(template, self.data)
            if text.strip():
                size = 20 if i == 0 else 18
                style = self.styles.derive(self.styles.title, size, spaceAfter=2)
                out.append(self.para(text, style))
        return [*out, Spacer(1, 10)]

    def _heading(self, block: Block) -> list:
        return self.head(fill(block.text, self.data), block.align)

    def _paragraph(self, block: Block) -> list:
        style = self.indented if block.indent else self.body
        if block.bold:
            style = self.styles.derive(style, fontName=self.styles.fonts.bold)
        return [
            self.para(line, style, block.align)
            for line in fill(block.text, self.data).split("\n")
            if line.strip()
        ]

    def _instruments(self):
        criteria = self.data.criteria
        return criteria.instruments if criteria else ()

    def _text(self, block: Block) -> list:
        style = self.indented if block.indent else self.body
        scopes = (
            [
                {"code": i.code, "name": i.name, "short_name": short_name(i.name)}
                for i in self._instruments()
            ]
            if block.each
            else [{}]
        )
        out = []
        for scope in scopes:
            keys = [key.format_map({**scope}) if scope else key for key in block.keys]
            text = self.data.digit(self.data.texts.get(keys, draft=block.draft))
            if not text:
                continue
            if block.text:
                out += self.head(fill(block.text, self.data, scope))
            out += self.lines(text, style)
        return out

    def _list(self, block: Block) -> list:
        entries = [fill(item, self.data) for item in block.items]
        return self.numbered(
            [e for e in entries if e.strip()], block.numbering or self.layout.numbering
        )

    def numbered(self, entries: list[str], numbering: str, style=None) -> list:
        """A list in ``numbering``; entries the clerk numbered keep their numbers instead of
        ours, and a bare dash in front of an entry gives way to our number ("none": as is)."""
        style = style or self.body
        if numbering == "none":
            return [self.para(e.strip(), style) for e in entries if e.strip()]
        entries, own = list_entries(entries)
        if not entries:
            return []
        if own:
            return self.own_numbered(entries, style)
        return numbered_list(list(entries), style, numbering)

    def own_numbered(self, entries, style) -> list:
        """Entries under their own numbers ("๑) …"), later lines hanging as in our lists."""
        labels = [own_number(e) for e in entries]
        gap = style.fontSize * 0.4
        hang = max(stringWidth(label, style.fontName, style.fontSize) for label in labels) + gap
        hanging = self.styles.derive(
            style, leftIndent=style.leftIndent + hang, bulletIndent=style.leftIndent
        )
        hanging.firstLineIndent = 0
        out = []
        for entry, label in zip(entries, labels, strict=True):
            paragraph = new_para(entry[len(label) :].strip() if label else entry, hanging)
            paragraph.bulletText = label or None
            out.append(paragraph)
        return out

    def _chart(self, block: Block) -> list:
        analysis = self.data.analysis
        if analysis is None:
            return []
        chart = _CHARTS[block.chart](analysis, digits=self.data.digits)
        if chart.is_empty:
            return []
        self.figure += 1
        width = min(self.frame()[0] * 0.9, 15.5 * cm)
        height = 7.5 * cm if block.chart != "indicators" else 9 * cm
        drawing = chart_drawing(chart, self.styles.fonts, width, height)
        caption = fill(block.caption, self.data, {"figure": str(self.figure)})
        style = self.styles.derive(self.body, alignment=TA_CENTER, spaceBefore=0, spaceAfter=0)
        return [FitChart(drawing, self.para(caption, style) if caption else None)]

    def _table(self, block: Block) -> list:
        return table_flowables(self, block)

    def _page_break(self, block: Block) -> list:
        return [] if block.orientation else [PageBreak()]

    def _recommendations(self, block: Block) -> list:
        results = self.data.results
        if results is None:
            return []
        out = []
        for inst in self._instruments():
            text = results.assessment.recommendations.get(inst.code, "").strip()
            if not text:
                continue
            scope = {"code": inst.code, "name": inst.name, "short_name": short_name(inst.name)}
            template = block.text or "ข้อเสนอแนะสำหรับการประเมินตาม{name}"
            out += self.head(fill(template, self.data, scope))
            out += self.lines(self.data.digit(text), self.indented)
        return out

    def _comments(self, block: Block) -> list:
        results = self.data.results
        text = results.assessment.stakeholder_comments.strip() if results else ""
        if not text:
            return []
        head = self.head(fill(block.text, self.data)) if block.text else []
        return head + self.lines(self.data.digit(text), self.indented)

    def _poll(self, block: Block) -> list:
        results = self.data.results
        poll = results.assessment.poll if results else []
        if not poll:
            return []
        out = self.head(fill(block.text, self.data)) if block.text else []
        questions: dict[str, list] = {}
        for answer in poll:
            questions.setdefault(answer.question, []).append(answer)
        for question, answers in questions.items():
            out.append(self.para(self.data.digit(question), self.indented))
            entries = [
                f"{self.data.digit(n)}) {a.answer} {self.data.num(a.percent)} %"
                for n, a in enumerate(answers, start=1)
            ]
            out += self.numbered(entries, "dash")  # numbered "๑)": no dash in front
        return out

    def _below_target(self, block: Block) -> list:
        analysis = self.data.analysis
        if analysis is None:
            return []
        out = []
        for inst in self._instruments():
            sentence = self.data.texts.get([f"below_target:{inst.code}"])
            below = analysis.below_target_of(inst.code)
            entries = [
                self.data.digit(f"{_item_label(i.code, i.text)} ({self.data.num(i.score)} คะแนน)")
                for i in (below.items if below else ())
            ]
            if sentence:  # at a page foot, over with the first item it counts
                style = self.styles.derive(self.indented, keepWithNext=int(bool(entries)))
                out.append(self.para(self.data.digit(sentence), style))
            out += self.numbered(entries, block.numbering or "dash")
        # Under the heading: its first sentence and item (the heading's KeepSpace takes this).
        return self.keep(out[:2]) + out[2:] if out else []

    def _plan_intro(self, block: Block) -> list:
        plan = self.data.plan
        if plan is None:
            return []
        text = plan.intro.strip()
        if not text:
            meeting = " และการประชุมเมื่อวันที่ {meeting_date}" if plan.meeting_date else ""
            text = fill(
                block.text
                or (
                    "จากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน "
                    "ประจำปีงบประมาณ พ.ศ. {results_year}" + meeting + " นำมาสู่การกำหนดมาตรการ"
                    "ส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานของ{office} "
                    "ประจำปีงบประมาณ พ.ศ. {plan_year} ดังนี้"
                ),
                self.data,
            )
        style = self.indented if block.indent or not block.text else self.body
        return self.lines(self.data.digit(text), style)

    def _signoff(self, block: Block) -> list:
        roles = block.roles or DEFAULT_ROLES
        people = [s for s in self.data.signatories if not block.roles or s.role in roles]
        people.sort(key=lambda s: roles.index(s.role) if s.role in roles else len(roles))
        if not people:
            people = [None]
        frame = self.frame()[0]
        # Two to a row, three on a landscape page (all on one row); a lone last one centred,
        # and a single signatory on the right, where Thai memos sign.
        per_row = 3 if frame > 20 * cm and len(people) >= 3 else 2
        width = frame / per_row
        style = self.styles.derive(self.body, alignment=TA_CENTER, spaceAfter=0)
        cells = []
        for person in people:
            if person is None:
                lines = [f"ลงชื่อ {DOTS} ผู้รายงาน", f"({DOTS})", "ตำแหน่ง ....................."]
            else:
                lines = [f"ลงชื่อ {DOTS} {person.role}".strip(), f"({person.name})", person.position]
            cells.append(
                [
                    new_para(self.data.digit(t), style, width - 12)  # 6 pt padding each side
                    for t in lines
                    if t.strip()
                ]
            )
        rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
        if len(cells) == 1:
            rows = [["", cells[0]]]
        head = [self.para(fill(block.text, self.data), self.body)] if block.text else []

        def signed(gap: float, room: float) -> list:
            """``room`` above each signature line, ``gap`` under the text before."""
            table_style = TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), room),
                    ("FONTNAME", (0, 0), (-1, -1), self.styles.fonts.regular),  # no Helvetica
                ]
            )
            tables = [
                Table([row], colWidths=[width] * len(row), hAlign="CENTER", style=table_style)
                for row in rows
            ]
            return [*head, Spacer(1, gap), *tables]

        return [FirstThatFits(signed(12, 18), signed(2, 10))]


def _item_label(code: str, text: str) -> str:
    """ "I1 ข้อความ", or the code alone when the criteria do not know the item's wording."""
    return f"{code} {text.strip()}".strip()


class KeepLastLines(KeepTail):
    """The story's last paragraph and the sign-off after it: when both do not fit, the
    paragraph's last two lines (or all of a short one) go over with the sign-off."""

    def split(self, availWidth, availHeight):
        paragraph = self.table
        height = paragraph.wrapOn(self.canv, availWidth, availHeight)[1]
        room = min(availHeight, height - 2 * paragraph.style.leading + 1)
        parts = paragraph.split(availWidth, room) if room > 0 else []
        if len(parts) >= 2:
            return [*parts[:-1], KeepLastLines(parts[-1], self.tail, self.gap)]
        frame = self._doctemplateAttr("frame")
        if frame is not None and frame._atTop:
            return [paragraph, Spacer(1, self.gap), self.tail]  # taller than a page
        return []  # whole, on the next page


def keep_tail(story: list, tail: Flowable, *, headings: set[int], width: float) -> list:
    """``story`` with ``tail`` (the sign-off) after it, never alone on the last page: kept with
    the end of a table that ends the story, or with the last lines of its last paragraph (and
    that paragraph's heading, when it is the section's only line: "(ยังไม่มีข้อมูล)")."""
    end = len(story)
    while end and isinstance(story[end - 1], Spacer):
        end -= 1
    if not end:
        return [*story, tail]
    last = story[end - 1]
    gap = sum(spacer.height for spacer in story[end:])
    if isinstance(last, ThaiTable):
        return [*story[: end - 1], KeepTail(last, tail, gap)]
    if not isinstance(last, Paragraph):
        return [*story[: end - 1], KeepTogether([*story[end - 1 :], tail])]  # a chart
    gap += last.getSpaceAfter()
    start = end - 1
    before = start - 1
    while before >= 0 and isinstance(story[before], (KeepSpace, Spacer)):
        before -= 1
    lines = last.wrap(width, 1e6)[1] / last.style.leading
    if before >= 0 and id(story[before]) in headings and lines < 2.5:
        start = before  # a heading over one or two lines: they go over together
    if start < end - 1:
        return [*story[:start], KeepTogether([*story[start:end], *story[end:], tail])]
    return [*story[: end - 1], KeepLastLines(last, tail, gap)]


LABEL_CHARS = 60  # a line this short is less than one printed line at every body size


def _is_label(line: str, after: list[str]) -> bool:
    return bool(after) and len(line) <= LABEL_CHARS < len(after[0])
