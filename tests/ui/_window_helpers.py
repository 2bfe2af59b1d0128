"""Shared set-up for the window tests: real temporary libraries and throwaway settings."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from recount.claims.model import Article, claim_from_dict
from recount.ui.settings import Settings

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CHECK_TIMEOUT = 30000


def corpus_article(name: str) -> Article:
    meta = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8").strip("\n")
    return Article(text=text, published=meta["published"], title=meta["title"], outlet=meta["outlet"],
                   id=meta["id"], published_from="metadata")


def corpus_claims(name: str, text: str):
    meta = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    return [claim_from_dict(c, text) for c in meta["claims"]]


def fill_library(path: Path, names: list[str]) -> None:
    """Import corpus reports (text + sidecar metadata) through the real importer."""
    from recount.library.importer import import_paths
    from recount.library.store import Library

    with Library.open(path) as lib:
        report = import_paths(lib, [CORPUS / f"{n}.txt" for n in names])
    assert len(report.added) == len(names), report.summary()


def temp_settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def open_dialogs(kind=QDialog) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def close_message_boxes() -> list[str]:
    """Close every visible message box; return their texts (so a test can assert on them)."""
    texts = []
    for box in open_dialogs(QMessageBox):
        texts.append(box.text())
        box.done(0)
    return texts
