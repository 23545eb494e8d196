"""The table paragraphs' shortcut gives ReportLab the fragments its own parser would give."""

import pytest
from reportlab.platypus.paraparser import ParaParser

from ita_desktop.services.reports.paras import fast_frags, para
from ita_desktop.services.reports.text import ThaiStyles

MARKUPS = [
    "",
    "ประชาสัมพันธ์ผ่านช่องทางออนไลน์ (Line ,Facebook)",
    "ก<br/>ข<br/><br/>ค",
    "<b>หัวข้อ:</b> เนื้อหา &amp; &lt;ข้อ&gt;",
    "พ.ศ. ๒๕๖๘<br/><b>ตัวหนา</b>ต่อ<b>อีก</b>",
]


def merged(frags) -> list[dict]:
    """Fragments with adjacent ones of the same attributes joined (the parser cuts at every
    entity; ReportLab joins them into the same words again)."""
    out: list[dict] = []
    for frag in frags:
        attrs = dict(vars(frag))
        if (
            out
            and not attrs.get("lineBreak")
            and not out[-1].get("lineBreak")
            and {k: v for k, v in out[-1].items() if k != "text"}
            == {k: v for k, v in attrs.items() if k != "text"}
        ):
            out[-1]["text"] += attrs["text"]
        else:
            out.append(attrs)
    return out


@pytest.fixture(scope="module")
def styles():
    return ThaiStyles.create()


@pytest.mark.parametrize("markup", MARKUPS)
def test_fragments_equal_the_parsers(styles, markup):
    for style in (styles.table_cell, styles.heading):
        ours = fast_frags(markup, style)
        _, theirs, _ = ParaParser().parse(markup, style)
        assert merged(ours) == merged(theirs)


def test_other_markup_goes_to_the_parser(styles):
    assert fast_frags('<font color="red">ก</font>', styles.body) is None


def test_wrapping_again_at_the_same_width_is_free(styles):
    paragraph = para(
        "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ " * 3, styles.table_cell, 120
    )
    size = paragraph.wrap(120.0000000001, 1000)
    assert paragraph.wrap(120, 10) is size
    assert paragraph.split(120, 1) == [] and paragraph.wrap(120, 1000) == size
