"""Tables from a layout's columns and grouped rows: headers repeated, tall cells continued."""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from ita_desktop.services.reports.cells import CellMaker, height
from ita_desktop.services.reports.layouts import Column
from ita_desktop.services.reports.model import DocumentData, Grid, Items, Value, fill
from ita_desktop.services.reports.rows import Group
from ita_desktop.services.reports.table_split import PAD_BOTTOM, PAD_TOP, PAD_X, RowSplitting

GRID_COLOR = colors.HexColor("#404040")
HEADER_FILL = colors.HexColor("#e6e6e6")
HEADING_FILL = colors.HexColor("#f2f2f2")


@dataclass(frozen=True)
class Leaf:
    """A printed column: a column, or one sub-column of a column with sub-columns."""

    header: str
    field: str
    group_field: str
    lead: str
    tail: str
    share: Decimal
    align: str
    numbering: str


def leaves(columns: tuple[Column, ...]) -> list[Leaf]:
    out = []
    for column in columns:
        for cell in column.sub or (column,):
            out.append(
                Leaf(
                    cell.header,
                    cell.field,
                    getattr(cell, "group_field", ""),
                    cell.lead,
                    cell.tail,
                    cell.width,
                    cell.align,
                    cell.numbering,
                )
            )
    return out


@dataclass
class Row:
    """A printed row; spans and keeps are the row's own, so any run of rows makes a table."""

    cells: list
    kind: str  # header, heading or body
    spans: list[tuple[int, int]] = field(default_factory=list)  # (first, last) column
    down: dict[int, int] = field(default_factory=dict)  # column → rows its cell spans
    keep_next: bool = False  # never the last row on a page (a group's heading)


@dataclass
class _Block:
    """The body rows of one group, and the cells that span all of them."""

    rows: list[Row]
    span_columns: dict[int, object]
    heading: Row | None = None


class ThaiTable(Table):
    """A Table that, where a page has room left, cuts the next row at a line end instead of
    moving it whole to the next page (as Word does); the rest continues on the next page,
    under the header."""

    builder: "TableBuilder | None" = None  # set by TableBuilder.make, with ``body``

    def split(self, availWidth, availHeight):
        if self.builder is None:
            return super().split(availWidth, availHeight)
        return self.builder.split_rows(self, availWidth, availHeight)


