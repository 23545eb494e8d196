"""Thai line breaking: segmentation rules, and properties of the wrapper over random Thai."""

import random
import re

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from pythainlp.corpus.common import thai_syllables, thai_words
from reportlab.pdfbase.pdfmetrics import stringWidth

from ita_desktop.services.reports.text import (
    ThaiParagraph,
    ThaiStyles,
    text_width,
    thai_fonts,
    wrap_runs,
    wrap_text,
)
from ita_desktop.services.reports.text.chars import clusters, is_attached
from ita_desktop.services.reports.text.segment import FIXED, SPACE, WORD, atoms, finer
from ita_desktop.services.reports.text.wrap import Run

SIZE = 11.0
ABBREVIATIONS = ["พ.ศ.", "ต.ค.", "มี.ค.", "อบต.", "ป.ป.ช.", "ค.ศ.", "ก.ย.", "ม.ล."]
# The same patterns the wrapper protects, written out again so the test checks, not repeats.
PROTECTED = re.compile(
    r"(?:พ\.ศ\.|ต\.ค\.|มี\.ค\.|อบต\.|ป\.ป\.ช\.|ค\.ศ\.|ก\.ย\.|ม\.ล\.)"
    r"|[0-9๐-๙]+(?:[.,:/][0-9๐-๙]+)*"
)
_rnd = random.Random(2568)
WORDS = [
    *_rnd.sample(sorted(w for w in thai_words() if " " not in w), 400),
    "องค์การบริหารส่วนตำบล",
    "สำคัญ",
    "ปู่ย่า",
    "ผู้ใหญ่",
    "น้ำ",
    "ปั้น",
    "ฝั่ง",
    "ฐู",
    "ญู",
    "ประชาสัมพันธ์",
    "คุณธรรมและความโปร่งใส",
]
SYLLABLES = _rnd.sample(sorted(s for s in thai_syllables() if "." not in s), 150)


@pytest.fixture(scope="module")
def font():
    return thai_fonts().regular


def numbers():
    def fmt(value, thai, comma):
        text = f"{value:,.2f}" if comma else str(value)
        return text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) if thai else text

    return st.builds(fmt, st.integers(0, 10_000_000), st.booleans(), st.booleans())


ELEMENTS = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(SYLLABLES),
    st.sampled_from(ABBREVIATIONS),
    numbers(),
    st.sampled_from([" ", " ", "  ", "(", ")", "ๆ", ",", "ITA", "e-mail", "%", "ฯ"]),
)
THAI_TEXT = st.lists(ELEMENTS, min_size=1, max_size=60).map("".join)


def protected_tokens(text):
    """(token span, span of the run of tokens it was typed in without a space): มี.ค.พ.ศ. is
    one run, which may break inside a token only when the run is wider than the column."""
    spans = [m.span() for m in PROTECTED.finditer(text)]
    runs = []
    for a, b in spans:
        if runs and runs[-1][1] == a:
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
    return [(span, next(r for r in runs if r[0] <= span[0] < r[1])) for span in spans]


def line_width(line, font):
    """Width as ReportLab measures a line: words shaped, spaces at the space's width."""
    words = line.split(" ")
    return sum(text_width(w, font, SIZE) for w in words) + (len(words) - 1) * stringWidth(
        " ", font, SIZE
    )


def break_positions(text, lines):
    """Where each line starts in ``text``, checking nothing but break spaces was dropped."""
    pos = 0
    starts = []
    for line in lines:
        while pos < len(text) and text[pos].isspace() and not text.startswith(line, pos):
            pos += 1
        assert text.startswith(line, pos), (line, text[pos : pos + 40])
        starts.append((pos, pos > 0 and text[pos - 1].isspace()))
        pos += len(line)
    assert text[pos:].strip() == "", "text lost at the end"
    return starts


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=THAI_TEXT, width=st.floats(min_value=12, max_value=420))
@example(text="องค์การบริหารส่วนตำบลบ้านนา พ.ศ. ๒๕๖๘ มี.ค. 1,234.56", width=30.0)
@example(text="ป.ป.ช.ป.ป.ช.", width=12.0)
@example(text="ITA10", width=13.0)  # an item code too wide: cut before its number first
def test_wrapper_keeps_every_character_in_order_and_within_width(text, width, font):
    lines = wrap_text(text, width, font, SIZE)
    for line in lines:
        assert line == line.strip(), "a break space was kept at a line end"
        if len(clusters(line)) > 1:
            assert line_width(line, font) <= width + 1e-6, line
    for start, after_space in break_positions(text, lines)[1:]:
        if after_space:
            continue
        assert not is_attached(text[start]), f"break before a combining mark: {text[start:]!r}"
        for (a, b), (run_a, run_b) in protected_tokens(text):
            if a < start < b:
                run = text[run_a:run_b]
                assert text_width(run, font, SIZE) > width, (text[a:b], run, width)


