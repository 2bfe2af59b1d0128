"""`recount REPORT.txt` ("Open with Recount", a double-click) opens the window on that report."""

from __future__ import annotations

import os
import subprocess
import sys

from _window_helpers import CHECK_TIMEOUT, CORPUS, temp_settings

from recount.ui.app import open_window

REPORT = CORPUS / "ostrelo-continental-2025-03-17.txt"


def test_a_file_given_on_the_command_line_is_opened_and_checked(qtbot, tmp_path):
    window = open_window(str(tmp_path / "library.db"), [str(REPORT)], settings=temp_settings(tmp_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        pass
    assert "174 people" in window.article_pane.text()
    assert window.rows


def _recount(*args: str, tmp_path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["RECOUNT_DB"] = str(tmp_path / "library.db")
    return subprocess.run([sys.executable, "-m", "recount", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_a_report_path_routes_to_the_window(tmp_path):
    # No display here: reaching the window's own message proves the path went to the window.
    done = _recount(str(REPORT), tmp_path=tmp_path)
    assert done.returncode == 1
    assert "no display" in done.stderr


def test_a_word_that_is_neither_command_nor_file_is_a_usage_error(tmp_path):
    done = _recount("no-such-report.txt", tmp_path=tmp_path)
    assert done.returncode == 2
    assert "invalid choice" in done.stderr
