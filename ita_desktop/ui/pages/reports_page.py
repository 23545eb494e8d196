"""รายงาน: choose a document, build its PDF on the worker, preview, print and save it."""

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.errors import UserError
from ita_desktop.i18n.thai import format_count, format_number, format_year
from ita_desktop.ui.pages.base import Page
from ita_desktop.ui.pdf_preview import PdfPreview
from ita_desktop.ui.printing import PrintJob
from ita_desktop.ui.report_choices import (
    BuildRequest,
    ReportContext,
    default_file_name,
    load_report_context,
)
from ita_desktop.ui.report_options import ReportOptions
from ita_desktop.ui.widgets.labels import heading_label, hint_label
from ita_desktop.ui.widgets.thai_text import breakable_now

log = logging.getLogger(__name__)
PDF_FILTER = "ไฟล์ PDF (*.pdf)"
HINT = "เลือกเอกสารและตัวเลือกทางซ้าย ตัวอย่างเอกสารอยู่ทางขวา — พิมพ์ได้ด้วย Ctrl+P จากทุกหน้า"


@dataclass(frozen=True)
class Built:
    request: BuildRequest
    pdf: bytes
    seconds: float


def build_pdf(db, request: BuildRequest, progress) -> Built:
    """Runs on the worker: the report engine reads the same connection the edits go through."""
    from ita_desktop.services.reports import build_document  # ReportLab loads on first use

    started = time.perf_counter()
    pdf = build_document(db, progress=progress, **request.arguments())
    return Built(request, pdf, time.perf_counter() - started)


def write_pdf(path: Path, pdf: bytes) -> Path:
    """Write next to the target first, so a failed write never leaves half a file behind."""
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(pdf)
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise UserError(
            f"บันทึกไฟล์ {path.name} ไม่ได้ (ไฟล์อาจเปิดอยู่ในโปรแกรมอื่น หรือไม่มีสิทธิ์เขียนในโฟลเดอร์นี้) "
            "กรุณาปิดไฟล์นั้นหรือเลือกโฟลเดอร์อื่น"
        ) from error
    return path


class _BuildProgress(QObject):
    """Carries the engine's progress calls from the worker thread to the page (queued)."""

    advanced = Signal(int, float, str)


