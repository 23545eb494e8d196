"""Every page fits a 1024x700 screen: nothing scrolls sideways and no page widens the window."""

import pytest
from PySide6.QtWidgets import QAbstractScrollArea

from ita_desktop.services.demo import demo_file as shipped_demo
from ita_desktop.ui.pages.registry import page_entries
from tests.ui.page_helpers import prepare_demo, thai_fonts
from tests.ui.shell_helpers import idle, open_window

pytestmark = pytest.mark.skipif(not shipped_demo().exists(), reason="the demo office is missing")
SMALL_SCREEN = (1024, 700)
MOST_WINDOW = 1000  # leaves room for the window frame and a task bar beside it


def _sideways_scrolling(page) -> list[str]:
    return [
        f"{type(area).__name__}({area.objectName()})"
        for area in page.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]


def _visit_every_page(qtbot, window) -> None:
    for entry in page_entries():
        window.show_page(entry.key)
        idle(qtbot, window)
        page = window.page(entry.key)
        if entry.key == "reports":  # the preview is built when the page is first seen
            qtbot.waitUntil(lambda p=page: p._building is None, timeout=30_000)
            idle(qtbot, window)
        qtbot.wait(50)  # the layouts the new contents asked for
        where = f"{entry.key}, year {window.context_bar.year()}"
        assert window.minimumSizeHint().width() <= MOST_WINDOW, where
        assert window.width() == SMALL_SCREEN[0], where  # the page did not push the window wider
        assert page.minimumSizeHint().width() <= page.width(), where
        assert _sideways_scrolling(page) == [], where


def test_every_page_fits_a_1024_by_700_window(qtbot, tmp_path):
    db_path = tmp_path / "demo.sqlite"
    prepare_demo(db_path)
    thai_fonts()
    window = open_window(qtbot, db_path, tmp_path, size=SMALL_SCREEN)
    assert window.width() == SMALL_SCREEN[0]
    _visit_every_page(qtbot, window)
    window.context_bar.select(year=2569)  # the plan year: no results of its own yet
    idle(qtbot, window)
    _visit_every_page(qtbot, window)
    assert window.minimumSizeHint().width() <= MOST_WINDOW
    window.close()


def test_every_step_of_a_measure_shows_whole_in_a_1024_window(qtbot, tmp_path):
    """The steps were measured at the editor's first width and printed "…" once it narrowed."""
    db_path = tmp_path / "demo.sqlite"
    prepare_demo(db_path)
    thai_fonts()
    window = open_window(qtbot, db_path, tmp_path, size=SMALL_SCREEN)
    window.context_bar.select(year=2569)
    window.show_page("measures")
    idle(qtbot, window)
    page = window.page("measures")
    page.tree.setCurrentIndex(page.model.index(0, 0, page.model.index(0, 0)))
    idle(qtbot, window)
    table = page.editor.steps.table
    assert table.rowCount() >= 4
    qtbot.waitUntil(
        lambda: all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in range(table.rowCount()))
    )
    needs = [table.sizeHintForRow(r) for r in range(table.rowCount())]
    assert max(needs) > min(needs)  # the steps wrap to different numbers of lines
    window.close()
