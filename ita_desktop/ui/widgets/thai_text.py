"""Thai text made wrappable in Qt widgets everywhere: zero-width spaces at word boundaries."""

import re
import threading
from functools import lru_cache

from ita_desktop.ui import main_thread_gc

ZWSP = "\u200b"
_ready = threading.Event()
_warming = threading.Lock()
_started = False
# Before a consonant or a leading vowel (เ แ โ ใ ไ), unless a leading vowel precedes it.
_ROUGH_BREAK = re.compile(
    r"(?<=[\u0e01-\u0e4e])(?<![\u0e40-\u0e44])(?=[\u0e01-\u0e2e\u0e40-\u0e44])"
)


def _has_thai(text: str) -> bool:
    return any("\u0e01" <= ch <= "\u0e5b" for ch in text)


@lru_cache(maxsize=4096)
def breakable(text: str) -> str:
    """``text`` with U+200B between Thai words, so labels wrap at words without libthai.

    Qt wraps Thai only where libthai is loadable (not on Windows); it treats ZWSP as a break
    and draws nothing. The first call loads the dictionary (2–4 s), so call it on the worker,
    or use ``breakable_now`` where waiting is not an option.
    """
    if not _has_thai(text):
        return text
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(text.replace(ZWSP, ""), engine="newmm", keep_whitespace=True)
    _ready.set()
    return ZWSP.join(words)


def warm_up() -> None:
    """Load the segmenter's dictionary on a thread of its own (once), so nobody waits for it."""
    global _started
    with _warming:
        if _started:
            return
        _started = True
    main_thread_gc.install()
    threading.Thread(target=breakable, args=("การเตรียม",), name="thai-warm-up", daemon=True).start()


def is_ready() -> bool:
    return _ready.is_set()


def breakable_now(text: str) -> str:
    """Word breaks if the segmenter is loaded; until then rough breaks between syllable starts
    (wrapping a little early is better than a label too wide for its column)."""
    if _ready.is_set():
        return breakable(text)
    warm_up()
    return _ROUGH_BREAK.sub(ZWSP, text.replace(ZWSP, "")) if _has_thai(text) else text


def plain(text: str) -> str:
    """The text without the breaks (for copying or saving)."""
    return text.replace(ZWSP, "")