class ReportsPage(Page):
    title = "รายงาน"
    pdf_built = Signal(object)
    pdf_saved = Signal(object)
    printed = Signal(int)

    def __init__(self, session, undo_stack, parent: QWidget | None = None):
        super().__init__(session, undo_stack, parent)
        self.context: ReportContext | None = None
        self.built: Built | None = None
        self.saved_path: Path | None = None
        self.print_job: PrintJob | None = None
        self.print_dialog: QPrintDialog | None = None
        self._building_text = ""
        self._stale = True
        self._building: BuildRequest | None = None
        self._serial = 0
        self._then: Callable[[], None] | None = None  # print or save once the PDF is current
        self._folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        self._progress = _BuildProgress(self)
        self._progress.advanced.connect(self._on_build_advanced)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self._refresh)

        self.heading = heading_label("reportsHeading")
        self.heading.setText(self.title)
        self.note = hint_label("reportsNote")
        self.note.setText(breakable_now(HINT))
        self.options = ReportOptions()
        self.options.options_changed.connect(self._debounce.start)
        self.preview = PdfPreview()
        self.print_button = QPushButton("พิมพ์…")
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip("พิมพ์เอกสารนี้ (Ctrl+P)")
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton("บันทึกเป็น PDF…")
        self.save_button.setObjectName("savePdfButton")
        self.save_button.clicked.connect(self.save_pdf)
        self.folder_button = QPushButton("เปิดโฟลเดอร์")
        self.folder_button.setObjectName("openFolderButton")
        self.folder_button.setToolTip("เปิดโฟลเดอร์ที่บันทึกไฟล์ PDF ไว้")
        self.folder_button.clicked.connect(self.open_folder)
        self.progress = QProgressBar()
        self.progress.setObjectName("buildProgress")
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)  # what is going on is said in the status beside it
        self.progress.setFixedWidth(120)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setStyleSheet("color: #5f6368;")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long saved-to path must not widen the window: the label gives way, its tip has all.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        # The buttons head the choices and the status, page and zoom head the preview, so that
        # neither side needs the other's width: the page fits a 1024-pixel screen.
        actions = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.folder_button):
            actions.addWidget(button)
        actions.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.options)
        scroll.setMinimumWidth(
            self.options.minimumSizeHint().width()
            + scroll.verticalScrollBar().sizeHint().width()
            + 2 * scroll.frameWidth()
        )
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addLayout(actions)
        left_column.addWidget(scroll, 1)
        # While building, the bar and the status share what is left; they never widen the page.
        state = QWidget()
        state.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        state_row = QHBoxLayout(state)
        state_row.setContentsMargins(0, 0, 0, 0)
        state_row.addWidget(self.progress)
        state_row.addWidget(self.status, 1)
        top = QHBoxLayout()
        top.addWidget(state, 1)
        top.addWidget(self.preview.controls)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(8, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.preview, 1)
        split = QSplitter()
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([320, 960])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        self._update_buttons()

    # -- context and freshness ---------------------------------------------------------------

    def reload(self) -> None:
        if self.office_id is None or self.year is None:
            self._on_context_loaded(None)
            return
        office_id, year = self.office_id, self.year
        self.session.call(
            lambda db: load_report_context(db, office_id, year), self._on_context_loaded
        )

    def _on_context_loaded(self, context: ReportContext | None) -> None:
        if context is not None and (context.office_id, context.year) != (self.office_id, self.year):
            return  # an answer for a selection the clerk has left
        self.context = context
        self.heading.setText(
            f"{self.title} ปีงบประมาณ พ.ศ. {format_year(context.year)}" if context else self.title
        )
        self.options.set_context(context)
        self._refresh()

    def _on_data_changed(self, tag) -> None:
        self._stale = True  # rebuilt now if the page is seen, else when it is shown again
        super()._on_data_changed(tag)

    def is_fresh(self) -> bool:
        """The preview shows what the current choices and data would print."""
        request = self.options.request()
        return (
            request is not None
            and self.built is not None
            and self.built.request == request
            and not self._stale
        )

    def _refresh(self) -> None:
        """Build what the choices ask for, when the page is seen (or a print waits for it)."""
        self._update_buttons()
        if self.context is None:
            self._show_message("ยังไม่ได้เลือกหน่วยงานและปีงบประมาณ")
            return
        missing = self.options.missing()
        if missing:
            self._show_message(missing)
            self._then = None
            return
        if self.is_fresh():
            self._after_build()
            return
        if self.isVisible() or self._then is not None:
            self._start_build(self.options.request())

    # -- building ----------------------------------------------------------------------------

    def _start_build(self, request: BuildRequest) -> None:
        if self._building is not None:
            return  # the build on its way is checked against the choices when it arrives
        self._serial += 1
        self._building, self._stale, serial = request, False, self._serial
        advanced = self._progress.advanced

        def job(db):
            return build_pdf(db, request, lambda share, step: advanced.emit(serial, share, step))

        self._building_text = "กำลังสร้างใหม่" if self.built else "กำลังสร้าง"
        self.progress.setValue(0)
        self.progress.show()
        self._say(f"{self._building_text}…")
        self.session.call(job, self._on_built, on_error=self._on_build_failed)

    def _on_build_advanced(self, serial: int, share: float, step: str) -> None:
        if serial == self._serial and self._building is not None:
            self.progress.setValue(round(share * 100))
            self._say(f"{self._building_text}: {step}…")

    def _on_built(self, built: Built) -> None:
        self._building = None
        self.progress.hide()
        self.built = built
        self.preview.show_pdf(built.pdf)
        self._say(
            f"{format_count(self.preview.page_count())} หน้า — "
            f"สร้างใน {format_number(built.seconds, 1)} วินาที"
        )
        log.info(
            "built %s in %.2f s (%d pages)",
            built.request.kind,
            built.seconds,
            self.preview.page_count(),
        )
        self.pdf_built.emit(built)
        self._refresh()  # the choices or the data may have moved on meanwhile

    def _on_build_failed(self, error: Exception) -> None:
        self._building = None
        self._then = None
        self.progress.hide()
        self._update_buttons()
        if isinstance(error, UserError):
            self.built = None
            self._show_message(error.message)
        else:
            self._show_message("สร้างเอกสารไม่สำเร็จ — รายละเอียดอยู่ในบันทึกของโปรแกรม")
            self.session.crashed.emit(error)

    def _show_message(self, text: str) -> None:
        self.preview.show_message(text)
        self._say("")

    def _after_build(self) -> None:
        self._update_buttons()
        then, self._then = self._then, None
        if then is not None:
            then()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)

    def _update_buttons(self) -> None:
        ready = self.is_fresh() and self._building is None
        printing = self.print_job is not None
        self.print_button.setEnabled(not printing and self.options.request() is not None)
        self.save_button.setEnabled(ready)
        self.folder_button.setEnabled(self.saved_path is not None)

    # -- print -------------------------------------------------------------------------------

    def print_document(self) -> None:
        """Ctrl+P: print the chosen document, at once if the preview is current, else once built."""
        if self.print_job is not None:
            return
        missing = self.options.missing()
        if missing:
            self.session.user_error.emit(missing)
            return
        self._then = self._open_print_dialog
        self._refresh()

    def _open_print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(default_file_name(self.context, self.options.document())[:-4])
        self.print_dialog = QPrintDialog(printer, self)
        self.print_dialog.setMinMax(1, max(self.preview.page_count(), 1))
        self.print_dialog.accepted.connect(lambda: self.print_to(printer))
        self.print_dialog.open()

    def print_to(self, printer: QPrinter, max_dpi: int | None = None) -> None:
        """Print the current preview on ``printer`` from a thread of its own."""
        if self.built is None or self.print_job is not None:
            return
        options = {"max_dpi": max_dpi} if max_dpi else {}
        self.print_job = PrintJob(self.built.pdf, printer, **options)
        self.print_job.page_printed.connect(self._on_page_printed)
        self.print_job.printed.connect(self._on_printed)
        self.print_job.failed.connect(self._on_print_failed)
        self.print_job.finished.connect(self._on_print_job_finished)
        self.progress.setValue(0)
        self.progress.show()
        self._say("กำลังส่งหน้าไปยังเครื่องพิมพ์…")
        self._update_buttons()
        self.print_job.start()

    def _on_page_printed(self, done: int, total: int) -> None:
        self.progress.setValue(round(100 * done / max(total, 1)))

    def _on_printed(self, pages: int, seconds: float) -> None:
        self._say(f"ส่งไปพิมพ์แล้ว {format_count(pages)} หน้า ({format_number(seconds, 1)} วินาที)")
        log.info("printed %d pages in %.2f s", pages, seconds)
        self.printed.emit(pages)

    def _on_print_failed(self, reason: str) -> None:
        log.warning("printing failed: %s", reason)
        self.session.user_error.emit("พิมพ์ไม่สำเร็จ กรุณาตรวจสอบเครื่องพิมพ์แล้วลองอีกครั้ง")

    def _on_print_job_finished(self) -> None:
        self.progress.hide()
        self.print_job = None
        self._update_buttons()

    # -- save --------------------------------------------------------------------------------

    def save_pdf(self) -> None:
        """Ask where to save the chosen document, at once if the preview is current."""
        if self.print_job is not None or self.options.request() is None:
            return
        self._then = self._ask_where_to_save
        self._refresh()

    def _ask_where_to_save(self) -> None:
        suggested = self._folder / default_file_name(self.context, self.options.document())
        name, _ = QFileDialog.getSaveFileName(self, "บันทึกเป็น PDF", str(suggested), PDF_FILTER)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        pdf = self.built.pdf
        self.session.call(lambda _db: write_pdf(path, pdf), self._on_pdf_written)

    def _on_pdf_written(self, path: Path) -> None:
        self.saved_path, self._folder = path, path.parent
        self._say(f"บันทึกแล้ว: {path}")
        self._update_buttons()
        self.pdf_saved.emit(path)

    def open_folder(self) -> None:
        folder = self.saved_path.parent if self.saved_path else self._folder
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
