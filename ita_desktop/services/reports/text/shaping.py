"""HarfBuzz shaping for our fonts: widths for line filling and shaped strings for ReportLab."""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import (
    ShapeData,
    ShapedFragWord,
    ShapedStr,
    TTFont,
    makeShapedFragWord,
    shapeStr,
)

from .chars import is_cluster_start
from .pdffont import ComposingFace, ThaiTTFont, source_text
from .subset import Composite

try:
    import uharfbuzz as hb
except ImportError:  # fonts.thai_fonts() refuses to print then, with a message in Thai
    hb = None

# The features ReportLab asks for; HarfBuzz adds the Thai ones (ccmp, locl, mark, mkmk) itself.
_FEATURES = {"kern": True, "liga": True}


@lru_cache(maxsize=32)
def _hb_font(font_name: str) -> tuple[hb.Font, TTFont]:
    font = pdfmetrics.getFont(font_name)
    if not isinstance(font, TTFont):
        raise TypeError(f"{font_name!r} is not a TrueType font")
    return hb.Font(hb.Face(hb.Blob(font.face._ttf_data))), font


def is_thai_font(font_name: str) -> bool:
    """Whether ``font_name`` is one of ours (shaped by this module, clusters as glyphs)."""
    try:
        return isinstance(pdfmetrics.getFont(font_name), ThaiTTFont)
    except KeyError:
        return False


@lru_cache(maxsize=1 << 16)
def _glyphs(font_name: str, text: str) -> tuple[tuple[int, int, int, int, int], ...]:
    """HarfBuzz's glyphs for ``text``: (cluster, glyph id, x advance, x offset, y offset)."""
    if not text:
        return ()  # HarfBuzz gives None, not an empty list, for an empty buffer
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "ltr"  # our documents are Thai and Latin; keeps clusters in text order
    # The default cluster level merges marks into their base's cluster (so ำ after a tone mark,
    # reordered by HarfBuzz, stays in one cluster with its consonant).
    hb_font, font = _hb_font(font_name)
    hb.shape(hb_font, buf, _FEATURES)
    glyphs = tuple(
        (info.cluster, info.codepoint, pos.x_advance, pos.x_offset, pos.y_offset)
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True)
    )
    if isinstance(font.face, ComposingFace) and any(g[1] == 0 for g in glyphs):
        # A character the font lacks (□ ✓): a drawn glyph of ours instead of the .notdef box,
        # here so that widths for line filling and the drawing agree.
        glyphs = tuple(
            (c, *font.face.drawn_glyph(text[c]), 0, 0) if gid == 0 else (c, gid, *rest)
            for c, gid, *rest in glyphs
        )
    return glyphs


@lru_cache(maxsize=1 << 16)
def shape_units(font_name: str, text: str) -> tuple[tuple[str, int, int], ...]:
    """``text`` shaped: one (character to write, cluster start, advance in font units) per unit.

    A unit is a grapheme cluster (or a wider HarfBuzz cluster, e.g. a ligature). It keeps its
    own character when HarfBuzz drew it as that character's plain glyph; otherwise it becomes
    a code point of ours drawn by a composite of HarfBuzz's glyphs at HarfBuzz's offsets.
    """
    face = _hb_font(font_name)[1].face
    glyphs = _glyphs(font_name, text)
    starts = sorted({g[0] for g in glyphs} | {len(text)})
    bounds = [s for s in starts if is_cluster_start(text, s)]
    units = []
    g = 0
    for start, end in pairwise(bounds):
        first = g
        while g < len(glyphs) and glyphs[g][0] < end:
            g += 1
        run = glyphs[first:g]
        piece = text[start:end]
        advance = sum(x_adv for _, _, x_adv, _, _ in run)
        if (
            len(piece) == 1
            and len(run) == 1
            and run[0][1] == face.charToGlyph.get(ord(piece))
            and run[0][3] == run[0][4] == 0
        ):
            units.append((piece, start, advance))
            continue
        components = []
        pen = 0
        for _, gid, x_adv, x_off, y_off in run:
            components.append((gid, pen + x_off, y_off))
            pen += x_adv
        code = face.code_for(piece, Composite(tuple(components), advance))
        units.append((chr(code), start, advance))
    return tuple(units)


@lru_cache(maxsize=1 << 16)
def _advance(font_name: str, text: str) -> float:
    """The shaped advance of ``text`` in ems (line filling asks for the same words often)."""
    return sum(g[2] for g in _glyphs(font_name, text)) / _hb_font(font_name)[1].face.unitsPerEm


def text_width(text: str, font_name: str, size: float) -> float:
    """Width in points of ``text`` as shaped (what ReportLab will draw for a word)."""
    return _advance(font_name, text) * size if text else 0.0


@lru_cache(maxsize=1 << 15)
def _shaped_str(text: str, font_name: str, size: float, base: int = 0) -> tuple[ShapedStr, float]:
    """Cached: ReportLab only reads a ShapedStr's data (``+`` and slices make new ones), and
    making them is most of the shaping time of a table-heavy report."""
    _, font = _hb_font(font_name)
    face = font.face
    scale = 1000 / face.unitsPerEm
    chars = []
    data = []
    total = 0
    for ch, cluster, advance in shape_units(font_name, text):
        chars.append(ch)
        total += advance
        # ReportLab's units: thousandths of the font size; width is what the PDF /Widths say.
        data.append(
            ShapeData(
                base + cluster,
                advance * scale,
                0,
                0,
                0,
                face.charWidths.get(ord(ch), face.defaultWidth),
            )
        )
    return ShapedStr("".join(chars), shapeData=data), total * size / face.unitsPerEm


def shape_text(text: str, font_name: str, size: float) -> str:
    """``text`` shaped for ``canvas.drawString`` and friends with one of our fonts.

    Plain strings drawn on the canvas are never shaped by ReportLab 5.1 (that needs rlbidi):
    use this for headers, footers, chart labels, or draw through ``ThaiCanvas``.
    """
    text = source_text(text)
    if not text:
        return text
    if is_thai_font(font_name):
        return _shaped_str(text, font_name, size)[0]
    if getattr(pdfmetrics.getFont(font_name), "shapable", False):
        return shapeStr(text, font_name, size)  # ReportLab's own (an unchecked ReportLab)
    return text


def make_frag_word_shaper(original):
    """A replacement for ``reportlab.platypus.paragraph.shapeFragWord`` using our shaping.

    Frag words in other fonts, or holding images/anchors (``cbDefn``), go to ``original``.
    """

    def shape_frag_word(w, *args, **kwargs):
        if isinstance(w, ShapedFragWord) or len(w) < 2:
            return w
        frags = w[1:]
        if any(hasattr(f, "cbDefn") or not is_thai_font(f.fontName) for f, _ in frags):
            return original(w, *args, **kwargs)
        pieces = []
        width = 0.0
        base = 0
        for f, s in frags:
            # A paragraph split over two frames is re-wrapped from already shaped text: shape
            # its source again instead of feeding our code points to HarfBuzz (that gave tofu).
            s = source_text(s)
            shaped, w_points = _shaped_str(s, f.fontName, f.fontSize, base)
            pieces.append((f, shaped))
            width += w_points
            base += len(s)
        return makeShapedFragWord(w)([width, *pieces])

    shape_frag_word.original = original
    return shape_frag_word
