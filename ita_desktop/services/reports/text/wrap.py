"""Greedy line filling of Thai text with the widths HarfBuzz gives, breaking only between atoms."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from typing import NamedTuple

from reportlab.pdfbase.pdfmetrics import stringWidth

from .segment import BREAK_SPACES, SPACE, atoms, finer
from .shaping import text_width

# ReportLab sums the same widths in another order: keep lines a hair inside the limit so it
# never finds one too wide and breaks it again at a space.
_SLACK = 1e-6


class Run(NamedTuple):
    """A piece of text in one weight, for paragraphs with bold parts."""

    text: str
    bold: bool = False


def break_spans(
    text: str,
    widths: Sequence[float],
    chunk_width: Callable[[int, int], float],
    space_width: Callable[[int, int], float],
) -> list[tuple[int, int]]:
    """Line spans ``(start, end)`` of ``text``; ``widths[i]`` is line i's width (last repeats).

    ``chunk_width(a, b)`` measures ``text[a:b]`` (no break spaces inside) as drawn, and
    ``space_width(a, b)`` the spaces ``text[a:b]``. "\\n" forces a break. Break spaces at a
    break are dropped; a line is wider than its width only when it is a single grapheme
    cluster that is.
    """
    lines: list[tuple[int, int]] = []

    def limit(ahead: int = 0) -> float:
        return widths[min(len(lines) + ahead, len(widths) - 1)] - _SLACK

    offset = 0
    for hard_line in text.split("\n"):
        first_line = len(lines)
        queue = deque()
        pos = offset
        for piece, kind in atoms(hard_line):
            queue.append((pos, pos + len(piece), kind))
            pos += len(piece)
        start = end = chunk = None  # the line so far, and where its last unspaced chunk starts
        before = 0.0  # width of the line before that chunk (words and the spaces after them)
        spaces = None  # break spaces seen after the line's last atom
        while queue:
            a, b, kind = queue.popleft()
            if kind == SPACE:
                if start is not None:
                    spaces = (a, b)
                continue
            if start is None:
                width = chunk_width(a, b)
            elif spaces:
                width = before + chunk_width(chunk, end) + space_width(*spaces) + chunk_width(a, b)
            else:
                width = before + chunk_width(chunk, b)
            if width <= limit():
                if start is None:
                    start, chunk, before = a, a, 0.0
                elif spaces:
                    before += chunk_width(chunk, end) + space_width(*spaces)
                    chunk = a
                start, end, spaces = start, b, None
                continue
            alone = chunk_width(a, b)
            if start is not None and alone <= limit(1):
                lines.append((start, end))  # the atom fits on a line of its own: break here
                start = end = chunk = spaces = None
                queue.appendleft((a, b, kind))
                continue
            parts = finer(text[a:b], kind)
            if len(parts) > 1:  # too wide for any line: cut it finer and fill what is left
                at = b
                for part in reversed(parts):
                    word = len(part) - len(part.lstrip(BREAK_SPACES))
                    queue.appendleft((at - len(part) + word, at, kind))
                    if word:  # " ๆ" cut off its word: the space before it is a break space
                        queue.appendleft((at - len(part), at - len(part) + word, SPACE))
                    at -= len(part)
                continue
            if start is not None:  # a single cluster wider than the column: a line of its own
                lines.append((start, end))
            lines.append((a, b))
            start = end = chunk = spaces = None
        if start is not None:
            lines.append((start, end))
        if len(lines) == first_line:
            lines.append((offset, offset))  # an empty hard line stays as a blank line
        offset += len(hard_line) + 1
    return lines


def wrap_text(
    text: str, width: float, font_name: str, size: float, first_width: float | None = None
) -> list[str]:
    """``text`` cut into lines no wider than ``width`` points in one of our fonts at ``size``.

    ``first_width`` is the first line's width when it differs (a first-line indent).
    """
    space = stringWidth(" ", font_name, size)
    spans = break_spans(
        text,
        [width if first_width is None else first_width, width],
        lambda a, b: text_width(text[a:b], font_name, size),
        lambda a, b: space * (b - a),
    )
    return [text[a:b] for a, b in spans]


def wrap_runs(
    runs: Sequence[Run],
    width: float,
    fonts: tuple[str, str],
    size: float,
    first_width: float | None = None,
) -> list[list[Run]]:
    """Like ``wrap_text`` for text in runs of (regular, bold) = ``fonts``; lines keep the runs."""
    text = "".join(r.text for r in runs)
    bounds = []  # (start, end, bold) of each run
    pos = 0
    for run in runs:
        bounds.append((pos, pos + len(run.text), run.bold))
        pos += len(run.text)

    def pieces(a: int, b: int):
        for start, end, bold in bounds:
            lo, hi = max(a, start), min(b, end)
            if lo < hi:
                yield lo, hi, bold

    def chunk_width(a: int, b: int) -> float:
        return sum(text_width(text[lo:hi], fonts[bold], size) for lo, hi, bold in pieces(a, b))

    def space_width(a: int, b: int) -> float:
        return sum(stringWidth(text[lo:hi], fonts[bold], size) for lo, hi, bold in pieces(a, b))

    spans = break_spans(
        text, [width if first_width is None else first_width, width], chunk_width, space_width
    )
    return [[Run(text[lo:hi], bold) for lo, hi, bold in pieces(a, b)] for a, b in spans]


