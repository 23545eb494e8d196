"""Composition root of the window: fonts, crash handler, which file to open, the main window."""

import logging
import sys
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
    from PySide6.QtGui import QFontDatabase

    app.setApplicationName("ITA Desktop")
    app.setOrganizationName("ITA Desktop")
    app.setApplicationDisplayName("ITA Desktop")
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


def run_gui(db_path: Path | None, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    logging.basicConfig(
        filename=paths.log_file(),
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        encoding="utf-8",
    )
    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    configure_app(app)
    install_crash_handler()
    window = build_window(db_path)
    window.show()
    return app.exec()
