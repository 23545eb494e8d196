"""The left side of the reports page: which document, its layout, digits, cover, signatories."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.records import Signatory
from ita_desktop.ui.report_choices import (
    DOCUMENTS,
    BuildRequest,
    Document,
    ReportContext,
    missing_data,
    year_note,
)
from ita_desktop.ui.widgets.labels import hint_label
from ita_desktop.ui.widgets.thai_text import breakable_now

GREY = QColor("#8a8f98")
COVER_NOTE = "หน้าแรกมีตราสัญลักษณ์และชื่อหน่วยงาน"


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; margin-top: 8px;")
    return label


class ReportOptions(QWidget):
    """``options_changed`` after any choice; ``request()`` is the PDF those choices ask for."""

    options_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.context: ReportContext | None = None
        self._layout_of: dict[str, str] = {}  # kind → the layout last chosen for it
        self._signatories: tuple[Signatory, ...] = ()

        self.documents = QListWidget()
        self.documents.setObjectName("documentList")
        self.documents.setAccessibleName("เอกสาร")
        for doc in DOCUMENTS:
            item = QListWidgetItem(doc.label)
            item.setData(Qt.ItemDataRole.UserRole, doc.key)
            self.documents.addItem(item)
        self.documents.setCurrentRow(0)
        rows = self.documents.sizeHintForRow(0) * len(DOCUMENTS)
        self.documents.setFixedHeight(rows + 2 * self.documents.frameWidth() + 8)
        # Wide enough for every name: a sideways scroll bar would cover the last row.
        self.documents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.documents.setMinimumWidth(
            self.documents.sizeHintForColumn(0) + 2 * self.documents.frameWidth() + 8
        )
        self.documents.currentRowChanged.connect(self._on_document_chosen)
        self.year_note = hint_label("yearNote")

        self.layout_box = QComboBox()
        self.layout_box.setObjectName("layoutSelector")
        self.layout_box.setAccessibleName("รูปแบบเอกสาร")
        self.layout_box.currentIndexChanged.connect(self._on_layout_chosen)
        self.layout_note = hint_label("layoutNote")

        self.thai_digits = QRadioButton("เลขไทย")
        self.thai_digits.setObjectName("thaiDigits")
        self.thai_digits.setChecked(True)
        self.arabic_digits = QRadioButton("เลขอารบิก")
        self.arabic_digits.setObjectName("arabicDigits")
        self.digits_group = QButtonGroup(self)
        for button in (self.thai_digits, self.arabic_digits):
            self.digits_group.addButton(button)
        self.digits_group.buttonToggled.connect(self._on_digits_toggled)
        self.cover = QCheckBox("มีหน้าปก")
        self.cover.setObjectName("coverOption")
        self.cover.setToolTip(COVER_NOTE)
        cover_note = hint_label("coverNote")
        cover_note.setText(breakable_now(COVER_NOTE))
        self.cover.toggled.connect(lambda _on: self.options_changed.emit())
        self.signers = QListWidget()
        self.signers.setObjectName("signatoryList")
        self.signers.setAccessibleName("ผู้ลงนาม")
        # A long name or role wraps within the panel rather than hiding a row under a scroll bar.
        self.signers.setWordWrap(True)
        self.signers.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.signers.itemChanged.connect(lambda _item: self.options_changed.emit())
        self.signers_note = hint_label("signatoryNote")

        digits = QHBoxLayout()
        digits.addWidget(self.thai_digits)
        digits.addWidget(self.arabic_digits)
        digits.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        caption = _caption("เอกสาร")
        caption.setBuddy(self.documents)
        layout.addWidget(caption)
        layout.addWidget(self.documents)
        layout.addWidget(self.year_note)
        caption = _caption("รูปแบบเอกสาร")
        caption.setBuddy(self.layout_box)
        layout.addWidget(caption)
        layout.addWidget(self.layout_box)
        layout.addWidget(self.layout_note)
        layout.addWidget(_caption("ตัวเลข"))
        layout.addLayout(digits)
        layout.addWidget(self.cover)
        layout.addWidget(cover_note)
        caption = _caption("ผู้ลงนาม")
        caption.setBuddy(self.signers)
        layout.addWidget(caption)
        layout.addWidget(self.signers)
        layout.addWidget(self.signers_note)
        layout.addStretch(1)
        self.set_context(None)

    # -- context -----------------------------------------------------------------------------

    def set_context(self, context: ReportContext | None) -> None:
        """The office and year changed, or their data did: refill what depends on them."""
        self.context = context
        for row, doc in enumerate(DOCUMENTS):
            item = self.documents.item(row)
            missing = missing_data(context, doc) if context else "ยังไม่ได้เลือกหน่วยงานและปี"
            item.setForeground(QBrush(GREY) if missing else QBrush())
            item.setToolTip(missing)
        if context is None or context.signatories != self._signatories:
            self._fill_signers(context.signatories if context else ())
        self._show_document()

    def _fill_signers(self, signatories: tuple[Signatory, ...]) -> None:
        self._signatories = signatories
        self.signers.blockSignals(True)
        self.signers.clear()
        for person in signatories:
            item = QListWidgetItem(f"{person.name} — {person.role}")
            item.setToolTip(person.position)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.signers.addItem(item)
        self.signers.blockSignals(False)
        rows = min(max(len(signatories), 1), 5)
        self.signers.setFixedHeight(
            rows * max(self.signers.sizeHintForRow(0), 1) + 2 * self.signers.frameWidth() + 4
        )
        self.signers.setVisible(bool(signatories))
        self.signers_note.setText(
            "ไม่เลือกผู้ใด: เว้นช่องลงชื่อว่างไว้ให้เขียนเอง"
            if signatories
            else "ยังไม่ได้ระบุผู้ลงนาม (เพิ่มได้ที่หน้า หน่วยงาน) — เอกสารจะเว้นช่องลงชื่อว่างไว้"
        )

    def _show_document(self) -> None:
        doc = self.document()
        context = self.context
        self.year_note.setText(breakable_now(year_note(context, doc)) if context else "")
        self._fill_layouts(doc)

    def _fill_layouts(self, doc: Document) -> None:
        self.layout_box.blockSignals(True)
        self.layout_box.clear()
        if doc.kind == "pack":
            self.layout_box.addItem("ตามรูปแบบที่เลือกไว้ของแต่ละเอกสาร", None)
            self.layout_box.setEnabled(False)
            self.layout_note.setText("ชุดรายงานใช้รูปแบบที่เลือกไว้ล่าสุดของเอกสาร ก.–ง.")
        else:
            choices = self.context.layouts.get(doc.kind, ()) if self.context else ()
            for choice in choices:
                self.layout_box.addItem(choice.label, choice.name)
                self.layout_box.setItemData(
                    self.layout_box.count() - 1, choice.description, Qt.ItemDataRole.ToolTipRole
                )
            wanted = self._layout_of.get(doc.kind, doc.kind)
            self.layout_box.setCurrentIndex(max(self.layout_box.findData(wanted), 0))
            self.layout_box.setEnabled(self.layout_box.count() > 1)
            self._show_layout_note()
        self.layout_box.blockSignals(False)

    def _show_layout_note(self) -> None:
        tip = self.layout_box.currentData(Qt.ItemDataRole.ToolTipRole)
        self.layout_note.setText(tip or "")

    # -- choices -----------------------------------------------------------------------------

    def document(self) -> Document:
        return DOCUMENTS[max(self.documents.currentRow(), 0)]

    def choose(self, key: str) -> None:
        """Select the document ``key`` ('analysis', 'progress-6', 'pack', …)."""
        row = next(i for i, doc in enumerate(DOCUMENTS) if doc.key == key)
        self.documents.setCurrentRow(row)

    def choose_layout(self, name: str) -> None:
        index = self.layout_box.findData(name)
        if index >= 0:
            self.layout_box.setCurrentIndex(index)

    def chosen_signatories(self) -> tuple[Signatory, ...]:
        return tuple(
            person
            for row, person in enumerate(self._signatories)
            if self.signers.item(row).checkState() == Qt.CheckState.Checked
        )

    def missing(self) -> str:
        return missing_data(self.context, self.document()) if self.context else ""

    def request(self) -> BuildRequest | None:
        """The PDF the choices ask for; None when there is no context or the data is missing."""
        if self.context is None or self.missing():
            return None
        doc = self.document()
        if doc.kind == "pack":
            layout = tuple(sorted(self._layout_of.items())) or None
        else:
            layout = self.layout_box.currentData() or None
        return BuildRequest(
            office_id=self.context.office_id,
            year=self.context.year,
            kind=doc.kind,
            round=doc.round,
            layout=layout,
            digits="thai" if self.thai_digits.isChecked() else "arabic",
            cover=self.cover.isChecked(),
            signatories=self.chosen_signatories(),
        )

    def _on_document_chosen(self, _row: int) -> None:
        self._show_document()
        self.options_changed.emit()

    def _on_layout_chosen(self, _index: int) -> None:
        name = self.layout_box.currentData()
        if name:
            self._layout_of[self.document().kind] = name
        self._show_layout_note()
        self.options_changed.emit()

    def _on_digits_toggled(self, _button, checked: bool) -> None:
        if checked:
            self.options_changed.emit()
