"""Drafts of the routine Thai sentences of an ITA analysis; the clerk's own texts live elsewhere."""

from collections.abc import Iterable
from decimal import Decimal

from ita_desktop.domain.analysis import Analysis, IndicatorRow, compress_numbers
from ita_desktop.i18n.thai import (
    Digits,
    apply_digits,
    format_count,
    format_diff,
    format_number,
    format_year,
)

# Advice the seeds attach to each finding; the clerk replaces it with the indicator's own.
_KEEP_UP = "จึงควรรักษามาตรฐานไว้และพัฒนาให้ดียิ่งขึ้นอย่างต่อเนื่อง"
_KEEP_SAME = "จึงควรรักษามาตรฐานไว้และควรพัฒนาปรับปรุงให้ดีขึ้น"
_FIX_NOW = "จึงควรเร่งปรับปรุงการดำเนินงานในตัวชี้วัดนี้"


def _starts_with_thai_letter(text: str) -> bool:
    # Thai letters and marks end at U+0E4E; Thai digits (U+0E50…) are spaced like Arabic ones.
    return bool(text) and "\u0e01" <= text[0] <= "\u0e4e"


def join_thai(parts: Iterable[str], separator: str = " ") -> str:
    """'ก ข และค': Thai writes และ against a following word, spaced before digits or brackets."""
    kept = [part for part in parts if part]
    if len(kept) <= 1:
        return "".join(kept)
    last = kept[-1]
    glue = " และ" if _starts_with_thai_letter(last) else " และ "
    return separator.join(kept[:-1]) + glue + last


def _runs(numbers: Iterable[int], digits: Digits) -> list[str]:
    return [
        apply_digits(str(first) if first == last else f"{first}-{last}", digits)
        for first, last in compress_numbers(numbers)
    ]


def numbers_text(numbers: Iterable[int], *, digits: Digits = "thai") -> str:
    """[2, 3, 4, 6, 7, 8] → '๒-๔ และ ๖-๘'; [1, 3, 4, 6] → '๑, ๓-๔ และ ๖'."""
    return join_thai(_runs(numbers, digits), separator=", ")


def indicator_groups_text(numbers: Iterable[int], *, digits: Digits = "thai") -> str:
    """As seed 001 §2.3 writes them: '(ตัวชี้วัดที่ ๒-๔) และ (ตัวชี้วัดที่ ๖-๘)'."""
    return join_thai(f"(ตัวชี้วัดที่ {run})" for run in _runs(numbers, digits))


def _score(value: Decimal | None, digits: Digits) -> str:
    return format_number(value, digits=digits)


def _whole_or_score(value: Decimal, digits: Digits) -> str:
    """'๑๐๐' for a whole score (seed 001: 'คือ ๑๐๐ คะแนน'), two decimals otherwise."""
    return format_number(value, 0 if value == value.to_integral_value() else 2, digits=digits)


def _target(analysis: Analysis, digits: Digits) -> str:
    return format_number(analysis.target, None, digits=digits)


def _level(level: str | None) -> str:
    return f" อยู่ในระดับ ({level})" if level else ""


def _office(name: str) -> str:
    return name.strip() or "หน่วยงาน"


def _change(diff: Decimal, digits: Digits) -> str:
    """The size of a change without its sign, as prose writes it: 'ลดลง ๕.๘๐ คะแนน'."""
    if diff > 0:
        return f"เพิ่มขึ้น {_score(diff, digits)} คะแนน"
    if diff < 0:
        return f"ลดลง {_score(-diff, digits)} คะแนน"
    return "คงที่"


def overall_sentence(analysis: Analysis, office_name: str, *, digits: Digits = "thai") -> str:
    """Seed 001 §2.1: '<office> ได้ผลการประเมินในภาพรวม ๙๓.๙๖ คะแนน อยู่ในระดับ (ผ่านดี) ลดลง …'."""
    overall = analysis.overall
    office = _office(office_name)
    year = format_year(analysis.year, digits=digits)
    if overall.score is None:
        return f"{office} ยังไม่มีผลการประเมินในภาพรวม ประจำปีงบประมาณ พ.ศ. {year}"
    text = f"{office} ได้ผลการประเมินในภาพรวม {_score(overall.score, digits)} คะแนน"
    text += _level(overall.level)
    if overall.previous is None or overall.diff is None:
        return text
    previous_year = format_year(analysis.previous_year, digits=digits)
    return (
        f"{text} {_change(overall.diff, digits)} เมื่อเทียบกับปีงบประมาณ พ.ศ. {previous_year} "
        f"ที่ได้ผลการประเมินในภาพรวม {_score(overall.previous, digits)} คะแนน"
        f"{_level(overall.previous_level)}"
    )


