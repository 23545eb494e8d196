"""The reports page on the demo office: build every document, preview, print, save, go stale."""

import io
import re
import shutil
import subprocess
import time
from typing import ClassVar

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from ita_desktop.domain.records import Measure, Progress
from ita_desktop.services import plan_builder, plans, results
from ita_desktop.services.demo import demo_file as shipped_demo
from ita_desktop.ui.pages import reports_page as reports_module
from ita_desktop.ui.report_choices import DOCUMENTS, default_file_name, short_office_name
from ita_desktop.ui.widgets.labels import HINT_STYLE, heading_label
from ita_desktop.ui.widgets.thai_text import plain
from tests.ui.page_helpers import prepare_demo, thai_fonts
from tests.ui.shell_helpers import idle, open_window, save_grab

pytestmark = [
    pytest.mark.skipif(not shipped_demo().exists(), reason="the demo office is not shipped"),
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler's pdftotext missing"),
]
MEASURE = "จัดอบรมจริยธรรมให้พนักงานจ้างใหม่ทุกไตรมาส"
STEP = "เชิญวิทยากรจากสำนักงานป.ป.ช.ประจำจังหวัด"
RESULT = "อบรมแล้วสองรุ่นมีผู้เข้าร่วมหกสิบคน"
ANALYSIS = "ภาพรวมดีขึ้นเพราะเปิดเผยข้อมูลครบทุกหัวข้อ"
SOURCE_ANALYSIS = "ปีก่อนยังเผยแพร่ข้อมูลไม่ทันกำหนด"  # 2567: what plan 2568 was made from
WANTED = {  # what each document must print of what was typed
    "analysis": [ANALYSIS],
    "measures": [MEASURE, STEP],
    "progress-6": [MEASURE, RESULT],
    "progress-12": [MEASURE],
    "development": [MEASURE],
    "pack": [SOURCE_ANALYSIS, MEASURE, STEP],  # plan 2568's pack: the analysis of 2567
}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: bytes, folder) -> str:
    path = folder / "extract.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return squash(out.stdout.decode("utf-8"))


def orientations(pdf: bytes) -> list[str]:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return ["landscape" if p.mediabox.width > p.mediabox.height else "portrait" for p in pages]


def wait_built(qtbot, page, timeout: int = 30_000) -> None:
    qtbot.waitUntil(lambda: page.is_fresh() and page._building is None, timeout=timeout)


def _type_data(db, office_id: int) -> None:
    """What a clerk typed on the other pages: a measure with a step, its progress, a text."""
    measure_id = plan_builder.add_to_plan(
        db,
        office_id=office_id,
        plan_year=2568,
        measure=Measure(measure=MEASURE, steps=[STEP], indicator=1, indicators=[1]),
    )
    plans.set_progress(
        db,
        progress=Progress(measure_id=measure_id, round=6, status="ดำเนินการแล้ว", results=[RESULT]),
    )
    for year, text in ((2568, ANALYSIS), (2567, SOURCE_ANALYSIS)):
        assessment = results.find_assessment(db, office_id, year)
        results.set_analysis_text(db, assessment_id=assessment.id, key="overall", text=text)


@pytest.fixture
def demo(qtbot, tmp_path):
    """The main window on the demo office (year ๒๕๖๘), with typed data, on the reports page."""
    db_path = tmp_path / "demo.sqlite"
    office_id = prepare_demo(db_path)
    thai_fonts()
    window = open_window(qtbot, db_path, tmp_path, size=(1366, 768))
    window.session.call(lambda db: _type_data(db, office_id), writes=True)
    idle(qtbot, window)
    window.show_page("reports")
    page = window.page("reports")
    wait_built(qtbot, page)
    yield window, page
    window.close()


