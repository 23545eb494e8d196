"""Where resources/ and forms/ are, from a source checkout or from a frozen bundle."""

import sys
from pathlib import Path


def bundle_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def forms_dir() -> Path:
    return bundle_root() / "forms"


def resources_dir() -> Path:
    return bundle_root() / "resources"


def default_data_file() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("ITA Desktop", appauthor=False)) / "ita-desktop.sqlite"


def log_file() -> Path:
    from platformdirs import user_log_dir

    folder = Path(user_log_dir("ITA Desktop", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "ita-desktop.log"
