"""คลังมาตรการ: suggestions for the selected indicator or item, previewed, inserted into the plan."""

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
)

from ita_desktop.domain.records import Suggestion
from ita_desktop.i18n.thai import format_count, to_thai_digits
from ita_desktop.services import suggestions as library
from ita_desktop.services.plan_builder import PlanContext
from ita_desktop.ui.commands import push_edit
from ita_desktop.ui.session import Session
from ita_desktop.ui.widgets.table_model import Index, RowsTableModel
from ita_desktop.ui.widgets.wrap_delegate import PaddedDelegate

COLUMNS = ("มาตรการ", "เหมาะกับ", "ที่มา")
MATCH_COLOR = "#1b5e20"


class SuggestionsModel(RowsTableModel):
    """The offers of the library, replaced as a whole when the filter changes."""

    columns = COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.offers: list[library.Offer] = []
        self.item_code = ""

    def set_offers(self, offers: list[library.Offer], item_code: str = "") -> None:
        self.beginResetModel()
        self.offers, self.item_code = list(offers), item_code
        self.endResetModel()

    def offer(self, row: int) -> library.Offer | None:
        return self.offers[row] if 0 <= row < len(self.offers) else None

    def row_count(self) -> int:
        return len(self.offers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        offer = self.offer(index.row()) if index.isValid() else None
        if offer is None:
            return None
        s = offer.suggestion
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return s.measure
            if index.column() == 1:
                if offer.for_item:
                    return f"★ ข้อ {self.item_code or s.item_code}"
                return f"ตัวชี้วัดที่ {to_thai_digits(str(s.indicator))}" if s.indicator else "-"
            return "คลังของโปรแกรม" if s.builtin else "บันทึกไว้เอง"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and offer.for_item:
            return QBrush(QColor(MATCH_COLOR))
        if role == Qt.ItemDataRole.ToolTipRole and s.issue:
            return f"ประเด็น: {s.issue}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def preview_html(s: Suggestion) -> str:
    """The suggestion's fields as the detail pane will hold them."""

    def block(title: str, body: str) -> str:
        return f"<p><b>{escape(title)}</b><br>{body}</p>" if body else ""

    steps = "<br>".join(
        f"{to_thai_digits(str(n))}. {escape(t)}" for n, t in enumerate(s.steps, start=1)
    )
    return "".join(
        [
            block("ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน", escape(s.issue)),
            block("มาตรการ/แนวทาง/โครงการ/กิจกรรม", escape(s.measure)),
            block("ขั้นตอน/วิธีการดำเนินการ", steps),
            block("ผู้รับผิดชอบ", escape(", ".join(s.responsible))),
            block("การรายงานผลและการกำกับติดตาม", escape(s.follow_up)),
            block("ผลที่คาดว่าจะได้รับ", escape(s.expected_result)),
        ]
    )


class SuggestionDialog(QDialog):
    """``suggestion_chosen(suggestion, indicator, item_code)``; stays open to insert several."""

    suggestion_chosen = Signal(object, object, str)

    def __init__(
        self,
        session: Session,
        undo_stack: QUndoStack,
        context: PlanContext,
        indicator: int | None = None,
        item_code: str = "",
        parent=None,
    ):
        super().__init__(parent)
        self.setWindowTitle("คลังมาตรการ")
        self.session, self.undo_stack, self.context = session, undo_stack, context
        self.item_code = item_code
        self.indicator_box = QComboBox()
        self.indicator_box.setObjectName("libraryIndicator")
        self.indicator_box.addItem("ทุกตัวชี้วัด", None)
        for info in context.indicators:
            self.indicator_box.addItem(
                f"{to_thai_digits(str(info.number))}. {info.name}", info.number
            )
        self.indicator_box.setCurrentIndex(max(self.indicator_box.findData(indicator), 0))
        self.indicator_box.currentIndexChanged.connect(lambda _i: self._on_filter_changed())
        self.item_label = QLabel()
        self.item_label.setObjectName("libraryItem")
        self.item_label.setWordWrap(True)
        label = QLabel("ตัวชี้วัด")
        label.setBuddy(self.indicator_box)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.indicator_box)
        top.addWidget(self.item_label, 1)
        self.model = SuggestionsModel(self)
        self.table = QTableView()
        self.table.setObjectName("suggestionsTable")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setItemDelegate(PaddedDelegate(self.table))  # room for Thai marks
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.doubleClicked.connect(lambda _index: self.insert_current())
        self.model.modelReset.connect(self._on_model_reset)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.preview = QTextBrowser()
        self.preview.setObjectName("suggestionPreview")
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setSizes([560, 400])
        self.status = QLabel()
        self.status.setObjectName("libraryStatus")
        self.insert_button = QPushButton("แทรกในแผน")
        self.insert_button.setObjectName("insertSuggestion")
        self.insert_button.setDefault(True)
        self.insert_button.clicked.connect(self.insert_current)
        self.remove_button = QPushButton("ลบออกจากคลัง")
        self.remove_button.setObjectName("removeSuggestion")
        self.remove_button.clicked.connect(self._on_remove_clicked)
        close = QPushButton("ปิด")
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.remove_button)
        bottom.addWidget(self.insert_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.resize(1000, 600)
        self.reload()

    def indicator(self) -> int | None:
        return self.indicator_box.currentData()

    def reload(self) -> None:
        indicator, code = self.indicator(), self.item_code
        item = self.context.item(code) if code else None
        if item is not None and indicator is not None and item.indicator != indicator:
            item, code = None, ""
        text = item.text if item else ""
        self.item_label.setText(f"★ = ตรงกับข้อ {item.code} {item.text}" if item else "")
        self.session.call(
            lambda db: library.suggestions_for(
                db, indicator=indicator, item_code=code, item_text=text
            ),
            lambda offers: self._on_offers_loaded(indicator, offers, code),
        )

    def _on_offers_loaded(self, indicator, offers, code: str) -> None:
        if indicator == self.indicator():
            self.model.set_offers(offers, code)

    def _on_filter_changed(self) -> None:
        self.reload()

    def _on_model_reset(self) -> None:
        self.table.resizeRowsToContents()
        count = self.model.rowCount()
        self.status.setText(f"{format_count(count)} มาตรการ")
        if count:
            self.table.selectRow(0)
        self._on_current_changed(self.table.currentIndex())

    def current_offer(self) -> library.Offer | None:
        return self.model.offer(self.table.currentIndex().row())

    def _on_current_changed(self, index, *_) -> None:
        offer = self.model.offer(index.row()) if index.isValid() else None
        self.preview.setHtml(preview_html(offer.suggestion) if offer else "")
        self.insert_button.setEnabled(offer is not None)
        self.remove_button.setEnabled(offer is not None and not offer.suggestion.builtin)

    def insert_current(self) -> None:
        offer = self.current_offer()
        if offer is None:
            return
        code = self.model.item_code if offer.for_item else ""
        self.suggestion_chosen.emit(offer.suggestion, self.indicator(), code)
        self.status.setText(f"แทรกในแผนแล้ว: {offer.suggestion.measure}")

    def _on_remove_clicked(self) -> None:
        offer = self.current_offer()
        if offer is None or offer.suggestion.builtin:
            return
        suggestion_id = offer.suggestion.id
        push_edit(
            self.session,
            self.undo_stack,
            "ลบมาตรการออกจากคลัง",
            lambda db: library.remove_from_library(db, suggestion_id=suggestion_id),
            lambda db, removed: library.restore_to_library(db, suggestion=removed),
            "library",
            on_done=lambda _removed: self.reload(),
        )
