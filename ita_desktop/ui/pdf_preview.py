"""The preview of a built PDF: QPdfView on white pages, thumbnails, page number and zoom."""

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.i18n.thai import format_count, to_thai_digits
from ita_desktop.ui.printing import on_white, open_pdf
from ita_desktop.ui.widgets.thai_text import breakable_now

THUMB_WIDTH = 110
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
FIT_WIDTH, FIT_PAGE = "width", "page"


class PdfPreview(QWidget):
    """Shows one PDF at a time (or a message instead); ``page_count`` is 0 without one."""

    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: QPdfDocument | None = None
        self._buffer = None
        self.view = QPdfView()
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.pageNavigator().currentPageChanged.connect(self._on_current_page_changed)
        self.renderer = QPdfPageRenderer(self)
        self.renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self.renderer.pageRendered.connect(self._on_thumbnail_rendered)
        self.thumbnails = QListWidget()
        self.thumbnails.setObjectName("pageThumbnails")
        self.thumbnails.setAccessibleName("หน้าของเอกสาร")
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.414)))
        self.thumbnails.setSpacing(6)
        self.thumbnails.setFixedWidth(THUMB_WIDTH + 44)
        self.thumbnails.setStyleSheet("QListWidget#pageThumbnails { background: #e9ebee; }")
        self.thumbnails.currentRowChanged.connect(self._on_thumbnail_chosen)

        self.message = QLabel()
        self.message.setObjectName("previewMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #444; font-size: 12pt; padding: 24px;")

        self.page_label = QLabel()
        self.page_label.setObjectName("pageCount")
        self.zoom_box = QComboBox()
        self.zoom_box.setObjectName("zoomSelector")
        self.zoom_box.setAccessibleName("ขนาดการแสดงผล")
        self.zoom_box.addItem("พอดีความกว้าง", FIT_WIDTH)
        self.zoom_box.addItem("ทั้งหน้า", FIT_PAGE)
        for factor in ZOOMS:
            self.zoom_box.addItem(f"{to_thai_digits(str(round(factor * 100)))}%", factor)
        self.zoom_box.currentIndexChanged.connect(self._on_zoom_chosen)
        zoom_out, zoom_in = QToolButton(), QToolButton()
        for button, text, tip, step, keys in (
            (zoom_out, "−", "ย่อ (Ctrl+-)", -1, QKeySequence.StandardKey.ZoomOut),
            (zoom_in, "+", "ขยาย (Ctrl++)", 1, QKeySequence.StandardKey.ZoomIn),
        ):
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(lambda _=False, s=step: self.zoom_by(s))
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.zoom_by(s))

        # The page count and zoom sit in the page's action row (``controls``), not above the view.
        self.controls = QWidget()
        bar = QHBoxLayout(self.controls)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        bar.addSpacing(12)
        bar.addWidget(zoom_out)
        bar.addWidget(self.zoom_box)
        bar.addWidget(zoom_in)
        pages = QWidget()
        row = QHBoxLayout(pages)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.thumbnails)
        row.addWidget(self.view, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        self.show_message("")

    # -- what is shown -----------------------------------------------------------------------

    def show_pdf(self, pdf: bytes) -> None:
        """Show ``pdf`` in place of what was shown, on the page the clerk was reading."""
        keep = self.current_page()
        old = self.document
        self.document, self._buffer = open_pdf(pdf)
        self.document.setParent(self)
        self.view.setDocument(self.document)
        self.renderer.setDocument(self.document)
        if old is not None:
            old.deleteLater()
        self._fill_thumbnails()
        self.stack.setCurrentIndex(1)
        self.controls.show()
        if 0 < keep < self.page_count():
            self.go_to_page(keep)
        self._show_page_number()

    def show_message(self, text: str) -> None:
        self.message.setText(breakable_now(text))
        self.stack.setCurrentIndex(0)
        self.controls.hide()

    def showing_pdf(self) -> bool:
        return self.stack.currentIndex() == 1 and self.document is not None

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage() if self.document is not None else 0

    def go_to_page(self, page: int) -> None:
        if self.document is not None and 0 <= page < self.page_count():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    # -- thumbnails --------------------------------------------------------------------------

    def _fill_thumbnails(self) -> None:
        self.thumbnails.blockSignals(True)
        self.thumbnails.clear()
        ratio = self.devicePixelRatioF()
        for page in range(self.page_count()):
            points = self.document.pagePointSize(page)
            height = round(THUMB_WIDTH * points.height() / max(points.width(), 1))
            blank = QPixmap(QSize(THUMB_WIDTH, height))
            blank.fill(Qt.GlobalColor.white)
            item = QListWidgetItem(QIcon(blank), to_thai_digits(str(page + 1)))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.thumbnails.addItem(item)
            size = QSize(round(THUMB_WIDTH * ratio), round(height * ratio))
            self.renderer.requestPage(page, size)
        self.thumbnails.setCurrentRow(0)
        self.thumbnails.blockSignals(False)

    def _on_thumbnail_rendered(self, page, _size, image, _options, _request) -> None:
        item = self.thumbnails.item(page)
        if item is None or image.isNull():
            return
        paper = on_white(image)
        paper.setDevicePixelRatio(self.devicePixelRatioF())
        item.setIcon(QIcon(QPixmap.fromImage(paper)))

    def _on_thumbnail_chosen(self, row: int) -> None:
        if row != self.current_page():
            self.go_to_page(row)

    def _on_current_page_changed(self, page: int) -> None:
        self.thumbnails.blockSignals(True)
        self.thumbnails.setCurrentRow(page)
        self.thumbnails.blockSignals(False)
        self._show_page_number()
        self.page_changed.emit(page)

    def _show_page_number(self) -> None:
        count = self.page_count()
        if count:
            self.page_label.setText(
                f"หน้า {format_count(self.current_page() + 1)} / {format_count(count)}"
            )

    # -- zoom --------------------------------------------------------------------------------

    def _on_zoom_chosen(self, _index: int) -> None:
        choice = self.zoom_box.currentData()
        if choice == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(choice)

    def zoom_by(self, step: int) -> None:
        """One step in or out of the fixed zoom factors, starting from the current zoom."""
        current = self.view.zoomFactor()
        if step > 0:
            factor = next((z for z in ZOOMS if z > current + 0.01), ZOOMS[-1])
        else:
            factor = next((z for z in reversed(ZOOMS) if z < current - 0.01), ZOOMS[0])
        self.zoom_box.setCurrentIndex(self.zoom_box.findData(factor))
