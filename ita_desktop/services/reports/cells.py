"""Table cell contents: Thai paragraphs, numbered lists, small grids, and their continuation."""

from functools import cache
from typing import NamedTuple

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

from ita_desktop.services.reports.paras import para
from ita_desktop.services.reports.text import (
    ThaiStyles,
    measure_runs,
    numbered_list,
    split_tall_text,
)
from ita_desktop.services.reports.text.paragraphs import numbering_label

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


class Part(NamedTuple):
    """A paragraph of a list cell: its text, its label ("๑.", "-", or None), hanging or plain."""

    text: str
    label: str | None
    plain: bool = False  # a text before the list (a measure before its steps): no hanging


class Cell(list):
    """The flowables of one cell, remembering what they print so the cell can be continued."""

    def __init__(
        self,
        flowables,
        kind: str,
        value,
        align: str = "left",
        bold: bool = False,
        numbering: str = "none",
    ):
        super().__init__(flowables)
        self.kind = kind  # text (value: str), items (value: tuple of Part) or grid
        self.value = value
        self.align = align
        self.bold = bold
        self.numbering = numbering


def height(cell, width: float) -> float:
    """The height of a cell's content at ``width`` (without padding)."""
    if not isinstance(cell, list):
        return 0.0
    return sum(f.wrap(width, 1e6)[1] for f in cell)


class CellMaker:
    """Makes cells in one font size (Thai-document points) for the tables of a document."""

    def __init__(self, styles: ThaiStyles, thai_pt: float):
        self.styles = styles
        self.thai_pt = thai_pt
        self._style = cache(self._make_style)
        self._hanging = cache(self._make_hanging)

    def _make_style(self, align: str, bold: bool, header: bool = False) -> ParagraphStyle:
        base = self.styles.table_header if header else self.styles.table_cell
        font = self.styles.fonts.name(bold=bold or header)
        return self.styles.derive(
            base, self.thai_pt, alignment=_ALIGN[align], fontName=font, bulletFontName=font
        )

    def _make_hanging(self, align: str, numbering: str, count: int) -> ParagraphStyle:
        """The list style of the text layer: later lines hang under the text, not the label."""
        return numbered_list(["-"] * count, self._style(align, False), numbering)[0].style

    def style(self, align: str = "left", bold: bool = False) -> ParagraphStyle:
        return self._style(align, bold)

    # -- making -------------------------------------------------------------------------------

    def text(self, text, width: float, align: str = "left", bold: bool = False):
        if not isinstance(text, str) or not text.strip():
            return ""
        return Cell([para(text, self._style(align, bold), width)], "text", text, align, bold)

    def header(self, text: str, width: float):
        if not text.strip():
            return ""
        return Cell(
            [para(text, self._style("center", True, True), width)], "text", text, "center", True
        )

    def items(self, entries, width: float, numbering: str, align: str = "left", head: str = ""):
        """A list, one paragraph an entry: "๑." / "1." / "-" hanging, or plain ("none")."""
        entries = tuple(e for e in entries if e.strip())
        if not entries and not head.strip():
            return ""
        if len(entries) == 1 and numbering != "dash":
            numbering = "none"  # a lone step needs no "๑.": the seeds print it without one
        parts = [Part(head.strip(), None, True)] if head.strip() else []
        parts += [
            Part(e, None if numbering == "none" else numbering_label(n, numbering))
            for n, e in enumerate(entries, start=1)
        ]
        return self._items_cell(parts, width, align, numbering, len(entries))

    def _items_cell(self, parts, width, align, numbering, count=None) -> Cell:
        count = count or sum(1 for p in parts if not p.plain) or 1
        cell = Cell([], "items", tuple(parts), align, numbering=numbering)
        cell.count = count  # entries of the whole list: the label width the hanging needs
        for part in parts:
            if part.plain or numbering == "none":
                paragraph = para(part.text, self._style(align, False), width)
            else:
                paragraph = para(part.text, self._hanging(align, numbering, count), width)
                paragraph.bulletText = part.label
            cell.append(paragraph)
        return cell

    def grid(self, rows, width: float):
        """A borderless small table (number | name | score) inside a spanning cell."""
        if not rows:
            return ""
        style = self._style("left", False)
        right = self._style("right", False)
        # The number column as wide as its widest label ("๑๐."), so none is cut in two.
        first = max(measure_runs(a, style) for a, _, _ in rows) + 2 + style.fontSize * 0.4
        last = max(measure_runs(c, style) for _, _, c in rows) + 2 + style.fontSize * 0.4
        first, last = min(max(first, width * 0.08), width * 0.3), min(last, width * 0.3)
        widths = [first, width - first - last, last]
        data = [
            [
                para(a, style, widths[0] - 2),
                para(b, style, widths[1] - 2),
                para(c, right, widths[2] - 2),
            ]
            for a, b, c in rows
        ]
        table = Table(
            data,
            colWidths=widths,
            hAlign="LEFT",
            style=TableStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), self.styles.fonts.regular),  # no Helvetica
                ]
            ),
        )
        return Cell([table], "grid", rows)

    # -- continuation -------------------------------------------------------------------------

    def split_first(self, cell, width: float, room: float):
        """(what of ``cell`` fits in ``room``, the rest); None when not even a line fits.

        Texts are cut at line ends; the rest keeps those line ends ("\\n"), so it prints the
        same lines it would have printed in one cell.
        """
        if not isinstance(cell, Cell) or height(cell, width) <= room:
            return cell, ""
        if cell.kind == "grid":
            return None
        if cell.kind == "text":
            style = self._style(cell.align, cell.bold)
            try:
                pieces = split_tall_text(cell.value, style, width, room)
            except ValueError:
                return None
            rest = "\n".join(pieces[1:])
            return (
                self.text(pieces[0], width, cell.align, cell.bold),
                self.text(rest, width, cell.align, cell.bold),
            )
        return self._split_items(cell, width, room)

    def _split_items(self, cell: Cell, width: float, room: float):
        first: list[Part] = []
        used = 0.0
        parts = list(cell.value)
        while parts:
            part = parts[0]
            need = height(
                self._items_cell([part], width, cell.align, cell.numbering, cell.count), width
            )
            if used + need <= room:
                first.append(parts.pop(0))
                used += need
                continue
            style = (
                self._style(cell.align, False)
                if part.plain or cell.numbering == "none"
                else self._hanging(cell.align, cell.numbering, cell.count)
            )
            try:
                pieces = split_tall_text(part.text, style, width, room - used)
            except ValueError:
                break  # not a line of it fits: it starts the rest
            first.append(part._replace(text=pieces[0]))
            parts[0] = Part("\n".join(pieces[1:]), None, part.plain)
            if not parts[0].text:
                parts.pop(0)
            break
        if not first:
            return None
        make = self._items_cell
        rest = make(parts, width, cell.align, cell.numbering, cell.count) if parts else ""
        return make(first, width, cell.align, cell.numbering, cell.count), rest

    def split(self, cell, width: float, room: float) -> list:
        """``cell`` as pieces each at most ``room`` high, for continuation rows."""
        pieces = []
        while cell:
            result = self.split_first(cell, width, room)
            if result is None:
                return [*pieces, cell]  # cannot be cut (a grid): printed whole
            first, cell = result
            pieces.append(first)
        return pieces or [""]
