"""ติดตามผล: progress for both rounds, the dashboard counts, the open filter, undo."""

from datetime import date

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QStyle,
)

from ita_desktop.domain.records import Measure, Progress
from ita_desktop.services import offices, plans
from ita_desktop.storage.database import open_database
from ita_desktop.ui.pages.progress_page import ProgressPage, load_progress_view
from ita_desktop.ui.progress_delegates import share_widths
from ita_desktop.ui.progress_model import (
    COLUMNS,
    DATE,
    OUTCOME,
    REMARK,
    RESULTS,
    STATUS,
    OpenFilter,
    ProgressModel,
    ProgressRow,
    results_from_text,
)
from ita_desktop.ui.session import Session
from ita_desktop.ui.widgets.thai_text import plain
from ita_desktop.ui.widgets.wrap_delegate import PADDING
from tests.builders import sample_office
from tests.ui.page_helpers import (
    Harness,
    close,
    open_page,
    prepare_demo,
    save_grab,
    thai_fonts,
    type_text,
)


def _progress(harness, qtbot, plan_id, round_):
    return harness.read(qtbot, lambda db: plans.progress_of(db, plan_id, round_))


def _small_plan(db_path) -> tuple[int, int, list[int]]:
    """Three measures of 2569; the first two have six-month entries, none has twelve."""
    db = open_database(db_path)
    try:
        office_id = offices.create_office(db, office=sample_office())
        plan_id = plans.start_plan(db, office_id=office_id, year=2569)
        ids = [
            plans.add_measure(db, plan_id=plan_id, measure=Measure(measure=text, indicator=n))
            for n, text in ((4, "จัดทำคู่มือการยืมทรัพย์สิน"), (1, "อบรมคุณธรรม"), (7, "เพิ่มช่องทาง"))
        ]
        plans.set_progress(
            db,
            progress=Progress(ids[0], 6, "ดำเนินการแล้ว", date(2026, 1, 23), ["ร่างคู่มือ", "เผยแพร่แล้ว"]),
        )
        plans.set_progress(db, progress=Progress(ids[1], 6, "อยู่ระหว่างดำเนินการ"))
        return office_id, plan_id, ids
    finally:
        db.close()


@pytest.fixture
def small(qtbot, db_path):
    office_id, plan_id, ids = _small_plan(db_path)
    harness = open_page(qtbot, ProgressPage, db_path, office_id, 2569)
    yield harness, plan_id, ids
    close(harness)


def test_rows_follow_the_plans_printing_order_and_the_rounds_are_named(small):
    harness, _, ids = small
    page = harness.page
    assert page.title == "ติดตามผล"
    rounds = [page.round_box.itemText(n) for n in range(page.round_box.count())]
    assert rounds == [
        "รอบ ๖ เดือน (ต.ค. ๒๕๖๘ – มี.ค. ๒๕๖๙)",
        "รอบ ๑๒ เดือน (ต.ค. ๒๕๖๘ – ก.ย. ๒๕๖๙)",
    ]
    model = page.model
    assert [r.measure.id for r in model.rows] == [ids[1], ids[0], ids[2]]  # indicators 1, 4, 7
    assert plain(model.index(1, RESULTS).data()) == "- ร่างคู่มือ\n- เผยแพร่แล้ว"
    assert model.index(1, DATE).data() == "๒๓ ม.ค. ๒๕๖๙"
    assert model.index(2, STATUS).data() == "ยังไม่ดำเนินการ (ยังไม่บันทึก)"
    assert page.summary.text() == "ดำเนินการแล้ว ๑ · อยู่ระหว่างดำเนินการ ๑ · ยังไม่ดำเนินการ ๑"
    assert not page.from_six.isVisible()


def test_record_progress_in_both_rounds_and_undo(qtbot, small):
    harness, plan_id, ids = small
    page, model = harness.page, harness.page.model
    row = 2  # ids[2], nothing recorded yet
    assert model.setData(model.index(row, STATUS), "อยู่ระหว่างดำเนินการ")
    assert model.setData(model.index(row, RESULTS), "- เปิดไลน์หน่วยงาน\n๒. ประชาสัมพันธ์แล้ว\n")
    harness.idle(qtbot)
    six = _progress(harness, qtbot, plan_id, 6)[ids[2]]
    assert six.status == "อยู่ระหว่างดำเนินการ"
    assert six.results == ["เปิดไลน์หน่วยงาน", "ประชาสัมพันธ์แล้ว"]
    assert page.summary.text() == "ดำเนินการแล้ว ๑ · อยู่ระหว่างดำเนินการ ๒ · ยังไม่ดำเนินการ ๐"
    page.select_round(12)
    harness.idle(qtbot)
    assert page.model.round == 12 and page.from_six.isVisible()
    assert model.setData(model.index(0, STATUS), "ดำเนินการแล้ว")
    assert model.setData(model.index(0, DATE), date(2026, 8, 31))
    assert model.setData(model.index(0, OUTCOME), "บุคลากรผ่านการอบรม ๔๒ คน")
    harness.idle(qtbot)
    twelve = _progress(harness, qtbot, plan_id, 12)[ids[1]]
    assert (twelve.status, twelve.date_done) == ("ดำเนินการแล้ว", date(2026, 8, 31))
    assert twelve.outcome == "บุคลากรผ่านการอบรม ๔๒ คน"
    assert _progress(harness, qtbot, plan_id, 6)[ids[1]].status == "อยู่ระหว่างดำเนินการ"
    for _ in range(3):
        harness.undo(qtbot)
    assert ids[1] not in _progress(harness, qtbot, plan_id, 12)
    harness.undo(qtbot)
    harness.undo(qtbot)
    assert ids[2] not in _progress(harness, qtbot, plan_id, 6)


