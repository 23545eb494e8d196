"""ไฟล์ → ใหม่: the wizard creates the file, the office and the first year's assessment."""

from datetime import date

from PySide6.QtWidgets import QMessageBox, QWizard

from ita_desktop.services import offices, results
from ita_desktop.services.criteria import criteria_for_year, shipped_criteria
from ita_desktop.ui.wizard import NewFileWizard
from tests.ui.gallery import save_grab
from tests.ui.shell_helpers import idle, open_window, read_file, sample_file, type_text


def _fill_profile(qtbot, wizard, name="เทศบาลตำบลบ้านใหม่", district="บ้านโป่ง", province="ราชบุรี"):
    page = wizard.profile_page
    page.widgets["name"].setFocus()
    type_text(qtbot, page.widgets["name"], name)
    page.widgets["kind"].setCurrentText("เทศบาลตำบล")
    page.widgets["district"].setText(district)
    page.widgets["province"].setText(province)


def _office_and_years(db):
    office = offices.find_office(db, None)
    return office, results.find_assessment(db, office.id, 2568) is not None


def test_the_wizard_creates_the_file_office_and_year_and_opens_it(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    new_path = tmp_path / "new" / "บ้านใหม่.sqlite"
    wizard = window.start_new_file(new_path)
    assert wizard.isVisible()
    _fill_profile(qtbot, wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.year_page
    wizard.year_page.year.setValue(2568)
    wizard.next()
    page = wizard.criteria_page
    assert wizard.currentPage() is page
    assert page.explain.text() == "ใช้เกณฑ์การประเมินของปี ๒๕๖๘ ที่มากับโปรแกรม"
    # Nothing to choose: the criteria it will use, said plainly, not a pale disabled list.
    assert page.chosen.isVisible()
    assert page.chosen.text() == shipped_criteria()[2568].title
    assert not page.years.isVisible()
    # Its title sits in the header with a subtitle, like the steps before it.
    assert all(wizard.page(i).subTitle() for i in wizard.pageIds())
    listed = [page.years.item(r).text() for r in range(page.years.count())]
    assert len(listed) == len(shipped_criteria())
    assert any(t.startswith("๒๕๖๙ — ") and t.endswith("(ฉบับร่าง)") for t in listed)
    assert not any(t.startswith("๒๕๖๘ — ") and t.endswith("(ฉบับร่าง)") for t in listed)
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    idle(qtbot, window)
    assert window.path == new_path
    assert window.context_bar.office_name() == "เทศบาลตำบลบ้านใหม่"
    assert window.context_bar.year() == 2568
    assert window.windowTitle() == "ITA Desktop — เทศบาลตำบลบ้านใหม่ — ปีงบประมาณ พ.ศ. ๒๕๖๘"
    office, started = read_file(new_path, _office_and_years)
    assert (office.kind, office.district, office.province) == ("เทศบาลตำบล", "บ้านโป่ง", "ราชบุรี")
    assert started
    assert window.settings.recent_files[0] == new_path.resolve()


def test_the_profile_is_checked_before_going_on(qtbot, tmp_path):
    wizard = NewFileWizard(tmp_path / "x.sqlite")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.profile_page.widgets["district"].setText("อ.เมือง")
    wizard.next()
    assert wizard.currentPage() is wizard.profile_page
    assert wizard.profile_page.errors["name"].text() == "⚠ กรุณากรอกชื่อหน่วยงาน"
    assert "นำหน้า" in wizard.profile_page.errors["district"].text()
    assert not (tmp_path / "x.sqlite").exists()


def test_a_year_without_criteria_gets_a_draft_copy_of_an_earlier_year(qtbot, tmp_path):
    wizard = NewFileWizard(tmp_path / "x.sqlite", today=date(2026, 11, 1))
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.year_page.year.value() == max(y for y in shipped_criteria() if y <= 2570)
    _fill_profile(qtbot, wizard)
    wizard.next()
    wizard.year_page.year.setValue(2580)
    wizard.next()
    page = wizard.criteria_page
    latest = max(shipped_criteria())
    assert page.source_year() == latest
    assert "ยังไม่มีเกณฑ์ของปี ๒๕๘๐" in page.explain.text()
    # A choice to make: the list, enabled, its selected row drawn as selected.
    assert page.years.isVisible() and page.years.isEnabled() and not page.chosen.isVisible()
    assert page.years.currentItem().isSelected()
    save_grab(wizard, "wizard-criteria-copy.png")
    page.years.setCurrentRow(page.years.count() - 1)  # the oldest year as the template
    oldest = min(shipped_criteria())
    assert page.source_year() == oldest
    with qtbot.waitSignal(wizard.setup_chosen) as chosen:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    from ita_desktop.storage.database import open_database

    db = open_database(tmp_path / "x.sqlite")
    try:
        office_id = chosen.args[0](db)
        copied = criteria_for_year(db, 2580)
        assert copied.provisional and copied.items == shipped_criteria()[oldest].items
        assert results.find_assessment(db, office_id, 2580).criteria_year == 2580
    finally:
        db.close()


def test_an_existing_file_is_not_overwritten(qtbot, tmp_path, db_path):
    sample_file(db_path)
    window = open_window(qtbot, db_path, tmp_path)
    before = db_path.read_bytes()
    assert window.start_new_file(db_path) is None
    box = window.findChild(QMessageBox, "userErrorBox")
    assert box is not None and "มีไฟล์ชื่อนี้อยู่แล้ว" in box.text()
    assert db_path.read_bytes() == before


def test_an_empty_file_offers_to_create_its_office(qtbot, tmp_path, db_path):
    window = open_window(qtbot, db_path, tmp_path)  # a new, empty data file
    office_page = window.page("office")
    assert office_page.empty.isVisible() and office_page.create_button.isVisible()
    assert window.windowTitle().startswith("ITA Desktop — ita.sqlite")
    with qtbot.waitSignal(office_page.new_office_requested):
        office_page.create_button.click()
    wizard = window.findChild(NewFileWizard)
    _fill_profile(qtbot, wizard, name="อบต.หนองน้ำ")
    wizard.next()
    wizard.year_page.year.setValue(2568)
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: window.context_bar.office_name() == "อบต.หนองน้ำ", timeout=10_000)
    idle(qtbot, window)
    assert office_page.widgets["name"].text() == "อบต.หนองน้ำ"
    assert window.path == db_path
