"""ไฟล์ → ส่งออก / นำเข้าไฟล์สำหรับแบ่งปัน: the preview before anything is written, the choice
per year, one transaction, a backup first; a refused file changes nothing."""

import pytest
from PySide6.QtWidgets import QApplication, QFormLayout, QMessageBox

from ita_desktop.services import backups, results, share, share_format
from ita_desktop.storage.database import open_database
from ita_desktop.ui.export_dialog import ExportDialog, default_file_name, open_export_dialog
from ita_desktop.ui.import_dialog import (
    KEEP_MINE,
    NOT_UNDOABLE,
    TAKE_FILE,
    ImportDialog,
    preview_share_file,
)
from tests.fault_helpers import dump
from tests.ui.shell_helpers import idle, open_window, read_file, sample_file, save_grab


def _indicator_4(db):
    return str(results.find_assessment(db, 1, 2568).value("indicator", "4"))


def _phone(db):
    return db.execute("SELECT phone FROM office").fetchone()[0]


def _plan_years(db):
    return [row[0] for row in db.execute("SELECT year FROM plan ORDER BY year")]


@pytest.fixture
def shared(db_path, tmp_path):
    """A colleague's file (results 2568, plan 2569); then here indicator 4 changed to 90 and
    the 2569 plan removed: the file's office is identical, its results differ, its plan is new."""
    sample_file(db_path)
    path = tmp_path / "from-colleague.itashare"
    db = open_database(db_path)
    try:
        share.export_file(db, office_id=1, path=path)
        aid = results.find_assessment(db, 1, 2568).id
        results.set_score(db, assessment_id=aid, scope="indicator", key="4", value="90")
        with db.atomic():
            db.execute("DELETE FROM plan WHERE year = 2569")
    finally:
        db.close()
    return path


def _preview(qtbot, window, path) -> ImportDialog:
    preview_share_file(window, path)
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None, timeout=10_000)
    dialog = window.findChild(ImportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _rows(dialog) -> list[tuple[str, str, str]]:
    tree = dialog.tree
    rows = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        widget = tree.itemWidget(item, 2)
        rows.append((item.text(0), item.text(1), widget.currentText() if widget else item.text(2)))
    return rows


def _apply(qtbot, window, dialog) -> None:
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.apply_button.click()
    idle(qtbot, window)


def test_preview_shows_new_identical_and_differing_figures_before_writing(
    qtbot, tmp_path, db_path, shared
):
    window = open_window(qtbot, db_path, tmp_path)
    before = dump(db_path)
    dialog = _preview(qtbot, window, shared)
    assert _rows(dialog) == [
        ("ข้อมูลหน่วยงาน (ที่อยู่ ส่วนราชการ ผู้ลงนาม ตราสัญลักษณ์)", "เหมือนในเครื่อง", "ไม่ต้องนำเข้า"),
        ("ผลการประเมิน ปีงบประมาณ พ.ศ. ๒๕๖๘", "ต่างจากในเครื่อง", KEEP_MINE),
        ("แผนมาตรการ ปีงบประมาณ พ.ศ. ๒๕๖๙", "ใหม่", "เพิ่มเข้าไป"),
    ]
    differs = dialog.tree.topLevelItem(1)
    details = [differs.child(i).text(0) for i in range(differs.childCount())]
    assert "คะแนนตัวชี้วัดที่ ๔: ในเครื่อง ๙๐.๐๐ / ในไฟล์ ๙๙.๔๕" in details
    assert NOT_UNDOABLE in [label.text() for label in dialog.findChildren(type(dialog.summary))]
    assert dialog.summary.text() == "เมื่อกด “นำเข้า” จะเพิ่ม ๑ รายการ"
    dialog.choose("assessment", 2568, take_file=True)
    assert dialog.summary.text() == "เมื่อกด “นำเข้า” จะเพิ่ม ๑ รายการ และแทนที่ของในเครื่อง ๑ รายการ"
    dialog.choose("assessment", 2568, take_file=False)
    save_grab(dialog, "gui-import.png")
    assert dump(db_path) == before  # the preview wrote nothing
    dialog.reject()


def test_keep_mine_keeps_the_figure_and_adds_what_is_new(qtbot, tmp_path, db_path, shared):
    window = open_window(qtbot, db_path, tmp_path)
    window.page("office").widgets["phone"].setText("0 3451 2345")
    window.page("office").save()
    idle(qtbot, window)
    assert window.undo_stack.count() == 1
    dialog = _preview(qtbot, window, shared)
    assert dialog.tree.itemWidget(dialog.tree.topLevelItem(1), 2).currentText() == KEEP_MINE
    _apply(qtbot, window, dialog)
    assert read_file(db_path, _indicator_4) == "90"
    assert read_file(db_path, _plan_years) == [2569]
    assert window.undo_stack.count() == 0  # the import cannot be undone: the stack starts anew
    (made,) = [b for b in backups.list_backups(db_path) if b.reason == "before-import"]
    assert "ก่อนนำเข้า" in made.label
    assert read_file(made.path, _plan_years) == []  # the backup made just before importing
    assert read_file(made.path, _phone) == "0 3451 2345"
    assert "นำเข้าจาก from-colleague.itashare แล้ว ๑ รายการ" in window.statusBar().currentMessage()


def test_take_file_takes_the_figure(qtbot, tmp_path, db_path, shared):
    window = open_window(qtbot, db_path, tmp_path)
    dialog = _preview(qtbot, window, shared)
    dialog.choose("assessment", 2568, take_file=True)
    assert dialog.tree.itemWidget(dialog.tree.topLevelItem(1), 2).currentText() == TAKE_FILE
    _apply(qtbot, window, dialog)
    assert read_file(db_path, _indicator_4) == "99.45"
    assert read_file(db_path, _plan_years) == [2569]
    again = _preview(qtbot, window, shared)  # now everything in the file is here
    assert {row[1] for row in _rows(again)} == {"เหมือนในเครื่อง"}
    assert not again.apply_button.isEnabled()
    assert "ไม่มีอะไรต้องนำเข้า" in again.summary.text()
    again.reject()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short in sending
        lambda data: data[:-40] + b"x" + data[-39:],  # a byte changed
        lambda data: b"PK\x03\x04 not our file at all",
    ],
)
def test_a_damaged_share_file_shows_its_thai_message_and_changes_nothing(
    qtbot, tmp_path, db_path, shared, damage
):
    bad = tmp_path / "bad.itashare"
    bad.write_bytes(damage(shared.read_bytes()))
    window = open_window(qtbot, db_path, tmp_path)
    before = dump(db_path)
    preview_share_file(window, bad)
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "userErrorBox") is not None, timeout=10_000
    )
    text = window.findChild(QMessageBox, "userErrorBox").text()
    assert text in (share_format.DAMAGED, share_format.NOT_OURS)
    assert "ไม่มีการเปลี่ยนแปลงข้อมูลของท่าน" in text
    assert window.findChild(ImportDialog) is None
    idle(qtbot, window)
    assert dump(db_path) == before


