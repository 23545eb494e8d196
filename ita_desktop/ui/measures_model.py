"""The plan as a tree: a group row per indicator, its measures under it, in printing order."""

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ita_desktop.domain.records import Measure
from ita_desktop.i18n.thai import format_count, format_number, to_thai_digits
from ita_desktop.services.plan_builder import PlanContext
from ita_desktop.ui.widgets.period_picker import period_text
from ita_desktop.ui.widgets.table_model import column_title
from ita_desktop.ui.widgets.thai_text import breakable_now

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-ita-measure"
MEASURE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
INDICATOR_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา", "ตัวชี้วัด/ข้อ")
EDITABLE_COLUMNS = (0, 1)
GROUP_BACKGROUND = "#e8eef6"
PLACEHOLDER_COLOR = "#6b6b6b"
BELOW_COLOR = "#b3261e"
NBSP = "\u00a0"
# The spaces inside "๓๐ ก.ย. ๒๕๖๙" and "ก.ย. ๒๕๖๙": after a number or an abbreviation's dot,
# before a number or an abbreviation.
DATE_SPACE = re.compile(r"(?<=[\d.]) (?=\d|[^\s\d]+\.)")


@dataclass
class Group:
    indicator: int | None
    name: str
    measures: list[Measure] = field(default_factory=list)


def split_names(text: str) -> list[str]:
    """'สำนักปลัด, กองคลัง' → ['สำนักปลัด', 'กองคลัง'] (commas or new lines separate units)."""
    return [n.strip() for n in text.replace("\n", ",").split(",") if n.strip()]


def group_title(group: Group) -> str:
    count = len(group.measures)
    tail = f"{format_count(count)} มาตรการ" if count else "ยังไม่มีมาตรการ"
    if group.indicator is None:
        return f"ไม่ระบุตัวชี้วัด — {tail}"
    return f"{to_thai_digits(str(group.indicator))}. {group.name} — {tail}".strip()


