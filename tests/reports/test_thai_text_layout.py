"""Thai flowables: tall cells split into continuation rows, numbered lists, escaping, re-wrap."""

import re
import subprocess

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from ita_desktop.services.reports.text import (
    NumberedCanvas,
    ThaiStyles,
    numbered_canvas,
    numbered_list,
    split_tall_row,
    split_tall_text,
    thai_digits,
    thai_paragraph,
)

TALL = " ".join(
    f"ขั้นตอนที่ {thai_digits(str(i))} จัดประชุมชี้แจงบุคลากรขององค์การบริหารส่วนตำบล"
    "เพื่อสร้างความเข้าใจเรื่องการเปิดเผยข้อมูลสาธารณะ"
    for i in range(1, 90)
)


@pytest.fixture(scope="module")
def styles():
    return ThaiStyles.create()


def pdftotext(path, *args):
    return subprocess.run(
        ["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def squeeze(text):
    return re.sub(r"\s+", "", text)


def doc(path):
    return SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=3 * cm,
        rightMargin=2 * cm,
        topMargin=2.5 * cm,
        bottomMargin=2.5 * cm,
    )


def test_a_cell_taller_than_a_page_splits_into_rows_that_fit(tmp_path, styles):
    style = styles.table_cell
    width = 8 * cm
    padding = 6  # Table's default top + bottom padding (3 + 3)
    frame = doc(tmp_path / "x.pdf")
    max_height = A4[1] - 5 * cm - 12 - padding - 40  # frame less its padding, a header row
    pieces = split_tall_text(TALL, style, width - 12, max_height)
    assert len(pieces) >= 2
    assert squeeze("".join(pieces)) == squeeze(TALL)
    for piece in pieces:
        _, height = thai_paragraph(piece, style).wrap(width - 12, 10_000)
        assert height <= max_height

    header = [
        thai_paragraph("ขั้นตอนหรือวิธีการดำเนินการ", styles.table_header),
        thai_paragraph("ผู้รับผิดชอบ", styles.table_header),
    ]
    commands = styles.table_commands()

    def table(rows):
        t = Table([header, *rows], colWidths=[width, 4 * cm], repeatRows=1)
        t.setStyle(TableStyle(commands))
        return t

    with pytest.raises(LayoutError):  # why the split is needed: a row never splits (splitInRow=0)
        frame.build([table([[thai_paragraph(TALL, style), "สำนักปลัด"]])])

    rows = split_tall_row([TALL, "สำนักปลัด"], [style, style], [width - 12, 4 * cm - 12], max_height)
    assert [r[1] for r in rows] == ["สำนักปลัด"] + [""] * (len(rows) - 1)
    path = tmp_path / "tall.pdf"
    doc(path).build(
        [table([[thai_paragraph(a, style), thai_paragraph(b, style)] for a, b in rows])],
        canvasmaker=NumberedCanvas,
    )
    text = pdftotext(path)
    assert squeeze(TALL) in squeeze(
        re.sub(
            r"หน้า [๐-๙]+ / [๐-๙]+|ขั้นตอนหรือวิธีการดำเนินการ"
            r"|ผู้รับผิดชอบ|สำนักปลัด",
            "",
            text,
        )
    )


def test_split_tall_text_refuses_a_height_below_one_line(styles):
    with pytest.raises(ValueError):
        split_tall_text("ข้อความ", styles.table_cell, 100, styles.table_cell.leading - 1)


def test_numbered_list_labels_and_hanging_indent(tmp_path, styles):
    items = [
        "จัดประชุมชี้แจงแนวทางการปฏิบัติงานให้แก่บุคลากรขององค์การบริหารส่วนตำบลทุกคนอย่างต่อเนื่องเป็นประจำทุกเดือน",
        "เผยแพร่ข้อมูล",
    ]
    thai = numbered_list(items, styles.body)
    assert [p.bulletText for p in thai] == ["๑.", "๒."]
    assert [p.bulletText for p in numbered_list(items, styles.body, "arabic", start=9)] == [
        "9.",
        "10.",
    ]
    assert [p.bulletText for p in numbered_list(items, styles.body, "dash")] == ["-", "-"]
    with pytest.raises(ValueError):
        numbered_list(items, styles.body, "roman")
    first = thai[0]
    assert first.style.leftIndent > first.style.bulletIndent  # later lines under the text
    _, height = first.wrap(300, 1000)
    assert height > styles.body.leading  # it wrapped, under its own indent
    path = tmp_path / "list.pdf"
    doc(path).build(thai)
    lines = [ln.strip() for ln in pdftotext(path, "-raw").splitlines() if ln.strip()]
    assert lines[0].startswith("๑. จัดประชุม")
    assert squeeze("".join(lines)) == squeeze("๑." + items[0] + "๒." + items[1])


def test_user_text_is_escaped_not_read_as_markup(tmp_path, styles):
    path = tmp_path / "escape.pdf"
    text = 'ใช้ <b>ตัวหนา</b> & "อัญประกาศ" <br/> ตามเดิม'
    doc(path).build([thai_paragraph(text, styles.body)])
    assert squeeze(pdftotext(path)) == squeeze(text)


def test_bold_runs_use_the_bold_font(styles):
    p = thai_paragraph([("ผลการวิเคราะห์: ", True), "ได้คะแนนเพิ่มขึ้น"], styles.body)
    p.wrap(400, 100)
    fonts = {word.fontName for line in p.blPara.lines for word in line.words}
    assert fonts == {styles.fonts.regular, styles.fonts.bold}


def test_paragraph_rewraps_for_each_width(styles):
    p = thai_paragraph("องค์การบริหารส่วนตำบลบ้านนามีความสำคัญ " * 4, styles.table_cell)
    _, narrow = p.wrap(60, 10_000)
    _, wide = p.wrap(400, 10_000)
    assert narrow > wide
    _, again = p.wrap(60, 10_000)
    assert again == narrow


def test_invisible_characters_are_dropped(tmp_path, styles):
    path = tmp_path / "zwsp.pdf"
    doc(path).build([thai_paragraph("ผู้ใหญ่\u200bบ้าน\ufeff", styles.body)])
    assert squeeze(pdftotext(path)) == "ผู้ใหญ่บ้าน"


def test_numbered_canvas_can_be_configured(tmp_path, styles):
    canvas = numbered_canvas(label=lambda page, total: thai_digits(f"- {page} -"), y=28 * cm)
    path = tmp_path / "top.pdf"
    doc(path).build([thai_paragraph("เนื้อหา", styles.body)], canvasmaker=canvas)
    assert "- ๑ -" in pdftotext(path, "-raw")
    with pytest.raises(TypeError):
        numbered_canvas(colour="red")
