"""Table blocks: one table with group heading rows, or a heading, caption and table per group."""

from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Spacer

from ita_desktop.services.reports.layouts import Block
from ita_desktop.services.reports.model import fill
from ita_desktop.services.reports.page import KeepSpace
from ita_desktop.services.reports.paras import Para
from ita_desktop.services.reports.rows import OTHER, Group, table_groups
from ita_desktop.services.reports.tables import TableBuilder

NO_ROWS = "(ยังไม่มีข้อมูล)"


class NoneLine(Para):
    """The line that says a section or table has nothing to show; said once where several
    would stand together (the ranking table and its highest/lowest rows)."""


def says_none_only(flows: list) -> bool:
    """Whether ``flows`` only say there is nothing ("(ยังไม่มีข้อมูล)" without a caption)."""
    return any(isinstance(f, NoneLine) for f in flows) and all(
        isinstance(f, (NoneLine, KeepSpace, Spacer)) for f in flows
    )


def ends_saying_none(story: list) -> bool:
    """Whether the last thing ``story`` prints is such a line."""
    last = next((f for f in reversed(story) if not isinstance(f, (KeepSpace, Spacer))), None)
    return isinstance(last, NoneLine)


def _heading(renderer, template: str, group: Group) -> str:
    if group.other:
        return OTHER
    return fill(template, renderer.data, group.fields) if template else ""


def table_flowables(renderer, block: Block) -> list:
    data = renderer.data
    groups = table_groups(data, block.source, block.group_by, block.all_groups, block.total_row)
    width, height = renderer.frame()
    builder = TableBuilder(
        data, block.columns, renderer.cells, width, height, renderer.layout.numbering
    )
    caption_style = renderer.styles.derive(
        renderer.body, alignment=TA_CENTER, spaceBefore=6, fontName=renderer.styles.fonts.bold
    )
    out = []
    if block.caption:
        first = groups[0].fields if groups else {}
        out.append(renderer.para(fill(block.caption, data, first), caption_style))
    if block.group_style == "tables" and block.group_by:
        out += _tables_per_group(renderer, block, builder, groups, caption_style)
        return [*out, Spacer(1, 8)]
    else:
        blocks = []
        for group in groups:
            if group.children:
                outer = _heading(renderer, block.headings[0] if block.headings else "", group)
                for i, child in enumerate(group.children):
                    inner = _heading(renderer, block.headings[1] if block.headings else "", child)
                    heading = "\n".join(t for t in ((outer if i == 0 else ""), inner) if t)
                    blocks.append(builder.group_block(child, heading, block.empty))
            else:
                heading = _heading(renderer, block.headings[0], group) if block.headings else ""
                blocks.append(builder.group_block(group, heading, block.empty))
        table = builder.build(blocks)
        if table is None:
            return renderer.keep([*out, renderer.none_line(fill(block.empty, data))])
        return [*_kept(renderer, out, table), Spacer(1, 8)]


def _kept(renderer, head: list, table) -> list:
    """``head`` and ``table``: kept on one page when the table is short, else only its start."""
    height = renderer.frame()[1]
    whole = table.estimated_height  # spanned cells aside: enough to tell short from long
    if whole <= height * 0.25:
        return renderer.keep([*head, table])
    keep = renderer.keep(head, table.lead_height)
    return [*keep, table]


def _tables_per_group(
    renderer, block: Block, builder: TableBuilder, groups: list[Group], caption_style
) -> list:
    """Seed 000: '๑. ด้าน IIT พบว่า', then per item its heading, caption and own table."""
    data = renderer.data
    out = []
    if not groups:
        return [renderer.none_line(fill(block.empty, data))]
    for group in groups:
        outer = []
        if group.children and block.headings:
            outer.append(
                renderer.para(_heading(renderer, block.headings[0], group), renderer.heading)
            )
        level = 1 if group.children else 0
        for inner in group.children or [group]:
            head, outer = outer, []
            template = block.headings[level] if len(block.headings) > level else ""
            text = _heading(renderer, template, inner)
            if text:
                head.append(
                    renderer.para(text, renderer.styles.derive(renderer.body, spaceBefore=6))
                )
            if block.group_caption:
                head.append(
                    renderer.para(fill(block.group_caption, data, inner.fields), caption_style)
                )
            table = builder.build([builder.group_block(inner, "", block.empty)])
            if table is None:
                out += renderer.keep(
                    [*head, renderer.none_line(fill(block.empty, data, inner.fields))]
                )
            else:
                out += [*_kept(renderer, head, table), Spacer(1, 6)]
    return out
