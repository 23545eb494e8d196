"""The rows of each table source, grouped as a layout asks: plain data, formatted, no layout."""

from collections.abc import Callable
from dataclasses import dataclass, field

from ita_desktop.domain.records import STATUSES, Measure, Progress
from ita_desktop.i18n.thai import format_date_range, format_month_range, year_month
from ita_desktop.services.reports.model import (
    DocumentData,
    Grid,
    Value,
    entries_value,
    numbered_entry,
    short_name,
)

Row = dict[str, Value]
DONE, DOING, TODO = STATUSES
OTHER = "มาตรการอื่น ๆ"


@dataclass
class Group:
    """Rows under one heading (an instrument, an indicator, an item); ``fields`` for templates."""

    fields: dict[str, Value]
    rows: list[Row] = field(default_factory=list)
    children: list["Group"] = field(default_factory=list)
    other: bool = False  # rows that belong to no group of this kind


def table_groups(
    data: DocumentData, source: str, group_by=(), all_groups=False, total_row=False
) -> list[Group]:
    """Groups of rows of ``source``; ungrouped sources give one group without fields."""
    if source == "indicator_items":
        return _indicator_items(data)
    if source == "weak_items":
        return _weak_items(data)
    if source == "measures":
        return _measure_groups(data, tuple(group_by), all_groups)
    rows = {
        "parts": lambda: _parts(data, total_row),
        "indicators": lambda: _indicators(data),
        "ranking": lambda: _ranking(data),
        "extremes": lambda: _extremes(data),
    }[source]()
    return [Group({}, rows)]


# --- results ---------------------------------------------------------------------------------


def _need_analysis(data: DocumentData):
    if data.analysis is None:
        return None
    return data.analysis


def _parts(data: DocumentData, total_row: bool) -> list[Row]:
    analysis = _need_analysis(data)
    if analysis is None:
        return []
    rows = [
        {
            "label": data.digit(p.label),
            "name": p.name,
            "previous": data.num(p.previous),
            "score": data.num(p.score),
            "diff": data.diff(p.diff),
        }
        for p in analysis.shown_parts()
    ]
    if total_row:
        o = analysis.overall
        rows.append(
            {
                "label": "ภาพรวม",
                "name": "ภาพรวม",
                "previous": data.num(o.previous),
                "score": data.num(o.score),
                "diff": data.diff(o.diff),
            }
        )
    return rows


def _indicator_fields(data: DocumentData, row) -> dict[str, str]:
    number = data.digit(row.number)
    return {
        "number": number,
        "name": row.name,
        "label": f"{number}. {row.name}",
        "instrument": row.instrument,
        "previous": data.num(row.previous),
        "score": data.num(row.score),
        "diff": data.diff(row.diff),
        "rank": data.digit(row.rank) if row.rank else "-",
    }


def _indicators(data: DocumentData) -> list[Row]:
    analysis = _need_analysis(data)
    return [_indicator_fields(data, r) for r in analysis.indicators] if analysis else []


def _ranking(data: DocumentData) -> list[Row]:
    analysis = _need_analysis(data)
    return [_indicator_fields(data, r) for r in analysis.ranking] if analysis else []


def _extremes(data: DocumentData) -> list[Row]:
    analysis = _need_analysis(data)
    if analysis is None or not analysis.highest:
        return []
    rows = []
    for label, numbers in (("คะแนนสูงสุด", analysis.highest), ("คะแนนต่ำสุด", analysis.lowest)):
        picked = [analysis.indicator(n) for n in numbers]
        rows.append(
            {
                "label": label,
                "score": data.num(picked[0].score),
                "unit": "คะแนน",
                "names": " ".join(r.name for r in picked),
            }
        )
    return rows


def _item_fields(data: DocumentData, code: str, text: str, score) -> Row:
    code, text = data.digit(code), data.digit(text)
    return {"code": code, "text": text, "item": f"{code} {text}".strip(), "score": data.num(score)}


