"""A year's criteria as a tree (instruments → indicators → items) and a delegate that wraps it."""

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QTreeView

from ita_desktop.domain.criteria import Criteria, Item
from ita_desktop.i18n.thai import format_number, to_thai_digits
from ita_desktop.ui.widgets.table_model import column_title
from ita_desktop.ui.widgets.thai_text import plain

Index = QModelIndex | QPersistentModelIndex
DRAFT = "ฉบับร่าง"


@dataclass
class _Node:
    kind: str  # "instrument", "indicator" or "item"
    texts: tuple[str, str, str]
    parent: int  # node id of the parent, -1 for top-level rows
    row: int
    key: object = None  # instrument code, indicator number or item code
    draft: bool = False
    children: list[int] = field(default_factory=list)


class CriteriaModel(QAbstractItemModel):
    """Read-only tree; node ids are the indexes' internal ids, rebuilt on every set_criteria."""

    HEADERS = ("รหัส", "ข้อคำถาม / ตัวชี้วัด", "ตัวชี้วัดย่อย")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.criteria: Criteria | None = None
        self._nodes: list[_Node] = []
        self._top: list[int] = []

    def set_criteria(self, criteria: Criteria | None, shown: dict[str, str] | None = None) -> None:
        """``shown`` maps item codes to their text as displayed (with word breaks for wrapping)."""
        self.beginResetModel()
        self.criteria = criteria
        self._nodes, self._top = [], []
        if criteria is not None:
            self._build(criteria, shown or {})
        self.endResetModel()

    def _add(self, parent: int, node: _Node) -> int:
        siblings = self._top if parent < 0 else self._nodes[parent].children
        node.row = len(siblings)
        self._nodes.append(node)
        siblings.append(len(self._nodes) - 1)
        return len(self._nodes) - 1

    def _build(self, criteria: Criteria, shown: dict[str, str]) -> None:
        subs = {s.code: s.name for s in criteria.sub_indicators}
        for inst in criteria.instruments:
            weight = format_number(inst.weight, None)
            name = f"{inst.name} (น้ำหนักร้อยละ {weight})"
            top = self._add(-1, _Node("instrument", (inst.code, name, ""), -1, 0, inst.code))
            for ind in criteria.indicators_of(inst.code):
                items = criteria.items_of(ind.number)
                count = to_thai_digits(str(len(items)))
                title = f"ตัวชี้วัดที่ {to_thai_digits(str(ind.number))} {ind.name} ({count} ข้อ)"
                node = self._add(top, _Node("indicator", ("", title, ""), top, 0, ind.number))
                for item in items:
                    sub = f"{item.sub_indicator} {subs.get(item.sub_indicator, '')}".strip()
                    texts = (item.code, shown.get(item.code, item.text), to_thai_digits(sub))
                    self._add(
                        node, _Node("item", texts, node, 0, item.code, draft=item.provisional)
                    )

    # -- lookups used by the page ------------------------------------------------------------

    def node_at(self, index: Index) -> _Node | None:
        return self._nodes[index.internalId()] if index.isValid() else None

    def item_at(self, index: Index) -> Item | None:
        node = self.node_at(index)
        if node is None or node.kind != "item" or self.criteria is None:
            return None
        return self.criteria.item(node.key)

    def indicator_at(self, index: Index) -> int | None:
        """The indicator of an indicator row or of an item row."""
        node = self.node_at(index)
        while node is not None and node.kind != "indicator":
            node = self._nodes[node.parent] if node.parent >= 0 else None
        return node.key if node is not None else None

    def index_of_item(self, code: str) -> QModelIndex:
        for node_id, node in enumerate(self._nodes):
            if node.kind == "item" and str(node.key).lower() == code.lower():
                return self.createIndex(node.row, 0, node_id)
        return QModelIndex()

    # -- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        siblings = self._nodes[parent.internalId()].children if parent.isValid() else self._top
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent_id = self._nodes[index.internalId()].parent
        if parent_id < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[parent_id].row, 0, parent_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        return (
            len(self._nodes[parent.internalId()].children) if parent.isValid() else len(self._top)
        )

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return column_title(self.HEADERS, section, orientation, role)

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        node = self.node_at(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = node.texts[index.column()]
            if node.draft and index.column() == 0:
                return f"{text}  ({DRAFT})"
            return text
        if role == Qt.ItemDataRole.ToolTipRole and node.kind == "item":
            note = f"\n({DRAFT}: ข้อความยังไม่ยืนยัน)" if node.draft else ""
            return plain(node.texts[1]) + note
        if role == Qt.ItemDataRole.FontRole and node.kind != "item":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class WrappingDelegate(QStyledItemDelegate):
    """Row heights from the text wrapped to its column's width (QTreeView alone elides)."""

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self._view = view
        view.header().sectionResized.connect(lambda *_: view.scheduleDelayedItemsLayout())

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return hint
        width = self._view.header().sectionSize(index.column()) - 12
        if index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self._view.indentation() * (depth + 1)
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        flags = Qt.TextFlag.TextWordWrap
        box = QFontMetrics(font).boundingRect(QRect(0, 0, max(width, 40), 100_000), flags, text)
        return QSize(hint.width(), max(hint.height(), box.height() + 6))
