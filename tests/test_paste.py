"""Reading code/score pairs from pasted text: NACC page copies, spreadsheets, Thai digits."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ita_desktop.domain.paste import figure_label, parse_pasted
from ita_desktop.i18n.thai import to_thai_digits

NACC_COPY = """\
ข้อ\tข้อคำถาม\tคะแนน
i1\tท่านปฏิบัติงานตามขั้นตอนและระยะเวลาที่กำหนด\t100.00
i11\tการยืมทรัพย์สินของราชการไปใช้\t98.36
I 12 ๙๙.๕๐
o27\t100%
"""


def _pairs(result):
    return [(s.scope, s.key, s.value) for s in result.scores]


def test_reads_tabs_spaces_thai_digits_and_percent_signs():
    result = parse_pasted(NACC_COPY)
    assert _pairs(result) == [
        ("item", "i1", Decimal("100")),
        ("item", "i11", Decimal("98.36")),
        ("item", "I12", Decimal("99.5")),
        ("item", "o27", Decimal("100")),
    ]
    assert result.scores[1].text == "การยืมทรัพย์สินของราชการไปใช้"
    assert result.unread == ()
    assert result.skipped == (1,)


def test_reads_indicators_parts_and_the_overall_score():
    result = parse_pasted(
        "คะแนนภาพรวม ๙๓.๙๖\n"
        "IIT 99.89\n"
        "EIT ส่วนที่ ๑ 99.97\n"
        "EIT ส่วนที่ 2\t100\n"
        "แบบวัด OIT 85.00 คะแนน\n"
        "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ ๙๙.๔๕\n"
    )
    assert _pairs(result) == [
        ("overall", "", Decimal("93.96")),
        ("part", "IIT", Decimal("99.89")),
        ("part", "EIT1", Decimal("99.97")),
        ("part", "EIT2", Decimal("100")),
        ("part", "OIT", Decimal("85")),
        ("indicator", "4", Decimal("99.45")),
    ]
    assert result.scores[-1].text == "การใช้ทรัพย์สินของราชการ"


def test_a_score_on_a_later_line_belongs_to_the_code_before_it():
    result = parse_pasted("i3\nการเปิดเผยข้อมูล\n100.00\ne2\tข้อความ\n\t97.5")
    assert _pairs(result) == [("item", "i3", Decimal("100")), ("item", "e2", Decimal("97.5"))]
    assert result.scores[0].text == "การเปิดเผยข้อมูล"


def test_unreadable_lines_are_listed_with_a_thai_reason():
    result = parse_pasted(
        "i4 101\n"
        "e1 98.3612\n"
        "o28 การเผยแพร่ 97.00 98.00\n"
        "5 100\n"
        "ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน 100\n"
        "i9\n"
        "i10 95\n"
    )
    assert _pairs(result) == [("item", "i10", Decimal("95"))]
    reasons = {u.line: u.reason for u in result.unread}
    assert "ระหว่าง ๐ ถึง ๑๐๐" in reasons[1]
    assert "ทศนิยม" in reasons[2]
    assert "หลายค่า" in reasons[3]
    assert "ไม่พบรหัสข้อ" in reasons[4]
    assert "ตัวชี้วัดย่อย" in reasons[5]
    assert reasons[6] == "ไม่พบคะแนนของ i9"


def test_a_repeated_code_keeps_the_first_value_and_says_so():
    result = parse_pasted("i1 99\ni1 99.00\ni1 98")
    assert _pairs(result) == [("item", "i1", Decimal("99"))]
    assert [(u.line, u.reason) for u in result.unread] == [(3, "i1 ซ้ำกับบรรทัดที่ ๑ ใช้ค่าในบรรทัดแรก")]


def test_several_pairs_on_one_line_and_spreadsheet_zeros():
    result = parse_pasted("e2 100 e3 99.5; e4: 98.360")
    assert _pairs(result) == [
        ("item", "e2", Decimal("100")),
        ("item", "e3", Decimal("99.5")),
        ("item", "e4", Decimal("98.36")),
    ]


def test_letters_inside_words_are_not_codes():
    result = parse_pasted("ISO 9001 และ e-Service\nwebsite2 100")
    assert result.scores == ()


def test_figure_labels():
    assert figure_label("indicator", "4") == "ตัวชี้วัดที่ ๔"
    assert figure_label("overall", "") == "ภาพรวม"
    assert figure_label("item", "o27") == "o27"


_codes = st.builds(
    lambda letter, number: f"{letter}{number}",
    st.sampled_from("ieoIEO"),
    st.integers(min_value=1, max_value=120),
)
_values = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False)
_texts = st.text(alphabet="กขคงจฉชซดตทนบปผพฟมยรลวสหอะาิีึืุู่้็ั ", max_size=30)
_layouts = st.sampled_from(
    [
        "{code}\t{value}",
        "{code} {value}",
        "{spaced}\t{value}",
        "{code}\t{text}\t{value}",
        "{code} {text} {value}%",
        "{thai_code}\t{thai_value}",
        "  {code} | {text} | {thai_value} คะแนน",
    ]
)


@given(
    st.lists(
        st.tuples(_codes, _values, _texts, _layouts), max_size=25, unique_by=lambda p: p[0].lower()
    )
)
def test_formatted_pairs_are_read_back_exactly(rows):
    lines = []
    for code, value, text, layout in rows:
        shown = format(value, "f")
        lines.append(
            layout.format(
                code=code,
                spaced=f"{code[0]} {code[1:]}",
                thai_code=to_thai_digits(code),
                value=shown,
                thai_value=to_thai_digits(shown),
                text=text.strip() or "ข้อความ",
            )
        )
    result = parse_pasted("\n".join(lines))
    assert result.unread == ()
    assert [(s.key.lower(), s.value) for s in result.scores] == [
        (code.lower(), value) for code, value, _, _ in rows
    ]