def _indicator_items(data: DocumentData) -> list[Group]:
    analysis = _need_analysis(data)
    if analysis is None:
        return []
    groups = []
    for n, row in enumerate(analysis.indicators, start=1):
        fields = _indicator_fields(data, row) | {
            "n": data.digit(n),
            "path": data.digit(n),
            "analysis": data.digit(data.texts.get([f"indicator:{row.number}"])),
        }
        items = [_item_fields(data, i.code, i.text, i.score) for i in analysis.items_of(row.number)]
        groups.append(Group(fields, items))
    return groups


def _weak_items(data: DocumentData) -> list[Group]:
    """Seed 004: per instrument, its indicators beside the items under target and their fixes."""
    analysis = _need_analysis(data)
    if analysis is None:
        return []
    criteria = data.criteria
    clerk = data.texts.clerk
    groups = []
    for n, inst in enumerate(analysis.instruments, start=1):
        below = analysis.below_target_of(inst.code)
        low = {i.code for i in below.items} if below else set()
        items = []
        for item in analysis.items:
            fix = clerk.get(f"item:{item.code}", "").strip()
            if item.instrument == inst.code and (item.code in low or fix):
                items.append(
                    _item_fields(data, item.code, item.text, item.score) | {"fix": data.digit(fix)}
                )
        indicators = tuple(
            (f"{data.digit(r.number)}.", r.name, data.num(r.score))
            for r in analysis.indicators
            if r.instrument == inst.code
        )
        name = criteria.instrument(inst.code).name if criteria else inst.name
        summary = data.texts.get([f"part:{inst.code}", f"below_target:{inst.code}"])
        groups.append(
            Group(
                {
                    "n": data.digit(n),
                    "path": data.digit(n),
                    "code": inst.code,
                    "name": name,
                    "short_name": short_name(name),
                    "score": data.num(inst.score),
                    "indicators": Grid(indicators),
                    "total": data.digit(
                        sum(1 for i in analysis.items if i.instrument == inst.code)
                    ),
                    "count": data.digit(below.count if below else 0),
                    "summary": data.digit(summary),
                },
                items,
            )
        )
    return groups


# --- measures --------------------------------------------------------------------------------


def _period(data: DocumentData, measure: Measure, style: str) -> str:
    period = measure.period
    try:
        if period.kind == "months":
            width = "wide" if style == "wide" else "abbreviated"
            return format_month_range(
                year_month(period.start),
                year_month(period.end),
                month=width,
                prefix="",
                short_year=style == "short",
                digits=data.digits,
            )
        if period.kind == "dates":
            from datetime import date

            start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)
            width = "abbreviated" if style == "short" else "wide"
            return format_date_range(start, end, month=width, digits=data.digits)
    except ValueError:
        return data.digit(f"{period.start} - {period.end}")
    return data.digit(period.text)


def _criteria_item(data: DocumentData, code: str):
    return data.criteria.item(code) if data.criteria else None


def _item_score(data: DocumentData, code: str):
    analysis = data.analysis
    if analysis is None:
        return None
    return next((i.score for i in analysis.items if i.code.lower() == code.lower()), None)


def _issue(data: DocumentData, measure: Measure) -> str:
    if measure.issue.strip():
        return data.digit(measure.issue.strip())
    lines = []
    for code in measure.items:
        item = _criteria_item(data, code)
        score = _item_score(data, code)
        text = f"{code} {item.text}".strip() if item else code
        if score is not None:
            text += f" ได้ {data.num(score)} คะแนน"
        lines.append(data.digit(text))
    return "\n".join(lines)


