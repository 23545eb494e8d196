"""The page: A4 in both orientations with the house margins, numbered "หน้า ๑ / ๗", to bytes."""

import io
from collections.abc import Callable

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from ita_desktop import __version__
from ita_desktop.i18n.thai import Digits, apply_digits
from ita_desktop.services.reports.text import numbered_canvas

# House style of Thai official documents: left 3 cm (binding), right 2 cm.
LEFT, RIGHT, TOP, BOTTOM = 3 * cm, 2 * cm, 2.5 * cm, 2 * cm
SIZES = {"portrait": A4, "landscape": landscape(A4)}


def frame_size(orientation: str) -> tuple[float, float]:
    width, height = SIZES[orientation]
    return width - LEFT - RIGHT, height - TOP - BOTTOM


class KeepSpace(CondPageBreak):
    """Start a new page unless ``height`` is left: what follows (a heading and the start of its
    table) stays together while long tables still split. Never more than most of a page."""

    def __init__(self, height: float, frame_height: float):
        super().__init__(min(height, frame_height * 0.8))
        self.frame_height = frame_height

    def grow(self, height: float) -> None:
        self.height = min(self.height + height, self.frame_height * 0.8)


def switch_to(orientation: str) -> list:
    """Flowables that start a new page in ``orientation``."""
    return [NextPageTemplate(orientation), PageBreak()]


class ReportDoc(BaseDocTemplate):
    """Portrait and landscape page templates; the first page is ``first``'s (or the cover)."""

    def __init__(self, buffer, *, first: str, title: str, author: str, cover: bool = False):
        super().__init__(
            buffer, pagesize=SIZES[first], leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
            bottomMargin=BOTTOM, title=title, author=author, subject=title,
            creator=f"ITA Desktop {__version__}", invariant=1, lang="th-TH",
        )
        templates = {}
        for name, size in SIZES.items():
            width, height = frame_size(name)
            frame = Frame(LEFT, BOTTOM, width, height, leftPadding=0, rightPadding=0,
                          topPadding=0, bottomPadding=0, id=name)
            templates[name] = PageTemplate(id=name, frames=[frame], pagesize=size)
        order = [first] + [n for n in SIZES if n != first]
        pages = [templates[n] for n in order]
        if cover:
            width, height = frame_size("portrait")
            frame = Frame(LEFT, BOTTOM, width, height, leftPadding=0, rightPadding=0,
                          topPadding=0, bottomPadding=0, id="cover")
            pages.insert(0, PageTemplate(id="cover", frames=[frame], pagesize=A4))
        self.addPageTemplates(pages)


def page_labeller(digits: Digits, cover: bool) -> Callable[[int, int], str]:
    """"หน้า ๑ / ๗" in the document's digits; the cover page is neither numbered nor counted."""

    def label(page: int, total: int) -> str:
        if cover:
            if page == 1:
                return ""
            page, total = page - 1, total - 1
        return apply_digits(f"หน้า {page} / {total}", digits)

    return label


def render(story: list, *, first: str, title: str, author: str, digits: Digits,
           cover: bool = False) -> bytes:
    """The PDF of ``story``: fonts embedded and subset, the same bytes for the same story."""
    buffer = io.BytesIO()
    doc = ReportDoc(buffer, first=first, title=title, author=author, cover=cover)
    canvas = numbered_canvas(label=page_labeller(digits, cover), size_pt=14, y=1.2 * cm,
                             left_margin=LEFT, right_margin=RIGHT)
    doc.build(story, canvasmaker=canvas)
    return buffer.getvalue()
