"""The one place that formats numbers and dates (Babel, Thai digits, พ.ศ.) and words."""