def _finding(data: DocumentData, measure: Measure) -> str:
    """'ผลคะแนนด้านตัวชี้วัดด้านที่ ๒ การใช้งบประมาณ หัวข้อการประเมิน … มีค่าคะแนนเท่ากับ ๙๖.๗๗'."""
    for code in measure.items:
        item = _criteria_item(data, code)
        if item is None or data.criteria is None:
            continue
        indicator = data.criteria.indicator(item.indicator)
        topic = item.text.strip() or f"ข้อ {item.code}"  # wording the criteria do not know
        text = f"ผลคะแนนด้านตัวชี้วัดด้านที่ {indicator.number} {indicator.name} หัวข้อการประเมิน {topic}"
        score = _item_score(data, code)
        if score is not None:
            text += f" มีค่าคะแนนเท่ากับ {data.num(score)}"
        return text
    return ""


def _indicator_of(data: DocumentData, measure: Measure) -> int | None:
    if measure.indicator is not None:
        return measure.indicator
    if measure.indicators:
        return measure.indicators[0]
    for code in measure.items:
        item = _criteria_item(data, code)
        if item:
            return item.indicator
    return None


def _status_cells(data: DocumentData, progress: Progress | None) -> dict[str, Value]:
    cells: dict[str, Value] = {"done": "-", "doing": "-", "todo": "-"}
    if progress is None:
        return cells
    column = {DONE: "done", DOING: "doing", TODO: "todo"}[progress.status]
    results = tuple(data.digit(r) for r in progress.results if r.strip())
    when = f"เมื่อวันที่ {data.date(progress.date_done)}" if progress.date_done else ""
    if results:
        cells[column] = entries_value(results + ((when,) if when else ()))
    else:
        cells[column] = when or "/"
    return cells


def measure_row(data: DocumentData, number: int, measure: Measure) -> Row:
    progress = data.progress.get(measure.id)
    indicator = _indicator_of(data, measure)
    criteria = data.criteria
    label = ""
    if indicator is not None:
        name = (
            next((i.name for i in criteria.indicators if i.number == indicator), "")
            if criteria
            else ""
        )
        label = f"{data.digit(indicator)}. {name}".strip()
    analysis = measure.analysis.strip() or (
        data.texts.get([f"indicator:{indicator}"]) if indicator is not None else ""
    )
    status = progress.status if progress else TODO
    status_text = status
    if progress and progress.status == DONE and progress.date_done:
        status_text = f"{DONE} เมื่อวันที่ {data.date(progress.date_done)}"
    number_text = data.digit(number)
    finding = measure.analysis.strip() or _finding(data, measure) or label
    row: Row = {
        "finding": data.digit(finding),
        "number": number_text,
        "measure": data.digit(measure.measure.strip()),
        "measure_numbered": numbered_entry(number_text, data.digit(measure.measure)),
        "issue": _issue(data, measure),
        "analysis": data.digit(analysis),
        "steps": entries_value(data.digit(s) for s in measure.steps),
        "measure_steps": entries_value(
            (data.digit(s) for s in measure.steps), data.digit(measure.measure)
        ),
        "responsible": "\n".join(data.digit(r) for r in measure.responsible if r.strip()),
        "period": _period(data, measure, "abbreviated"),
        "period_short": _period(data, measure, "short"),
        "period_wide": _period(data, measure, "wide"),
        "follow_up": data.digit(measure.follow_up.strip()),
        "expected_result": data.digit(measure.expected_result.strip()),
        "items": data.digit(", ".join(measure.items)),
        "indicator": label,
        "status": status,
        "status_text": status_text,
        "date_done": data.date(progress.date_done) if progress and progress.date_done else "",
        "results": entries_value(data.digit(r) for r in progress.results) if progress else "",
        "outcome": data.digit(progress.outcome.strip()) if progress else "",
        "remark": data.digit(progress.remark.strip()) if progress else "",
    }
    return row | _status_cells(data, progress)


def _group_keys(data: DocumentData, measure: Measure, level: str):
    indicator = _indicator_of(data, measure)
    if level == "indicator":
        return indicator
    if level == "instrument":
        if indicator is None or data.criteria is None:
            return None
        return next((i.instrument for i in data.criteria.indicators if i.number == indicator), None)
    return measure.items[0].lower() if measure.items else None


