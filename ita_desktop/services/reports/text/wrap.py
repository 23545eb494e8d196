"""Greedy line filling of Thai text with the widths HarfBuzz gives, breaking only between atoms."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Sequence
from typing import NamedTuple

from reportlab.pdfbase.pdfmetrics import stringWidth

from .segment import BREAK_SPACES, FIXED, SPACE, atoms, finer
from .shaping import text_width

# ReportLab sums the same widths in another order: keep lines a hair inside the limit so it
# never finds one too wide and breaks it again at a space.
_SLACK = 1e-6
_SPACES = re.compile(f"[{re.escape(BREAK_SPACES)}]+")
_DIGITS = "0123456789๐๑๒๓๔๕๖๗๘๙"


class Run(NamedTuple):
    """A piece of text in one weight, for paragraphs with bold parts."""

    text: str
    bold: bool = False


def _atom_queue(text: str, hard_line: str, offset: int) -> deque:
    """(start, end, kind) of the atoms of ``hard_line``, found at ``offset`` in ``text``."""
    # An abbreviation and the number after it (พ.ศ. ๒๕๖๘, ก.ย. ๒๕๖๙) are made one atom: a line
    # must not end between them unless they are wider than a line together.
    out: list[tuple[int, int, int]] = []
    pos = offset
    for piece, kind in atoms(hard_line):
        a, b = pos, pos + len(piece)
        pos = b
        if kind == FIXED and text[a] in _DIGITS:
            if (
                len(out) >= 2
                and out[-1][2] == SPACE
                and text[out[-1][0] : out[-1][1]] == " "
                and out[-2][2] == FIXED
                and text[out[-2][1] - 1] == "."
            ):
                a = out[-2][0]
                del out[-2:]
            elif out and out[-1][2] == FIXED and text[out[-1][1] - 1] == ".":
                a = out.pop()[0]
        out.append((a, b, kind))
    return deque(out)


def _fitted(line: list, queue: deque, limit: float, measure) -> tuple[int, int]:
    """The span of ``line`` (then emptied), its last atoms given back to ``queue`` if too wide."""
    # Lines are filled by summing atom widths; kerning across atoms can (rarely) make the line
    # as drawn wider than that sum: measured whole here, it hands its last atoms on.
    while len(line) > 1 and measure(line[0][0], line[-1][1]) > limit:
        a, b, kind, before = line.pop()
        queue.appendleft((a, b, kind))
        if before:
            queue.appendleft((*before, SPACE))
    span = (line[0][0], line[-1][1])
    line.clear()
    return span


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
    # Each atom is measured once and lines filled by adding widths (linear: measuring the
    # growing line again for every word added was quadratic); each line is then measured once
    # as drawn (_fitted).
    lines: list[tuple[int, int]] = []
    widths_of: dict[tuple[int, int], float] = {}

    def limit(ahead: int = 0) -> float:
        return widths[min(len(lines) + ahead, len(widths) - 1)] - _SLACK

    def measure(a: int, b: int) -> float:
        """``text[a:b]`` as ReportLab measures it: words shaped, spaces at their width."""
        total, pos = 0.0, a
        for m in _SPACES.finditer(text, a, b):
            if m.start() > pos:
                total += chunk_width(pos, m.start())
            total += space_width(*m.span())
            pos = m.end()
        return total + (chunk_width(pos, b) if b > pos else 0.0)

    def atom_width(a: int, b: int) -> float:
        width = widths_of.get((a, b))
        if width is None:
            width = widths_of[(a, b)] = measure(a, b)
        return width

    offset = 0
    for hard_line in text.split("\n"):
        first_line = len(lines)
        queue = _atom_queue(text, hard_line, offset)
        line: list[tuple[int, int, int, tuple[int, int] | None]] = []  # atoms, spaces before
        used = 0.0
        spaces = None  # break spaces seen after the line's last atom

        while queue or line:
            if not queue:  # the hard line's last line (may give atoms back: go on then)
                lines.append(_fitted(line, queue, limit(), measure))
                used, spaces = 0.0, None
                continue
            a, b, kind = queue.popleft()
            if kind == SPACE:
                if line:
                    spaces = (a, b)
                continue
            width = atom_width(a, b)
            gap = space_width(*spaces) if line and spaces else 0.0
            if used + gap + width <= limit():
                line.append((a, b, kind, spaces if line else None))
                used += gap + width
                spaces = None
                continue
            if line and width <= limit(1):
                queue.appendleft((a, b, kind))  # the atom fits on a line of its own
                lines.append(_fitted(line, queue, limit(), measure))
                used, spaces = 0.0, None
                continue
            parts = finer(text[a:b], kind)
            if len(parts) > 1:  # too wide for any line: cut it finer and fill what is left
                at = b
                for part in reversed(parts):
                    lead = len(part) - len(part.lstrip(BREAK_SPACES))
                    if lead < len(part):
                        queue.appendleft((at - len(part) + lead, at, kind))
                    if lead:  # " ๆ" cut off its word: the space before it is a break space
                        queue.appendleft((at - len(part), at - len(part) + lead, SPACE))
                    at -= len(part)
                continue
            if line:  # a single cluster wider than the column: a line of its own
                queue.appendleft((a, b, kind))
                lines.append(_fitted(line, queue, limit(), measure))
                used, spaces = 0.0, None
                continue
            lines.append((a, b))
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


def runs_width(runs: Sequence[Run], fonts: tuple[str, str], size: float) -> float:
    """The width of ``runs`` on one line as ReportLab measures it, bold runs in ``fonts[1]``."""
    total = 0.0
    for run in runs:
        font = fonts[run.bold]
        for n, word in enumerate(run.text.split(" ")):
            total += text_width(word, font, size) + (stringWidth(" ", font, size) if n else 0.0)
    return total


def wrap_runs(
    runs: Sequence[Run],
    width: float,
    fonts: tuple[str, str],
    size: float,
    first_width: float | None = None,
) -> list[list[Run]]:
    """Like ``wrap_text`` for text in runs of (plain, bold) = ``fonts``; lines keep the runs.

    ``fonts[0]`` is the font plain runs are drawn in: the bold face for a bold style.
    """
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

    if len(bounds) == 1:  # one weight: no need to look for run edges
        font = fonts[bounds[0][2]]
        space = stringWidth(" ", font, size)

        def chunk_width(a: int, b: int) -> float:
            return text_width(text[a:b], font, size)

        def space_width(a: int, b: int) -> float:
            return space * (b - a)
    else:

        def chunk_width(a: int, b: int) -> float:
            return sum(text_width(text[lo:hi], fonts[bold], size) for lo, hi, bold in pieces(a, b))

        def space_width(a: int, b: int) -> float:
            return sum(stringWidth(text[lo:hi], fonts[bold], size) for lo, hi, bold in pieces(a, b))

    spans = break_spans(
        text, [width if first_width is None else first_width, width], chunk_width, space_width
    )
    return [[Run(text[lo:hi], bold) for lo, hi, bold in pieces(a, b)] for a, b in spans]
