"""What the window's รายงาน menu, search box and warning list do: go to a page and a field."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ita_desktop.ui.report_choices import DOCUMENTS
from ita_desktop.ui.search import Hit


def build_reports_menu(window: QMainWindow) -> QMenu:
    """ก.–ง. and the pack open the reports page on that document; Ctrl+P prints the chosen one."""
    menu = QMenu("รายงาน", window)
    menu.setObjectName("reportsMenu")
    for doc in DOCUMENTS:
        menu.addAction(doc.label, lambda key=doc.key: show_report(window, key))
    menu.addSeparator()
    print_action = menu.addAction(
        "พิมพ์…", QKeySequence.StandardKey.Print, lambda: reports_page(window).print_document()
    )
    print_action.setObjectName("printAction")
    menu.addAction("บันทึกเป็น PDF…", lambda: reports_page(window).save_pdf())
    menu.addAction("เปิดโฟลเดอร์ที่บันทึกไว้", lambda: reports_page(window).open_folder())
    return menu


def reports_page(window):
    """The reports page, shown: what Ctrl+P prints is what it shows."""
    window.show_page("reports")
    return window.page("reports")


def show_report(window, key: str) -> None:
    reports_page(window).options.choose(key)


def go_to_figure(window, scope: str, key: str) -> None:
    """The results page with the score field of (scope, key) focused, when there is one."""
    window.show_page("results")
    page = window.page("results")
    editor = None
    if scope:
        editor = page.editor(scope, key) or page.editor(scope, f"{key}1")  # EIT → EIT ส่วนที่ ๑
    if editor is not None:
        editor.setFocus(Qt.FocusReason.OtherFocusReason)


def go_to_hit(window, hit: Hit) -> None:
    """A found item: its score field; a found measure: its row in its year's plan."""
    if hit.kind == "item":
        go_to_figure(window, "item", hit.code)
        return
    if window.context_bar.year() != hit.year:
        window.context_bar.select(year=hit.year)
    window.show_page("measures")
    page = window.page("measures")
    page.select_measure(hit.measure_id)
    page.tree.setFocus(Qt.FocusReason.OtherFocusReason)
