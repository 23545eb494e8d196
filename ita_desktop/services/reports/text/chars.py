"""Character classes of Thai text: combining marks, grapheme clusters, Thai digits."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

SARA_AM = "\u0e33"  # ำ: a spacing vowel, but it belongs to the consonant before it
ZWJ = "\u200d"
# Invisible characters pasted from word processors; Sarabun has no glyph for them (tofu).
INVISIBLE = dict.fromkeys(map(ord, "\u200b\ufeff\u2060\u00ad"))

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@lru_cache(maxsize=4096)
def is_attached(ch: str) -> bool:
    """True for a character that must stay with the one before it (a mark, ำ, a joiner)."""
    return ch in (SARA_AM, ZWJ) or unicodedata.category(ch) in ("Mn", "Mc", "Me")


def is_cluster_start(text: str, i: int) -> bool:
    """Whether a grapheme cluster starts at ``text[i]`` (a line may break before it)."""
    if i <= 0 or i >= len(text):
        return True
    return not is_attached(text[i]) and text[i - 1] != ZWJ


def clusters(text: str) -> list[str]:
    """``text`` cut into grapheme clusters: a base character with the marks that follow it."""
    out: list[str] = []
    start = 0
    for i in range(1, len(text)):
        if is_cluster_start(text, i):
            out.append(text[start:i])
            start = i
    if text:
        out.append(text[start:])
    return out


def thai_digits(text: str) -> str:
    """Arabic digits of ``text`` written as Thai digits (๐–๙)."""
    return text.translate(THAI_DIGITS)


def clean(text: str) -> str:
    """``text`` without invisible characters the fonts cannot draw."""
    return text.translate(INVISIBLE)
