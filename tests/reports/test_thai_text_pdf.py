"""Thai in real PDFs: HarfBuzz's glyphs on the page, exact text for pdftotext, embedded fonts."""

import inspect
import re
import subprocess
from pathlib import Path
from struct import unpack_from

import pytest
import reportlab
import uharfbuzz as hb
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle, paragraph

from ita_desktop.services.reports.text import (
    NumberedCanvas,
    ThaiCanvas,
    ThaiStyles,
    draw_thai_string,
    hooks_installed,
    numbered_list,
    pdffont,
    thai_fonts,
    thai_paragraph,
    wrap_text,
)

TORTURE = "ที่ น้ำ ปี่ ฐู ญู ฎู ฏู ปั้น ฝั่ง ฟ้า ปิ่น สิ่งที่"
PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")


def pdftotext(path, *args):
    return subprocess.run(
        ["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def squeeze(text):
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def styles():
    return ThaiStyles.create()


# -- reading glyph outlines back from TrueType data --------------------------------------


def ttf_tables(data):
    count = unpack_from(">H", data, 4)[0]
    tables = {}
    for i in range(count):
        tag, _, offset, length = unpack_from(">4sLLL", data, 12 + 16 * i)
        tables[tag.decode()] = data[offset : offset + length]
    return tables


def glyph_table(data):
    tables = ttf_tables(data)
    count = unpack_from(">H", tables["maxp"], 4)[0]
    long_loca = unpack_from(">h", tables["head"], 50)[0]
    loca = (
        unpack_from(f">{count + 1}L", tables["loca"])
        if long_loca
        else [2 * o for o in unpack_from(f">{count + 1}H", tables["loca"])]
    )
    return [tables["glyf"][loca[i] : loca[i + 1]] for i in range(count)], tables


def leaves(glyphs, gid, dx=0, dy=0):
    """The simple (outline) glyphs drawn for ``gid``, as (outline bytes, x, y) at an origin."""
    data = glyphs[gid]
    if len(data) < 10:
        return []  # an empty glyph (a space)
    if unpack_from(">h", data)[0] >= 0:
        return [(data.rstrip(b"\0"), dx, dy)]
    out, pos, flags = [], 10, 0x20
    while flags & 0x20:
        flags, child = unpack_from(">HH", data, pos)
        assert flags & 0x0002, "components placed by points are not expected"
        assert not flags & 0x00C8, "scaled components are not expected"
        x, y = unpack_from(">hh" if flags & 0x0001 else ">bb", data, pos + 4)
        pos += 8 if flags & 0x0001 else 6
        out += leaves(glyphs, child, dx + x, dy + y)
    return out


def drawn_outlines(pdf_path):
    """Outlines and positions (font units from the first glyph's origin) of a one-line page,
    and the PDF operators seen."""
    reader = PdfReader(pdf_path)
    page = reader.pages[0]
    fonts = page["/Resources"]["/Font"]
    operators, out = [], []
    pen = 0.0
    font = None
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        operators.append(op)
        if op == b"Tf":
            desc = fonts[operands[0]].get_object()
            data = desc["/FontDescriptor"]["/FontFile2"].get_data()
            glyphs, tables = glyph_table(data)
            cmap = tables["cmap"]
            first, count = unpack_from(">HH", cmap, 12 + 6)
            ids = unpack_from(f">{count}H", cmap, 12 + 10)
            font = (
                glyphs,
                {first + i: g for i, g in enumerate(ids)},
                [float(w) for w in desc["/Widths"]],
                int(desc["/FirstChar"]),
            )
        elif op in (b"Tj", b"TJ"):
            items = operands[0] if op == b"TJ" else [operands[0]]
            glyphs, cmap, widths, first = font
            for item in items:
                if isinstance(item, (int, float)) or type(item).__name__ in (
                    "NumberObject",
                    "FloatObject",
                ):
                    pen -= float(item)
                    continue
                raw = getattr(item, "original_bytes", None) or bytes(item)
                for code in raw:
                    out += [(o, round(pen + x), y) for o, x, y in leaves(glyphs, cmap[code])]
                    pen += widths[code - first]
    return out, operators


def harfbuzz_outlines(text, font_file):
    """What HarfBuzz draws for ``text`` word by word (as ReportLab shapes it), spaces between."""
    blob = hb.Blob.from_file_path(font_file)
    face = hb.Face(blob)
    font = hb.Font(face)
    glyphs, _ = glyph_table(Path(font_file).read_bytes())
    space = font.get_nominal_glyph(ord(" "))
    names, out, pen = [], [], 0
    for i, word in enumerate(text.split(" ")):
        if i:
            pen += font.get_glyph_h_advance(space)
        buf = hb.Buffer()
        buf.add_str(word)
        buf.guess_segment_properties()
        hb.shape(font, buf, {"kern": True, "liga": True})
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
            names.append(font.glyph_to_string(info.codepoint))
            out += leaves(glyphs, info.codepoint, pen + pos.x_offset, pos.y_offset)
            pen += pos.x_advance
    return out, names


def test_torture_line_is_drawn_with_harfbuzz_glyphs_at_harfbuzz_positions(tmp_path, styles):
    fonts = thai_fonts()
    font_file = pdfmetrics.getFont(fonts.regular).face.filename
    expected, names = harfbuzz_outlines(TORTURE, font_file)
    # The line is a real test: HarfBuzz substitutes and moves glyphs in it.
    assert {"thoThanthai.less", "yoYingthai.less", "uni0E48.small", "uni0E4D0E49"} <= set(names)

    as_paragraph = tmp_path / "paragraph.pdf"
    canvas = ThaiCanvas(str(as_paragraph), pagesize=A4)
    para = thai_paragraph(TORTURE, styles.body)
    para.wrapOn(canvas, 500, 100)
    para.drawOn(canvas, 50, 700)
    canvas.save()
    as_string = tmp_path / "string.pdf"
    canvas = ThaiCanvas(str(as_string), pagesize=A4)
    draw_thai_string(canvas, 50, 700, TORTURE, fonts.regular, fonts.size(16))
    canvas.save()

    # A control: the same line drawn unshaped (ReportLab's canvas) does not pass.
    unshaped = tmp_path / "unshaped.pdf"
    canvas = Canvas(str(unshaped), pagesize=A4, initialFontName=fonts.regular)
    canvas.setFont(fonts.regular, fonts.size(16))
    canvas.drawString(50, 700, TORTURE)
    canvas.save()
    assert len(expected) > 30
    assert drawn_outlines(unshaped)[0] != expected

    for pdf in (as_paragraph, as_string):
        drawn, operators = drawn_outlines(pdf)
        assert drawn == expected, pdf.name
        # Marks sit in the run of their consonant: no text rise, no separate text operation.
        assert b"Ts" not in operators
        assert operators.count(b"TJ") + operators.count(b"Tj") == 1
        assert squeeze(pdftotext(pdf)) == squeeze(TORTURE)
        assert squeeze(pdftotext(pdf, "-raw")) == squeeze(TORTURE)


def test_thai_page_extracts_exactly_with_no_private_use_characters(tmp_path, styles):
    paragraphs = [
        "องค์การบริหารส่วนตำบลบ้านนา ได้นำผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ"
        "หน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ มาวิเคราะห์ ซึ่งมีความสำคัญอย่างยิ่ง",
        "ปู่ย่า ผู้ใหญ่บ้าน และผู้มีส่วนได้ส่วนเสีย ร่วมประชุมเมื่อเดือน มี.ค. ๒๕๖๘ ได้คะแนน ๙๓.๙๖",
        TORTURE,
        "น้ำท่วมขังบ้านเรือนประชาชน ให้ความช่วยเหลือเร่งด่วน ฯลฯ ทุกๆ ปี (ตามระเบียบ)",
    ]
    cell = "องค์การบริหารส่วนตำบลสำคัญมาก ปู่ย่า ผู้ใหญ่"
    steps = ["จัดประชุมชี้แจงบุคลากร", "เผยแพร่ข้อมูลทางเว็บไซต์"]
    path = tmp_path / "page.pdf"
    story = [thai_paragraph(p, styles.body) for p in paragraphs]
    story += numbered_list(steps, styles.body)
    table = Table([[thai_paragraph(cell, styles.table_cell)]], colWidths=[2.2 * cm])
    table.setStyle(TableStyle(styles.table_commands()))
    story += [Spacer(1, 12), table]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, canvasmaker=ThaiCanvas)

    source = "".join(paragraphs) + "๑." + steps[0] + "๒." + steps[1] + cell
    for text in (pdftotext(path), pdftotext(path, "-raw"), PdfReader(path).pages[0].extract_text()):
        assert not PRIVATE_USE.search(text)
        assert "\u0e4d\u0e32" not in text  # ำ read as ํ + า
        assert squeeze(text) == squeeze(source)

    # Line by line, with the spaces the source has and no others (no "ปั้ น").
    width = A4[0] - 2 * 72
    expected = [
        line
        for p in paragraphs
        for line in wrap_text(p, width, styles.body.fontName, styles.body.fontSize)
    ]
    got = [line.strip() for line in pdftotext(path, "-raw").splitlines()]
    assert got[: len(expected)] == expected


def test_fonts_are_embedded_and_subset(tmp_path, styles):
    path = tmp_path / "fonts.pdf"
    table = Table(
        [
            [thai_paragraph([("ตัวหนา ", True), ("ปกติ", False)], styles.table_cell)],
            ["สตริงธรรมดาในตาราง ปู่ย่า"],
        ]
    )
    table.setStyle(TableStyle(styles.table_commands()))
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [thai_paragraph(TORTURE, styles.body), table], canvasmaker=NumberedCanvas
    )
    rows = pdftotext_fonts(path)
    assert rows, "no fonts listed"
    for name, emb, sub in rows:
        assert (emb, sub) == ("yes", "yes"), name
    names = {name.split("+", 1)[1] for name, _, _ in rows}
    assert names == {"Sarabun-Light", "Sarabun-Bold"}  # no stray unembedded Helvetica
    assert squeeze("ตัวหนาปกติสตริงธรรมดาในตารางปู่ย่า") in squeeze(pdftotext(path))


