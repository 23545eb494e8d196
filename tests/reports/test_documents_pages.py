"""How the pages are filled: groups cut at a row boundary, continued tables at a page's top,
sign-off kept with the last table, titles that name both years, and the gallery script writing
where it is told."""

import importlib.util
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ita_desktop.services.demo import create_demo
from ita_desktop.services.reports import build_document
from reports.test_documents_support import Pdf, needs_poppler, seed_database, squash

pytestmark = needs_poppler
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_analysis(tmp_path_factory):
    from ita_desktop.storage.database import open_database

    folder = tmp_path_factory.mktemp("demo")
    db = open_database(folder / "demo.sqlite")
    office_id, _ = create_demo(db)
    pdf = Pdf(build_document(db, kind="analysis", office_id=office_id, year=2568), folder)
    db.close()
    return pdf


def _page_of(pdf: Pdf, text: str) -> list[int]:
    return [i for i in range(len(pdf.pages)) if squash(text) in pdf.page_flat(i)]


def test_a_group_that_does_not_fit_is_cut_at_a_row_boundary(demo_analysis):
    """Indicator ๙ (twenty items, its analysis spanning them) starts on the page indicator ๘
    ends on, its analysis continued beside the rest of its items under the repeated header,
    instead of leaving half a page empty."""
    pdf = demo_analysis
    table = [i for i in _page_of(pdf, "ข้อคำถาม")]  # pages of the per-indicator table
    eight = [i for i in table if squash("๘. การปรับปรุงการทำงาน") in pdf.page_flat(i)]
    assert eight and squash("๙. การเปิดเผยข้อมูล") in pdf.page_flat(eight[0])
    later = eight[0] + 1
    assert later in table  # the header, repeated over the rest of the group
    assert squash("การเปิดโอกาสให้เกิดการมีส่วนร่วม") in pdf.page_flat(later)


def test_a_heading_goes_over_with_the_count_and_the_first_item_under_it(demo_analysis):
    """The count sentence keeps its first item, and the heading keeps both."""
    (heading,) = _page_of(demo_analysis, "๔. ข้อที่ได้คะแนนต่ำกว่าร้อยละ ๘๕")
    assert _page_of(demo_analysis, "แบบวัด IIT จำนวน ๑๕ ข้อ") == [heading]
    assert heading in _page_of(demo_analysis, "- i๑๑ เจ้าหน้าที่ในหน่วยงาน")


def test_the_sign_off_follows_the_last_table(demo_analysis):
    pdf = demo_analysis
    last = pdf.page_flat(len(pdf.pages) - 1)
    assert "ลงชื่อ" in last and "ผลการวิเคราะห์" in last  # not alone on a page of its own


def test_development_001_names_the_results_year_and_the_plan_year(tmp_path):
    db, office_id = seed_database(tmp_path, "001")
    pdf = Pdf(
        build_document(
            db, kind="development", office_id=office_id, year=2569, layout="development-001"
        ),
        tmp_path,
    )
    db.close()
    first = pdf.page_flat(0)
    # as the seed: "การนำผลการประเมิน ITA ไปสู่การพัฒนา… ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"
    assert squash("ไปสู่การพัฒนาเทศบาลตำบลต้นหยงมัสประจำปีงบประมาณพ.ศ.๒๕๖๘") in first
    assert squash("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๙") in first


def test_the_gallery_script_writes_only_where_it_is_told(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "make_gallery", ROOT / "scripts" / "make_gallery.py"
    )
    gallery = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gallery)
    docs = ROOT / "docs" / "gallery"
    before = {p: p.stat().st_mtime_ns for p in docs.glob("*.png")}
    assert gallery.main(["--out", str(tmp_path), "measures-004"]) == 0
    assert (tmp_path / "measures-004-1.png").stat().st_size > 10_000
    assert {p: p.stat().st_mtime_ns for p in docs.glob("*.png")} == before


def _filled(pdf: Pdf, folder: Path) -> list[float]:
    """How far down each page's frame (top 2.5 cm, bottom 2 cm) something is printed, 0–1."""
    from PIL import Image

    subprocess.run(
        ["pdftoppm", "-r", "30", "-gray", str(pdf.path), str(folder / "fill")], check=True
    )
    out = []
    for path in sorted(folder.glob("fill*.pgm")):
        image = Image.open(path)
        width, height = image.size
        cm = height / (29.7 if height > width else 21.0)
        top, bottom = int(2.5 * cm), int(height - 2 * cm)
        pixels, last = image.load(), top
        for y in range(top, bottom):
            if any(pixels[x, y] < 200 for x in range(width)):
                last = y
        out.append((last - top) / (bottom - top))
    return out


