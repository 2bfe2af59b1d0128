"""Export from the window: format by filter or suffix, written on a worker, outcome told clearly."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from recount.ui.export_dialog import (
    AUTHOR_KEY,
    FOLDER_KEY,
    FORMAT_KEY,
    choose_and_export,
    export_to,
    file_filters,
    resolve_target,
    suggested_name,
)

sys.path.insert(0, str(Path(__file__).parent.parent))
from test_export import real_result


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def result(tmp_path):
    return real_result(tmp_path / "library.db")


def _box(parent, name):
    boxes = [b for b in parent.findChildren(QMessageBox) if b.objectName() == name]
    return boxes[-1] if boxes else None


def test_filters_and_names():
    fmts = [f for f, _ in file_filters()]
    assert fmts == ["html", "md", "csv", "json", "claimreview"]
    assert dict(file_filters())["claimreview"].endswith("(*.jsonld)")
    assert resolve_target("/tmp/x/report", "csv") == (Path("/tmp/x/report.csv"), "csv")
    assert resolve_target("/tmp/x/report.md", "csv") == (Path("/tmp/x/report.md"), "md")  # the suffix wins


def test_suggested_name_is_safe(result):
    name = suggested_name(result, "html")
    assert name.endswith(".html") and "/" not in name and " " not in name
    assert name.startswith("thousands-leave-ostrelo")


def test_choose_and_export_writes_the_chosen_format_and_remembers(qtbot, parent, settings, result, tmp_path):
    settings.setValue(AUTHOR_KEY, "Northgate Verify")
    asked = []

    def ask(_parent, start, preferred):
        asked.append((start, preferred))
        return str(tmp_path / "flags"), "claimreview"

    task = choose_and_export(parent, result, settings=settings, ask=ask)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert asked[0][1] == "html" and asked[0][0].endswith(".html")
    reviews = json.loads((tmp_path / "flags.jsonld").read_text(encoding="utf-8"))
    assert reviews and reviews[0]["author"]["name"] == "Northgate Verify"
    box = _box(parent, "exportDone")
    assert box is not None and str(tmp_path / "flags.jsonld") in box.text()
    assert settings.value(FOLDER_KEY) == str(tmp_path) and settings.value(FORMAT_KEY) == "claimreview"

    # Next time the dialog starts in the same folder with the same format.
    def ask_again(_parent, start, preferred):
        asked.append((start, preferred))
        return "", None

    choose_and_export(parent, result, settings=settings, ask=ask_again)
    assert asked[-1][1] == "claimreview" and asked[-1][0].startswith(str(tmp_path))


def test_cancelled_dialog_exports_nothing(parent, settings, result, tmp_path):
    assert choose_and_export(parent, result, settings=settings, ask=lambda *a: ("", None)) is None
    assert list(tmp_path.glob("*.html")) == []


def test_nothing_to_export_says_so(parent, settings):
    assert choose_and_export(parent, None, settings=settings, ask=lambda *a: ("x", "html")) is None
    box = parent.findChild(QMessageBox)
    assert box is not None and "Check an article first" in box.text()


def test_failure_is_reported_in_plain_words(qtbot, parent, result, tmp_path):
    outcome = []
    task = export_to(parent, result, tmp_path / "missing-folder" / "report.html", on_done=outcome.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert outcome == [None]
    box = _box(parent, "exportFailed")
    assert box is not None and "does not exist" in box.text() and "Traceback" not in box.text()


def test_every_format_through_the_worker(qtbot, parent, result, tmp_path):
    for fmt, _ in file_filters():
        outcome = []
        task = export_to(parent, result, tmp_path / f"check-{fmt}", fmt, on_done=outcome.append)
        with qtbot.waitSignal(task.finished, timeout=5000):
            pass
        assert outcome and outcome[0] is not None and outcome[0].stat().st_size > 200
    assert sorted(p.suffix for p in tmp_path.glob("check-*")) == [".csv", ".html", ".json", ".jsonld", ".md"]
