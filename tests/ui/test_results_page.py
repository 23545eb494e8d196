"""ผลการประเมิน driven through its widgets on a real data file: typing, Enter, paste, undo."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from ita_desktop.services import results
from ita_desktop.storage.database import open_database
from ita_desktop.ui.pages.results_figures import FigureGrid
from ita_desktop.ui.pages.results_page import ResultsPage
from ita_desktop.ui.pages.results_texts import TEXT_LINES
from ita_desktop.ui.widgets.table_model import Column, RowsModel
from tests.builders import fill_sample_year, small_criteria
from tests.ui.page_helpers import (
    open_page,
    prepare_demo,
    prepare_file,
    save_grab,
    thai_fonts,
    type_text,
)

YEAR = 2568


@pytest.fixture
def page(qtbot, db_path):
    thai_fonts()
    office_id = prepare_file(db_path)
    harness = open_page(qtbot, ResultsPage, db_path, office_id, YEAR)
    yield harness
    harness.session.close()


def _assessment(harness, qtbot, year=YEAR):
    return harness.read(qtbot, lambda db: results.find_assessment(db, 1, year))


def _type(qtbot, editor, text, key=Qt.Key.Key_Return):
    editor.setFocus()
    editor.selectAll()
    type_text(qtbot, editor, text)
    if key is not None:
        qtbot.keyClick(editor, key)


def test_the_form_is_generated_from_the_years_criteria(page):
    form = page.page.form
    assert [s.title.text() for s in form.sections.values()] == [
        f"{n}. {name}"
        for n, name in zip("๑๒๓๔๕๖๗๘๙", [i.name for i in small_criteria().indicators], strict=False)
    ] + ["๑๐. การป้องกันการทุจริต"]
    for scope, key in [("overall", ""), ("part", "EIT1"), ("part", "EIT2"), ("item", "o27")]:
        assert page.page.editor(scope, key) is not None
    assert page.page.editor("part", "EIT") is None  # this year splits EIT in two parts
    assert page.page.heading.text() == "ผลการประเมิน ปีงบประมาณ พ.ศ. ๒๕๖๘"


def test_thai_digits_are_saved_and_enter_moves_to_the_next_field(page, qtbot):
    harness = page
    indicator = harness.page.editor("indicator", "4")
    item = harness.page.editor("item", "i10")
    _type(qtbot, indicator, "๙๙.๔๕")
    assert QApplication.focusWidget() is item
    qtbot.keyClicks(item, "98.36")
    qtbot.keyClick(item, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is harness.page.editor("indicator", "5")
    harness.idle(qtbot)
    saved = _assessment(harness, qtbot)
    assert saved.value("indicator", "4") == Decimal("99.45")
    assert saved.value("item", "i10") == Decimal("98.36")
    assert harness.stack.count() == 2
    assert item.text() == "๙๘.๓๖"
    assert harness.page.form.sections[4].aside.text() == "๙๙.๔๕"


def test_enter_opens_a_collapsed_section_on_its_way(page, qtbot):
    form = page.page.form
    qtbot.mouseClick(form.sections[5].header, Qt.MouseButton.LeftButton)
    assert not form.sections[5].expanded
    assert not page.page.editor("indicator", "5").isVisible()
    _type(qtbot, page.page.editor("item", "i10"), "90")
    assert form.sections[5].expanded
    assert QApplication.focusWidget() is page.page.editor("indicator", "5")


def test_an_out_of_range_score_stays_outlined_with_its_reason_and_is_not_saved(page, qtbot):
    harness = page
    item = harness.page.editor("item", "i1")
    _type(qtbot, item, "101")
    assert item.text() == "101"
    assert "ระหว่าง ๐ ถึง ๑๐๐" in item.error
    assert item.reason.isVisible() and "ระหว่าง ๐ ถึง ๑๐๐" in item.reason.text()
    assert "border" in item.styleSheet()
    assert QApplication.focusWidget() is item  # Enter does not move past an invalid entry
    harness.page.editor("item", "e1").setFocus()  # leaving keeps it as typed
    harness.idle(qtbot)
    assert item.text() == "101" and item.error
    assert _assessment(harness, qtbot).value("item", "i1") is None
    assert harness.stack.count() == 0
    item.setFocus()
    qtbot.keyClick(item, Qt.Key.Key_Escape)
    assert item.text() == "" and not item.error and not item.reason.isVisible()


def test_too_many_decimals_and_words_are_explained(page, qtbot):
    item = page.page.editor("item", "e1")
    _type(qtbot, item, "98.365")
    assert "ทศนิยม" in item.error
    item.selectAll()
    _type(qtbot, item, "เก้าสิบ")
    assert "ไม่ใช่ตัวเลข" in item.error


def test_the_level_follows_the_typing(page, qtbot):
    overall = page.page.form.figures[("overall", "")]
    _type(qtbot, overall.current, "96", key=None)
    assert overall.level.text() == "ผ่านดีเยี่ยม"
    overall.current.selectAll()
    type_text(qtbot, overall.current, "72.5")
    assert overall.level.text() == "ต้องปรับปรุง"
    assert "ระดับผลการประเมิน" in overall.level.accessibleName()


def test_last_years_figures_are_typed_when_last_year_is_not_in_the_file(page, qtbot):
    harness = page
    previous = harness.page.editor("indicator", "4", previous=True)
    assert not previous.isReadOnly()
    _type(qtbot, harness.page.editor("indicator", "4"), "99.45")
    _type(qtbot, previous, "98.62")
    harness.idle(qtbot)
    saved = _assessment(harness, qtbot)
    assert saved.typed_previous("indicator", "4") == Decimal("98.62")
    assert harness.page.form.figures[("indicator", "4")].diff.text() == "+๐.๘๓"


def test_last_years_figures_come_from_the_file_when_it_has_that_year(qtbot, db_path):
    office_id = prepare_file(db_path, year=2567)
    db = open_database(db_path)
    from ita_desktop.services.criteria import save_criteria

    save_criteria(db, small_criteria(YEAR))
    aid = results.start_assessment(db, office_id=office_id, year=2567)
    results.set_score(db, assessment_id=aid, scope="part", key="IIT", value="99.45")
    results.start_assessment(db, office_id=office_id, year=YEAR)
    db.close()
    harness = open_page(qtbot, ResultsPage, db_path, office_id, YEAR)
    try:
        previous = harness.page.editor("part", "IIT", previous=True)
        assert previous.isReadOnly() and previous.text() == "๙๙.๔๕"
        assert "ในไฟล์นี้" in previous.toolTip()
    finally:
        harness.session.close()


def test_a_year_without_results_offers_to_start_them(qtbot, db_path):
    office_id = prepare_file(db_path, start=False)
    harness = open_page(qtbot, ResultsPage, db_path, office_id, YEAR)
    try:
        button = harness.page.start_button
        assert button.isVisible() and button.text() == "เริ่มบันทึกผลการประเมินปี ๒๕๖๘"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        harness.idle(qtbot)
        assert harness.page.form is not None and harness.page.views.currentIndex() == 1
        assert _assessment(harness, qtbot) is not None
    finally:
        harness.session.close()


def test_codes_outside_the_criteria_are_listed_under_others(qtbot, db_path):
    office_id = prepare_file(db_path, start=False)
    db = open_database(db_path)
    fill_sample_year(db, office_id, YEAR)
    db.close()
    harness = open_page(qtbot, ResultsPage, db_path, office_id, YEAR)
    try:
        assert harness.page.form.sections["other"].title.text().startswith("อื่น ๆ")
        assert harness.page.editor("item", "x99").text() == "๗๐.๐๐"
        overall = harness.page.form.figures[("overall", "")]
        assert overall.level.text()  # figures from fill_sample_year show a level
        assert "ข้อควรตรวจสอบ" in harness.page.form.warnings.text()
    finally:
        harness.session.close()


def test_the_weights_check_is_shown_next_to_the_overall_figure(page, qtbot):
    harness = page
    for key, value in [("IIT", "99.89"), ("EIT1", "99.97"), ("EIT2", "100"), ("OIT", "85")]:
        _type(qtbot, harness.page.editor("part", key), value)
    _type(qtbot, harness.page.editor("overall", ""), "95")
    harness.idle(qtbot)
    note = harness.page.form.figures[("overall", "")].note
    assert note.isVisible() and "๙๓.๙๖" in note.text()
    level = harness.page.form.figures[("overall", "")]
    assert level.level.text() == "ผ่านดี"
    assert "OIT" in note.text()  # not ผ่านดีเยี่ยม because OIT is under 95


def test_paste_previews_then_applies_as_one_undo_step(page, qtbot, qtmodeltester):
    harness = page
    _type(qtbot, harness.page.editor("item", "i1"), "90")
    harness.idle(qtbot)
    qtbot.mouseClick(harness.page.paste_button, Qt.MouseButton.LeftButton)
    dialog = harness.page.paste_dialog
    assert dialog.isVisible()
    QApplication.clipboard().setText(
        "ข้อ\tข้อคำถาม\tคะแนน\n"
        "i1\tปฏิบัติงานตามขั้นตอน\t98.36\n"
        "I 10 ๘๔.๕๐\n"
        "e1\t100%\n"
        "i99\t50\n"
        "o27 101\n"
        "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ 99.45\n"
    )
    dialog.text.setFocus()
    qtbot.keyClick(dialog.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    if not dialog.text.toPlainText():  # no clipboard on this platform: type it instead
        dialog.text.insertPlainText(QApplication.clipboard().text())
    qtbot.waitUntil(lambda: len(dialog.rows()) == 6)
    qtmodeltester.check(dialog.model)
    statuses = {row.label: row.status for row in dialog.rows()}
    assert statuses["i1"] == "แทนที่ ๙๐.๐๐"
    assert statuses["I10"] == "จะกรอก"
    assert statuses["i99"] == "ไม่อยู่ในเกณฑ์ปี ๒๕๖๘"
    assert statuses[""].startswith("อ่านไม่ได้: คะแนนต้องอยู่ระหว่าง")
    assert statuses["ตัวชี้วัดที่ ๔"] == "จะกรอก"
    assert dialog.rows()[1].found == "การยืมทรัพย์สินของราชการไปใช้"
    assert set(dialog.values()) == {
        ("item", "i1"),
        ("item", "i10"),
        ("item", "e1"),
        ("indicator", "4"),
    }
    save_grab(dialog, "gui-paste.png")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    harness.idle(qtbot)
    saved = _assessment(harness, qtbot)
    assert saved.value("item", "i10") == Decimal("84.50")
    assert saved.value("indicator", "4") == Decimal("99.45")
    assert harness.page.editor("item", "e1").text() == "๑๐๐.๐๐"
    assert harness.stack.count() == 2 and harness.stack.undoText() == "วางคะแนน ๔ รายการ"
    harness.stack.undo()
    harness.idle(qtbot)
    restored = _assessment(harness, qtbot)
    assert restored.value("item", "i1") == Decimal("90")
    assert [restored.value("item", c) for c in ("i10", "e1")] == [None, None]
    assert restored.value("indicator", "4") is None
    assert harness.page.editor("item", "i1").text() == "๙๐.๐๐"


def test_texts_and_the_poll_are_saved_as_typed_and_undoable(page, qtbot):
    harness = page
    box = harness.page.form.texts.recommendations["OIT"]
    box.setFocus()
    type_text(qtbot, box, "ควรเผยแพร่ข้อมูล")
    qtbot.waitUntil(lambda: harness.stack.count() == 1, timeout=3000)  # after the pause
    poll = harness.page.form.texts.poll
    poll.question.setFocus()
    type_text(qtbot, poll.question, "สถานการณ์การทุจริต")
    qtbot.mouseClick(poll.add_button, Qt.MouseButton.LeftButton)
    answer, percent, _, _ = poll._answers[0]
    type_text(qtbot, answer, "ลดลง")
    _type(qtbot, percent, "๖๒.๕")
    harness.idle(qtbot)
    saved = _assessment(harness, qtbot)
    assert saved.recommendations == {"OIT": "ควรเผยแพร่ข้อมูล"}
    assert [(a.question, a.answer, a.percent) for a in saved.poll] == [
        ("สถานการณ์การทุจริต", "ลดลง", Decimal("62.5"))
    ]
    while harness.stack.canUndo():
        harness.stack.undo()
    harness.idle(qtbot)
    saved = _assessment(harness, qtbot)
    assert saved.recommendations == {} and saved.poll == []
    assert box.toPlainText() == ""


def whole_lines(box) -> float:
    """Lines of text the box shows at once (the editor keeps one spare pixel under the last)."""
    return (box.viewport().height() - 1) / box.fontMetrics().lineSpacing()


def test_a_recommendation_box_shows_all_its_lines_whole_without_a_scroll_bar(page, qtbot):
    box = page.page.form.texts.recommendations["IIT"]
    box.set_saved_text("\n".join(f"ข้อ i{n} ผู้รับผิดชอบควรชี้แจงให้บุคลากรทราบ" for n in range(1, 7)))
    qtbot.waitUntil(lambda: whole_lines(box) == 6)
    assert box.verticalScrollBar().maximum() == 0


def test_a_recommendation_box_follows_its_wrapped_text_when_the_window_is_resized(page, qtbot):
    box = page.page.form.texts.recommendations["EIT"]
    sentence = "หน่วยงานควรเผยแพร่ข้อมูลการใช้ทรัพย์สินของราชการให้บุคลากรทุกคนทราบอย่างทั่วถึง "
    box.set_saved_text(sentence * 8)  # one paragraph: how many lines depends on the width
    qtbot.waitUntil(lambda: whole_lines(box).is_integer() and whole_lines(box) > TEXT_LINES[0])
    wide = whole_lines(box)
    assert box.verticalScrollBar().maximum() == 0
    page.window.resize(900, 800)
    qtbot.waitUntil(lambda: whole_lines(box).is_integer() and whole_lines(box) > wide)
    assert box.verticalScrollBar().maximum() == 0
    page.window.resize(1280, 800)
    qtbot.waitUntil(lambda: whole_lines(box) == wide)


def test_a_long_text_scrolls_in_a_box_of_whole_lines(page, qtbot):
    box = page.page.form.texts.comments
    box.set_saved_text("\n".join(f"({n}) เจ้าหน้าที่ให้บริการดี" for n in range(1, 31)))
    qtbot.waitUntil(lambda: whole_lines(box) == TEXT_LINES[1])
    assert box.verticalScrollBar().maximum() > 0


def test_typing_grows_an_empty_box_line_by_line(page, qtbot):
    box = page.page.form.texts.comments
    qtbot.waitUntil(lambda: whole_lines(box) == TEXT_LINES[0])
    box.setFocus()
    for n in range(1, 6):
        type_text(qtbot, box, f"ความเห็นที่ {n}")
        qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: whole_lines(box) == 6)  # five lines and the one the cursor is on
    assert box.verticalScrollBar().maximum() == 0


def test_oit_items_are_headed_ข้อ_and_iit_items_ข้อคำถาม(page):
    def headings(indicator: int) -> list[str]:
        grid = page.page.form.sections[indicator].body.findChild(FigureGrid).grid
        return [grid.itemAtPosition(0, column).widget().text() for column in (0, 1)]

    assert headings(4) == ["ข้อ", "ข้อคำถาม"]  # IIT: i10
    assert headings(10) == ["ข้อ", ""]  # OIT: o27, a ข้อ, which the code column already says


def test_the_rows_model_announces_its_changes(qtmodeltester):
    model = RowsModel([Column("a", str), Column("b", lambda row: str(row * 2))])
    qtmodeltester.check(model)
    model.set_rows([1, 2, 3])
    qtmodeltester.check(model)
    model.set_rows([1, 5])
    model.set_rows([])
    model.set_rows([4, 4, 4, 4])
    qtmodeltester.check(model)
    assert model.rowCount() == 4 and model.index(0, 1).data() == "8"


def test_screenshot_of_the_demo_office(qtbot, db_path):
    thai_fonts()
    office_id = prepare_demo(db_path)
    harness = open_page(qtbot, ResultsPage, db_path, office_id, YEAR)
    try:
        assert harness.page.editor("overall", "").text()
        shown = [b.text() for b in harness.page.findChildren(QPushButton) if b.isVisible()]
        assert shown == ["วางคะแนน…", "เพิ่มคำตอบ"]
        save_grab(harness.window, "gui-results.png")
    finally:
        harness.session.close()
