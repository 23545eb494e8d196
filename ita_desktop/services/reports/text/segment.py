"""Where Thai text may break: dictionary words, with abbreviations and numbers kept whole."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib.util import find_spec
from itertools import accumulate, pairwise

from .chars import clusters, is_attached, is_cluster_start
from .vocabulary import KEEP_WHOLE

SPACE, WORD, FIXED = 0, 1, 2  # atom kinds: a break space, a breakable word, a protected token

# PyICU's line breaking is finer and much faster, but has no Windows wheel: use it only when
# it happens to be installed (development machines), pythainlp's newmm otherwise.
ENGINE = "icu" if find_spec("icu") else "newmm"

_L = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e"  # Thai letters, vowels and marks
_D = "0-9\u0e50-\u0e59"  # Arabic and Thai digits
_M = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # marks above and below
# Abbreviations of Thai government writing that the dictionary lacks or has without dots.
_KNOWN = ("มี.ค.", "พ.ย.", "ป.ป.ท.", "อบต.", "อบจ.", "อปท.", "สตง.", "กทม.", "ผอ.", "สปสช.")


@lru_cache(maxsize=1)
def _known_abbreviations() -> re.Pattern:
    """The dictionary's abbreviations of two dotted groups or more (พ.ศ. ม.ค. ป.ป.ช.) and ours,
    found even when typed straight after a word (ปีพ.ศ.๒๕๖๘). Single groups (บล. ก.) are left
    out: they also end ordinary words before a full stop (ตำบล.)."""
    from pythainlp.corpus.common import thai_words

    words = {w for w in thai_words() if w.endswith(".") and w.count(".") >= 2 and " " not in w}
    words.update(_KNOWN)
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


# Protected tokens, found after the known abbreviations in this order (each pass only where
# the earlier ones found nothing):
_PROTECTED_PASSES = (
    # พ.ศ. ต.ค. มี.ค. เม.ย. ป.ป.ช.: dotted groups starting with one consonant. newmm cuts those
    # it does not know into letters and dots; this pass also finds them typed after a word
    # without a space (ปีพ.ศ. เดือนเม.ย.).
    re.compile(rf"[\u0e40-\u0e44]?[\u0e01-\u0e2e][{_M}]*\.(?:[{_L}]{{1,3}}\.)+"),
    # Item codes, a Latin letter or word and its number (i๑๕ e๖ E๑๑ o๑๔ i15 ITA2568): newmm
    # cuts between the letter and the digits.
    re.compile(rf"(?<![A-Za-z])[A-Za-z]+[{_D}]+(?:[.,:/][{_D}]+)*"),
    # 1,234.56 ๒๕๖๘ 10:30 1/2566 and a sign when it starts the token (+0.42, −5.80)
    re.compile(rf"(?:(?<![^\s(\[])[+\-\u2212\u00b1])?[{_D}]+(?:[.,:/][{_D}]+)*"),
    # อบต. กทม. ผอ.: one longer dotted group, after a space or punctuation only (so that a
    # word ending a sentence with a dot is not taken for one).
    re.compile(rf"(?<![{_L}])[{_L}]{{2,4}}\.(?:[{_L}]{{1,3}}\.)*"),
)
_CLOSING = set(")]}>\u201d\u2019\u00bb,.;:!?%\u2026\u0e46\u0e2f\u0e5a\u0e5b")  # and ๆ ฯ ๚ ๛
_REPEAT = set("\u0e46\u0e2f")  # ๆ ฯ, which also follow their word after a space
_OPENING = set("([{<\u201c\u2018\u00ab")
_NO_BREAK_SPACES = set("\u00a0\u202f\u2007")
BREAK_SPACES = " \t\r\f\v\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000"


def is_break_space(ch: str) -> bool:
    return ch.isspace() and ch not in _NO_BREAK_SPACES


# The words kept whole (vocabulary.py), and those added at run time (add_words).
_keep: set[str] = set(KEEP_WHOLE)
_HEAD = 2  # characters of a word the dictionary overlay looks at before searching its own


@lru_cache(maxsize=1)
def _dictionary():
    """newmm's dictionary: pythainlp's word trie with our words on top.

    The overlay shares pythainlp's trie instead of copying its 62,000 words into a new one (a
    copy takes about 1 s and 60 MB more, and the UI's segmenter loads the shared one anyway).
    """
    from pythainlp.tokenize import word_dict_trie
    from pythainlp.util import Trie

    class Overlay(Trie):
        def __init__(self, base: Trie, words) -> None:
            lacking = [w for w in words if w not in base]
            super().__init__(lacking)
            self.base = base
            self.heads = {w[:_HEAD] for w in lacking}  # newmm asks at every cluster: be quick

        def prefixes(self, text: str, start: int = 0) -> list[str]:
            found = self.base.prefixes(text, start)
            if text[start : start + _HEAD] not in self.heads:
                return found
            ours = super().prefixes(text, start)
            return sorted([*found, *ours], key=len) if ours else found

        def __contains__(self, word) -> bool:
            return word in self.base or super().__contains__(word)

        def __iter__(self):
            yield from self.base
            yield from super().__iter__()

        def __len__(self) -> int:
            return len(self.base) + super().__len__()

    return Overlay(word_dict_trie(), _keep)


@lru_cache(maxsize=1)
def _keep_pattern() -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(_keep, key=len, reverse=True))))


def add_words(words: Iterable[str]) -> None:
    """Keep ``words`` whole as well: names of the office, its district and province (ลาดหญ้า),
    which no dictionary has. Words with spaces are ignored. Call it before building a report
    (it empties the segmentation caches when a word is new)."""
    global _keep
    new = {w.strip() for w in words} - _keep
    new = {w for w in new if w and not any(map(is_break_space, w)) and _has_thai(w)}
    if not new:
        return
    _keep = _keep | new  # a new set: a print thread may be reading the old one
    for cached in (_dictionary, _keep_pattern, atoms, finer):
        cached.cache_clear()


def _tokenize(chunk: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    if ENGINE == "newmm":
        tokens = word_tokenize(
            chunk, custom_dict=_dictionary(), engine=ENGINE, keep_whitespace=True
        )
    else:  # ICU takes no dictionary of ours: _keep_whole alone keeps the words
        tokens = word_tokenize(chunk, engine=ENGINE, keep_whitespace=True)
    return tokens if "".join(tokens) == chunk else [chunk]


def _keep_whole(chunk: str, tokens: list[str]) -> list[str]:
    """``tokens`` with our words (vocabulary.py) whole wherever they occur in ``chunk``.

    newmm cuts such a word when another split is as short, so a piece of it is often glued to a
    neighbour (ให้|หน่วย|งานแสดง). The cuts inside the word are dropped; the neighbour's
    rest becomes words of its own when it is made of dictionary words (หน่วยงาน|แสดง), and stays
    glued to our word otherwise (so a line never breaks before a piece of no word).
    """
    matches = [m.span() for m in _keep_pattern().finditer(chunk)]
    if not matches:
        return tokens
    from pythainlp.tokenize.tcc import tcc_pos

    cuts = set(accumulate(map(len, tokens), initial=0))
    clusters_end = None
    for start, end in matches:
        inside = {c for c in cuts if start < c < end}
        if not inside:
            continue  # whole already, maybe in a longer word of the dictionary
        if clusters_end is None:
            clusters_end = tcc_pos(chunk) | {0}
        if not ({start, end} <= cuts | clusters_end):
            continue  # it starts or ends inside a character cluster: not that word here
        cuts -= inside
        if start not in cuts:
            left = max(c for c in cuts if c < start)
            cuts |= _word_cuts(chunk, left, start)
        if end not in cuts:
            right = min(c for c in cuts if c > end)
            cuts |= _word_cuts(chunk, end, right)
    return [chunk[a:b] for a, b in pairwise(sorted(cuts))]


def _word_cuts(chunk: str, a: int, b: int) -> set[int]:
    """Cuts making ``chunk[a:b]`` words of its own (its ends included), if it is made of
    dictionary words or of no Thai; none otherwise."""
    words = _tokenize(chunk[a:b])
    known = _dictionary()
    if all(w in known or not _has_thai(w) for w in words):
        return set(accumulate(map(len, words), initial=a))
    return set()


@lru_cache(maxsize=4096)
def atoms(text: str) -> tuple[tuple[str, int], ...]:
    """``text`` as (piece, kind) atoms; a line may break between atoms and inside SPACE ones.

    Kinds: SPACE (a run of break spaces), WORD (a word, or punctuation glued to one), FIXED (an
    abbreviation or a number, split only when wider than a whole line).
    """
    raw: list[tuple[str, int]] = []
    pos = 0
    for start, end in _protected_spans(text):
        raw.extend(_words(text[pos:start]))
        raw.append((text[start:end], FIXED))
        pos = end
    raw.extend(_words(text[pos:]))
    return tuple(_glue(raw))


def _protected_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    gaps = [(start, len(text) if end is None else end)]
    spans: list[tuple[int, int]] = []
    for pattern in (_known_abbreviations(), *_PROTECTED_PASSES):
        left = []
        for a, b in gaps:
            for m in pattern.finditer(text, a, b):
                spans.append(m.span())
                left.append((a, m.start()))
                a = m.end()
            left.append((a, b))
        gaps = [(a, b) for a, b in left if a < b]
    return sorted(spans)


def _words(chunk: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for token in _keep_whole(chunk, _tokenize(chunk)) if chunk else ():
        # Split space runs off the words (newmm keeps "\n " style runs as tokens of their own).
        for part in re.split(r"(\s+)", token):
            if part:
                out.append((part, SPACE if all(map(is_break_space, part)) else WORD))
    return out


# Words that make a noun of the word after them and never end a line without it.
_BOUND = frozenset({"ผู้", "การ", "ความ"})


def _glue(raw: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Join what must not start or end a line to its neighbour."""
    out: list[tuple[str, int]] = []
    for piece, kind in raw:
        if out and kind == SPACE and out[-1][1] == SPACE:
            out[-1] = (out[-1][0] + piece, SPACE)
            continue
        if (
            all(ch in _REPEAT for ch in piece)
            and len(out) >= 2
            and out[-1][1] == SPACE
            and out[-2][1] != SPACE
        ):
            # "ดี ๆ" as the Royal Institute spells it: ๆ must not start a line either.
            out[-2:] = [(out[-2][0] + out[-1][0] + piece, max(out[-2][1], kind))]
            continue
        prev = out[-1] if out else None
        if (
            prev
            and prev[1] != SPACE
            and kind != SPACE
            and (
                is_attached(piece[0])  # a stray mark: never start a line with it
                or all(ch in _CLOSING for ch in piece)  # ) , ๆ ฯ % after their word
                or all(ch in _OPENING for ch in prev[0])  # ( “ before theirs
                or all(ch in _NO_BREAK_SPACES for ch in piece)
                or prev[0][-1] in _NO_BREAK_SPACES
                or prev[0][-1] == "\u2060"
                or (prev[0] in _BOUND and _has_thai(piece[0]))  # ผู้|ร้องเรียน, การ|ใช้อำนาจ
            )
        ):
            out[-1] = (prev[0] + piece, max(prev[1], kind))
            continue
        out.append((piece, kind))
    return out


