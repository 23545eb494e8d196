"""Checks of a shareable file's content beyond its types: ranges, sizes, references, repeats."""

import base64
import binascii
import re
from datetime import date
from decimal import Decimal, InvalidOperation

from ita_desktop.domain import strict
from ita_desktop.domain.records import Measure, Period, Progress
from ita_desktop.domain.scores import parse_score
from ita_desktop.errors import UserError
from ita_desktop.services.offices import check_office_fields, logo_mime
from ita_desktop.services.plans import check_measure, check_progress
from ita_desktop.services.share_content import SharedContent

MAX_TEXT = 20_000
MAX_YEARS = 50
MAX_SCORES = 2_000
MAX_MEASURES = 500
MAX_LIST = 100
MAX_UNITS = 200
YEARS = range(2500, 2700)

NOTHING_CHANGED = "ไม่มีการเปลี่ยนแปลงข้อมูลของท่าน"


PREFIX = "ไฟล์นี้มีข้อมูลไม่ถูกต้อง: "


def refuse(problem: str) -> UserError:
    return UserError(f"{PREFIX}{problem} — {NOTHING_CHANGED}")


def _again(error: UserError, where: str) -> UserError:
    """A check's own message with where it happened, without wrapping a refusal twice."""
    if error.message.startswith(PREFIX):
        return error
    return refuse(f"{where}: {error.message}")


# The strict parser's problems (written for definition authors) in the clerk's words.
_STRICT_WORDS = (
    (re.compile(r"unknown key\(s\) \[(.*?)\].*"), "มีหัวข้อที่โปรแกรมไม่รู้จัก ({0})"),
    (re.compile(r"missing key '(.*)'"), "ขาดหัวข้อ {0}"),
    (re.compile(r"must be a number.*"), "ต้องเป็นตัวเลข"),
    (re.compile(r"must be a whole number.*"), "ต้องเป็นจำนวนเต็ม"),
    (re.compile(r"must be text.*"), "ต้องเป็นข้อความ"),
    (re.compile(r"must be true or false.*"), "ต้องเป็นจริงหรือเท็จ"),
    (re.compile(r"must be a list.*"), "ต้องเป็นรายการ"),
    (re.compile(r"must be a table.*"), "ต้องเป็นกลุ่มข้อมูล"),
    (re.compile(r"must be one of .*"), "มีค่าที่ไม่อยู่ในตัวเลือกที่กำหนด"),
)


def strict_problem_in_thai(problem: str) -> str:
    for pattern, words in _STRICT_WORDS:
        match = pattern.search(problem)
        if match:
            return words.format(*(g[:80] for g in match.groups()))
    return "ข้อมูลไม่ตรงตามรูปแบบไฟล์"


def parse_content(data: dict) -> SharedContent:
    """Strictly typed content, then every rule of docs/shareable-file.md; UserError on the first."""
    try:
        content = strict.parse(SharedContent, data, "content")
    except strict.DefinitionError as error:
        problem = strict_problem_in_thai(error.problem)
        raise refuse(f"ข้อมูลที่ตำแหน่ง {error.path[:120]} {problem}") from None
    except RecursionError:
        raise refuse("โครงสร้างซ้อนกันลึกเกินไป") from None
    check_content(content)
    return content


def _text(value: str, where: str) -> None:
    if len(value) > MAX_TEXT:
        raise refuse(f"ข้อความที่ {where} ยาวเกิน {MAX_TEXT:,} ตัวอักษร")
    if "\x00" in value:
        raise refuse(f"ข้อความที่ {where} มีอักขระควบคุมที่ไม่อนุญาต")


