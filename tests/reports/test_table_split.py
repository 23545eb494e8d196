"""A table's continuation starts the next page, never the room its first part leaves."""

import io
from decimal import Decimal

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph

from ita_desktop.domain.records import Office
from ita_desktop.services.reports.cells import CellMaker
from ita_desktop.services.reports.layouts import Column
from ita_desktop.services.reports.model import DocumentData
from ita_desktop.services.reports.page import KeepTail
from ita_desktop.services.reports.rows import Group
from ita_desktop.services.reports.tables import TableBuilder, ThaiTable
from ita_desktop.services.reports.text import ThaiStyles

WIDTH = 300.0
# Two of a group's three rows (about 109 pt each) fill 239 pt under the header: the 91 pt left
# are enough to cut the third row at a line end under a repeated header, mid-page.
HEIGHT = 330.0
QUESTION = 3 * "ข้อคำถามที่ยาวพอจะขึ้นบรรทัดใหม่ได้หลายบรรทัด เพื่อให้แถวสูงกว่าหนึ่งบรรทัด และยาวต่อไปอีก"


@pytest.fixture(scope="module")
def styles():
    return ThaiStyles.create()


def _table(styles) -> ThaiTable:
    data = DocumentData(
        kind="analysis", year=2567, digits="thai", office=Office("สำนักงาน"), signatories=[]
    )
    columns = (
        Column("ตัวชี้วัด", group_field="name", width=Decimal(1)),
        Column("ข้อคำถาม", field="question", width=Decimal(2)),
    )
    builder = TableBuilder(data, columns, CellMaker(styles, 14.0), WIDTH, HEIGHT, "none")
    groups = [
        Group({"name": f"ตัวชี้วัดที่ {g}"}, [{"question": f"ข้อ {g}.{i} {QUESTION}"} for i in range(3)])
        for g in range(1, 4)
    ]
    return builder.build([builder.group_block(group) for group in groups])


def _parts_per_page(tmp_path, story: list) -> dict[int, int]:
    """How many parts of a table each page holds."""
    pages: dict[int, int] = {}

    class Doc(BaseDocTemplate):
        def afterFlowable(self, flowable):
            if isinstance(flowable, ThaiTable | KeepTail):
                pages[self.page] = pages.get(self.page, 0) + 1

    doc = Doc(str(tmp_path / "split.pdf"), pagesize=(WIDTH + 40, HEIGHT + 40))
    doc.addPageTemplates([PageTemplate(frames=[Frame(20, 20, WIDTH, HEIGHT, 0, 0, 0, 0)])])
    doc.build(story)
    return pages


def test_a_group_cut_at_a_row_boundary_leaves_its_rest_to_the_next_page(styles):
    table = _table(styles)
    first, brk, rest = table.split(WIDTH, HEIGHT)
    assert len(first.body) == 2  # the group's first two rows, its name beside them
    assert isinstance(brk, PageBreak)
    # the room left would take the rest's header and the first lines of its first row
    left = HEIGHT - first.wrap(WIDTH, HEIGHT)[1]
    assert len(rest.split(WIDTH, left)) == 3


def test_every_page_holds_one_part_of_the_table_at_its_top(styles, tmp_path):
    pages = _parts_per_page(tmp_path, [_table(styles)])
    assert len(pages) > 1 and set(pages.values()) == {1}, pages


def test_a_table_kept_with_its_sign_off_splits_the_same_way(styles, tmp_path):
    tail = Paragraph("ลงชื่อ", styles.body)
    kept = KeepTail(_table(styles), tail, 8)
    first, brk, rest = kept.splitOn(Canvas(io.BytesIO()), WIDTH, HEIGHT)
    assert isinstance(first, ThaiTable) and isinstance(brk, PageBreak)
    assert isinstance(rest, KeepTail)
    pages = _parts_per_page(tmp_path, [KeepTail(_table(styles), tail, 8)])
    assert len(pages) > 1 and set(pages.values()) == {1}, pages


def _lines_table(styles, *rows: int) -> tuple[ThaiTable, TableBuilder]:
    """A one-column table whose rows hold ``rows`` lines each."""
    data = DocumentData(
        kind="analysis", year=2567, digits="thai", office=Office("สำนักงาน"), signatories=[]
    )
    columns = (Column("ข้อความ", field="text", width=Decimal(1)),)
    builder = TableBuilder(data, columns, CellMaker(styles, 14.0), WIDTH, 2000, "none")
    texts = [
        {"text": "\n".join(f"แถว {r} บรรทัดที่ {n}" for n in range(1, lines + 1))}
        for r, lines in enumerate(rows, start=1)
    ]
    return builder.build([builder.group_block(Group({}, texts))]), builder


def _lines(part: ThaiTable) -> list[str]:
    """The lines of the rows a part holds, as "row.line"."""
    out = []
    for row in part.body:
        text = row.cells[0].value if hasattr(row.cells[0], "value") else row.cells[0]
        out += [line.split()[1] + "." + line.split()[3] for line in str(text).split("\n") if line]
    return out


@pytest.mark.parametrize(
    ("rows", "room_lines", "first"),
    [
        ((2, 5), 2, ["1.1", "1.2"]),  # two of five lines would stay behind: the row moves
        ((2, 5), 4, ["1.1", "1.2"]),  # four fit, but one line would go over alone: it moves
        ((2, 7), 5, ["1.1", "1.2", "2.1", "2.2", "2.3", "2.4"]),  # 4 stay, 3 go over
        ((2, 8), 4, ["1.1", "1.2", "2.1", "2.2", "2.3", "2.4"]),  # 4 stay, 4 go over
    ],
)
def test_a_row_is_cut_only_with_three_lines_on_each_side(styles, rows, room_lines, first):
    table, builder = _lines_table(styles, *rows)
    leading = builder.cells.style().leading
    above, _ = _lines_table(styles, rows[0])
    avail = above.wrap(WIDTH, 2000)[1] + room_lines * leading + 8
    parts = table.split(WIDTH, avail)
    assert _lines(parts[0]) == first
    assert isinstance(parts[1], PageBreak)
    assert _lines(parts[0]) + _lines(parts[2]) == [
        f"{r}.{n}" for r, lines in enumerate(rows, start=1) for n in range(1, lines + 1)
    ]
