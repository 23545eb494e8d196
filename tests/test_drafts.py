"""Drafted Thai sentences against the wording of seeds 001 and 004."""

import pytest
from analysis_helpers import (
    criteria_2564,
    criteria_2568,
    put,
    seed001_assessment,
    seed004_assessment,
)
from hypothesis import given
from hypothesis import strategies as st

from ita_desktop.domain.analysis import analyse, compress_numbers
from ita_desktop.domain.drafts import (
    all_drafts,
    below_target_sentence,
    indicator_analysis,
    indicator_comparison,
    indicator_groups_text,
    indicator_highlights,
    indicator_summary,
    instrument_sentence,
    join_thai,
    numbers_text,
    overall_result_sentence,
    overall_sentence,
)
from ita_desktop.domain.records import Assessment
from ita_desktop.i18n.thai import to_arabic_digits

OFFICE = "เทศบาลตำบลต้นหยงมัส"


@pytest.fixture(scope="module")
def seed001():
    return analyse(criteria_2568(), seed001_assessment())


@pytest.fixture(scope="module")
def seed004():
    return analyse(criteria_2564(), seed004_assessment())


def test_overall_sentence_as_seed_001_but_with_the_right_difference(seed001):
    assert overall_sentence(seed001, OFFICE) == (
        "เทศบาลตำบลต้นหยงมัส ได้ผลการประเมินในภาพรวม ๙๓.๙๖ คะแนน อยู่ในระดับ (ผ่านดี) "
        "ลดลง ๕.๘๐ คะแนน เมื่อเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๗ ที่ได้ผลการประเมินในภาพรวม "
        "๙๙.๗๖ คะแนน อยู่ในระดับ (ผ่านดีเยี่ยม)"
    )


def test_overall_sentence_arabic_digits(seed001):
    text = overall_sentence(seed001, OFFICE, digits="arabic")
    assert "93.96 คะแนน" in text and "ลดลง 5.80 คะแนน" in text and "พ.ศ. 2567" in text


def test_overall_sentence_up_unchanged_and_without_previous_year(seed004):
    current = seed001_assessment()
    put(current, "overall", "", "93.96", "90.00")
    up = analyse(criteria_2568(), current)
    assert "เพิ่มขึ้น ๓.๙๖ คะแนน เมื่อเทียบกับ" in overall_sentence(up, OFFICE)
    put(current, "overall", "", "93.96", "93.96")
    same = analyse(criteria_2568(), current)
    assert "คงที่ เมื่อเทียบกับ" in overall_sentence(same, OFFICE)
    assert overall_sentence(seed004, "อบต.ลาดหญ้า") == (
        "อบต.ลาดหญ้า ได้ผลการประเมินในภาพรวม ๗๕.๓๖ คะแนน อยู่ในระดับ (B)"
    )


def test_overall_result_sentence_seed_004(seed004):
    assert overall_result_sentence(seed004, "องค์การบริหารส่วนตำบลลาดหญ้า") == (
        "จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ. ๒๕๖๔ ขององค์การบริหารส่วนตำบลลาดหญ้า พบว่า "
        "ได้คะแนน ๗๕.๓๖ คะแนน อยู่ในระดับ (B)"
    )


def test_instrument_sentences(seed001, seed004):
    assert instrument_sentence(seed001, "IIT") == (
        "แบบวัด IIT ได้คะแนน ๙๙.๘๙ คะแนน เพิ่มขึ้น ๐.๔๔ คะแนน เมื่อเทียบกับปีงบประมาณ "
        "พ.ศ. ๒๕๖๗ ที่ได้ ๙๙.๔๕ คะแนน ซึ่งผ่านเกณฑ์เป้าหมาย (๘๕ คะแนนขึ้นไป)"
    )
    eit = instrument_sentence(seed001, "EIT")
    assert "(EIT ส่วนที่ ๑ ๙๙.๙๗ คะแนน และ EIT ส่วนที่ ๒ ๑๐๐.๐๐ คะแนน)" in eit
    assert "ลดลง ๑๕.๐๐ คะแนน" in instrument_sentence(seed001, "OIT")
    assert instrument_sentence(seed004, "OIT") == (
        "แบบวัด OIT ได้คะแนน ๖๐.๗๘ คะแนน ซึ่งต่ำกว่าเกณฑ์เป้าหมาย (๘๕ คะแนน)"
    )


