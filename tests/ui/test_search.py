"""Ctrl+F finds items and measures and goes to them; the status bar counts open warnings."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ita_desktop.services import plans, results
from ita_desktop.services.demo import demo_file as shipped_demo
from ita_desktop.storage.database import open_database
from ita_desktop.ui.search import find_hits
from ita_desktop.ui.warnings_panel import target_of
from tests.ui.page_helpers import prepare_demo, thai_fonts
from tests.ui.shell_helpers import idle, open_window, read, type_text

pytestmark = [
    pytest.mark.skipif(not shipped_demo().exists(), reason="the demo office is missing"),
    # The list of hits is a popup: the offscreen platform says it cannot raise it or grab keys.
    pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard"),
]
LOAN = "คู่มือและแนวปฏิบัติการขอยืม"  # words of a measure in the demo's plan of ๒๕๖๙ only


@pytest.fixture
def demo_db(tmp_path):
    path = tmp_path / "demo.sqlite"
    office_id = prepare_demo(path)
    return path, office_id


@pytest.fixture
def window(qtbot, tmp_path, demo_db):
    thai_fonts()
    main = open_window(qtbot, demo_db[0], tmp_path, size=(1366, 768))
    yield main
    main.close()


def test_hits_put_an_exact_item_code_first_then_items_then_measures_of_the_year(demo_db):
    path, office_id = demo_db
    db = open_database(path)
    try:
        hits = find_hits(db, office_id, 2568, "I1")
        assert (hits[0].kind, hits[0].code) == ("item", "i1")
        assert {h.code for h in hits[1:4]} <= {"i10", "i11", "i12", "i13", "i14", "i15"}
        found = find_hits(db, office_id, 2568, LOAN)
        assert [h.kind for h in found] == ["measure"] and found[0].year == 2569
        assert found[0].label().startswith("มาตรการปี ๒๕๖๙ — ")
        both = find_hits(db, office_id, 2568, "ทรัพย์สิน")
        kinds = [h.kind for h in both]
        assert "item" in kinds and "measure" in kinds
        assert kinds == sorted(kinds, key=lambda k: k != "item")  # items before measures
        years = [h.year for h in both if h.kind == "measure"]
        assert years == sorted(years, key=lambda y: y != 2568)  # this year's plan first
        assert find_hits(db, office_id, 2568, "   ") == []
        assert find_hits(db, office_id, 2568, "ไม่มีคำนี้แน่นอน") == []
    finally:
        db.close()


def test_ctrl_f_then_enter_goes_to_a_measure_of_another_year(qtbot, window):
    assert window.context_bar.year() == 2568
    window.show_page("office")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    box = window.search_box
    assert QApplication.focusWidget() is box
    type_text(qtbot, box, LOAN)
    qtbot.waitUntil(lambda: bool(box.hits), timeout=5_000)
    wanted = box.hits[0]
    popup = box.completer_.popup()
    assert popup.isVisible()  # keys go to the list now; Enter with no row picked: the first hit
    chosen = []
    box.hit_chosen.connect(chosen.append)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert chosen == [wanted]
    idle(qtbot, window)
    page = window.page("measures")
    assert window.context_bar.year() == 2569
    assert window.current_page() is page
    qtbot.waitUntil(lambda: page.selected_measure() is not None, timeout=5_000)
    assert page.selected_measure().id == wanted.measure_id
    assert LOAN in page.selected_measure().measure.replace("\u200b", "")


def test_an_item_picked_from_the_list_focuses_its_score(qtbot, window):
    window.activateWindow()
    window.focus_search()
    box = window.search_box
    type_text(qtbot, box, "o2")
    qtbot.waitUntil(lambda: len(box.hits) > 1, timeout=5_000)
    popup = box.completer_.popup()
    assert popup.isVisible()
    codes = [hit.code for hit in box.hits]
    chosen = []
    box.hit_chosen.connect(chosen.append)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert [hit.code for hit in chosen] == [codes[1]]  # the row picked, once
    assert window.current_page() is window.page("results")
    editor = window.page("results").editor("item", codes[1])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor, timeout=5_000)
    assert box.text() == "o2"  # the list does not write into the box


def test_the_status_bar_counts_warnings_and_each_goes_to_its_field(qtbot, window):
    button = window.warnings_button
    assert button.isHidden()  # the demo's ๒๕๖๘ is complete

    def clear_indicator(db):
        assessment = results.find_assessment(db, 1, 2568)
        results.set_score(db, assessment_id=assessment.id, scope="indicator", key="3", value=None)

    window.session.call(clear_indicator, writes=True)
    qtbot.waitUntil(lambda: not button.isHidden(), timeout=5_000)
    idle(qtbot, window)
    assert button.text() == f"ข้อควรตรวจสอบ {_thai(len(button.warnings))} รายการ"
    actions = button.list_menu.actions()
    pointing = [a for a, w in zip(actions, button.warnings, strict=True) if w.scope == "indicator"]
    assert pointing and "ตัวชี้วัดที่ ๓" in pointing[0].text()
    window.show_page("reports")
    pointing[0].trigger()
    assert window.current_page() is window.page("results")
    editor = window.page("results").editor("indicator", "3")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor, timeout=5_000)

    window.undo_stack.clear()
    window.context_bar.select(year=2569)  # no results that year: nothing to check
    qtbot.waitUntil(button.isHidden, timeout=5_000)
    assert read(qtbot, window, lambda db: plans.find_plan(db, 1, 2569)) is not None


def test_warnings_point_at_the_field_they_name():
    assert _aim("ยังไม่มีคะแนนตัวชี้วัดที่ ๓ การใช้อำนาจ") == ("indicator", "3")
    assert _aim("ข้อ o41 o42 ไม่อยู่ในเกณฑ์ปี ๒๕๖๘") == ("item", "o41")
    assert _aim("คำนวณคะแนนแบบวัด EIT ไม่ได้") == ("part", "EIT")
    assert _aim("ยังไม่มีคะแนนภาพรวม และคำนวณจากคะแนนแบบวัดไม่ได้") == ("overall", "")
    assert _aim("ข้อความอื่น") == ("", "")


def _aim(text: str) -> tuple[str, str]:
    warning = target_of(text)
    return warning.scope, warning.key


def _thai(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
