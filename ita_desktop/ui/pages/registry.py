"""The pages of the main window in navigation order (Ctrl+1 … Ctrl+7 follow it)."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from ita_desktop.ui.pages.analysis_page import AnalysisPage
from ita_desktop.ui.pages.base import Page
from ita_desktop.ui.pages.criteria_page import CriteriaPage
from ita_desktop.ui.pages.measures_page import MeasuresPage
from ita_desktop.ui.pages.office_page import OfficePage
from ita_desktop.ui.pages.progress_page import ProgressPage
from ita_desktop.ui.pages.reports_page import ReportsPage
from ita_desktop.ui.pages.results_page import ResultsPage
from ita_desktop.ui.session import Session

PageFactory = Callable[[Session, QUndoStack], Page]


@dataclass(frozen=True)
class PageEntry:
    key: str
    title: str
    factory: PageFactory


def page_entries() -> list[PageEntry]:
    return [
        PageEntry("office", "หน่วยงาน", OfficePage),
        PageEntry("results", "ผลการประเมิน", ResultsPage),
        PageEntry("analysis", "วิเคราะห์ผล", AnalysisPage),
        PageEntry("measures", "มาตรการ", MeasuresPage),
        PageEntry("progress", "ติดตามผล", ProgressPage),
        PageEntry("reports", "รายงาน", ReportsPage),
        PageEntry("criteria", "เกณฑ์การประเมิน", CriteriaPage),
    ]
