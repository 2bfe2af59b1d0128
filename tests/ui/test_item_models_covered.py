"""Every item model of the window is checked by pytest-qt's qtmodeltester somewhere in tests/ui.

A model Qt's views misuse (wrong row counts, bad indexes, resets without notice) fails in
ways that are hard to trace, so a new model must come with a qtmodeltester check.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel

import recount.ui


def _models() -> dict[str, type]:
    found = {}
    for info in pkgutil.iter_modules(recount.ui.__path__):
        module = importlib.import_module(f"recount.ui.{info.name}")
        for name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, QAbstractItemModel) and obj.__module__ == module.__name__:
                found[name] = obj
    return found


def test_every_item_model_has_a_qtmodeltester_check():
    tests = Path(__file__).parent
    checked: set[str] = set()
    for path in tests.glob("test_*.py"):
        text = path.read_text(encoding="utf-8")
        if "qtmodeltester.check" in text:
            checked |= set(re.findall(r"\b([A-Z]\w*(?:Model|Filter|Proxy))\(", text))
    models = _models()
    assert {"ClaimsModel", "ClaimsFilter", "ArticlesModel"} <= set(models)
    missing = sorted(set(models) - checked)
    assert not missing, f"item models without a qtmodeltester check in tests/ui: {missing}"