def test_indicator_highlights_name_every_tie(seed001):
    assert indicator_highlights(seed001) == (
        "การประเมินรายตัวชี้วัดจำนวน ๑๐ ตัวชี้วัด โดยตัวชี้วัดที่ได้ค่าคะแนนสูงสุดได้แก่ "
        "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ (๑๐๐.๐๐ คะแนน) "
        "ตัวชี้วัดที่ ๒ การใช้งบประมาณ (๑๐๐.๐๐ คะแนน) "
        "ตัวชี้วัดที่ ๓ การใช้อำนาจ (๑๐๐.๐๐ คะแนน) "
        "ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต (๑๐๐.๐๐ คะแนน) "
        "ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน (๑๐๐.๐๐ คะแนน) "
        "ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร (๑๐๐.๐๐ คะแนน) "
        "สำหรับตัวชี้วัดที่ได้คะแนนต่ำสุดได้แก่ ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต (๘๐.๐๐ คะแนน)"
    )


def test_indicator_comparison_seed_001(seed001):
    assert indicator_comparison(seed001) == (
        "เมื่อเทียบผลการประเมินรายตัวชี้วัดของปีงบประมาณ พ.ศ. ๒๕๖๘ กับปีงบประมาณ พ.ศ. ๒๕๖๗ "
        "พบว่ามีค่าคะแนนตัวชี้วัดเพิ่มขึ้น ๖ ตัวชี้วัด (ตัวชี้วัดที่ ๒-๔) และ (ตัวชี้วัดที่ ๖-๘) "
        "ตัวชี้วัดที่ได้คะแนนลดลง จำนวน ๒ ตัวชี้วัด (ตัวชี้วัดที่ ๙-๑๐) "
        "และตัวชี้วัดที่ได้คะแนนคงที่ ๒ ตัวชี้วัด (ตัวชี้วัดที่ ๑) และ (ตัวชี้วัดที่ ๕)"
    )


def test_indicator_summary_has_both_paragraphs_only_with_a_previous_year(seed001, seed004):
    first, second = indicator_summary(seed001).split("\n\n")
    assert first == indicator_highlights(seed001)
    assert second == indicator_comparison(seed001)
    assert indicator_summary(seed004) == indicator_highlights(seed004)
    assert "ไม่มีคะแนนรายตัวชี้วัดของปีงบประมาณ พ.ศ. ๒๕๖๓" in indicator_comparison(seed004)


def test_indicator_comparison_names_indicators_without_last_year():
    current = seed001_assessment()
    put(current, "indicator", 3, "100")
    put(current, "indicator", 4, "99.45")
    text = indicator_comparison(analyse(criteria_2568(), current))
    assert "เพิ่มขึ้น ๔ ตัวชี้วัด (ตัวชี้วัดที่ ๒) และ (ตัวชี้วัดที่ ๖-๘)" in text
    assert text.endswith("ส่วนตัวชี้วัดที่ ๓-๔ ไม่มีคะแนนปีที่ผ่านมาให้เปรียบเทียบ")


def test_below_target_sentences(seed001, seed004):
    assert below_target_sentence(seed004, "IIT") == (
        "แบบวัด IIT จำนวน ๓๐ ข้อ มีจำนวน ๑๔ ข้อ ที่ได้คะแนนน้อยกว่าร้อยละ ๘๕"
    )
    assert below_target_sentence(seed004, "EIT") == (
        "แบบวัด EIT จำนวน ๑๕ ข้อ มีจำนวน ๑๑ ข้อ ที่ได้คะแนนน้อยกว่าร้อยละ ๘๕"
    )
    assert below_target_sentence(seed001, "IIT") == (
        "แบบวัด IIT จำนวน ๑๕ ข้อ ทุกข้อได้คะแนนตั้งแต่ร้อยละ ๘๕ ขึ้นไป"
    )
    assert "ยังไม่มีคะแนนรายข้อ" in below_target_sentence(
        analyse(criteria_2568(), seed001_assessment(items=False)), "OIT"
    )


