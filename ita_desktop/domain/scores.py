"""Scores: strict parsing of what the clerk types (Thai or Arabic digits) and half-up rounding."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ita_desktop.errors import UserError

TWO_PLACES = Decimal("0.01")
_THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def round2(value: Decimal) -> Decimal:
    """Two decimals, half up, as the seeds print them: 93.9625 → 93.96, 0.005 → 0.01."""
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def parse_score(text: str) -> Decimal | None:
    """'๙๖.๗๗' or '96.77' → Decimal('96.77'); blank → None; anything else → UserError in Thai."""
    cleaned = text.strip().translate(_THAI_TO_ARABIC).replace(",", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise UserError(f"“{text.strip()}” ไม่ใช่ตัวเลข กรุณาพิมพ์คะแนน ๐–๑๐๐ เช่น ๙๖.๗๗") from None
    if not value.is_finite() or value < 0 or value > 100:
        raise UserError(f"คะแนนต้องอยู่ระหว่าง ๐ ถึง ๑๐๐ (พิมพ์ไว้ {text.strip()})")
    if value.as_tuple().exponent < -2:
        raise UserError(f"คะแนนมีทศนิยมได้ไม่เกิน ๒ ตำแหน่ง (พิมพ์ไว้ {text.strip()})")
    return value
