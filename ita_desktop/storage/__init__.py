"""sqlite-utils storage: opening, pragmas, migrations, queries and writes."""
