"""Screenshots of the tests: into docs/gallery only when ITA_GALLERY is set, else a temp folder.

Run `ITA_GALLERY=1 pytest tests/ui` to refresh the gallery; a plain run leaves docs/ alone.
"""

import os
from pathlib import Path

GALLERY = Path(__file__).resolve().parents[2] / "docs" / "gallery"
_scratch: list[Path] = []  # the running test's tmp_path, set by tests/ui/conftest.py


def use_scratch(folder: Path) -> None:
    _scratch[:] = [folder]


def gallery_dir() -> Path:
    if os.environ.get("ITA_GALLERY"):
        return GALLERY
    if not _scratch:
        raise RuntimeError("no scratch folder: screenshots are taken inside tests only")
    return _scratch[0] / "gallery"


def save_grab(widget, name: str) -> Path:
    """Grab ``widget`` into the gallery folder as ``name`` (PNG) and return where it went."""
    folder = gallery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert widget.grab().save(str(path)), path
    return path
