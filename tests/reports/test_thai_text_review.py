"""The text layer after the second review: linear line filling, bold styles measured in bold,
abbreviations kept with their number, and glyphs drawn for characters the font lacks."""

import subprocess

from reportlab.platypus import SimpleDocTemplate

from ita_desktop.services.reports.text import (
    ThaiParagraph,
    ThaiStyles,
    measure_runs,
    text_width,
    thai_fonts,
    thai_paragraph,
    wrap_text,
)
from ita_desktop.services.reports.text.segment import atoms
from ita_desktop.services.reports.text.shaping import _glyphs
from ita_desktop.services.reports.text.wrap import break_spans
from reports.test_documents_support import PRIVATE_USE, needs_poppler

SIZE = 11.0
LONG = "องค์การบริหารส่วนตำบลมีความสำคัญต่อการพัฒนาท้องถิ่นและการบริการประชาชน" * 12


def test_line_filling_measures_each_atom_once_and_each_line_once():
    font = thai_fonts().regular
    calls = []

    def chunk_width(a, b):
        calls.append(b - a)
        return text_width(LONG[a:b], font, SIZE)

    spans = break_spans(LONG, [200.0], chunk_width, lambda a, b: 0.0)
    count = len(atoms(LONG))
    # every atom once, every line once more to check it: linear in the text, where measuring
    # the growing line for each word added was quadratic
    assert len(calls) <= count + len(spans) + 4
    assert sum(calls) <= 3 * len(LONG)


def test_a_line_too_wide_as_drawn_gives_atoms_back():
    """Kerning across atoms can make a line wider than the sum of its atoms: measured as drawn,
    the line hands its last atoms to the next one."""
    font = thai_fonts().regular

    def chunk_width(a, b):  # a made-up font that kerns words apart by 3 points
        return text_width(LONG[a:b], font, SIZE) + 3 * (len(atoms(LONG[a:b])) - 1)

    spans = break_spans(LONG, [150.0], chunk_width, lambda a, b: 0.0)
    assert "".join(LONG[a:b] for a, b in spans) == LONG
    assert all(chunk_width(a, b) <= 150.0 for a, b in spans)


def test_abbreviation_stays_with_its_number():
    font = thai_fonts().regular
    text = "รายงานผลการดำเนินงานประจำปี พ.ศ. ๒๕๖๗ และ ต.ค. ๒๕๖๘ - ก.ย. ๒๕๖๙"
    for width in range(60, 260, 7):
        lines = wrap_text(text, width, font, SIZE)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for line in lines:
            assert not line.endswith(("พ.ศ.", "ต.ค.", "ก.ย.")), (width, lines)
    # wider than a line together: cut at the space, never inside either
    narrow = max(text_width("พ.ศ.", font, SIZE), text_width("๒๕๖๘", font, SIZE)) + 2
    assert wrap_text("พ.ศ. ๒๕๖๘", narrow, font, SIZE) == ["พ.ศ.", "๒๕๖๘"]


def test_ita_terms_are_not_cut_while_they_fit():
    assert ("ตัวชี้วัด", 1) in atoms("ผลการวิเคราะห์ตัวชี้วัดที่นำไปปฏิบัติ")
    assert ("ประจำปีงบประมาณ", 1) in atoms("ประจำปีงบประมาณ พ.ศ. ๒๕๖๙")


def test_bold_style_is_measured_in_bold():
    styles = ThaiStyles.create()
    bold = styles.derive(styles.body, fontName=styles.fonts.bold)
    text = "ผลการวิเคราะห์ตัวชี้วัดที่นำไปปฏิบัติ"
    regular_width = measure_runs(text, styles.body)
    assert measure_runs(text, bold) > regular_width
    width = regular_width + 1  # one line in the regular face, two in bold
    paragraph = ThaiParagraph(text, bold)
    paragraph.wrap(width, 1000)
    assert len(paragraph.blPara.lines) == 2
    assert measure_runs([(text, True)], styles.body) == measure_runs(text, bold)


def test_missing_characters_are_drawn_not_notdef():
    fonts = thai_fonts()
    for font in (fonts.regular, fonts.bold):
        for ch in "□✓☑☒✗○●☃":
            assert all(g[1] != 0 for g in _glyphs(font, f"ก{ch}ข")), (font, ch)
        assert text_width("□", font, SIZE) > text_width("ก", font, SIZE) * 0.8


@needs_poppler
def test_drawn_characters_read_back_as_themselves(tmp_path):
    path = tmp_path / "marks.pdf"
    styles = ThaiStyles.create()
    text = "□ เข้าถึงง่าย ✓ ดำเนินการแล้ว ☑ ☒ ✗ ○ ●"
    SimpleDocTemplate(str(path)).build(
        [thai_paragraph(text, styles.body), thai_paragraph(text, styles.heading)]
    )
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert out.split("\n")[:2] == [text, text]
    assert not PRIVATE_USE.search(out)
