"""Tests of the report engine."""
