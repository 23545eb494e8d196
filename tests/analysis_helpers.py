"""Small criteria and assessments for analysis tests, from the figures in seeds 001 and 004."""

from decimal import Decimal

from ita_desktop.domain.criteria import (
    Criteria,
    Indicator,
    Instrument,
    Item,
    LevelRule,
    Part,
)
from ita_desktop.domain.records import Assessment, Score

INDICATORS = (
    (1, "การปฏิบัติหน้าที่", "IIT"),
    (2, "การใช้งบประมาณ", "IIT"),
    (3, "การใช้อำนาจ", "IIT"),
    (4, "การใช้ทรัพย์สินของราชการ", "IIT"),
    (5, "การแก้ไขปัญหาการทุจริต", "IIT"),
    (6, "คุณภาพการดำเนินงาน", "EIT"),
    (7, "ประสิทธิภาพการสื่อสาร", "EIT"),
    (8, "การปรับปรุงการทำงาน", "EIT"),
    (9, "การเปิดเผยข้อมูล", "OIT"),
    (10, "การป้องกันการทุจริต", "OIT"),
)

WORD_LEVELS = (
    LevelRule("ผ่านดีเยี่ยม", Decimal(95), Decimal(95), passed=True),
    LevelRule("ผ่านดี", Decimal(85), Decimal(85), passed=True),
    LevelRule("ผ่าน", Decimal(85), passed=True),
    LevelRule("ต้องปรับปรุง", Decimal(70)),
    LevelRule("ต้องปรับปรุงโดยด่วน", Decimal(0)),
)

LETTER_LEVELS = (
    LevelRule("AA", Decimal(95), passed=True),
    LevelRule("A", Decimal(85), passed=True),
    LevelRule("B", Decimal(75)),
    LevelRule("C", Decimal(65)),
    LevelRule("D", Decimal(55)),
    LevelRule("E", Decimal(50)),
    LevelRule("F", Decimal(0)),
)


def _indicators() -> tuple[Indicator, ...]:
    return tuple(Indicator(number, name, inst) for number, name, inst in INDICATORS)


def _items(prefix: str, ranges: list[tuple[int, int, int]]) -> tuple[Item, ...]:
    """Items ``prefix``first…last belonging to an indicator, with a placeholder text."""
    return tuple(
        Item(f"{prefix}{n}", indicator, f"ข้อคำถาม {prefix}{n}")
        for first, last, indicator in ranges
        for n in range(first, last + 1)
    )


