"""Qt's own texts in Thai: standard buttons, message boxes, the edit menus of text fields."""

import re

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
)

from ita_desktop.app import configure_app
from ita_desktop.ui import qt_thai

ENGLISH = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture(autouse=True)
def _configured(qapp):
    configure_app(qapp)


def _label(text: str) -> str:
    """A menu text without the shortcut Qt appends after a tab ('Ctrl+Z' stays English)."""
    return text.split("\t")[0]


def test_configure_app_installs_the_translator_once(qapp):
    configure_app(qapp)
    assert len(qapp.findChildren(qt_thai.QtThaiTranslator)) == 1


def test_other_texts_pass_through_unchanged():
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "ตกลง"
    assert QCoreApplication.translate("QShortcut", "Ctrl") == "Ctrl"
    assert QCoreApplication.translate("SomethingElse", "OK") == "OK"
    assert QCoreApplication.translate("QPlatformTheme", "Not in the table") == "Not in the table"


def test_accelerators_are_dropped():
    assert qt_thai.without_accelerator("Cu&t") == "Cut"
    assert qt_thai.without_accelerator("Save && Close") == "Save & Close"
    assert qt_thai.thai_for("QGnomeTheme", "&Cancel") == "ยกเลิก"
    assert qt_thai.thai_for("QWizard", "< &Back") == "< ย้อนกลับ"


def test_standard_buttons_are_thai(qtbot):
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "ตกลง"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "ยกเลิก"
    every = QDialogButtonBox.StandardButton(0)
    for flag in QDialogButtonBox.StandardButton:
        if flag != QDialogButtonBox.StandardButton.NoButton:
            every |= flag
    all_buttons = QDialogButtonBox(every)
    qtbot.addWidget(all_buttons)
    texts = [b.text() for b in all_buttons.buttons()]
    assert texts and not [t for t in texts if ENGLISH.search(t)]


def test_a_question_box_answers_in_thai(qtbot):
    seen = {}

    def read_and_close():
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        seen["texts"] = (box.button(yes).text(), box.button(no).text())
        box.button(no).click()

    QTimer.singleShot(0, read_and_close)
    answer = QMessageBox.question(None, "ทดสอบ", "ลบมาตรการนี้หรือไม่")
    assert answer == QMessageBox.StandardButton.No
    assert seen["texts"] == ("ใช่", "ไม่ใช่")


@pytest.mark.parametrize("make", [QLineEdit, QPlainTextEdit])
def test_the_edit_menu_of_text_fields_is_thai(qtbot, make):
    field = make()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    texts = [_label(a.text()) for a in menu.actions() if not a.isSeparator()]
    assert {"เลิกทำ", "ทำซ้ำ", "ตัด", "คัดลอก", "วาง", "ลบ", "เลือกทั้งหมด"} <= set(texts)
    assert not [t for t in texts if ENGLISH.search(t)]


def test_the_spin_box_menu_is_thai(qtbot):
    box = QSpinBox()
    qtbot.addWidget(box)
    assert QCoreApplication.translate("QAbstractSpinBox", "&Step up") == "เพิ่มขึ้นหนึ่งขั้น"
    menu = box.findChild(QLineEdit).createStandardContextMenu()
    assert not [a.text() for a in menu.actions() if ENGLISH.search(_label(a.text()))]