def pdftotext_fonts(path):
    out = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return [(cols[0], cols[-5], cols[-4]) for cols in (line.split() for line in out)]


def test_page_footers_read_page_x_of_n(tmp_path, styles):
    path = tmp_path / "footer.pdf"
    story = [
        thai_paragraph("หน้าแรก", styles.body),
        paragraph_break(),
        thai_paragraph("หน้าสอง", styles.body),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, canvasmaker=NumberedCanvas)
    assert "หน้า ๑ / ๒" in pdftotext(path, "-f", "1", "-l", "1")
    assert "หน้า ๒ / ๒" in pdftotext(path, "-f", "2", "-l", "2")


def paragraph_break():
    from reportlab.platypus import PageBreak

    return PageBreak()


def test_paragraph_split_over_pages_is_reshaped_from_its_text(tmp_path, styles):
    # Split parts are re-wrapped from already shaped text: it must not turn into tofu.
    text = " ".join(["ผู้ใหญ่บ้านและปู่ย่าน้ำท่วมสำคัญยิ่ง ปั้นฝั่งฟ้า"] * 160)
    path = tmp_path / "split.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [thai_paragraph(text, styles.body_indented)], canvasmaker=NumberedCanvas
    )
    assert len(PdfReader(path).pages) >= 2
    body = re.sub(r"หน้า [๐-๙]+ / [๐-๙]+", "", pdftotext(path))
    assert not PRIVATE_USE.search(body)
    assert squeeze(body) == squeeze(text)