def test_twelve_months_start_from_six(qtbot, small):
    harness, plan_id, ids = small
    page = harness.page
    page.select_round(12)
    assert page.from_six.isEnabled()
    page.from_six.click()
    harness.idle(qtbot)
    twelve = _progress(harness, qtbot, plan_id, 12)
    assert set(twelve) == {ids[0], ids[1]}
    assert twelve[ids[0]].results == ["ร่างคู่มือ", "เผยแพร่แล้ว"]
    assert not page.from_six.isEnabled()
    assert page.summary.text() == "ดำเนินการแล้ว ๑ · อยู่ระหว่างดำเนินการ ๑ · ยังไม่ดำเนินการ ๑"
    harness.undo(qtbot)
    assert _progress(harness, qtbot, plan_id, 12) == {}


def test_the_status_and_date_editors_save_what_is_picked(qtbot, small):
    harness, plan_id, ids = small
    page = harness.page
    table = page.table
    index = page.proxy.index(2, STATUS)
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.findChild(QComboBox, "statusEditor")
    assert combo is not None
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    harness.idle(qtbot)
    assert _progress(harness, qtbot, plan_id, 6)[ids[2]].status == "ดำเนินการแล้ว"
    date_index = page.proxy.index(2, DATE)
    table.setCurrentIndex(date_index)
    table.edit(date_index)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(qtbot, editor, "๔/๔/๒๕๖๙")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    harness.idle(qtbot)
    assert _progress(harness, qtbot, plan_id, 6)[ids[2]].date_done == date(2026, 4, 4)
    assert "⚠" in page.model.index(2, DATE).data()  # April is after the six-month round


def test_the_open_filter_and_the_demo_dashboard(qtbot, db_path):
    office_id = prepare_demo(db_path)
    harness = open_page(qtbot, ProgressPage, db_path, office_id, 2569)
    try:
        page = harness.page
        assert page.summary.text() == ("ดำเนินการแล้ว ๖ · อยู่ระหว่างดำเนินการ ๕ · ยังไม่ดำเนินการ ๒")
        assert page.bar.counts["ดำเนินการแล้ว"] == 6
        page.only_open.setChecked(True)
        assert page.proxy.rowCount() == 7
        statuses = {page.proxy.index(r, STATUS).data() for r in range(page.proxy.rowCount())}
        assert "ดำเนินการแล้ว" not in statuses
        page.select_round(12)
        assert page.summary.text().startswith("ดำเนินการแล้ว ๑๐ · อยู่ระหว่างดำเนินการ ๓")
        assert page.proxy.rowCount() == 3
        page.only_open.setChecked(False)
        page.select_round(6)
        harness.window.resize(1280, 800)
        save_grab(harness.window, "gui-progress.png")
    finally:
        close(harness)


# The main window's navigation list takes about 175 px: a page this wide is a 1024-px window.
PAGE_IN_1024 = (850, 700)


def _needed_height(table, row: int) -> int:
    """The row's tallest cell: its text wrapped at the column's width, with the cell padding."""
    metrics = table.fontMetrics()
    focus = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
    needs = [table.verticalHeader().sectionSizeHint(row)]
    for column in range(len(COLUMNS)):
        text = table.model().index(row, column).data() or ""
        width = table.columnWidth(column) - 1 - 2 * (focus + 1)
        bounds = metrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        needs.append(bounds.height() + PADDING)
    return max(needs)


def _rows_fitted(qtbot, table) -> None:
    qtbot.waitUntil(lambda: not table.row_timer.isActive())
    for row in range(table.model().rowCount()):
        assert abs(table.rowHeight(row) - _needed_height(table, row)) <= 4, row