def test_join_of_lines_is_the_text_without_break_spaces(font):
    text = "องค์การบริหารส่วนตำบล  มีความสำคัญ ผู้ใหญ่บ้าน"
    lines = wrap_text(text, 60, font, SIZE)
    assert "".join(lines) == "องค์การบริหารส่วนตำบลมีความสำคัญผู้ใหญ่บ้าน"


def test_long_compound_is_cut_into_dictionary_words(font):
    width = text_width("องค์การบริหาร", font, SIZE) + 1
    assert wrap_text("องค์การบริหารส่วนตำบล", width, font, SIZE) == ["องค์การบริหาร", "ส่วนตำบล"]
    assert finer("องค์การบริหารส่วนตำบล")[0] == "องค์การ"


def test_too_long_word_falls_back_to_syllables_then_clusters(font):
    narrow = text_width("สัม", font, SIZE) + 0.5
    lines = wrap_text("ประชาสัมพันธ์", narrow, font, SIZE)
    assert "".join(lines) == "ประชาสัมพันธ์"
    assert "สัม" in lines  # a syllable, not a cut inside it
    assert finer("น้ำ") == ("น้ำ",)  # one cluster: cannot be cut
    assert finer("กิน") == ("กิ", "น")


def test_abbreviations_and_numbers_are_whole_atoms():
    pieces = dict(atoms("ตั้งแต่ ต.ค. ๒๕๖๗ ถึง มี.ค. 1,234.56 บาท ป.ป.ช. อบต.บ้านนา ปีพ.ศ.๒๕๖๘"))
    for token in ("ต.ค.", "๒๕๖๗", "มี.ค.", "1,234.56", "ป.ป.ช.", "อบต.", "พ.ศ.", "๒๕๖๘"):
        assert pieces.get(token) == FIXED, token
    # typed with no spaces: still each whole
    assert atoms("สำนักงานป.ป.ช.อบต.") == (("สำนักงาน", WORD), ("ป.ป.ช.", FIXED), ("อบต.", FIXED))


def test_punctuation_and_mai_yamok_stay_with_their_word():
    kinds = atoms("ดีๆ (ITA) คะแนน ๙๓.๙๖% “คำ”")
    texts = [t for t, k in kinds if k != SPACE]
    assert "ดีๆ" in texts
    assert "(ITA)" in texts
    assert "๙๓.๙๖%" in texts
    assert any(t.startswith("“") for t in texts)


def test_mai_yamok_after_a_space_never_starts_a_line(font):
    text = "ทำงานดี ๆ ทุก ๆ วัน"
    assert ("ดี ๆ", WORD) in atoms(text)
    for width in range(20, 120, 3):
        assert not any(line.startswith("ๆ") for line in wrap_text(text, width, font, SIZE))


def test_glued_punctuation_comes_off_before_a_number_is_cut():
    assert finer("(2566),", FIXED) == ("(", "2566", "),")


def test_hard_line_breaks_and_blank_lines(font):
    assert wrap_text("ก\n\nข", 100, font, SIZE) == ["ก", "", "ข"]


def test_first_line_width_applies_to_the_first_line_only(font):
    text = "มีความสำคัญ " * 6
    lines = wrap_text(text.strip(), 150, font, SIZE, first_width=60)
    assert line_width(lines[0], font) <= 60
    assert line_width(lines[1], font) > 60


def test_bold_runs_are_measured_in_bold(font):
    fonts = thai_fonts()
    text = "ผลการวิเคราะห์ตัวชี้วัด"
    width = text_width(text, fonts.regular, SIZE) + 0.5
    assert len(wrap_runs([Run(text)], width, (fonts.regular, fonts.bold), SIZE)) == 1
    bold = wrap_runs([Run(text, True)], width, (fonts.regular, fonts.bold), SIZE)
    assert len(bold) > 1
    assert all(run.bold for line in bold for run in line)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=THAI_TEXT, width=st.floats(min_value=40, max_value=420))
def test_reportlab_keeps_our_lines(text, width):
    """ReportLab must not break our lines again (it would cut at a space or mid-word)."""
    assume(text.strip())
    style = ThaiStyles.create().body
    paragraph = ThaiParagraph(text, style)
    paragraph.wrap(width, 10_000)
    ours = wrap_text(" ".join(text.split()), width, style.fontName, style.fontSize)
    assert len(paragraph.blPara.lines) == len(ours)