def criteria_2568() -> Criteria:
    """Criteria shaped like ๒๕๖๘ (seed 001 §4): two EIT parts, i1–i15, e1–e9, o1–o28."""
    items = (
        _items("i", [(3 * k + 1, 3 * k + 3, k + 1) for k in range(5)])
        + _items("e", [(3 * k + 1, 3 * k + 3, k + 6) for k in range(3)])
        + _items("o", [(1, 20, 9), (21, 28, 10)])
    )
    return Criteria(
        year=2568,
        title="เกณฑ์การประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๘ (ทดสอบ)",
        instruments=(
            Instrument("IIT", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", Decimal(30)),
            Instrument(
                "EIT",
                "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก",
                Decimal(30),
                parts=(
                    Part("EIT1", "ส่วนที่ ๑ EIT Public", "EIT ส่วนที่ ๑"),
                    Part("EIT2", "ส่วนที่ ๒ EIT survey", "EIT ส่วนที่ ๒"),
                ),
            ),
            Instrument("OIT", "แบบวัดการเปิดเผยข้อมูลสาธารณะ", Decimal(40)),
        ),
        indicators=_indicators(),
        items=items,
        levels=WORD_LEVELS,
    )


def criteria_2564() -> Criteria:
    """Criteria shaped like ๒๕๖๔ (seed 004): one EIT part, I1–I30, E1–E15, O1–O43, letters."""
    items = (
        _items("I", [(6 * k + 1, 6 * k + 6, k + 1) for k in range(5)])
        + _items("E", [(5 * k + 1, 5 * k + 5, k + 6) for k in range(3)])
        + _items("O", [(1, 33, 9), (34, 43, 10)])
    )
    return Criteria(
        year=2564,
        title="เกณฑ์การประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๔ (ทดสอบ)",
        instruments=(
            Instrument("IIT", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", Decimal(30)),
            Instrument("EIT", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", Decimal(30)),
            Instrument("OIT", "แบบวัดการเปิดเผยข้อมูลสาธารณะ", Decimal(40)),
        ),
        indicators=_indicators(),
        items=items,
        levels=LETTER_LEVELS,
    )


# Seed 001 §2: ๒๕๖๘ against ๒๕๖๗.
SEED001_OVERALL = ("93.96", "99.76")
SEED001_PARTS = {
    "IIT": ("99.89", "99.45"),
    "EIT1": ("99.97", "99.50"),
    "EIT2": ("100", "100"),
    "OIT": ("85", "100"),
}
SEED001_INDICATORS = {
    1: ("100", "100"),
    2: ("100", "99.58"),
    3: ("100", "99.05"),
    4: ("99.45", "98.62"),
    5: ("100", "100"),
    6: ("100", "99.77"),
    7: ("100", "99.86"),
    8: ("99.96", "99.63"),
    9: ("90", "100"),
    10: ("80", "100"),
}
# Seed 001 §4: every item scored 100 except these.
SEED001_ITEMS_NOT_100 = {
    "i11": "98.36",
    "e7": "99.71",
    "o14": "50",
    "o16": "0",
    "o17": "50",
    "o19": "50",
    "o23": "0",
}

# Seed 004 §1: ๒๕๖๔ indicators, no previous year printed.
SEED004_OVERALL = "75.36"
SEED004_INDICATORS = {
    1: "93.57",
    2: "84.05",
    3: "89.76",
    4: "84.87",
    5: "87.64",
    6: "80.93",
    7: "84.60",
    8: "81.00",
    9: "84.06",
    10: "37.50",
}
# Items seed 004 lists under "ต่ำกว่าร้อยละ ๘๕" (IIT 14 of 30, EIT 11 of 15); I10 stands in for
# the fourteenth IIT item the seed counts but does not print.
SEED004_LOW_ITEMS = frozenset(
    {"I1", "I2", "I3", "I7", "I8", "I10", "I21", "I23", "I24", "I25", "I27", "I28", "I29", "I30"}
    | {"E1", "E2", "E3", "E4", "E5", "E6", "E8", "E11", "E12", "E14", "E15"}
)


def D(value: str | int | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def put(a: Assessment, scope: str, key: str, value=None, previous=None) -> None:
    a.scores[(scope, str(key))] = Score(scope, str(key), D(value), D(previous))


def seed001_assessment(*, typed_previous: bool = True, items: bool = True) -> Assessment:
    """๒๕๖๘ as seed 001 prints it; last year's figures typed in unless ``typed_previous`` is off."""
    a = Assessment(office_id=1, year=2568, criteria_year=2568)
    now, before = SEED001_OVERALL
    put(a, "overall", "", now, before if typed_previous else None)
    for code, (now, before) in SEED001_PARTS.items():
        put(a, "part", code, now, before if typed_previous else None)
    for number, (now, before) in SEED001_INDICATORS.items():
        put(a, "indicator", number, now, before if typed_previous else None)
    if items:
        for item in criteria_2568().items:
            put(a, "item", item.code, SEED001_ITEMS_NOT_100.get(item.code, "100"))
    return a


def seed001_previous_assessment() -> Assessment:
    """๒๕๖๗ as a year of its own in the file (same criteria shape as ๒๕๖๘)."""
    a = Assessment(office_id=1, year=2567, criteria_year=2568)
    put(a, "overall", "", SEED001_OVERALL[1])
    for code, (_, before) in SEED001_PARTS.items():
        put(a, "part", code, before)
    for number, (_, before) in SEED001_INDICATORS.items():
        put(a, "indicator", number, before)
    return a


def seed004_assessment(*, items: bool = True) -> Assessment:
    """๒๕๖๔ as seed 004 prints it: overall and indicators only, no instrument parts."""
    a = Assessment(office_id=2, year=2564, criteria_year=2564)
    put(a, "overall", "", SEED004_OVERALL)
    for number, value in SEED004_INDICATORS.items():
        put(a, "indicator", number, value)
    if items:
        for item in criteria_2564().items:
            put(a, "item", item.code, "70" if item.code in SEED004_LOW_ITEMS else "90")
    return a
