"""มาตรการ: build, add, reorder, link, insert, copy — each saved at once and undoable."""

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QScrollArea, QStyle

from ita_desktop.domain.records import Period
from ita_desktop.i18n.thai import format_date
from ita_desktop.services import plan_builder, plans
from ita_desktop.services import suggestions as library
from ita_desktop.ui.copy_measures_dialog import ChoiceModel
from ita_desktop.ui.measures_model import MIME, MeasuresModel
from ita_desktop.ui.measures_tree import MEASURE_MIN, column_widths
from ita_desktop.ui.pages.measures_page import MeasuresPage
from ita_desktop.ui.suggestion_dialog import SuggestionsModel
from ita_desktop.ui.widgets.period_picker import PeriodPicker
from ita_desktop.ui.widgets.thai_date_edit import ThaiDateEdit, parse_thai_date
from tests.ui.page_helpers import (
    WEAK_SCORES,
    close,
    open_page,
    prepare_demo,
    prepare_file,
    save_grab,
    type_text,
)


def _plan(harness, qtbot, office_id, year=2569):
    return harness.read(qtbot, lambda db: plans.find_plan(db, office_id, year))


@pytest.fixture
def weak(qtbot, db_path):
    office_id = prepare_file(db_path, scores=WEAK_SCORES)
    harness = open_page(qtbot, MeasuresPage, db_path, office_id, 2569)
    yield harness, office_id
    close(harness)


@pytest.fixture
def demo(qtbot, db_path):
    office_id = prepare_demo(db_path)
    harness = open_page(qtbot, MeasuresPage, db_path, office_id, 2569)
    yield harness, office_id
    close(harness)


def _build(harness, qtbot):
    harness.page.actions_["analysis"].trigger()
    harness.idle(qtbot)


def test_the_page_is_titled_and_shows_all_ten_indicator_groups(weak):
    harness, _ = weak
    page = harness.page
    assert page.title == "มาตรการ"
    assert "พ.ศ. ๒๕๖๙" in page.heading.text()
    assert "จัดทำจากผลการประเมินปี ๒๕๖๘" in page.note.text()
    titles = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert len(titles) == 10
    assert titles[1] == "๒. การใช้งบประมาณ — ยังไม่มีมาตรการ"
    assert not page.actions_["copy"].isEnabled()  # there is no plan for 2568


def test_build_from_the_analysis_then_undo_and_redo(qtbot, weak):
    harness, office_id = weak
    _build(harness, qtbot)
    plan = _plan(harness, qtbot, office_id)
    assert [(m.indicator, m.items) for m in plan.measures] == [
        (1, ["i1"]),
        (4, ["i10"]),
        (10, ["o27"]),
    ]
    model = harness.page.model
    assert model.index(3, 0).data() == "๔. การใช้ทรัพย์สินของราชการ — ๑ มาตรการ"
    child = model.index(0, 0, model.index(3, 0))
    assert child.data().startswith("(ยังไม่ได้กรอกมาตรการ) ประเด็น:")
    assert "i10\u00a0(๘๔.๕๐)\u00a0⚠" in model.index(0, 3, model.index(3, 0)).data()
    ids = [m.id for m in plan.measures]
    harness.undo(qtbot)
    assert _plan(harness, qtbot, office_id).measures == []
    harness.redo(qtbot)
    assert [m.id for m in _plan(harness, qtbot, office_id).measures] == ids


