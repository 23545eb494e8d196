"""What the default documents of the seed offices say: no heading without anything under it,
"(ยังไม่มีข้อมูล)" once, no list marker on top of the clerk's own, labelled score rows, counts
from the criteria, no note to the clerk printed as an item, and no sign-off alone on a page."""

import pytest

from ita_desktop.domain.records import Measure
from ita_desktop.services import plans
from ita_desktop.services.criteria import apply_to_assessment, shipped_criteria
from ita_desktop.services.offices import create_office
from ita_desktop.services.reports import build_document
from ita_desktop.services.reports.model import (
    Items,
    entries_value,
    list_entries,
    numbered_entry,
    own_number,
)
from ita_desktop.storage import assessments as assessment_store
from reports.test_documents_support import Pdf, build, needs_poppler, seed_database, squash

pytestmark = needs_poppler

NONE = "(ยังไม่มีข้อมูล)"
# seed, kind, --year: each with its document's default layout, as the reviewed PDFs
CASES = {
    "000-analysis": ("000", "analysis", 2566),
    "000-development": ("000", "development", 2567),
    "000-progress": ("000", "progress", 2567),
    "001-analysis": ("001", "analysis", 2568),
    "001-development": ("001", "development", 2569),
    "004-analysis": ("004", "analysis", 2564),
    "004-development": ("004", "development", 2565),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("content")
    databases, out = {}, {}
    for case, (seed, kind, year) in CASES.items():
        if seed not in databases:
            databases[seed] = seed_database(folder, seed)
        db, office_id = databases[seed]
        out[case] = Pdf(build(db, office_id, kind=kind, year=year), folder, case)
    yield out
    for db, _ in databases.values():
        db.close()


# --- headings with nothing under them ----------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "heading"),
    [
        ("000-analysis", "๕.๑ ข้อเสนอแนะจากผู้ตรวจประเมิน"),
        ("004-analysis", "๕.๑ ข้อเสนอแนะจากผู้ตรวจประเมิน"),
        ("004-analysis", "๔. ข้อที่ได้คะแนนต่ำกว่าร้อยละ ๘๕"),
        ("000-development", "๓.๑ ข้อเสนอแนะจากผู้ตรวจ"),
        ("004-development", "๓.๒ ข้อเสนอแนะจากผู้มีส่วนได้เสียภายนอก (EIT Public)"),
    ],
)
def test_an_empty_section_says_so_in_one_line(pdfs, case, heading):
    assert squash(heading + NONE) in pdfs[case].flat
    assert squash(heading + NONE + NONE) not in pdfs[case].flat


def test_a_parent_heading_takes_no_line_and_a_full_section_none(pdfs):
    flat = pdfs["000-development"].flat
    assert squash("๓. ข้อเสนอแนะต่อผลการประเมิน") in flat
    assert squash("องค์การบริหารส่วนตำบลห้วยตะเคียน๓.๑") in flat  # ๓.'s last words, then ๓.๑
    assert squash("๓.๑ข้อเสนอแนะจากผู้ตรวจ(ยังไม่มีข้อมูล)๓.๒") in flat
    recommended = pdfs["001-analysis"].flat
    assert squash("๕.๑ ข้อเสนอแนะจากผู้ตรวจประเมินข้อเสนอแนะสำหรับการประเมินตาม") in recommended


def test_a_chain_of_headings_stays_with_the_first_lines_under_it(tmp_path):
    """001's "๒." and "๒.๑" headings once stayed at the foot of a page, their text on the next."""
    db, office_id = seed_database(tmp_path, "001")
    pdf = Pdf(build(db, office_id, kind="analysis", year=2568, layout="analysis-001"), tmp_path)
    (page,) = [i for i in range(len(pdf.pages)) if squash("๒. ข้อเสนอแนะต่อผล") in pdf.page_flat(i)]
    assert squash("๒.๑ ข้อเสนอแนะจากผู้ตรวจข้อเสนอแนะสำหรับการประเมินตาม") in pdf.page_flat(page)


def test_a_label_line_of_the_clerks_text_stays_with_the_paragraph_after_it(tmp_path):
    """001's "ส่วนที่ ๒ ผู้ประเมินจัดเก็บข้อมูล (EIT survey)" once ended page 4, its text on 5."""
    db, office_id = seed_database(tmp_path, "001")
    pdf = Pdf(
        build(db, office_id, kind="development", year=2569, layout="development-001"), tmp_path
    )
    label = squash("ส่วนที่ ๒ ผู้ประเมินจัดเก็บข้อมูล (EIT survey)")
    (page,) = [i for i in range(len(pdf.pages)) if label in pdf.page_flat(i)]
    assert squash("(EIT survey)เทศบาลตำบล") in pdf.page_flat(page)