@lru_cache(maxsize=4096)
def finer(piece: str, kind: int = WORD) -> tuple[str, ...]:
    """``piece`` cut one level finer: dictionary words, then syllables, then grapheme clusters.

    Returns ``(piece,)`` when it cannot be cut (a single grapheme cluster).
    """
    repeat = re.fullmatch(r"(.*\S)(\s+[\u0e46\u0e2f]+\S*)", piece, re.DOTALL)
    if repeat:  # "ทุก ๆ": cut the word, keeping " ๆ" on its last piece, if it can be cut
        head = finer(repeat[1], kind)
        if len(head) > 1 and kind != FIXED:
            return (*head[:-1], head[-1] + repeat[2])
        return repeat[1], repeat[2]  # else ๆ starts the next line (a column a letter wide)
    if kind == FIXED:
        # Punctuation glued to a number or abbreviation comes off before the token is cut.
        spans = _protected_spans(piece)
        if spans and spans[0] != (0, len(piece)):
            cuts = sorted({0, len(piece), *(i for span in spans for i in span)})
            return tuple(piece[a:b] for a, b in pairwise(cuts))
        # Wider than a line: an item code between its letters and its number (ITA|2568)
        code = re.fullmatch(rf"([A-Za-z]+)([{_D}].*)", piece, re.DOTALL)
        if code:
            return code[1], code[2]
        # and after its dots and commas (ป.|ป.|ช.  1,|234.|56) if it can.
        groups = tuple(re.findall(r"[^.,:/]*[.,:/]|[^.,:/]+", piece))
        if len(groups) > 1:
            return groups
    elif _has_thai(piece):
        for cut in (_compound_parts, _syllables):
            parts = _valid(piece, cut(piece))
            if len(parts) > 1:
                return parts
    return tuple(clusters(piece))


