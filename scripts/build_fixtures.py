"""Build the shareable files of the seed transcriptions and of the demo office from their JSON.

    tests/fixtures/src/<name>.json   ->  tests/fixtures/<name>.itashare
    resources/demo/demo-office.json  ->  resources/demo/demo-office.itashare

A source holds the content of docs/shareable-file.md without its "criteria" key. This script
checks it against that document (errors stop the build of that file; warnings only report,
e.g. an item code the year's criteria do not know, or a figure the weights do not give), adds
"criteria": {"<year>": <the shipped criteria of that year>} for every criteria_year used, and
writes share_format.pack(content).

    .venv/bin/python scripts/build_fixtures.py            # build everything
    .venv/bin/python scripts/build_fixtures.py --check    # exit 1 if an output is stale
    .venv/bin/python scripts/build_fixtures.py seed001    # only sources whose name matches
"""

from __future__ import annotations

import argparse
import base64
import binascii
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ita_desktop.domain.criteria import Criteria  # noqa: E402
from ita_desktop.domain.records import (  # noqa: E402
    OFFICE_KINDS,
    ROUNDS,
    SIGNATORY_ROLES,
    STATUSES,
)
from ita_desktop.domain.serialize import criteria_from_data, criteria_to_data  # noqa: E402
from ita_desktop.services import share_format  # noqa: E402
from ita_desktop.services.criteria import shipped_criteria  # noqa: E402

FIXTURE_SOURCES = ROOT / "tests" / "fixtures" / "src"
FIXTURE_OUT = ROOT / "tests" / "fixtures"
DEMO_SOURCE = ROOT / "resources" / "demo" / "demo-office.json"

# Keys of every object of the content (docs/shareable-file.md, format 1); all are required.
TOP_KEYS = {"office", "assessments", "plans"}
OFFICE_KEYS = {
    "name",
    "kind",
    "district",
    "province",
    "address",
    "phone",
    "logo",
    "logo_mime",
    "units",
    "signatories",
}
SIGNATORY_KEYS = {"name", "position", "role"}
ASSESSMENT_KEYS = {
    "year",
    "criteria_year",
    "scores",
    "recommendations",
    "stakeholder_comments",
    "poll",
    "analysis_texts",
}
SCORE_KEYS = {"scope", "key", "value", "previous"}
POLL_KEYS = {"question", "answer", "percent"}
PLAN_KEYS = {"year", "source_year", "meeting_date", "intro", "measures"}
MEASURE_KEYS = {
    "indicator",
    "issue",
    "measure",
    "analysis",
    "steps",
    "responsible",
    "period",
    "follow_up",
    "expected_result",
    "indicators",
    "items",
    "progress",
}
PERIOD_KEYS = {"kind", "start", "end", "text"}
PROGRESS_KEYS = {"status", "date_done", "results", "outcome", "remark"}

