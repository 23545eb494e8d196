"""The plan's tree view: wrapped rows, spanned group titles, drag and drop between groups."""

import math

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from ita_desktop.ui.measures_model import MeasuresModel
from ita_desktop.ui.widgets.wrap_delegate import WrapDelegate

# (column, share of the view's width, narrowest, widest). The measure column takes the rest, and
# the short columns give way to it first, so that its Thai words are never squeezed into "ม…".
COLUMN_SHARES = ((1, 0.20, 90, 260), (2, 0.19, 95, 240), (3, 0.17, 105, 220))
MEASURE_MIN = 200
NARROWEST = 320  # below the columns' minimums the tree scrolls sideways


def column_widths(width: int) -> list[int]:
    """The four columns' widths in a view ``width`` px wide (wider than it when that is narrow)."""
    widths = {c: min(max(round(share * width), low), high) for c, share, low, high in COLUMN_SHARES}
    short = MEASURE_MIN - (width - sum(widths.values()))
    slack = {c: widths[c] - low for c, _share, low, _high in COLUMN_SHARES}
    if short > 0 and sum(slack.values()) > 0:
        cut = min(short, sum(slack.values())) / sum(slack.values())
        widths = {c: widths[c] - math.ceil(slack[c] * cut) for c in widths}
    rest = max(width - sum(widths.values()), MEASURE_MIN)
    return [rest, *(widths[c] for c, _share, _low, _high in COLUMN_SHARES)]


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
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setMinimumWidth(NARROWEST)
        self.fit_columns()
        model.modelReset.connect(self._on_model_reset)  # after the view's own reset handler

    def add_shortcut(self, keys, slot) -> QShortcut:
        """A key that acts while the tree has the focus (not while a cell is being edited)."""
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def fit_columns(self) -> None:
        """Share the view's width out again (a column the clerk dragged keeps it until then).

        The measure column stretches while it has its minimum; below that it keeps the minimum
        and the tree scrolls sideways rather than squeeze it.
        """
        header = self.header()
        width = self.viewport().width()
        widths = column_widths(width)
        roomy = sum(widths) <= width
        mode = QHeaderView.ResizeMode.Stretch if roomy else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(0) != mode:
            header.setSectionResizeMode(0, mode)
        for column, size in enumerate(widths):
            if column or not roomy:
                header.resizeSection(column, size)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().viewportEvent(event)

    def _on_model_reset(self) -> None:
        for row in range(self.model().rowCount()):
            self.setFirstColumnSpanned(row, self.rootIndex(), True)
        self.expandAll()