def overall_result_sentence(
    analysis: Analysis, office_name: str, *, digits: Digits = "thai"
) -> str:
    """Seed 004 §1: 'จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ. ๒๕๖๔ ของ… พบว่า ได้คะแนน ๗๕.๓๖ คะแนน …'."""
    year = format_year(analysis.year, digits=digits)
    text = f"จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ. {year} ของ{_office(office_name)} พบว่า"
    if analysis.overall.score is None:
        return f"{text} ยังไม่มีผลการประเมินในภาพรวม"
    score = _score(analysis.overall.score, digits)
    return f"{text} ได้คะแนน {score} คะแนน{_level(analysis.overall.level)}"


def instrument_sentence(analysis: Analysis, code: str, *, digits: Digits = "thai") -> str:
    """'แบบวัด IIT ได้คะแนน ๙๙.๘๙ คะแนน เพิ่มขึ้น ๐.๔๔ คะแนน เมื่อเทียบกับ… ซึ่งผ่านเกณฑ์เป้าหมาย …'."""
    row = analysis.instrument(code)
    if row is None or row.score is None:
        return f"แบบวัด {code} ยังไม่มีคะแนน"
    text = f"แบบวัด {code} ได้คะแนน {_score(row.score, digits)} คะแนน"
    parts = [p for p in analysis.parts if p.instrument == code and p.code != code]
    if parts and all(p.score is not None for p in parts):
        listed = join_thai(f"{p.label} {_score(p.score, digits)} คะแนน" for p in parts)
        text += f" ({apply_digits(listed, digits)})"
    if row.diff is not None:
        previous_year = format_year(analysis.previous_year, digits=digits)
        text += (
            f" {_change(row.diff, digits)} เมื่อเทียบกับปีงบประมาณ พ.ศ. {previous_year} "
            f"ที่ได้ {_score(row.previous, digits)} คะแนน"
        )
    target = _target(analysis, digits)
    if row.score >= analysis.target:
        return f"{text} ซึ่งผ่านเกณฑ์เป้าหมาย ({target} คะแนนขึ้นไป)"
    return f"{text} ซึ่งต่ำกว่าเกณฑ์เป้าหมาย ({target} คะแนน)"


def _named(row: IndicatorRow, digits: Digits) -> str:
    number = apply_digits(str(row.number), digits)
    return f"ตัวชี้วัดที่ {number} {row.name} ({_score(row.score, digits)} คะแนน)"


def indicator_highlights(analysis: Analysis, *, digits: Digits = "thai") -> str:
    """Seed 001 §2.3: the number of indicators, then the highest and lowest (ties all named)."""
    scored = [row for row in analysis.indicators if row.score is not None]
    if not scored:
        return "ยังไม่มีคะแนนรายตัวชี้วัด"
    count = format_count(len(analysis.indicators), digits=digits)
    text = f"การประเมินรายตัวชี้วัดจำนวน {count} ตัวชี้วัด"
    if set(analysis.highest) == {row.number for row in scored}:
        score = _score(scored[0].score, digits)
        return f"{text} ทุกตัวชี้วัดที่มีคะแนนได้คะแนนเท่ากัน คือ {score} คะแนน"
    highest = " ".join(_named(r, digits) for r in scored if r.number in analysis.highest)
    lowest = " ".join(_named(r, digits) for r in scored if r.number in analysis.lowest)
    return f"{text} โดยตัวชี้วัดที่ได้ค่าคะแนนสูงสุดได้แก่ {highest} สำหรับตัวชี้วัดที่ได้คะแนนต่ำสุดได้แก่ {lowest}"


