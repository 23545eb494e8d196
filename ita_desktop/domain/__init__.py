"""Plain Python: records, criteria definitions, scoring, analysis, Thai text rules."""
