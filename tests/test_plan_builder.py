"""Starting a plan quickly: from the analysis, from last year; progress carried to twelve months."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_desktop.domain.records import Measure, Period, Progress
from ita_desktop.errors import UserError
from ita_desktop.services import offices, plan_builder, plans, results
from ita_desktop.services.criteria import save_criteria
from tests.builders import sample_office, small_criteria

WEAK = {"i1": "80.00", "i10": "84.50", "e1": "92.00", "o27": "50.00"}


@pytest.fixture
def office(db):
    office_id = offices.create_office(db, office=sample_office())
    save_criteria(db, small_criteria(2568))
    assessment_id = results.start_assessment(db, office_id=office_id, year=2568)
    for code, value in WEAK.items():
        results.set_score(db, assessment_id=assessment_id, scope="item", key=code, value=value)
    return office_id


def _plan(db, office_id, year):
    return plans.find_plan(db, office_id, year)


def test_plan_from_analysis_makes_one_measure_per_weak_item_grouped_by_indicator(db, office):
    ids = plan_builder.plan_from_analysis(db, office_id=office, plan_year=2569)
    plan = _plan(db, office, 2569)
    assert plan.source_year == 2568
    assert [m.id for m in plan.measures] == ids
    assert [(m.indicator, m.items) for m in plan.measures] == [
        (1, ["i1"]),
        (4, ["i10"]),
        (10, ["o27"]),
    ]
    criteria = small_criteria(2568)
    for measure in plan.measures:
        assert measure.issue == criteria.item(measure.items[0]).text
        assert measure.indicators == [measure.indicator]
        assert measure.measure == ""
        assert measure.period == Period("months", "2025-10", "2026-09")


def test_plan_from_analysis_skips_items_the_plan_already_answers(db, office):
    plan_builder.plan_from_analysis(db, office_id=office, plan_year=2569)
    with pytest.raises(UserError, match="มีมาตรการในแผนนี้แล้ว"):
        plan_builder.plan_from_analysis(db, office_id=office, plan_year=2569)
    first = _plan(db, office, 2569).measures[0]
    plans.remove_measure(db, measure_id=first.id)
    assert len(plan_builder.plan_from_analysis(db, office_id=office, plan_year=2569)) == 1


def test_plan_from_analysis_needs_the_source_year_results(db, office):
    with pytest.raises(UserError, match="ยังไม่มีผลการประเมิน"):
        plan_builder.plan_from_analysis(db, office_id=office, plan_year=2571)


def test_removed_measures_come_back_with_their_ids_and_positions(db, office):
    ids = plan_builder.plan_from_analysis(db, office_id=office, plan_year=2569)
    before = _plan(db, office, 2569).measures
    removed = plan_builder.remove_measures(db, measure_ids=ids[::-1])
    assert _plan(db, office, 2569).measures == []
    assert sorted(plan_builder.restore_measures(db, removed=removed)) == sorted(ids)
    assert _plan(db, office, 2569).measures == before


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=st.sets(st.integers(min_value=0, max_value=5), min_size=1))
def test_restoring_any_subset_puts_the_plan_back_exactly(db, chosen):
    office_id = offices.create_office(db, office=sample_office())
    plan_id = plans.start_plan(db, office_id=office_id, year=2569)
    ids = [
        plans.add_measure(db, plan_id=plan_id, measure=Measure(measure=f"m{n}")) for n in range(6)
    ]
    before = plans.get_plan(db, plan_id).measures
    removed = plan_builder.remove_measures(db, measure_ids=[ids[n] for n in chosen])
    plan_builder.restore_measures(db, removed=removed)
    assert plans.get_plan(db, plan_id).measures == before


def test_copy_measures_moves_periods_a_year_and_leaves_progress_behind(db, office):
    old_plan = plans.start_plan(db, office_id=office, year=2568)
    dated = plans.add_measure(
        db,
        plan_id=old_plan,
        measure=Measure(
            measure="อบรมคุณธรรม",
            steps=["จัดทำโครงการ", "จัดอบรม"],
            period=Period("dates", "2024-02-29", "2024-03-31"),
            indicator=1,
        ),
    )
    monthly = plans.add_measure(
        db,
        plan_id=old_plan,
        measure=Measure(measure="ตรวจทะเบียน", period=Period("months", "2024-10", "2025-09")),
    )
    skipped = plans.add_measure(db, plan_id=old_plan, measure=Measure(measure="ไม่คัดลอก"))
    plans.set_progress(db, progress=Progress(dated, 6, "ดำเนินการแล้ว", date(2024, 3, 1)))
    new_ids = plan_builder.copy_from_previous(
        db, office_id=office, plan_year=2569, measure_ids=[monthly, dated]
    )
    copies = _plan(db, office, 2569).measures
    assert [m.id for m in copies] == new_ids
    assert [m.measure for m in copies] == ["อบรมคุณธรรม", "ตรวจทะเบียน"]  # the old order
    assert copies[0].steps == ["จัดทำโครงการ", "จัดอบรม"]
    assert copies[0].period == Period("dates", "2025-02-28", "2025-03-31")
    assert copies[1].period == Period("months", "2025-10", "2026-09")
    assert plans.progress_of(db, _plan(db, office, 2569).id, 6) == {}
    assert skipped not in new_ids


def test_copy_from_previous_needs_last_years_plan(db, office):
    with pytest.raises(UserError, match="ยังไม่มีแผนมาตรการ"):
        plan_builder.copy_from_previous(db, office_id=office, plan_year=2569, measure_ids=[1])


def test_twelve_month_entries_start_from_the_six_month_ones(db, office):
    ids = plan_builder.plan_from_analysis(db, office_id=office, plan_year=2569)
    plan_id = _plan(db, office, 2569).id
    six = Progress(ids[0], 6, "อยู่ระหว่างดำเนินการ", None, ["ร่างคู่มือแล้ว"], "ผล", "หมายเหตุ")
    plans.set_progress(db, progress=six)
    plans.set_progress(db, progress=Progress(ids[1], 6, "ดำเนินการแล้ว", date(2026, 1, 5)))
    plans.set_progress(db, progress=Progress(ids[1], 12, "ยังไม่ดำเนินการ"))
    assert plan_builder.progress_twelve_from_six(db, plan_id=plan_id) == [ids[0]]
    twelve = plans.progress_of(db, plan_id, 12)
    assert twelve[ids[0]].results == ["ร่างคู่มือแล้ว"]
    assert twelve[ids[0]].round == 12
    assert twelve[ids[1]].status == "ยังไม่ดำเนินการ"  # an entry already there is kept
    plan_builder.clear_twelve(db, measure_ids=[ids[0]])
    assert ids[0] not in plans.progress_of(db, plan_id, 12)


def test_progress_counts_count_measures_without_an_entry_as_not_started(db, office):
    ids = plan_builder.plan_from_analysis(db, office_id=office, plan_year=2569)
    plan_id = _plan(db, office, 2569).id
    plans.set_progress(db, progress=Progress(ids[0], 6, "ดำเนินการแล้ว"))
    plans.set_progress(db, progress=Progress(ids[1], 6, "อยู่ระหว่างดำเนินการ"))
    assert plan_builder.progress_counts(db, plan_id, 6) == {
        "ดำเนินการแล้ว": 1,
        "อยู่ระหว่างดำเนินการ": 1,
        "ยังไม่ดำเนินการ": 1,
    }
    assert plan_builder.progress_counts(db, plan_id, 12)["ยังไม่ดำเนินการ"] == 3


def test_restore_progress_puts_back_the_old_entry_or_nothing(db, office):
    ids = plan_builder.plan_from_analysis(db, office_id=office, plan_year=2569)
    plan_id = _plan(db, office, 2569).id
    first = Progress(ids[0], 6, "อยู่ระหว่างดำเนินการ")
    assert plans.set_progress(db, progress=first) is None
    old = plans.set_progress(db, progress=Progress(ids[0], 6, "ดำเนินการแล้ว"))
    plan_builder.restore_progress(db, measure_id=ids[0], round_months=6, old=old)
    assert plans.progress_of(db, plan_id, 6)[ids[0]] == first
    plan_builder.restore_progress(db, measure_id=ids[0], round_months=6, old=None)
    assert plans.progress_of(db, plan_id, 6) == {}


def test_edit_measure_changes_some_fields_and_returns_the_old_measure(db, office):
    ids = plan_builder.plan_from_analysis(db, office_id=office, plan_year=2569)
    old = plan_builder.edit_measure(db, measure_id=ids[0], measure="จัดทำคู่มือ", steps=["ก", "ข"])
    assert old.measure == ""
    edited = plans.store.load_measure(db, ids[0])
    assert (edited.measure, edited.steps, edited.issue) == ("จัดทำคู่มือ", ["ก", "ข"], old.issue)
    with pytest.raises(ValueError, match="not measure fields"):
        plan_builder.edit_measure(db, measure_id=ids[0], position=3)


def test_regroup_moves_a_measure_to_another_indicator_and_back(db, office):
    ids = plan_builder.plan_from_analysis(db, office_id=office, plan_year=2569)
    moved = plan_builder.regroup_measure(db, measure_id=ids[0], indicator=10, position=2)
    after = _plan(db, office, 2569).measures
    assert [m.id for m in after] == [ids[1], ids[2], ids[0]]
    assert (after[2].indicator, after[2].indicators) == (10, [10])
    plan_builder.undo_regroup(db, regrouped=moved)
    restored = _plan(db, office, 2569).measures
    assert [m.id for m in restored] == ids
    assert (restored[0].indicator, restored[0].indicators) == (1, [1])


def test_plan_context_holds_units_and_the_source_years_figures(db, office):
    plan_builder.plan_from_analysis(db, office_id=office, plan_year=2569)
    context = plan_builder.plan_context(db, office_id=office, year=2569)
    assert context.source_year == 2568 and context.has_source_results
    assert context.units == ("สำนักปลัด", "กองคลัง")
    assert len(context.plan.measures) == 3
    assert context.item("I10").below and str(context.item("i10").score) == "84.50"
    assert not context.item("e1").below
    assert [i.number for i in context.indicators] == list(range(1, 11))
    empty = plan_builder.plan_context(db, office_id=office, year=2568)
    assert empty.plan is None and not empty.has_source_results
    assert empty.indicators  # the criteria of the year still name the indicators


def test_plan_context_of_the_demo_office(db):
    from ita_desktop.services.demo import create_demo

    office_id, _ = create_demo(db)
    context = plan_builder.plan_context(db, office_id=office_id, year=2569)
    assert context.previous_plan_size == 5
    assert len(context.plan.measures) == 13
    assert context.indicator(8).below
    assert context.units[0] == "สำนักปลัด"
