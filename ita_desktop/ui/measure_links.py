"""The indicators and items a measure answers, ticked in a tree that shows their scores."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.i18n.thai import format_number, format_year, to_thai_digits
from ita_desktop.services.plan_builder import PlanContext
from ita_desktop.ui.widgets.thai_text import breakable_now
from ita_desktop.ui.widgets.wrap_delegate import WrapDelegate

BELOW_COLOR = "#b3261e"
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
MIN_HEIGHT = 360


class LinksEditor(QWidget):
    """``links_edited(indicators, items)`` when a tick changes.

    Items below target (marked ⚠ and in red) and those already linked are shown; the others
    appear with "แสดงทุกข้อ".
    """

    links_edited = Signal(list, list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setObjectName("linksTree")
        self.tree.setAccessibleName("ตัวชี้วัดและข้อที่เกี่ยวข้อง")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["ตัวชี้วัด/ข้อ", "คะแนน"])
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setItemDelegate(WrapDelegate(self.tree))
        self.tree.setMinimumHeight(MIN_HEIGHT)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.show_all = QCheckBox("แสดงทุกข้อ")
        self.show_all.setObjectName("linksShowAll")
        self.show_all.toggled.connect(lambda _on: self._rebuild())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.show_all)
        self.context: PlanContext | None = None
        self.indicators: list[int] = []
        self.items: list[str] = []
        self._figures: tuple = ()
        self._loading = False

    def set_links(self, context: PlanContext, indicators: list[int], items: list[str]) -> None:
        figures = (context.source_year, context.indicators, context.items)
        same = figures == self._figures and (indicators, items) == (self.indicators, self.items)
        self.context, self._figures = context, figures
        self.indicators, self.items = list(indicators), list(items)
        if not same:
            self._rebuild()

    def _rebuild(self) -> None:
        context = self.context
        self._loading = True
        self.tree.clear()
        if context is not None:
            year = format_year(context.source_year)
            # Two header lines keep the score column narrow, for the item texts in a narrow pane.
            self.tree.setHeaderLabels(["ตัวชี้วัด/ข้อ", f"คะแนน\nปี {year}"])
            linked = {c.lower() for c in self.items}
            for info in context.indicators:
                number = to_thai_digits(str(info.number))
                node = QTreeWidgetItem([f"{number}. {breakable_now(info.name)}"])
                self._score(node, info.score, info.below)
                self._tick(node, info.number in self.indicators)
                node.setData(0, CODE_ROLE, info.number)
                for item in context.items:
                    if item.indicator != info.number:
                        continue
                    chosen = item.code.lower() in linked
                    if not (chosen or item.below or self.show_all.isChecked()):
                        continue
                    child = QTreeWidgetItem([f"{item.code} {breakable_now(item.text)}"])
                    child.setToolTip(0, item.text)
                    child.setData(0, CODE_ROLE, item.code)
                    self._score(child, item.score, item.below)
                    self._tick(child, chosen)
                    node.addChild(child)
                self.tree.addTopLevelItem(node)
                node.setExpanded(node.childCount() > 0)
        self._loading = False

    @staticmethod
    def _score(node: QTreeWidgetItem, score, below: bool) -> None:
        text = format_number(score) if score is not None else "–"
        node.setText(1, f"{text} ⚠" if below else text)
        node.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if below:
            node.setForeground(1, QBrush(QColor(BELOW_COLOR)))
            node.setToolTip(1, "ต่ำกว่าเป้าหมาย")

    @staticmethod
    def _tick(node: QTreeWidgetItem, checked: bool) -> None:
        node.setFlags(node.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        node.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _on_item_changed(self, node: QTreeWidgetItem, column: int) -> None:
        if self._loading or column != 0:
            return
        checked = node.checkState(0) == Qt.CheckState.Checked
        key = node.data(0, CODE_ROLE)
        if node.parent() is None:
            rest = [n for n in self.indicators if n != key]
            self.indicators = [*rest, key] if checked else rest
        else:
            rest = [c for c in self.items if c.lower() != str(key).lower()]
            self.items = [*rest, key] if checked else rest
        self.links_edited.emit(list(self.indicators), list(self.items))
