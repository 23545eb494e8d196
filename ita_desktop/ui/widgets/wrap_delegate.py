"""Row heights with room for Thai marks: padded table cells, and wrapped text in trees
(QTreeView does not measure wrapped text)."""

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
)

PADDING = 8  # above and below the text: Thai upper and lower marks must not touch the grid


class PaddedDelegate(QStyledItemDelegate):
    """Cells a little taller than their text, so wrapped lines do not touch the grid."""

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + PADDING)


class WrapDelegate(QStyledItemDelegate):
    """Sizes each cell to its text wrapped at the column's width (spanned rows: the view's), as
    it is painted: a table's own measure leaves Thai lines out ("…") where it is narrow."""

    def __init__(self, view: QTreeView | QTableView):
        super().__init__(view)
        self._view = view
        if isinstance(view, QTreeView):
            view.header().sectionResized.connect(lambda *_: view.scheduleDelayedItemsLayout())

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        base = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return base
        width = self._width(index)
        if width <= 0:
            return base
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        style = self._view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1
        icon = view_option.decorationSize.width() + margin if not view_option.icon.isNull() else 0
        check = 0
        if view_option.features & QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator:
            check = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 2 * margin
        available = max(width - 2 * margin - icon - check - PADDING, 20)
        bounds = view_option.fontMetrics.boundingRect(
            QRect(0, 0, available, 100_000), int(Qt.TextFlag.TextWordWrap), str(text)
        )
        return QSize(base.width(), max(base.height(), bounds.height() + PADDING))

    def _width(self, index) -> int:
        if isinstance(self._view, QTableView):
            return self._view.columnWidth(index.column())
        header = self._view.header()
        parent = index.parent()
        if self._view.isFirstColumnSpanned(index.row(), parent):
            width = header.length()
        else:
            width = header.sectionSize(index.column())
        if index.column() == 0:
            depth = 0
            while parent.isValid():
                depth += 1
                parent = parent.parent()
            width -= self._view.indentation() * (depth + int(self._view.rootIsDecorated()))
        return width