def test_add_a_measure_with_three_steps(qtbot, weak):
    harness, office_id = weak
    page = harness.page
    page.tree.setCurrentIndex(page.model.index(5, 0))  # the group of indicator 6
    page.actions_["add"].trigger()
    harness.idle(qtbot)
    (measure,) = _plan(harness, qtbot, office_id).measures
    assert (measure.indicator, measure.period) == (6, Period("months", "2025-10", "2026-09"))
    assert page.selected_measure().id == measure.id
    text = page.editor.texts["measure"]
    assert text.hasFocus()
    type_text(qtbot, text, "จัดทำคู่มือการให้บริการ")
    text.flush()
    for step in ("สำรวจขั้นตอนเดิม", "ร่างคู่มือ", "เผยแพร่บนเว็บไซต์"):
        page.editor.steps.add_step()
        editor = QApplication.focusWidget()
        type_text(qtbot, editor, step)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        harness.idle(qtbot)
    saved = _plan(harness, qtbot, office_id).measures[0]
    assert saved.measure == "จัดทำคู่มือการให้บริการ"
    assert saved.steps == ["สำรวจขั้นตอนเดิม", "ร่างคู่มือ", "เผยแพร่บนเว็บไซต์"]
    assert page.editor.steps.table.verticalHeaderItem(2).text() == "๓"
    page.editor.steps.table.setCurrentCell(2, 0)
    page.editor.steps.move_step(-1)
    harness.idle(qtbot)
    assert _plan(harness, qtbot, office_id).measures[0].steps[1:] == ["เผยแพร่บนเว็บไซต์", "ร่างคู่มือ"]
    harness.undo(qtbot)
    harness.undo(qtbot)
    assert _plan(harness, qtbot, office_id).measures[0].steps == ["สำรวจขั้นตอนเดิม", "ร่างคู่มือ"]
    assert page.editor.steps.steps() == ["สำรวจขั้นตอนเดิม", "ร่างคู่มือ"]


def test_reorder_within_a_group_and_move_to_another(qtbot, demo):
    harness, office_id = demo
    page, model = harness.page, harness.page.model
    page.select_measure(10)  # second measure of indicator 4 (ids 9, 10)
    qtbot.keyClick(page.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    harness.idle(qtbot)
    order = [m.id for m in _plan(harness, qtbot, office_id).measures]
    assert order.index(10) < order.index(9)
    data = QMimeData()
    data.setData(MIME, b"[10]")
    group_five = model.group_index(5)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, group_five)
    harness.idle(qtbot)
    moved = {m.id: m for m in _plan(harness, qtbot, office_id).measures}
    assert moved[10].indicator == 5 and 5 in moved[10].indicators
    group = model.groups[4]
    assert [m.id for m in group.measures] == [10, 11]
    harness.undo(qtbot)
    harness.undo(qtbot)
    restored = [m.id for m in _plan(harness, qtbot, office_id).measures]
    assert restored == list(range(6, 19))


def test_link_items_and_see_their_scores(qtbot, weak):
    harness, office_id = weak
    _build(harness, qtbot)
    page = harness.page
    first = _plan(harness, qtbot, office_id).measures[0]
    page.select_measure(first.id)
    links = page.editor.links
    links.show_all.setChecked(True)
    nodes = {links.tree.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole + 1): n for n in range(10)}
    six = links.tree.topLevelItem(nodes[6])
    e1 = six.child(0)
    assert e1.text(1) == "๙๒.๐๐"
    assert links.tree.topLevelItem(nodes[1]).child(0).text(1) == "๘๐.๐๐ ⚠"
    e1.setCheckState(0, Qt.CheckState.Checked)
    harness.idle(qtbot)
    assert _plan(harness, qtbot, office_id).measures[0].items == ["i1", "e1"]
    harness.undo(qtbot)
    assert _plan(harness, qtbot, office_id).measures[0].items == ["i1"]


def test_insert_a_suggestion_for_the_selected_item(qtbot, weak):
    harness, office_id = weak
    _build(harness, qtbot)
    page = harness.page
    asset = _plan(harness, qtbot, office_id).measures[1]  # indicator 4, item i10
    page.select_measure(asset.id)
    page.open_library()
    dialog = page.suggestion_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    assert dialog.indicator() == 4
    offer = dialog.current_offer()
    assert offer.suggestion.indicator == 4
    dialog.insert_current()
    harness.idle(qtbot)
    measures = _plan(harness, qtbot, office_id).measures
    assert len(measures) == 4
    assert measures[-1].measure == offer.suggestion.measure
    assert measures[-1].steps == offer.suggestion.steps and measures[-1].indicator == 4
    assert page.selected_measure().id == measures[-1].id
    dialog.close()
    harness.undo(qtbot)
    assert len(_plan(harness, qtbot, office_id).measures) == 3