def test_every_document_is_built_previewed_and_prints_what_was_typed(qtbot, demo, tmp_path):
    window, page = demo
    assert window.context_bar.year() == 2568
    timings = {}
    for doc in DOCUMENTS:
        page.options.choose(doc.key)
        started = time.perf_counter()
        wait_built(qtbot, page)
        timings[doc.key] = (time.perf_counter() - started, page.preview.page_count())
        assert page.built.request.kind == doc.kind and page.built.request.round == doc.round
        assert page.built.request.year == 2568
        text = pdf_text(page.built.pdf, tmp_path)
        for typed in WANTED[doc.key]:
            assert squash(typed) in text, (doc.key, typed)
        if doc.key == "pack":
            assert squash(ANALYSIS) not in text  # 2568's results make the plan of 2569
        count = len(PdfReader(io.BytesIO(page.built.pdf)).pages)
        assert page.preview.page_count() == count == page.preview.thumbnails.count()
        assert page.preview.page_label.text().endswith(f"/ {_thai(count)}")
        assert page.save_button.isEnabled() and page.print_button.isEnabled()
    assert "แผนมาตรการปีงบประมาณ พ.ศ. ๒๕๖๘" not in page.options.year_note.text()  # pack's note
    print("\nbuild and show (s, pages):", {k: (round(s, 2), n) for k, (s, n) in timings.items()})