def _group_fields(data: DocumentData, level: str, key) -> dict[str, Value]:
    criteria, analysis = data.criteria, data.analysis
    if key is None:
        return {"label": OTHER, "name": OTHER, "code": "", "text": OTHER}
    if level == "indicator":
        row = analysis.indicator(key) if analysis else None
        if row is not None:
            return _indicator_fields(data, row) | {
                "analysis": data.digit(data.texts.get([f"indicator:{key}"]))
            }
        name = (
            next((i.name for i in criteria.indicators if i.number == key), "") if criteria else ""
        )
        return {"number": data.digit(key), "name": name, "label": f"{data.digit(key)}. {name}"}
    if level == "instrument":
        name = criteria.instrument(key).name if criteria else key
        score = analysis.instrument(key).score if analysis and analysis.instrument(key) else None
        return {"code": key, "name": name, "short_name": short_name(name), "score": data.num(score)}
    item = _criteria_item(data, key)
    fields = {
        "code": data.digit(item.code if item else key),
        "text": data.digit(item.text) if item else "",
        "score": data.num(_item_score(data, key)),
    }
    if item and criteria:
        indicator = criteria.indicator(item.indicator)
        instrument = criteria.instrument(indicator.instrument)
        fields |= {
            "indicator": data.digit(indicator.number),
            "indicator_name": indicator.name,
            "instrument": instrument.code,
            "instrument_name": instrument.name,
            "short_name": short_name(instrument.name),
        }
    return fields


def _order(data: DocumentData, level: str) -> Callable:
    criteria = data.criteria
    if criteria is None:
        return lambda key: (key is None, str(key))
    if level == "indicator":
        known = [i.number for i in criteria.indicators]
    elif level == "instrument":
        known = [i.code for i in criteria.instruments]
    else:
        known = [i.code.lower() for i in criteria.items]
    rank = {k: n for n, k in enumerate(known)}
    return lambda key: (key is None, rank.get(key, len(rank)), str(key))


def _all_keys(data: DocumentData, level: str) -> list:
    criteria = data.criteria
    if criteria is None or level == "item":
        return []
    if level == "indicator":
        return [i.number for i in criteria.indicators]
    return [i.code for i in criteria.instruments]


def _grouped(
    data: DocumentData,
    rows: list[tuple[Measure, Row]],
    levels: tuple[str, ...],
    all_groups: bool,
    path: tuple[int, ...],
    parent: dict | None = None,
) -> list[Group]:
    level = levels[0]
    if level == "measure":
        return [
            Group(
                {
                    **(parent or {}),
                    **row,
                    "n": data.digit(n),
                    "path": data.digit(".".join(map(str, (*path, n)))),
                },
                [row],
            )
            for n, (_, row) in enumerate(rows, start=1)
        ]
    buckets: dict = {}
    if all_groups:
        buckets.update({key: [] for key in _all_keys(data, level)})
    for measure, row in rows:
        buckets.setdefault(_group_keys(data, measure, level), []).append((measure, row))
    groups = []
    for n, key in enumerate(sorted(buckets, key=_order(data, level)), start=1):
        members = buckets[key]
        here = (*path, n)
        fields = {
            **(parent or {}),
            **_group_fields(data, level, key),
            "n": data.digit(n),
            "path": data.digit(".".join(map(str, here))),
        }
        group = Group(fields, other=key is None)
        if len(levels) > 1:
            group.children = _grouped(data, members, levels[1:], False, here, fields)
        else:
            group.rows = [row for _, row in members]
        groups.append(group)
    return groups


def _measure_groups(data: DocumentData, levels: tuple[str, ...], all_groups: bool) -> list[Group]:
    measures = data.plan.measures if data.plan else []
    rows = [(m, measure_row(data, n, m)) for n, m in enumerate(measures, start=1)]
    if not levels:
        return [Group({}, [row for _, row in rows])]
    return _grouped(data, rows, levels, all_groups, ())
