"""The shareable file's content, format 1, as strict dataclasses (docs/shareable-file.md)."""

from dataclasses import dataclass
from typing import Literal

from ita_desktop.domain.criteria import Criteria

Status = Literal["ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ"]


@dataclass(frozen=True)
class SharedSignatory:
    name: str
    position: str = ""
    role: str = ""


@dataclass(frozen=True)
class SharedOffice:
    name: str
    kind: str = ""
    district: str = ""
    province: str = ""
    address: str = ""
    phone: str = ""
    logo: str | None = None
    logo_mime: str = ""
    units: tuple[str, ...] = ()
    signatories: tuple[SharedSignatory, ...] = ()


@dataclass(frozen=True)
class SharedScore:
    scope: Literal["overall", "part", "indicator", "item"]
    key: str
    value: str | None = None
    previous: str | None = None


@dataclass(frozen=True)
class SharedPollAnswer:
    answer: str
    percent: str
    question: str = ""


@dataclass(frozen=True)
class SharedAssessment:
    year: int
    criteria_year: int
    scores: tuple[SharedScore, ...] = ()
    recommendations: dict[str, str] | None = None
    stakeholder_comments: str = ""
    poll: tuple[SharedPollAnswer, ...] = ()
    analysis_texts: dict[str, str] | None = None


@dataclass(frozen=True)
class SharedPeriod:
    kind: Literal["months", "dates", "text", ""] = ""
    start: str = ""
    end: str = ""
    text: str = ""


@dataclass(frozen=True)
class SharedProgress:
    status: Status
    date_done: str | None = None
    results: tuple[str, ...] = ()
    outcome: str = ""
    remark: str = ""


@dataclass(frozen=True)
class SharedMeasure:
    measure: str
    indicator: int | None = None
    issue: str = ""
    analysis: str = ""
    steps: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    period: SharedPeriod = SharedPeriod()
    follow_up: str = ""
    expected_result: str = ""
    indicators: tuple[int, ...] = ()
    items: tuple[str, ...] = ()
    progress: dict[str, SharedProgress | None] | None = None


@dataclass(frozen=True)
class SharedPlan:
    year: int
    source_year: int | None = None
    meeting_date: str | None = None
    intro: str = ""
    measures: tuple[SharedMeasure, ...] = ()


@dataclass(frozen=True)
class SharedContent:
    office: SharedOffice
    criteria: dict[str, Criteria] | None = None
    assessments: tuple[SharedAssessment, ...] = ()
    plans: tuple[SharedPlan, ...] = ()
