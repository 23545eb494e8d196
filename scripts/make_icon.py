"""Draw the program icon (resources/icons/ita-desktop.png and .ico) with Pillow; run it by hand.

Usage: .venv/bin/python scripts/make_icon.py  (Pillow comes with ReportLab). The files it writes
are committed, so a build never needs to run this.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "Sarabun-Bold.ttf"
BLUE, DARK_BLUE, GOLD, WHITE = "#2b6cb0", "#1a4971", "#f2c94c", "#ffffff"
SCALE = 4  # draw large, then shrink: smooth edges without an anti-aliasing library
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = 256) -> Image.Image:
    """A blue tile with three rising bars and a tick (results that improve), and "ITA"."""
    s = size * SCALE
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    tile = Image.new("L", (s, s), 0)
    ImageDraw.Draw(tile).rounded_rectangle((0, 0, s - 1, s - 1), radius=s // 6, fill=255)
    image.paste(BLUE, (0, 0, s, s), tile)
    band = tile.crop((0, int(s * 0.70), s, s))  # the lower band keeps the tile's round corners
    image.paste(DARK_BLUE, (0, int(s * 0.70), s, s), band)
    pen = ImageDraw.Draw(image)

    base, width, gap = s * 0.62, s * 0.14, s * 0.06
    left = (s - 3 * width - 2 * gap) / 2
    for i, height in enumerate((0.20, 0.30, 0.42)):
        x = left + i * (width + gap)
        pen.rounded_rectangle(
            (x, base - s * height, x + width, base), radius=s // 64, fill=GOLD if i == 2 else WHITE
        )
    tick = [(s * 0.20, s * 0.24), (s * 0.30, s * 0.33), (s * 0.46, s * 0.13)]
    pen.line(tick, fill=GOLD, width=int(s * 0.045), joint="curve")

    font = ImageFont.truetype(str(FONT), int(s * 0.20))
    box = pen.textbbox((0, 0), "ITA", font=font)
    x = (s - (box[2] - box[0])) / 2 - box[0]
    y = s * 0.85 - (box[3] + box[1]) / 2
    pen.text((x, y), "ITA", font=font, fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw(256)
    icon.save(OUT / "ita-desktop.png", optimize=True)
    icon.save(OUT / "ita-desktop.ico", sizes=ICO_SIZES)
    print(f"wrote {OUT / 'ita-desktop.png'} and {OUT / 'ita-desktop.ico'}")


if __name__ == "__main__":
    main()
