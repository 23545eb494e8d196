"""ITA Desktop: analyse, plan, track and print a Thai office's ITA results, offline."""

__version__ = "0.1.0"