def _iso_date(value: str | None, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise refuse(f"วันที่ที่ {where} ไม่ถูกต้อง ({value[:20]})") from None


def check_content(content: SharedContent) -> None:
    office = content.office
    for name in ("name", "kind", "district", "province", "address", "phone"):
        _text(getattr(office, name), f"office.{name}")
    if not office.name.strip():
        raise refuse("ไม่มีชื่อหน่วยงาน")
    if len(office.units) > MAX_UNITS or len(office.signatories) > MAX_UNITS:
        raise refuse("รายชื่อส่วนราชการหรือผู้ลงนามมากเกินไป")
    for unit in office.units:
        _text(unit, "office.units")
    if len({u.strip() for u in office.units}) != len(office.units) or any(
        not u.strip() for u in office.units
    ):
        raise refuse("รายชื่อส่วนราชการ/กองว่างหรือซ้ำกัน")
    for s in office.signatories:
        _text(s.name, "office.signatories")
        _text(s.position, "office.signatories")
    decode_logo(office.logo)
    try:
        check_office_fields({"kind": office.kind} if office.kind else {})
    except UserError as error:
        raise refuse(error.message) from None
    criteria = content.criteria or {}
    for key, c in criteria.items():
        if key != str(c.year):
            raise refuse(f"เกณฑ์ปี {key} ระบุปีภายในเป็น {c.year}")
    _check_assessments(content, criteria)
    _check_plans(content)


def decode_logo(logo: str | None) -> bytes | None:
    if logo is None:
        return None
    if len(logo) > 3 * 1024 * 1024:
        raise refuse("ตราสัญลักษณ์ใหญ่เกิน ๒ MB")
    try:
        data = base64.b64decode(logo, validate=True)
    except (binascii.Error, ValueError):
        raise refuse("ตราสัญลักษณ์ไม่ใช่ข้อมูลภาพที่อ่านได้") from None
    try:
        logo_mime(data)
    except UserError as error:
        raise refuse(error.message) from None
    return data


def _check_assessments(content: SharedContent, criteria: dict) -> None:
    if len(content.assessments) > MAX_YEARS:
        raise refuse("มีจำนวนปีมากเกินไป")
    years = [a.year for a in content.assessments]
    if len(set(years)) != len(years):
        raise refuse("มีผลการประเมินของปีเดียวกันซ้ำกัน")
    for a in content.assessments:
        where = f"ผลการประเมินปี {a.year}"
        if a.year not in YEARS:
            raise refuse(f"ปีงบประมาณ {a.year} ไม่ถูกต้อง")
        if str(a.criteria_year) not in criteria:
            raise refuse(f"{where} อ้างถึงเกณฑ์ปี {a.criteria_year} ที่ไม่มีในไฟล์")
        crit = criteria[str(a.criteria_year)]
        if len(a.scores) > MAX_SCORES:
            raise refuse(f"{where} มีคะแนนมากเกินไป")
        keys = [(s.scope, s.key) for s in a.scores]
        if len(set(keys)) != len(keys):
            raise refuse(f"{where} มีคะแนนของรายการเดียวกันซ้ำกัน")
        parts = set(crit.part_codes())
        numbers = {str(i.number) for i in crit.indicators}
        for s in a.scores:
            if s.scope == "overall" and s.key != "":
                raise refuse(f"{where}: คะแนนภาพรวมมีรหัสไม่ถูกต้อง")
            if s.scope == "part" and s.key not in parts:
                raise refuse(f"{where}: ไม่มีแบบวัด {s.key[:20]} ในเกณฑ์ปี {crit.year}")
            if s.scope == "indicator" and s.key not in numbers:
                raise refuse(f"{where}: ไม่มีตัวชี้วัดที่ {s.key[:20]} ในเกณฑ์ปี {crit.year}")
            if s.scope == "item" and not (0 < len(s.key) <= 20):
                raise refuse(f"{where}: รหัสข้อคำถามไม่ถูกต้อง")
            for value in (s.value, s.previous):
                _score(value, f"{where} ({s.scope} {s.key[:20]})")
        for mapping in (a.recommendations or {}, a.analysis_texts or {}):
            if len(mapping) > MAX_SCORES:
                raise refuse(f"{where} มีข้อความมากเกินไป")
            for key, text in mapping.items():
                _text(key, where)
                _text(text, where)
        _text(a.stakeholder_comments, where)
        if len(a.poll) > MAX_LIST:
            raise refuse(f"{where}: ผลสำรวจมีคำตอบมากเกินไป")
        for p in a.poll:
            _text(p.question, where)
            _text(p.answer, where)
            _score(p.percent, f"{where} (ผลสำรวจ)")


def _score(value: str | None, where: str) -> None:
    if value is None:
        return
    try:
        parse_score(value[:40])
    except UserError as error:
        raise refuse(f"{where}: {error.message}") from None
    if len(value) > 40:
        raise refuse(f"{where}: ตัวเลขยาวเกินไป")
    try:
        Decimal(value)  # what the import writes; parse_score forgives blanks and commas
    except InvalidOperation:
        raise refuse(f"{where}: “{value}” ไม่ใช่ตัวเลข (ไม่มีคะแนนให้ใช้ null)") from None


def _check_plans(content: SharedContent) -> None:
    if len(content.plans) > MAX_YEARS:
        raise refuse("มีจำนวนแผนมากเกินไป")
    years = [p.year for p in content.plans]
    if len(set(years)) != len(years):
        raise refuse("มีแผนมาตรการของปีเดียวกันซ้ำกัน")
    for plan in content.plans:
        where = f"แผนมาตรการปี {plan.year}"
        source_ok = plan.source_year is None or plan.source_year in YEARS
        if plan.year not in YEARS or not source_ok:
            raise refuse(f"{where}: ปีงบประมาณไม่ถูกต้อง")
        _iso_date(plan.meeting_date, where)
        _text(plan.intro, where)
        if len(plan.measures) > MAX_MEASURES:
            raise refuse(f"{where} มีมาตรการมากเกินไป")
        for number, m in enumerate(plan.measures, start=1):
            here = f"{where} มาตรการที่ {number}"
            if m.indicator is not None and not (1 <= m.indicator <= 99):
                raise refuse(f"{here}: ตัวชี้วัดไม่ถูกต้อง")
            if len(m.indicators) > MAX_LIST or len(m.items) > MAX_LIST:
                raise refuse(f"{here}: อ้างถึงตัวชี้วัดหรือข้อมากเกินไป")
            if any(not (1 <= i <= 99) for i in m.indicators) or any(
                not (0 < len(i) <= 20) for i in m.items
            ):
                raise refuse(f"{here}: ตัวชี้วัดหรือข้อที่อ้างถึงไม่ถูกต้อง")
            try:
                check_measure(to_measure(m))
            except UserError as error:
                raise _again(error, here) from None
            for round_key, progress in (m.progress or {}).items():
                if round_key not in ("6", "12"):
                    raise refuse(f"{here}: รอบการรายงาน {round_key[:10]} ไม่ถูกต้อง")
                if progress is None:
                    continue
                try:
                    check_progress(to_progress(0, int(round_key), progress, here))
                except UserError as error:
                    raise _again(error, here) from None


def to_measure(m) -> Measure:
    return Measure(
        measure=m.measure,
        issue=m.issue,
        analysis=m.analysis,
        steps=list(m.steps),
        responsible=list(m.responsible),
        period=Period(m.period.kind, m.period.start, m.period.end, m.period.text),
        follow_up=m.follow_up,
        expected_result=m.expected_result,
        indicator=m.indicator,
        indicators=list(m.indicators),
        items=list(m.items),
    )


def to_progress(measure_id: int, round_months: int, p, where: str = "") -> Progress:
    return Progress(
        measure_id=measure_id,
        round=round_months,
        status=p.status,
        date_done=_iso_date(p.date_done, where),
        results=list(p.results),
        outcome=p.outcome,
        remark=p.remark,
    )
