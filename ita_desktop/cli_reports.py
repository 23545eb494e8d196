"""Report commands of the command line (`report`, `layouts`); filled in by the report engine."""

REPORT_COMMANDS: dict = {}


def add_report_commands(sub, common) -> None:
    """No report commands yet."""
