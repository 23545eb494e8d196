"""Where printed lines broke inside words (the page-by-page review): government vocabulary cut by
newmm, item codes cut between letter and digits, numbered items wrapped for a wider first line
than ReportLab gives them."""

import re

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from ita_desktop.services.reports.text import (
    ThaiParagraph,
    ThaiStyles,
    numbered_list,
    segment,
    text_width,
    wrap_text,
)
from ita_desktop.services.reports.text.paragraphs import _line_widths
from ita_desktop.services.reports.text.segment import FIXED, add_words, atoms
from ita_desktop.services.reports.text.vocabulary import KEEP_WHOLE

# (text as the reports print it, the word a line broke inside)
REVIEWED = [
    ("สำนักงาน ป.ป.ช. ได้กำหนดเกณฑ์ ปีงบประมาณ พ.ศ. ๒๕๖๙ ให้หน่วยงานแสดงการนำผล", "หน่วยงาน"),
    ("การจัดซื้อจัดจ้างไม่เป็นไปตามขั้นตอนที่กำหนด", "ขั้นตอน"),
    ("ได้คะแนนเพิ่มขึ้น แต่ยังเป็นตัวชี้วัดที่ได้คะแนนต่ำสุด", "ตัวชี้วัด"),
    ("งานบริหารทั่วไป สำนักปลัดเทศบาล และงานประชาสัมพันธ์", "ประชาสัมพันธ์"),
    ("งานพัสดุและทรัพย์สิน กองคลัง", "กองคลัง"),
    ("จากการวิเคราะห์ผลการประเมินการใช้ทรัพย์สินของราชการ พบว่า", "พบว่า"),
    ("จุดบริการของสำนักปลัด", "สำนักปลัด"),
    ("ช่องทางการใช้งาน โดยดำเนินการปรับปรุงข้อมูลพื้นฐาน", "ดำเนินการ"),
    ("ผู้รับผิดชอบ กองคลัง กองช่าง กองการศึกษาฯ", "กองช่าง"),
    ("แจ้งบุคลากรรับทราบ เนื่องจากรายงานการรับทรัพย์สินและประโยชน์อื่นใด", "รายงาน"),
    ("ผลการประเมินในภาพรวมอยู่ในระดับ (ผ่านดี)", "ผ่านดี"),
    ("ประชาสัมพันธ์ผ่านหอกระจายข่าวของหมู่บ้าน", "หอกระจายข่าว"),
    ("ครุภัณฑ์ในแต่ละส่วนงานเป็นระยะ", "ส่วนงาน"),
]
CODES = ["i๑๕", "e๖", "E๑๑", "o๑๔", "i15"]


@pytest.fixture(scope="module")
def cell():
    styles = ThaiStyles.create()
    return styles.derive(styles.table_cell, 14)


def _cuts(text: str, width: float, style: ParagraphStyle) -> set[int]:
    """Where ``wrap_text`` ends lines in ``text`` (positions in the text)."""
    lines = wrap_text(text, width, style.fontName, style.fontSize)
    cuts, pos = set(), 0
    for line in lines[:-1]:
        pos = text.index(line, pos) + len(line)
        cuts.add(pos)
    return cuts


@pytest.mark.parametrize(("text", "word"), REVIEWED)
def test_no_line_ends_inside_a_word_of_the_vocabulary(text, word, cell):
    assert word in KEEP_WHOLE
    assert text_width(word, cell.fontName, cell.fontSize) < 60  # so it fits at every width
    start = text.index(word)
    inside = set(range(start + 1, start + len(word)))
    for width in range(60, 301):
        assert not _cuts(text, width, cell) & inside, (word, width)


@pytest.mark.parametrize(
    ("text", "atom"),
    [
        ("มาตรการคุ้มครองผู้ร้องเรียน", "ผู้ร้องเรียน"),
        ("คู่มือและผู้อนุญาต", "ผู้อนุญาต"),
        ("ตัวชี้วัดที่ ๓ การใช้อำนาจ", "การใช้อำนาจ"),
    ],
)
def test_a_line_never_ends_with_the_word_that_makes_a_noun(text, atom):
    assert (atom, 1) in atoms(text)


