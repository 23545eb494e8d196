"""The suggestion library (คลังมาตรการ): built-ins from forms/suggestions.toml and the clerk's."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlite_utils import Database

from ita_desktop import paths
from ita_desktop.domain.records import Measure, Suggestion
from ita_desktop.domain.strict import DefinitionError, parse
from ita_desktop.errors import UserError
from ita_desktop.services.plan_builder import add_to_plan, fiscal_year_months
from ita_desktop.storage import plans as store

INDICATORS = range(1, 11)


@dataclass(frozen=True)
class SuggestionDef:
    """One built-in suggestion as written in forms/suggestions.toml."""

    indicator: int
    measure: str
    issue: str = ""
    item_code: str = ""
    item_words: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    follow_up: str = ""
    expected_result: str = ""

    def __post_init__(self):
        if self.indicator not in INDICATORS:
            raise ValueError(f"indicator must be 1 to 10, not {self.indicator}")
        if not self.measure.strip():
            raise ValueError("measure is empty")
        if self.item_code and not self.item_words:
            raise ValueError(f"item {self.item_code} needs item_words to match across years")

    def as_suggestion(self) -> Suggestion:
        return Suggestion(
            measure=self.measure,
            indicator=self.indicator,
            item_code=self.item_code,
            issue=self.issue,
            steps=list(self.steps),
            responsible=list(self.responsible),
            follow_up=self.follow_up,
            expected_result=self.expected_result,
            builtin=True,
        )


@dataclass(frozen=True)
class LibraryFile:
    version: int
    suggestions: tuple[SuggestionDef, ...]


@dataclass(frozen=True)
class Offer:
    """A suggestion as the library lists it for a selection; ``for_item`` if it answers the item."""

    key: str
    suggestion: Suggestion
    for_item: bool = False


def library_file() -> Path:
    return paths.forms_dir() / "suggestions.toml"


def load_library(path: Path) -> tuple[SuggestionDef, ...]:
    """Parse a library file strictly; DefinitionError names the key that is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DefinitionError(path.name, f"not valid TOML: {error}") from None
    library = parse(LibraryFile, data, path.name)
    if library.version != 1:
        raise DefinitionError(path.name, f"version {library.version} is not supported")
    return library.suggestions


@cache
def builtin_library() -> tuple[SuggestionDef, ...]:
    return load_library(library_file())


def _plain(text: str) -> str:
    return "".join(text.replace("\u200b", "").split()).lower()


def answers_item(definition: SuggestionDef, item_code: str, item_text: str) -> bool:
    """Words of the item's text decide (codes change between years); the code only without text."""
    if item_text:
        text = _plain(item_text)
        return any(_plain(word) in text for word in definition.item_words)
    return bool(item_code) and definition.item_code.lower() == item_code.strip().lower()


def suggestions_for(
    db: Database, *, indicator: int | None = None, item_code: str = "", item_text: str = ""
) -> list[Offer]:
    """The clerk's and the built-in suggestions for an indicator (all if None), those that answer
    the item first; within each part the clerk's own come before the built-ins."""
    if indicator is None and not item_code:
        saved = store.list_suggestions(db)
    else:
        saved = store.list_suggestions(db, indicator, item_code)
    code = item_code.strip().lower()
    offers = [
        Offer(f"saved:{s.id}", s, bool(code) and s.item_code.lower() == code)
        for s in saved
        if not s.builtin
    ]
    for number, definition in enumerate(builtin_library()):
        if indicator is not None and definition.indicator != indicator:
            continue
        for_item = bool(code or item_text) and answers_item(definition, item_code, item_text)
        offers.append(Offer(f"builtin:{number}", definition.as_suggestion(), for_item))
    return sorted(offers, key=lambda offer: not offer.for_item)


def save_to_library(db: Database, *, measure: Measure) -> int:
    """Keep a measure of the plan as the clerk's own suggestion; returns its id."""
    if not measure.measure.strip():
        raise UserError("กรุณากรอกมาตรการก่อนบันทึกเข้าคลังมาตรการ")
    suggestion = Suggestion(
        measure=measure.measure,
        indicator=measure.indicator,
        item_code=measure.items[0] if measure.items else "",
        issue=measure.issue,
        steps=list(measure.steps),
        responsible=list(measure.responsible),
        follow_up=measure.follow_up,
        expected_result=measure.expected_result,
    )
    with db.atomic():
        for existing in store.list_suggestions(db, suggestion.indicator, suggestion.item_code):
            if not existing.builtin and _same(existing, suggestion):
                raise UserError("มาตรการนี้อยู่ในคลังมาตรการแล้ว")
        return store.insert_suggestion(db, suggestion)


def _same(a: Suggestion, b: Suggestion) -> bool:
    fields = ("measure", "issue", "steps", "responsible", "follow_up", "expected_result")
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def remove_from_library(db: Database, *, suggestion_id: int) -> Suggestion:
    """Remove one of the clerk's suggestions (built-ins stay); returns it for undo."""
    with db.atomic():
        found = [s for s in store.list_suggestions(db) if s.id == suggestion_id]
        if not found or found[0].builtin:
            raise UserError("ลบได้เฉพาะมาตรการที่ท่านบันทึกไว้เอง")
        db["suggestion"].delete(suggestion_id)
    return found[0]


def restore_to_library(db: Database, *, suggestion: Suggestion) -> int:
    """Undo of remove_from_library (and of save_to_library's removal): the same row back."""
    with db.atomic():
        new_id = store.insert_suggestion(db, suggestion)
        if suggestion.id is not None and new_id != suggestion.id:
            db.execute("UPDATE suggestion SET id = ? WHERE id = ?", [suggestion.id, new_id])
            new_id = suggestion.id
    return new_id


def measure_from_suggestion(
    suggestion: Suggestion, *, plan_year: int, indicator: int | None = None, item_code: str = ""
) -> Measure:
    """A new measure from a suggestion: for ``indicator`` (else the suggestion's), linked to the
    selected item, running through the plan's fiscal year until the clerk changes it."""
    group = indicator if indicator is not None else suggestion.indicator
    return Measure(
        measure=suggestion.measure,
        issue=suggestion.issue,
        steps=list(suggestion.steps),
        responsible=list(suggestion.responsible),
        period=fiscal_year_months(plan_year),
        follow_up=suggestion.follow_up,
        expected_result=suggestion.expected_result,
        indicator=group,
        indicators=[group] if group is not None else [],
        items=[item_code] if item_code else [],
    )


def insert_suggestion(
    db: Database,
    *,
    office_id: int,
    plan_year: int,
    suggestion: Suggestion,
    indicator: int | None = None,
    item_code: str = "",
    position: int | None = None,
) -> int:
    """Add a suggestion to the plan of ``plan_year`` as a new measure; returns its id."""
    measure = measure_from_suggestion(
        suggestion, plan_year=plan_year, indicator=indicator, item_code=item_code
    )
    return add_to_plan(
        db, office_id=office_id, plan_year=plan_year, measure=measure, position=position
    )
