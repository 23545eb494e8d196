"""What the measures page saves and loads: the plan with wrappable texts, undo for additions."""

from collections.abc import Callable

from ita_desktop.services import plan_builder
from ita_desktop.services.plan_builder import PlanContext
from ita_desktop.ui.widgets.thai_text import breakable

FIELD_WORDS = {
    "measure": "มาตรการ",
    "issue": "ประเด็นที่เป็นข้อบกพร่อง",
    "steps": "ขั้นตอน",
    "responsible": "ผู้รับผิดชอบ",
    "period": "ระยะเวลาดำเนินการ",
    "follow_up": "การรายงานผลและการกำกับติดตาม",
    "expected_result": "ผลที่คาดว่าจะได้รับ",
    "indicators": "ตัวชี้วัดและข้อที่เกี่ยวข้อง",
    "items": "ตัวชี้วัดและข้อที่เกี่ยวข้อง",
}


def load_view(db, office_id: int, year: int) -> tuple[PlanContext, dict[str, str]]:
    """Runs on the worker: the plan and its long texts made wrappable (segmenting is slow)."""
    context = plan_builder.plan_context(db, office_id=office_id, year=year)
    measures = context.plan.measures if context.plan else []
    texts = {t for m in measures for t in (m.measure, m.issue) if t}
    return context, {t: breakable(t) for t in texts}


class AddedMeasures:
    """Apply/revert for edits that add measures: the first apply creates them; after an undo,
    redo puts the very same measures (ids, positions) back, so later edits still find them."""

    def __init__(self, create: Callable[[object], list[int]]):
        self._create = create
        self._removed = None

    def apply(self, db) -> list[int]:
        if self._removed is None:
            return self._create(db)
        return plan_builder.restore_measures(db, removed=self._removed)

    def revert(self, db, ids: list[int]) -> None:
        self._removed = plan_builder.remove_measures(db, measure_ids=ids)
