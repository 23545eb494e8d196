"""Widgets shared by the pages: score fields, self-saving texts, sections, tables, Thai wrapping."""