def indicator_comparison(analysis: Analysis, *, digits: Digits = "thai") -> str:
    """Seed 001 §2.3: 'เพิ่มขึ้น ๖ ตัวชี้วัด (ตัวชี้วัดที่ ๒-๔) และ (ตัวชี้วัดที่ ๖-๘) … ลดลง …'."""
    year = format_year(analysis.year, digits=digits)
    previous_year = format_year(analysis.previous_year, digits=digits)
    if not (analysis.up or analysis.down or analysis.unchanged):
        return f"ไม่มีคะแนนรายตัวชี้วัดของปีงบประมาณ พ.ศ. {previous_year} ให้เปรียบเทียบ"

    def clause(lead: str, numbers: tuple[int, ...]) -> str:
        if not numbers:
            return ""
        count = format_count(len(numbers), digits=digits)
        return f"{lead} {count} ตัวชี้วัด {indicator_groups_text(numbers, digits=digits)}"

    clauses = join_thai(
        [
            clause("มีค่าคะแนนตัวชี้วัดเพิ่มขึ้น", analysis.up),
            clause("ตัวชี้วัดที่ได้คะแนนลดลง จำนวน", analysis.down),
            clause("ตัวชี้วัดที่ได้คะแนนคงที่", analysis.unchanged),
        ]
    )
    text = (
        f"เมื่อเทียบผลการประเมินรายตัวชี้วัดของปีงบประมาณ พ.ศ. {year} "
        f"กับปีงบประมาณ พ.ศ. {previous_year} พบว่า{clauses}"
    )
    uncompared = [n for n in analysis.not_compared if analysis.indicator(n).score is not None]
    if uncompared:
        listed = numbers_text(uncompared, digits=digits)
        text += f" ส่วนตัวชี้วัดที่ {listed} ไม่มีคะแนนปีที่ผ่านมาให้เปรียบเทียบ"
    return text


def indicator_summary(analysis: Analysis, *, digits: Digits = "thai") -> str:
    """Seed 001 §2.3: highest/lowest, then (when last year is known) the comparison paragraph."""
    highlights = indicator_highlights(analysis, digits=digits)
    if not (analysis.up or analysis.down or analysis.unchanged):
        return highlights
    return f"{highlights}\n\n{indicator_comparison(analysis, digits=digits)}"


def below_target_sentence(analysis: Analysis, code: str, *, digits: Digits = "thai") -> str:
    """Seed 004: 'แบบวัด IIT จำนวน ๓๐ ข้อ มีจำนวน ๑๔ ข้อ ที่ได้คะแนนน้อยกว่าร้อยละ ๘๕'.

    The number of items is the criteria's (all the instrument's items); how many are under the
    target comes from the item scores, and when only some items have scores the sentence says
    how many it counted."""
    total = sum(1 for item in analysis.items if item.instrument == code)
    below = analysis.below_target_of(code)
    scored = below.total if below else 0
    target = _target(analysis, digits)
    if total == 0:
        return f"แบบวัด {code} ไม่มีข้อคำถามรายข้อในเกณฑ์ของปีนี้"
    items = f"แบบวัด {code} จำนวน {format_count(total, digits=digits)} ข้อ"
    if scored == 0:
        return f"{items} ยังไม่มีคะแนนรายข้อ"
    count = format_count(below.count, digits=digits)
    if scored < total:
        counted = format_count(scored, digits=digits)
        items = f"{items} มีคะแนนรายข้อ {counted} ข้อ"
        if below.count == 0:
            return f"{items} ทั้ง {counted} ข้อได้คะแนนตั้งแต่ร้อยละ {target} ขึ้นไป"
        return f"{items} ในจำนวนนี้มี {count} ข้อ ที่ได้คะแนนน้อยกว่าร้อยละ {target}"
    if below.count == 0:
        return f"{items} ทุกข้อได้คะแนนตั้งแต่ร้อยละ {target} ขึ้นไป"
    return f"{items} มีจำนวน {count} ข้อ ที่ได้คะแนนน้อยกว่าร้อยละ {target}"


def _has_item_scores(analysis: Analysis, code: str) -> bool:
    below = analysis.below_target_of(code)
    return bool(below and below.total)