def test_below_target_counts_items_from_the_criteria_and_below_from_the_scores():
    current = seed004_assessment(items=False)
    put(current, "item", "I1", "90")
    put(current, "item", "I2", "95")
    put(current, "item", "I3", "60")
    put(current, "item", "E1", "99")
    result = analyse(criteria_2564(), current)
    assert below_target_sentence(result, "IIT") == (
        "แบบวัด IIT จำนวน ๓๐ ข้อ มีคะแนนรายข้อ ๓ ข้อ ในจำนวนนี้มี ๑ ข้อ ที่ได้คะแนนน้อยกว่าร้อยละ ๘๕"
    )
    assert below_target_sentence(result, "EIT") == (
        "แบบวัด EIT จำนวน ๑๕ ข้อ มีคะแนนรายข้อ ๑ ข้อ ทั้ง ๑ ข้อได้คะแนนตั้งแต่ร้อยละ ๘๕ ขึ้นไป"
    )
    # for the window: the file has no item scores of OIT
    assert below_target_sentence(result, "OIT") == "แบบวัด OIT จำนวน ๔๓ ข้อ ยังไม่มีคะแนนรายข้อ"


def test_documents_get_no_below_target_draft_without_item_scores():
    """Seed 004's clerk wrote the counts in their own texts; a draft saying there are no item
    scores would contradict them in the printout."""
    drafts = all_drafts(analyse(criteria_2564(), seed004_assessment(items=False)), OFFICE)
    assert [drafts[f"below_target:{c}"] for c in ("IIT", "EIT", "OIT")] == ["", "", ""]
    scored = all_drafts(analyse(criteria_2564(), seed004_assessment()), OFFICE)
    assert scored["below_target:IIT"].startswith("แบบวัด IIT จำนวน ๓๐ ข้อ มีจำนวน ๑๔ ข้อ")


def test_indicator_analysis_up_as_seed_001(seed001):
    assert indicator_analysis(seed001, 2) == (
        "จากการวิเคราะห์ผลการประเมิน ITA ตัวชี้วัด การใช้งบประมาณ พบว่า\n"
        "- ได้คะแนนเพิ่มขึ้นจากปีที่ผ่านมา +๐.๔๒ คะแนน จึงควรรักษามาตรฐานไว้"
        "และพัฒนาให้ดียิ่งขึ้นอย่างต่อเนื่อง"
    )


def test_indicator_analysis_same_at_100_as_seed_001(seed001):
    text = indicator_analysis(seed001, 1)
    assert "- ได้คะแนนเท่ากับปีที่ผ่านมา คือ ๑๐๐ คะแนน จึงควรรักษามาตรฐานไว้" in text


def test_indicator_analysis_down_lists_weak_items(seed001):
    nine = indicator_analysis(seed001, 9)
    assert "ได้คะแนนลดลงจากปีที่ผ่านมา -๑๐.๐๐ คะแนน (จาก ๑๐๐.๐๐ คะแนน เป็น ๙๐.๐๐ คะแนน)" in nine
    assert "แต่ยังผ่านเกณฑ์เป้าหมาย" in nine
    assert (
        "- ข้อที่ได้คะแนนน้อยกว่าร้อยละ ๘๕ ได้แก่ o๑๔ (๕๐.๐๐ คะแนน) o๑๖ (๐.๐๐ คะแนน) "
        "o๑๗ (๕๐.๐๐ คะแนน) และ o๑๙ (๕๐.๐๐ คะแนน)"
    ) in nine
    ten = indicator_analysis(seed001, 10)
    assert "และต่ำกว่าเกณฑ์เป้าหมาย (๘๕ คะแนน) จึงควรเร่งปรับปรุง" in ten
    assert "o๒๓ (๐.๐๐ คะแนน)" in ten


