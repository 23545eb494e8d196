"""FirstThatFits and KeepTail: a sign-off tighter at a page's foot, kept with the end of a
table, and never a layout error when it is taller than a page."""

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Spacer

from ita_desktop.services.reports.page import FirstThatFits, KeepTail

FRAME = A4[1] - 2 * 72 - 12  # SimpleDocTemplate's frame, less its 6 pt paddings


def _pages(tmp_path, filler: float) -> tuple[int, float]:
    roomy, tight = [Spacer(1, 80)], [Spacer(1, 50)]
    choice = FirstThatFits(roomy, tight)
    pages = []
    doc = SimpleDocTemplate(str(tmp_path / "fit.pdf"), pagesize=A4)
    doc.build([Spacer(1, filler), choice], onLaterPages=lambda c, d: pages.append(d.page))
    return 1 + len(pages), choice.height


def test_the_roomy_rendering_when_it_fits(tmp_path):
    assert _pages(tmp_path, FRAME - 100) == (1, 80)


def test_the_tight_rendering_rather_than_a_page_of_its_own(tmp_path):
    assert _pages(tmp_path, FRAME - 60) == (1, 50)


def test_the_roomy_rendering_on_the_next_page_when_neither_fits(tmp_path):
    assert _pages(tmp_path, FRAME - 40) == (2, 80)


def _lines(count: int) -> list:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph

    style = getSampleStyleSheet()["Normal"]
    return [Paragraph(f"line {n}", style) for n in range(count)]


def _build(tmp_path, story) -> int:
    pages = []
    doc = SimpleDocTemplate(str(tmp_path / "tall.pdf"), pagesize=A4)
    doc.build(story, onLaterPages=lambda c, d: pages.append(d.page))
    return 1 + len(pages)


def _long_paragraph(lines: int):
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph

    return Paragraph(
        "<br/>".join(f"line {n}" for n in range(lines)), getSampleStyleSheet()["Normal"]
    )


def test_a_block_whose_text_is_taller_than_a_page_flows_on_instead_of_failing(tmp_path):
    # A sign-off whose text (one paragraph of 90 lines of 12 pt) is longer than a page.
    assert _build(tmp_path, [FirstThatFits([_long_paragraph(90), *_lines(3)])]) == 2


def test_a_block_taller_than_a_page_starts_where_it_is(tmp_path):
    # 95 lines: 41 under the 200 pt above, 54 on the next page; a new page first would not
    # make it fit and would take three.
    tall = FirstThatFits(_lines(100), _lines(95))
    assert _build(tmp_path, [Spacer(1, 200), tall]) == 2


def _table(rows: int):
    from reportlab.platypus import Table

    return Table([[f"row {n}"] for n in range(rows)])


def test_a_tail_that_needs_a_page_of_its_own_takes_no_rows_with_it(tmp_path):
    # 57 lines (684 pt) leave no room for a row of the table beside them: the table stays
    # whole on page 1 rather than leave its last row alone on page 2 and the tail on page 3.
    kept = _build(tmp_path, [KeepTail(_table(30), FirstThatFits(_lines(57)), 8)])
    assert kept == 2


def test_a_short_tail_takes_the_last_row_rather_than_stand_alone(tmp_path):
    rows = 37  # 18 pt each: the table ends a few lines above the page's foot
    apart = _build(tmp_path, [_table(rows), Spacer(1, 8), FirstThatFits(_lines(6))])
    kept = _build(tmp_path, [KeepTail(_table(rows), FirstThatFits(_lines(6)), 8)])
    assert apart == kept == 2  # the same pages, but the second is not the tail alone
