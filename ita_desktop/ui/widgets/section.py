"""A collapsible section: a header button with an arrow, and a body shown or hidden by it."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget


class Section(QFrame):
    """Space or Enter on the header toggles the body; ``expand()`` opens it (e.g. on focus)."""

    toggled = Signal(bool)

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("section")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.header = QToolButton()
        self.header.setObjectName("sectionHeader")
        self.header.setCheckable(True)
        self.header.setChecked(True)
        self.header.setArrowType(Qt.ArrowType.DownArrow)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setAutoRaise(True)
        self.header.setStyleSheet("QToolButton { border: none; background: transparent; }")
        self.header.toggled.connect(self._on_header_toggled)
        self.title = QLabel(title)
        self.title.setObjectName("sectionTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setBuddy(self.header)
        self.title.setStyleSheet("font-weight: bold;")
        self.aside = QLabel()
        self.aside.setObjectName("sectionAside")
        self.aside.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.aside.setStyleSheet("font-weight: bold;")
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 8, 2)
        top.addWidget(self.header)
        top.addWidget(self.title, 1)
        top.addWidget(self.aside)
        self.body = QWidget()
        self.body.setObjectName("sectionBody")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.body)
        self.header.setAccessibleName(title)

    def set_title(self, title: str, aside: str = "") -> None:
        self.title.setText(title)
        self.aside.setText(aside)
        self.header.setAccessibleName(f"{title} {aside}".strip())

    @property
    def expanded(self) -> bool:
        return self.header.isChecked()

    def expand(self) -> None:
        self.header.setChecked(True)

    def mousePressEvent(self, event) -> None:
        # A click anywhere on the header row toggles, not only on the small arrow.
        if event.position().y() <= self.header.geometry().bottom() + 2:
            self.header.toggle()
            return
        super().mousePressEvent(event)

    def _on_header_toggled(self, open_: bool) -> None:
        self.header.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.body.setVisible(open_)
        self.toggled.emit(open_)