def test_save_a_measure_into_the_library_and_undo(qtbot, demo):
    harness, _ = demo
    page = harness.page
    page.select_measure(9)
    page.editor.keep_button.click()
    harness.idle(qtbot)
    mine = harness.read(qtbot, lambda db: library.suggestions_for(db, indicator=4))[0]
    assert not mine.suggestion.builtin
    assert "บันทึก" in page.flash.text()
    page.open_library()
    dialog = page.suggestion_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    first = dialog.current_offer()
    assert first.for_item and not first.suggestion.builtin  # saved with its item i11
    assert dialog.model.index(0, 2).data() == "บันทึกไว้เอง"
    assert dialog.remove_button.isEnabled()
    dialog.remove_button.click()
    harness.idle(qtbot)
    assert dialog.current_offer().suggestion.builtin
    harness.undo(qtbot)
    assert not harness.read(qtbot, lambda db: library.suggestions_for(db, indicator=4))[
        0
    ].suggestion.builtin
    dialog.close()
    harness.undo(qtbot)
    again = harness.read(qtbot, lambda db: library.suggestions_for(db, indicator=4))
    assert all(o.suggestion.builtin for o in again)


def test_copy_from_last_year(qtbot, demo):
    harness, office_id = demo
    page = harness.page
    page.actions_["copy"].trigger()
    qtbot.waitUntil(lambda: page.copy_dialog is not None and page.copy_dialog.isVisible())
    dialog = page.copy_dialog
    model = dialog.model
    assert model.rowCount() == 5
    for row in (0, 2):
        model.setData(
            model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        )
    assert dialog.copy_button.text() == "คัดลอก ๒ มาตรการ"
    dialog.copy_button.click()
    harness.idle(qtbot)
    measures = _plan(harness, qtbot, office_id).measures
    assert len(measures) == 15
    copies = measures[-2:]
    last_year = _plan(harness, qtbot, office_id, 2568).measures
    assert [c.measure for c in copies] == [last_year[0].measure, last_year[2].measure]
    assert copies[0].period.start == "2025-11"  # November 2024 a year later
    harness.undo(qtbot)
    assert len(_plan(harness, qtbot, office_id).measures) == 13
    harness.redo(qtbot)
    assert [m.id for m in _plan(harness, qtbot, office_id).measures[-2:]] == [c.id for c in copies]


def test_inline_edit_and_period_picker_are_saved(qtbot, demo):
    harness, office_id = demo
    page, model = harness.page, harness.page.model
    index = model.index_of(6)
    assert model.setData(index, "กำหนดมาตรฐานการให้บริการ")
    responsible = model.index(index.row(), 1, index.parent())
    assert model.setData(responsible, "สำนักปลัด, กองช่าง")
    harness.idle(qtbot)
    page.select_measure(6)
    picker = page.editor.period
    picker.kind.setCurrentIndex(1)
    picker._on_kind_activated(1)
    picker.start_date.text.setText("๑๕/๑๑/๒๕๖๘")
    picker.start_date.text.editingFinished.emit()
    harness.idle(qtbot)
    saved = {m.id: m for m in _plan(harness, qtbot, office_id).measures}[6]
    assert saved.measure == "กำหนดมาตรฐานการให้บริการ"
    assert saved.responsible == ["สำนักปลัด", "กองช่าง"]
    assert saved.period == Period("dates", "2025-11-15", "2026-09-30")
    shown = model.index(index.row(), 2, index.parent()).data().replace("\u00a0", " ")
    assert "๑๕ พ.ย. ๒๕๖๘ ถึง ๓๐ ก.ย. ๒๕๖๙" in shown


def test_the_models_follow_the_rules(qtbot, qtmodeltester, db):
    office_id = demo_file_in(db)
    context = plan_builder.plan_context(db, office_id=office_id, year=2569)
    model = MeasuresModel()
    model.set_context(context)
    qtmodeltester.check(model)
    model.set_context(plan_builder.plan_context(db, office_id=office_id, year=2568))
    qtmodeltester.check(model)
    offers = SuggestionsModel()
    offers.set_offers(library.suggestions_for(db, indicator=4, item_code="i11"), "i11")
    qtmodeltester.check(offers)
    choice = ChoiceModel(context.plan)
    qtmodeltester.check(choice)


def demo_file_in(db) -> int:
    from ita_desktop.services.demo import create_demo

    return create_demo(db)[0]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("๒๓/๑/๒๕๖๙", date(2026, 1, 23)),
        ("23/1/69", date(2026, 1, 23)),
        ("23-01-2026", date(2026, 1, 23)),
        ("๒๓ ม.ค. ๒๕๖๙", date(2026, 1, 23)),
        ("23 มกราคม 2569", date(2026, 1, 23)),
        ("วันที่", None),
        ("", None),
    ],
)
def test_typed_thai_dates(typed, expected):
    if typed == "วันที่":
        with pytest.raises(ValueError):
            parse_thai_date(typed)
    else:
        assert parse_thai_date(typed) == expected


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2200, 12, 31)))
def test_a_shown_date_reads_back(day):
    assert parse_thai_date(format_date(day, month="abbreviated")) == day
    assert parse_thai_date(format_date(day)) == day


