"""Records and criteria to plain JSON-ready data and back (snapshots, shareable file)."""

import dataclasses
from datetime import date
from decimal import Decimal
from typing import Any

from ita_desktop.domain import strict
from ita_desktop.domain.criteria import Criteria


def plain(value: Any) -> Any:
    """Dataclasses, Decimals and dates as JSON-ready values (Decimal → its exact text)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def criteria_to_data(criteria: Criteria) -> dict:
    return plain(criteria)


def criteria_from_data(data: Any, source: str = "criteria") -> Criteria:
    return strict.parse(Criteria, data, source)
