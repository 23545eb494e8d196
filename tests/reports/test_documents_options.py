"""Document options and hard cases: giant cells, digits, the same bytes twice, cover, pack,
a clerk's own layout, sign-off and the progress callback."""

import subprocess
import sys

import pytest

from ita_desktop.domain.records import Measure, Period, Signatory
from ita_desktop.errors import UserError
from ita_desktop.services import plans, results
from ita_desktop.services.demo import create_demo
from ita_desktop.services.offices import create_office
from ita_desktop.services.reports import build_document, list_layouts
from ita_desktop.services.reports.layouts import shipped_dir, user_dir
from reports.test_documents_support import PRIVATE_USE, Pdf, needs_poppler, seed_database, squash

pytestmark = needs_poppler

WORDS = (
    "การประเมินคุณธรรมและความโปร่งใส ในการดำเนินงานของหน่วยงานภาครัฐ "
    "องค์การบริหารส่วนตำบลได้ดำเนินการประชาสัมพันธ์ข้อมูลข่าวสาร ผ่านช่องทางที่หลากหลาย "
    "เพื่อให้ประชาชนเข้าถึงได้ง่าย สะดวก รวดเร็ว และประหยัดค่าใช้จ่ายในการเดินทาง "
)
START, END = "เริ่มต้นข้อความยาวมาก", "สิ้นสุดข้อความยาวมาก"


