"""Schema migrations, numbered, applied in order. Never edit a shipped one: add another."""

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("ita_desktop")
MIGRATION_NAMES: list[str] = []


def migration(fn):
    MIGRATION_NAMES.append(fn.__name__)
    return MIGRATIONS(name=fn.__name__)(fn)


def _run(db: Database, script: str) -> None:
    # executescript() would COMMIT the migration's transaction half-way: run statement by statement.
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)


@migration
def m001_initial(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE office (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT '',
            district TEXT NOT NULL DEFAULT '',
            province TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            logo BLOB,
            logo_mime TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE unit (
            id INTEGER PRIMARY KEY,
            office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL
        );
        CREATE INDEX unit_office ON unit(office_id, position);
        CREATE TABLE signatory (
            id INTEGER PRIMARY KEY,
            office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX signatory_office ON signatory(office_id, position);

        -- Criteria the clerk copied and edited; a year absent here comes from forms/criteria.
        CREATE TABLE criteria (
            year INTEGER PRIMARY KEY,
            body TEXT NOT NULL
        );

        CREATE TABLE assessment (
            id INTEGER PRIMARY KEY,
            office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            year INTEGER NOT NULL,
            -- the criteria as they were when the results were entered (JSON)
            criteria_snapshot TEXT NOT NULL,
            stakeholder_comments TEXT NOT NULL DEFAULT '',
            UNIQUE (office_id, year)
        );
        -- Decimal figures are kept as text so that 93.96 stays 93.96.
        CREATE TABLE score (
            assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
            scope TEXT NOT NULL CHECK (scope IN ('overall', 'part', 'indicator', 'item')),
            key TEXT NOT NULL,
            value TEXT,
            previous TEXT,
            PRIMARY KEY (assessment_id, scope, key)
        );
        CREATE TABLE recommendation (
            assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
            instrument TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (assessment_id, instrument)
        );
        CREATE TABLE poll_answer (
            id INTEGER PRIMARY KEY,
            assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question TEXT NOT NULL DEFAULT '',
            answer TEXT NOT NULL,
            percent TEXT NOT NULL
        );
        -- The clerk's own analysis texts, per indicator ('indicator:3') or section ('overall').
        CREATE TABLE analysis_text (
            assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (assessment_id, key)
        );

        CREATE TABLE plan (
            id INTEGER PRIMARY KEY,
            office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            year INTEGER NOT NULL,
            source_year INTEGER,
            meeting_date TEXT,
            intro TEXT NOT NULL DEFAULT '',
            UNIQUE (office_id, year)
        );
        -- Ordered lists (steps, responsible units, linked indicators and items) are JSON arrays.
        CREATE TABLE measure (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            indicator INTEGER,
            issue TEXT NOT NULL DEFAULT '',
            measure TEXT NOT NULL DEFAULT '',
            analysis TEXT NOT NULL DEFAULT '',
            steps TEXT NOT NULL DEFAULT '[]',
            responsible TEXT NOT NULL DEFAULT '[]',
            period_kind TEXT NOT NULL DEFAULT '',
            period_start TEXT NOT NULL DEFAULT '',
            period_end TEXT NOT NULL DEFAULT '',
            period_text TEXT NOT NULL DEFAULT '',
            follow_up TEXT NOT NULL DEFAULT '',
            expected_result TEXT NOT NULL DEFAULT '',
            indicators TEXT NOT NULL DEFAULT '[]',
            items TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX measure_plan ON measure(plan_id, position);
        CREATE TABLE progress (
            measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
            round INTEGER NOT NULL CHECK (round IN (6, 12)),
            status TEXT NOT NULL,
            date_done TEXT,
            results TEXT NOT NULL DEFAULT '[]',
            outcome TEXT NOT NULL DEFAULT '',
            remark TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (measure_id, round)
        );

        CREATE TABLE suggestion (
            id INTEGER PRIMARY KEY,
            indicator INTEGER,
            item_code TEXT NOT NULL DEFAULT '',
            issue TEXT NOT NULL DEFAULT '',
            measure TEXT NOT NULL,
            steps TEXT NOT NULL DEFAULT '[]',
            responsible TEXT NOT NULL DEFAULT '[]',
            follow_up TEXT NOT NULL DEFAULT '',
            expected_result TEXT NOT NULL DEFAULT '',
            builtin INTEGER NOT NULL DEFAULT 0
        );
        """,
    )
