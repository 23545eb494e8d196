"""Code/score pairs read from a block of text pasted from the NACC results page or a spreadsheet."""

import re
from dataclasses import dataclass
from decimal import Decimal

from ita_desktop.domain.scores import parse_score
from ita_desktop.errors import UserError
from ita_desktop.i18n.thai import apply_digits, to_arabic_digits

# What a line may hold besides the code, its text and the score: separators copied from tables.
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u200b": "", "\ufeff": ""})
_ITEM = re.compile(r"(?<![A-Za-z0-9.])([IiEeOo])[ \t]?(\d{1,3})(?!\d|\.\d|[A-Za-z])")
_PART = re.compile(
    r"^(?:แบบวัด\s*)?(IIT|EIT|OIT)\b(?:\s*(?:ส่วนที่|part)\s*(\d)|\s*\(?(public|survey)\b)?",
    re.IGNORECASE,
)
_INDICATOR = re.compile(r"ตัวชี้วัด(ย่อย)?\s*(?:ที่)?\s*(\d{1,2}(?:\.\d+)?)")
_OVERALL = re.compile(r"^(?:ผล)?(?:คะแนน)?\s*(?:ภาพรวม|คะแนนรวม|ITA\b)", re.IGNORECASE)
_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)(%?)$")
_UNITS = {"%", "คะแนน", "ร้อยละ", "points"}
_PAIRS_ONLY = re.compile(
    r"^(?:\s*[IiEeOo][ \t]?\d{1,3}\s*[:=\-]?\s*\d+(?:\.\d+)?\s*%?\s*[,;]?)+\s*$"
)
_PAIR = re.compile(r"([IiEeOo])[ \t]?(\d{1,3})\s*[:=\-]?\s*(\d+(?:\.\d+)?)")
_EDGE_PUNCTUATION = " \t|:=-–—,;.()"


@dataclass(frozen=True)
class PastedScore:
    """One figure found: scope 'item', 'indicator', 'part' or 'overall', with its key as written."""

    scope: str
    key: str
    value: Decimal
    line: int
    text: str = ""


