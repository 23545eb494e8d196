"""The results form of one year, generated from its criteria: figures, indicator sections, texts."""

import html
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.analysis import TOLERANCE, Analysis
from ita_desktop.domain.charts import part_label
from ita_desktop.domain.criteria import Criteria, LevelRule
from ita_desktop.domain.scores import round2
from ita_desktop.i18n.thai import apply_digits, format_count, format_number
from ita_desktop.ui.pages.results_figures import FigureGrid, FigureRow, short_name
from ita_desktop.ui.pages.results_texts import ResultsTexts, heading
from ita_desktop.ui.widgets.score_edit import ScoreEdit, format_score
from ita_desktop.ui.widgets.section import Section

OTHER = "other"
SHOWN_WARNINGS = 6


def instrument_title(instrument) -> str:
    """The instrument's Thai name, unless it only repeats 'แบบวัด <code>'."""
    name = short_name(instrument.name)
    return "" if name.replace(" ", "") == f"แบบวัด{instrument.code}" else name


def _mean(values: list[Decimal | None]) -> Decimal | None:
    if not values or any(v is None for v in values):
        return None
    return sum(values, Decimal(0)) / len(values)


def weight_note(analysis: Analysis) -> str:
    """The overall figure against the instruments' weights (SPEC §2: warn, never block)."""
    overall = analysis.overall
    if overall.entered is None or overall.computed is None:
        return ""
    if abs(overall.entered - overall.computed) <= TOLERANCE:
        return ""
    return f"คำนวณตามน้ำหนักแบบวัดได้ {format_number(overall.computed)} ไม่ตรงกับที่กรอก"


def level_note(criteria: Criteria, analysis: Analysis) -> str:
    """Why the level is lower than the total alone would give (an instrument under its floor)."""
    score = analysis.overall.score
    scores = {row.code: row.score for row in analysis.instruments if row.score is not None}
    if score is None or not scores:
        return ""
    given = criteria.level_of(score, scores)
    for rule in criteria.levels:
        if rule == given:
            return ""
        if score >= rule.min_total:
            low = [
                f"{c} {format_number(v)}" for c, v in scores.items() if v < rule.min_each_instrument
            ]
            floor = format_number(rule.min_each_instrument, None)
            return f"ไม่ถึงระดับ{rule.name} เพราะ {' '.join(low)} ต่ำกว่า {floor}"
    return ""


def instrument_note(criteria: Criteria, analysis: Analysis, code: str) -> str:
    """An instrument's parts against the mean of its indicators, as analysis cross-checks them."""
    instrument = criteria.instrument(code)
    parts = [
        next((p.score for p in analysis.parts if p.code == c), None)
        for c in instrument.part_codes()
    ]
    rows = [analysis.indicator(i.number) for i in criteria.indicators_of(code)]
    by_parts = _mean(parts)
    by_indicators = _mean([row.score if row else None for row in rows])
    if by_parts is None or by_indicators is None:
        return ""
    if abs(round2(by_parts) - round2(by_indicators)) <= TOLERANCE:
        return ""
    return (
        f"คะแนนแบบวัด {code} ({format_number(by_parts)}) ไม่ตรงกับค่าเฉลี่ยของตัวชี้วัด "
        f"({format_number(by_indicators)})"
    )


