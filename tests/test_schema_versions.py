"""Every schema version ever shipped opens and migrates: one fixture file per version.

When a migration is added, make the new version's fixture (and never remake an old one):
    .venv/bin/python -m tests.test_schema_versions
"""

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from ita_desktop.services import offices, results, share
from ita_desktop.storage.database import open_database, schema_version
from ita_desktop.storage.migrations import MIGRATION_NAMES

FIXTURES = Path(__file__).parent / "fixtures" / "schema"


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.glob("v*.sqlite"), key=lambda p: int(p.stem[1:]))


def write_fixture(path: Path) -> None:
    """A small file of the current schema, holding a little of everything, as one file."""
    from tests.builders import fill_sample_year, sample_office

    db = open_database(path)
    office_id = offices.create_office(db, office=sample_office())
    fill_sample_year(db, office_id)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("VACUUM")
    db.close()


def test_the_current_schema_version_has_a_fixture():
    current = FIXTURES / f"v{len(MIGRATION_NAMES)}.sqlite"
    assert current.exists(), f"make {current}: .venv/bin/python -m tests.test_schema_versions"


@pytest.mark.parametrize("fixture", fixture_files(), ids=lambda p: p.stem)
def test_every_older_schema_opens_and_migrates(fixture, tmp_path):
    copy = tmp_path / fixture.name
    shutil.copyfile(fixture, copy)  # the fixture itself is never migrated in place
    conn = sqlite3.connect(copy)
    version = conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    conn.close()
    assert fixture.stem == f"v{version}"
    db = open_database(copy)
    assert schema_version(db) == len(MIGRATION_NAMES)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    office = offices.find_office(db, None)
    assert office.name == "องค์การบริหารส่วนตำบลทดสอบ"
    content = share.export_content(db, office_id=office.id)
    assert [a["year"] for a in content["assessments"]] == [2568]
    assert content["plans"][0]["measures"][0]["steps"][0] == "ร่างคู่มือ"
    assessment_id = results.find_assessment(db, office.id, 2568).id
    results.set_score(db, assessment_id=assessment_id, scope="overall", key="", value="90.5")
    db.close()


if __name__ == "__main__":
    target = FIXTURES / f"v{len(MIGRATION_NAMES)}.sqlite"
    if target.exists():
        sys.exit(f"{target} exists already: a shipped version's fixture is never remade")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_fixture(target)
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")
