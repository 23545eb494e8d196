"""Our TrueType font for ReportLab: each shaped Thai cluster becomes one glyph mapped to its text.

Why: ReportLab 5.1 writes HarfBuzz's substituted glyphs with private-use code points in the
PDF's ToUnicode map, decomposes ำ into ํ + า, and draws every offset mark in its own text
operation, so copy/paste and search of the PDF fail (see reference/thai-typesetting.md). Here a
cluster that shaping changed (a consonant with its marks, a ligature, ำ) gets one code point of
its own, drawn by a composite glyph that places the font's glyphs at HarfBuzz's offsets and
mapped in ToUnicode to the cluster's source text. Text extractors then read the text exactly,
and the glyphs on the page are the ones HarfBuzz chose, at the same positions.

It relies on ReportLab internals (``TTFont``/``TTFontFace`` attributes, ``makeToUnicodeCMap``,
``paragraph.shapeFragWord``); ``HOOKED_REPORTLAB`` pins the versions it was checked against and
tests/reports/test_thai_text_pdf.py fails when an upgrade breaks it.
"""

from __future__ import annotations

import threading
import warnings
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from .drawn import FALLBACK, shape_of, simple_glyph
from .subset import Composite, FontGlyphs, make_subset

HOOKED_REPORTLAB = ("5.1.",)

# Code points of our clusters: Supplementary Private Use Area-A, never in the fonts' cmaps and
# never written to the PDF (only byte codes are). Unique across fonts so the ToUnicode hook,
# which sees code points but not the font, can find each one's text.
_FIRST_CODE = 0xF0000
_LAST_CODE = 0xFFFFD
_SOURCE_TEXT: dict[int, str] = {}
_lock = threading.Lock()
_next_code = _FIRST_CODE


def hooks_supported() -> bool:
    """Whether this ReportLab is one whose internals the cluster glyphs were checked against."""
    return reportlab.Version.startswith(HOOKED_REPORTLAB)


def source_text(text: str) -> str:
    """``text`` with our cluster code points turned back into the Thai they stand for."""
    if not text or max(text) < "\U000f0000":
        return text
    return "".join(_SOURCE_TEXT.get(ord(ch), ch) for ch in text)


class ComposingFace(TTFontFace):
    """A font face that can grow composite glyphs for shaped clusters, one per distinct drawing."""

    def __init__(self, filename: str):
        super().__init__(filename)
        self.glyphs = FontGlyphs(self)
        self.composites: dict[int, Composite] = {}
        self._code_of: dict[tuple[str, Composite], int] = {}
        self._next_gid = self.glyphs.count
        self._drawn: dict[str, tuple[int, int]] = {}

    def drawn_glyph(self, ch: str) -> tuple[int, int]:
        """(glyph id, advance) drawing ``ch``, which the font lacks: an outline, else "?"."""
        # Never the .notdef box: clerks paste check boxes and marks from Word (seed 003).
        found = self._drawn.get(ch)
        if found is not None:
            return found
        shape = shape_of(ch)
        with _lock:
            if ch in self._drawn:
                return self._drawn[ch]
            if shape is None:
                gid = self.charToGlyph.get(ord(FALLBACK), 0)
                found = (gid, self.hmetrics[gid][0])
            else:
                contours, advance = shape
                height = self._consonant_height()
                data, lsb = simple_glyph(contours, height)
                found = (self._next_gid, round(advance * height))
                self.glyphs.extra[self._next_gid] = (data, found[1], lsb)
                self._next_gid += 1
            self._drawn[ch] = found
        return found

    def _consonant_height(self) -> float:
        box = self.glyphs.bbox(self.charToGlyph.get(ord("ก"), 0))
        return box[3] if box and box[3] > 0 else 0.55 * self.unitsPerEm

    def code_for(self, text: str, composite: Composite) -> int:
        """The code point that draws ``composite`` and reads as ``text``; made on first use."""
        key = (text, composite)
        code = self._code_of.get(key)
        if code is not None:
            return code
        global _next_code
        with _lock:
            code = self._code_of.get(key)
            if code is None:
                if _next_code > _LAST_CODE:
                    raise RuntimeError("too many distinct shaped Thai clusters in one process")
                code = _next_code
                _next_code += 1
                gid = self._next_gid
                self._next_gid += 1
                # Registered before the code is published, so any thread that sees the code
                # also finds its glyph, width and text.
                self.composites[code] = composite
                self.charToGlyph[code] = gid
                self.charWidths[code] = self._pdfScale(composite.advance)
                _SOURCE_TEXT[code] = text
                self._code_of[key] = code
        return code

    def makeSubset(self, subset):
        return make_subset(self, self.glyphs, subset, self.composites)


class ThaiTTFont(TTFont):
    """A ReportLab TrueType font whose face is a ``ComposingFace`` (same API as ``TTFont``)."""

    def __init__(self, name: str, filename: str):
        # TTFont.__init__ would parse the file into a plain TTFontFace first; do its few steps.
        self.fontName = name
        self.face = ComposingFace(filename)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = True


_original_to_unicode = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname, subset):
    """ReportLab's ToUnicode CMap, with our cluster codes mapped to their (multi-char) text."""
    if not any(code in _SOURCE_TEXT for code in subset):
        return _original_to_unicode(fontname, subset)
    entries = []
    for i, code in enumerate(subset):
        text = _SOURCE_TEXT.get(code) or chr(code)
        entries.append(f"<{i:02X}> <{text.encode('utf-16-be').hex().upper()}>")
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            "<00> <%02X>" % (len(subset) - 1),
            "endcodespacerange",
            # bfchar blocks hold at most 100 entries each (PDF reference, 5.9.2)
            *_bfchar_blocks(entries),
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _bfchar_blocks(entries: list[str]):
    for start in range(0, len(entries), 100):
        block = entries[start : start + 100]
        yield f"{len(block)} beginbfchar"
        yield from block
        yield "endbfchar"


_installed = False


def install_hooks() -> bool:
    """Install the ToUnicode and Paragraph shaping hooks once; False on an unchecked ReportLab."""
    global _installed
    if _installed:
        return True
    if not hooks_supported():
        warnings.warn(
            f"ReportLab {reportlab.Version} is not one the Thai text layer was checked against "
            f"({', '.join(HOOKED_REPORTLAB)}x): Thai prints right but may not copy/search "
            "right in the PDF",
            RuntimeWarning,
            stacklevel=2,
        )
        return False
    from reportlab.platypus import paragraph

    from .shaping import make_frag_word_shaper

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    paragraph.shapeFragWord = make_frag_word_shaper(paragraph.shapeFragWord)
    _installed = True
    return True


def hooks_installed() -> bool:
    return _installed
