"""The demo office (องค์การบริหารส่วนตำบลตัวอย่าง): a shipped shareable file imported on request."""

from pathlib import Path

from sqlite_utils import Database

from ita_desktop import paths
from ita_desktop.services.share import apply_import, preview_import, read_share_file

DEMO_NAME = "องค์การบริหารส่วนตำบลตัวอย่าง"


def demo_file() -> Path:
    return paths.resources_dir() / "demo" / "demo-office.itashare"


def create_demo(db: Database) -> tuple[int, bool]:
    """Import the demo office unless it is there already; returns (office id, created)."""
    preview = preview_import(db, read_share_file(demo_file()))
    if preview.office_id is not None:
        return preview.office_id, False
    apply_import(db, preview)
    return preview_import(db, preview.content).office_id, True
