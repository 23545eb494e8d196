"""Crash soak: kill the writer (tests/crash_writer.py) with SIGKILL N times; check nothing is lost.

    .venv/bin/python bench/crash_soak.py 1000

After each kill: PRAGMA integrity_check is ok, the foreign keys hold, and the file holds exactly
the edits reported saved (plus, at most, the one edit under way when the kill came, whole or not
at all). The next writer must take over the killed one's lock.
"""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ita_desktop.storage.lock import read_lock  # noqa: E402
from tests.crash_writer import apply_edit, read_state  # noqa: E402

KILLS_PER_FILE = 100  # then a fresh data file (a new file's first open is worth killing too)


@dataclass
class Figures:
    kills: int = 0
    corrupt_files: int = 0
    lost_edits: int = 0
    unexpected_changes: int = 0
    saved_edits: int = 0
    in_flight_found_saved: int = 0
    locks_taken_over: int = 0
    lock_refusals: int = 0
    writer_errors: int = 0
    bad_backups: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"kills {self.kills}, corrupt files {self.corrupt_files}, "
            f"lost edits {self.lost_edits}, unexpected changes {self.unexpected_changes}, "
            f"edits saved {self.saved_edits}, "
            f"in-flight edit found committed {self.in_flight_found_saved}, "
            f"stale locks taken over {self.locks_taken_over}, lock refusals {self.lock_refusals}, "
            f"writer errors {self.writer_errors}, bad backups {self.bad_backups}"
        )

    @property
    def clean(self) -> bool:
        return not (
            self.corrupt_files
            or self.lost_edits
            or self.unexpected_changes
            or self.lock_refusals
            or self.writer_errors
            or self.bad_backups
        )


def _run_once(path: Path, seed: int, rng: random.Random, env: dict) -> list[str]:
    """Start a writer, kill it at a random moment, return its complete output lines."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_writer", str(path), str(seed)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    chunks: list[bytes] = []
    ready = threading.Event()

    def pump():
        for raw in proc.stdout:
            chunks.append(raw)
            if raw.startswith((b"READY", b"LOCKED", b"ERROR")):
                ready.set()
        ready.set()

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    if rng.random() < 0.2:
        time.sleep(rng.uniform(0, 0.5))  # anywhere: start-up, lock, migrations, setup
    else:
        ready.wait(20)
        time.sleep(rng.uniform(0, 0.12))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join(5)
    proc.stderr.close()
    # A line cut by the kill has no newline: it was never fully reported.
    return [c.decode("utf-8").rstrip("\n") for c in chunks if c.endswith(b"\n")]


def _check_file(path: Path) -> str | None:
    conn = sqlite3.connect(path)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            return "integrity_check: " + "; ".join(problems[:3])
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            return "foreign_key_check failed"
        for plan_id, positions in conn.execute(
            "SELECT plan_id, group_concat(position) FROM measure GROUP BY plan_id"
        ):
            if sorted(map(int, positions.split(","))) != list(range(positions.count(",") + 1)):
                return f"measure positions of plan {plan_id} are not 0..n-1"
    except sqlite3.DatabaseError as error:
        return f"unreadable: {error}"
    finally:
        conn.close()
    return None


def _check_backups(path: Path, figures: Figures) -> None:
    from ita_desktop.errors import UserError
    from ita_desktop.services import backups

    for backup in backups.list_backups(path):
        try:
            backups.check_backup(backup.path)
        except UserError:
            figures.bad_backups += 1
            figures.problems.append(f"bad backup {backup.path.name}")


def soak(
    kills: int, folder: Path, *, seed: int = 1, progress=None, writer_lies: bool = False
) -> Figures:
    """Kill the writer ``kills`` times; the figures say what, if anything, went wrong.
    ``writer_lies``: the writer reports edits before saving them (checks the checker)."""
    rng = random.Random(seed)
    env = {**os.environ, "ITA_CRASH_WRITER_LIES": "1" if writer_lies else "0"}
    figures = Figures()
    model: dict = {}
    path = folder / "soak-0.sqlite"
    for kill in range(kills):
        if kill and kill % KILLS_PER_FILE == 0:
            path, model = folder / f"soak-{kill // KILLS_PER_FILE}.sqlite", {}
        stale_lock = read_lock(path) is not None
        lines = _run_once(path, seed * 1_000_000 + kill, rng, env)
        figures.kills += 1
        _account(lines, figures, kill)
        edits, in_flight = _edits(lines)
        figures.saved_edits += len(edits)
        if stale_lock and "READY" in lines:
            figures.locks_taken_over += 1
        problem = _check_file(path) if path.exists() else None
        if problem:
            figures.corrupt_files += 1
            figures.problems.append(f"kill {kill}: {problem}")
            path, model = folder / f"soak-{kill}-fresh.sqlite", {}
            continue
        for edit in edits:
            model = apply_edit(model, edit)
        state = read_state(path) if path.exists() else {}
        model = _compare(state, model, in_flight, figures, kill)
        if in_flight and in_flight["op"] == "backup":
            _check_backups(path, figures)
        if progress and (kill + 1) % 50 == 0:
            progress(f"{kill + 1}/{kills}: {figures.line()}")
    return figures


def _account(lines: list[str], figures: Figures, kill: int) -> None:
    for line in lines:
        if line.startswith("LOCKED"):
            figures.lock_refusals += 1
            figures.problems.append(f"kill {kill}: {line}")
        elif line.startswith("ERROR"):
            figures.writer_errors += 1
            figures.problems.append(f"kill {kill}: {line[:2000]}")


def _edits(lines: list[str]) -> tuple[list[dict], dict | None]:
    """The edits reported saved, in order, and the one tried but not reported (if any)."""
    tried: dict[int, dict] = {}
    saved: list[dict] = []
    number = 0
    for line in lines:
        if line.startswith("TRY "):
            number += 1
            tried[number] = json.loads(line[4:])
        elif line.startswith("SAVED "):
            saved.append(tried.pop(int(line[6:])))
    return saved, next(iter(tried.values()), None)


def _compare(state: dict, model: dict, in_flight: dict | None, figures: Figures, kill: int):
    if state == model:
        return model
    if in_flight is not None:
        after = apply_edit(model, in_flight)
        if state == after:
            figures.in_flight_found_saved += 1
            return after
    else:
        after = model
    wrong = [k for k in set(state) | set(model) if state.get(k) != model.get(k)]
    lost = [k for k in wrong if state.get(k) != after.get(k)]
    unexpected = [k for k in lost if k not in model and k not in after]
    figures.lost_edits += len(lost) - len(unexpected)
    figures.unexpected_changes += len(unexpected)
    shown = ", ".join(
        f"{k}: file {str(state.get(k))[:40]!r} saved {str(model.get(k))[:40]!r}" for k in lost[:3]
    )
    figures.problems.append(f"kill {kill}: {len(lost)} differ ({shown}); in flight {in_flight}")
    return state  # carry on from what the file holds


def main(argv: list[str]) -> int:
    kills = int(argv[0]) if argv else 1000
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ita-crash-soak-") as folder:
        figures = soak(kills, Path(folder), progress=lambda text: print(text, flush=True))
    elapsed = time.monotonic() - started
    for problem in figures.problems[:20]:
        print("  " + problem)
    print(figures.line())
    print(f"time {elapsed:.0f} s ({elapsed / max(1, kills):.2f} s per kill), pid {os.getpid()}")
    return 0 if figures.clean else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
