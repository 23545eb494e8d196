"""FirstThatFits: the roomier rendering when it fits, the tighter one at a page's foot."""

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Spacer

from ita_desktop.services.reports.page import FirstThatFits

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