class MeasuresModel(QAbstractItemModel):
    """Rows of groups (internal id 0) with measure children (internal id = group row + 1).

    Inline edits and drops are announced, not written: ``measure_edited(id, changes)`` and
    ``measure_dropped(id, indicator, plan_position)``; the page saves them through the undo stack.
    """

    measure_edited = Signal(int, dict)
    measure_dropped = Signal(int, object, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.groups: list[Group] = []
        self.context: PlanContext | None = None
        self.wrapped: dict[str, str] = {}

    # -- filling -----------------------------------------------------------------------------

    def set_context(self, context: PlanContext | None, wrapped: dict[str, str] | None = None):
        """Show ``context``'s plan; same shape → dataChanged, otherwise a reset.

        ``wrapped`` maps texts to their copies with word breaks (made on the worker) for display.
        """
        self.wrapped = wrapped or {}
        groups = self._grouped(context)
        shape = [(g.indicator, [m.id for m in g.measures]) for g in groups]
        old_shape = [(g.indicator, [m.id for m in g.measures]) for g in self.groups]
        if shape != old_shape:
            self.beginResetModel()
            self.context, self.groups = context, groups
            self.endResetModel()
            return
        self.context, old, self.groups = context, self.groups, groups
        last = len(COLUMNS) - 1
        for row, (before, after) in enumerate(zip(old, groups, strict=True)):
            if before.name != after.name:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            parent = self.index(row, 0)
            for child, (m_before, m_after) in enumerate(
                zip(before.measures, after.measures, strict=True)
            ):
                if m_before != m_after:
                    self.dataChanged.emit(
                        self.index(child, 0, parent), self.index(child, last, parent)
                    )

    @staticmethod
    def _grouped(context: PlanContext | None) -> list[Group]:
        if context is None:
            return []
        groups = {i.number: Group(i.number, i.name) for i in context.indicators}
        measures = context.plan.measures if context.plan else []
        for measure in sorted(measures, key=lambda m: m.position):
            key = measure.indicator if measure.indicator in groups else None
            if key is None and None not in groups:
                groups[None] = Group(None, "")
            groups[key].measures.append(measure)
        return sorted(groups.values(), key=lambda g: (g.indicator is None, g.indicator or 0))

    # -- lookups -----------------------------------------------------------------------------

    def measure_at(self, index: Index) -> Measure | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self.groups[index.internalId() - 1]
        return group.measures[index.row()] if index.row() < len(group.measures) else None

    def group_at(self, index: Index) -> Group | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.groups[row] if row < len(self.groups) else None

    def index_of(self, measure_id: int) -> QModelIndex:
        for row, group in enumerate(self.groups):
            for child, measure in enumerate(group.measures):
                if measure.id == measure_id:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    def group_index(self, indicator: int | None) -> QModelIndex:
        for row, group in enumerate(self.groups):
            if group.indicator == indicator:
                return self.index(row, 0)
        return QModelIndex()

    def neighbour(self, measure_id: int, step: int) -> Measure | None:
        """The measure ``step`` rows away in the same group, if any."""
        index = self.index_of(measure_id)
        if not index.isValid():
            return None
        group = self.groups[index.internalId() - 1]
        row = index.row() + step
        return group.measures[row] if 0 <= row < len(group.measures) else None

    # -- structure ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()].measures)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        return column_title(COLUMNS, section, orientation, role)

    # -- data --------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(self.groups[index.row()], index.column(), role)
        measure = self.measure_at(index)
        return None if measure is None else self._measure_data(measure, index.column(), role)

    def _group_data(self, group: Group, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return group_title(group)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(GROUP_BACKGROUND))
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and self.context is not None:
            info = self.context.indicator(group.indicator)
            if info is not None and info.score is not None:
                mark = " (ต่ำกว่าเป้าหมาย)" if info.below else ""
                year = to_thai_digits(str(self.context.source_year))
                return f"คะแนนปี {year}: {format_number(info.score)}{mark}"
        if role == INDICATOR_ROLE:
            return group.indicator
        return None

    def _measure_data(self, measure: Measure, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(measure, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == 0:
                return measure.measure
            if column == 1:
                return ", ".join(measure.responsible)
            return self._display(measure, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 0 and not measure.measure.strip():
                return QBrush(QColor(PLACEHOLDER_COLOR))
            if column == 3 and self._has_below(measure):
                return QBrush(QColor(BELOW_COLOR))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0 and measure.issue:
                return f"ประเด็น: {measure.issue}"
            if column == 3:
                return self._links_tooltip(measure)
        if role == MEASURE_ID_ROLE:
            return measure.id
        if role == INDICATOR_ROLE:
            return measure.indicator
        return None

    def _display(self, measure: Measure, column: int) -> str:
        if column == 0:
            if measure.measure.strip():
                return self.wrapped.get(measure.measure, measure.measure)
            issue = self.wrapped.get(measure.issue, measure.issue)
            return f"(ยังไม่ได้กรอกมาตรการ) ประเด็น: {issue}" if issue else "(ยังไม่ได้กรอกมาตรการ)"
        # Word breaks in names and free-text periods: Qt on Windows cannot break Thai by itself.
        if column == 1:
            return breakable_now(", ".join(measure.responsible))
        if column == 2:
            text = period_text(measure.period)
            if measure.period.kind == "text":
                return breakable_now(text)
            return DATE_SPACE.sub(NBSP, text)  # lines break at "-" or "ถึง", never in a date
        return self._links(measure)

    def _links(self, measure: Measure) -> str:
        """'i11 (๘๐.๑๖) ⚠ · i12': a narrow column breaks only after a "·", never inside a link."""
        parts = []
        others = [n for n in measure.indicators if n != measure.indicator]
        if others:
            parts.append("ตัวชี้วัด" + NBSP + ", ".join(to_thai_digits(str(n)) for n in others))
        for code in measure.items:
            item = self.context.item(code) if self.context else None
            score = (
                f"{NBSP}({format_number(item.score)})" if item and item.score is not None else ""
            )
            mark = f"{NBSP}⚠" if item and item.below else ""
            parts.append(f"{code}{score}{mark}")
        return f"{NBSP}· ".join(parts)

    def _links_tooltip(self, measure: Measure) -> str:
        lines = []
        for code in measure.items:
            item = self.context.item(code) if self.context else None
            if item is not None:
                below = " — ต่ำกว่าเป้าหมาย" if item.below else ""
                lines.append(f"{code} {item.text}{below}")
        return "\n".join(lines)

    def _has_below(self, measure: Measure) -> bool:
        if self.context is None:
            return False
        return any((item := self.context.item(c)) is not None and item.below for c in measure.items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == 0:
            return base | Qt.ItemFlag.ItemIsDropEnabled
        base |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.column() in EDITABLE_COLUMNS:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        measure = self.measure_at(index)
        if measure is None or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == 0:
            changes = {"measure": str(value).strip()}
        elif index.column() == 1:
            changes = {"responsible": split_names(str(value))}
        else:
            return False
        if all(getattr(measure, k) == v for k, v in changes.items()):
            return False
        group = self.groups[index.internalId() - 1]
        group.measures[index.row()] = replace(measure, **changes)
        last = self.index(index.row(), len(COLUMNS) - 1, index.parent())
        self.dataChanged.emit(self.index(index.row(), 0, index.parent()), last)
        self.measure_edited.emit(measure.id, changes)
        return True

    # -- drag and drop: move within and across groups ----------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        ids = list(dict.fromkeys(m.id for i in indexes if (m := self.measure_at(i)) is not None))
        data = QMimeData()
        data.setData(MIME, json.dumps(ids).encode())
        return data

    def drop_target(self, row: int, parent: Index) -> tuple[int | None, int] | None:
        """(indicator, plan position) a drop at ``row`` under ``parent`` means, or None."""
        if not parent.isValid():
            return None
        if parent.internalId() != 0:  # onto a measure: before it, in its group
            target = self.measure_at(parent)
            group = self.group_at(parent)
            return (group.indicator, target.position) if target and group else None
        group = self.groups[parent.row()]
        if 0 <= row < len(group.measures):
            return group.indicator, group.measures[row].position
        if group.measures:
            return group.indicator, group.measures[-1].position + 1
        return group.indicator, self._position_for_empty(parent.row())

    def _position_for_empty(self, group_row: int) -> int:
        """An empty group's first measure goes after the measures of the groups above it."""
        above = [m.position for g in self.groups[:group_row] for m in g.measures]
        return max(above) + 1 if above else 0

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data.hasFormat(MIME) and self.drop_target(row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        indicator, position = self.drop_target(row, parent)
        ids = json.loads(bytes(data.data(MIME)).decode())
        for measure_id in ids[:1]:  # one measure at a time: the view selects single rows
            index = self.index_of(measure_id)
            current = self.measure_at(index)
            if current is None:
                return False
            if current.position < position:
                position -= 1  # it leaves its old place first
            self.measure_dropped.emit(measure_id, indicator, position)
        return True
