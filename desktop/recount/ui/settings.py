"""The user's preferences, kept with QSettings: library location, thresholds, window layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORG = "Recount"
APP = "Recount"


def _default_thresholds() -> tuple[float, float]:
    """The core's own defaults, so the dialog starts where the checker does."""
    from recount.compare.match import Thresholds

    t = Thresholds()
    return float(t.suggested), float(t.confirmed)


class Settings:
    """Typed access to QSettings. Pass a QSettings (e.g. an .ini under tmp_path) in tests."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORG, APP)

    # ---- library
    @property
    def library_path(self) -> Path | None:
        value = self.store.value("library/path", "", str)
        return Path(value) if value else None

    @library_path.setter
    def library_path(self, path: Path | str | None) -> None:
        self.store.setValue("library/path", str(path) if path else "")

    @property
    def samples_offered(self) -> bool:
        return self.store.value("library/samples_offered", False, bool)

    @samples_offered.setter
    def samples_offered(self, value: bool) -> None:
        self.store.setValue("library/samples_offered", bool(value))

    # ---- matching
    @property
    def thresholds(self) -> tuple[float, float]:
        d_sug, d_conf = _default_thresholds()
        return (
            float(self.store.value("match/suggested", d_sug, float)),
            float(self.store.value("match/confirmed", d_conf, float)),
        )

    @thresholds.setter
    def thresholds(self, value: tuple[float, float]) -> None:
        suggested, confirmed = value
        if not 0 <= suggested <= confirmed <= 1:
            raise ValueError("thresholds must satisfy 0 ≤ suggested ≤ confirmed ≤ 1")
        self.store.setValue("match/suggested", float(suggested))
        self.store.setValue("match/confirmed", float(confirmed))

    def thresholds_object(self):
        """The core's Thresholds built from the user's values."""
        from recount.compare.match import Thresholds

        suggested, confirmed = self.thresholds
        return Thresholds(suggested=suggested, confirmed=confirmed)

    # ---- window
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def splitter(self, name: str) -> QByteArray | None:
        value = self.store.value(f"window/splitter_{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_splitter(self, name: str, state: QByteArray) -> None:
        self.store.setValue(f"window/splitter_{name}", state)

    @property
    def last_folder(self) -> str:
        return self.store.value("files/last_folder", "", str)

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self.store.setValue("files/last_folder", folder)

    def sync(self) -> None:
        self.store.sync()
