"""The figures of the results page: a row per figure (this year, last year, difference, level)."""

import re
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from ita_desktop.domain.analysis import difference
from ita_desktop.domain.criteria import LevelRule
from ita_desktop.i18n.thai import format_diff, format_year
from ita_desktop.ui.widgets.score_edit import ScoreEdit

Edited = Callable[[str, str, bool, Decimal | None], None]
LevelOf = Callable[[Decimal], LevelRule | None]

GOOD = "background: #e3f4e6; color: #1e6b34; border: 1px solid #8cc79b;"
FAIR = "background: #eef4fb; color: #1f4f80; border: 1px solid #9cb9d9;"
POOR = "background: #fbe9e7; color: #a93226; border: 1px solid #e3a39b;"
NOTE_STYLE = "color: #8a5a00;"
MUTED_STYLE = "color: palette(placeholder-text);"


def short_name(name: str) -> str:
    """An instrument's Thai name without its English gloss in brackets."""
    return re.sub(r"\s*\([A-Za-z][^)]*\)\s*$", "", name).strip()


def year_header(year: int) -> str:
    return f"ปี {format_year(year)}"


def _diff_style(diff: Decimal | None) -> str:
    if diff is None or diff == 0:
        return ""
    return "color: #1e6b34;" if diff > 0 else "color: #a93226;"


class FigureRow:
    """The widgets of one figure; the page lays them out and calls ``show`` after each load.

    Last year's editor is read-only when the file holds last year (its figures are shown), and
    editable when it does not (the clerk types them for the comparison).
    """

    def __init__(
        self,
        scope: str,
        key: str,
        on_edited: Edited,
        *,
        previous_in_file: bool,
        previous_year: int,
        big: bool = False,
        level_of: LevelOf | None = None,
    ):
        self.scope, self.key = scope, key
        self.current = ScoreEdit()
        self.current.setObjectName(f"score:{scope}:{key}")
        self.previous = ScoreEdit()
        self.previous.setObjectName(f"previous:{scope}:{key}")
        self.diff = QLabel()
        self.diff.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.diff.setMinimumWidth(64)
        self.level = QLabel() if level_of else None
        self.note = QLabel()
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setWordWrap(True)
        self.note.hide()
        self._level_of = level_of
        self._previous_value: Decimal | None = None
        width = 120 if big else 84
        self.current.setFixedWidth(width)
        self.previous.setFixedWidth(84)
        if big:
            font = self.current.font()
            font.setPointSizeF(font.pointSizeF() * 1.5)
            font.setBold(True)
            self.current.setFont(font)
        # Every cell of the row as tall as this year's field, so the texts line up.
        self.height = self.current.sizeHint().height()
        self.previous.setFixedHeight(self.height)
        self.diff.setMinimumHeight(self.height)
        if previous_in_file:
            self.previous.setReadOnly(True)
            self.previous.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.previous.setFrame(False)
            self.previous.setStyleSheet("QLineEdit { background: transparent; }")
            self.previous.setToolTip(f"จากผลการประเมินปี {format_year(previous_year)} ในไฟล์นี้")
        else:
            self.previous.setToolTip(
                f"ยังไม่มีผลการประเมินปี {format_year(previous_year)} ในไฟล์ พิมพ์คะแนนปีที่แล้วได้"
            )
        self.current.score_edited.connect(lambda _old, new: on_edited(scope, key, False, new))
        self.previous.score_edited.connect(lambda _old, new: on_edited(scope, key, True, new))
        self.current.value_typed.connect(self._on_value_typed)
        self.previous.value_typed.connect(self._on_previous_typed)

    def show(
        self,
        value: Decimal | None,
        previous: Decimal | None,
        *,
        placeholder: str = "",
        level_score: Decimal | None = None,
        note: str = "",
    ) -> None:
        """Figures from the file; ``level_score`` is what the level is read from (e.g. computed)."""
        self.current.set_value(value)
        self.current.setPlaceholderText(placeholder or "-")
        self.previous.set_value(previous)
        self._previous_value = previous
        self._show_diff(self.current.typed_value(), previous)
        self._show_level(self.current.typed_value() if value is not None else level_score)
        self.note.setText(f"⚠ {note}" if note else "")
        self.note.setVisible(bool(note) and self.note.parent() is not None)

    def _show_diff(self, value: Decimal | None, previous: Decimal | None) -> None:
        diff = difference(value, previous)
        self.diff.setText(format_diff(diff, missing=""))
        self.diff.setStyleSheet(_diff_style(diff))

    def _show_level(self, score: Decimal | None) -> None:
        if self.level is None or self._level_of is None:
            return
        rule = self._level_of(score) if score is not None else None
        if rule is None:
            self.level.setText("")
            self.level.setStyleSheet("")
            self.level.setAccessibleName("")
            return
        top = rule.passed and rule.min_total >= 95
        style = GOOD if top else FAIR if rule.passed else POOR
        self.level.setText(rule.name)
        self.level.setStyleSheet(f"QLabel {{ {style} border-radius: 9px; padding: 2px 10px; }}")
        self.level.setAccessibleName(f"ระดับผลการประเมิน {rule.name}")

    def _on_value_typed(self, value: Decimal | None) -> None:
        self._show_diff(value, self.previous.typed_value())
        self._show_level(value)

    def _on_previous_typed(self, previous: Decimal | None) -> None:
        self._show_diff(self.current.typed_value(), previous)

    def editors(self) -> list[ScoreEdit]:
        return [self.current] if self.previous.isReadOnly() else [self.current, self.previous]


