"""Printing a PDF as raster pages on a QPrinter, on a thread of its own, each page upright."""

import time
from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from ita_desktop.ui import main_thread_gc

MAX_DPI = 300  # an A4 page is ~35 MB of memory at 300 dpi; more gains nothing on office printers


def on_white(image: QImage) -> QImage:
    """QPdfDocument renders pages on a transparent background: paint them onto white paper."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.setDevicePixelRatio(image.devicePixelRatio())
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def orientation_of(size: QSizeF) -> QPageLayout.Orientation:
    if size.width() > size.height():
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def open_pdf(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A loaded document and the buffer it reads from (keep both alive while it is used)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The pages (0-based) the print dialog asked for: all, or its from–to range."""
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = printer.fromPage() - 1
        last = min(count, printer.toPage() or count) - 1
    return list(range(first, last + 1))


def print_pdf(
    pdf: bytes,
    printer: QPrinter,
    *,
    max_dpi: int = MAX_DPI,
    on_page: Callable[[int, int], None] | None = None,
) -> int:
    """Paint every chosen page, rendered at up to ``max_dpi``, on ``printer``; pages printed.

    Safe on a worker thread (QPainter on a QPrinter is); the document is opened here, so it
    belongs to the calling thread. Each page gets its own orientation before it starts.
    """
    document, _buffer = open_pdf(pdf)
    if document.status() != QPdfDocument.Status.Ready:
        raise RuntimeError(f"the PDF did not load: {document.error()}")
    pages = chosen_pages(printer, document.pageCount())
    printer.setFullPage(True)  # the PDF's pages carry their own margins
    dpi = min(max_dpi, printer.resolution())
    painter = QPainter()
    try:
        for done, page in enumerate(pages):
            points = document.pagePointSize(page)
            printer.setPageOrientation(orientation_of(points))
            if done == 0:
                if not painter.begin(printer):
                    raise RuntimeError("the printer could not be started")
            elif not printer.newPage():
                raise RuntimeError("the printer refused a new page")
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = on_white(document.render(page, pixels))
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            scale = min(paper.width() / pixels.width(), paper.height() / pixels.height())
            target = QRectF(0, 0, pixels.width() * scale, pixels.height() * scale)
            target.moveCenter(paper.center())
            painter.drawImage(target, image)
            if on_page is not None:
                on_page(done + 1, len(pages))
    finally:
        if painter.isActive():
            painter.end()
        document.close()
    return len(pages)


_running: set["PrintJob"] = set()


class PrintJob(QThread):
    """Prints on its own thread: rasterising 30 pages at 300 dpi takes several seconds.

    A job belongs to no widget: closing the file (its page) does not cut a print short.
    """

    page_printed = Signal(int, int)
    printed = Signal(int, float)
    failed = Signal(str)

    def __init__(self, pdf: bytes, printer: QPrinter, max_dpi: int = MAX_DPI):
        super().__init__()
        main_thread_gc.install()
        self.setObjectName("ita-print")
        self.pdf, self.printer, self.max_dpi = pdf, printer, max_dpi
        _running.add(self)
        self.finished.connect(self._on_finished)

    def _on_finished(self) -> None:
        _running.discard(self)
        self.deleteLater()

    def run(self) -> None:
        started = time.perf_counter()
        try:
            count = print_pdf(
                self.pdf, self.printer, max_dpi=self.max_dpi, on_page=self.page_printed.emit
            )
        except Exception as error:  # shown to the clerk; the printer said no
            self.failed.emit(str(error))
        else:
            self.printed.emit(count, time.perf_counter() - started)


def wait_for_print_jobs() -> None:
    """Let prints on their way finish (the window is closing; the spooler needs every page)."""
    for job in list(_running):
        job.wait()
