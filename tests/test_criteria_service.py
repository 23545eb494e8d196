"""The clerk's edited criteria: saved per year, deleted (undo of a copy), applied to results."""

from dataclasses import replace

from ita_desktop.domain.criteria import Item
from ita_desktop.services import criteria as service
from ita_desktop.services import offices, results
from tests.builders import sample_office, small_criteria


def test_edited_criteria_win_over_the_shipped_file_until_deleted(db):
    shipped = service.criteria_for_year(db, 2568)
    edited = replace(shipped, title="เกณฑ์ที่แก้ไขแล้ว")
    service.save_criteria(db, edited)
    assert service.criteria_for_year(db, 2568).title == "เกณฑ์ที่แก้ไขแล้ว"
    assert service.delete_criteria(db, year=2568) == edited
    assert service.criteria_for_year(db, 2568) == shipped
    assert service.delete_criteria(db, year=2568) is None


def test_applying_corrected_criteria_to_entered_results_keeps_scores(db):
    office_id = offices.create_office(db, office=sample_office())
    service.save_criteria(db, small_criteria(2568))
    aid = results.start_assessment(db, office_id=office_id, year=2568)
    results.set_score(db, assessment_id=aid, scope="item", key="i99", value="70")
    corrected = replace(
        small_criteria(2568), items=(*small_criteria(2568).items, Item("i99", 2, "ข้อใหม่"))
    )
    old = service.apply_to_assessment(db, assessment_id=aid, criteria=corrected)
    assert old == small_criteria(2568)
    assert results.assessment_criteria(db, aid).item("i99").text == "ข้อใหม่"
    assert results.find_assessment(db, office_id, 2568).value("item", "i99") == 70
    service.apply_to_assessment(db, assessment_id=aid, criteria=old)
    assert results.assessment_criteria(db, aid).item("i99") is None
