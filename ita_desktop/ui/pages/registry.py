"""The pages of the main window in navigation order; a page not built yet has a stand-in."""

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout

from ita_desktop.ui.pages.base import Page
from ita_desktop.ui.session import Session

log = logging.getLogger(__name__)

PageFactory = Callable[[Session, QUndoStack], Page]


@dataclass(frozen=True)
class PageEntry:
    key: str
    title: str
    factory: PageFactory


class PendingPage(Page):
    """Stands in for a page whose module is not in this build yet."""

    def __init__(self, session: Session, undo_stack: QUndoStack, title: str, parent=None):
        super().__init__(session, undo_stack, parent)
        self.title = title
        notice = QLabel(f"{title}\n\nยังไม่พร้อมใช้งาน")
        notice.setObjectName("pendingNotice")
        notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        notice.setStyleSheet("color: palette(mid); font-size: 14pt;")
        layout = QVBoxLayout(self)
        layout.addWidget(notice)

    def reload(self) -> None:
        pass


def _pending(title: str) -> PageFactory:
    return lambda session, stack: PendingPage(session, stack, title)


def _load(module: str, name: str, fallback: PageFactory) -> PageFactory:
    """The page class if its module imports, else ``fallback`` (the module is being built)."""
    try:
        return getattr(importlib.import_module(f"ita_desktop.ui.pages.{module}"), name)
    except ImportError as error:
        log.info("page %s not available: %s", name, error)
        return fallback


def page_entries() -> list[PageEntry]:
    from ita_desktop.ui.pages.criteria_page import CriteriaPage
    from ita_desktop.ui.pages.office_page import OfficePage
    from ita_desktop.ui.pages.plan_view_page import (
        DocumentsPage,
        ReadOnlyMeasuresPage,
        ReadOnlyProgressPage,
    )

    return [
        PageEntry("office", "หน่วยงาน", OfficePage),
        PageEntry(
            "results",
            "ผลการประเมิน",
            _load("results_page", "ResultsPage", _pending("ผลการประเมิน")),
        ),
        PageEntry(
            "analysis", "วิเคราะห์ผล", _load("analysis_page", "AnalysisPage", _pending("วิเคราะห์ผล"))
        ),
        PageEntry(
            "measures", "มาตรการ", _load("measures_page", "MeasuresPage", ReadOnlyMeasuresPage)
        ),
        PageEntry(
            "progress", "ติดตามผล", _load("progress_page", "ProgressPage", ReadOnlyProgressPage)
        ),
        PageEntry("reports", "รายงาน", _load("reports_page", "ReportsPage", DocumentsPage)),
        PageEntry("criteria", "เกณฑ์การประเมิน", CriteriaPage),
    ]
