"""The Thai font family of our PDFs: TH Sarabun New/PSK when installed, else the bundled Sarabun."""

from __future__ import annotations

import os
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from ita_desktop.errors import UserError
from ita_desktop.paths import resources_dir

from . import shaping
from .pdffont import ThaiTTFont, install_hooks

STYLES = ("regular", "bold", "italic", "bold_italic")

# The house style is TH Sarabun New 16 pt. Sarabun (Google's redraw of it) has a larger design:
# Sarabun 11 pt looks like TH Sarabun New 16 pt (Thai consonant height 586/1000 em).
BUNDLED_SCALE = 11 / 16
# Sarabun Regular is darker than TH Sarabun New; Sarabun Light is the closest weight.
BUNDLED_FILES = {
    "regular": "Sarabun-Light.ttf",
    "bold": "Sarabun-Bold.ttf",
    "italic": "Sarabun-Italic.ttf",
    "bold_italic": "Sarabun-BoldItalic.ttf",
}
# Baseline to baseline, in Thai-document points per point: room for a tone mark above an upper
# vowel and a lower vowel below, without lines touching (Sarabun: 1.5 × its real size).
LEADING_RATIO = 1.5 * BUNDLED_SCALE

# System families in order of preference: file-name stem (letters only, lower case) → name.
_SYSTEM_FAMILIES = (
    ("thsarabunnew", "TH Sarabun New"),
    ("thsarabunpsk", "TH SarabunPSK"),
    ("thsarabun", "TH SarabunPSK"),
)
_STYLE_SUFFIXES = {
    "": "regular",
    "regular": "regular",
    "bold": "bold",
    "italic": "italic",
    "bolditalic": "bold_italic",
    "italicbold": "bold_italic",
}

_NO_SHAPING = (
    "โปรแกรมไม่สามารถจัดวางสระและวรรณยุกต์ภาษาไทยได้ (ไม่พบโมดูล uharfbuzz) "
    "หากพิมพ์ต่อ ตัวอักษรไทยจะผิด เช่น ปี่ กลายเป็น ปี จึงหยุดการพิมพ์ไว้ก่อน "
    "กรุณาติดตั้งโปรแกรม ITA Desktop ใหม่ หรือแจ้งผู้ดูแลระบบ"
)


@dataclass(frozen=True)
class ThaiFonts:
    """The registered family: ReportLab font names and the size scale of its design."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    scale: float  # real points per Thai-document point (TH Sarabun New = 1)
    source: str  # what was found, for the about box and the log

    def size(self, thai_pt: float) -> float:
        """The real font size that looks like TH Sarabun New at ``thai_pt`` ("16 pt")."""
        return thai_pt * self.scale

    def leading(self, thai_pt: float) -> float:
        """Line spacing for ``thai_pt`` text, the same whichever family is used."""
        return thai_pt * LEADING_RATIO

    def name(self, bold: bool = False, italic: bool = False) -> str:
        return (self.regular, self.bold, self.italic, self.bold_italic)[bold + 2 * italic]


def font_dirs() -> list[Path]:
    """Folders where Windows, Linux and macOS keep installed fonts (system and per user)."""
    home = Path.home()
    dirs = []
    if sys.platform == "win32":
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        if os.environ.get("LOCALAPPDATA"):
            dirs.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    else:
        data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
        dirs += [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".fonts",
            data_home / "fonts",
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    return dirs


def find_system_family(dirs: list[Path] | None = None) -> tuple[str, dict[str, Path]] | None:
    """(name, files by style) of TH Sarabun New, else TH SarabunPSK, with at least regular
    and bold; None when neither is installed."""
    found: dict[str, dict[str, Path]] = {}
    for folder in font_dirs() if dirs is None else dirs:
        for root, _, files in os.walk(folder):
            for file in files:
                if not file.lower().endswith(".ttf"):
                    continue  # ReportLab embeds TrueType outlines only, not OpenType/CFF
                stem = re.sub(r"[^a-z]", "", file[:-4].lower())
                for key, _ in _SYSTEM_FAMILIES:
                    style = _STYLE_SUFFIXES.get(stem[len(key) :]) if stem.startswith(key) else None
                    if style:
                        found.setdefault(key, {}).setdefault(style, Path(root) / file)
                        break
    for key, name in _SYSTEM_FAMILIES:
        files = found.get(key, {})
        if "regular" in files and "bold" in files:
            files.setdefault("italic", files["regular"])
            files.setdefault("bold_italic", files["bold"])
            return name, files
    return None


_lock = threading.Lock()
_registered: ThaiFonts | None = None


def thai_fonts(use_system: bool = True) -> ThaiFonts:
    """Register the Thai family with ReportLab (once) and return it.

    Raises ``UserError`` when HarfBuzz shaping is unavailable: Thai would print wrong.
    """
    global _registered
    with _lock:
        if _registered is None:
            _registered = _register(use_system)
        return _registered


def _register(use_system: bool) -> ThaiFonts:
    if shaping.hb is None:
        raise UserError(_NO_SHAPING)
    font_class = ThaiTTFont if install_hooks() else TTFont
    system = find_system_family() if use_system else None
    if system:
        try:
            return _register_family("THSarabun", system[1], 1.0, system[0], font_class)
        except Exception:
            pass  # a broken installed font: the bundled one still prints right
    bundled = {style: resources_dir() / "fonts" / file for style, file in BUNDLED_FILES.items()}
    return _register_family("Sarabun", bundled, BUNDLED_SCALE, "Sarabun (bundled, OFL)", font_class)


def _register_family(key, files, scale, source, font_class) -> ThaiFonts:
    family = f"ITA-{key}"
    names = dict(
        zip(
            STYLES,
            (family, f"{family}-Bold", f"{family}-Italic", f"{family}-BoldItalic"),
            strict=True,
        )
    )
    for style in STYLES:
        font = font_class(names[style], str(files[style]))
        pdfmetrics.registerFont(font)
        if not pdfmetrics.getFont(names[style]).shapable:
            raise UserError(_NO_SHAPING)
    # <b> and <i> in Paragraphs find the other weights through the family.
    registerFontFamily(
        family,
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    return ThaiFonts(
        family,
        names["regular"],
        names["bold"],
        names["italic"],
        names["bold_italic"],
        scale,
        source,
    )
