"""Glyphs drawn for characters the font lacks (□ ✓ ☑ ☒ ✗ ○ ●), so no .notdef box is printed."""

# Sarabun and TH Sarabun New have no check boxes or check marks, which clerks paste from Word
# (seed 003 ticks its items with "□"). These are simple TrueType outlines sized to the font's
# Thai consonant height; each is drawn through a cluster glyph that still reads as the
# character it stands for, so the PDF's text keeps "□". Any other missing character is "?".

from __future__ import annotations

import math
from struct import pack

Contour = list[tuple[float, float]]  # points in units of the consonant height, y up

_BOX = "□☐▢◻"
_CHECK = "✓✔\U0001f5f8"
_BOX_CHECK = "☑✅\U0001f5f9"
_BOX_CROSS = "☒\U0001f5f7"
_CROSS = "✗✘✕✖"
_RING = "○◯"
_DISC = "●⚫"
FALLBACK = "?"


def _clockwise(contour: Contour, outer: bool = True) -> Contour:
    """TrueType fills by the non-zero rule: outer contours clockwise, holes the other way."""
    area = sum(
        x0 * y1 - x1 * y0
        for (x0, y0), (x1, y1) in zip(contour, contour[1:] + contour[:1], strict=True)
    )
    return contour if (area < 0) == outer else contour[::-1]


def _rect(x0: float, y0: float, x1: float, y1: float, outer: bool = True) -> Contour:
    return _clockwise([(x0, y0), (x0, y1), (x1, y1), (x1, y0)], outer)


def _bar(x0: float, y0: float, x1: float, y1: float, half: float) -> Contour:
    """A straight stroke from (x0, y0) to (x1, y1), ``half`` its thickness either side."""
    length = math.hypot(x1 - x0, y1 - y0)
    nx, ny = -(y1 - y0) / length * half, (x1 - x0) / length * half
    return _clockwise(
        [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)]
    )


def _check(x: float, y: float, size: float) -> Contour:
    points = [(0.00, 0.50), (0.13, 0.62), (0.38, 0.36), (0.87, 1.00), (1.00, 0.88), (0.38, 0.10)]
    return _clockwise([(x + px * size, y + py * size) for px, py in points])


def _polygon(cx: float, cy: float, r: float, outer: bool = True, sides: int = 24) -> Contour:
    return _clockwise(
        [
            (cx + r * math.cos(2 * math.pi * i / sides), cy + r * math.sin(2 * math.pi * i / sides))
            for i in range(sides)
        ],
        outer,
    )


def shape_of(ch: str) -> tuple[list[Contour], float] | None:
    """The contours of ``ch`` and its advance (in consonant heights), or None if not drawn."""
    t = 0.09  # stroke
    box = [_rect(0.1, 0.0, 1.1, 1.0), _rect(0.1 + t, t, 1.1 - t, 1.0 - t, outer=False)]
    if ch in _BOX:
        return box, 1.3
    if ch in _BOX_CHECK:
        return [*box, _check(0.3, 0.2, 0.6)], 1.3
    if ch in _BOX_CROSS:
        return [*box, _bar(0.32, 0.22, 0.88, 0.78, t / 2), _bar(0.32, 0.78, 0.88, 0.22, t / 2)], 1.3
    if ch in _CHECK:
        return [_check(0.05, 0.0, 0.95)], 1.1
    if ch in _CROSS:
        return [_bar(0.1, 0.05, 0.9, 0.85, t * 0.7), _bar(0.1, 0.85, 0.9, 0.05, t * 0.7)], 1.0
    if ch in _RING:
        return [_polygon(0.6, 0.5, 0.5), _polygon(0.6, 0.5, 0.5 - t, outer=False)], 1.2
    if ch in _DISC:
        return [_polygon(0.6, 0.5, 0.5)], 1.2
    return None


def simple_glyph(contours: list[Contour], scale: float) -> tuple[bytes, int]:
    """TrueType 'glyf' data of ``contours`` scaled to font units, and its xMin (for hmtx)."""
    points = [(round(x * scale), round(y * scale)) for c in contours for x, y in c]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    ends, count = [], 0
    for contour in contours:
        count += len(contour)
        ends.append(count - 1)
    out = [
        pack(">hhhhh", len(contours), min(xs), min(ys), max(xs), max(ys)),
        pack(f">{len(ends)}H", *ends),
        pack(">H", 0),
        bytes([1] * len(points)),
    ]
    # every point on the curve, coordinates as 16-bit deltas (no short or repeat flags)
    deltas_x = [x - px for x, px in zip(xs, [0, *xs[:-1]], strict=True)]
    deltas_y = [y - py for y, py in zip(ys, [0, *ys[:-1]], strict=True)]
    out += [pack(f">{len(points)}h", *deltas_x), pack(f">{len(points)}h", *deltas_y)]
    return b"".join(out), min(xs)
