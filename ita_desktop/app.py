"""Composition root of the window: fonts, crash handler, which file to open, the main window."""

import logging
import os
import sys
import time
import traceback
from pathlib import Path

from ita_desktop import paths

log = logging.getLogger("ita_desktop")

# System Thai UI fonts worth preferring to the bundled Sarabun (Windows, then Linux).
THAI_UI_FONTS = ("Leelawadee UI", "Noto Sans Thai UI", "Noto Sans Thai")
MIN_POINT_SIZE = 10


def load_fonts() -> list[str]:
    """Register the bundled Sarabun faces so Thai renders even where no Thai font is installed."""
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    for ttf in sorted((paths.resources_dir() / "fonts").glob("Sarabun-*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(ttf))
        if font_id < 0:
            log.warning("could not load font %s", ttf)
            continue
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    return families


def configure_app(app) -> None:
    """Names (for settings and the log folder), the Thai-capable UI font."""
    from PySide6.QtGui import QFontDatabase, QIcon

    from ita_desktop.ui import qt_thai

    app.setApplicationName("ITA Desktop")
    app.setOrganizationName("ITA Desktop")
    app.setApplicationDisplayName("ITA Desktop")
    qt_thai.install(app)  # Qt's own buttons and menus in Thai
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "ita-desktop.png")))
    bundled = load_fonts()
    thai = set(QFontDatabase.families(QFontDatabase.WritingSystem.Thai))
    chosen = next((f for f in THAI_UI_FONTS if f in thai), bundled[0] if bundled else None)
    font = app.font()
    if chosen:
        # Thai-capable family first: Qt takes each glyph from the first family that has it.
        font.setFamilies([chosen, *bundled, *font.families()])
    if 0 < font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
    app.setFont(font)


def choose_data_file(argument: Path | None, last_file: Path | None) -> Path:
    """The file named on the command line, else the last file if it still exists, else default."""
    if argument is not None:
        return Path(argument)
    if last_file is not None and last_file.exists():
        return last_file
    return paths.default_data_file()


def setup_demo(db) -> int | None:
    """First run on a new file: import the demo office (when this build ships it)."""
    from ita_desktop.services import demo

    if not demo.demo_file().exists():
        log.warning("demo file %s missing; starting with an empty data file", demo.demo_file())
        return None
    office_id, _ = demo.create_demo(db)
    return office_id


def install_crash_handler() -> None:
    """Bugs go to the log with their traceback; the clerk sees a short Thai message."""
    showing = False

    def handle(kind, error, tb) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        from PySide6.QtWidgets import QApplication, QMessageBox

        from ita_desktop.errors import UserError

        if isinstance(error, UserError):
            text = error.message
        else:
            log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb)))
            text = (
                "เกิดข้อผิดพลาดภายในโปรแกรม ข้อมูลที่บันทึกแล้วไม่สูญหาย\n"
                f"รายละเอียดบันทึกไว้ที่ {paths.log_file()}\n"
                "กรุณาส่งไฟล์นี้ให้ผู้ดูแลโปรแกรม"
            )
        if QApplication.instance() is None or showing:
            return
        showing = True
        try:
            QMessageBox.critical(None, "ITA Desktop", text)
        finally:
            showing = False

    sys.excepthook = handle


def build_window(db_path: Path | None, settings=None):
    """The main window on the chosen file; a file that does not exist yet gets the demo office."""
    from ita_desktop.ui.mainwindow import MainWindow
    from ita_desktop.ui.settings import Settings

    settings = settings or Settings.default()
    path = choose_data_file(db_path, settings.last_file)
    window = MainWindow(settings)
    window.open_file(path, setup=None if path.exists() else setup_demo)
    return window


def run_gui(db_path: Path | None, argv: list[str] | None = None, *, self_test: bool = False) -> int:
    """The window on ``db_path``; ``self_test``: see run_self_test (``db_path`` is not used)."""
    from PySide6.QtWidgets import QApplication

    logging.basicConfig(
        filename=paths.log_file(),
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        encoding="utf-8",
    )
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if self_test and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a check needs no screen
    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    configure_app(app)
    if self_test:
        return run_self_test(app)
    install_crash_handler()
    window = build_window(db_path)
    window.show()
    return app.exec()


SELF_TEST_TIMEOUT_MS = 120_000


