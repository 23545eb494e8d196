"""The tables of the dialogs: rows with room for Thai marks, a paste dialog that fits the screen."""

from PySide6.QtCore import QSize, Qt

from ita_desktop.ui.pages.measures_page import MeasuresPage
from ita_desktop.ui.pages.results_page import ResultsPage
from ita_desktop.ui.paste_dialog import fitted_size
from tests.ui.page_helpers import close, open_page, prepare_demo, prepare_file

# Above and below a line of Thai: its tone marks (ชี้, ผู้, ไม่) must not touch the row's line.
ROOM_FOR_MARKS = 8
PASTED = "i1\t98.36\ni10 ๘๔.๕๐\no99 50\nตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ 99.45\ni3 abc\n"


def assert_rows_have_room(table) -> None:
    line = table.fontMetrics().lineSpacing()
    heights = [table.rowHeight(row) for row in range(table.model().rowCount())]
    assert heights and min(heights) >= line + ROOM_FOR_MARKS, heights


def open_paste_dialog(qtbot, db_path):
    harness = open_page(qtbot, ResultsPage, db_path, prepare_file(db_path), 2568)
    qtbot.mouseClick(harness.page.paste_button, Qt.MouseButton.LeftButton)
    dialog = harness.page.paste_dialog
    dialog.text.setPlainText(PASTED)
    qtbot.waitUntil(lambda: len(dialog.rows()) == 5)
    return harness, dialog


def test_the_paste_preview_rows_have_room_for_thai_marks(qtbot, db_path):
    harness, dialog = open_paste_dialog(qtbot, db_path)
    try:
        assert_rows_have_room(dialog.table)
    finally:
        close(harness)


def test_the_paste_dialog_fits_the_screen(qtbot, db_path):
    assert fitted_size(QSize(1920, 1080)) == QSize(1100, 640)
    small = fitted_size(QSize(1024, 700))
    assert small.width() < 1024 and small.height() < 700  # the title bar needs room too
    harness, dialog = open_paste_dialog(qtbot, db_path)
    try:
        free = dialog.screen().availableGeometry()
        assert dialog.width() <= free.width() and dialog.height() <= free.height()
    finally:
        close(harness)


def test_the_paste_preview_gives_its_room_to_the_criteria_text(qtbot, db_path):
    harness, dialog = open_paste_dialog(qtbot, db_path)
    try:
        dialog.resize(fitted_size(QSize(1024, 700)))
        qtbot.waitUntil(lambda: dialog.table.viewport().width() > 500)
        header = dialog.table.horizontalHeader()
        text, status = header.sectionSize(2), header.sectionSize(4)
        assert text > status
        assert status >= dialog.table.fontMetrics().horizontalAdvance("ไม่อยู่ในเกณฑ์ปี ๒๕๖๘")
        assert header.length() <= dialog.table.viewport().width()  # nothing to scroll sideways
    finally:
        close(harness)


def test_the_library_and_copy_tables_have_room_for_thai_marks(qtbot, db_path):
    harness = open_page(qtbot, MeasuresPage, db_path, prepare_demo(db_path), 2569)
    try:
        page = harness.page
        page.open_library()
        library = page.suggestion_dialog
        qtbot.waitUntil(lambda: library.model.rowCount() > 0, timeout=10_000)
        assert_rows_have_room(library.table)
        library.close()
        page.actions_["copy"].trigger()
        qtbot.waitUntil(lambda: page.copy_dialog is not None and page.copy_dialog.isVisible())
        assert_rows_have_room(page.copy_dialog.table)
        page.copy_dialog.reject()
    finally:
        close(harness)
