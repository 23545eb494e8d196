"""What the analysis page shows, computed on the worker: analysis, charts, drafts, tables' rows."""

from dataclasses import dataclass, field

from ita_desktop.domain.analysis import Analysis, IndicatorRow
from ita_desktop.domain.charts import BarChart, analysis_charts, part_label
from ita_desktop.domain.criteria import Criteria
from ita_desktop.domain.drafts import all_drafts, below_target_sentence, numbers_text
from ita_desktop.i18n.thai import (
    apply_digits,
    format_count,
    format_diff,
    format_number,
    format_year,
)
from ita_desktop.services import results
from ita_desktop.services.summary import analyse_year
from ita_desktop.ui.pages.analysis_texts import DraftView, draft_key
from ita_desktop.ui.widgets.thai_text import breakable_now, is_ready


@dataclass(frozen=True)
class FigureLine:
    """A row of the parts table: ภาพรวม, IIT, EIT ส่วนที่ ๑ … with last year, this year, ผลต่าง."""

    label: str
    previous: str
    score: str
    diff: str
    sign: int


@dataclass(frozen=True)
class AnalysisData:
    office_id: int
    year: int
    assessment_id: int | None = None
    criteria: Criteria | None = None
    analysis: Analysis | None = None
    charts: tuple[BarChart, ...] = ()
    parts: tuple[FigureLine, ...] = ()
    facts: tuple[str, ...] = ()
    below_target: tuple[str, ...] = ()
    views: tuple[DraftView, ...] = ()
    item_texts: dict[str, str] = field(default_factory=dict)  # code → text with word breaks
    texts_final: bool = True  # False: rough breaks until the segmenter has loaded

    def shape(self) -> tuple:
        return (self.assessment_id, tuple(v.key for v in self.views))


def _sign(diff) -> int:
    return 0 if diff is None or diff == 0 else (1 if diff > 0 else -1)


def _parts(analysis: Analysis) -> tuple[FigureLine, ...]:
    overall = analysis.overall
    lines = [
        FigureLine(
            "ภาพรวม",
            format_number(overall.previous),
            format_number(overall.score),
            format_diff(overall.diff),
            _sign(overall.diff),
        )
    ]
    for row in analysis.shown_parts():
        lines.append(
            FigureLine(
                row.code
                if row.code == row.instrument
                else part_label(row.code, row.name, row.label),
                format_number(row.previous),
                format_number(row.score),
                format_diff(row.diff),
                _sign(row.diff),
            )
        )
    return tuple(lines)


def _named(analysis: Analysis, numbers: tuple[int, ...]) -> str:
    score = analysis.indicator(numbers[0]).score if numbers else None
    return f"ตัวชี้วัดที่ {numbers_text(numbers)} ({format_number(score)} คะแนน)"


def _facts(analysis: Analysis) -> tuple[str, ...]:
    """Highest/lowest, up/down/unchanged and the level, one short line each."""
    lines = []
    overall = analysis.overall
    if overall.level:
        line = f"ระดับผลการประเมิน: {overall.level}"
        if overall.previous_level:
            change = "เท่าเดิม" if not overall.level_changed else f"ปีที่แล้ว {overall.previous_level}"
            line += f" ({change})"
        lines.append(line)
    if analysis.highest:
        lines.append(f"สูงสุด: {_named(analysis, analysis.highest)}")
    if analysis.lowest and analysis.lowest != analysis.highest:
        lines.append(f"ต่ำสุด: {_named(analysis, analysis.lowest)}")
    changes = []
    for word, numbers in (
        ("เพิ่มขึ้น", analysis.up),
        ("ลดลง", analysis.down),
        ("คงที่", analysis.unchanged),
    ):
        if numbers:
            changes.append(f"{word} {format_count(len(numbers))} ตัวชี้วัด (ที่ {numbers_text(numbers)})")
    if changes:
        lines.append(" · ".join(changes))
    elif analysis.indicators:
        lines.append(f"ยังไม่มีคะแนนปี {format_year(analysis.previous_year)} ให้เปรียบเทียบ")
    if analysis.below_target_indicators:
        target = format_number(analysis.target, None)
        listed = numbers_text(analysis.below_target_indicators)
        lines.append(f"ต่ำกว่าเป้าหมาย ({target} คะแนน): ตัวชี้วัดที่ {listed}")
    return tuple(lines)


def _indicator_facts(analysis: Analysis, row: IndicatorRow) -> str:
    parts = [f"คะแนน {format_number(row.score)}"]
    if row.previous is not None:
        parts.append(f"ปี {format_year(analysis.previous_year)} {format_number(row.previous)}")
        parts.append(f"ผลต่าง {format_diff(row.diff)}")
    if row.rank is not None:
        parts.append(f"อันดับ {format_count(row.rank)}")
    return " · ".join(parts)


def _views(analysis: Analysis, office_name: str, texts: dict[str, str]) -> tuple[DraftView, ...]:
    drafts = all_drafts(analysis, office_name)
    entries: list[tuple[str, str, str]] = [
        ("overall", "ผลการประเมินภาพรวม", ""),
    ]
    for row in analysis.instruments:
        facts = f"คะแนน {format_number(row.score)}"
        if row.diff is not None:
            facts += f" · ผลต่าง {format_diff(row.diff)}"
        entries.append((f"instrument:{row.code}", f"แบบวัด {row.code}", facts))
    entries.append(("indicators", "ผลรายตัวชี้วัด", ""))
    for row in analysis.indicators:
        title = f"ตัวชี้วัดที่ {apply_digits(str(row.number))} {row.name}"
        entries.append((f"indicator:{row.number}", title, _indicator_facts(analysis, row)))
    return tuple(
        DraftView(
            key=key,
            title=title,
            facts=facts,
            draft=drafts.get(key, ""),
            shown_draft=breakable_now(drafts.get(key, "")),
            text=texts.get(key, ""),
            used_draft=texts.get(draft_key(key)),
        )
        for key, title, facts in entries
    )


def load_analysis(db, *, office_id: int, year: int) -> AnalysisData:
    """Everything the page shows; segmentation and drafting happen here, off the UI thread."""
    assessment = results.find_assessment(db, office_id, year)
    if assessment is None:
        return AnalysisData(office_id, year)
    found = analyse_year(db, office_id=office_id, year=year)
    analysis = found.analysis
    final = is_ready()
    return AnalysisData(
        texts_final=final,
        office_id=office_id,
        year=year,
        assessment_id=found.assessment.id,
        criteria=found.criteria,
        analysis=analysis,
        charts=analysis_charts(analysis),
        parts=_parts(analysis),
        facts=_facts(analysis),
        below_target=tuple(below_target_sentence(analysis, i.code) for i in analysis.instruments),
        views=_views(analysis, found.office_name, found.assessment.analysis_texts),
        item_texts={
            item.code: breakable_now(item.text) for b in analysis.below_target for item in b.items
        },
    )
