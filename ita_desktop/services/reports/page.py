"""The page: A4 in both orientations with the house margins, numbered "หน้า ๑ / ๗", to bytes."""

import io
from collections.abc import Callable

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    NullActionFlowable,
    PageBreak,
    PageTemplate,
    Spacer,
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


def full_height(frame) -> float:
    """The height a frame offers on an empty page."""
    return frame._y2 - frame._y1 - frame._topPadding - frame._bottomPadding


class FirstThatFits(Flowable):
    """The first of several renderings of one block that fits the room left on the page; on a
    new page the first. A sign-off that misses a page's foot by a few points is set a little
    tighter rather than alone on a page of its own. Split only when too tall for a whole page."""

    def __init__(self, *choices: list[Flowable]):
        super().__init__()
        self.choices = choices
        self.chosen = choices[0]

    def _measure(self, flows: list[Flowable], width: float, height: float) -> list:
        return [flow.wrapOn(self.canv, width, height) for flow in flows]

    def _height(self, flows: list[Flowable], sizes: list) -> float:
        spaces = [flow.getSpaceBefore() for flow in flows[1:]]
        spaces += [flow.getSpaceAfter() for flow in flows[:-1]]
        return sum(h for _, h in sizes) + sum(spaces)

    def wrap(self, availWidth, availHeight):
        for choice in self.choices:
            sizes = self._measure(choice, availWidth, availHeight)
            if self._height(choice, sizes) <= availHeight:
                break
        else:
            choice = self.choices[0]
            sizes = self._measure(choice, availWidth, availHeight)
        self.chosen, self._sizes = choice, sizes
        self.width, self.height = availWidth, self._height(choice, sizes)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        frame = self._doctemplateAttr("frame")
        tightest = self.choices[-1]
        page = full_height(frame)
        if frame is not None and (frame._atTop or self._too_tall(tightest, availWidth, page)):
            # Taller than a page: its parts flow on (NullActionFlowable first, as KeepTogether
            # does, so that each part is placed, and split, in turn).
            return [NullActionFlowable(), *tightest]
        return []  # whole, on the next page

    def _too_tall(self, flows: list[Flowable], width: float, page: float) -> bool:
        return self._height(flows, self._measure(flows, width, page)) > page

    def draw(self):
        top = self.height
        for i, (flow, (width, height)) in enumerate(zip(self.chosen, self._sizes, strict=True)):
            top -= (flow.getSpaceBefore() if i else 0) + height
            align = getattr(flow, "hAlign", "LEFT")
            x = {"CENTER": (self.width - width) / 2, "RIGHT": self.width - width}.get(align, 0.0)
            flow.drawOn(self.canv, x, top)
            top -= flow.getSpaceAfter()


class KeepTail(Flowable):
    """A table and what must not start a page alone after it (the sign-off): when the two do
    not fit, the table's last row (or its last lines) goes over with it, as Word's "keep with
    next" would do, instead of a page holding only the signatures."""

    SHARE = 3 * cm  # what of the table must go over with the tail: its header and a row

    def __init__(self, table: Flowable, tail: Flowable, gap: float):
        super().__init__()
        self.table, self.tail, self.gap = table, tail, gap
        self.spaceBefore = table.getSpaceBefore()
        self.spaceAfter = tail.getSpaceAfter()

    def wrap(self, availWidth, availHeight):
        self._table_size = self.table.wrapOn(self.canv, availWidth, availHeight)
        room = availHeight - self._table_size[1] - self.gap
        self._tail_height = self.tail.wrapOn(self.canv, availWidth, room)[1]
        self.width = availWidth
        self.height = self._table_size[1] + self.gap + self._tail_height
        return self.width, self.height

    def split(self, availWidth, availHeight):
        frame = self._doctemplateAttr("frame")
        apart = [NullActionFlowable(), self.table, Spacer(1, self.gap), self.tail]
        if frame is not None:
            alone = self.tail.wrapOn(self.canv, availWidth, full_height(frame))[1]
            if alone + self.gap + self.SHARE > full_height(frame):
                return apart  # the tail needs a page of its own anyway: carry nothing over
        table_height = self.table.wrapOn(self.canv, availWidth, availHeight)[1]
        parts = self.table.split(availWidth, min(availHeight, table_height - 1))
        if len(parts) >= 2:  # what fits here, maybe a page break, and the rest
            return [*parts[:-1], KeepTail(parts[-1], self.tail, self.gap)]
        if frame is not None and frame._atTop:
            return apart  # cannot be kept: flow apart
        return []

    def draw(self):
        width = self._table_size[0]
        x = (self.width - width) / 2 if getattr(self.table, "hAlign", "") == "CENTER" else 0.0
        self.table.drawOn(self.canv, x, self._tail_height + self.gap)
        self.tail.drawOn(self.canv, 0, 0)


def switch_to(orientation: str) -> list:
    """Flowables that start a new page in ``orientation``."""
    return [NextPageTemplate(orientation), PageBreak()]


class ReportDoc(BaseDocTemplate):
    """Portrait and landscape page templates; the first page is ``first``'s (or the cover)."""

    def __init__(self, buffer, *, first: str, title: str, author: str, cover: bool = False):
        super().__init__(
            buffer,
            pagesize=SIZES[first],
            leftMargin=LEFT,
            rightMargin=RIGHT,
            topMargin=TOP,
            bottomMargin=BOTTOM,
            title=title,
            author=author,
            subject=title,
            creator=f"ITA Desktop {__version__}",
            invariant=1,
            lang="th-TH",
        )
        templates = {}
        for name, size in SIZES.items():
            width, height = frame_size(name)
            frame = Frame(
                LEFT,
                BOTTOM,
                width,
                height,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id=name,
            )
            templates[name] = PageTemplate(id=name, frames=[frame], pagesize=size)
        order = [first] + [n for n in SIZES if n != first]
        pages = [templates[n] for n in order]
        if cover:
            width, height = frame_size("portrait")
            frame = Frame(
                LEFT,
                BOTTOM,
                width,
                height,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id="cover",
            )
            pages.insert(0, PageTemplate(id="cover", frames=[frame], pagesize=A4))
        self.addPageTemplates(pages)


def page_labeller(digits: Digits, cover: bool) -> Callable[[int, int], str]:
    """ "หน้า ๑ / ๗" in the document's digits; the cover page is neither numbered nor counted."""

    def label(page: int, total: int) -> str:
        if cover:
            if page == 1:
                return ""
            page, total = page - 1, total - 1
        return apply_digits(f"หน้า {page} / {total}", digits)

    return label


def render(
    story: list, *, first: str, title: str, author: str, digits: Digits, cover: bool = False
) -> bytes:
    """The PDF of ``story``: fonts embedded and subset, the same bytes for the same story."""
    buffer = io.BytesIO()
    doc = ReportDoc(buffer, first=first, title=title, author=author, cover=cover)
    canvas = numbered_canvas(
        label=page_labeller(digits, cover),
        size_pt=14,
        y=1.2 * cm,
        left_margin=LEFT,
        right_margin=RIGHT,
    )
    doc.build(story, canvasmaker=canvas)
    return buffer.getvalue()
