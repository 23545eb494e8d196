"""The main window on a real data file: first run, saving status, undo, reopening, shortcuts."""

import sys

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QMessageBox

from ita_desktop.app import build_window, choose_data_file, install_crash_handler, setup_demo
from ita_desktop.errors import UserError
from ita_desktop.services import offices
from ita_desktop.services.demo import DEMO_NAME, demo_file
from ita_desktop.ui.pages.registry import page_entries
from ita_desktop.ui.settings import MAX_RECENT, Settings
from tests.ui.shell_helpers import (
    idle,
    open_window,
    read,
    read_file,
    sample_file,
    save_grab,
    settings_in,
    type_text,
)

NAV = ["หน่วยงาน", "ผลการประเมิน", "วิเคราะห์ผล", "มาตรการ", "ติดตามผล", "รายงาน", "เกณฑ์การประเมิน"]


def _name(db):
    return offices.get_office(db, 1).name


@pytest.mark.skipif(not demo_file().exists(), reason="resources/demo/demo-office.itashare missing")
def test_first_run_creates_the_file_and_opens_the_demo_office(qtbot, tmp_path):
    db_path = tmp_path / "data" / "ita-desktop.sqlite"
    window = build_window(db_path, settings_in(tmp_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.file_opened, timeout=20_000):
        window.show()
    idle(qtbot, window)
    assert db_path.exists()
    assert window.context_bar.office_name() == DEMO_NAME
    assert window.windowTitle().startswith(f"ITA Desktop — {DEMO_NAME} — ปีงบประมาณ พ.ศ. ๒๕")
    assert window.page("office").widgets["name"].text() == DEMO_NAME


def test_the_file_to_open_is_the_argument_then_the_last_file_then_the_default(tmp_path):
    last = tmp_path / "last.sqlite"
    assert choose_data_file(tmp_path / "arg.sqlite", last) == tmp_path / "arg.sqlite"
    assert choose_data_file(None, last).name == "ita-desktop.sqlite"  # last file is gone
    last.write_bytes(b"")
    assert choose_data_file(None, last) == last


def test_edit_is_saved_undone_redone_and_there_after_reopening(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    page = window.page("office")
    field = page.widgets["name"]
    field.setFocus()
    field.selectAll()
    type_text(qtbot, field, "อบต.บ้านใหม่")
    with qtbot.waitSignal(window.session.saved, timeout=10_000):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    idle(qtbot, window)
    assert window.saved_label.text().startswith("บันทึกแล้ว ")
    assert window.saved_label.text().endswith(" น.")
    assert "อบต.บ้านใหม่" in window.windowTitle()
    # Durable before the window closes: another connection sees it.
    assert read_file(db_path, _name) == "อบต.บ้านใหม่"

    window.undo_action.trigger()
    idle(qtbot, window)
    assert read(qtbot, window, _name) == "องค์การบริหารส่วนตำบลทดสอบ"
    assert field.text() == "องค์การบริหารส่วนตำบลทดสอบ"
    assert window.context_bar.office_name() == "องค์การบริหารส่วนตำบลทดสอบ"
    window.redo_action.trigger()
    idle(qtbot, window)
    assert field.text() == "อบต.บ้านใหม่"
    window.close()

    again = open_window(qtbot, db_path, tmp_path)
    assert again.page("office").widgets["name"].text() == "อบต.บ้านใหม่"
    assert again.settings.last_file == db_path.resolve()


def test_status_says_saving_while_an_edit_is_on_its_way(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    page = window.page("office")
    page.widgets["phone"].setText("0 3451 2345")
    page.save()
    assert window.saved_label.text() == "กำลังบันทึก…"
    idle(qtbot, window)
    assert window.saved_label.text().startswith("บันทึกแล้ว")


def test_ctrl_1_to_7_switch_pages(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    assert [window.nav.item(row).text() for row in range(window.nav.count())] == NAV
    window.activateWindow()
    for number in (7, 3, 1, 6, 2, 4, 5):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.stack.currentIndex() == number - 1
        assert window.nav.currentRow() == number - 1
    assert window.settings.last_page == "progress"


def test_year_selector_offers_years_with_results_plans_and_criteria(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    box = window.context_bar.year_box
    years = [box.itemData(i) for i in range(box.count())]
    assert {2568, 2569} <= set(years)
    assert window.context_bar.year() == 2568  # the latest year with results
    assert box.currentText().startswith("๒๕๖๘")
    assert "มีผลการประเมิน" in box.currentText()
    assert window.windowTitle() == "ITA Desktop — องค์การบริหารส่วนตำบลทดสอบ — ปีงบประมาณ พ.ศ. ๒๕๖๘"


def test_user_error_is_shown_in_thai(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    window.session.user_error.emit("กรุณากรอกชื่อหน่วยงาน")
    box = window.findChild(QMessageBox, "userErrorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "กรุณากรอกชื่อหน่วยงาน"
    box.close()


def test_a_file_that_is_not_a_data_file_is_refused_and_the_previous_one_kept(
    qtbot, tmp_path, db_path
):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    bogus = tmp_path / "notes.sqlite"
    bogus.write_bytes(b"this is not sqlite" * 100)
    window.open_file(bogus)
    qtbot.waitUntil(lambda: window.path == db_path, timeout=10_000)
    idle(qtbot, window)
    box = window.findChild(QMessageBox, "userErrorBox")
    assert box is not None and "ไม่ใช่ไฟล์ข้อมูลของ ITA Desktop" in box.text()
    assert window.context_bar.office_name() == "องค์การบริหารส่วนตำบลทดสอบ"
    assert bogus not in window.settings.recent_files
    assert bogus.read_bytes() == b"this is not sqlite" * 100


def test_settings_keep_recent_files_last_file_and_geometry(tmp_path):
    settings = Settings.at(tmp_path / "settings.ini")
    assert settings.last_file is None and settings.recent_files == [] and settings.geometry is None
    files = [tmp_path / f"f{n}.sqlite" for n in range(10)]
    settings.remember_file(files[0])
    settings.sync()
    again = Settings.at(tmp_path / "settings.ini")
    assert again.recent_files == [files[0].resolve()]  # a one-element list survives the INI file
    for path in files[1:]:
        settings.remember_file(path)
    settings.remember_file(files[5])
    assert len(settings.recent_files) == MAX_RECENT
    assert settings.recent_files[0] == files[5].resolve()
    assert settings.last_file == files[5].resolve()
    settings.forget_file(files[5])
    assert files[5].resolve() not in settings.recent_files and settings.last_file is None
    settings.geometry = QByteArray(b"geometry")
    settings.last_page = "criteria"
    settings.sync()
    again = Settings.at(tmp_path / "settings.ini")
    assert again.geometry == QByteArray(b"geometry") and again.last_page == "criteria"


def test_window_geometry_and_page_are_remembered(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path, size=(1100, 700))
    window.show_page(6)
    window.close()
    settings = settings_in(tmp_path)
    assert settings.geometry is not None and settings.last_page == "criteria"
    again = open_window(qtbot, db_path, tmp_path)
    assert again.stack.currentIndex() == 6


def test_pages_are_registered_in_navigation_order():
    assert [entry.title for entry in page_entries()] == NAV
    assert [entry.factory.title for entry in page_entries()] == NAV


@pytest.mark.skipif(not demo_file().exists(), reason="resources/demo/demo-office.itashare missing")
def test_gallery_of_the_shell_pages(qtbot, tmp_path):
    """Screenshots of the demo office at 1366×768 for docs/gallery (looked at by a person)."""
    window = open_window(
        qtbot, tmp_path / "demo.sqlite", tmp_path, setup=setup_demo, size=(1366, 768)
    )
    shots = {"office": "gui-office.png", "criteria": "gui-criteria.png"}
    for key, name in shots.items():
        window.show_page(key)
        idle(qtbot, window)
        assert save_grab(window, name).stat().st_size > 0
    window.context_bar.select(year=2569)
    window.show_page("measures")
    idle(qtbot, window)
    qtbot.wait(50)  # row heights are measured once the columns have settled
    save_grab(window, "gui-main.png")
    wizard = window.start_new_file(tmp_path / "new.sqlite")
    save_grab(wizard, "gui-wizard.png")
    wizard.reject()


def test_a_bug_is_logged_and_the_clerk_sees_a_short_thai_message(qtbot, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    install_crash_handler()
    try:
        raise KeyError("broken")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert "KeyError: 'broken'" in caplog.text
    assert shown[0].startswith("เกิดข้อผิดพลาดภายในโปรแกรม ข้อมูลที่บันทึกแล้วไม่สูญหาย")
    assert "ita-desktop.log" in shown[0]
    sys.excepthook(UserError, UserError("กรุณาเลือกไฟล์อื่น"), None)
    assert shown[1] == "กรุณาเลือกไฟล์อื่น"