class TableBuilder(RowSplitting):
    """Builds tables for ``groups`` under ``columns`` within ``width`` points.

    ``max_height`` is the frame's height: no row or spanned group is made taller than what a
    page holds under the repeated header, so ReportLab never has to split inside one.
    """

    def __init__(
        self,
        data: DocumentData,
        columns: tuple[Column, ...],
        cells: CellMaker,
        width: float,
        max_height: float,
        numbering: str,
    ):
        self.data = data
        self.columns = columns
        self.leaves = leaves(columns)
        total = sum(leaf.share for leaf in self.leaves)
        self.widths = [float(leaf.share / total) * width for leaf in self.leaves]
        self.positions = [0.0]
        for w in self.widths:
            self.positions.append(self.positions[-1] + w)
        self.cells = cells
        self.max_height = max_height
        self.numbering = numbering
        self.header = self._header_rows()
        self.header_height = sum(self.row_height(r) for r in self.header)
        self.room = max(max_height - self.header_height - 2, 60.0)

    # -- cells --------------------------------------------------------------------------------

    def width_of(self, first: int, last: int | None = None) -> float:
        """The content width of a cell from column ``first`` to ``last``, computed as ReportLab
        computes it, so that a paragraph wrapped here is not wrapped again at a width a hair
        different."""
        if last is None or last == first:
            width = self.widths[first]
        else:
            width = self.positions[last + 1] - self.positions[first]
        return width - PAD_X - PAD_X

    def _cell(self, value: Value, col: int, last: int | None = None, bold=False):
        leaf = self.leaves[col]
        width = self.width_of(col, last)
        if isinstance(value, Items):
            return self.cells.items(
                value.entries, width, leaf.numbering or self.numbering, leaf.align, value.head
            )
        if isinstance(value, Grid):
            return self.cells.grid(value.rows, width)
        return self.cells.text(value, width, leaf.align, bold=bold)

    def _template(self, template: str, group: Group) -> Value:
        name = template.strip()
        if name.startswith("{") and name.endswith("}") and name[1:-1] in group.fields:
            value = group.fields[name[1:-1]]
            if not isinstance(value, str):
                return value
        return fill(template, self.data, group.fields)

    def _header_rows(self) -> list[Row]:
        two = any(column.sub for column in self.columns)
        top, bottom = Row([], "header"), Row([], "header")
        col = 0
        for column in self.columns:
            count = max(len(column.sub), 1)
            top.cells.append(
                self.cells.header(
                    fill(column.header, self.data), self.width_of(col, col + count - 1)
                )
            )
            if column.sub:
                top.cells += [""] * (count - 1)
                top.spans.append((col, col + count - 1))
                for i, sub in enumerate(column.sub):
                    bottom.cells.append(
                        self.cells.header(fill(sub.header, self.data), self.width_of(col + i))
                    )
            else:
                bottom.cells.append("")
                if two:
                    top.down[col] = 2
            col += count
        return [top, bottom] if two else [top]

    # -- groups -------------------------------------------------------------------------------

    def group_block(self, group: Group, heading: str = "", empty: str = "") -> _Block:
        rows: list[Row] = []
        span_cols = [i for i, leaf in enumerate(self.leaves) if leaf.group_field]
        lead = [self._template(leaf.lead, group) if leaf.lead else "" for leaf in self.leaves]
        tail = [self._template(leaf.tail, group) if leaf.tail else "" for leaf in self.leaves]
        if group.rows and any(lead):
            rows.append(self._row(lead, span_cols))
        for values in group.rows:
            rows.append(
                self._row(
                    [values.get(leaf.field, "") if leaf.field else "" for leaf in self.leaves],
                    span_cols,
                )
            )
        if not group.rows and empty:
            rows.append(self._empty_row(fill(empty, self.data, group.fields), span_cols))
        if any(tail):
            rows.append(self._row(tail, span_cols))
        if not rows and span_cols:
            rows.append(self._row([""] * len(self.leaves), span_cols))
        spans = {
            c: self._cell(group.fields.get(self.leaves[c].group_field, ""), c) for c in span_cols
        }
        head = None
        if heading:
            last = len(self.leaves) - 1
            head = Row(
                [self.cells.text(heading, self.width_of(0, last), bold=True)] + [""] * last,
                "heading",
                [(0, last)],
                keep_next=True,
            )
        return _Block(rows, spans, head)

    def _row(self, values: list[Value], span_cols: list[int]) -> Row:
        return Row(
            [self._cell(v, c) if c not in span_cols else "" for c, v in enumerate(values)], "body"
        )

    def _empty_row(self, text: str, span_cols: list[int]) -> Row:
        first = next(c for c in range(len(self.leaves)) if c not in span_cols)
        last = first
        while last + 1 < len(self.leaves) and last + 1 not in span_cols:
            last += 1
        cells: list = [""] * len(self.leaves)
        cells[first] = self._cell(text, first, last)
        return Row(cells, "body", [(first, last)] if last > first else [])

    # -- heights and continuation -------------------------------------------------------------

    def row_height(self, row: Row) -> float:
        """The height of ``row`` as ReportLab will make it (cells spanning down not counted)."""
        key = (tuple(map(id, row.cells)), tuple(row.spans), tuple(row.down))
        cached = row.__dict__.get("_height")
        if cached is not None and cached[0] == key:
            return cached[1]
        spanned = dict(row.spans)
        value = max(
            (
                height(cell, self.width_of(c, spanned.get(c))) + PAD_TOP + PAD_BOTTOM
                for c, cell in enumerate(row.cells)
                if c not in row.down
            ),
            default=0.0,
        )
        row.__dict__["_height"] = (key, value)
        return value

    def _chunks(self, block: _Block) -> list[_Block]:
        """The group with rows taller than a page cut into continuation rows; a group taller
        than a page is cut at row boundaries when the table is split (split_rows)."""
        room = self.room - (self.row_height(block.heading) if block.heading else 0)
        rows = [piece for row in block.rows for piece in self._continued(row, room)]
        return [_Block(rows, block.span_columns, block.heading)]

    # -- the table ----------------------------------------------------------------------------

    def build(self, blocks: list[_Block]) -> "ThaiTable | None":
        body: list[Row] = []
        for block in blocks:
            for part in self._chunks(block):
                if part.heading is not None:
                    body.append(part.heading)
                start = len(body)
                body.extend(replace(r, cells=list(r.cells), down=dict(r.down)) for r in part.rows)
                for c, content in part.span_columns.items():
                    body[start].cells[c] = content
                    if len(part.rows) > 1:
                        body[start].down[c] = len(part.rows)
        if not body:
            return None
        table = self.make(body)
        table.estimated_height = self.header_height + sum(self.row_height(r) for r in body)
        table.lead_height = self._lead_height(body)
        return table

    def make(self, body: list[Row]) -> ThaiTable:
        rows = [*self.header, *body]
        nh = len(self.header)
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOR),
            ("BACKGROUND", (0, 0), (-1, nh - 1), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, nh - 1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
            # empty cells are drawn as strings: in our font, so the PDF lists no Helvetica
            ("FONTNAME", (0, 0), (-1, -1), self.cells.styles.fonts.regular),
        ]
        for r, row in enumerate(rows):
            style += [("SPAN", (first, r), (last, r)) for first, last in row.spans]
            style += [("SPAN", (c, r), (c, r + n - 1)) for c, n in row.down.items() if n > 1]
            if row.kind == "heading":
                style.append(("BACKGROUND", (0, r), (-1, r), HEADING_FILL))
            if row.keep_next and r + 1 < len(rows):
                style.append(("NOSPLIT", (0, r), (-1, r + 1)))
        table = ThaiTable(
            [r.cells for r in rows],
            colWidths=self.widths,
            repeatRows=nh,
            splitInRow=0,
            style=TableStyle(style),
            hAlign="LEFT",
        )
        table.builder = self
        table.body = body
        return table