def test_the_ranking_without_rows_says_it_once(pdfs):
    """The ranking table and its highest/lowest rows are both empty in 000's analysis."""
    flat = pdfs["000-analysis"].flat
    assert squash(f"ตารางที่ ๓ อันดับคะแนนรายตัวชี้วัด{NONE}๔. ข้อที่ได้คะแนน") in flat
    for case in ("000-analysis", "004-analysis", "000-development"):
        assert squash(NONE + NONE) not in pdfs[case].flat, case


def _layout(tmp_path, blocks: str):
    path = tmp_path / "sections.toml"
    path.write_text(
        'kind = "measures"\ntitle = "ทดสอบ"\n[page]\norientation = "portrait"\n' + blocks,
        encoding="utf-8",
    )
    return str(path)


def test_sections_of_a_layout(db, tmp_path):
    from builders import sample_office

    office_id = create_office(db, office=sample_office())
    plans.start_plan(db, office_id=office_id, year=2569)
    layout = _layout(
        tmp_path,
        "\n".join(
            f'[[blocks]]\nkind = "{kind}"\n' + (f'text = "{text}"\n' if text else "")
            for kind, text in [
                ("heading", "๑. หัวข้อแม่"),
                ("heading", "๑.๑ มีเนื้อหา"),
                ("paragraph", "เนื้อหาของหัวข้อ"),
                ("heading", "๑.๒ ไม่มีเนื้อหา"),
                ("comments", ""),
                ("poll", "หัวข้อย่อยของแบบสอบถาม"),
                ("heading", "๒. หัวข้อสุดท้าย"),
                ("signoff", ""),
            ]
        ),
    )
    flat = Pdf(
        build_document(db, kind="measures", office_id=office_id, year=2569, layout=layout),
        tmp_path,
    ).flat
    assert squash(f"๑. หัวข้อแม่๑.๑ มีเนื้อหาเนื้อหาของหัวข้อ๑.๒ ไม่มีเนื้อหา{NONE}") in flat
    assert squash(f"๒. หัวข้อสุดท้าย{NONE}ลงชื่อ") in flat
    assert "หัวข้อย่อยของแบบสอบถาม" not in flat


# --- list markers ------------------------------------------------------------------------------


def test_our_number_replaces_the_clerks_dash(pdfs):
    raw = pdfs["000-progress"].raw
    assert squash("๒. จัดให้บุคลากรภายใน") in raw and squash("๓. มีกิจกรรมเสริมสร้าง") in raw
    assert "๒.-" not in raw and "๓.-" not in raw


@pytest.mark.parametrize("case", ["001-analysis", "001-development"])
def test_the_polls_own_numbers_take_no_dash(pdfs, case):
    flat = pdfs[case].flat
    assert squash("๑) ไม่มีปัญหาเลย ๔๘.๓๖ %") in flat
    assert "-๑)" not in flat and "-๕)" not in flat


def test_list_markers():
    assert own_number("๑) ไม่มีปัญหาเลย") == "๑)"
    assert own_number("(๒) ผลการวิเคราะห์") == "(๒)"
    assert own_number("1.จัดทำคู่มือ") == "1."
    assert own_number("๘๕.๕๐ คะแนน") == "" and own_number("๑.๑ หัวข้อ") == ""
    assert own_number("2566 ปีงบประมาณ") == ""
    assert numbered_entry("๒", "-จัดให้บุคลากร") == "๒. จัดให้บุคลากร"
    assert numbered_entry("๓", "- มีกิจกรรม") == "๓. มีกิจกรรม"
    assert numbered_entry("๓", "• มีกิจกรรม") == "๓. มีกิจกรรม"
    assert numbered_entry("๔", "๑) จัดทำคู่มือ") == "๑) จัดทำคู่มือ"
    assert list_entries(["- ก", "-ข", " "]) == (("ก", "ข"), False)
    assert list_entries(["- ๑) ก", "๒) ข"]) == (("๑) ก", "๒) ข"), True)
    # a list the clerk numbered keeps its sub-points as written
    assert list_entries(["๑. ก", "- ข"]) == (("๑. ก", "- ข"), True)


def test_cells_keep_the_clerks_numbers_and_lose_bare_dashes():
    assert entries_value(["- ประชุม", "-ประกาศ"]) == Items(("ประชุม", "ประกาศ"))
    assert entries_value(["๑.ประชุม", "๒.ประกาศ"], "มาตรการ") == "มาตรการ\n๑.ประชุม\n๒.ประกาศ"


