"""The office page: fields checked in Thai beside them, units, signatories, logo — all undoable."""

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QStyle

from ita_desktop.services import offices
from ita_desktop.services.offices import MAX_LOGO_BYTES
from ita_desktop.ui.pages.office_lists import SignatoryModel
from ita_desktop.ui.widgets.thai_text import ZWSP, plain
from tests.ui.shell_helpers import idle, open_window, read, read_file, sample_file, type_text

LONG_POSITION = "นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ รักษาราชการแทนปลัดองค์การบริหารส่วนตำบล"


def _office(db):
    return offices.get_office(db, 1)


def _office_page(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    return window, window.page("office")


def test_fields_show_the_office(qtbot, tmp_path, db_path):
    _, page = _office_page(qtbot, tmp_path, db_path)
    assert page.widgets["name"].text() == "องค์การบริหารส่วนตำบลทดสอบ"
    assert page.widgets["kind"].currentText() == "องค์การบริหารส่วนตำบล"
    assert page.widgets["district"].text() == "เมือง"
    assert page.widgets["province"].text() == "กาญจนบุรี"
    assert page.units.names() == ["สำนักปลัด", "กองคลัง"]
    assert page.check() == []


def test_wrong_fields_are_explained_beside_them_and_not_saved(qtbot, tmp_path, db_path):
    window, page = _office_page(qtbot, tmp_path, db_path)
    page.widgets["name"].setText("   ")
    page.widgets["district"].setText("อำเภอเมือง")
    page.widgets["phone"].setText("โทร 034")
    page.widgets["province"].setText("ราชบุรี")
    page.save()
    idle(qtbot, window)
    issues = {issue.field: issue.message for issue in page.check()}
    assert issues["name"] == "กรุณากรอกชื่อหน่วยงาน"
    assert "อำเภอ" in issues["district"] and "นำหน้า" in issues["district"]
    assert issues["phone"].startswith("หมายเลขโทรศัพท์")
    assert page.errors["name"].isVisible() and page.errors["name"].text() == "⚠ กรุณากรอกชื่อหน่วยงาน"
    assert not page.errors["province"].isVisible()
    office = read_file(db_path, _office)
    # The right field is saved; the wrong ones wait, as typed, until corrected.
    assert (office.name, office.district, office.phone) == ("องค์การบริหารส่วนตำบลทดสอบ", "เมือง", "")
    assert office.province == "ราชบุรี"
    assert page.widgets["district"].text() == "อำเภอเมือง"
    page.widgets["district"].setText("บ้านโป่ง")
    page.save()
    idle(qtbot, window)
    assert not page.errors["district"].isVisible()
    assert read_file(db_path, _office).district == "บ้านโป่ง"


def test_kind_is_chosen_from_the_list_and_saved(qtbot, tmp_path, db_path):
    window, page = _office_page(qtbot, tmp_path, db_path)
    box = page.widgets["kind"]
    box.setCurrentText("เทศบาลตำบล")
    box.activated.emit(box.currentIndex())
    idle(qtbot, window)
    assert read_file(db_path, _office).kind == "เทศบาลตำบล"
    assert window.undo_stack.undoText() == "แก้ไขประเภท"


def test_units_add_rename_reorder_remove_and_undo(qtbot, tmp_path, db_path):
    window, page = _office_page(qtbot, tmp_path, db_path)
    units = page.units
    units.new_name.setFocus()
    type_text(qtbot, units.new_name, "กองช่าง")
    qtbot.keyClick(units.new_name, Qt.Key.Key_Return)
    idle(qtbot, window)
    assert [u.name for u in read_file(db_path, _office).units] == ["สำนักปลัด", "กองคลัง", "กองช่าง"]
    assert units.new_name.text() == ""

    units.list.setCurrentRow(2)
    units.up_button.click()
    idle(qtbot, window)
    assert units.names() == ["สำนักปลัด", "กองช่าง", "กองคลัง"]
    assert units.list.currentRow() == 1
    assert [u.name for u in read_file(db_path, _office).units] == ["สำนักปลัด", "กองช่าง", "กองคลัง"]

    units.list.item(0).setText("สำนักปลัด อบต.")
    idle(qtbot, window)
    assert read_file(db_path, _office).units[0].name == "สำนักปลัด อบต."

    units.list.setCurrentRow(2)
    units.remove_button.click()
    idle(qtbot, window)
    assert [u.name for u in read_file(db_path, _office).units] == ["สำนักปลัด อบต.", "กองช่าง"]

    for _ in range(3):  # the removal, the rename and the move
        window.undo_action.trigger()
    idle(qtbot, window)
    assert units.names() == ["สำนักปลัด", "กองคลัง", "กองช่าง"]
    window.undo_action.trigger()
    idle(qtbot, window)
    assert [u.name for u in read_file(db_path, _office).units] == ["สำนักปลัด", "กองคลัง"]


def test_a_duplicate_or_empty_unit_is_refused_with_a_message(qtbot, tmp_path, db_path):
    window, page = _office_page(qtbot, tmp_path, db_path)
    units = page.units
    units.new_name.setText("กองคลัง")
    units.add_button.click()
    assert units.message.isVisible() and "มี “กองคลัง” อยู่แล้ว" in units.message.text()
    units.list.item(1).setText("สำนักปลัด")  # renaming onto another unit's name
    assert units.names() == ["สำนักปลัด", "กองคลัง"]
    idle(qtbot, window)
    assert window.undo_stack.count() == 0


def test_signatories_add_edit_role_move_and_remove(qtbot, tmp_path, db_path):
    window, page = _office_page(qtbot, tmp_path, db_path)
    editor = page.signatories
    editor.new_name.setText("นางสาวตัวอย่าง ขยันดี")
    editor.new_position.setText("นักวิเคราะห์นโยบายและแผน")
    editor.new_role.setCurrentText("ผู้รายงาน")
    editor.add_button.click()
    idle(qtbot, window)
    saved = read_file(db_path, _office).signatories
    assert [(s.name, s.role) for s in saved] == [
        ("นายทดสอบ ใจดี", "ผู้ตรวจสอบ"),
        ("นางสาวตัวอย่าง ขยันดี", "ผู้รายงาน"),
    ]
    model = editor.model
    assert model.setData(model.index(0, 2), "ผู้บริหาร")
    idle(qtbot, window)
    assert read_file(db_path, _office).signatories[0].role == "ผู้บริหาร"
    assert not model.setData(model.index(0, 0), "  ")
    assert editor.message.text() == "⚠ กรุณากรอกชื่อผู้ลงนาม"

    editor.table.selectRow(1)
    editor.up_button.click()
    idle(qtbot, window)
    assert read_file(db_path, _office).signatories[0].name == "นางสาวตัวอย่าง ขยันดี"
    editor.table.selectRow(0)
    editor.remove_button.click()
    idle(qtbot, window)
    assert [s.name for s in read_file(db_path, _office).signatories] == ["นายทดสอบ ใจดี"]
    window.undo_action.trigger()
    idle(qtbot, window)
    assert model.rowCount() == 2


def test_signatory_model_passes_the_model_tester(qtbot, qtmodeltester, tmp_path, db_path):
    _, page = _office_page(qtbot, tmp_path, db_path)
    qtmodeltester.check(page.signatories.model)
    empty = SignatoryModel()
    qtmodeltester.check(empty)


def _png(path, size=64):
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5fa8"))
    assert image.save(str(path), "PNG")
    return path


def test_logo_is_stored_shown_and_undoable(qtbot, tmp_path, db_path):
    window, page = _office_page(qtbot, tmp_path, db_path)
    logo = _png(tmp_path / "logo.png")
    assert page.set_logo_from_file(logo)
    idle(qtbot, window)
    office = read_file(db_path, _office)
    assert office.logo == logo.read_bytes() and office.logo_mime == "image/png"
    assert page.logo_view.pixmap() is not None and not page.logo_view.pixmap().isNull()
    assert page.logo_clear.isEnabled()
    window.undo_action.trigger()
    idle(qtbot, window)
    assert read(qtbot, window, _office).logo is None
    assert page.logo_view.text() == "ยังไม่มีตราสัญลักษณ์"


def test_a_bad_logo_file_gets_a_thai_message_and_changes_nothing(qtbot, tmp_path, db_path):
    window, page = _office_page(qtbot, tmp_path, db_path)
    not_image = tmp_path / "logo.png"
    not_image.write_text("ไม่ใช่ภาพ", encoding="utf-8")
    assert not page.set_logo_from_file(not_image)
    assert page.logo_error.isVisible()
    assert page.logo_error.text() == "⚠ ตราสัญลักษณ์ต้องเป็นไฟล์ภาพ PNG หรือ JPEG"

    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    assert not page.set_logo_from_file(broken)
    assert "เปิดไฟล์ภาพนี้ไม่ได้" in page.logo_error.text()

    huge = tmp_path / "huge.png"
    huge.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * MAX_LOGO_BYTES)
    assert not page.set_logo_from_file(huge)
    assert "ใหญ่เกินไป" in page.logo_error.text()

    assert not page.set_logo_from_file(tmp_path / "missing.png")
    assert "เปิดไฟล์ missing.png ไม่ได้" in page.logo_error.text()
    idle(qtbot, window)
    assert window.undo_stack.count() == 0
    assert read_file(db_path, _office).logo is None
    assert page.set_logo_from_file(_png(tmp_path / "good.png"))
    assert not page.logo_error.isVisible()


