"""Each seed fixture printed in the layout of its seed: every cell's text is in the PDF, and the
PDF is searchable, embeds subset fonts, has the right pages and repeats table headers."""

from datetime import date

import pytest

from ita_desktop.domain.records import STATUSES
from ita_desktop.i18n.thai import format_date, format_number
from reports.test_documents_support import (
    A4,
    PRIVATE_USE,
    Pdf,
    build,
    fixture_content,
    lines,
    needs_poppler,
    period_text,
    seed_database,
)

pytestmark = needs_poppler

# seed, layout, kind, --year, round, orientation of the first page
CASES = {
    "000": ("progress-000", "progress", 2567, 6, "landscape"),
    "001": ("development-001", "development", 2569, None, "portrait"),
    "003": ("progress-003", "progress", 2566, 6, "landscape"),
    "004a": ("analysis-004", "analysis", 2564, None, "portrait"),
    "004m": ("measures-004", "measures", 2565, None, "landscape"),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed-pdfs")
    out = {}
    databases = {}
    for case, (layout, kind, year, round_, _) in CASES.items():
        seed = case[:3]
        if seed not in databases:
            databases[seed] = seed_database(folder, seed)
        db, office_id = databases[seed]
        data = build(db, office_id, kind=kind, year=year, round=round_, layout=layout)
        out[case] = Pdf(data, folder, layout)
    yield out
    for db, _ in databases.values():
        db.close()


def _measure_texts(measure, *, steps=True, follow_up=True) -> list[str]:
    texts = [*lines(measure.issue), *lines(measure.measure), *measure.responsible]
    if steps:
        texts += [line for step in measure.steps for line in lines(step)]
    if follow_up:
        texts += lines(measure.follow_up)
    return texts


def _done(progress) -> str:
    if progress.date_done:
        return f"{progress.status} เมื่อวันที่ {format_date(date.fromisoformat(progress.date_done))}"
    return progress.status


def test_seed_000_progress_cells(pdfs):
    content = fixture_content("000")
    plan = content.plans[0]
    expected = [*lines(plan.intro)]
    for m in plan.measures:
        expected += _measure_texts(m) + lines(m.analysis) + [period_text(m.period)]
        p = m.progress["6"]
        expected += [r for r in p.results] + lines(p.outcome) + lines(p.remark)
    assert pdfs["000"].missing(expected) == []
    flat = pdfs["000"].flat
    assert "๑.ด้านIITพบว่า" in flat and "๒.ด้านEITพบว่า" in flat
    assert "รอบ๖เดือน(เดือนตุลาคม๒๕๖๖-มีนาคม๒๕๖๗)" in flat
    # the three status sub-columns under ผลการดำเนินการ
    for status in STATUSES:
        assert status.replace(" ", "") in flat


def test_seed_001_development_cells(pdfs):
    content = fixture_content("001")
    assessment, plan = content.assessments[0], content.plans[0]
    criteria = content.criteria[str(assessment.criteria_year)]
    expected = [*lines(plan.intro)]
    for text in (
        *assessment.analysis_texts.values(),
        *assessment.recommendations.values(),
        assessment.stakeholder_comments,
    ):
        expected += lines(text)
    expected += [f"{a.answer} {format_number(a.percent)} %" for a in assessment.poll]
    expected += [f"{item.code} {item.text}" for item in criteria.items]
    expected += [f"{ind.number}. {ind.name}" for ind in criteria.indicators]
    for m in plan.measures:
        expected += _measure_texts(m, follow_up=False) + lines(m.analysis)
        expected.append(period_text(m.period))
    pdf = pdfs["001"]
    assert pdf.missing(expected) == []
    # the clerk's sentence wins over the draft (the seed's own slip "ลดลง ๕.๖" is kept)
    assert "ลดลง๕.๖คะแนน" in pdf.flat
    for n in (1, 2, 3):
        assert f"ภาพที่{format_number(n, 0)}" in pdf.flat


def test_seed_003_progress_cells(pdfs):
    content = fixture_content("003")
    plan = content.plans[0]
    expected = [*lines(plan.intro)]
    for m in plan.measures:
        expected += _measure_texts(m)
        expected.append(_done(m.progress["6"]))
    assert pdfs["003"].missing(expected) == []
    assert "รอบ๖เดือน(เดือนตุลาคม๒๕๖๕-มีนาคม๒๕๖๖)" in pdfs["003"].flat


def test_seed_004_analysis_cells(pdfs):
    content = fixture_content("004")
    assessment = content.assessments[0]
    criteria = content.criteria[str(assessment.criteria_year)]
    expected = []
    for key, text in assessment.analysis_texts.items():
        expected += lines(text)
        if key.startswith("item:"):
            item = criteria.item(key[5:])
            expected.append(f"{item.code} {item.text}")
    scores = {s.key: s.value for s in assessment.scores if s.scope == "indicator"}
    expected += [
        f"{ind.name}{format_number(scores[str(ind.number)])}" for ind in criteria.indicators
    ]  # the ranked table: name, then its score
    pdf = pdfs["004a"]
    assert pdf.missing(expected) == []
    assert "คะแนนสูงสุด๙๓.๕๗" in pdf.flat and "คะแนนต่ำสุด๓๗.๕๐" in pdf.flat


def test_seed_004_measures_cells(pdfs):
    content = fixture_content("004")
    plan = content.plans[0]
    expected = [*lines(plan.intro)]
    for n, m in enumerate(plan.measures, start=1):
        expected += [*_measure_texts(m), f"{n}. {m.measure}"]
        if m.period.kind == "months":
            expected.append(period_text(m.period, short_year=True))
        else:
            expected += lines(m.period.text)
    assert pdfs["004m"].missing(expected) == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_text_is_searchable(pdfs, case):
    pdf = pdfs[case]
    assert not PRIVATE_USE.findall(pdf.text)
    assert "\u0e4d\u0e32" not in pdf.text  # ำ read back as ำ, not as ํ + า


@pytest.mark.parametrize("case", sorted(CASES))
def test_fonts_embedded_and_subset(pdfs, case):
    fonts = pdfs[case].fonts()
    assert fonts
    for font in fonts:
        assert (font["emb"], font["sub"], font["uni"]) == ("yes", "yes", "yes"), font


@pytest.mark.parametrize("case", sorted(CASES))
def test_pages_are_a4_in_the_layouts_orientation(pdfs, case):
    sizes = pdfs[case].sizes()
    portrait, landscape = A4, (A4[1], A4[0])
    assert all(size in (portrait, landscape) for size in sizes)
    first = CASES[case][4]
    assert sizes[0] == (portrait if first == "portrait" else landscape)


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_page_is_numbered(pdfs, case):
    pdf = pdfs[case]
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages, start=1):
        label = f"หน้า {format_number(number, 0)} / {format_number(total, 0)}"
        assert label.replace(" ", "") in page.replace(" ", "")