def test_export_dialog_writes_a_file_that_imports_identically(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    dialog = open_export_dialog(window)
    qtbot.waitUntil(lambda: dialog.office_box.count() == 1, timeout=10_000)
    assert isinstance(dialog, ExportDialog)
    assert dialog.years() == [window.context_bar.year()] == [2568]
    assert dialog.target().name == "ITA-อบต.ทดสอบ-๒๕๖๘.itashare"
    assert [dialog.year_list.item(i).text() for i in range(dialog.year_list.count())] == [
        "๒๕๖๙  (แผนมาตรการ)",
        "๒๕๖๘  (ผลการประเมิน)",
    ]
    dialog.set_years([2568, 2569])
    assert dialog.target().name == "ITA-อบต.ทดสอบ-๒๕๖๘-๒๕๖๙.itashare"
    target = tmp_path / "out" / "to-share"
    target.parent.mkdir()
    dialog.path_edit.setText(str(target))
    assert dialog.target().name == "to-share.itashare"  # the suffix is added
    dialog.export_button.click()
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "exportedBox") is not None, timeout=10_000
    )
    written = target.with_name("to-share.itashare")
    assert str(written) in window.findChild(QMessageBox, "exportedBox").text()

    # Imported back into the same file, everything is identical; into an empty file, all new.
    again = _preview(qtbot, window, written)
    assert {row[1] for row in _rows(again)} == {"เหมือนในเครื่อง"}
    again.reject()
    empty = tmp_path / "empty.sqlite"
    other = open_window(qtbot, empty, tmp_path / "other")
    fresh = _preview(qtbot, other, written)
    assert [row[1] for row in _rows(fresh)] == ["ใหม่"] * 3
    _apply(qtbot, other, fresh)
    assert read_file(empty, _indicator_4) == read_file(db_path, _indicator_4)
    assert read_file(empty, _plan_years) == [2569]


def test_export_dialog_keeps_each_label_beside_its_field(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    dialog = open_export_dialog(window)
    qtbot.waitUntil(lambda: dialog.office_box.count() == 1, timeout=10_000)
    qtbot.waitExposed(dialog)
    form = dialog.findChild(QFormLayout)
    where = dialog.path_edit.parentWidget()
    label = form.labelForField(where)
    assert label.text() == "บันทึกเป็น"

    def apart() -> float:
        field = dialog.path_edit.mapTo(dialog, dialog.path_edit.rect().center())
        return abs(label.geometry().center().y() - field.y())

    # Opened as tall as its content: no empty band anywhere, the path box on its label's line.
    assert dialog.height() <= dialog.heightForWidth(dialog.width()) + 1
    assert apart() <= 4
    assert where.geometry().top() - dialog.year_list.geometry().bottom() <= 12
    # Made taller, the room goes above the buttons, not between a label and its field.
    dialog.resize(dialog.width(), dialog.height() + 200)
    qtbot.waitUntil(lambda: dialog.height() > 400)
    QApplication.processEvents()
    assert apart() <= 4
    assert where.geometry().top() - dialog.year_list.geometry().bottom() <= 12
    save_grab(dialog, "export-dialog.png")
    dialog.reject()


def test_default_share_file_names():
    assert default_file_name("องค์การบริหารส่วนตำบลตัวอย่าง", [2568]) == "ITA-อบต.ตัวอย่าง-๒๕๖๘.itashare"
    assert default_file_name("เทศบาลเมือง/ทดสอบ", [2565, 2568]) == "ITA-ทม. ทดสอบ-๒๕๖๕,๒๕๖๘.itashare"