def test_typing_is_kept_when_a_reload_arrives(qtbot, tmp_path, db_path):
    window, page = _office_page(qtbot, tmp_path, db_path)
    page.widgets["address"].setText("๑๒๓ หมู่ ๔")
    page.save()
    field = page.widgets["province"]
    field.setFocus()
    field.setText("นครปฐ")  # still typing when the address edit's reload lands
    idle(qtbot, window)
    assert field.text() == "นครปฐ"
    assert read_file(db_path, _office).address == "๑๒๓ หมู่ ๔"


def test_at_1024_by_700_the_page_fits_and_a_long_position_wraps(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path, size=(1024, 700))
    page, editor = window.page("office"), window.page("office").signatories
    editor.new_name.setText("นางสาวตัวอย่าง ขยันดี")
    editor.new_position.setText(LONG_POSITION)
    editor.add_button.click()
    idle(qtbot, window)
    qtbot.wait(50)  # the rows' new heights, then the page's layout
    viewport = page.scroll.viewport()
    assert not page.scroll.horizontalScrollBar().isVisible()
    assert page.content.minimumSizeHint().width() <= viewport.width()
    for widget in (editor.new_name, editor.new_position, editor.add_button, page.units.add_button):
        assert widget.mapTo(viewport, QPoint(0, widget.height())).y() <= viewport.height()
        assert widget.mapTo(viewport, QPoint(widget.width(), 0)).x() <= viewport.width()

    table, model = editor.table, editor.model
    assert table.wordWrap() and table.textElideMode() == Qt.TextElideMode.ElideNone
    shown = model.data(model.index(1, 1))
    assert ZWSP in shown and plain(shown) == LONG_POSITION  # break points where Qt has none
    assert model.data(model.index(1, 1), Qt.ItemDataRole.EditRole) == LONG_POSITION
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    wrapped = table.fontMetrics().boundingRect(
        QRect(0, 0, table.columnWidth(1) - 2 * margin, 10_000), Qt.TextFlag.TextWordWrap, shown
    )
    assert wrapped.height() >= 2 * table.fontMetrics().height()  # too long for one line here
    assert table.rowHeight(1) >= wrapped.height()  # every line of it shows