def test_row_heights_follow_the_column_widths(qtbot, db_path):
    office_id = prepare_demo(db_path)
    harness = open_page(qtbot, ProgressPage, db_path, office_id, 2569, size=PAGE_IN_1024)
    try:
        window, table = harness.window, harness.page.table
        _rows_fitted(qtbot, table)
        narrow = [table.rowHeight(r) for r in range(table.model().rowCount())]
        window.resize(1200, 768)
        qtbot.waitUntil(lambda: table.viewport().width() > 1000)
        _rows_fitted(qtbot, table)
        assert sum(table.rowHeight(r) for r in range(len(narrow))) < sum(narrow)
        model = harness.page.model
        remark = "รอผลการตรวจสอบจากสำนักงานตรวจเงินแผ่นดิน คาดว่าจะได้รับภายในเดือนกันยายน " * 3
        assert model.setData(model.index(3, REMARK), remark)
        _rows_fitted(qtbot, table)
        harness.idle(qtbot)  # saved, and the page reloaded with the new text
        _rows_fitted(qtbot, table)
        assert table.rowHeight(3) > narrow[3]
        # A column dragged wider: the rows follow once, after the last step of the drag.
        fits = []
        table.resizeRowsToContents = lambda: fits.append(1)
        for width in (200, 260, 320):
            table.horizontalHeader().resizeSection(0, width)
        assert fits == [] and table.row_timer.isActive()
        qtbot.waitUntil(lambda: not table.row_timer.isActive())
        assert fits == [1]
    finally:
        close(harness)


def test_rows_fit_when_the_page_is_first_shown(qtbot, db_path):
    """The window opens on another page; this one loads its data hidden, then is chosen."""
    office_id = prepare_demo(db_path)
    thai_fonts()
    session, stack = Session(db_path), QUndoStack()
    window, pages = QMainWindow(), QStackedWidget()
    pages.addWidget(QLabel("หน่วยงาน"))
    page = ProgressPage(session, stack)
    pages.addWidget(page)
    window.setCentralWidget(pages)
    window.resize(1200, 768)
    qtbot.addWidget(window)
    page.set_context(office_id, 2569)
    window.show()
    qtbot.waitExposed(window)
    harness = Harness(window, page, session, stack)
    try:
        harness.idle(qtbot)
        assert page.model.rowCount() == 13
        pages.setCurrentWidget(page)  # which also reloads it
        harness.idle(qtbot)
        _rows_fitted(qtbot, page.table)
    finally:
        close(harness)


@pytest.mark.parametrize("size", [PAGE_IN_1024, (1190, 768), (1745, 1000)])
def test_every_column_is_visible_without_scrolling_sideways(qtbot, db_path, size):
    office_id = prepare_demo(db_path)
    harness = open_page(qtbot, ProgressPage, db_path, office_id, 2569, size=size)
    try:
        table = harness.page.table
        header = table.horizontalHeader()
        assert header.length() == table.viewport().width()
        assert table.horizontalScrollBar().maximum() == 0
        widths = [header.sectionSize(c) for c in range(len(COLUMNS))]
        assert all(w >= header.sectionSizeHint(c) for c, w in enumerate(widths)), widths
        line = table.fontMetrics().height()
        assert widths[0] >= 10 * line, widths  # the measure wraps into a few lines, not seven
        assert widths[0] >= widths[OUTCOME] and widths[RESULTS] >= widths[OUTCOME], widths
        _rows_fitted(qtbot, table)
        save_grab(harness.window, f"gui-progress-{size[0]}.png")
    finally:
        close(harness)


def test_the_text_columns_share_the_room_above_their_minimums():
    shares, minimums = {0: 3, 1: 2, 2: 1}, {0: 100, 1: 50, 2: 80}
    assert share_widths(600, shares, minimums) == {0: 300, 1: 200, 2: 100}
    widths = share_widths(400, shares, minimums)
    assert widths[2] == 80 and sum(widths.values()) == 400 and widths[0] > widths[1]
    assert share_widths(100, shares, minimums) == minimums  # too narrow: scroll sideways


def test_a_year_without_a_plan_says_so(qtbot, db_path):
    office_id = prepare_demo(db_path)
    harness = open_page(qtbot, ProgressPage, db_path, office_id, 2570)
    try:
        assert harness.page.heading.text() == "ยังไม่มีแผนมาตรการของปีงบประมาณ พ.ศ. ๒๕๗๐"
        assert not harness.page.table.isVisible()
    finally:
        close(harness)


def test_results_typed_as_a_list():
    assert results_from_text("- ก\n  • ข \n๓. ค\n10. ง\n\n") == ["ก", "ข", "ค", "ง"]
    assert results_from_text("ปี 2569. ผ่าน") == ["ปี 2569. ผ่าน"]


def test_the_models_follow_the_rules(qtmodeltester, db):
    from ita_desktop.services.demo import create_demo

    office_id, _ = create_demo(db)
    view = load_progress_view(db, office_id, 2569)
    rows = [
        ProgressRow(m, view.progress[6].get(m.id) or Progress(m.id, 6), m.id in view.progress[6])
        for m in view.plan.measures
    ]
    model = ProgressModel()
    model.set_rows(rows, 6, 2569)
    qtmodeltester.check(model)
    proxy = OpenFilter()
    proxy.setSourceModel(model)
    proxy.set_only_open(True)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 7
