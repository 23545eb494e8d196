"""Small real records for tests that must not depend on the shipped criteria files."""

from datetime import date
from decimal import Decimal

from ita_desktop.domain.criteria import Criteria, Indicator, Instrument, Item, Part
from ita_desktop.domain.records import (
    Measure,
    Office,
    Period,
    PollAnswer,
    Progress,
    Signatory,
    Unit,
)
from tests.analysis_helpers import INDICATORS, WORD_LEVELS


def small_criteria(year: int = 2568) -> Criteria:
    return Criteria(
        year=year,
        title=f"เกณฑ์ทดสอบ {year}",
        instruments=(
            Instrument("IIT", "แบบวัด IIT", Decimal(30)),
            Instrument(
                "EIT",
                "แบบวัด EIT",
                Decimal(30),
                (Part("EIT1", "EIT ส่วนที่ ๑"), Part("EIT2", "EIT ส่วนที่ ๒")),
            ),
            Instrument("OIT", "แบบวัด OIT", Decimal(40)),
        ),
        indicators=tuple(Indicator(n, name, inst) for n, name, inst in INDICATORS),
        items=(
            Item("i1", 1, "ปฏิบัติงานตามขั้นตอนและระยะเวลาที่กำหนด"),
            Item("i10", 4, "การยืมทรัพย์สินของราชการไปใช้"),
            Item("e1", 6, "การให้ข้อมูลที่ชัดเจน"),
            Item("o27", 10, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
        ),
        levels=WORD_LEVELS,
    )


def sample_office() -> Office:
    return Office(
        name="องค์การบริหารส่วนตำบลทดสอบ",
        kind="องค์การบริหารส่วนตำบล",
        district="เมือง",
        province="กาญจนบุรี",
        units=[Unit("สำนักปลัด"), Unit("กองคลัง")],
        signatories=[Signatory("นายทดสอบ ใจดี", "ปลัด อบต.", "ผู้ตรวจสอบ")],
    )


def fill_sample_year(db, office_id: int, year: int = 2568) -> tuple[int, int]:
    """An assessment with figures and texts, and the next year's plan with progress."""
    from ita_desktop.services import plans, results
    from ita_desktop.services.criteria import save_criteria

    save_criteria(db, small_criteria(year))
    aid = results.start_assessment(db, office_id=office_id, year=year)
    results.set_score(db, assessment_id=aid, scope="overall", key="", value="๙๓.๙๖")
    results.set_score(db, assessment_id=aid, scope="part", key="EIT1", value="99.97")
    results.set_score(db, assessment_id=aid, scope="indicator", key="4", value="99.45")
    results.set_score(
        db, assessment_id=aid, scope="indicator", key="4", value="98.62", previous=True
    )
    results.set_score(db, assessment_id=aid, scope="item", key="i10", value="84.5")
    results.set_score(db, assessment_id=aid, scope="item", key="x99", value="70")
    results.set_recommendation(db, assessment_id=aid, instrument="OIT", text="ควรเผยแพร่ข้อมูล")
    results.set_poll(
        db, assessment_id=aid, answers=[PollAnswer("สถานการณ์", "ลดลง", Decimal("62.50"))]
    )
    results.set_analysis_text(db, assessment_id=aid, key="indicator:4", text="ข้อความของผู้ใช้")
    plan_id = plans.start_plan(db, office_id=office_id, year=year + 1)
    first = plans.add_measure(
        db,
        plan_id=plan_id,
        measure=Measure(
            measure="จัดทำคู่มือการยืมทรัพย์สิน",
            issue="การยืมทรัพย์สินไม่มีขั้นตอนชัดเจน",
            steps=["ร่างคู่มือ", "เสนอผู้บริหาร", "เผยแพร่"],
            responsible=["สำนักปลัด"],
            period=Period("months", "2025-10", "2026-03"),
            indicator=4,
            items=["i10"],
        ),
    )
    plans.add_measure(
        db,
        plan_id=plan_id,
        measure=Measure(
            measure="ประชุมชี้แจง", period=Period("text", text="เป็นประจำทุกเดือน"), indicator=1
        ),
    )
    plans.set_progress(
        db,
        progress=Progress(first, 6, "ดำเนินการแล้ว", date(2026, 1, 23), ["ออกคู่มือแล้ว"]),
    )
    return aid, plan_id
