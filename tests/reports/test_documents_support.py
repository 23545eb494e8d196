"""Helpers of the document tests: seed fixtures in a fresh file, and reading our PDFs back."""

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from ita_desktop.i18n.thai import apply_digits, format_date, format_month_range
from ita_desktop.services.reports import build_document
from ita_desktop.services.share import apply_import, preview_import, read_share_file
from ita_desktop.storage.database import open_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
A4 = (595.28, 841.89)

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdffonts")),
    reason="poppler-utils (pdftotext, pdffonts) not installed",
)


def seed_database(folder: Path, seed: str):
    """A fresh data file holding one seed fixture; returns (db, office id)."""
    db = open_database(folder / f"seed{seed}.sqlite")
    preview = preview_import(db, read_share_file(FIXTURES / f"seed{seed}.itashare"))
    apply_import(db, preview)
    return db, preview_import(db, preview.content).office_id


def fixture_content(seed: str):
    return read_share_file(FIXTURES / f"seed{seed}.itashare")


def squash(text: str) -> str:
    """Text with every space and line break removed: how cells are compared with the PDF."""
    return re.sub(r"\s+", "", text)


class Pdf:
    """A built PDF and what poppler reads from it."""

    def __init__(self, data: bytes, folder: Path, name: str = "doc"):
        self.data = data
        self.path = folder / f"{name}.pdf"
        self.path.write_bytes(data)
        self.reader = PdfReader(io.BytesIO(data))
        self.pages = self._pdftotext()
        self.text = "\n".join(self.pages)
        self.flat = squash(self.text)
        # -raw keeps the order the text was drawn in: a table cell's lines stay together
        self.raw = squash("\n".join(self._pdftotext("-raw")))

    def _pdftotext(self, *options) -> list[str]:
        out = subprocess.run(
            ["pdftotext", *options, "-enc", "UTF-8", str(self.path), "-"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        return out.split("\f")[: len(self.reader.pages)]

    def page_flat(self, index: int) -> str:
        return squash(self.pages[index])

    def sizes(self) -> list[tuple[float, float]]:
        return [
            (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
            for p in self.reader.pages
        ]

    def fonts(self) -> list[dict]:
        out = subprocess.run(
            ["pdffonts", str(self.path)], capture_output=True, check=True, text=True
        ).stdout.splitlines()
        rows = []
        for line in out[2:]:
            parts = line.split()
            # name type… encoding emb sub uni object-id generation
            rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
        return rows

    def missing(self, texts, digits: str = "thai") -> list[str]:
        """The texts not found in the extracted text (whitespace ignored).

        A cell continued on the next page is found in pieces, in order: what the page ends
        with, then (after the repeated header and the rest of the row) what the next begins
        with.
        """
        return [t for t in texts if not found_in_pieces(squash(apply_digits(t, digits)), self.raw)]


def found_in_pieces(
    text: str, haystack: str, pieces: int = 4, least: int = 6, position: int = 0
) -> bool:
    """Whether ``text`` is in ``haystack`` whole, or as up to ``pieces`` parts in order (each
    part where it matches longest, trying every place the part starts)."""
    if not text:
        return True
    if haystack.find(text, position) >= 0:
        return True
    if pieces <= 1 or len(text) < least:
        return False
    start = haystack.find(text[:least], position)
    while start >= 0:
        n = least
        while n < len(text) and start + n < len(haystack) and haystack[start + n] == text[n]:
            n += 1
        if found_in_pieces(text[n:], haystack, pieces - 1, least, start + n):
            return True
        start = haystack.find(text[:least], start + 1)
    return False


def build(db, office_id: int, **options) -> bytes:
    return build_document(db, office_id=office_id, **options)


def period_text(period, short_year: bool = False) -> str:
    """A measure's period as the documents print it (abbreviated months, or full dates)."""
    if period.kind == "months":
        return format_month_range(period.start, period.end, prefix="", short_year=short_year)
    if period.kind == "dates":
        start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)
        return f"{format_date(start)} ถึง {format_date(end)}"
    return period.text


def lines(text: str) -> list[str]:
    """A multi-line text as its non-empty lines (each printed as its own paragraph or line)."""
    return [line for line in text.split("\n") if line.strip()]