def _has_thai(text: str) -> bool:
    return any("\u0e01" <= ch <= "\u0e5b" for ch in text)


def _compound_parts(piece: str) -> list[str]:
    """A compound newmm kept whole (องค์การบริหารส่วนตำบล) cut into dictionary words."""
    prefixes = [
        p
        for p in _dictionary().prefixes(piece)
        if len(p) < len(piece) and is_cluster_start(piece, len(p))
    ]
    if not prefixes:
        return [piece]
    head = max(prefixes, key=len)
    rest = piece[len(head) :]
    return [head, *_tokenize(rest)]


def _syllables(piece: str) -> list[str]:
    from pythainlp.tokenize import subword_tokenize, syllable_tokenize

    parts = syllable_tokenize(piece, engine="dict")
    if "".join(parts) != piece or len(parts) < 2:
        parts = subword_tokenize(piece, engine="tcc")  # Thai character clusters
    return parts


def _valid(piece: str, parts: list[str]) -> tuple[str, ...]:
    """``parts`` with any cut before a combining mark undone (whatever the tokenizer did)."""
    if "".join(parts) != piece:
        return (piece,)
    out: list[str] = []
    for part in parts:
        if out and part and is_attached(part[0]):
            out[-1] += part
        elif part:
            out.append(part)
    return tuple(out)


def warm_up() -> None:
    """Load the word and syllable dictionaries (about 0.5–0.8 s) so the first report is fast.

    Safe to call from a worker thread; later calls cost nothing.
    """
    atoms("องค์การบริหารส่วนตำบล พ.ศ. ๒๕๖๘")
    finer("องค์การบริหารส่วนตำบล")
    _syllables("ประชาสัมพันธ์")
