"""Dialogs of the criteria page: one item (code, text, indicator, sub-indicator), copy to a year."""

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.criteria import Criteria, Item
from ita_desktop.i18n.thai import format_year, to_thai_digits
from ita_desktop.ui.widgets.thai_date_edit import ThaiYearSpin

ERROR_STYLE = "color: #b00020;"
MAX_CODE = 20  # services.results refuses longer item codes
MAX_ITEM_TEXT = 2000


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class ItemDialog(QDialog):
    """Add or edit one item; ``item()`` is the result once accepted."""

    def __init__(
        self,
        criteria: Criteria,
        item: Item | None = None,
        indicator: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.criteria, self.original = criteria, item
        self.setWindowTitle("แก้ไขข้อคำถาม" if item else "เพิ่มข้อคำถาม")
        self.setMinimumWidth(640)
        self.code = QLineEdit(item.code if item else "")
        self.code.setObjectName("itemCode")
        self.code.setPlaceholderText("เช่น i10, e3, o27")
        self.text = QPlainTextEdit(item.text if item else "")
        self.text.setObjectName("itemText")
        self.text.setTabChangesFocus(True)
        self.indicator = QComboBox()
        self.indicator.setObjectName("itemIndicator")
        for ind in criteria.indicators:
            title = f"ตัวชี้วัดที่ {to_thai_digits(str(ind.number))} {ind.name} ({ind.instrument})"
            self.indicator.addItem(title, ind.number)
        wanted = item.indicator if item else indicator
        self.indicator.setCurrentIndex(max(self.indicator.findData(wanted), 0))
        self.sub_indicator = QComboBox()
        self.sub_indicator.setObjectName("itemSubIndicator")
        self.provisional = QCheckBox("ข้อความยังไม่ยืนยัน (ฉบับร่าง)")
        self.provisional.setChecked(bool(item and item.provisional))
        self.code_error, self.text_error = _error_label(), _error_label()

        form = QFormLayout()
        for caption, widget, error in (
            ("รหัสข้อ", self.code, self.code_error),
            ("ข้อความ", self.text, self.text_error),
        ):
            cell = QVBoxLayout()
            cell.addWidget(widget)
            cell.addWidget(error)
            form.addRow(caption, cell)
        form.addRow("ตัวชี้วัด", self.indicator)
        form.addRow("ตัวชี้วัดย่อย", self.sub_indicator)
        form.addRow("", self.provisional)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("ตกลง")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("ยกเลิก")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.indicator.currentIndexChanged.connect(self._on_indicator_changed)
        self._on_indicator_changed()
        if item and item.sub_indicator:
            self.sub_indicator.setCurrentIndex(
                max(self.sub_indicator.findData(item.sub_indicator), 0)
            )

    def _on_indicator_changed(self, _index: int = 0) -> None:
        number = self.indicator.currentData()
        self.sub_indicator.clear()
        self.sub_indicator.addItem("(ไม่มี)", "")
        for sub in self.criteria.sub_indicators:
            if sub.indicator == number:
                self.sub_indicator.addItem(f"{to_thai_digits(sub.code)} {sub.name}", sub.code)
        self.sub_indicator.setEnabled(self.sub_indicator.count() > 1)

    def check(self) -> dict[str, str]:
        code, text = self.code.text().strip(), self.text.toPlainText().strip()
        problems = {}
        taken = self.criteria.item(code) if code else None
        if not code:
            problems["code"] = "กรุณากรอกรหัสข้อ"
        elif len(code) > MAX_CODE or any(c.isspace() for c in code):
            problems["code"] = "รหัสข้อต้องไม่มีช่องว่างและยาวไม่เกิน ๒๐ ตัวอักษร"
        elif taken is not None and taken is not self.original:
            problems["code"] = f"มีข้อรหัส {taken.code} อยู่แล้ว กรุณาใช้รหัสอื่น"
        if not text:
            problems["text"] = "กรุณากรอกข้อความของข้อคำถาม"
        elif len(text) > MAX_ITEM_TEXT:
            problems["text"] = "ข้อความยาวเกินไป (ไม่เกิน ๒,๐๐๐ ตัวอักษร)"
        for name, label in (("code", self.code_error), ("text", self.text_error)):
            label.setText(f"⚠ {problems.get(name, '')}")
            label.setVisible(name in problems)
        return problems

    def item(self) -> Item:
        return Item(
            code=self.code.text().strip(),
            indicator=self.indicator.currentData(),
            text=self.text.toPlainText().strip(),
            sub_indicator=self.sub_indicator.currentData() or "",
            provisional=self.provisional.isChecked(),
        )

    def accept(self) -> None:
        if not self.check():
            super().accept()


class CopyYearDialog(QDialog):
    """Choose the fiscal year that receives a copy of the shown year's criteria."""

    def __init__(self, source: int, existing: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self.existing = set(existing)
        self.setWindowTitle("คัดลอกเกณฑ์ไปปีใหม่")
        self.year = ThaiYearSpin()  # พ.ศ. in Thai digits, like every other year on screen
        self.year.setObjectName("targetYear")
        self.year.setRange(2560, 2700)
        self.year.setValue(max([source, *existing]) + 1)
        have = ", ".join(format_year(y) for y in sorted(existing))
        intro = QLabel(
            f"คัดลอกเกณฑ์การประเมินของปี {format_year(source)} ไปเป็นเกณฑ์ของปีงบประมาณใหม่ "
            "แล้วแก้ไขข้อคำถามที่เปลี่ยนไปได้ในหน้านี้ (เกณฑ์ที่คัดลอกจะทำเครื่องหมายเป็นฉบับร่าง)"
        )
        intro.setWordWrap(True)
        known = QLabel(f"ปีที่มีเกณฑ์แล้ว: {have}")
        known.setWordWrap(True)
        self.error = _error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("คัดลอก")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("ยกเลิก")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("ปีงบประมาณ", self.year)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(known)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def target(self) -> int:
        return self.year.value()

    def accept(self) -> None:
        if self.target() in self.existing:
            self.error.setText(f"⚠ ปี {format_year(self.target())} มีเกณฑ์อยู่แล้ว กรุณาเลือกปีอื่น")
            self.error.show()
            return
        super().accept()


def draft_copy(source: Criteria, year: int) -> Criteria:
    """``source`` as the criteria of ``year``, marked as a draft until the clerk confirms it."""
    return replace(
        source,
        year=year,
        title=f"เกณฑ์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. {format_year(year)}",
        provisional=True,
        sources=f"คัดลอกจากเกณฑ์ปี {format_year(source.year)}",
    )