def run_self_test(app) -> int:
    """Check that this build works: the demo office in a fresh temporary file, one report
    preview rendered with QtPdf; 0 when all went well, else 1 and the reason on stderr.

    Prints, counted from the start of the process, when the window became usable (shown, the
    file open, the event loop free for input) and when every page had its first data (the
    pages load on the worker). Nothing of the user's (settings, data file) is touched.
    """
    import tempfile

    from PySide6.QtCore import QTimer

    from ita_desktop.ui.mainwindow import MainWindow
    from ita_desktop.ui.settings import Settings

    age = _process_age()
    started = time.perf_counter() - (age if age is not None and 0 <= age < 600 else 0.0)
    result = {"code": 1}

    def finish(code: int, message: str) -> None:
        if result.get("done"):
            return
        result.update(code=code, done=True)
        app.exit(code)  # first: an output that cannot be written must not keep the program up
        print(f"self-test: {message}", file=sys.stdout if code == 0 else sys.stderr, flush=True)

    def on_bug(kind, error, tb) -> None:
        finish(1, "".join(traceback.format_exception(kind, error, tb)).rstrip())

    def elapsed() -> str:
        return f"{time.perf_counter() - started:.2f} s"

    def on_opened() -> None:
        print(f"self-test: window usable after {elapsed()}", flush=True)
        _when_idle(window.session, on_loaded)

    def on_loaded() -> None:
        print(f"self-test: all pages loaded after {elapsed()}", flush=True)
        print("self-test: pages " + " ".join(type(p).__name__ for p in window.pages), flush=True)
        office_id, year = window.context_bar.office_id(), window.context_bar.year()
        if office_id is None or year is None:
            finish(1, "the demo office has no year to preview")
            return
        window.session.call(
            lambda db: _preview_pdf(db, office_id, year), on_preview, on_error=on_error
        )

    def on_preview(pdf: bytes) -> None:
        try:
            finish(0, _render_first_page(pdf, folder))
        except Exception as error:
            finish(1, f"preview failed: {error}")

    def on_error(error: Exception) -> None:
        finish(1, getattr(error, "message", None) or repr(error))

    sys.excepthook = on_bug
    with tempfile.TemporaryDirectory(prefix="ita-self-test-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        window = MainWindow(Settings.at(folder / "settings.ini"))
        # A message box would wait for a click that never comes: any message is a failure.
        window.show_user_error = lambda message: finish(1, message)
        # Usable once the event loop is back after the file opened (pending paints done).
        window.file_opened.connect(lambda _path: QTimer.singleShot(0, on_opened))
        window.open_file(folder / "self-test.sqlite", setup=setup_demo)
        window.show()
        QTimer.singleShot(SELF_TEST_TIMEOUT_MS, lambda: finish(1, "timed out"))
        app.exec()
        if result["code"] != 0:
            os._exit(result["code"])  # a stuck worker would hold an orderly close forever
        window.close()  # closes the data file before its folder is removed
    return result["code"]


def _when_idle(session, then) -> None:
    """Call ``then()`` once ``session`` has no job left (the pages' first loads included)."""
    if not session.busy:
        then()
        return

    def on_busy_changed(busy: bool) -> None:
        if not busy:
            session.busy_changed.disconnect(on_busy_changed)
            then()

    session.busy_changed.connect(on_busy_changed)


def _preview_pdf(db, office_id: int, year: int) -> bytes:
    """Runs on the worker: the analysis document of the selected year, as the preview does."""
    from ita_desktop.services.reports import build_document

    return build_document(db, kind="analysis", office_id=office_id, year=year)


def _render_first_page(pdf: bytes, folder: Path) -> str:
    """Render page 1 with QtPdf; raises unless it has ink on it. Returns what was checked."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage
    from PySide6.QtPdf import QPdfDocument

    path = folder / "preview.pdf"
    path.write_bytes(pdf)
    document = QPdfDocument()
    try:
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
            raise RuntimeError(f"QtPdf could not open the report ({error.name})")
        points = document.pagePointSize(0)
        size = QSize(round(points.width() * 100 / 72), round(points.height() * 100 / 72))
        image = document.render(0, size).convertToFormat(QImage.Format.Format_ARGB32)
        pages = document.pageCount()
    finally:
        document.close()
    alphas = bytes(image.constBits())[3::4]  # render() leaves the paper transparent
    inked = len(alphas) - alphas.count(0)
    if image.isNull() or inked == 0:
        raise RuntimeError("page 1 of the report rendered blank")
    return (
        f"OK, preview of {pages} pages, page 1 rendered {size.width()}x{size.height()} "
        f"({inked / len(alphas):.1%} ink)"
    )


def _process_age() -> float | None:
    """Seconds since this process was created (a frozen program's start-up included)."""
    try:
        if sys.platform.startswith("linux"):
            start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
            uptime = float(Path("/proc/uptime").read_text().split()[0])
            return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            kernel32 = ctypes.WinDLL("kernel32")  # our own handle: argtypes set here stay here
            kernel32.GetCurrentProcess.restype = wintypes.HANDLE
            filetime_p = ctypes.POINTER(wintypes.FILETIME)
            kernel32.GetProcessTimes.argtypes = [wintypes.HANDLE, *[filetime_p] * 4]
            times = [wintypes.FILETIME() for _ in range(5)]
            if not kernel32.GetProcessTimes(
                kernel32.GetCurrentProcess(), *map(ctypes.byref, times[:4])
            ):
                return None
            kernel32.GetSystemTimeAsFileTime(ctypes.byref(times[4]))
            created, now = ((t.dwHighDateTime << 32) | t.dwLowDateTime for t in times[::4])
            return (now - created) / 1e7  # FILETIME counts 100 ns steps
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return None  # elsewhere: counted from the start of the window instead
