"""Thai text for ReportLab: fonts, word-boundary wrapping, shaped and searchable PDF text."""

from .canvas import NumberedCanvas, ThaiCanvas, draw_thai_string, numbered_canvas, page_label
from .chars import thai_digits
from .fonts import ThaiFonts, find_system_family, thai_fonts
from .paragraphs import (
    ThaiParagraph,
    ThaiStyles,
    measure_runs,
    numbered_list,
    run_fonts,
    split_tall_row,
    split_tall_text,
    text_runs,
    thai_paragraph,
)
from .pdffont import hooks_installed
from .segment import warm_up as _warm_up_dictionary
from .shaping import shape_text, text_width
from .wrap import Run, runs_width, wrap_runs, wrap_text


def warm_up() -> None:
    """Register the fonts and load the Thai dictionaries (about 1 s, once per process).

    Call it from a worker thread at start-up so the first report does not wait.
    """
    thai_fonts()
    _warm_up_dictionary()


__all__ = [
    "NumberedCanvas",
    "Run",
    "ThaiCanvas",
    "ThaiFonts",
    "ThaiParagraph",
    "ThaiStyles",
    "draw_thai_string",
    "find_system_family",
    "hooks_installed",
    "measure_runs",
    "numbered_canvas",
    "numbered_list",
    "page_label",
    "run_fonts",
    "runs_width",
    "shape_text",
    "split_tall_row",
    "split_tall_text",
    "text_runs",
    "text_width",
    "thai_digits",
    "thai_fonts",
    "thai_paragraph",
    "warm_up",
    "wrap_runs",
    "wrap_text",
]