def _thai(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def test_the_year_printed_is_explained_and_missing_data_is_said(qtbot, demo):
    window, page = demo
    page.options.choose("analysis")
    wait_built(qtbot, page)
    note = page.options.year_note.text().replace("\u200b", "")
    assert note.startswith("พิมพ์ผลการประเมินปีงบประมาณ พ.ศ. ๒๕๖๘")
    page.options.choose("measures")
    note = page.options.year_note.text().replace("\u200b", "")
    assert "แผนมาตรการปีงบประมาณ พ.ศ. ๒๕๖๘ ซึ่งจัดทำจากผลการประเมินปี ๒๕๖๗" in note
    window.context_bar.select(year=2569)  # a plan year without results of its own
    idle(qtbot, window)
    page.options.choose("analysis")
    qtbot.waitUntil(lambda: not page.preview.showing_pdf())
    message = page.preview.message.text().replace("\u200b", "")
    assert "ยังไม่มีผลการประเมินปีงบประมาณ พ.ศ. ๒๕๖๙" in message
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled()
    page.options.choose("measures")
    wait_built(qtbot, page)
    assert page.built.request.year == 2569


def test_the_heading_and_hint_run_across_the_page_as_on_the_other_pages(qtbot, demo):
    window, page = demo
    assert page.heading.text() == "รายงาน ปีงบประมาณ พ.ศ. ๒๕๖๘"
    assert page.heading.styleSheet() == heading_label("any").styleSheet()
    assert page.note.styleSheet() == HINT_STYLE
    assert plain(page.note.text()).startswith("เลือกเอกสาร")
    assert not page.options.isAncestorOf(page.heading)

    def left(widget) -> int:
        return widget.mapTo(page, QPoint(0, 0)).x()

    def top(widget) -> int:
        return widget.mapTo(page, QPoint(0, 0)).y()

    assert left(page.heading) < left(page.options)
    assert left(page.heading) + page.heading.width() > left(page.preview)  # over both sides
    assert top(page.note) + page.note.height() <= min(top(page.options), top(page.preview))
    window.context_bar.select(year=2569)
    idle(qtbot, window)
    assert page.heading.text() == "รายงาน ปีงบประมาณ พ.ศ. ๒๕๖๙"


def test_building_and_a_long_status_never_widen_the_page(qtbot, demo):
    _window, page = demo
    qtbot.wait(20)  # the layout the finished build asked for
    narrowest = page.minimumSizeHint().width()
    page.progress.show()
    page._say("บันทึกแล้ว: " + "/โฟลเดอร์ที่ตั้งชื่อไว้ยาวมาก" * 12)
    qtbot.wait(20)
    assert page.minimumSizeHint().width() == narrowest
    page.progress.hide()


def test_thumbnails_and_pages_are_on_white(qtbot, demo):
    _window, page = demo
    icon_of = page.preview.thumbnails.item(0).icon
    qtbot.waitUntil(lambda: _has_ink(icon_of().pixmap(110, 155).toImage()), timeout=10_000)
    image = icon_of().pixmap(110, 155).toImage()
    assert image.pixelColor(1, 1).name() == "#ffffff"  # the margin: white, not transparent
    assert image.pixelColor(1, 1).alpha() == 255


def _has_ink(image) -> bool:
    return any(
        image.pixelColor(x, y).name() != "#ffffff"
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    )


def test_options_layout_digits_cover_and_signatories_reach_the_pdf(qtbot, demo, tmp_path):
    _window, page = demo
    options = page.options
    options.choose("analysis")
    names = [options.layout_box.itemData(i) for i in range(options.layout_box.count())]
    assert names == ["analysis", "analysis-001", "analysis-004"]
    options.choose_layout("analysis-004")
    wait_built(qtbot, page)
    assert page.built.request.layout == "analysis-004"
    options.choose("measures")
    assert options.layout_box.currentData() == "measures"
    wait_built(qtbot, page)
    assert set(orientations(page.built.pdf)) == {"landscape"}
    assert "นางสาวสมใจใจดี" in pdf_text(page.built.pdf, tmp_path)
    options.arabic_digits.setChecked(True)
    options.cover.setChecked(True)
    options.signers.item(0).setCheckState(Qt.CheckState.Unchecked)
    wait_built(qtbot, page)
    text = pdf_text(page.built.pdf, tmp_path)
    assert page.built.request.cover
    assert orientations(page.built.pdf)[0] == "portrait"  # the cover, before landscape tables
    assert "2568" in text and "๒๕๖๘" not in text
    assert "นางสาวสมใจใจดี" not in text and "นายสมศักดิ์รักษ์ธรรม" in text
    options.choose("pack")
    assert not options.layout_box.isEnabled()
    wait_built(qtbot, page)
    assert dict(page.built.request.layout) == {"analysis": "analysis-004"}


def test_an_edit_elsewhere_marks_the_preview_stale_and_it_is_rebuilt_on_return(
    qtbot, demo, tmp_path
):
    window, page = demo
    page.options.choose("measures")
    wait_built(qtbot, page)
    before = page.built
    window.show_page("measures")
    renamed = "ติดตั้งกล่องรับเรื่องร้องเรียนหน้าสำนักงาน"

    def rename(db):
        plan = plans.find_plan(db, 1, 2568)
        first = plan.measures[0]
        first.measure = renamed
        plans.update_measure(db, measure=first)

    window.session.call(rename, writes=True)
    idle(qtbot, window)
    assert not page.is_fresh() and page.built is before  # stale, and nothing built unseen
    window.show_page("reports")
    wait_built(qtbot, page)
    assert page.built is not before
    assert squash(renamed) in pdf_text(page.built.pdf, tmp_path)


class _AcceptingPrintDialog(QObject):
    """Stands in for the system print dialog: the clerk picks 'print to PDF' and presses OK."""

    accepted = Signal()
    opened: ClassVar[list[str]] = []

    def __init__(self, printer: QPrinter, parent=None):
        super().__init__(parent)
        self.printer = printer

    def setMinMax(self, low: int, high: int) -> None:
        self.range = (low, high)

    def open(self) -> None:
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(self.opened[0])
        self.printer.setResolution(72)  # the raster is capped at the printer's resolution
        self.accepted.emit()


def test_the_annual_pack_prints_every_page_upright(qtbot, demo, tmp_path):
    _window, page = demo
    page.options.choose("pack")
    wait_built(qtbot, page)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed-pack.pdf"
    printer.setOutputFileName(str(target))
    printer.setResolution(100)
    started = time.perf_counter()
    with qtbot.waitSignal(page.printed, timeout=60_000) as done:
        page.print_to(printer)
    seconds = time.perf_counter() - started
    qtbot.waitUntil(lambda: page.print_job is None)
    expected = orientations(page.built.pdf)
    assert done.args == [len(expected)]
    assert "landscape" in expected and "portrait" in expected
    assert orientations(target.read_bytes()) == expected
    print(f"\nprinted {len(expected)} pages at 100 dpi in {seconds:.2f} s")


def test_ctrl_p_prints_the_document_last_chosen_from_any_page(qtbot, demo, tmp_path, monkeypatch):
    window, page = demo
    target = tmp_path / "ctrl-p.pdf"
    monkeypatch.setattr(_AcceptingPrintDialog, "opened", [str(target)])
    monkeypatch.setattr(reports_module, "QPrintDialog", _AcceptingPrintDialog)
    page.options.choose("progress-6")
    wait_built(qtbot, page)
    window.show_page("office")
    window.activateWindow()
    with qtbot.waitSignal(page.printed, timeout=60_000) as done:
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is page
    assert done.args == [page.preview.page_count()]
    assert orientations(target.read_bytes()) == orientations(page.built.pdf)
    assert page.print_dialog.range == (1, page.preview.page_count())
    qtbot.waitUntil(lambda: page.print_job is None)


def test_save_as_pdf_writes_the_file_under_a_thai_name_and_opens_its_folder(
    qtbot, demo, tmp_path, monkeypatch
):
    _window, page = demo
    page.options.choose("measures")
    wait_built(qtbot, page)
    asked = []
    folder = tmp_path / "saved"
    folder.mkdir()

    def save_dialog(_parent, _caption, suggested, _filter):
        asked.append(suggested)
        return str(folder / "มาตรการปีนี้"), "ไฟล์ PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    assert not page.folder_button.isEnabled()
    with qtbot.waitSignal(page.pdf_saved, timeout=10_000) as saved:
        page.save_button.click()
    assert asked[0].endswith("/๒๕๖๘-มาตรการส่งเสริมคุณธรรมและความโปร่งใส-อบต.ตัวอย่าง.pdf")
    path = saved.args[0]
    assert path == folder / "มาตรการปีนี้.pdf"
    assert path.read_bytes() == page.built.pdf
    assert not list(folder.glob("*.part"))
    page.folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(folder))]

    page.options.choose("progress-12")  # saved from the menu before the preview is rebuilt
    with qtbot.waitSignal(page.pdf_saved, timeout=20_000):
        page.save_pdf()
    assert page.built.request.round == 12
    assert asked[1].endswith("/๒๕๖๘-รายงานผลการดำเนินการตามมาตรการ-รอบ๑๒เดือน-อบต.ตัวอย่าง.pdf")
    assert asked[1].startswith(str(folder))  # the folder saved to last time
    assert path.read_bytes() == page.built.pdf