def test_the_date_field_shows_buddhist_years_and_outlines_nonsense(qtbot):
    edit = ThaiDateEdit()
    qtbot.addWidget(edit)
    with qtbot.waitSignal(edit.date_edited) as blocker:
        edit.calendar.show_date(date(2026, 1, 1))
        edit.calendar.date_picked.emit(date(2026, 1, 23))
    assert blocker.args == [date(2026, 1, 23)]
    assert edit.text.text() == "๒๓ ม.ค. ๒๕๖๙"
    assert edit.calendar.year_box.value() == 2569
    edit.text.setText("ปีหน้า")
    edit.text.editingFinished.emit()
    assert not edit.is_valid() and edit.value() == date(2026, 1, 23)


def test_gallery(qtbot, demo):
    harness, _ = demo
    harness.page.select_measure(9)
    harness.idle(qtbot)
    path = save_grab(harness.window, "gui-measures.png")
    assert path.stat().st_size > 20_000


def test_next_years_plan_is_started_and_asked_for(qtbot, db_path):
    office_id = prepare_file(db_path, scores=WEAK_SCORES)
    harness = open_page(qtbot, MeasuresPage, db_path, office_id, 2568)
    try:
        button = harness.page.next_button
        assert button.isVisible()
        assert button.text() == "จัดทำมาตรการปี ๒๕๖๙ (จากผลการประเมินปี ๒๕๖๘) →"
        with qtbot.waitSignal(harness.page.year_requested) as blocker:
            button.click()
        assert blocker.args == [2569]
        assert _plan(harness, qtbot, office_id).measures == []
    finally:
        close(harness)


def test_the_detail_pane_moves_a_measure_to_another_group_or_none(qtbot, demo):
    harness, office_id = demo
    page = harness.page
    page.select_measure(7)  # indicator 2
    box = page.editor.group
    for indicator, expected_last in ((9, 7), (None, 7)):
        box.setCurrentIndex(box.findData(indicator))
        box.activated.emit(box.currentIndex())
        harness.idle(qtbot)
        measures = _plan(harness, qtbot, office_id).measures
        moved = {m.id: m for m in measures}[7]
        assert moved.indicator == indicator
        if indicator is None:
            assert measures[-1].id == expected_last
        else:
            group = [m.id for m in measures if m.indicator == 9]
            assert group[-1] == 7
    assert page.model.groups[-1].indicator is None
    assert page.model.index(10, 0).data() == "ไม่ระบุตัวชี้วัด — ๑ มาตรการ"
    harness.undo(qtbot)
    harness.undo(qtbot)
    assert [m.id for m in _plan(harness, qtbot, office_id).measures] == list(range(6, 19))


def test_an_empty_text_period_is_not_saved_until_text_is_typed(qtbot):
    picker = PeriodPicker()
    qtbot.addWidget(picker)
    picker.set_period(Period("months", "2025-11", "2026-03"), plan_year=2569)
    with qtbot.assertNotEmitted(picker.period_edited):
        picker.kind.setCurrentIndex(2)
        picker.kind.activated.emit(2)
    assert picker.period() == Period("months", "2025-11", "2026-03")
    picker.free_text.setEditText("ตลอดปีงบประมาณ")
    with qtbot.waitSignal(picker.period_edited) as blocker:
        picker.flush()
    assert blocker.args == [Period("text", text="ตลอดปีงบประมาณ")]


# -- fitting the window: the page in a 1024, 1366 and 1920 px wide window (the navigation list
# takes 172 px of it) -----------------------------------------------------------------------


@pytest.fixture
def demo_at(qtbot, db_path):
    """A function: the demo's plan for 2569 on a page ``width`` px wide, 560 px tall."""
    harnesses = []

    def open_at(width: int):
        office_id = prepare_demo(db_path)
        harness = open_page(qtbot, MeasuresPage, db_path, office_id, 2569, size=(width, 560))
        harnesses.append(harness)
        return harness

    yield open_at
    for harness in harnesses:
        close(harness)


