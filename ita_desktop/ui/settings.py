"""Typed window settings (geometry, last and recent files, last page); never business data."""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class Settings:
    """One typed property per key, so a misspelt key is an AttributeError, not a silent default.

    The app uses an INI file in the user's config folder; tests pass their own file.
    """

    def __init__(self, store: QSettings):
        self._store = store

    @classmethod
    def default(cls) -> "Settings":
        return cls(
            QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, "ITA Desktop", "ITA Desktop"
            )
        )

    @classmethod
    def at(cls, path: Path) -> "Settings":
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    @property
    def last_page(self) -> str:
        return str(self._store.value("window/last_page", "") or "")

    @last_page.setter
    def last_page(self, key: str) -> None:
        self._store.setValue("window/last_page", key)

    @property
    def last_file(self) -> Path | None:
        value = self._store.value("files/last", "")
        return Path(value) if value else None

    @property
    def recent_files(self) -> list[Path]:
        value = self._store.value("files/recent", [])
        # An INI list of one element reads back as a plain string.
        names = [value] if isinstance(value, str) else list(value or [])
        return [Path(n) for n in names if n][:MAX_RECENT]

    def remember_file(self, path: Path) -> None:
        """``path`` becomes the last file and moves to the top of the recent list."""
        path = Path(path).resolve()
        recent = [p for p in self.recent_files if p != path]
        self._store.setValue("files/last", str(path))
        self._store.setValue("files/recent", [str(p) for p in [path, *recent][:MAX_RECENT]])

    def forget_file(self, path: Path) -> None:
        path = Path(path).resolve()
        self._store.setValue("files/recent", [str(p) for p in self.recent_files if p != path])
        if self.last_file == path:
            self._store.remove("files/last")

    def sync(self) -> None:
        self._store.sync()
