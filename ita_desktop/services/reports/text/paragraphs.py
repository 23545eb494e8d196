"""Paragraph flowables for Thai: styles, pre-wrapped paragraphs, numbered lists, tall cells."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from xml.sax.saxutils import escape

from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _handleBulletWidth, cleanBlockQuotedText

from .chars import clean, thai_digits
from .fonts import ThaiFonts, thai_fonts
from .segment import is_break_space
from .shaping import text_width
from .wrap import Run, break_spans, runs_width, wrap_runs

Text = str | Sequence[Run | tuple[str, bool] | str]
_BULLET_GAP = 0.6  # ReportLab's space after a bullet, in its font size (paragraph._drawBullet)
# A run of break spaces (every Unicode space but "\n" and the no-break ones): one space.
_BREAK_RUN = re.compile("[^\\S\n\u00a0\u202f\u2007]+")


def _style(fonts: ThaiFonts, name: str, thai_pt: float, bold: bool = False, **extra):
    return ParagraphStyle(
        name,
        fontName=fonts.name(bold=bold),
        fontSize=fonts.size(thai_pt),
        leading=fonts.leading(thai_pt),
        bulletFontName=fonts.name(bold=bold),
        bulletFontSize=fonts.size(thai_pt),
        shaping=1,  # HarfBuzz: tone marks and vowels placed right (checked at registration)
        splitLongWords=0,  # never let ReportLab cut a Thai word (it breaks anywhere; tofu)
        **extra,
    )


@dataclass(frozen=True)
class ThaiStyles:
    """The house styles, sized in Thai-document points (TH Sarabun New 16 pt body)."""

    fonts: ThaiFonts
    body: ParagraphStyle
    body_indented: ParagraphStyle  # first line indented, as Thai official prose
    heading: ParagraphStyle
    title: ParagraphStyle
    table_cell: ParagraphStyle
    table_header: ParagraphStyle
    small: ParagraphStyle

    @classmethod
    def create(cls, fonts: ThaiFonts | None = None) -> ThaiStyles:
        fonts = fonts or thai_fonts()
        return cls(
            fonts=fonts,
            body=_style(fonts, "ThaiBody", 16),
            body_indented=_style(fonts, "ThaiBodyIndented", 16, firstLineIndent=2.5 * cm),
            heading=_style(
                fonts, "ThaiHeading", 16, bold=True, spaceBefore=6, spaceAfter=3, keepWithNext=1
            ),
            title=_style(fonts, "ThaiTitle", 20, bold=True, alignment=1, spaceAfter=6),
            table_cell=_style(fonts, "ThaiCell", 14),
            table_header=_style(fonts, "ThaiHeader", 14, bold=True, alignment=1),
            small=_style(fonts, "ThaiSmall", 12),
        )

    def table_commands(self, grid: float = 0.5) -> list[tuple]:
        """TableStyle commands for a Thai table: our font everywhere (else the PDF lists an
        unused Helvetica), text at the top of cells, a grid."""
        cell = self.table_cell
        return [
            ("FONT", (0, 0), (-1, -1), cell.fontName, cell.fontSize, cell.leading),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), grid, "black"),
        ]

    def derive(self, base: ParagraphStyle, thai_pt: float | None = None, **changes):
        """A copy of ``base`` at another Thai-document size and/or with other attributes."""
        if thai_pt is not None:
            changes.setdefault("fontSize", self.fonts.size(thai_pt))
            changes.setdefault("leading", self.fonts.leading(thai_pt))
            changes.setdefault("bulletFontSize", self.fonts.size(thai_pt))
        return ParagraphStyle(f"{base.name}+", parent=base, **changes)


def text_runs(text: Text, bold: bool = False) -> tuple[Run, ...]:
    """Runs as ReportLab will draw them: invisible characters dropped, spaces collapsed to one
    and none at the ends or around forced breaks (ReportLab drops those; we must measure the
    same text). ``bold`` is the weight of plain strings."""
    if isinstance(text, str):  # the common case, without a loop over the characters
        plain = _BREAK_RUN.sub(" ", clean(text).replace("\r\n", "\n"))
        plain = plain.replace(" \n", "\n").replace("\n ", "\n").strip(" ")
        return (Run(plain, bold),) if plain else ()
    items = text
    chars: list[tuple[str, bool]] = []
    for item in items:
        run = Run(item, bold) if isinstance(item, str) else Run(*item)
        for ch in clean(run.text).replace("\r\n", "\n"):
            if ch != "\n" and is_break_space(ch):
                if not chars or chars[-1][0] in " \n":
                    continue
                ch = " "
            elif ch == "\n":
                while chars and chars[-1][0] == " ":
                    chars.pop()
            chars.append((ch, run.bold))
    while chars and chars[-1][0] == " ":
        chars.pop()
    return tuple(
        Run("".join(ch for ch, _ in group), weight)
        for weight, group in groupby(chars, key=itemgetter(1))
    )


def run_fonts(style: ParagraphStyle) -> tuple[str, str]:
    """(plain, bold) fonts of runs in ``style``."""
    # Plain runs are drawn in the style's own font, the bold face for a bold style, so they are
    # measured in it: measured regular, ReportLab found bold lines too wide and broke them again.
    family, _, italic = ps2tt(style.fontName)
    return style.fontName, tt2ps(family, 1, italic)


def measure_runs(text: Text, style: ParagraphStyle) -> float:
    """The width of ``text`` (a string or runs) on one line in ``style``, bold parts in bold."""
    return runs_width(text_runs(text), run_fonts(style), style.fontSize)


def _line_widths(
    style: ParagraphStyle, width: float, bullet: str | None = None
) -> tuple[float, float]:
    """(first line, later lines) widths, as ReportLab gives them to a paragraph ``width`` wide:
    a bullet (list label) wider than the indent it has shortens the first line."""
    rest = width - style.leftIndent - style.rightIndent
    widths = [rest - style.firstLineIndent, rest]
    _handleBulletWidth(bullet, style, widths)  # ReportLab's own rule, so both agree exactly
    return widths[0], widths[1]


class ThaiParagraph(Paragraph):
    """A Paragraph whose Thai is wrapped by us, at word boundaries, for the width it gets.

    ReportLab then only sees explicit lines (``<br/>``) that fit, so it never cuts a word. Parts
    made by ``split`` (a paragraph over two pages) are ordinary, already-wrapped Paragraphs.
    """

    def __init__(
        self, text=None, style=None, bulletText=None, frags=None, runs=None, width=None, **kwargs
    ):
        if style is not None and (not style.shaping or style.splitLongWords):
            # Unshaped Thai prints wrong (ปี่ → ปี) and split words print tofu: never allow it.
            style = ParagraphStyle(style.name, parent=style, shaping=1, splitLongWords=0)
        self._runs = None if frags is not None else (runs if runs is not None else text_runs(text))
        self._wrapped_for = None
        self._wrapped_bullet = None  # the label wrapped for (a caller may set it afterwards)
        super().__init__("" if self._runs is not None else text, style, bulletText, frags, **kwargs)
        if self._runs is not None and width is not None:
            self._prewrap(width)

    def _prewrap(self, width: float) -> None:
        bullet = self.bulletText
        if self._wrapped_for == width and self._wrapped_bullet == bullet:
            return
        style = self.style
        first, rest = _line_widths(style, width, bullet)
        lines = wrap_runs(self._runs, rest, run_fonts(style), style.fontSize, first)
        markup = "<br/>".join(
            "".join(f"<b>{escape(r.text)}</b>" if r.bold else escape(r.text) for r in line)
            for line in lines
        )
        self._setup(markup, style, bullet, None, cleanBlockQuotedText)
        self._wrapped_for = width
        self._wrapped_bullet = bullet

    def wrap(self, availWidth, availHeight):
        if self._runs is not None:
            self._prewrap(availWidth)
        return super().wrap(availWidth, availHeight)


def thai_paragraph(text: Text, style: ParagraphStyle, width: float | None = None) -> Paragraph:
    """A paragraph of plain Thai ``text`` (escaped; "\\n" breaks the line).

    ``text`` may be runs, ``[("หัวข้อ: ", True), ("เนื้อหา", False)]``, for bold parts.
    ``width`` wraps at once; otherwise at the width the frame or table cell gives.
    """
    return ThaiParagraph(text, style, width=width)


def numbering_label(n: int, numbering: str = "thai") -> str:
    if numbering == "dash":
        return "-"
    label = f"{n}."
    return thai_digits(label) if numbering == "thai" else label


def numbered_list(
    items: Sequence[Text],
    style: ParagraphStyle,
    numbering: str = "thai",
    start: int = 1,
    gap: float | None = None,
) -> list[Paragraph]:
    """One paragraph per item: "๑. …" (``thai``), "1. …" (``arabic``) or "- …" (``dash``),
    with later lines hanging under the text, not under the number.

    ``gap`` (between the widest label and the text) is at least what ReportLab leaves after a
    bullet, 0.6 of its size: with less, ReportLab pushes the first line right and shortens it,
    so it starts off the hanging lines' edge and no longer holds the words wrapped for it.
    """
    if numbering not in ("thai", "arabic", "dash"):
        raise ValueError(f"unknown numbering {numbering!r}")
    labels = [numbering_label(start + i, numbering) for i in range(len(items))]
    size = style.bulletFontSize
    gap = max(size * _BULLET_GAP, 0.0 if gap is None else gap)
    hang = max((stringWidth(label, style.bulletFontName, size) for label in labels), default=0)
    hang += gap
    item_style = ParagraphStyle(
        f"{style.name}-list",
        parent=style,
        leftIndent=style.leftIndent + hang,
        bulletIndent=style.leftIndent,
        firstLineIndent=0,
    )
    return [
        ThaiParagraph(item, item_style, bulletText=label)
        for item, label in zip(items, labels, strict=True)
    ]


def split_tall_text(text: str, style: ParagraphStyle, width: float, max_height: float) -> list[str]:
    """``text`` cut at line ends into pieces whose paragraphs, ``width`` wide in ``style``, are
    each at most ``max_height`` high: one piece per continuation row of a table.

    Give the height the cell's text may use on a page (frame height, less repeated header rows
    and the cell's top and bottom padding). Each piece wraps to the same lines as here (for a
    style without a first-line indent, as table cells are).
    """
    body = "".join(r.text for r in text_runs(text))
    per_piece = int((max_height + 1e-6) // style.leading)
    if per_piece < 1:
        raise ValueError("max_height is less than one line")
    first, rest = _line_widths(style, width)
    spans = break_spans(
        body,
        [first, rest],
        lambda a, b: text_width(body[a:b], style.fontName, style.fontSize),
        lambda a, b: stringWidth(" ", style.fontName, style.fontSize) * (b - a),
    )
    pieces = []
    for i in range(0, len(spans), per_piece):
        group = spans[i : i + per_piece]
        pieces.append(body[group[0][0] : group[-1][1]])
    return pieces


def split_tall_row(
    texts: Sequence[str],
    styles: Sequence[ParagraphStyle],
    widths: Sequence[float],
    max_height: float,
) -> list[list[str]]:
    """A table row's cell texts as continuation rows that each fit ``max_height``.

    Cells with fewer pieces get empty strings in the later rows.
    """
    columns = [
        split_tall_text(t, s, w, max_height) if t else [""]
        for t, s, w in zip(texts, styles, widths, strict=True)
    ]
    rows = max(len(c) for c in columns)
    return [[c[i] if i < len(c) else "" for c in columns] for i in range(rows)]