def test_development_plan_repeats_its_header_on_every_page(pdfs):
    pdf = pdfs["001"]
    header = "ผลการวิเคราะห์ตัวชี้วัดที่นำไปปฏิบัติ"
    start = next(i for i, page in enumerate(pdf.pages) if header in page.replace("\n", ""))
    for page in range(start, len(pdf.pages)):
        flat = pdf.page_flat(page)
        assert header in flat or ("ลงชื่อ" in flat and "การป้องกันการทุจริต" not in flat)


def test_progress_000_header_above_every_continued_table(pdfs):
    pdf = pdfs["000"]
    for page in range(1, len(pdf.pages)):
        flat = pdf.page_flat(page)
        if "ทุกส่วนราชการ" in flat or "สำนักปลัด" in flat:
            assert "ผลการดำเนินการ" in flat and "ดำเนินการแล้ว" in flat


def test_the_default_analysis_table_shows_the_instruments_the_chart_shows(tmp_path):
    """Seed 004 (๒๕๖๔) holds only indicator scores: table ๑ prints each instrument's score
    computed from them, as its chart does, not a dash."""
    from ita_desktop.services.reports import build_document
    from reports.test_documents_support import seed_database

    db, office_id = seed_database(tmp_path, "004")
    pdf = Pdf(build_document(db, kind="analysis", office_id=office_id, year=2564), tmp_path)
    db.close()
    for code, score in (("IIT", "๘๗.๙๘"), ("EIT", "๘๒.๑๘"), ("OIT", "๖๐.๗๘")):
        assert f"{code}-{score}-" in pdf.flat  # the row: code, no figure for ๒๕๖๓, score, no diff