def test_default_file_names_use_the_short_office_name():
    assert short_office_name("องค์การบริหารส่วนตำบลตัวอย่าง") == "อบต.ตัวอย่าง"
    assert short_office_name("เทศบาลเมืองบ้านใหม่") == "ทม.บ้านใหม่"
    assert short_office_name("สำนักงาน/ทดสอบ") == "สำนักงาน/ทดสอบ"

    class Context:
        year, office_name = 2569, "เทศบาลตำบล หนองบัว"

    names = {doc.key: default_file_name(Context, doc) for doc in DOCUMENTS}
    assert names["measures"] == "๒๕๖๙-มาตรการส่งเสริมคุณธรรมและความโปร่งใส-ทต.หนองบัว.pdf"
    assert names["progress-6"] == "๒๕๖๙-รายงานผลการดำเนินการตามมาตรการ-รอบ๖เดือน-ทต.หนองบัว.pdf"
    Context.office_name = 'อบต.ก/ข:"ค"'
    assert "/" not in default_file_name(Context, DOCUMENTS[0])


def test_gallery_reports_page(qtbot, demo):
    """The page as a clerk sees it: the demo's plan of ๒๕๖๙ (looked at by a person)."""
    window, page = demo
    window.context_bar.select(year=2569)
    idle(qtbot, window)
    page.options.choose("measures")
    wait_built(qtbot, page)
    qtbot.wait(300)  # thumbnails arrive from the renderer's thread
    assert save_grab(window, "gui-reports.png").stat().st_size > 0