def _finding(analysis: Analysis, row: IndicatorRow, digits: Digits) -> str:
    target = _target(analysis, digits)
    reached = row.score >= analysis.target
    if row.diff is None:
        score = _score(row.score, digits)
        if reached:
            return f"ได้คะแนน {score} คะแนน ผ่านเกณฑ์เป้าหมาย ({target} คะแนนขึ้นไป) {_KEEP_UP}"
        return f"ได้คะแนน {score} คะแนน ต่ำกว่าเกณฑ์เป้าหมาย ({target} คะแนน) {_FIX_NOW}"
    diff = format_diff(row.diff, digits=digits)
    if row.diff > 0:
        text = f"ได้คะแนนเพิ่มขึ้นจากปีที่ผ่านมา {diff} คะแนน"
        if reached:
            return f"{text} {_KEEP_UP}"
        return (
            f"{text} แต่ยังต่ำกว่าเกณฑ์เป้าหมาย ({target} คะแนน) "
            "จึงควรปรับปรุงการดำเนินงานต่อเนื่องให้ได้ตามเป้าหมาย"
        )
    if row.diff == 0:
        text = f"ได้คะแนนเท่ากับปีที่ผ่านมา คือ {_whole_or_score(row.score, digits)} คะแนน"
        if reached:
            return f"{text} {_KEEP_SAME}"
        return f"{text} ซึ่งยังต่ำกว่าเกณฑ์เป้าหมาย ({target} คะแนน) {_FIX_NOW}"
    was, now = _score(row.previous, digits), _score(row.score, digits)
    text = f"ได้คะแนนลดลงจากปีที่ผ่านมา {diff} คะแนน (จาก {was} คะแนน เป็น {now} คะแนน)"
    if reached:
        return (
            f"{text} แต่ยังผ่านเกณฑ์เป้าหมาย ({target} คะแนนขึ้นไป) "
            "จึงควรทบทวนสาเหตุที่คะแนนลดลงและปรับปรุงเพื่อรักษามาตรฐานไว้"
        )
    return f"{text} และต่ำกว่าเกณฑ์เป้าหมาย ({target} คะแนน) {_FIX_NOW}"


def indicator_analysis(analysis: Analysis, number: int, *, digits: Digits = "thai") -> str:
    """Seed 001 §4's analysis cell: 'จากการวิเคราะห์ผลการประเมิน ITA ตัวชี้วัด … พบว่า' + findings."""
    row = analysis.indicator(number)
    if row is None:
        return apply_digits(f"ไม่มีตัวชี้วัดที่ {number} ในเกณฑ์ของปีนี้", digits)
    lines = [f"จากการวิเคราะห์ผลการประเมิน ITA ตัวชี้วัด {row.name} พบว่า"]
    if row.score is None:
        lines.append("- ยังไม่มีคะแนนของตัวชี้วัดนี้")
        return "\n".join(lines)
    lines.append(f"- {_finding(analysis, row, digits)}")
    low = [
        item
        for item in analysis.items_of(number)
        if item.score is not None and item.score < analysis.target
    ]
    if low:
        listed = join_thai(
            f"{apply_digits(item.code, digits)} ({_score(item.score, digits)} คะแนน)"
            for item in low
        )
        target = _target(analysis, digits)
        lines.append(f"- ข้อที่ได้คะแนนน้อยกว่าร้อยละ {target} ได้แก่ {listed} ควรปรับปรุงเป็นลำดับแรก")
    return "\n".join(lines)


def all_drafts(analysis: Analysis, office_name: str, *, digits: Digits = "thai") -> dict[str, str]:
    """Every draft, keyed like the clerk's analysis texts ('overall', 'indicator:3', …)."""
    drafts = {
        "overall": overall_sentence(analysis, office_name, digits=digits),
        "indicators": indicator_summary(analysis, digits=digits),
    }
    for row in analysis.instruments:
        drafts[f"instrument:{row.code}"] = instrument_sentence(analysis, row.code, digits=digits)
        # Without item scores there is nothing to say in a document ("ยังไม่มีคะแนนรายข้อ" is
        # about the file, and would contradict a clerk who wrote the counts in their own text).
        drafts[f"below_target:{row.code}"] = (
            below_target_sentence(analysis, row.code, digits=digits)
            if _has_item_scores(analysis, row.code)
            else ""
        )
    for row in analysis.indicators:
        drafts[f"indicator:{row.number}"] = indicator_analysis(analysis, row.number, digits=digits)
    return drafts
