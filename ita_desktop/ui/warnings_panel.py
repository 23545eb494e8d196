"""The status bar's count of open warnings: worked out on the worker, listed when clicked."""

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from ita_desktop.i18n.thai import format_count, to_arabic_digits
from ita_desktop.services.summary import analyse_year
from ita_desktop.storage.assessments import find_assessment_id
from ita_desktop.ui.session import Session


@dataclass(frozen=True)
class OpenWarning:
    """One warning and the score field it is about (scope, key), when the text names one."""

    text: str
    scope: str = ""
    key: str = ""


_INDICATOR = re.compile(r"ตัวชี้วัดที่ (\d+)")
_ITEM = re.compile(r"\bข้อ ([A-Za-z]+\d+)")
_INSTRUMENT = re.compile(r"แบบวัด (IIT|EIT|OIT)\b")


def target_of(text: str) -> OpenWarning:
    """Where a warning points: an indicator, an item, an instrument or the overall score."""
    arabic = to_arabic_digits(text)
    for pattern, scope in ((_INDICATOR, "indicator"), (_ITEM, "item"), (_INSTRUMENT, "part")):
        found = pattern.search(arabic)
        if found:
            return OpenWarning(text, scope, found.group(1))
    if "คะแนนภาพรวม" in text:
        return OpenWarning(text, "overall", "")
    return OpenWarning(text)


def load_warnings(db, office_id: int, year: int) -> tuple[OpenWarning, ...]:
    """The open warnings of ``year``'s results (none when the year has no results yet)."""
    if find_assessment_id(db, office_id, year) is None:
        return ()
    warnings = analyse_year(db, office_id=office_id, year=year).analysis.warnings
    return tuple(target_of(text) for text in warnings)


class WarningsButton(QToolButton):
    """'ข้อควรตรวจสอบ ๒ รายการ'; clicking lists them, and a chosen one is ``warning_chosen``."""

    warning_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("warningsButton")
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # No menu arrow: right after the text it reads as an underscore; the tooltip says it opens.
        self.setStyleSheet(
            "QToolButton#warningsButton { color: #8a4b00; font-weight: bold; }"
            " QToolButton#warningsButton::menu-indicator { image: none; width: 0px; }"
        )
        self.setToolTip("คลิกเพื่อดูรายการและไปยังช่องที่เกี่ยวข้อง")
        self.list_menu = QMenu(self)
        self.list_menu.setObjectName("warningsMenu")
        self.setMenu(self.list_menu)
        self.session: Session | None = None
        self.context: tuple[int | None, int | None] = (None, None)
        self.warnings: tuple[OpenWarning, ...] = ()
        self._timer = QTimer(self, singleShot=True, interval=250)  # a burst of edits: count once
        self._timer.timeout.connect(self._ask)
        self.hide()

    def set_session(self, session: Session | None) -> None:
        self.session = session
        self._show(())

    def refresh(self, office_id: int | None, year: int | None) -> None:
        """Count again soon for this office and year (after an edit or another selection)."""
        self.context = (office_id, year)
        self._timer.start()

    def _ask(self) -> None:
        office_id, year = self.context
        if self.session is None or office_id is None or year is None:
            self._show(())
            return
        self.session.call(
            lambda db: load_warnings(db, office_id, year),
            lambda found, asked=(office_id, year): self._on_loaded(asked, found),
        )

    def _on_loaded(self, asked: tuple, found: tuple[OpenWarning, ...]) -> None:
        if asked == self.context:
            self._show(found)

    def _show(self, warnings: tuple[OpenWarning, ...]) -> None:
        self.warnings = warnings
        self.list_menu.clear()
        for warning in warnings:
            action = self.list_menu.addAction(warning.text)
            action.triggered.connect(lambda _=False, w=warning: self.warning_chosen.emit(w))
        self.setText(f"ข้อควรตรวจสอบ {format_count(len(warnings))} รายการ")
        self.setAccessibleName(self.text())
        self.setVisible(bool(warnings))
