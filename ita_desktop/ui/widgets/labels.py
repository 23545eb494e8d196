"""The window's recurring labels: a page's title line and the grey hints under things."""

from html import escape

from PySide6.QtWidgets import QLabel

HINT_STYLE = "color: #5f6368;"


def heading_label(object_name: str) -> QLabel:
    """A page's wrapped, bold title line."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setStyleSheet("font-size: 15pt; font-weight: bold;")
    label.setWordWrap(True)
    return label


def hint_label(object_name: str) -> QLabel:
    """A page's wrapped, grey note under its title."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def spaced_lines(lines: list[str]) -> str:
    """Lines as rich text with room between them, so Thai vowels and tone marks above and below
    one line keep clear of the next (a plain label packs them at the font's tight spacing)."""
    return "".join(f'<p style="margin: 0; line-height: 135%;">{escape(line)}</p>' for line in lines)