def giant(length: int = 6000) -> str:
    body = (WORDS * (length // len(WORDS) + 1))[:length]
    return f"{START} {body.strip()} {END}"


@pytest.fixture
def giant_office(db):
    from builders import fill_sample_year, sample_office

    office_id = create_office(db, office=sample_office())
    assessment_id, plan_id = fill_sample_year(db, office_id)
    plans.add_measure(
        db,
        plan_id=plan_id,
        measure=Measure(
            measure=giant(),
            issue=giant(6000),
            steps=["สั้น", giant(6000)],
            responsible=["สำนักปลัด"],
            period=Period("months", "2025-10", "2026-09"),
            indicator=4,
        ),
    )
    results.set_analysis_text(db, assessment_id=assessment_id, key="indicator:1", text=giant(6000))
    return office_id


def _pages_with(pdf: Pdf, text: str) -> list[int]:
    return [i for i in range(len(pdf.pages)) if squash(text) in pdf.page_flat(i)]


@pytest.mark.parametrize("layout", ["measures", "measures-004", "progress-12m", "progress-000"])
def test_a_giant_cell_continues_on_the_next_pages(db, giant_office, tmp_path, layout):
    kind = layout.split("-")[0]
    pdf = Pdf(
        build_document(
            db,
            kind=kind,
            office_id=giant_office,
            year=2569,
            round=6 if kind == "progress" else None,
            layout=layout,
        ),
        tmp_path,
    )
    first, last = _pages_with(pdf, START), _pages_with(pdf, END)
    assert first and last and max(last) > min(first)
    # the continued table still has its header on the page where the giant text ends
    header = {
        "measures": "มาตรการ/แนวทาง",
        "measures-004": "วิธีการดำเนินการ",
        "progress-12m": "สรุปผลดำเนินการ",
        "progress-000": "ผลการดำเนินการ",
    }[layout]
    assert header in pdf.page_flat(max(last))
    assert not PRIVATE_USE.findall(pdf.text)


def test_a_giant_spanned_analysis_cell_continues(db, giant_office, tmp_path):
    pdf = Pdf(build_document(db, kind="analysis", office_id=giant_office, year=2568), tmp_path)
    first, last = _pages_with(pdf, START), _pages_with(pdf, END)
    assert first and last and max(last) > min(first)


def test_arabic_digits_by_option(tmp_path):
    db, office_id = seed_database(tmp_path, "001")
    thai = Pdf(
        build_document(db, kind="analysis", office_id=office_id, year=2568), tmp_path, "thai"
    )
    arabic = Pdf(
        build_document(db, kind="analysis", office_id=office_id, year=2568, digits="arabic"),
        tmp_path,
        "arabic",
    )
    assert "๙๓.๙๖" in thai.flat and "93.96" not in thai.flat
    assert "93.96" in arabic.flat and "2568" in arabic.flat
    assert not any("๐" <= ch <= "๙" for ch in arabic.flat)
    assert "หน้า1/" in arabic.page_flat(0)


def test_the_same_data_gives_the_same_bytes(tmp_path):
    db, office_id = seed_database(tmp_path, "004")
    options = {"kind": "measures", "office_id": office_id, "year": 2565, "layout": "measures-004"}
    once = build_document(db, **options)
    assert build_document(db, **options) == once
    db.close()
    out = tmp_path / "cli.pdf"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "ita_desktop",
            "report",
            "measures",
            "--db",
            str(tmp_path / "seed004.sqlite"),
            "--year",
            "2565",
            "--layout",
            "measures-004",
            "-o",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == once  # another process, a cold start: still the same bytes


@pytest.fixture
def demo(db):
    office_id, _ = create_demo(db)
    return office_id


def test_cover_page_is_not_numbered(db, demo, tmp_path):
    pdf = Pdf(build_document(db, kind="analysis", office_id=demo, year=2568, cover=True), tmp_path)
    assert "หน้า" not in pdf.page_flat(0)
    assert "องค์การบริหารส่วนตำบลตัวอย่าง" in pdf.page_flat(0)
    total = len(pdf.pages) - 1
    assert f"หน้า๑/{total}".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) in pdf.page_flat(1)


def test_annual_pack_of_the_demo_office(db, demo, tmp_path):
    fractions = []
    data = build_document(
        db,
        kind="pack",
        office_id=demo,
        year=2569,
        progress=lambda fraction, step: fractions.append(fraction),
    )
    pdf = Pdf(data, tmp_path)
    assert len(pdf.pages) >= 20
    for title in (
        "การวิเคราะห์ผลการประเมิน",
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        "รายงานผลการดำเนินการ",
        "การนำผลการประเมินITAไปสู่การพัฒนา",
    ):
        assert squash(title) in pdf.flat
    for name in ("นางสาวสมใจใจดี", "นายสมศักดิ์รักษ์ธรรม", "นายประสิทธิ์มั่นคง"):
        assert name in pdf.flat  # the office's signatories sign every part
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    sizes = {size[0] > size[1] for size in pdf.sizes()}
    assert sizes == {True, False}  # portrait prose and landscape tables in one file
    assert not PRIVATE_USE.findall(pdf.text)


def test_signatories_can_be_given(db, demo, tmp_path):
    who = [Signatory("นายทดลอง ลงนาม", "รองปลัด", "ผู้ตรวจสอบ")]
    pdf = Pdf(
        build_document(db, kind="measures", office_id=demo, year=2569, signatories=who), tmp_path
    )
    assert "(นายทดลองลงนาม)" in pdf.flat and "นางสาวสมใจ" not in pdf.flat


def test_a_clerk_copies_a_layout_and_changes_its_columns(db, demo, tmp_path):
    folder = user_dir()
    folder.mkdir(parents=True)
    text = (shipped_dir() / "measures-004.toml").read_text(encoding="utf-8")
    text = text.replace('header = "การติดตามผล"', 'header = "การรายงานผลต่อผู้บริหาร"')
    text = text.replace(
        '  [[blocks.columns]]\n  header = "ผู้รับผิดชอบ"\n  field = "responsible"\n  width = 1.6\n', ""
    )
    (folder / "ของฉัน.toml").write_text(text, encoding="utf-8")
    mine = next(i for i in list_layouts("measures") if i.name == "ของฉัน")
    assert mine.user
    pdf = Pdf(
        build_document(db, kind="measures", office_id=demo, year=2569, layout="ของฉัน"), tmp_path
    )
    # the header as drawn, cell after cell: the responsible column is gone, the last renamed
    assert "มาตรการ/แนวทางวิธีการดำเนินการระยะเวลาดำเนินการการรายงานผลต่อผู้บริหาร" in pdf.raw


def test_missing_data_is_a_thai_user_error(db, demo):
    with pytest.raises(UserError, match="ยังไม่มีผลการประเมิน"):
        build_document(db, kind="analysis", office_id=demo, year=2550)
    with pytest.raises(UserError, match="ยังไม่มีแผนมาตรการ"):
        build_document(db, kind="progress", office_id=demo, year=2550, round=6)
    with pytest.raises(UserError, match="ไม่พบรูปแบบเอกสาร"):
        build_document(db, kind="analysis", office_id=demo, year=2568, layout="ไม่มี")
    with pytest.raises(UserError, match="ใช้กับเอกสารประเภท"):
        build_document(db, kind="analysis", office_id=demo, year=2568, layout="progress-000")


def test_an_office_with_almost_nothing_still_prints_every_layout(db, tmp_path):
    from builders import sample_office, small_criteria

    from ita_desktop.services.criteria import save_criteria

    save_criteria(db, small_criteria(2568))
    office_id = create_office(db, office=sample_office())
    results.start_assessment(db, office_id=office_id, year=2568)
    plans.start_plan(db, office_id=office_id, year=2569)
    years = {"analysis": 2568, "measures": 2569, "progress": 2569, "development": 2569}
    for info in list_layouts():
        data = build_document(
            db,
            kind=info.kind,
            office_id=office_id,
            year=years[info.kind],
            round=12 if info.kind == "progress" else None,
            layout=info.name,
        )
        assert data.startswith(b"%PDF")
    assert build_document(db, kind="pack", office_id=office_id, year=2569).startswith(b"%PDF")


def test_the_cover_carries_the_logo(db, demo, tmp_path):
    import io

    from PIL import Image

    from ita_desktop.services.offices import update_office

    buffer = io.BytesIO()
    Image.new("RGB", (120, 120), (31, 95, 153)).save(buffer, format="PNG")
    update_office(db, office_id=demo, logo=buffer.getvalue())
    pdf = Pdf(build_document(db, kind="measures", office_id=demo, year=2569, cover=True), tmp_path)
    cover = pdf.reader.pages[0]
    images = [
        x
        for x in cover["/Resources"]["/XObject"].values()
        if x.get_object()["/Subtype"] == "/Image"
    ]
    assert images and "หน้า" not in pdf.page_flat(0)
