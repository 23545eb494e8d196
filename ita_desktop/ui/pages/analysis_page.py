"""วิเคราะห์ผล: charts, the computed tables and, per topic, the draft beside the clerk's text."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.analysis import IndicatorRow, ItemRow
from ita_desktop.i18n.thai import (
    apply_digits,
    format_count,
    format_diff,
    format_number,
    format_year,
)
from ita_desktop.services import results
from ita_desktop.ui.chart_widget import ChartWidget
from ita_desktop.ui.commands import push_edit
from ita_desktop.ui.pages.analysis_data import AnalysisData, FigureLine, load_analysis
from ita_desktop.ui.pages.analysis_texts import DraftPanel, draft_key
from ita_desktop.ui.pages.base import Page
from ita_desktop.ui.widgets.labels import spaced_lines
from ita_desktop.ui.widgets.table_model import CENTER, RIGHT, Column, FittedTableView, RowsModel

UP, DOWN = "#1e6b34", "#a93226"
CHART_STRETCH = (1, 2, 4)  # overall, instruments, indicators: about the room their bars need


def _diff_color(diff) -> str | None:
    return None if diff is None or diff == 0 else (UP if diff > 0 else DOWN)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 13pt; font-weight: bold; padding-top: 10px;")
    return label


class AnalysisPage(Page):
    """Recomputed on the worker whenever the file changes; nothing here is stored twice except
    the clerk's own texts (and, under 'draft:<key>', the draft each text last took in)."""

    title = "วิเคราะห์ผล"

    def __init__(self, session, undo_stack, parent: QWidget | None = None):
        super().__init__(session, undo_stack, parent)
        self.data: AnalysisData | None = None
        self.panels: dict[str, DraftPanel] = {}
        self._shape: tuple | None = None
        self._item_texts: dict[str, str] = {}
        self.heading = QLabel(self.title)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.message = QLabel("เลือกหน่วยงานและปีงบประมาณก่อน")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.views = QStackedWidget()
        self.views.addWidget(self.message)
        self.views.addWidget(self.scroll)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.views, 1)
        self._build_static()

    def _build_static(self) -> None:
        """Charts and tables: the same widgets for every year; the draft panels are per year."""
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(4, 0, 12, 12)
        self.charts = [ChartWidget() for _ in range(3)]
        self.chart_row = QHBoxLayout()
        for chart, stretch in zip(self.charts, CHART_STRETCH, strict=True):
            self.chart_row.addWidget(chart, stretch)
        self.chart_rows = QVBoxLayout()
        self.chart_rows.addLayout(self.chart_row)
        self.body.addLayout(self.chart_rows)
        self.indicators_below = False

        self.parts_model = RowsModel(
            [
                Column("แบบวัด", lambda r: r.label),
                Column("", lambda r: r.previous, RIGHT),
                Column("", lambda r: r.score, RIGHT),
                Column("ผลต่าง", lambda r: r.diff, RIGHT, color=_line_color),
            ],
            self,
        )
        self.indicators_model = RowsModel(
            [
                Column("ตัวชี้วัด", lambda r: f"{apply_digits(str(r.number))}. {r.name}"),
                Column("", lambda r: format_number(r.previous), RIGHT),
                Column("", lambda r: format_number(r.score), RIGHT),
                Column("ผลต่าง", lambda r: format_diff(r.diff), RIGHT, _row_diff_color),
                Column("อันดับ", lambda r: format_count(r.rank), CENTER),
            ],
            self,
        )
        self.below_model = RowsModel(
            [
                Column("แบบวัด", lambda r: r.instrument, CENTER),
                Column("ข้อ", lambda r: r.code, CENTER),
                Column("ข้อคำถาม", lambda r: self._item_text(r)),
                Column("คะแนน", lambda r: format_number(r.score), RIGHT, lambda r: DOWN),
            ],
            self,
        )
        self.parts_table = FittedTableView(self.parts_model, stretch_column=0)
        self.indicators_table = FittedTableView(self.indicators_model, stretch_column=0)
        self.below_table = FittedTableView(self.below_model, stretch_column=2)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setStyleSheet(
            "QLabel { background: #f4f6f8; border: 1px solid #dde2e7; border-radius: 4px;"
            " padding: 8px; }"
        )
        tables = QGridLayout()
        tables.addWidget(_heading("คะแนนรายแบบวัด"), 0, 0)
        tables.addWidget(_heading("คะแนนรายตัวชี้วัด"), 0, 1)
        left = QVBoxLayout()
        left.addWidget(self.parts_table)
        left.addWidget(self.facts)
        left.addStretch(1)
        tables.addLayout(left, 1, 0)
        tables.addWidget(self.indicators_table, 1, 1, Qt.AlignmentFlag.AlignTop)
        tables.setColumnStretch(0, 2)
        tables.setColumnStretch(1, 3)
        self.body.addLayout(tables)
        self.below_heading = _heading("ข้อที่ได้คะแนนต่ำกว่าเป้าหมาย")
        self.below_counts = QLabel()
        self.below_counts.setTextFormat(Qt.TextFormat.RichText)
        self.below_counts.setWordWrap(True)
        self.body.addWidget(self.below_heading)
        self.body.addWidget(self.below_counts)
        self.body.addWidget(self.below_table)
        self.body.addWidget(_heading("ข้อความวิเคราะห์"))
        hint = QLabel(
            "ซ้าย: ข้อความร่างที่โปรแกรมเรียบเรียงจากคะแนน (เลือกคัดลอกได้) "
            "ขวา: ข้อความของท่าน ซึ่งจะพิมพ์ในรายงาน — โปรแกรมไม่เขียนทับข้อความของท่านเอง"
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        self.body.addWidget(hint)
        self.panels_box = QVBoxLayout()
        self.body.addLayout(self.panels_box)
        self.body.addStretch(1)
        self.scroll.setWidget(body)

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        if self.office_id is None or self.year is None:
            self.message.setText("เลือกหน่วยงานและปีงบประมาณก่อน")
            self.views.setCurrentIndex(0)
            return
        office_id, year = self.office_id, self.year
        self.load_in_turn(
            lambda db: load_analysis(db, office_id=office_id, year=year), self._on_loaded
        )

    def _on_loaded(self, data: AnalysisData) -> None:
        self.data = data
        year = format_year(data.year)
        self.heading.setText(f"วิเคราะห์ผล ปีงบประมาณ พ.ศ. {year}")
        if data.analysis is None:
            self.message.setText(
                f"ยังไม่มีผลการประเมินของปีงบประมาณ พ.ศ. {year}\n"
                "กรอกคะแนนที่หน้า ผลการประเมิน แล้วผลการวิเคราะห์จะแสดงที่นี่"
            )
            self.views.setCurrentIndex(0)
            return
        self._show(data)
        self.views.setCurrentIndex(1)
        if not data.texts_final:
            self.reload_when_segmenter_ready()

    def _show(self, data: AnalysisData) -> None:
        analysis = data.analysis
        for widget, chart in zip(self.charts, data.charts, strict=True):
            widget.set_chart(chart)
        self._arrange_charts()
        years = (format_year(analysis.previous_year), format_year(analysis.year))
        for model in (self.parts_model, self.indicators_model):
            for column, year in ((1, years[0]), (2, years[1])):
                model.set_header(column, f"ปี {year}")
        self.parts_model.set_rows(data.parts)
        self.indicators_model.set_rows(analysis.indicators)
        self.facts.setText(spaced_lines(data.facts))
        self._item_texts = data.item_texts
        below = [item for b in analysis.below_target for item in b.items]
        self.below_model.set_rows(below)
        target = format_number(analysis.target, None)
        self.below_heading.setText(f"ข้อที่ได้คะแนนต่ำกว่าร้อยละ {target}")
        self.below_counts.setText(spaced_lines(data.below_target))
        self.below_table.setVisible(bool(below))
        if data.shape() != self._shape:
            self._build_panels(data)
        for view in data.views:
            self.panels[view.key].show_view(view)

    def _build_panels(self, data: AnalysisData) -> None:
        self._shape = data.shape()
        for panel in self.panels.values():
            self.panels_box.removeWidget(panel)
            panel.deleteLater()
        self.panels = {}
        for view in data.views:
            panel = DraftPanel(view)
            panel.text_edited.connect(self._on_text_edited)
            panel.draft_used.connect(self._on_draft_used)
            self.panels_box.addWidget(panel)
            self.panels[view.key] = panel

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange_charts()

    def _arrange_charts(self) -> None:
        """The indicators chart takes a row of its own when, beside the other two, its figures
        would no longer fit across (narrow windows): turned upright they are hard to read."""
        overall, instruments, indicators = self.charts
        margins = self.body.contentsMargins()
        spacing = self.chart_row.spacing()
        # Always allow for the scroll bar: its coming and going must not flip the rows.
        scroll_bar = self.scroll.verticalScrollBar().sizeHint().width()
        width = self.scroll.width() - scroll_bar - margins.left() - margins.right() - 2 * spacing
        # How QHBoxLayout shares the row: by stretch, no chart below its minimum width.
        first = max(overall.minimumWidth(), width * CHART_STRETCH[0] / sum(CHART_STRETCH))
        share = CHART_STRETCH[1] / sum(CHART_STRETCH[1:])
        second = max(instruments.minimumWidth(), (width - first) * share)
        below = width - first - second < indicators.needed_width()
        if below == self.indicators_below:
            return
        self.indicators_below = below
        if below:
            self.chart_row.removeWidget(indicators)
            self.chart_rows.addWidget(indicators)
        else:
            self.chart_rows.removeWidget(indicators)
            self.chart_row.addWidget(indicators, CHART_STRETCH[2])

    def _item_text(self, row: ItemRow) -> str:
        return self._item_texts.get(row.code, row.text)

    # -- edits ---------------------------------------------------------------------------------

    def _on_text_edited(self, key: str, _old: str, new: str) -> None:
        aid = self.data.assessment_id
        push_edit(
            self.session,
            self.undo_stack,
            "แก้ข้อความวิเคราะห์",
            lambda db: results.set_analysis_text(db, assessment_id=aid, key=key, text=new),
            lambda db, old: results.set_analysis_text(db, assessment_id=aid, key=key, text=old),
            tag=("analysis_text", aid),
        )

    def _on_draft_used(self, key: str, new: str, draft: str) -> None:
        """The clerk's new text and the draft it took in, saved together: one undo step."""
        aid = self.data.assessment_id

        def apply(db):
            with db.atomic():
                old = results.set_analysis_text(db, assessment_id=aid, key=key, text=new)
                used = results.set_analysis_text(
                    db, assessment_id=aid, key=draft_key(key), text=draft
                )
            return old, used

        def revert(db, state):
            old, used = state
            with db.atomic():
                results.set_analysis_text(db, assessment_id=aid, key=key, text=old)
                results.set_analysis_text(db, assessment_id=aid, key=draft_key(key), text=used)

        push_edit(
            self.session,
            self.undo_stack,
            "ใช้ข้อความร่าง",
            apply,
            revert,
            tag=("analysis_text", aid),
        )


def _line_color(line: FigureLine) -> str | None:
    return None if line.sign == 0 else (UP if line.sign > 0 else DOWN)


def _row_diff_color(row: IndicatorRow) -> str | None:
    return _diff_color(row.diff)
