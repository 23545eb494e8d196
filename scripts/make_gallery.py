"""Rebuild the PDF page images of docs/gallery (run by hand; tests never write into docs/)."""

# .venv/bin/python scripts/make_gallery.py                               docs/gallery, 60 dpi
# .venv/bin/python scripts/make_gallery.py --out /tmp/pages --all --dpi 80   every page, to review
#
# Each layout is printed on the seed fixture it follows (tests/fixtures/seed*.itashare), the
# defaults and the twelve-month table on the demo office; pdftoppm (poppler) renders the pages.

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ita_desktop.services.reports import build_document  # noqa: E402
from ita_desktop.services.share import apply_import, preview_import, read_share_file  # noqa: E402
from ita_desktop.storage.database import open_database  # noqa: E402

SOURCES = {
    "demo": ROOT / "resources" / "demo" / "demo-office.itashare",
    **{
        seed: ROOT / "tests" / "fixtures" / f"seed{seed}.itashare"
        for seed in ("000", "001", "003", "004")
    },
}
# gallery name: (source, kind, --year, --round, layout, cover, pages shown in docs/layouts.md)
GALLERY = {
    "analysis": ("demo", "analysis", 2568, None, "analysis", False, (1, 7)),
    "analysis-001": ("001", "analysis", 2568, None, "analysis-001", False, (1, 5)),
    "analysis-004": ("004", "analysis", 2564, None, "analysis-004", False, (1, 2)),
    "measures": ("demo", "measures", 2569, None, "measures", False, (1,)),
    "measures-001": ("001", "measures", 2569, None, "measures-001", False, (1,)),
    "measures-004": ("004", "measures", 2565, None, "measures-004", False, (1,)),
    "progress": ("demo", "progress", 2569, 6, "progress", False, (1,)),
    "progress-000": ("000", "progress", 2567, 6, "progress-000", False, (1, 2)),
    "progress-003": ("003", "progress", 2566, 6, "progress-003", False, (1,)),
    "progress-12m": ("demo", "progress", 2569, 12, "progress-12m", False, (1,)),
    "development": ("demo", "development", 2569, None, "development", False, (1,)),
    "development-001": ("001", "development", 2569, None, "development-001", False, (1, 10)),
    "pack-cover": ("demo", "pack", 2569, None, None, True, (1,)),
}
MAX_BYTES = 150_000


def _database(folder: Path, source: str):
    db = open_database(folder / f"{source}.sqlite")
    preview = preview_import(db, read_share_file(SOURCES[source]))
    apply_import(db, preview)
    return db, preview_import(db, preview.content).office_id


def build_all(folder: Path, names=None) -> dict[str, Path]:
    """Every gallery document as a PDF in ``folder``: name → path."""
    databases: dict = {}
    out = {}
    for name, (source, kind, year, round_, layout, cover, _) in GALLERY.items():
        if names and name not in names:
            continue
        if source not in databases:
            databases[source] = _database(folder, source)
        db, office_id = databases[source]
        pdf = build_document(
            db, kind=kind, office_id=office_id, year=year, round=round_, layout=layout, cover=cover
        )
        out[name] = folder / f"{name}.pdf"
        out[name].write_bytes(pdf)
    for db, _ in databases.values():
        db.close()
    return out


def render(pdf: Path, out: Path, name: str, pages, dpi: int) -> list[Path]:
    images = []
    for page in pages:
        stem = out / f"{name}-{page}"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-png",
                "-singlefile",
                "-f",
                str(page),
                "-l",
                str(page),
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        images.append(stem.with_suffix(".png"))
    return images


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "gallery")
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--all", action="store_true", help="every page, and keep the PDFs")
    parser.add_argument("names", nargs="*", help="gallery names (default: all)")
    args = parser.parse_args(argv)
    if not shutil.which("pdftoppm"):
        parser.error("pdftoppm (poppler-utils) is needed")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.out if args.all else Path(tmp)
        for name, pdf in build_all(folder, args.names).items():
            pages = range(1, page_count(pdf) + 1) if args.all else GALLERY[name][-1]
            for image in render(pdf, args.out, name, pages, args.dpi):
                size = image.stat().st_size
                flag = "" if args.all or size < MAX_BYTES else "  (too big for the gallery)"
                print(f"{image.relative_to(args.out.parent)}  {size // 1024} KB{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
