"""One check, read everywhere: the window, each export format and the CLI show the same
figures, flag labels and explanations for the same flagged claims (recount.wording and
recount.checked are their one home)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from _window_helpers import CHECK_TIMEOUT, CORPUS, close_message_boxes, fill_library, temp_settings
from PySide6.QtCore import Qt

from recount.export import FORMATS
from recount.ui.claims_model import FIGURE, FLAG
from recount.ui.main_window import MainWindow

EARLIER = ["ostrelo-meridian-2025-03-06", "ostrelo-herald-2025-03-10", "ostrelo-continental-2025-03-12",
           "ostrelo-eastwatch-2025-03-12"]
LATER = "ostrelo-continental-2025-03-17"


def _window_view(window: MainWindow) -> dict[str, tuple[str, list[str], list[str]]]:
    """Flagged claims as the claims table shows them: span -> (figure, labels, explanations)."""
    model = window.claims_panel.model
    seen: dict[str, tuple[str, list[str], list[str]]] = {}
    for r in range(model.rowCount()):
        tip = model.data(model.index(r, FLAG), Qt.ItemDataRole.ToolTipRole)
        if not model.data(model.index(r, FLAG)):
            continue
        row = model.claim_row(r)
        lines = tip.splitlines()
        labels = [line.split(": ", 1)[0] for line in lines]
        explanations = [line.split(": ", 1)[1] for line in lines]
        seen[row.claim.span] = (model.data(model.index(r, FIGURE)), labels, explanations)
    return seen


def _export_from_window(qtbot, window: MainWindow, folder: Path) -> dict[str, str]:
    texts = {}
    for fmt, (suffix, _label) in FORMATS.items():
        target = folder / f"window{suffix}"
        window.export(ask=lambda *_a, t=target, f=fmt: (str(t), f))
        qtbot.waitUntil(lambda t=target: t.exists() and window.export_task.done, timeout=CHECK_TIMEOUT)
        close_message_boxes()
        texts[fmt] = target.read_text(encoding="utf-8")
    return texts


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    r = subprocess.run([sys.executable, "-m", "recount", "--db", str(db), *args], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r


def test_window_exports_and_cli_word_the_same_check_alike(qtbot, qtmodeltester, tmp_path):
    db = tmp_path / "library.db"
    fill_library(db, EARLIER)
    report = tmp_path / f"{LATER}.txt"
    for suffix in (".txt", ".json"):
        shutil.copy(CORPUS / f"{LATER}{suffix}", tmp_path / f"{LATER}{suffix}")

    window = MainWindow(db, temp_settings(tmp_path), first_run=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.library_state == "open", timeout=5000)
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        window.open_file(str(report))
    shown = _window_view(window)
    qtmodeltester.check(window.claims_panel.model, force_py=True)  # the model of a real check
    assert shown, "the falling running total should be flagged"
    assert any("Running total fell" in labels for _f, labels, _e in shown.values())

    exported = _export_from_window(qtbot, window, tmp_path)
    for fmt, (suffix, _label) in FORMATS.items():  # the CLI writes the same files
        _cli(db, "check", str(report), "--export", str(tmp_path / f"cli{suffix}"))
        cli_text = (tmp_path / f"cli{suffix}").read_text(encoding="utf-8")
        if fmt == "json":
            window_data, cli_data = json.loads(exported[fmt]), json.loads(cli_text)
            window_data.pop("elapsed_ms"), cli_data.pop("elapsed_ms")
            assert cli_data == window_data
        else:
            assert cli_text == exported[fmt], fmt

    # CSV: one row per claim; the flagged ones are the window's, with the same words.
    rows = {r["span"]: r for r in csv.DictReader(io.StringIO(exported["csv"]))}
    assert {s for s, r in rows.items() if r["flagged"] == "yes"} == set(shown)
    for span, (figure, labels, explanations) in shown.items():
        assert rows[span]["figure"] == figure
        assert rows[span]["flag_labels"] == "; ".join(dict.fromkeys(labels))
        assert rows[span]["flag_explanations"] == " | ".join(explanations)

    # JSON: the claims' figures and flags; each discrepancy carries the window's label.
    data = json.loads(exported["json"])
    flagged = {c["span"]: c for c in data["claims"] if c["flags"]}
    assert set(flagged) == set(shown)
    labels_by_text = {d["explanation"]: d["label"] for d in data["discrepancies"]}
    for span, (figure, labels, explanations) in shown.items():
        assert flagged[span]["figure"] == figure
        assert [labels_by_text[e] for e in explanations] == labels

    # ClaimReview: one review per flagged claim, rated with the same labels and explanations.
    reviews = json.loads(exported["claimreview"])
    assert len(reviews) == len(shown)
    for review in reviews:
        span = next(s for s in shown if s in review["claimReviewed"])
        _figure, labels, explanations = shown[span]
        assert review["reviewRating"]["alternateName"] == "; ".join(dict.fromkeys(labels))
        assert review["reviewBody"] == " ".join(explanations)

    # HTML and Markdown: a flagged row per flagged claim, with its figure, badge and explanation.
    assert exported["html"].count("<tr class=flagged>") == len(shown)
    assert len(re.findall(r"^\| \d+ \| ⚑ \|", exported["md"], re.MULTILINE)) == len(shown)
    for figure, labels, explanations in shown.values():
        for label, explanation in zip(labels, explanations, strict=True):
            assert f'<span class="badge">{html.escape(label)}</span>' in exported["html"]
            assert html.escape(explanation) in exported["html"]
            assert f"### {label} —" in exported["md"]
        assert html.escape(figure) in exported["html"] and f"| {figure} |" in exported["md"]

    # The CLI's own text: each flag as the window's tooltip words it, each flagged claim marked.
    text = _cli(db, "check", str(report)).stdout
    for span, (figure, labels, explanations) in shown.items():
        for label, explanation in zip(labels, explanations, strict=True):
            assert f"⚑ {label}: {explanation}" in text
        assert f"“{span}” ({figure})" + "".join(f" ⚑ {label}" for label in labels) in text
    window.close()