def test_the_words_that_make_nouns_are_not_glued_over_a_space():
    assert [a for a, _ in atoms("การ ความ ผู้ O12")] == ["การ", " ", "ความ", " ", "ผู้", " ", "O12"]


def test_the_word_newmm_cut_is_one_atom_and_its_neighbours_stay_words():
    # ให้|หน่วย|งานแสดง, ตาม|ขั้น|ตอนที่, เป็นตัว|ชี้|วัด: newmm glues a piece to a neighbour
    assert [a for a, _ in atoms("ให้หน่วยงานแสดง")] == ["ให้", "หน่วยงาน", "แสดง"]
    assert [a for a, _ in atoms("ตามขั้นตอนที่กำหนด")] == ["ตาม", "ขั้นตอน", "ที่", "กำหนด"]
    assert [a for a, _ in atoms("แต่ยังเป็นตัวชี้วัดที่ได้")][2:5] == ["เป็น", "ตัวชี้วัด", "ที่"]
    assert ("กองคลัง", 1) in atoms("ทรัพย์สินกองคลัง")
    assert ("พบว่า", 1) in atoms("ผลการประเมินพบว่า")


def test_a_rest_of_no_word_stays_glued_to_the_kept_word():
    # newmm gives ["หน่วย", "งานฎฎ"]: "ฎฎ" is no word, so no line may start with it
    assert segment._keep_whole("หน่วยงานฎฎ", ["หน่วย", "งานฎฎ"]) == ["หน่วยงานฎฎ"]
    assert segment._keep_whole("ให้หน่วยงานแสดง", ["ให้", "หน่วย", "งานแสดง"]) == [
        "ให้",
        "หน่วยงาน",
        "แสดง",
    ]


def test_newmm_segments_with_the_vocabulary_in_its_dictionary():
    dictionary = segment._dictionary()
    assert "กองคลัง" in dictionary and "ประชาสัมพันธ์" in dictionary
    assert len(dictionary) == len(set(dictionary))  # the overlay adds only what is lacking
    assert "กองคลัง" in segment._tokenize("ทรัพย์สินกองคลัง")


def test_a_kept_word_is_still_cut_in_a_column_narrower_than_it(cell):
    width = text_width("ประชาสัมพันธ์", cell.fontName, cell.fontSize) - 5
    lines = wrap_text("งานประชาสัมพันธ์", width, cell.fontName, cell.fontSize)
    assert "".join(lines) == "งานประชาสัมพันธ์"
    assert all(text_width(line, cell.fontName, cell.fontSize) <= width for line in lines)


@pytest.fixture
def fresh_vocabulary(monkeypatch):
    """Only the shipped vocabulary (documents built before add their offices' names)."""
    caches = (segment._dictionary, segment._keep_pattern, atoms, segment.finer)
    monkeypatch.setattr(segment, "_keep", set(KEEP_WHOLE))
    for cached in caches:
        cached.cache_clear()
    yield
    monkeypatch.undo()
    for cached in caches:
        cached.cache_clear()


def test_place_names_of_the_office_can_be_added(fresh_vocabulary):
    text = "องค์การบริหารส่วนตำบลลาดหญ้า พบว่า"
    assert ("ลาดหญ้า", 1) not in atoms(text)  # no dictionary has the names of places
    add_words(["ลาดหญ้า", " กาญจนบุรี ", "two words", ""])
    assert ("ลาดหญ้า", 1) in atoms(text)
    assert "two words" not in segment._keep


@pytest.mark.parametrize("code", CODES)
def test_an_item_code_is_one_atom(code):
    assert (code, FIXED) in atoms(f"คะแนนต่ำ แต่ข้อ {code} ความเชื่อมั่น")
    assert (code, FIXED) in atoms(f"โดยข้อ{code}ได้คะแนน")
    assert ("(" + code + ")", FIXED) in atoms(f"ข้อคำถาม ({code}) ได้คะแนน")


