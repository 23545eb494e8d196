"""How long `summary` of one year takes in a warm process (goal: well under 100 ms)."""

import statistics
import sys
import tempfile
import time
from pathlib import Path

from ita_desktop.services.demo import create_demo
from ita_desktop.services.summary import summary
from ita_desktop.storage.database import open_database


def main(runs: int = 200) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite")
        office_id, _ = create_demo(db)
        year = max(r["year"] for r in db.query("SELECT year FROM assessment"))
        summary(db, office_id=office_id, year=year)  # warm: imports, Babel locale
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            summary(db, office_id=office_id, year=year)
            times.append((time.perf_counter() - start) * 1000)
        db.close()
    print(
        f"summary of {year}: median {statistics.median(times):.2f} ms, "
        f"p95 {sorted(times)[int(runs * 0.95)]:.2f} ms over {runs} runs"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
