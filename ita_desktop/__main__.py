"""`python -m ita_desktop` runs the command line (the window when called without a command)."""

from ita_desktop.cli import main

raise SystemExit(main())
