"""The search box of the window (Ctrl+F): finds items and measures, and says which was chosen."""

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from ita_desktop.errors import UserError
from ita_desktop.i18n.thai import format_year, to_arabic_digits
from ita_desktop.services.criteria import criteria_for_year
from ita_desktop.services.plans import find_plan
from ita_desktop.storage.plans import plan_years
from ita_desktop.ui.session import Session
from ita_desktop.ui.widgets.thai_text import plain

MAX_HITS = 30
SHOWN_CHARS = 90
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
POPUP_WIDTH = 640


@dataclass(frozen=True)
class Hit:
    """An item of the year's criteria (``code``) or a measure of a plan (``measure_id``)."""

    kind: str  # "item" or "measure"
    year: int
    text: str
    code: str = ""
    measure_id: int | None = None

    def label(self) -> str:
        text = self.text if len(self.text) <= SHOWN_CHARS else self.text[: SHOWN_CHARS - 1] + "…"
        if self.kind == "item":
            return f"ข้อ {self.code} — {text}"
        return f"มาตรการปี {format_year(self.year)} — {text}"


def _normal(text: str) -> str:
    return " ".join(to_arabic_digits(plain(text)).casefold().split())


def find_hits(db, office_id: int, year: int, query: str) -> list[Hit]:
    """Items of ``year``'s criteria and measures of the office's plans that contain ``query``.

    An exact item code comes first, then items, then measures of ``year``, then of other years.
    """
    wanted = _normal(query)
    if not wanted:
        return []
    hits: list[tuple[int, Hit]] = []
    try:
        items = criteria_for_year(db, year).items
    except UserError:  # a year without criteria has no items to find
        items = ()
    for item in items:
        code = item.code.casefold()
        if code == wanted:
            hits.append((0, Hit("item", year, item.text, code=item.code)))
        elif wanted in _normal(item.text) or (len(wanted) > 1 and code.startswith(wanted)):
            hits.append((1, Hit("item", year, item.text, code=item.code)))
    for plan_year in sorted(plan_years(db, office_id), key=lambda y: (y != year, -y)):
        plan = find_plan(db, office_id, plan_year)
        for measure in plan.measures if plan else ():
            fields = (measure.measure, measure.issue, *measure.steps)
            if any(wanted in _normal(text) for text in fields):
                text = measure.measure or measure.issue or "(มาตรการที่ยังไม่มีชื่อ)"
                rank = 2 if plan_year == year else 3
                hits.append((rank, Hit("measure", plan_year, plain(text), measure_id=measure.id)))
    hits.sort(key=lambda pair: pair[0])
    return [hit for _, hit in hits[:MAX_HITS]]


class SearchBox(QLineEdit):
    """Typing asks the worker for hits; a hit picked from the list (or Enter) is ``hit_chosen``."""

    hit_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setPlaceholderText("ค้นหาข้อคำถาม มาตรการ… (Ctrl+F)")
        self.setAccessibleName("ค้นหา")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self.session: Session | None = None
        self.office_id: int | None = None
        self.year: int | None = None
        self.hits: list[Hit] = []
        self._asked = ""
        self._enter_waiting = False
        self._picked = False  # the completer passes the Enter that picked a row on to the box
        self.model = QStandardItemModel(self)
        # The completer only shows our hits: it neither filters them nor writes into the box.
        self.completer_ = QCompleter(self.model, self)
        self.completer_.setWidget(self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.activated[QModelIndex].connect(self._on_hit_activated)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self._ask)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._on_return_pressed)

    def set_session(self, session: Session | None) -> None:
        self.session = session
        self._show([])

    def set_context(self, office_id: int | None, year: int | None) -> None:
        self.office_id, self.year = office_id, year
        if self.text().strip():
            self._timer.start()

    def _ask(self) -> None:
        query = self.text().strip()
        self._asked = query
        if not query or self.session is None or self.office_id is None or self.year is None:
            self._show([])
            return
        office_id, year = self.office_id, self.year
        self.session.call(
            lambda db: find_hits(db, office_id, year, query),
            lambda hits, asked=query: self._on_hits_found(asked, hits),
        )

    def _on_hits_found(self, query: str, hits: list[Hit]) -> None:
        if query == self._asked == self.text().strip():
            self._show(hits)
            if self._enter_waiting:
                self._enter_waiting = False
                self.choose(0)

    def _show(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.model.clear()
        for hit in hits:
            row = QStandardItem(hit.label())
            row.setData(hit, HIT_ROLE)
            row.setToolTip(hit.text)
            self.model.appendRow(row)
        if not hits and self.text().strip() and self._asked:
            row = QStandardItem("ไม่พบข้อคำถามหรือมาตรการที่มีคำนี้")
            row.setEnabled(False)
            self.model.appendRow(row)
        if self.model.rowCount() and self.hasFocus():
            # Wider than the box and flush with its right edge: the hits are whole sentences.
            width = max(self.width(), POPUP_WIDTH)
            self.completer_.complete(QRect(self.width() - width, 0, width, self.height()))
        else:
            self.completer_.popup().hide()

    def choose(self, row: int) -> None:
        """Go to the hit at ``row`` of the list (what a click or Enter on the list does)."""
        if 0 <= row < len(self.hits):
            self.completer_.popup().hide()
            self.hit_chosen.emit(self.hits[row])

    def _on_hit_activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self._picked = True
            QTimer.singleShot(0, self, self._on_pick_settled)
            self.hit_chosen.emit(hit)

    def _on_pick_settled(self) -> None:
        self._picked = False

    def _on_return_pressed(self) -> None:
        if self._picked or self.completer_.popup().isVisible():
            return  # Enter on the list: the completer reports the row it was on
        if self._timer.isActive() or self._asked != self.text().strip():
            self._timer.stop()
            self._enter_waiting = True  # Enter before the list came: the first hit once it does
            self._ask()
            return
        self.choose(0)
