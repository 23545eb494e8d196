"""Canvas helpers: shaped strings drawn directly (headers, footers, labels) and "หน้า X / N"."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import cm
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.canvas import Canvas

from .chars import clean, thai_digits
from .fonts import thai_fonts
from .shaping import shape_text

_DRAW = {"left": "drawString", "right": "drawRightString", "center": "drawCentredString"}


def draw_thai_string(
    canvas: Canvas, x: float, y: float, text: str, font_name: str, size: float, align: str = "left"
) -> None:
    """Draw one line of Thai on ``canvas``, shaped (ReportLab's canvas does not shape).

    ``align`` is ``left``, ``right`` or ``center`` about ``x``; ``size`` is the real font size.
    """
    canvas.setFont(font_name, size)
    getattr(canvas, _DRAW[align])(x, y, shape_text(clean(text), font_name, size))


def _shaped(canvas: Canvas, text):
    if isinstance(text, ShapedStr):
        return text
    return shape_text(clean(text), canvas._fontname, canvas._fontsize)


class ThaiCanvas(Canvas):
    """A canvas that shapes every string drawn in one of our fonts: plain-string table cells,
    chart labels through renderPDF, page headers. Starts in our font, so the PDF lists no
    unused, unembedded Helvetica."""

    def __init__(self, *args, **kwargs):
        if not kwargs.get("initialFontName"):
            fonts = thai_fonts()
            kwargs["initialFontName"] = fonts.regular
            kwargs.setdefault("initialFontSize", fonts.size(16))
        super().__init__(*args, **kwargs)

    def drawString(self, x, y, text, *args, **kwargs):
        super().drawString(x, y, _shaped(self, text), *args, **kwargs)

    def drawRightString(self, x, y, text, *args, **kwargs):
        super().drawRightString(x, y, _shaped(self, text), *args, **kwargs)

    def drawCentredString(self, x, y, text, *args, **kwargs):
        super().drawCentredString(x, y, _shaped(self, text), *args, **kwargs)


def page_label(page: int, total: int) -> str:
    """The footer of official documents: "หน้า ๑ / ๗"."""
    return thai_digits(f"หน้า {page} / {total}")


class NumberedCanvas(ThaiCanvas):
    """Keeps every page until the end, then draws "หน้า X / N" on each (N is known only then).

    Configure with ``numbered_canvas(...)``; pass the result as ``canvasmaker`` to ``build``.
    """

    label: Callable[[int, int], str] = staticmethod(page_label)
    size_pt = 14.0  # Thai-document points
    y = 1.2 * cm  # baseline, from the bottom edge
    x: float | None = None  # None: the middle of the text block (between the margins)
    align = "center"
    left_margin = 3 * cm  # the house margins, to find the middle of the text block
    right_margin = 2 * cm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.draw_page_label(number, total)
            super().showPage()
        super().save()

    def draw_page_label(self, page: int, total: int) -> None:
        fonts = thai_fonts()
        x = self.x
        if x is None:
            width = self._pagesize[0]
            x = {"left": self.left_margin, "right": width - self.right_margin}.get(
                self.align, (self.left_margin + width - self.right_margin) / 2
            )
        self.saveState()
        draw_thai_string(
            self,
            x,
            self.y,
            self.label(page, total),
            fonts.regular,
            fonts.size(self.size_pt),
            self.align,
        )
        self.restoreState()


def numbered_canvas(**options) -> type[NumberedCanvas]:
    """A ``NumberedCanvas`` class with other settings, e.g. ``numbered_canvas(y=28.5 * cm,
    align="right", label=lambda p, n: thai_digits(f"- {p} -"))``."""
    unknown = set(options) - {"label", "size_pt", "y", "x", "align", "left_margin", "right_margin"}
    if unknown:
        raise TypeError(f"unknown options {sorted(unknown)}")
    if "label" in options:
        options["label"] = staticmethod(options["label"])
    return type("ConfiguredNumberedCanvas", (NumberedCanvas,), options)