def _measure_indexes(model, column: int):
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        for child in range(model.rowCount(group)):
            yield model.index(child, column, group)


def _text_room(tree, index) -> int:
    """The width the view paints a cell's text in (its rect less the style's text margins)."""
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    return tree.visualRect(index).width() - 2 * margin


def _wrapped_lines(text: str, font, width: int) -> list[str]:
    """``text`` broken into lines the way an item view wraps it at ``width``."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def test_the_short_columns_give_way_to_the_measure_column():
    narrowest = sum(column_widths(0))  # every column at its minimum
    for width in range(narrowest, 2000, 7):
        widths = column_widths(width)
        assert sum(widths) == width
        assert widths[0] >= MEASURE_MIN and widths[0] > max(widths[1:])
    assert column_widths(852 - 337) < column_widths(1194 - 446)  # all four grow with the window
    assert column_widths(narrowest - 50)[0] == MEASURE_MIN  # narrower: the tree scrolls sideways


@pytest.mark.parametrize(("page_width", "most_lines"), [(852, 5), (1194, 3), (1748, 2)])
def test_measure_rows_stay_short_and_no_word_is_cut(qtbot, demo_at, page_width, most_lines):
    harness = demo_at(page_width)
    tree, model = harness.page.tree, harness.page.model
    header = tree.header()
    assert header.sectionSize(0) >= MEASURE_MIN
    assert header.sectionSize(0) > max(header.sectionSize(c) for c in (1, 2, 3))
    assert header.length() <= tree.viewport().width()  # no sideways scrolling
    metrics = QFontMetrics(tree.font())
    tallest = most_lines * metrics.lineSpacing() + 8
    indexes = list(_measure_indexes(model, 0))
    assert len(indexes) == 13
    for index in indexes:
        assert tree.visualRect(index).height() <= tallest, index.data()
    for column in range(4):
        for index in _measure_indexes(model, column):
            # Between two break chances (space, ZWSP) the text must fit, or it is cut with "…".
            room = _text_room(tree, index)
            for chunk in re.split("[ \u200b\n]", index.data()):
                assert metrics.horizontalAdvance(chunk) <= room, (column, chunk, room)


def test_the_detail_pane_fits_beside_the_tree_at_1024(qtbot, demo_at):
    harness = demo_at(852)
    page = harness.page
    page.select_measure(9)
    harness.idle(qtbot)
    scroll = page.findChild(QScrollArea, "measureEditorScroll")
    room = scroll.viewport().width()
    assert page.editor.minimumSizeHint().width() <= room
    assert page.editor.width() <= room  # nothing cut off at the right edge
    assert page.tree.width() >= page.tree.minimumWidth()
    for edit in page.editor.texts.values():
        assert edit.mapTo(scroll.viewport(), edit.rect().topRight()).x() < room


def test_a_narrow_window_scrolls_the_tree_rather_than_squeeze_the_measures(qtbot, demo_at):
    harness = demo_at(700)
    tree = harness.page.tree
    assert tree.header().sectionSize(0) == MEASURE_MIN
    assert tree.horizontalScrollBar().maximum() > 0


@pytest.mark.parametrize("page_width", [852, 1194])
def test_an_item_code_stays_with_its_score_and_a_date_stays_whole(qtbot, demo_at, page_width):
    harness = demo_at(page_width)
    tree, model = harness.page.tree, harness.page.model
    links = [i for i in _measure_indexes(model, 3) if "·" in i.data()]
    assert len(links) >= 5
    for index in links:
        lines = _wrapped_lines(index.data(), tree.font(), _text_room(tree, index))
        assert len(lines) > 1  # the column is narrow enough to wrap them
        for line in lines:
            assert re.match("[a-z]+[0-9]+(\u00a0\\([๐-๙.]+\\)(\u00a0⚠)?)?(\u00a0·)? ?$", line), line
    periods = [i for i in _measure_indexes(model, 2) if "ถึง" in i.data()]
    assert len(periods) >= 3
    for index in _measure_indexes(model, 2):
        for line in _wrapped_lines(index.data(), tree.font(), _text_room(tree, index)):
            # Not "มี.ค." on one line and "๒๕๖๙" on the next.
            assert not line.rstrip().endswith(".") and not re.match("\\d{4}", line), line