SCOPES = ("overall", "part", "indicator", "item")
PERIOD_KINDS = ("months", "dates", "text", "")
LOGO_MIMES = ("image/png", "image/jpeg")
MAX_TEXT = 20_000
MAX_YEARS = 50
MAX_SCORES = 2_000
MAX_MEASURES = 500
MAX_LIST = 100
MAX_LOGO = 2 * 1024 * 1024
SCORE_TEXT = re.compile(r"^\d{1,3}(\.\d{1,2})?$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
# analysis_texts keys: a section ("overall", "indicators"), an indicator, a part or an item.
ANALYSIS_KEY = re.compile(
    r"^(overall|indicators|indicator:\d{1,2}|part:[A-Z0-9]{2,5}|item:\w{1,20})$"
)
TOLERANCE = Decimal("0.01")


@dataclass
class Report:
    source: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def error(self, where: str, problem: str) -> None:
        self.errors.append(f"{where}: {problem}")

    def warn(self, where: str, problem: str) -> None:
        self.warnings.append(f"{where}: {problem}")


# --- small checks ------------------------------------------------------------------------------


def _keys(r: Report, where: str, value: Any, allowed: set[str]) -> bool:
    if not isinstance(value, dict):
        r.error(where, f"must be an object, not {type(value).__name__}")
        return False
    unknown = sorted(set(value) - allowed)
    missing = sorted(allowed - set(value))
    if unknown:
        r.error(where, f"unknown key(s) {unknown}")
    if missing:
        r.error(where, f"missing key(s) {missing}")
    return not unknown and not missing


def _text(r: Report, where: str, value: Any, *, required: bool = False) -> None:
    if not isinstance(value, str):
        r.error(where, f"must be text, not {value!r}")
        return
    if len(value) > MAX_TEXT:
        r.error(where, f"longer than {MAX_TEXT} characters")
    if required and not value.strip():
        r.error(where, "must not be empty")
    if value != value.strip():
        r.warn(where, "leading or trailing white space")
    if "<" in value and re.search(r"</?[a-z]+[^>]*>", value):
        r.warn(where, "looks like it still holds an HTML tag")


def _texts(r: Report, where: str, value: Any) -> None:
    if not isinstance(value, list):
        r.error(where, "must be a list of texts")
        return
    if len(value) > MAX_LIST:
        r.error(where, f"more than {MAX_LIST} entries")
    for i, v in enumerate(value):
        _text(r, f"{where}[{i}]", v, required=True)


def _int(r: Report, where: str, value: Any, *, nullable: bool = False) -> bool:
    if value is None and nullable:
        return True
    if isinstance(value, bool) or not isinstance(value, int):
        r.error(where, f"must be a whole number, not {value!r}")
        return False
    return True


def _score(r: Report, where: str, value: Any) -> Decimal | None:
    """A decimal string 0–100 with at most two decimals (or null)."""
    if value is None:
        return None
    if not isinstance(value, str) or not SCORE_TEXT.match(value):
        r.error(where, f"must be a decimal string with at most 2 decimals, not {value!r}")
        return None
    number = Decimal(value)
    if not 0 <= number <= 100:
        r.error(where, f"must be between 0 and 100, not {value}")
        return None
    return number


def _iso_date(r: Report, where: str, value: Any, *, nullable: bool = True) -> date | None:
    if value is None and nullable:
        return None
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        r.error(where, f"must be an ISO date YYYY-MM-DD, not {value!r}")
        return None


def _iso_month(r: Report, where: str, value: Any) -> str | None:
    if isinstance(value, str) and MONTH.match(value) and 1 <= int(value[5:]) <= 12:
        return value
    r.error(where, f"must be a month YYYY-MM, not {value!r}")
    return None


def _round2(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --- office ------------------------------------------------------------------------------------


def check_office(r: Report, office: Any) -> None:
    if not _keys(r, "office", office, OFFICE_KEYS):
        return
    _text(r, "office.name", office["name"], required=True)
    if office["kind"] not in OFFICE_KINDS:
        r.error("office.kind", f"must be one of {list(OFFICE_KINDS)}, not {office['kind']!r}")
    for key in ("district", "province", "address", "phone"):
        _text(r, f"office.{key}", office[key])
    logo, mime = office["logo"], office["logo_mime"]
    if logo is None:
        if mime:
            r.error("office.logo_mime", "must be empty when there is no logo")
    else:
        try:
            decoded = base64.b64decode(logo, validate=True)
        except (binascii.Error, TypeError, ValueError):
            r.error("office.logo", "must be base64 text")
        else:
            if len(decoded) > MAX_LOGO:
                r.error("office.logo", "larger than 2 MB")
        if mime not in LOGO_MIMES:
            r.error("office.logo_mime", f"must be one of {list(LOGO_MIMES)}")
    _texts(r, "office.units", office["units"])
    if isinstance(office["units"], list) and len(set(office["units"])) != len(office["units"]):
        r.error("office.units", "a unit repeats")
    signatories = office["signatories"]
    if not isinstance(signatories, list):
        r.error("office.signatories", "must be a list")
        return
    for i, s in enumerate(signatories):
        where = f"office.signatories[{i}]"
        if _keys(r, where, s, SIGNATORY_KEYS):
            _text(r, f"{where}.name", s["name"], required=True)
            _text(r, f"{where}.position", s["position"])
            if s["role"] not in SIGNATORY_ROLES:
                r.error(f"{where}.role", f"must be one of {list(SIGNATORY_ROLES)}")


# --- assessments -------------------------------------------------------------------------------


def check_assessment(r: Report, where: str, a: Any, shipped: dict[int, Criteria]) -> int | None:
    """Check one assessment; returns its criteria_year when that year's criteria exist."""
    if not _keys(r, where, a, ASSESSMENT_KEYS):
        return None
    _int(r, f"{where}.year", a["year"])
    criteria = None
    if _int(r, f"{where}.criteria_year", a["criteria_year"]):
        criteria = shipped.get(a["criteria_year"])
        if criteria is None:
            r.error(
                f"{where}.criteria_year",
                f"no forms/criteria/{a['criteria_year']}.toml to add to the file",
            )
    scores = a["scores"]
    values: dict[tuple[str, str], tuple[Decimal | None, Decimal | None]] = {}
    if not isinstance(scores, list):
        r.error(f"{where}.scores", "must be a list")
        scores = []
    if len(scores) > MAX_SCORES:
        r.error(f"{where}.scores", f"more than {MAX_SCORES} scores")
    for i, s in enumerate(scores):
        sw = f"{where}.scores[{i}]"
        if not _keys(r, sw, s, SCORE_KEYS):
            continue
        scope, key = s["scope"], s["key"]
        if scope not in SCOPES:
            r.error(f"{sw}.scope", f"must be one of {list(SCOPES)}, not {scope!r}")
            continue
        if not isinstance(key, str):
            r.error(f"{sw}.key", "must be text")
            continue
        if (scope, key) in values:
            r.error(sw, f"{scope} {key!r} repeats")
        value = _score(r, f"{sw}.value", s["value"])
        previous = _score(r, f"{sw}.previous", s["previous"])
        if s["value"] is None and s["previous"] is None:
            r.warn(sw, "holds neither a value nor a previous-year figure")
        values[(scope, key)] = (value, previous)
        _check_score_key(r, sw, scope, key, criteria)
    if criteria is not None:
        for column, label in ((0, "value"), (1, "previous")):
            _cross_check(r, where, criteria, {k: v[column] for k, v in values.items()}, label)
    _check_texts_dict(
        r, f"{where}.recommendations", a["recommendations"], criteria, recommendations=True
    )
    _text(r, f"{where}.stakeholder_comments", a["stakeholder_comments"])
    poll = a["poll"]
    if not isinstance(poll, list):
        r.error(f"{where}.poll", "must be a list")
    else:
        for i, p in enumerate(poll):
            pw = f"{where}.poll[{i}]"
            if _keys(r, pw, p, POLL_KEYS):
                _text(r, f"{pw}.question", p["question"])
                _text(r, f"{pw}.answer", p["answer"], required=True)
                if _score(r, f"{pw}.percent", p["percent"]) is None and p["percent"] is None:
                    r.error(f"{pw}.percent", "must not be null")
    _check_texts_dict(
        r, f"{where}.analysis_texts", a["analysis_texts"], criteria, recommendations=False
    )
    return a["criteria_year"] if criteria is not None else None


def _check_score_key(
    r: Report, where: str, scope: str, key: str, criteria: Criteria | None
) -> None:
    if scope == "overall":
        if key != "":
            r.error(f"{where}.key", 'the overall score has the key ""')
        return
    if scope == "item":
        if not key.strip() or len(key) > 20:
            r.error(f"{where}.key", "an item code is 1–20 characters")
        elif criteria is not None:
            item = criteria.item(key)
            if item is None:
                r.warn(f"{where}.key", f"item {key!r} is not in the {criteria.year} criteria")
            elif item.code != key:
                r.warn(f"{where}.key", f"the {criteria.year} criteria spell it {item.code!r}")
        return
    if criteria is None:
        return
    if scope == "part" and key not in criteria.part_codes():
        r.error(
            f"{where}.key",
            f"{key!r} is not a part of the {criteria.year} criteria {list(criteria.part_codes())}",
        )
    if scope == "indicator":
        numbers = {str(i.number) for i in criteria.indicators}
        if key not in numbers:
            r.error(f"{where}.key", f"{key!r} is not an indicator of the {criteria.year} criteria")


def _cross_check(
    r: Report,
    where: str,
    criteria: Criteria,
    figures: dict[tuple[str, str], Decimal | None],
    label: str,
) -> None:
    """Warn where an instrument or the overall figure is not what the weights give (> 0.01)."""
    instrument_values: dict[str, Decimal] = {}
    for inst in criteria.instruments:
        parts = [figures.get(("part", code)) for code in inst.part_codes()]
        indicators = [
            figures.get(("indicator", str(i.number))) for i in criteria.indicators_of(inst.code)
        ]
        part_mean = (sum(parts) / len(parts)) if parts and None not in parts else None
        ind_mean = (
            (sum(indicators) / len(indicators)) if indicators and None not in indicators else None
        )
        if part_mean is not None and ind_mean is not None and abs(part_mean - ind_mean) > TOLERANCE:
            r.warn(
                where,
                f"{label}: {inst.code} parts give {_round2(part_mean)} but the mean "
                f"of its indicators is {_round2(ind_mean)}",
            )
        chosen = part_mean if part_mean is not None else ind_mean
        if chosen is not None:
            instrument_values[inst.code] = chosen
    overall = figures.get(("overall", ""))
    if overall is None or len(instrument_values) != len(criteria.instruments):
        return
    expected = _round2(
        sum(inst.weight * instrument_values[inst.code] for inst in criteria.instruments) / 100
    )
    if abs(expected - overall) > TOLERANCE:
        r.warn(where, f"{label}: overall {overall} but the weights give {expected}")


def _check_texts_dict(
    r: Report, where: str, value: Any, criteria: Criteria | None, *, recommendations: bool
) -> None:
    if not isinstance(value, dict):
        r.error(where, "must be an object of texts")
        return
    allowed_instruments: set[str] = set()
    if criteria is not None:
        allowed_instruments = {i.code for i in criteria.instruments} | set(criteria.part_codes())
    for key, text in value.items():
        _text(r, f"{where}.{key}", text, required=True)
        if recommendations:
            if criteria is not None and key not in allowed_instruments:
                r.warn(f"{where}.{key}", "is not an instrument or part of the criteria")
        elif not ANALYSIS_KEY.match(key):
            r.warn(f"{where}.{key}", "unusual analysis key")


# --- plans -------------------------------------------------------------------------------------


def check_plan(r: Report, where: str, p: Any, shipped: dict[int, Criteria]) -> None:
    if not _keys(r, where, p, PLAN_KEYS):
        return
    _int(r, f"{where}.year", p["year"])
    _int(r, f"{where}.source_year", p["source_year"], nullable=True)
    _iso_date(r, f"{where}.meeting_date", p["meeting_date"])
    _text(r, f"{where}.intro", p["intro"])
    measures = p["measures"]
    if not isinstance(measures, list):
        r.error(f"{where}.measures", "must be a list")
        return
    if len(measures) > MAX_MEASURES:
        r.error(f"{where}.measures", f"more than {MAX_MEASURES} measures")
    criteria = shipped.get(p["source_year"]) if isinstance(p["source_year"], int) else None
    year = p["year"] if isinstance(p["year"], int) else None
    for i, m in enumerate(measures):
        check_measure(r, f"{where}.measures[{i}]", m, criteria, year)


def check_measure(
    r: Report, where: str, m: Any, criteria: Criteria | None, year: int | None
) -> None:
    if not _keys(r, where, m, MEASURE_KEYS):
        return
    numbers = {i.number for i in criteria.indicators} if criteria else set(range(1, 11))
    if (
        _int(r, f"{where}.indicator", m["indicator"], nullable=True)
        and m["indicator"] is not None
        and m["indicator"] not in numbers
    ):
        r.error(f"{where}.indicator", f"no indicator {m['indicator']}")
    for key in ("issue", "measure", "analysis", "follow_up", "expected_result"):
        _text(r, f"{where}.{key}", m[key])
    if not (m["measure"].strip() or m["issue"].strip() or m["steps"]):
        r.error(where, "holds neither a measure, an issue nor steps")
    _texts(r, f"{where}.steps", m["steps"])
    _texts(r, f"{where}.responsible", m["responsible"])
    if not isinstance(m["indicators"], list):
        r.error(f"{where}.indicators", "must be a list")
    else:
        for n in m["indicators"]:
            if _int(r, f"{where}.indicators", n) and n not in numbers:
                r.error(f"{where}.indicators", f"no indicator {n}")
        if len(set(m["indicators"])) != len(m["indicators"]):
            r.error(f"{where}.indicators", "an indicator repeats")
    if not isinstance(m["items"], list):
        r.error(f"{where}.items", "must be a list")
    else:
        for code in m["items"]:
            if not isinstance(code, str) or not code.strip():
                r.error(f"{where}.items", f"bad item code {code!r}")
            elif criteria is not None and criteria.item(code) is None:
                r.warn(f"{where}.items", f"item {code!r} is not in the {criteria.year} criteria")
    check_period(r, f"{where}.period", m["period"])
    progress = m["progress"]
    if not isinstance(progress, dict):
        r.error(f"{where}.progress", "must be an object keyed by round")
        return
    for key, entry in progress.items():
        if key not in {str(n) for n in ROUNDS}:
            r.error(f"{where}.progress", f"unknown round {key!r}")
        elif entry is not None:
            check_progress(r, f"{where}.progress.{key}", entry, int(key), year)


def check_period(r: Report, where: str, period: Any) -> None:
    if not _keys(r, where, period, PERIOD_KEYS):
        return
    kind, start, end, text = (period[k] for k in ("kind", "start", "end", "text"))
    if kind not in PERIOD_KINDS:
        r.error(f"{where}.kind", f"must be one of {list(PERIOD_KINDS)}, not {kind!r}")
        return
    _text(r, f"{where}.text", text)
    if kind == "months":
        a, b = _iso_month(r, f"{where}.start", start), _iso_month(r, f"{where}.end", end)
        if a and b and a > b:
            r.error(where, "starts after it ends")
    elif kind == "dates":
        a, b = (
            _iso_date(r, f"{where}.start", start, nullable=False),
            _iso_date(r, f"{where}.end", end, nullable=False),
        )
        if a and b and a > b:
            r.error(where, "starts after it ends")
    elif start or end:
        r.error(where, f"a {kind or 'blank'} period has no start or end")
    if kind == "text" and not text.strip():
        r.error(f"{where}.text", "a text period needs its text")
    if kind in ("months", "dates", "") and text:
        r.error(f"{where}.text", f"a {kind or 'blank'} period has no text")


def check_progress(r: Report, where: str, p: Any, round_: int, year: int | None) -> None:
    if not _keys(r, where, p, PROGRESS_KEYS):
        return
    if p["status"] not in STATUSES:
        r.error(f"{where}.status", f"must be one of {list(STATUSES)}, not {p['status']!r}")
    done = _iso_date(r, f"{where}.date_done", p["date_done"])
    _texts(r, f"{where}.results", p["results"])
    _text(r, f"{where}.outcome", p["outcome"])
    _text(r, f"{where}.remark", p["remark"])
    if done is None or year is None:
        return
    if p["status"] != STATUSES[0]:
        r.warn(f"{where}.date_done", f"a date done with the status {p['status']}")
    first = date(year - 544, 10, 1)
    last = date(year - 543, 3, 31) if round_ == 6 else date(year - 543, 9, 30)
    if not first <= done <= last:
        r.warn(f"{where}.date_done", f"{done} is outside the round ({first} – {last})")


# --- the whole content -------------------------------------------------------------------------


def check_content(r: Report, content: Any, shipped: dict[int, Criteria]) -> set[int]:
    """Check a source; returns the criteria years its assessments use."""
    if not isinstance(content, dict):
        r.error("content", "must be an object")
        return set()
    if "criteria" in content:
        r.error("criteria", "leave it out of the source: the builder adds the shipped criteria")
    _keys(r, "content", {k: v for k, v in content.items() if k != "criteria"}, TOP_KEYS)
    check_office(r, content.get("office"))
    used: set[int] = set()
    assessments = content.get("assessments", [])
    if not isinstance(assessments, list) or len(assessments) > MAX_YEARS:
        r.error("assessments", f"must be a list of at most {MAX_YEARS} years")
        assessments = []
    years = [a.get("year") for a in assessments if isinstance(a, dict)]
    if len(set(years)) != len(years):
        r.error("assessments", "a year repeats")
    for i, a in enumerate(assessments):
        year = check_assessment(r, f"assessments[{i}]", a, shipped)
        if year is not None:
            used.add(year)
    plans = content.get("plans", [])
    if not isinstance(plans, list) or len(plans) > MAX_YEARS:
        r.error("plans", f"must be a list of at most {MAX_YEARS} years")
        plans = []
    years = [p.get("year") for p in plans if isinstance(p, dict)]
    if len(set(years)) != len(years):
        r.error("plans", "a year repeats")
    for i, p in enumerate(plans):
        check_plan(r, f"plans[{i}]", p, shipped)
    return used


def build(source: Path, target: Path, shipped: dict[int, Criteria]) -> tuple[Report, bytes | None]:
    report = Report(str(source.relative_to(ROOT)) if source.is_relative_to(ROOT) else str(source))
    try:
        content = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        report.error("file", f"not readable JSON: {error}")
        return report, None
    used = check_content(report, content, shipped)
    if report.errors:
        return report, None
    content["criteria"] = {str(year): criteria_to_data(shipped[year]) for year in sorted(used)}
    for year, data in content["criteria"].items():
        criteria_from_data(data, f"criteria {year}")  # the set must pass the strict check
    data = share_format.pack(content)
    if share_format.unpack(data) != json.loads(json.dumps(content)):
        report.error("file", "does not survive pack → unpack unchanged")
        return report, None
    return report, data


def sources() -> list[tuple[Path, Path]]:
    pairs = [
        (s, FIXTURE_OUT / f"{s.stem}.itashare") for s in sorted(FIXTURE_SOURCES.glob("*.json"))
    ]
    if DEMO_SOURCE.exists():
        pairs.append((DEMO_SOURCE, DEMO_SOURCE.with_suffix(".itashare")))
    return pairs


def counts(content_source: Path) -> str:
    content = json.loads(content_source.read_text(encoding="utf-8"))
    assessments = content.get("assessments", [])
    plans = content.get("plans", [])
    scores = sum(len(a.get("scores", [])) for a in assessments)
    measures = sum(len(p.get("measures", [])) for p in plans)
    return (
        f"{len(assessments)} assessment(s), {scores} scores, {len(plans)} plan(s), "
        f"{measures} measures"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "names", nargs="*", help="only sources whose file name contains one of these"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when an output differs from a fresh build",
    )
    parser.add_argument("--quiet", action="store_true", help="do not list the warnings")
    args = parser.parse_args(argv)

    missing = [
        y
        for y in (2564, 2565, 2566, 2567, 2568)
        if not (ROOT / "forms" / "criteria" / f"{y}.toml").exists()
    ]
    if missing:
        print(f"forms/criteria lacks {missing}: cannot build yet", file=sys.stderr)
        return 2
    shipped = shipped_criteria()
    failed = stale = False
    for source, target in sources():
        if args.names and not any(n in source.name for n in args.names):
            continue
        report, data = build(source, target, shipped)
        name = report.source
        for problem in report.errors:
            print(f"ERROR {name}: {problem}", file=sys.stderr)
        if not args.quiet:
            for problem in report.warnings:
                print(f"warning {name}: {problem}")
        if data is None:
            failed = True
            continue
        out = target.relative_to(ROOT)
        if args.check:
            if not target.exists() or target.read_bytes() != data:
                print(f"STALE {out}: run scripts/build_fixtures.py", file=sys.stderr)
                stale = True
            continue
        if target.exists() and target.read_bytes() == data:
            print(f"unchanged {out} ({counts(source)}; {len(report.warnings)} warning(s))")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".tmp")
        temporary.write_bytes(data)
        temporary.replace(target)
        print(f"wrote {out} ({counts(source)}; {len(report.warnings)} warning(s))")
    return 1 if failed or stale else 0


if __name__ == "__main__":
    sys.exit(main())
