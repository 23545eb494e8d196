"""Thai paragraphs for tables: the last wrap remembered, and pre-wrapped lines given to ReportLab
as fragments directly instead of markup for its XML parser."""

from xml.sax.saxutils import unescape

from reportlab.platypus.paraparser import ParaParser

from ita_desktop.services.reports.text import ThaiParagraph

_templates: dict[int, tuple] = {}


def _frag_templates(style):
    """(regular, bold, line break) fragments as ReportLab's parser makes them for ``style``."""
    cached = _templates.get(id(style))
    if cached is None or cached[0] is not style:
        _, frags, _ = ParaParser().parse("a<br/><b>b</b>", style)
        by_tag = {f.__tag__: f for f in frags}
        cached = (style, by_tag["para"], by_tag["b"], by_tag["br"])
        _templates[id(style)] = cached
    return cached[1:]


def fast_frags(markup: str, style) -> list | None:
    """The fragments of the text layer's markup (escaped text, <b>, <br/>); None for other
    markup, which goes to ReportLab's parser."""
    if "<" in markup.replace("<br/>", "").replace("<b>", "").replace("</b>", ""):
        return None
    regular, bold, line_break = _frag_templates(style)
    frags = []
    for n, line in enumerate(markup.split("<br/>")):
        if n:
            frags.append(line_break.clone())
        is_bold = False
        for piece in line.replace("</b>", "<b>").split("<b>"):
            if piece:
                frags.append((bold if is_bold else regular).clone(text=unescape(piece)))
            is_bold = not is_bold
    return frags


class Para(ThaiParagraph):
    """A ThaiParagraph that is cheap to wrap again at the same width and to set up.

    A table wraps every cell again each time it is measured or split over a page, and the
    answer depends only on the width (the lines are ours, fixed by the width). The markup the
    text layer writes is turned into fragments here; ReportLab's XML parser took a tenth of a
    pack's build time.
    """

    _last_wrap: tuple[float, tuple[float, float]] | None = None

    def _setup(self, text, style, bulletText, frags, cleaner):
        if frags is None and getattr(self, "_runs", None) is not None:
            frags = fast_frags(text, style)
        super()._setup(text, style, bulletText, frags, cleaner)

    def wrap(self, availWidth, availHeight):
        # Widths summed in another order differ in the last bit: not worth wrapping again.
        done = self._wrapped_for
        if done is not None and abs(availWidth - done) < 1e-6:
            availWidth = done
        last = self._last_wrap
        # Paragraph.split drops blPara when it gives up a split: wrap again then.
        if last is not None and last[0] == availWidth and "blPara" in self.__dict__:
            return last[1]
        size = super().wrap(availWidth, availHeight)
        self._last_wrap = (availWidth, size)
        return size


def para(text, style, width: float | None = None) -> Para:
    """A paragraph of plain Thai ``text`` ("\\n" breaks the line), wrapped at once if ``width``."""
    return Para(text, style, width=width)
