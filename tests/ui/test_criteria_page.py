"""The criteria page: the year's tree, drafts marked, items edited/added/removed, copy to a year."""

from ita_desktop.domain.criteria import Item
from ita_desktop.services.criteria import available_years, criteria_for_year, shipped_criteria
from ita_desktop.ui.pages.criteria_model import CriteriaModel
from tests.builders import small_criteria
from tests.ui.shell_helpers import idle, open_window, read_file, sample_file, save_grab


def _criteria_page(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    window.show_page(6)
    idle(qtbot, window)
    return window, window.page("criteria")


def _select(page, code):
    page.tree.setCurrentIndex(page.model.index_of_item(code))


def test_the_model_passes_the_model_tester_on_every_shipped_year(qtmodeltester):
    model = CriteriaModel()
    for criteria in shipped_criteria().values():
        model.set_criteria(criteria)
        qtmodeltester.check(model)
    model.set_criteria(None)
    qtmodeltester.check(model)


def test_the_tree_lists_instruments_indicators_and_items(qtbot, tmp_path, db_path):
    _, page = _criteria_page(qtbot, tmp_path, db_path)
    model = page.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["IIT", "EIT", "OIT"]
    iit = model.index(0, 0)
    first = model.index(0, 0, iit)
    assert model.index(0, 1, iit).data() == "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ (๑ ข้อ)"
    assert model.index(0, 0, first).data() == "i1"
    shown = model.index(0, 1, first).data()
    assert "\u200b" in shown  # word breaks, so the text wraps where Qt has no libthai
    assert shown.replace("\u200b", "") == "ปฏิบัติงานตามขั้นตอนและระยะเวลาที่กำหนด"
    assert page.status.text().startswith("ที่มา: แก้ไขไว้ในไฟล์นี้ — IIT ๒ ข้อ · EIT ๑ ข้อ · OIT ๑ ข้อ")


def test_a_provisional_year_is_marked_as_a_draft(qtbot, tmp_path, db_path):
    window, page = _criteria_page(qtbot, tmp_path, db_path)
    draft_year = next(y for y, c in shipped_criteria().items() if c.provisional)
    window.context_bar.select(year=draft_year)
    idle(qtbot, window)
    assert page.heading.text().endswith("[ฉบับร่าง]")
    assert page.draft_box.isChecked()
    first_item = page.model.index(0, 0, page.model.index(0, 0, page.model.index(0, 0)))
    assert first_item.data().endswith("(ฉบับร่าง)")
    assert "ฉบับที่มากับโปรแกรม" in page.status.text()


def test_editing_an_item_persists_and_undoes(qtbot, tmp_path, db_path):
    window, page = _criteria_page(qtbot, tmp_path, db_path)
    _select(page, "i10")
    dialog = page.open_item_dialog(page.model.item_at(page.tree.currentIndex()))
    assert dialog.code.text() == "i10" and dialog.indicator.currentData() == 4
    dialog.text.setPlainText("การยืมทรัพย์สินของราชการไปใช้ส่วนตัว")
    dialog.code.setText("i11")
    dialog.accept()
    idle(qtbot, window)
    saved = read_file(db_path, lambda db: criteria_for_year(db, 2568))
    assert saved.item("i11").text == "การยืมทรัพย์สินของราชการไปใช้ส่วนตัว"
    assert saved.item("i10") is None
    assert page.model.index_of_item("i11").isValid()
    window.undo_action.trigger()
    idle(qtbot, window)
    assert read_file(db_path, lambda db: criteria_for_year(db, 2568)) == small_criteria(2568)


def test_adding_and_removing_items(qtbot, tmp_path, db_path):
    window, page = _criteria_page(qtbot, tmp_path, db_path)
    _select(page, "i1")
    dialog = page.open_item_dialog(None)
    assert dialog.indicator.currentData() == 1  # the selected item's indicator
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.code_error.text() == "⚠ กรุณากรอกรหัสข้อ"
    assert dialog.text_error.text() == "⚠ กรุณากรอกข้อความของข้อคำถาม"
    dialog.code.setText("E1")  # taken by e1, codes are not case-sensitive
    dialog.text.setPlainText("ข้อใหม่")
    dialog.accept()
    assert dialog.code_error.text() == "⚠ มีข้อรหัส e1 อยู่แล้ว กรุณาใช้รหัสอื่น"
    dialog.code.setText("i2")
    dialog.accept()
    idle(qtbot, window)
    items = read_file(db_path, lambda db: criteria_for_year(db, 2568)).items
    assert [i.code for i in items][:2] == ["i1", "i2"]
    assert items[1] == Item("i2", 1, "ข้อใหม่")

    _select(page, "o27")
    page.remove_button.click()
    idle(qtbot, window)
    codes = [i.code for i in read_file(db_path, lambda db: criteria_for_year(db, 2568)).items]
    assert "o27" not in codes
    assert window.undo_stack.undoText() == "ลบข้อ o27"


def test_the_sub_indicator_is_chosen_among_the_indicators_own(qtbot, tmp_path, db_path):
    window, page = _criteria_page(qtbot, tmp_path, db_path)
    window.context_bar.select(year=2563)
    idle(qtbot, window)
    criteria = page.model.criteria
    item = next(i for i in criteria.items if i.sub_indicator)
    _select(page, item.code)
    dialog = page.open_item_dialog(page.model.item_at(page.tree.currentIndex()))
    assert dialog.sub_indicator.currentData() == item.sub_indicator
    offered = {dialog.sub_indicator.itemData(i) for i in range(dialog.sub_indicator.count())}
    own = {s.code for s in criteria.sub_indicators if s.indicator == item.indicator}
    assert offered == own | {""}
    dialog.reject()


def test_copy_to_a_new_year_makes_a_draft_and_shows_it(qtbot, tmp_path, db_path):
    window, page = _criteria_page(qtbot, tmp_path, db_path)
    dialog = page.open_copy_dialog()
    assert dialog.target() == max(shipped_criteria()) + 1
    dialog.year.setValue(2568)
    dialog.accept()
    assert dialog.isVisible() and "มีเกณฑ์อยู่แล้ว" in dialog.error.text()
    dialog.year.setValue(2575)
    dialog.accept()
    idle(qtbot, window)
    assert window.context_bar.year() == 2575
    assert "๒๕๗๕" in window.windowTitle()
    assert page.heading.text() == "เกณฑ์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๗๕  [ฉบับร่าง]"
    copied = read_file(db_path, lambda db: criteria_for_year(db, 2575))
    assert copied.provisional and copied.items == small_criteria(2568).items
    assert 2575 in read_file(db_path, available_years)

    page.draft_box.click()  # the clerk confirms the copied criteria
    idle(qtbot, window)
    assert not read_file(db_path, lambda db: criteria_for_year(db, 2575)).provisional
    assert "[ฉบับร่าง]" not in page.heading.text()


def test_copying_to_a_new_year_is_undone_by_deleting_the_copy(qtbot, tmp_path, db_path):
    window, page = _criteria_page(qtbot, tmp_path, db_path)
    window.context_bar.select(year=2566)  # not the year the window opens on
    idle(qtbot, window)
    page.copy_to_year(2575)
    idle(qtbot, window)
    assert window.context_bar.year() == 2575
    assert window.undo_stack.undoText() == "คัดลอกเกณฑ์ไปปี ๒๕๗๕"
    window.undo_action.trigger()
    idle(qtbot, window)
    assert 2575 not in read_file(db_path, available_years)
    assert window.context_bar.year() == 2566  # back on the year it was copied from
    assert window.context_bar.year_box.findData(2575) < 0
    window.redo_action.trigger()
    idle(qtbot, window)
    assert 2575 in read_file(db_path, available_years)
    assert window.context_bar.year() == 2575


def test_corrected_criteria_are_applied_to_the_entered_results_and_undone(qtbot, tmp_path, db_path):
    window, page = _criteria_page(qtbot, tmp_path, db_path)
    assert not page.results_notice.isVisible()
    assert "ผลการประเมินปี ๒๕๖๘ ที่บันทึกไว้ใช้เกณฑ์ชุดนี้" in page.status.text()
    # x99 was scored from the NACC printout before the clerk added it to the criteria
    added = Item("x99", 4, "การเบิกจ่ายพัสดุตามระเบียบ")
    page.save(page._replaced(items=(*page.model.criteria.items, added)), "เพิ่มข้อ x99")
    idle(qtbot, window)
    assert page.results_notice.isVisible()
    assert page.apply_button.text() == "ใช้เกณฑ์นี้กับผลการประเมินปี ๒๕๖๘ ที่บันทึกไว้"
    assert "คะแนนที่กรอกไว้ยังอยู่ครบ (จับคู่ตามรหัสข้อ)" in page.results_note.text()
    save_grab(window, "gui-criteria-apply.png")

    results = window.page("results")
    window.show_page("results")
    idle(qtbot, window)
    assert results.data.criteria.item("x99") is None
    assert "other" in results.form.sections

    window.show_page("criteria")
    idle(qtbot, window)
    page.apply_button.click()
    idle(qtbot, window)
    assert not page.results_notice.isVisible()
    window.show_page("results")
    idle(qtbot, window)
    assert results.data.criteria.item("x99") == added
    assert "other" not in results.form.sections
    assert results.editor("item", "x99").text() == "๗๐.๐๐"  # the score was kept

    assert window.undo_stack.undoText() == "ใช้เกณฑ์กับผลการประเมินปี ๒๕๖๘"
    window.undo_action.trigger()
    idle(qtbot, window)
    assert results.data.criteria.item("x99") is None
    assert results.editor("item", "x99").text() == "๗๐.๐๐"
    window.show_page("criteria")
    idle(qtbot, window)
    assert page.results_notice.isVisible()