def test_steps_numbered_by_the_clerk_print_once_numbered(db, tmp_path):
    from builders import sample_office

    office_id = create_office(db, office=sample_office())
    plan_id = plans.start_plan(db, office_id=office_id, year=2569)
    plans.add_measure(
        db,
        plan_id=plan_id,
        measure=Measure(measure="- มาตรการทดสอบ", steps=["๑.ประชุมชี้แจง", "๒.ประกาศผล"]),
    )
    pdf = Pdf(build_document(db, kind="progress", office_id=office_id, year=2569), tmp_path)
    assert squash("๑. มาตรการทดสอบ") in pdf.raw and "๑.-" not in pdf.raw
    assert squash("๑.ประชุมชี้แจง๒.ประกาศผล") in pdf.raw
    assert "๑.๑." not in pdf.raw and "๒.๒." not in pdf.raw


# --- score rows, counts, item texts ------------------------------------------------------------


@pytest.mark.parametrize("case", ["000-analysis", "001-development", "004-development"])
def test_each_indicators_score_row_is_labelled(pdfs, case):
    """One "คะแนนของตัวชี้วัด" for each of the ten indicators (analysis and development)."""
    raw = pdfs[case].raw
    assert raw.count("คะแนนของตัวชี้วัด") - raw.count("คะแนนของตัวชี้วัดนี้") == 10


def test_item_counts_come_from_the_criteria(pdfs):
    flat = pdfs["000-analysis"].flat
    assert squash("แบบวัด IIT จำนวน ๓๐ ข้อ มีคะแนนรายข้อ ๔ ข้อ ทั้ง ๔ ข้อได้คะแนน") in flat
    assert squash("แบบวัด IIT จำนวน ๔ ข้อ") not in flat


def test_no_draft_contradicts_the_clerks_counts(pdfs):
    """004 has no item scores; its clerk wrote the counts under ๒. The program adds nothing."""
    flat = pdfs["004-analysis"].flat
    assert squash("(IIT) จำนวน ๓๐ ข้อ มีจำนวน ๑๔ ข้อ ที่ได้คะแนนน้อยกว่าร้อยละ ๘๕") in flat
    assert "ยังไม่มีคะแนนรายข้อ" not in flat


def test_an_item_of_unknown_wording_prints_by_its_code(tmp_path):
    """The 2564 criteria do not know E7, E9 and E10: read with them, the item rows hold the code."""
    db, office_id = seed_database(tmp_path, "004")
    assessment_id = assessment_store.find_assessment_id(db, office_id, 2564)
    apply_to_assessment(db, assessment_id=assessment_id, criteria=shipped_criteria()[2564])
    for kind, year in (("analysis", 2564), ("development", 2565)):
        pdf = Pdf(build(db, office_id, kind=kind, year=year), tmp_path, kind)
        assert "ยังไม่ทราบ" not in pdf.flat and "โปรดแก้ไข" not in pdf.flat
        for code in ("E๗", "E๙", "E๑๐"):
            assert f"{code}-" in pdf.raw  # the code, then the score cell
    db.close()


# --- the sign-off ------------------------------------------------------------------------------

INTRO = "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ องค์การบริหารส่วนตำบลได้ดำเนินการ "
SIGNATURE = ("ลงชื่อ", "นายทดสอบ", "ปลัด", "หน้า")


def _last_page_body(pdf: Pdf) -> list[str]:
    last = pdf.pages[-1]
    return [
        line for line in last.splitlines() if line.strip() and not any(s in line for s in SIGNATURE)
    ]


@pytest.mark.parametrize("repeats", [25, 27, 29])
def test_a_plan_without_measures_keeps_its_last_line_with_the_sign_off(db, tmp_path, repeats):
    """An intro of 16–18 lines leaves room for "(ยังไม่มีข้อมูล)" but not for the sign-off."""
    from builders import sample_office

    office_id = create_office(db, office=sample_office())
    plan_id = plans.start_plan(db, office_id=office_id, year=2569)
    plans.update_plan(db, plan_id=plan_id, intro=INTRO * repeats)
    pdf = Pdf(build_document(db, kind="measures", office_id=office_id, year=2569), tmp_path)
    assert len(pdf.pages) == 2 and "ลงชื่อ" in pdf.pages[-1]
    assert squash(NONE) in squash("".join(_last_page_body(pdf)))


def test_a_last_paragraph_gives_its_last_two_lines_to_the_sign_off(db, tmp_path):
    from builders import sample_office

    office_id = create_office(db, office=sample_office())
    plans.start_plan(db, office_id=office_id, year=2569)
    layout = _layout(
        tmp_path,
        f'[[blocks]]\nkind = "title"\n[[blocks]]\nkind = "paragraph"\ntext = "{INTRO * 31}"\n'
        '[[blocks]]\nkind = "signoff"\n',
    )
    pdf = Pdf(
        build_document(db, kind="measures", office_id=office_id, year=2569, layout=layout),
        tmp_path,
    )
    assert len(pdf.pages) == 2 and "ลงชื่อ" in pdf.pages[-1]
    assert len(_last_page_body(pdf)) == 2