def text_heading(item_codes: list[str]) -> str:
    """The heading over the items' texts: IIT and EIT items are ข้อคำถาม; OIT items (o1, o2, …)
    are ข้อ, which the code column already says, so that column needs no second heading."""
    if item_codes and all(code[:1].lower() == "o" for code in item_codes):
        return ""
    return "ข้อคำถาม"


def header_label(text: str, align=Qt.AlignmentFlag.AlignLeft) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; color: palette(dark);")
    label.setAlignment(align | Qt.AlignmentFlag.AlignBottom)
    return label


class FigureGrid(QWidget):
    """Rows of figures under column headings: label, [text,] this year, [level,] last year, ผลต่าง.

    Each row takes two grid lines; the second holds the Thai reason of an invalid entry.
    """

    def __init__(self, year: int, previous_year: int, *, with_text: bool, with_level: bool):
        super().__init__()
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 4, 8, 8)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self._with_text, self._with_level = with_text, with_level
        right = Qt.AlignmentFlag.AlignRight
        self._item_codes: list[str] = []
        columns = ["ข้อ", text_heading([])] if with_text else [""]
        columns += [year_header(year)] + (["ระดับ"] if with_level else [])
        columns += [year_header(previous_year), "ผลต่าง"]
        self.headers: list[QLabel] = []
        for column, text in enumerate(columns):
            numeric = text.startswith("ปี") or text == "ผลต่าง"
            label = header_label(text, right if numeric else Qt.AlignmentFlag.AlignLeft)
            self.grid.addWidget(label, 0, column)
            self.headers.append(label)
        self._line = 1
        self._columns = len(columns)
        if with_text:
            self.grid.setColumnStretch(1, 1)

    def add_heading(self, text: str) -> None:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold; padding-top: 6px;")
        label.setWordWrap(True)
        self.grid.addWidget(label, self._line, 0, 1, self._columns)
        self._line += 1

    def add_row(
        self, figure: FigureRow, label: str, text: str = "", *, bold: bool = False
    ) -> QLabel | None:
        """Lay out ``figure``; returns the item text label (wrapped) when the grid has one."""
        align = Qt.AlignmentFlag.AlignTop
        column = 0
        code = QLabel(label)
        code.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        code.setMinimumHeight(figure.height)
        self.grid.addWidget(code, self._line, column, Qt.AlignmentFlag.AlignTop)
        text_label = None
        if self._with_text:
            if figure.scope == "item":
                self._item_codes.append(figure.key)
                self.headers[1].setText(text_heading(self._item_codes))
            column += 1
            text_label = QLabel(text)
            text_label.setTextFormat(Qt.TextFormat.PlainText)
            if bold:
                text_label.setStyleSheet("font-weight: bold;")
            text_label.setWordWrap(True)
            text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            text_label.setContentsMargins(
                0, (figure.height - self.fontMetrics().height()) // 2, 0, 0
            )
            policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)
            text_label.setSizePolicy(policy)
            self.grid.addWidget(text_label, self._line, column, align)
        code.setBuddy(figure.current)
        self.grid.addWidget(figure.current, self._line, column + 1, align)
        column += 2
        if self._with_level and figure.level is not None:
            self.grid.addWidget(figure.level, self._line, column, Qt.AlignmentFlag.AlignLeft)
            column += 1
        self.grid.addWidget(
            figure.previous, self._line, column, align | Qt.AlignmentFlag.AlignRight
        )
        self.grid.addWidget(figure.diff, self._line, column + 1, align)
        reasons = QWidget()
        below = QGridLayout(reasons)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(figure.current.reason, 0, 0)
        below.addWidget(figure.previous.reason, 1, 0)
        below.addWidget(figure.note, 2, 0)
        first = 1
        self.grid.addWidget(reasons, self._line + 1, first, 1, self._columns - first)
        self._line += 2
        return text_label
