"""TrueType subsets for the PDF, including extra composite glyphs made from shaped Thai clusters."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from struct import pack, unpack_from

from reportlab.pdfbase.ttfonts import TTFontMaker

# Composite glyph flags from the TrueType 'glyf' specification.
_ARG_1_AND_2_ARE_WORDS = 0x0001
_ARGS_ARE_XY_VALUES = 0x0002
_WE_HAVE_A_SCALE = 0x0008
_MORE_COMPONENTS = 0x0020
_WE_HAVE_AN_X_AND_Y_SCALE = 0x0040
_WE_HAVE_A_TWO_BY_TWO = 0x0080


@dataclass(frozen=True)
class Composite:
    """One drawn cluster: glyphs of the real font at offsets (font units), and its advance."""

    components: tuple[tuple[int, int, int], ...]  # (glyph id, dx, dy)
    advance: int


def _component_records(data: bytes):
    """Yield (offset of the glyph index field, glyph index) of a composite glyph's components."""
    pos = 10
    flags = _MORE_COMPONENTS
    while flags & _MORE_COMPONENTS:
        flags, glyph = unpack_from(">HH", data, pos)
        yield pos + 2, glyph
        pos += 4 + (4 if flags & _ARG_1_AND_2_ARE_WORDS else 2)
        if flags & _WE_HAVE_A_SCALE:
            pos += 2
        elif flags & _WE_HAVE_AN_X_AND_Y_SCALE:
            pos += 4
        elif flags & _WE_HAVE_A_TWO_BY_TWO:
            pos += 8


class FontGlyphs:
    """Read access to the original font's glyphs, shared by every subset of one face."""

    def __init__(self, face):
        self.face = face
        self.glyf = face.get_table("glyf")
        self.count = len(face.glyphPos) - 1
        self.extra: dict[int, tuple[bytes, int, int]] = {}  # drawn glyphs: data, advance, lsb

    def data(self, gid: int) -> bytes:
        if gid >= self.count:
            return self.extra[gid][0] if gid in self.extra else b""
        pos = self.face.glyphPos
        return self.glyf[pos[gid] : pos[gid + 1]]

    def components(self, gid: int) -> list[int]:
        data = self.data(gid)
        if len(data) < 10 or unpack_from(">h", data)[0] >= 0:
            return []
        return [glyph for _, glyph in _component_records(data)]

    def bbox(self, gid: int) -> tuple[int, int, int, int] | None:
        data = self.data(gid)
        return unpack_from(">hhhh", data, 2) if len(data) >= 10 else None

    def metrics(self, gid: int) -> tuple[int, int]:
        """(advance, left side bearing) for hmtx."""
        if gid in self.extra:
            return self.extra[gid][1:]
        return self.face.hmetrics[gid]

    def size(self, gid: int) -> tuple[int, int, int]:
        """Points, contours and nesting depth, which maxp must cover for composites."""
        return _outline_size(self, gid)


@cache
def _outline_size(glyphs: FontGlyphs, gid: int) -> tuple[int, int, int]:
    data = glyphs.data(gid)
    if len(data) < 10:
        return 0, 0, 0
    contours = unpack_from(">h", data)[0]
    if contours >= 0:
        points = unpack_from(">H", data, 10 + 2 * (contours - 1))[0] + 1 if contours else 0
        return points, contours, 0
    points = contours = depth = 0
    for child in glyphs.components(gid):
        p, c, d = _outline_size(glyphs, child)
        points, contours, depth = points + p, contours + c, max(depth, d)
    return points, contours, depth + 1


