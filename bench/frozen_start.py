"""Start to usable window of the frozen program (issue 7 budget: 2 s), median of N runs."""

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.test_frozen import executables, self_test, start_time

BUDGET_S = 2.0


def main(runs: int = 7) -> None:
    folder = Path(__file__).resolve().parent.parent / "dist" / "ITA-Desktop"
    if not folder.is_dir():
        raise SystemExit("build it first: scripts/build")
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cwd:
            done, usable = self_test(executables(folder)[0], Path(cwd))
            if done.returncode != 0:
                raise SystemExit(done.stdout + done.stderr)
            times.append(start_time(done, usable))
    median = statistics.median(times)
    print(
        f"frozen start to usable window: median {median:.2f} s, best {min(times):.2f} s, "
        f"worst {max(times):.2f} s over {runs} runs (budget {BUDGET_S:.1f} s: "
        f"{'within' if median <= BUDGET_S else 'OVER'})"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