@dataclass(frozen=True)
class UnreadLine:
    """A line that held numbers but no figure the parser could be sure of; ``reason`` is Thai."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class PasteResult:
    scores: tuple[PastedScore, ...]
    unread: tuple[UnreadLine, ...]
    skipped: tuple[int, ...]  # lines without a digit: headings, item texts, blank lines excluded

    def keys(self) -> list[tuple[str, str]]:
        return [(s.scope, s.key) for s in self.scores]


def figure_label(scope: str, key: str) -> str:
    """How the clerk names a figure: 'i1', 'ตัวชี้วัดที่ ๔', 'EIT1', 'ภาพรวม'."""
    if scope == "indicator":
        return f"ตัวชี้วัดที่ {apply_digits(key)}"
    if scope == "overall":
        return "ภาพรวม"
    return key


def _line_no(number: int) -> str:
    return apply_digits(str(number))


def _score(token: str) -> Decimal:
    """A number token as a score; trailing zeros past two places are only formatting (98.360)."""
    match = _NUMBER.match(token)
    if match is None:
        raise UserError(f"“{token}” ไม่ใช่ตัวเลข")
    digits = match.group(1)
    if "." in digits:
        whole, fraction = digits.split(".")
        fraction = fraction.rstrip("0") if len(fraction) > 2 else fraction
        digits = f"{whole}.{fraction.ljust(2, '0')}" if fraction else whole
    value = parse_score(digits)
    assert value is not None
    return value


def _tokens(text: str) -> list[str]:
    spaced = re.sub(r"(\d)%", r"\1 %", text)
    return [t for t in re.split(r"[\s|]+", spaced) if t]


def _split_score(rest: str) -> tuple[str, list[str]]:
    """The text before the trailing numbers of ``rest``, and those numbers (units dropped)."""
    tokens = _tokens(rest)
    while tokens and tokens[-1].lower() in _UNITS:
        tokens.pop()
    numbers: list[str] = []
    while tokens and _NUMBER.match(tokens[-1]):
        numbers.insert(0, tokens.pop())
        while tokens and tokens[-1].lower() in _UNITS:
            tokens.pop()
    return " ".join(tokens).strip(_EDGE_PUNCTUATION), numbers


@dataclass
class _Pending:
    """A code found without a score: the score may follow on a later line (copied web tables)."""

    scope: str
    key: str
    line: int
    original: str
    texts: list[str]


class _Reader:
    """Reads the block line by line; ``line`` and ``original`` are the line being read."""

    def __init__(self) -> None:
        self.scores: list[PastedScore] = []
        self.unread: list[UnreadLine] = []
        self.skipped: list[int] = []
        self.seen: dict[tuple[str, str], PastedScore] = {}
        self.pending: _Pending | None = None
        self.line = 0
        self.original = ""

    def refuse(self, reason: str, line: int | None = None, original: str | None = None) -> None:
        self.unread.append(
            UnreadLine(line or self.line, self.original if original is None else original, reason)
        )

    def add(self, scope: str, key: str, token: str, text: str = "", at: _Pending | None = None):
        line, original = (at.line, at.original) if at else (self.line, self.original)
        try:
            value = _score(token)
        except UserError as error:
            self.refuse(error.message, line, original)
            return
        earlier = self.seen.get((scope, key.lower()))
        if earlier is None:
            found = PastedScore(scope, key, value, line, text)
            self.seen[(scope, key.lower())] = found
            self.scores.append(found)
        elif earlier.value != value:
            where = _line_no(earlier.line)
            self.refuse(f"{figure_label(scope, key)} ซ้ำกับบรรทัดที่ {where} ใช้ค่าในบรรทัดแรก")

    def close_pending(self) -> None:
        if self.pending is not None:
            p, self.pending = self.pending, None
            self.refuse(f"ไม่พบคะแนนของ {figure_label(p.scope, p.key)}", p.line, p.original)

    def figure(self, scope: str, key: str, rest: str) -> None:
        """A code was found; ``rest`` is what follows it on the line."""
        self.close_pending()
        text, numbers = _split_score(rest)
        if not numbers:
            self.pending = _Pending(scope, key, self.line, self.original, [text] if text else [])
        elif len(numbers) == 1:
            self.add(scope, key, numbers[0], text)
        else:
            shown = apply_digits(" ".join(numbers))
            self.refuse(f"พบตัวเลขหลายค่า ({shown}) ไม่ทราบว่าค่าใดเป็นคะแนน")

    def loose(self, text: str) -> None:
        """A line without a code: the score or text of a pending code, or unreadable."""
        words, numbers = _split_score(text)
        has_digit = any(c.isdigit() for c in text)
        if self.pending is not None and len(numbers) == 1:
            p, self.pending = self.pending, None
            self.add(p.scope, p.key, numbers[0], " ".join([*p.texts, words]).strip(), p)
        elif self.pending is not None and not has_digit:
            self.pending.texts.append(words)
        elif not has_digit:
            self.skipped.append(self.line)
        else:
            self.close_pending()
            self.refuse("ไม่พบรหัสข้อ (เช่น i1, e3, o27)")

    def read(self, number: int, original: str) -> None:
        self.line, self.original = number, original
        line = to_arabic_digits(original.translate(_SPACES)).strip()
        if _PAIRS_ONLY.match(line) and len(_ITEM.findall(line)) > 1:
            self.close_pending()
            for match in _PAIR.finditer(line):
                self.add("item", match[1] + match[2], match[3])
            return
        part = _PART.match(line)
        indicator = _INDICATOR.search(line)
        item = _ITEM.search(line)
        if part:
            half = part[2] or {"public": "1", "survey": "2"}.get((part[3] or "").lower(), "")
            self.figure("part", part[1].upper() + half, line[part.end() :])
        elif indicator and (item is None or indicator.start() < item.start()):
            if indicator[1] or "." in indicator[2]:
                self.close_pending()
                self.refuse("ตัวชี้วัดย่อยไม่มีช่องคะแนนแยก จึงข้ามไป")
            else:
                self.figure("indicator", str(int(indicator[2])), line[indicator.end() :])
        elif item:
            self.figure("item", item[1] + item[2], line[item.end() :])
        elif _OVERALL.match(line):
            self.figure("overall", "", _OVERALL.sub("", line, count=1))
        else:
            self.loose(line)


def parse_pasted(block: str) -> PasteResult:
    """Every code/score pair in ``block``; lines with numbers that could not be read, with why.

    Reads 'i1 98.36', 'I 1\t98.36', 'o27\t100%', '๙๘.๓๖', item text between code and score,
    a code whose score follows on a later line, 'ตัวชี้วัดที่ ๔ … 99.45', 'IIT 99.89',
    'EIT ส่วนที่ ๑ 99.97' and 'คะแนนภาพรวม 93.96'. A line with several trailing numbers is not
    guessed at: it is listed as unread.
    """
    reader = _Reader()
    for number, original in enumerate(block.splitlines(), start=1):
        if original.strip():
            reader.read(number, original)
    reader.close_pending()
    return PasteResult(tuple(reader.scores), tuple(reader.unread), tuple(reader.skipped))
