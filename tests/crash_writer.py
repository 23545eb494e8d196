"""A writer process for the crash test: scripted edits through the real services, each reported.

    python -m tests.crash_writer DATA_FILE SEED

Prints ``READY`` once the file is open, then for every edit ``TRY {json}`` before the service
call and ``SAVED n`` only after it returned. bench/crash_soak.py kills it at random moments and
checks the file against the edits reported saved, using read_state() and apply_edit() below.
"""

import json
import os
import random
import sqlite3
import sys
import traceback
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

OFFICE = "องค์การบริหารส่วนตำบลทดสอบ"
IMPORTED = "นำเข้า "
INSTRUMENTS = ("IIT", "EIT", "OIT")
STATUSES = ("ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ")
MAX_MEASURES = 25


def text_for(tag: str, length: int) -> str:
    """The text an edit writes, rebuilt from its tag and length so the printed line stays short."""
    unit = f"{tag} ข้อความทดสอบภาษาไทย "
    return (unit * (length // len(unit) + 1))[:length]


# --- the state the harness compares: read from the file, and predicted from the edits ---------


def read_state(path: Path | str) -> dict:
    """What the edits can change, read with plain SQL (and SQLite's own crash recovery)."""
    conn = sqlite3.connect(path)
    try:
        return _read(conn)
    finally:
        conn.close()


def _read(conn: sqlite3.Connection) -> dict:
    state: dict = {}
    office = conn.execute("SELECT id FROM office WHERE name = ?", [OFFICE]).fetchone()
    if office is None:
        return state
    aid = conn.execute(
        "SELECT id FROM assessment WHERE office_id = ? AND year = 2568", [office[0]]
    ).fetchone()
    pid = conn.execute(
        "SELECT id FROM plan WHERE office_id = ? AND year = 2569", [office[0]]
    ).fetchone()
    if aid:
        for key, value in conn.execute(
            "SELECT key, value FROM score WHERE assessment_id = ? AND scope = 'item'"
            " AND key LIKE 'c%'",
            aid,
        ):
            state[("score", key)] = value
        for key, text in conn.execute(
            "SELECT key, text FROM analysis_text WHERE assessment_id = ? AND key LIKE 'k%'", aid
        ):
            state[("text", key)] = text
        for instrument, text in conn.execute(
            "SELECT instrument, text FROM recommendation WHERE assessment_id = ?", aid
        ):
            state[("rec", instrument)] = text
    if pid:
        rows = conn.execute(
            "SELECT id, measure, follow_up, position FROM measure WHERE plan_id = ?"
            " AND measure LIKE 'ม-%' ORDER BY position",
            pid,
        ).fetchall()
        if rows:  # an empty plan looks like no plan: setup is not an edit
            state[("order",)] = tuple(r[1] for r in rows)
        for _, tag, follow_up, _ in rows:
            state[("follow_up", tag)] = follow_up
        for tag, round_, status, remark in conn.execute(
            "SELECT m.measure, p.round, p.status, p.remark FROM progress p"
            " JOIN measure m ON m.id = p.measure_id WHERE m.plan_id = ?",
            pid,
        ):
            state[("progress", tag, round_)] = (status, remark)
    for office_id, name in conn.execute(
        "SELECT id, name FROM office WHERE name LIKE ?", [IMPORTED + "%"]
    ):
        state[("imported", name)] = _counts(conn, office_id)
    return state


def _counts(conn: sqlite3.Connection, office_id: int) -> tuple:
    def count(sql: str) -> int:
        return conn.execute(sql, [office_id]).fetchone()[0]

    return (
        count(
            "SELECT count(*) FROM score s JOIN assessment a ON a.id = s.assessment_id"
            " WHERE a.office_id = ?"
        ),
        count(
            "SELECT count(*) FROM analysis_text t JOIN assessment a"
            " ON a.id = t.assessment_id WHERE a.office_id = ?"
        ),
        count(
            "SELECT count(*) FROM measure m JOIN plan p ON p.id = m.plan_id WHERE p.office_id = ?"
        ),
        count(
            "SELECT count(*) FROM progress g JOIN measure m ON m.id = g.measure_id"
            " JOIN plan p ON p.id = m.plan_id WHERE p.office_id = ?"
        ),
    )


def apply_edit(state: dict, edit: dict) -> dict:
    """The state after ``edit``, predicted without the database."""
    state = dict(state)
    op = edit["op"]
    if op == "scores":
        for key, value in edit["values"].items():
            _set(state, ("score", key), value)
    elif op == "text":
        _set(state, ("text", edit["key"]), text_for(edit["tag"], edit["length"]) or None)
    elif op == "rec":
        _set(state, ("rec", edit["instrument"]), text_for(edit["tag"], edit["length"]) or None)
    elif op in ("add", "remove", "move"):
        order = list(state.get(("order",), ()))
        if op != "add":
            order.remove(edit["tag"])
        if op == "add":
            order.append(edit["tag"])
            state[("follow_up", edit["tag"])] = ""
        elif op == "move":
            order.insert(max(0, min(edit["position"], len(order))), edit["tag"])
        else:
            for key in [k for k in state if k[0] != "order" and k[1] == edit["tag"]]:
                del state[key]
        _set(state, ("order",), tuple(order) or None)
    elif op == "follow_up":
        state[("follow_up", edit["tag"])] = text_for(edit["tag"], edit["length"])
    elif op == "progress":
        key = ("progress", edit["tag"], edit["round"])
        state[key] = (edit["status"], text_for(edit["tag"], edit["length"]))
    elif op == "import":
        state[("imported", edit["name"])] = tuple(edit["counts"])
    return state


def _set(state: dict, key: tuple, value) -> None:
    if value is None:
        state.pop(key, None)
    else:
        state[key] = value


# --- the writer ------------------------------------------------------------------------------


class Writer:
    def __init__(self, path: Path, seed: int):
        from ita_desktop.errors import UserError
        from ita_desktop.services import offices, plans, results
        from ita_desktop.services.criteria import save_criteria
        from ita_desktop.storage import lock
        from ita_desktop.storage.database import open_database
        from tests.builders import sample_office, small_criteria

        self.path = path
        self.rng = random.Random(seed)
        self.seed = seed
        self.lock = lock.acquire(path)  # takes over the lock of the writer killed before
        self.db = open_database(path)
        # Setup is find-or-create, each step its own transaction: a kill here is also a test.
        try:
            office_id = offices.find_office(self.db, OFFICE).id
        except UserError:
            office_id = offices.create_office(self.db, office=sample_office())
        save_criteria(self.db, small_criteria(2568))
        self.assessment_id = results.start_assessment(self.db, office_id=office_id, year=2568)
        self.plan_id = plans.start_plan(self.db, office_id=office_id, year=2569)
        plan = plans.get_plan(self.db, self.plan_id)
        self.measures = {m.measure: m.id for m in plan.measures if m.measure.startswith("ม-")}
        self.template = None
        self.n = 0
        self.lie = os.environ.get("ITA_CRASH_WRITER_LIES") == "1"

    def run(self) -> None:
        print("READY", flush=True)
        while True:
            self.n += 1
            edit, action = self.next_edit()
            print("TRY " + json.dumps(edit, ensure_ascii=False), flush=True)
            if self.lie:  # the harness's self-test: claim the edit saved before it is
                print(f"SAVED {self.n}", flush=True)
            action()
            if not self.lie:
                print(f"SAVED {self.n}", flush=True)

    def next_edit(self):
        rng = self.rng
        ops = [
            "scores",
            "scores",
            "text",
            "text",
            "rec",
            "add",
            "follow_up",
            "progress",
            "progress",
            "move",
            "remove",
            "import",
            "backup",
        ]
        weights = [6, 2, 5, 1, 2, 3, 3, 4, 1, 2, 1, 0.4, 0.3]
        op = rng.choices(ops, weights)[0]
        tag = f"ม-{self.seed}-{self.n}"
        if op in ("follow_up", "progress", "move", "remove") and not self.measures:
            op = "add"
        if op == "add" and len(self.measures) >= MAX_MEASURES:
            op = "remove"
        return getattr(self, "_" + op)(tag)

    def _scores(self, tag):
        from ita_desktop.services import results

        count = 1 if self.rng.random() < 0.6 else self.rng.randint(2, 8)
        values = {}
        for _ in range(count):
            key = f"c{self.rng.randrange(60)}"
            cents = self.rng.randrange(10001)
            values[key] = None if self.rng.random() < 0.1 else f"{cents // 100}.{cents % 100:02d}"
        edit = {"op": "scores", "values": values}
        decimals = {("item", k): None if v is None else Decimal(v) for k, v in values.items()}
        if count == 1:
            ((key, value),) = values.items()
            return edit, lambda: results.set_score(
                self.db, assessment_id=self.assessment_id, scope="item", key=key, value=value
            )
        return edit, lambda: results.set_scores(
            self.db, assessment_id=self.assessment_id, values=decimals
        )

    def _length(self) -> int:
        roll = self.rng.random()
        return 0 if roll < 0.08 else self.rng.randint(6000, 20000) if roll > 0.9 else 120

    def _text(self, tag):
        from ita_desktop.services import results

        edit = {
            "op": "text",
            "key": f"k{self.rng.randrange(40)}",
            "tag": tag,
            "length": self._length(),
        }
        return edit, lambda: results.set_analysis_text(
            self.db,
            assessment_id=self.assessment_id,
            key=edit["key"],
            text=text_for(tag, edit["length"]),
        )

    def _rec(self, tag):
        from ita_desktop.services import results

        edit = {
            "op": "rec",
            "instrument": self.rng.choice(INSTRUMENTS),
            "tag": tag,
            "length": self._length(),
        }
        return edit, lambda: results.set_recommendation(
            self.db,
            assessment_id=self.assessment_id,
            instrument=edit["instrument"],
            text=text_for(tag, edit["length"]),
        )

    def _add(self, tag):
        from ita_desktop.domain.records import Measure, Period
        from ita_desktop.services import plans

        def action():
            self.measures[tag] = plans.add_measure(
                self.db,
                plan_id=self.plan_id,
                measure=Measure(
                    measure=tag,
                    steps=["ขั้นที่ ๑", "ขั้นที่ ๒"],
                    period=Period("months", "2025-10", "2026-09"),
                    indicator=4,
                ),
            )

        return {"op": "add", "tag": tag}, action

    def _pick(self) -> str:
        return self.rng.choice(sorted(self.measures))

    def _follow_up(self, tag):
        from ita_desktop.services import plans

        target = self._pick()
        edit = {"op": "follow_up", "tag": target, "length": self.rng.randint(0, 400)}

        def action():
            measure = next(
                m
                for m in plans.get_plan(self.db, self.plan_id).measures
                if m.id == self.measures[target]
            )
            new = replace(measure, follow_up=text_for(target, edit["length"]))
            plans.update_measure(self.db, measure=new)

        return edit, action

    def _progress(self, tag):
        from ita_desktop.domain.records import Progress
        from ita_desktop.services import plans

        target = self._pick()
        edit = {
            "op": "progress",
            "tag": target,
            "round": self.rng.choice((6, 12)),
            "status": self.rng.choice(STATUSES),
            "length": self.rng.randint(0, 300),
        }
        progress = Progress(
            self.measures[target],
            edit["round"],
            edit["status"],
            date(2026, 1, 23),
            ["ผลลัพธ์"],
            "",
            text_for(target, edit["length"]),
        )
        return edit, lambda: plans.set_progress(self.db, progress=progress)

    def _move(self, tag):
        from ita_desktop.services import plans

        target = self._pick()
        edit = {"op": "move", "tag": target, "position": self.rng.randrange(len(self.measures))}
        return edit, lambda: plans.move_measure(
            self.db, measure_id=self.measures[target], position=edit["position"]
        )

    def _remove(self, tag):
        from ita_desktop.services import plans

        target = self._pick()

        def action():
            plans.remove_measure(self.db, measure_id=self.measures.pop(target))

        return {"op": "remove", "tag": target}, action

    def _import(self, tag):
        from ita_desktop.services import share
        from ita_desktop.services.share_check import parse_content

        template = self._template()
        name = f"{IMPORTED}{tag}"
        content = parse_content({**template, "office": {**template["office"], "name": name}})
        (assessment,) = template["assessments"]
        (plan,) = template["plans"]
        counts = [
            len(assessment["scores"]),
            len(assessment["analysis_texts"]),
            len(plan["measures"]),
            sum(1 for m in plan["measures"] for p in m["progress"].values() if p),
        ]
        edit = {"op": "import", "name": name, "counts": counts}
        return edit, lambda: share.apply_import(self.db, share.preview_import(self.db, content))

    def _template(self) -> dict:
        if self.template is None:
            from ita_desktop.services import offices, share
            from ita_desktop.storage.database import memory_database
            from tests.builders import fill_sample_year, sample_office

            scratch = memory_database()
            office_id = offices.create_office(scratch, office=sample_office())
            fill_sample_year(scratch, office_id)
            self.template = share.export_content(scratch, office_id=office_id)
        return self.template

    def _backup(self, tag):
        from ita_desktop.services import backups

        when = datetime(2025, 1, 1) + timedelta(days=self.seed % 5000, seconds=self.n)
        return {"op": "backup"}, lambda: backups.make_backup(
            self.db, self.path, now=when, reason="daily"
        )


def main(argv: list[str]) -> int:
    from ita_desktop.storage.lock import FileInUse

    try:
        Writer(Path(argv[0]), int(argv[1])).run()
    except FileInUse as error:
        print("LOCKED " + error.message, flush=True)
        return 3
    except Exception:
        print("ERROR " + traceback.format_exc().replace("\n", " | "), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