def test_indicator_analysis_without_previous_year(seed004):
    assert "- ได้คะแนน ๙๓.๕๗ คะแนน ผ่านเกณฑ์เป้าหมาย" in indicator_analysis(seed004, 1)
    assert "- ได้คะแนน ๓๗.๕๐ คะแนน ต่ำกว่าเกณฑ์เป้าหมาย (๘๕ คะแนน)" in (indicator_analysis(seed004, 10))


def test_indicator_analysis_up_but_below_target_and_same_below_target():
    current = seed004_assessment(items=False)
    put(current, "indicator", 2, "84.05", "80.00")
    put(current, "indicator", 6, "80.93", "80.93")
    result = analyse(criteria_2564(), current)
    assert "+๔.๐๕ คะแนน แต่ยังต่ำกว่าเกณฑ์เป้าหมาย" in indicator_analysis(result, 2)
    assert "คือ ๘๐.๙๓ คะแนน ซึ่งยังต่ำกว่าเกณฑ์เป้าหมาย" in indicator_analysis(result, 6)


def test_indicator_analysis_missing_score_and_unknown_indicator():
    result = analyse(criteria_2568(), Assessment(office_id=1, year=2568, criteria_year=2568))
    assert indicator_analysis(result, 3).endswith("- ยังไม่มีคะแนนของตัวชี้วัดนี้")
    assert indicator_analysis(result, 12) == "ไม่มีตัวชี้วัดที่ ๑๒ ในเกณฑ์ของปีนี้"
    assert "ยังไม่มีผลการประเมินในภาพรวม" in overall_sentence(result, OFFICE)
    assert indicator_highlights(result) == "ยังไม่มีคะแนนรายตัวชี้วัด"


def test_all_drafts_keys_and_that_clerk_texts_are_untouched():
    current = seed001_assessment()
    current.analysis_texts["indicator:2"] = "ข้อความของเจ้าหน้าที่"
    result = analyse(criteria_2568(), current)
    drafts = all_drafts(result, OFFICE)
    assert set(drafts) == (
        {"overall", "indicators"}
        | {f"instrument:{c}" for c in ("IIT", "EIT", "OIT")}
        | {f"below_target:{c}" for c in ("IIT", "EIT", "OIT")}
        | {f"indicator:{n}" for n in range(1, 11)}
    )
    assert current.analysis_texts == {"indicator:2": "ข้อความของเจ้าหน้าที่"}


def test_arabic_drafts_have_no_thai_digits(seed001):
    for text in all_drafts(seed001, OFFICE, digits="arabic").values():
        assert not any("๐" <= c <= "๙" for c in text)


def test_numbers_text_and_groups():
    assert numbers_text([2, 3, 4, 6, 7, 8]) == "๒-๔ และ ๖-๘"
    assert numbers_text([1, 3, 4, 6]) == "๑, ๓-๔ และ ๖"
    assert numbers_text([9, 10], digits="arabic") == "9-10"
    assert numbers_text([]) == ""
    assert indicator_groups_text([2, 3, 4, 6, 7, 8]) == "(ตัวชี้วัดที่ ๒-๔) และ (ตัวชี้วัดที่ ๖-๘)"
    assert join_thai(["ก", "ข", "ค"]) == "ก ข และค"
    assert join_thai(["(๑)", "(๒)"]) == "(๑) และ (๒)"


@given(st.sets(st.integers(min_value=1, max_value=40)))
def test_numbers_text_round_trips(numbers):
    text = to_arabic_digits(numbers_text(numbers))
    back = set()
    for group in text.replace(" และ ", ", ").split(", ") if text else []:
        first, _, last = group.partition("-")
        back.update(range(int(first), int(last or first) + 1))
    assert back == set(numbers)
    assert text.count("-") == sum(1 for a, b in compress_numbers(numbers) if a != b)