def test_no_page_of_the_demo_analysis_is_left_part_empty(demo_analysis, tmp_path):
    """Every page but the last is at least 80 % filled: a heading and the start of what follows
    it (two lines, or a table's header and first row) take the room left at a page's foot."""
    pdf = demo_analysis
    filled = _filled(pdf, tmp_path)
    sizes = pdf.sizes()
    turns = [i for i in range(len(sizes) - 1) if sizes[i] != sizes[i + 1]]
    # the page before a landscape section ends where the portrait part ends
    assert min(f for i, f in enumerate(filled[:-1]) if i not in turns) >= 0.8, filled


def test_development_turns_landscape_only_for_the_plan(tmp_path):
    from ita_desktop.storage.database import open_database

    db = open_database(tmp_path / "demo.sqlite")
    office_id, _ = create_demo(db)
    pdf = Pdf(build_document(db, kind="development", office_id=office_id, year=2569), tmp_path)
    db.close()
    sizes = [w > h for w, h in pdf.sizes()]
    first = sizes.index(True)
    assert squash("๕. แนวทางการพัฒนา") in pdf.page_flat(first)
    assert all(sizes[first:]) and not any(sizes[:first])
    assert _page_of(pdf, "๔. การวิเคราะห์ผลการประเมิน ITA") == _page_of(
        pdf, "สถานการณ์การทุจริตของหน่วยงาน"
    )
    filled = _filled(pdf, tmp_path)
    # the page before the landscape plan ends where the portrait table ends; the one before
    # the last may give its last lines to the sign-off
    assert min(f for i, f in enumerate(filled[:-2]) if i != first - 1) >= 0.8, filled


def test_the_sign_off_takes_the_last_lines_of_the_plan_rather_than_stand_alone(tmp_path):
    """Seed 000's plan ends 53 pt above the page's foot, too little for any sign-off: its last
    group (heading and row) goes over with it under the repeated header."""
    db, office_id = seed_database(tmp_path, "000")
    pdf = Pdf(build_document(db, kind="development", office_id=office_id, year=2567), tmp_path)
    db.close()
    last = pdf.page_flat(len(pdf.pages) - 1)
    assert "ลงชื่อ" in last
    assert squash("ผลการวิเคราะห์ตัวชี้วัดที่นำไปปฏิบัติ") in last  # the header, repeated
    assert squash("๑๐. การป้องกันการทุจริต") in last
    before = pdf.page_flat(len(pdf.pages) - 2)
    assert squash("๙. การเปิดเผยข้อมูล") in before and "ลงชื่อ" not in before


def _word_tops(pdf: Pdf, word: str) -> list[tuple[float, list[float]]]:
    """Per page: where its first word is, and where each ``word`` is (pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf.path), "-"], capture_output=True, check=True
    ).stdout
    pages = []
    for page in ET.fromstring(out).iter("{http://www.w3.org/1999/xhtml}page"):
        words = list(page.iter("{http://www.w3.org/1999/xhtml}word"))
        top = min(float(w.get("yMin")) for w in words)
        pages.append((top, [float(w.get("yMin")) for w in words if w.text == word]))
    return pages


@pytest.mark.parametrize(("seed", "year"), [("000", 2567), ("003", 2566)])
def test_a_table_continues_under_its_header_only_at_the_top_of_a_page(tmp_path, seed, year):
    """Seed 000's and 003's indicator ๕ is cut at a row boundary with room left on the page:
    the rest of the table starts the next page rather than that room, under a header repeated
    in the middle of the page."""
    db, office_id = seed_database(tmp_path, seed)
    pdf = Pdf(build_document(db, kind="development", office_id=office_id, year=year), tmp_path)
    db.close()
    pages = [(top, headers) for top, headers in _word_tops(pdf, "ข้อคำถาม") if headers]
    assert len(pages) > 2
    assert all(len(headers) == 1 for _, headers in pages), pages
    # on the pages it continues on, the header is the first row of the page
    assert all(abs(headers[0] - top) < 3 for top, headers in pages[1:]), pages