def test_chart_labels_drawn_through_render_pdf_are_shaped(tmp_path):
    from reportlab.graphics.shapes import Drawing, String

    fonts = thai_fonts()
    label = "ภาพที่ ๑ คะแนนผู้ใหญ่บ้าน ปู่ย่า น้ำ"
    drawing = Drawing(300, 60)
    drawing.add(
        String(150, 20, label, fontName=fonts.regular, fontSize=fonts.size(14), textAnchor="middle")
    )
    path = tmp_path / "chart.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([drawing], canvasmaker=ThaiCanvas)
    text = pdftotext(path)
    assert not PRIVATE_USE.search(text)
    assert squeeze(text) == squeeze(label)
    assert b"Ts" not in PdfReader(path).pages[0].get_contents().get_data()


def test_same_document_builds_byte_identical(tmp_path, styles):
    def build(name):
        path = tmp_path / name
        SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(
            [thai_paragraph(TORTURE, styles.body)], canvasmaker=NumberedCanvas
        )
        return path.read_bytes()

    assert build("a.pdf") == build("b.pdf")


def test_reportlab_internals_we_hook_are_unchanged():
    """Fails on a ReportLab upgrade: re-check text/pdffont.py and text/shaping.py, then pin."""
    assert reportlab.Version.startswith(pdffont.HOOKED_REPORTLAB), reportlab.Version
    assert hooks_installed()
    assert ttfonts.makeToUnicodeCMap is pdffont._to_unicode_cmap
    assert getattr(paragraph.shapeFragWord, "original", None) is not None
    assert "shapeFragWord(" in inspect.getsource(Paragraph.breakLines)
    assert "makeToUnicodeCMap(" in inspect.getsource(ttfonts.TTFont.addObjects)
    assert "self.makeSubset(subset)" in inspect.getsource(ttfonts.TTFontFace.addSubsetObjects)
    drawing = inspect.getsource(PDFTextObject._formatText)
    assert "__shapeData__" in drawing
    assert "sd.width - sd.x_advance + sd.x_offset" in drawing
    assert ttfonts.ShapeData._fields == (
        "cluster",
        "x_advance",
        "y_advance",
        "x_offset",
        "y_offset",
        "width",
    )
    face = pdfmetrics.getFont(thai_fonts().regular).face
    for attribute in (
        "glyphPos",
        "hmetrics",
        "charToGlyph",
        "charWidths",
        "_ttf_data",
        "unitsPerEm",
        "defaultWidth",
    ):
        assert hasattr(face, attribute), attribute
