"""Shared fixtures: a real SQLite file in a temp folder, settings and data folders redirected."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "ita.sqlite"


@pytest.fixture
def db(db_path):
    from ita_desktop.storage.database import open_database

    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