class ResultsForm(QWidget):
    """Built once per criteria shape; ``show_data`` refreshes the values without rebuilding."""

    score_edited = Signal(str, str, bool, object)
    recommendation_edited = Signal(str, str, str)
    comments_edited = Signal(str, str)
    poll_edited = Signal(object)

    def __init__(self, data, scroll: QScrollArea, parent: QWidget | None = None):
        super().__init__(parent)
        self._scroll = scroll
        self.criteria: Criteria = data.criteria
        year, previous_year = data.year, data.analysis.previous_year
        in_file = data.previous is not None
        self.figures: dict[tuple[str, str], FigureRow] = {}
        self.sections: dict[object, Section] = {}
        self._section_of: dict[ScoreEdit, Section] = {}
        self._instrument_scores: dict[str, Decimal] = {}
        self._item_labels: dict[str, tuple[QLabel, bool]] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 12, 12)

        def figure(scope: str, key: str, **options) -> FigureRow:
            row = FigureRow(
                scope, key, self._on_figure_edited,
                previous_in_file=in_file, previous_year=previous_year, **options,
            )  # fmt: skip
            self.figures[(scope, key)] = row
            return row

        top = FigureGrid(year, previous_year, with_text=False, with_level=True)
        overall = figure("overall", "", big=True, level_of=self._overall_level)
        top.add_row(overall, "ภาพรวม")
        for instrument in self.criteria.instruments:
            named = {p.code: part_label(p.code, p.name, p.short_name) for p in instrument.parts}
            for code in instrument.part_codes():
                row = figure("part", code, big=True, level_of=self._part_level)
                top.add_row(row, named.get(code, code))
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.warnings.setStyleSheet(
            "QLabel { background: #fff8e1; border: 1px solid #f0d58c; border-radius: 4px;"
            " padding: 6px; color: #6b4e00; }"
        )
        top.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        beside = QHBoxLayout()
        beside.addWidget(top, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        beside.addWidget(self.warnings, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(beside)

        layout.addWidget(heading("คะแนนรายตัวชี้วัดและรายข้อ"))
        for instrument in self.criteria.instruments:
            layout.addWidget(
                QLabel(f"<b>แบบวัด {instrument.code}</b> {instrument_title(instrument)}")
            )
            for indicator in self.criteria.indicators_of(instrument.code):
                section = Section(f"{apply_digits(str(indicator.number))}. {indicator.name}")
                grid = FigureGrid(year, previous_year, with_text=True, with_level=False)
                grid.add_row(
                    figure("indicator", str(indicator.number)), "", "คะแนนตัวชี้วัด", bold=True
                )
                subs = {s.code: s.name for s in self.criteria.sub_indicators}
                shown_sub = ""
                for item in self.criteria.items_of(indicator.number):
                    if item.sub_indicator and item.sub_indicator != shown_sub:
                        shown_sub = item.sub_indicator
                        grid.add_heading(
                            f"ตัวชี้วัดย่อย {apply_digits(shown_sub)} {subs.get(shown_sub, '')}"
                        )
                    label = grid.add_row(figure("item", item.code), item.code)
                    self._item_labels[item.code] = (label, item.provisional)
                self._add_section(layout, indicator.number, section, grid)
        others = sorted(data.other_codes())
        if others:
            section = Section("อื่น ๆ — ข้อที่ไม่อยู่ในเกณฑ์ของปีนี้")
            grid = FigureGrid(year, previous_year, with_text=True, with_level=False)
            for code in others:
                grid.add_row(figure("item", code), code, "ไม่อยู่ในเกณฑ์ปีนี้ จึงไม่นำไปวิเคราะห์")
            self._add_section(layout, OTHER, section, grid)

        self.texts = ResultsTexts(self.criteria)
        self.texts.recommendation_edited.connect(self.recommendation_edited)
        self.texts.comments_edited.connect(self.comments_edited)
        self.texts.poll_edited.connect(self.poll_edited)
        layout.addWidget(self.texts)
        layout.addStretch(1)
        self._chain([row.current for row in self.figures.values()])
        self._chain(
            [row.previous for row in self.figures.values() if not row.previous.isReadOnly()]
        )
        for row in self.figures.values():
            for editor in (row.current, row.previous):
                editor.focus_entered.connect(lambda e=editor: self._on_editor_focused(e))
                editor.reached.connect(lambda e=editor: self._on_editor_reached(e))

    def _add_section(self, layout: QVBoxLayout, key: object, section: Section, grid: FigureGrid):
        body = QVBoxLayout(section.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(grid)
        layout.addWidget(section)
        self.sections[key] = section
        for row in self.figures.values():
            if row.current.parentWidget() is grid:
                self._section_of[row.current] = section
                self._section_of[row.previous] = section
        if key != OTHER:
            indicator = self.figures[("indicator", str(key))]
            indicator.current.value_typed.connect(
                lambda value, s=section: s.aside.setText(format_score(value))
            )

    @staticmethod
    def _chain(editors: list[ScoreEdit]) -> None:
        for editor, following in zip(editors, [*editors[1:], None], strict=False):
            editor.next_editor = following

    # -- levels, live --------------------------------------------------------------------------

    def _overall_level(self, score: Decimal) -> LevelRule:
        return self.criteria.level_of(score, self._instrument_scores)

    def _part_level(self, score: Decimal) -> LevelRule:
        return self.criteria.level_of(score, {})

    # -- values --------------------------------------------------------------------------------

    def show_data(self, data) -> None:
        analysis: Analysis = data.analysis
        assessment = data.assessment
        self._instrument_scores = {
            row.code: row.score for row in analysis.instruments if row.score is not None
        }
        overall = analysis.overall
        computed = format_number(overall.computed) if overall.computed is not None else ""
        notes = [n for n in (weight_note(analysis), level_note(self.criteria, analysis)) if n]
        self.figures[("overall", "")].show(
            overall.entered,
            overall.previous,
            placeholder=f"คำนวณได้ {computed}" if computed else "",
            level_score=overall.score,
            note=" · ".join(notes),
        )
        for row in analysis.parts:
            if ("part", row.code) in self.figures:
                instrument = self.criteria.instrument_of_part(row.code)
                last = instrument.part_codes()[-1] == row.code
                note = instrument_note(self.criteria, analysis, instrument.code) if last else ""
                self.figures[("part", row.code)].show(row.score, row.previous, note=note)
        for row in analysis.indicators:
            self.figures[("indicator", str(row.number))].show(row.score, row.previous)
            self.sections[row.number].set_title(
                f"{apply_digits(str(row.number))}. {row.name}", format_score(row.score)
            )
        items = {row.code: row for row in analysis.items}
        previous = data.previous
        for (scope, key), figure in self.figures.items():
            if scope != "item":
                continue
            if key in items:
                figure.show(items[key].score, items[key].previous)
                continue
            before = previous.value("item", key) if previous is not None else None
            figure.show(
                assessment.value("item", key), before or assessment.typed_previous("item", key)
            )
        self._show_warnings(analysis)
        self.texts.show_assessment(assessment)
        for code, (label, provisional) in self._item_labels.items():
            text = data.item_texts.get(code, "") + (" (รอตรวจสอบ)" if provisional else "")
            if label.text() != text:
                label.setText(text)

    def _show_warnings(self, analysis: Analysis) -> None:
        warnings = analysis.warnings
        if not warnings:
            self.warnings.hide()
            return
        shown = "".join(f"<li>{html.escape(w)}</li>" for w in warnings[:SHOWN_WARNINGS])
        more = len(warnings) - SHOWN_WARNINGS
        if more > 0:
            shown += f"<li>… และอีก {format_count(more)} รายการ (ชี้ที่กรอบนี้เพื่อดูทั้งหมด)</li>"
        self.warnings.setText(
            f"<b>ข้อควรตรวจสอบ {format_count(len(warnings))} รายการ</b>"
            f"<ul style='margin:0'>{shown}</ul>"
        )
        self.warnings.setToolTip("\n".join(warnings))
        self.warnings.show()

    # -- focus and sections ----------------------------------------------------------------------

    def _on_figure_edited(self, scope: str, key: str, previous: bool, value) -> None:
        self.score_edited.emit(scope, key, previous, value)

    def _on_editor_reached(self, editor: ScoreEdit) -> None:
        section = self._section_of.get(editor)
        if section is not None and not section.expanded:
            section.expand()

    def _on_editor_focused(self, editor: ScoreEdit) -> None:
        self._on_editor_reached(editor)
        QTimer.singleShot(0, editor, lambda: self._scroll.ensureWidgetVisible(editor, 40, 160))

    def editor(self, scope: str, key: str, *, previous: bool = False) -> ScoreEdit | None:
        row = self.figures.get((scope, str(key)))
        if row is None:
            return None
        return row.previous if previous else row.current

    def collapsed(self) -> set:
        return {key for key, section in self.sections.items() if not section.expanded}

    def restore_collapsed(self, keys: set) -> None:
        for key in keys & set(self.sections):
            self.sections[key].header.setChecked(False)