def composite_glyph(glyphs: FontGlyphs, composite: Composite, new_id) -> tuple[bytes, int]:
    """Glyph data for ``composite`` (component ids mapped by ``new_id``) and its xMin for hmtx."""
    parts = [(gid, dx, dy) for gid, dx, dy in composite.components if glyphs.bbox(gid)]
    if not parts:
        return b"", 0  # nothing visible (a space, a joiner): an empty glyph is valid TrueType
    boxes = []
    for gid, dx, dy in parts:
        x0, y0, x1, y1 = glyphs.bbox(gid)
        boxes.append((x0 + dx, y0 + dy, x1 + dx, y1 + dy))
    x_min = min(b[0] for b in boxes)
    out = [
        pack(
            ">hhhhh",
            -1,
            x_min,
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
    ]
    for i, (gid, dx, dy) in enumerate(parts):
        flags = _ARG_1_AND_2_ARE_WORDS | _ARGS_ARE_XY_VALUES
        if i < len(parts) - 1:
            flags |= _MORE_COMPONENTS
        out.append(pack(">HHhh", flags, new_id(gid), dx, dy))
    return b"".join(out), x_min


def make_subset(
    face, glyphs: FontGlyphs, codes: list[int], composites: dict[int, Composite]
) -> bytes:
    """The TrueType program for one PDF font subset: ``codes[i]`` is drawn by byte ``i``.

    Works like ReportLab's ``TTFontFile.makeSubset`` but also knows glyph ids past the end of
    the font (``face.charToGlyph`` sends our cluster code points there), built from
    ``composites``.
    """
    synthetic = {face.charToGlyph[c]: composites[c] for c in codes if c in composites}
    old_ids = [0]
    new_ids = {0: 0}

    def add(old: int) -> None:
        if old not in new_ids:
            new_ids[old] = len(old_ids)
            old_ids.append(old)

    for code in codes:
        add(face.charToGlyph.get(code, 0))
    n = 0
    while n < len(old_ids):  # pull in every component glyph, of ours and of the font's own
        old = old_ids[n]
        n += 1
        children = (
            [gid for gid, _, _ in synthetic[old].components]
            if old in synthetic
            else glyphs.components(old)
        )
        for child in children:
            add(child)

    glyf_parts, loca, hmtx = [], [], []
    offset = 0
    max_points = max_contours = max_elements = max_depth = max_advance = 0
    for old in old_ids:
        if old in synthetic:
            composite = synthetic[old]
            data, lsb = composite_glyph(glyphs, composite, new_ids.__getitem__)
            advance = composite.advance
            sizes = [glyphs.size(gid) for gid, _, _ in composite.components]
            max_points = max(max_points, sum(s[0] for s in sizes))
            max_contours = max(max_contours, sum(s[1] for s in sizes))
            max_elements = max(max_elements, len(composite.components))
            max_depth = max(max_depth, 1 + max((s[2] for s in sizes), default=0))
        else:
            data = glyphs.data(old)
            if len(data) >= 10 and unpack_from(">h", data)[0] < 0:
                for field, child in list(_component_records(data)):
                    data = data[:field] + pack(">H", new_ids[child]) + data[field + 2 :]
            advance, lsb = glyphs.metrics(old)
        max_advance = max(max_advance, advance)
        data += b"\0" * (-len(data) % 4)
        loca.append(offset)
        glyf_parts.append(data)
        offset += len(data)
        # ReportLab keeps lsb as read (unsigned); ours are signed: write both as 16 bits.
        hmtx.append(pack(">HH", int(advance), int(lsb) & 0xFFFF))
    loca.append(offset)

    out = TTFontMaker()
    for tag in ("name", "OS/2", "cvt ", "fpgm", "prep"):
        with suppress(KeyError):  # cvt, fpgm and prep are optional (Sarabun has none)
            out.add(tag, face.get_table(tag))
    # post version 3: no glyph names, which a subset keyed by byte codes does not need
    out.add("post", b"\x00\x03\x00\x00" + face.get_table("post")[4:16] + b"\x00" * 16)
    count = len(old_ids)
    out.add("hmtx", b"".join(hmtx))  # one full pair per glyph: simple and always valid
    hhea = bytearray(face.get_table("hhea"))
    hhea[10:12] = pack(">H", max(unpack_from(">H", hhea, 10)[0], int(max_advance)))
    hhea[34:36] = pack(">H", count)
    out.add("hhea", bytes(hhea))
    out.add(
        "maxp",
        _maxp(face.get_table("maxp"), count, max_points, max_contours, max_elements, max_depth),
    )
    cmap = [0, 1, 1, 0, 0, 12, 6, 10 + 2 * len(codes), 0, 0, len(codes)]
    cmap += [new_ids[face.charToGlyph.get(code, 0)] for code in codes]
    out.add("cmap", pack(f">{len(cmap)}H", *cmap))
    out.add("glyf", b"".join(glyf_parts))
    long_loca = offset >> 1 > 0xFFFF
    if long_loca:
        out.add("loca", pack(f">{len(loca)}L", *loca))
    else:
        out.add("loca", pack(f">{len(loca)}H", *(o >> 1 for o in loca)))
    head = bytearray(face.get_table("head"))
    head[50:52] = pack(">h", 1 if long_loca else 0)
    out.add("head", bytes(head))
    return out.makeStream()


def _maxp(table: bytes, count: int, points: int, contours: int, elements: int, depth: int):
    maxp = bytearray(table)
    maxp[4:6] = pack(">H", count)
    if len(maxp) >= 32:  # version 1.0 (TrueType outlines) carries composite limits
        for offset, value in ((10, points), (12, contours), (28, elements), (30, depth)):
            maxp[offset : offset + 2] = pack(">H", max(unpack_from(">H", maxp, offset)[0], value))
    return bytes(maxp)
