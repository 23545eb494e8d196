"""The plan's tree view: wrapped rows, spanned group titles, drag and drop between groups."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from ita_desktop.ui.measures_model import MeasuresModel
from ita_desktop.ui.widgets.wrap_delegate import WrapDelegate

COLUMN_WIDTHS = ((1, 150), (2, 150), (3, 130))


class MeasuresTree(QTreeView):
    """Groups span the row and stay expanded; F2 or a second click edits the short fields."""

    def __init__(self, model: MeasuresModel, parent=None):
        super().__init__(parent)
        self.setObjectName("measuresTree")
        self.setModel(model)
        self.setItemDelegate(WrapDelegate(self))
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        model.modelReset.connect(self._on_model_reset)  # after the view's own reset handler

    def add_shortcut(self, keys, slot) -> QShortcut:
        """A key that acts while the tree has the focus (not while a cell is being edited)."""
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def _on_model_reset(self) -> None:
        for row in range(self.model().rowCount()):
            self.setFirstColumnSpanned(row, self.rootIndex(), True)
        self.expandAll()