def test_a_line_never_ends_between_an_item_codes_letter_and_digits(cell):
    text = "ได้คะแนนเพิ่มขึ้นจากปีที่ผ่านมา แต่ข้อ " + " และข้อ ".join(CODES) + " ต่ำที่สุด"
    inside = {m.start() + 1 for m in re.finditer("[A-Za-z][0-9๐-๙]", text)}
    for width in range(40, 301):
        assert not _cuts(text, width, cell) & inside, width


STEP = (
    "กองยุทธศาสตร์และงบประมาณ งานแผนและงบประมาณ ดำเนินการวิเคราะห์ผลการประเมิน ITA พ.ศ. ๒๕๖๘ "
    "เพื่อค้นหาจุดแข็งที่ต้องดำเนินการรักษาไว้และพัฒนาให้ดีขึ้น"
)


def _drawn_lines(paragraph: ThaiParagraph, width: float) -> tuple[int, int]:
    """(lines we laid out, lines ReportLab draws) of ``paragraph`` at ``width``."""
    paragraph.wrap(width, 10_000)
    return paragraph.text.count("<br/>") + 1, len(paragraph.blPara.lines)


@pytest.mark.parametrize("numbering", ["thai", "arabic", "dash"])
def test_numbered_items_are_drawn_in_the_lines_we_laid_out(numbering, cell):
    for count in (2, 11):  # labels "๑." "๒." only, and ๑.–๑๑. (the widest sets the indent)
        for width in [168.0, *range(100, 400, 7)]:
            for item in numbered_list([STEP] * count, cell, numbering):
                ours, drawn = _drawn_lines(item, width)
                assert ours == drawn, (numbering, count, width, item.bulletText)


def test_a_cell_labelled_after_it_was_wrapped_is_wrapped_again_for_its_label(cell):
    # The measures table makes the item at its column width, then sets the label (cells.py).
    hanging = numbered_list(["-"] * 4, cell)[0].style
    squeezed = ParagraphStyle("squeezed", parent=hanging, leftIndent=4)  # a label wider than it
    for style in (hanging, squeezed):
        item = ThaiParagraph(STEP, style, width=168.0)
        item.bulletText = "๑."
        ours, drawn = _drawn_lines(item, 168.0)
        assert ours == drawn


def test_labels_leave_the_first_line_its_full_width_under_the_hanging_indent(cell):
    """The first line starts where the later lines hang: ReportLab puts it 0.6 of the label's
    size after the label, so the hanging indent must leave at least that."""
    labels = [p.bulletText for p in numbered_list(["ข้อ"] * 12, cell)]
    item = numbered_list(["ข้อ"] * 12, cell)[0]
    style = item.style
    for label in labels:
        end = style.bulletIndent + stringWidth(label, style.bulletFontName, style.bulletFontSize)
        assert end + 0.6 * style.bulletFontSize <= style.leftIndent + 1e-9, label
        first, rest = _line_widths(style, 168.0, label)
        assert first == rest


def test_a_document_keeps_its_offices_own_names_whole(db, fresh_vocabulary):
    from dataclasses import replace

    from builders import fill_sample_year, sample_office

    from ita_desktop.services.offices import create_office
    from ita_desktop.services.reports.model import load_document, place_words

    office = replace(sample_office(), name="อบต.ลาดหญ้า", district="อำเภอเมืองกาญจนบุรี")
    assert place_words(office)[:3] == ["ลาดหญ้า", "เมืองกาญจนบุรี", "กาญจนบุรี"]
    office_id = create_office(db, office=office)
    fill_sample_year(db, office_id)
    text = "องค์การบริหารส่วนตำบลลาดหญ้า อำเภอเมืองกาญจนบุรี"
    assert ("ลาดหญ้า", 1) not in atoms(text)
    load_document(db, kind="analysis", office_id=office_id, year=2568)
    assert ("ลาดหญ้า", 1) in atoms(text)
    assert ("เมืองกาญจนบุรี", 1) in atoms(text)
