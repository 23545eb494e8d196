"""The suggestion library: the shipped file loads strictly, matches items across years, grows."""

from collections import Counter

import pytest

from ita_desktop.domain.records import Measure, Period
from ita_desktop.domain.strict import DefinitionError
from ita_desktop.errors import UserError
from ita_desktop.services import offices, plans
from ita_desktop.services import suggestions as library
from ita_desktop.services.criteria import shipped_criteria
from tests.builders import sample_office

ENTRY = """
version = 1
[[suggestions]]
indicator = 4
measure = "ตรวจสอบทะเบียนทรัพย์สิน"
"""


def _write(tmp_path, text):
    path = tmp_path / "suggestions.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_shipped_suggestion_loads():
    loaded = library.load_library(library.library_file())
    assert len(loaded) == len(library.builtin_library()) >= 50
    for definition in loaded:
        suggestion = definition.as_suggestion()
        assert suggestion.builtin and suggestion.measure.strip()
        assert suggestion.steps and all(step.strip() for step in suggestion.steps)
        assert suggestion.responsible and suggestion.follow_up and suggestion.expected_result


def test_at_least_three_for_each_indicator_besides_those_for_items():
    general = Counter(d.indicator for d in library.builtin_library() if not d.item_words)
    assert set(general) == set(range(1, 11))
    assert min(general.values()) >= 3


def test_item_suggestions_name_an_item_of_their_indicator_and_match_its_text():
    criteria = shipped_criteria()[2568]
    for definition in library.builtin_library():
        if not definition.item_code:
            continue
        item = criteria.item(definition.item_code)
        assert item is not None, definition.item_code
        assert item.indicator == definition.indicator, definition.item_code
        assert library.answers_item(definition, item.code, item.text), definition.item_code


def test_the_items_that_commonly_fall_below_target_each_have_a_suggestion():
    # Weak items in the seeds (000, 001, 003, 004) and the demo office, as coded in 2568.
    common = {"i1", "i4", "i11", "i12", "i15", "e1", "e4", "e5", "e6", "e7", "e9"}
    common |= {"o14", "o16", "o17", "o19", "o20", "o22", "o23", "o27"}
    shipped = {d.item_code for d in library.builtin_library()}
    assert common <= shipped


def test_an_unknown_key_is_rejected(tmp_path):
    path = _write(tmp_path, ENTRY + 'colour = "แดง"\n')
    with pytest.raises(DefinitionError, match=r"unknown key\(s\) \['colour'\]"):
        library.load_library(path)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (ENTRY.replace("indicator = 4", "indicator = 11"), "indicator must be 1 to 10"),
        (ENTRY.replace('measure = "ตรวจสอบทะเบียนทรัพย์สิน"', 'measure = " "'), "empty"),
        (ENTRY.replace("version = 1", "version = 2"), "not supported"),
        (ENTRY + 'item_code = "i11"\n', "needs item_words"),
        (ENTRY + "steps = 'ขั้นตอนเดียว'\n", "must be a list"),
        (ENTRY.replace("indicator = 4\n", ""), "missing key 'indicator'"),
        ("version = [", "not valid TOML"),
    ],
)
def test_a_bad_library_file_says_what_is_wrong(tmp_path, text, problem):
    with pytest.raises(DefinitionError, match=problem):
        library.load_library(_write(tmp_path, text))


def test_item_words_match_the_same_item_under_another_years_code(db):
    ethics_2569 = shipped_criteria()[2569].item("o15")
    assert "ประมวลจริยธรรม" in ethics_2569.text
    offers = library.suggestions_for(db, indicator=9, item_code="o15", item_text=ethics_2569.text)
    assert offers[0].for_item
    assert offers[0].suggestion.item_code == "o16"  # its code in 2568
    assert all(o.suggestion.indicator == 9 for o in offers)
    assert not any(o.for_item for o in offers[1:] if not o.suggestion.item_code)


def test_without_a_filter_the_whole_library_is_offered(db):
    assert len(library.suggestions_for(db)) == len(library.builtin_library())


def _measure(**fields) -> Measure:
    return Measure(
        measure="จัดทำคู่มือการยืมทรัพย์สิน",
        issue="ไม่มีขั้นตอนการยืมที่ชัดเจน",
        steps=["ร่างคู่มือ", "เสนอผู้บริหาร"],
        responsible=["กองคลัง"],
        follow_up="รายงานทุกไตรมาส",
        expected_result="ยืมคืนถูกต้อง",
        indicator=4,
        items=["i11"],
        **fields,
    )


def test_a_saved_measure_is_offered_first_for_its_item_and_can_be_removed_and_restored(db):
    saved_id = library.save_to_library(db, measure=_measure())
    offers = library.suggestions_for(db, indicator=4, item_code="I11")
    assert offers[0].key == f"saved:{saved_id}" and offers[0].for_item
    assert not offers[0].suggestion.builtin
    assert offers[0].suggestion.steps == ["ร่างคู่มือ", "เสนอผู้บริหาร"]
    with pytest.raises(UserError, match="อยู่ในคลังมาตรการแล้ว"):
        library.save_to_library(db, measure=_measure())
    removed = library.remove_from_library(db, suggestion_id=saved_id)
    assert all(o.suggestion.builtin for o in library.suggestions_for(db, indicator=4))
    assert library.restore_to_library(db, suggestion=removed) == saved_id
    assert library.suggestions_for(db, indicator=4)[0].key == f"saved:{saved_id}"


def test_an_empty_measure_cannot_be_saved_into_the_library(db):
    with pytest.raises(UserError, match="กรุณากรอกมาตรการ"):
        library.save_to_library(db, measure=Measure(measure="  "))


def test_inserting_a_suggestion_adds_a_measure_for_the_plans_fiscal_year(db):
    office_id = offices.create_office(db, office=sample_office())
    offer = library.suggestions_for(db, indicator=10)[0]
    measure_id = library.insert_suggestion(
        db, office_id=office_id, plan_year=2569, suggestion=offer.suggestion, item_code="o23"
    )
    plan = plans.find_plan(db, office_id, 2569)
    (measure,) = plan.measures
    assert measure.id == measure_id
    assert measure.measure == offer.suggestion.measure
    assert measure.steps == offer.suggestion.steps
    assert (measure.indicator, measure.indicators, measure.items) == (10, [10], ["o23"])
    assert measure.period == Period("months", "2025-10", "2026-09")
