"""Where Thai text may break: dictionary words, with abbreviations and numbers kept whole."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.util import find_spec
from itertools import pairwise

from .chars import clusters, is_attached, is_cluster_start

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


def _tokenize(chunk: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    tokens = word_tokenize(chunk, engine=ENGINE, keep_whitespace=True)
    return tokens if "".join(tokens) == chunk else [chunk]


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


# Terms of the ITA that the dictionary cuts (ตัว|ชี้|วัด): a line must not end inside them while
# the whole term fits (in a narrow column ``finer`` still cuts them into words).
_TERMS = frozenset({"ตัวชี้วัด", "แบบวัด", "ข้อคำถาม", "ประจำปีงบประมาณ"})


def _join_terms(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for n in (3, 2):  # the terms are two or three of its words
            if i + n <= len(tokens) and "".join(tokens[i : i + n]) in _TERMS:
                out.append("".join(tokens[i : i + n]))
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _words(chunk: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for token in _join_terms(_tokenize(chunk)) if chunk else ():
        # Split space runs off the words (newmm keeps "\n " style runs as tokens of their own).
        for part in re.split(r"(\s+)", token):
            if part:
                out.append((part, SPACE if all(map(is_break_space, part)) else WORD))
    return out


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
        # Wider than a line: cut after its dots and commas (ป.|ป.|ช.  1,|234.|56) if it can.
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
    from pythainlp.tokenize import word_dict_trie

    prefixes = [
        p
        for p in word_dict_trie().prefixes(piece)
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
