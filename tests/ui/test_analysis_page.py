"""วิเคราะห์ผล on a real data file: charts and tables follow the scores; drafts never overwrite."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox, QSplitter

from ita_desktop.services import results
from ita_desktop.storage.database import open_database
from ita_desktop.ui.pages.analysis_page import AnalysisPage
from ita_desktop.ui.pages.analysis_texts import TEXT_LINES
from ita_desktop.ui.pages.results_page import ResultsPage
from tests.ui.page_helpers import (
    open_page,
    prepare_demo,
    prepare_file,
    save_grab,
    thai_fonts,
    type_text,
)

YEAR = 2568
SCORES = {
    ("overall", ""): ("93.96", "99.76"),
    ("part", "IIT"): ("99.89", "99.45"),
    ("part", "EIT1"): ("99.97", "99.50"),
    ("part", "EIT2"): ("100", "100"),
    ("part", "OIT"): ("85", "100"),
    **{("indicator", str(n)): ("100", "100") for n in (1, 2, 3, 5, 6, 7)},
    ("indicator", "4"): ("99.45", "98.62"),
    ("indicator", "8"): ("99.96", "99.63"),
    ("indicator", "9"): ("90", "100"),
    ("indicator", "10"): ("80", "100"),
    ("item", "i10"): ("84.5", None),
    ("item", "o27"): ("70", None),
}


def _prepare(db_path) -> int:
    office_id = prepare_file(db_path)
    db = open_database(db_path)
    for (scope, key), (value, previous) in SCORES.items():
        results.set_score(db, assessment_id=1, scope=scope, key=key, value=value)
        if previous is not None:
            results.set_score(
                db, assessment_id=1, scope=scope, key=key, value=previous, previous=True
            )
    db.close()
    return office_id


@pytest.fixture
def page(qtbot, db_path):
    thai_fonts()
    harness = open_page(qtbot, AnalysisPage, db_path, _prepare(db_path), YEAR)
    yield harness
    harness.session.close()


def _texts(harness, qtbot):
    return harness.read(qtbot, lambda db: results.find_assessment(db, 1, YEAR).analysis_texts)


def test_charts_and_tables_show_this_year_against_last(page, qtmodeltester):
    p = page.page
    overall, instruments, indicators = (w.chart for w in p.charts)
    assert overall.series[1].values == (Decimal("93.96"),)
    assert instruments.categories == ("IIT", "EIT ส่วนที่ ๑", "EIT ส่วนที่ ๒", "OIT")
    assert indicators.target == Decimal(85)
    assert "ภาพรวม" in p.charts[0].accessibleDescription()
    for model in (p.parts_model, p.indicators_model, p.below_model):
        qtmodeltester.check(model)
    assert p.parts_model.headerData(1, Qt.Orientation.Horizontal) == "ปี ๒๕๖๗"
    assert p.parts_model.index(4, 3).data() == "-๑๕.๐๐"  # OIT: 85 against 100
    assert p.indicators_model.index(1, 3).data() == "๐.๐๐"
    assert p.indicators_model.index(9, 4).data() == "๑๐"  # indicator 10 ranks last
    assert [p.below_model.index(r, 1).data() for r in range(2)] == ["i10", "o27"]
    assert "แบบวัด IIT จำนวน ๒ ข้อ มีคะแนนรายข้อ ๑ ข้อ ในจำนวนนี้มี ๑ ข้อ" in p.below_counts.text()
    facts = p.facts.text()
    assert "ระดับผลการประเมิน: ผ่านดี (ปีที่แล้ว ผ่านดีเยี่ยม)" in facts
    assert "ลดลง ๒ ตัวชี้วัด (ที่ ๙-๑๐)" in facts


def test_the_analysis_follows_a_score_typed_on_the_results_page(qtbot, db_path):
    thai_fonts()
    office_id = _prepare(db_path)
    harness = open_page(qtbot, AnalysisPage, db_path, office_id, YEAR)
    try:
        results_page = ResultsPage(harness.session, harness.stack)
        splitter = QSplitter()
        splitter.addWidget(results_page)
        splitter.addWidget(harness.window.takeCentralWidget())
        harness.window.setCentralWidget(splitter)
        results_page.set_context(office_id, YEAR)
        harness.idle(qtbot)
        editor = results_page.editor("indicator", "10")
        editor.setFocus()
        editor.selectAll()
        type_text(qtbot, editor, "๙๕")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        harness.idle(qtbot)
        analysis = harness.page
        assert analysis.indicators_model.index(9, 2).data() == "๙๕.๐๐"
        assert analysis.charts[2].chart.series[1].values[9] == Decimal("95")
        assert "ได้คะแนนลดลงจากปีที่ผ่านมา -๕.๐๐" in analysis.panels["indicator:10"].view.draft
        harness.stack.undo()
        harness.idle(qtbot)
        assert analysis.indicators_model.index(9, 2).data() == "๘๐.๐๐"
    finally:
        harness.session.close()


def test_insert_puts_the_draft_at_the_cursor_as_one_undo_step(page, qtbot):
    harness = page
    panel = harness.page.panels["indicator:4"]
    draft = panel.view.draft
    assert draft.startswith("จากการวิเคราะห์ผลการประเมิน ITA ตัวชี้วัด การใช้ทรัพย์สินของราชการ")
    panel.box.setFocus()
    type_text(qtbot, panel.box, "ความเห็นของท่าน")
    panel.box.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.mouseClick(panel.insert_button, Qt.MouseButton.LeftButton)
    harness.idle(qtbot)
    expected = draft + "\nความเห็นของท่าน"
    assert panel.box.toPlainText() == expected
    texts = _texts(harness, qtbot)
    assert texts["indicator:4"] == expected
    assert texts["draft:indicator:4"] == draft
    assert harness.stack.undoText() == "ใช้ข้อความร่าง"
    harness.stack.undo()
    harness.idle(qtbot)
    assert panel.box.toPlainText() == "ความเห็นของท่าน"
    assert "draft:indicator:4" not in _texts(harness, qtbot)


def test_replace_asks_first_and_keeps_the_clerks_text_when_refused(page, qtbot):
    harness = page
    panel = harness.page.panels["indicator:9"]
    panel.box.setFocus()
    type_text(qtbot, panel.box, "ข้อความเดิม")
    qtbot.mouseClick(panel.replace_button, Qt.MouseButton.LeftButton)
    box = panel.confirm
    assert isinstance(box, QMessageBox) and box.isVisible()
    refuse = next(b for b in box.buttons() if b.text() == "ไม่แทนที่")
    qtbot.mouseClick(refuse, Qt.MouseButton.LeftButton)
    harness.idle(qtbot)
    assert panel.box.toPlainText() == "ข้อความเดิม"
    assert _texts(harness, qtbot)["indicator:9"] == "ข้อความเดิม"

    qtbot.mouseClick(panel.replace_button, Qt.MouseButton.LeftButton)
    accept = next(b for b in panel.confirm.buttons() if b.text() == "แทนที่")
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    harness.idle(qtbot)
    assert panel.box.toPlainText() == panel.view.draft
    assert _texts(harness, qtbot)["indicator:9"] == panel.view.draft
    harness.stack.undo()
    harness.idle(qtbot)
    assert panel.box.toPlainText() == "ข้อความเดิม"


def test_a_mark_shows_when_the_draft_changed_since_it_was_used(page, qtbot):
    harness = page
    panel = harness.page.panels["indicator:4"]
    qtbot.mouseClick(panel.replace_button, Qt.MouseButton.LeftButton)  # empty: no question
    harness.idle(qtbot)
    assert not panel.mark.isVisible()
    harness.session.call(
        lambda db: results.set_score(
            db, assessment_id=1, scope="indicator", key="4", value=Decimal("97")
        ),
        writes=True,
    )
    harness.idle(qtbot)
    assert panel.mark.isVisible()
    assert panel.box.toPlainText() != panel.view.draft  # the clerk's text is left as it was


def whole_lines(box) -> float:
    """Lines of text the box shows at once (the editor keeps one spare pixel under the last)."""
    return (box.viewport().height() - 1) / box.fontMetrics().lineSpacing()


def test_the_clerks_text_shows_whole_lines_and_follows_the_width(page, qtbot):
    box = page.page.panels["indicator:4"].box
    assert whole_lines(box) == TEXT_LINES[0]  # empty: room to start typing
    box.set_saved_text("\n".join(f"- ข้อ i{n} ควรชี้แจงผู้รับบริการ" for n in range(1, 7)))
    qtbot.waitUntil(lambda: whole_lines(box) == 6)
    assert box.verticalScrollBar().maximum() == 0
    sentence = "บุคลากรบางส่วนยังเห็นว่ามีการนำทรัพย์สินของราชการไปใช้เพื่อประโยชน์ส่วนตัว "
    box.set_saved_text(sentence * 6)  # one paragraph: how many lines depends on the width
    qtbot.waitUntil(
        lambda: whole_lines(box).is_integer() and box.verticalScrollBar().maximum() == 0
    )
    wide = whole_lines(box)
    page.window.resize(900, 800)
    qtbot.waitUntil(lambda: whole_lines(box).is_integer() and whole_lines(box) > wide)
    assert box.verticalScrollBar().maximum() == 0
    box.set_saved_text(sentence * 40)
    qtbot.waitUntil(lambda: whole_lines(box) == TEXT_LINES[1])  # then it scrolls, by whole lines
    assert box.verticalScrollBar().maximum() > 0


def test_screenshot_of_the_demo_office(qtbot, db_path):
    thai_fonts()
    harness = open_page(qtbot, AnalysisPage, db_path, prepare_demo(db_path), YEAR)
    try:
        assert harness.page.views.currentIndex() == 1
        save_grab(harness.window, "gui-analysis.png")
    finally:
        harness.session.close()


def test_a_year_without_results_says_where_to_enter_them(qtbot, db_path):
    harness = open_page(qtbot, AnalysisPage, db_path, prepare_file(db_path, start=False), YEAR)
    try:
        assert harness.page.views.currentIndex() == 0
        assert "หน้า ผลการประเมิน" in harness.page.message.text()
    finally:
        harness.session.close()


def test_a_year_with_only_indicator_scores_shows_the_instruments_computed(qtbot, db_path):
    """Seed 004 (๒๕๖๔): the parts table shows IIT/EIT/OIT from the indicators, as the chart
    and the printed table do, not dashes."""
    from pathlib import Path

    from ita_desktop.services.share import apply_import, preview_import, read_share_file

    db = open_database(db_path)
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "seed004.itashare"
    apply_import(db, preview_import(db, read_share_file(fixture)))
    office_id = preview_import(db, read_share_file(fixture)).office_id
    db.close()
    harness = open_page(qtbot, AnalysisPage, db_path, office_id, 2564)
    try:
        model = harness.page.parts_model
        rows = {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}
        assert rows["IIT"] == "๘๗.๙๘" and rows["EIT"] == "๘๒.๑๘" and rows["OIT"] == "๖๐.๗๘"
    finally:
        harness.session.close()
