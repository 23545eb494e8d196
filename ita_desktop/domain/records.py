"""The clerk's data as plain records: office, assessment of a year, plan with measures, progress."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

OFFICE_KINDS = (
    "องค์การบริหารส่วนตำบล",
    "เทศบาลตำบล",
    "เทศบาลเมือง",
    "เทศบาลนคร",
    "องค์การบริหารส่วนจังหวัด",
    "อื่น ๆ",
)
SIGNATORY_ROLES = ("ผู้รายงาน", "ผู้ตรวจสอบ", "ผู้บริหาร")
STATUSES = ("ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ")
ROUNDS = (6, 12)

Scope = Literal["overall", "part", "indicator", "item"]
PeriodKind = Literal["months", "dates", "text", ""]


@dataclass
class Unit:
    name: str
    id: int | None = None


@dataclass
class Signatory:
    name: str
    position: str
    role: str = "ผู้รายงาน"
    id: int | None = None


@dataclass
class Office:
    name: str
    kind: str = OFFICE_KINDS[0]
    district: str = ""
    province: str = ""
    address: str = ""
    phone: str = ""
    logo: bytes | None = None
    logo_mime: str = ""
    units: list[Unit] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    id: int | None = None


@dataclass
class Score:
    """One figure: this year's and, when last year is not in the file, last year's as typed."""

    scope: Scope
    key: str
    value: Decimal | None = None
    previous: Decimal | None = None


@dataclass
class PollAnswer:
    question: str
    answer: str
    percent: Decimal


@dataclass
class Assessment:
    office_id: int
    year: int
    criteria_year: int
    scores: dict[tuple[str, str], Score] = field(default_factory=dict)
    recommendations: dict[str, str] = field(default_factory=dict)
    stakeholder_comments: str = ""
    poll: list[PollAnswer] = field(default_factory=list)
    analysis_texts: dict[str, str] = field(default_factory=dict)
    id: int | None = None

    def value(self, scope: str, key: str) -> Decimal | None:
        score = self.scores.get((scope, str(key)))
        return score.value if score else None

    def typed_previous(self, scope: str, key: str) -> Decimal | None:
        score = self.scores.get((scope, str(key)))
        return score.previous if score else None


@dataclass
class Period:
    """When a measure runs: a month range (YYYY-MM, Gregorian), exact dates, or free text."""

    kind: PeriodKind = ""
    start: str = ""
    end: str = ""
    text: str = ""


@dataclass
class Measure:
    measure: str
    issue: str = ""
    steps: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    period: Period = field(default_factory=Period)
    follow_up: str = ""
    expected_result: str = ""
    indicator: int | None = None
    indicators: list[int] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    analysis: str = ""
    id: int | None = None
    position: int = 0


@dataclass
class Plan:
    office_id: int
    year: int
    source_year: int | None = None
    meeting_date: date | None = None
    intro: str = ""
    measures: list[Measure] = field(default_factory=list)
    id: int | None = None


@dataclass
class Progress:
    measure_id: int
    round: int
    status: str = STATUSES[2]
    date_done: date | None = None
    results: list[str] = field(default_factory=list)
    outcome: str = ""
    remark: str = ""


@dataclass
class Suggestion:
    measure: str
    indicator: int | None = None
    item_code: str = ""
    issue: str = ""
    steps: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    follow_up: str = ""
    expected_result: str = ""
    builtin: bool = False
    id: int | None = None
