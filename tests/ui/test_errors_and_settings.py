"""Failures a user can cause end in a clear dialog and lose nothing; settings are kept."""

from __future__ import annotations

import sys

import pytest
from _window_helpers import CHECK_TIMEOUT, close_message_boxes, open_dialogs, temp_settings
from PySide6.QtWidgets import QMessageBox

from recount.ui import errors
from recount.ui.main_window import MainWindow
from recount.ui.settings_dialog import SettingsDialog

PASTED = "At least 23 people were killed in Ostrelo on Tuesday, the Health Ministry said."


@pytest.fixture
def window_on(qtbot, tmp_path):
    def make(library, settings=None) -> MainWindow:
        window = MainWindow(library, settings or temp_settings(tmp_path), first_run=False)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def test_corrupt_library_gets_a_clear_dialog_and_the_window_still_checks(qtbot, tmp_path, window_on):
    bad = tmp_path / "library.db"
    bad.write_bytes(b"this is not a database, just some bytes " * 200)
    window = window_on(bad)
    qtbot.waitUntil(lambda: bool(open_dialogs(QMessageBox)), timeout=3000)
    texts = close_message_boxes()
    assert any("damaged" in t and "not changed" in t for t in texts), texts
    assert "Traceback" not in "".join(texts)
    assert bad.read_bytes().startswith(b"this is not a database")  # left exactly as it was
    assert "no library" in window.status_label.text()
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        window.article_pane.editor.setPlainText(PASTED)
    assert any("23" in r.claim.span for r in window.rows)


def test_unreadable_file_keeps_the_pasted_text(qtbot, tmp_path, window_on):
    window = window_on(tmp_path / "library.db")
    window.article_pane.editor.setPlainText(PASTED)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    with qtbot.waitSignal(window.taskFinished, timeout=CHECK_TIMEOUT):
        window.open_file(str(binary))
    texts = close_message_boxes()
    assert texts and "photo.txt" in texts[0] and "Could not open" in texts[0]
    assert window.article_pane.text() == PASTED

    with qtbot.waitSignal(window.taskFinished, timeout=CHECK_TIMEOUT):
        window.open_file(str(tmp_path / "missing.txt"))
    texts = close_message_boxes()
    assert texts and "no such file" in texts[0]
    assert window.article_pane.text() == PASTED


def test_read_only_library_on_save_says_what_to_do(qtbot, tmp_path, window_on):
    import os

    if os.geteuid() == 0:
        # root writes through permissions; make the failure real another way: a library path
        # that is a folder cannot be saved to.
        target = tmp_path / "folder.db"
        target.mkdir()
    else:
        target = tmp_path / "ro" / "library.db"
        target.parent.mkdir()
        target.parent.chmod(0o500)
    window = window_on(target)
    qtbot.waitUntil(lambda: bool(open_dialogs(QMessageBox)), timeout=3000)
    texts = close_message_boxes()
    assert texts and ("folder" in texts[0] or "cannot be written" in texts[0])
    window.article_pane.editor.setPlainText(PASTED)
    assert not window.actions_.save.isEnabled()  # no library: nothing to save into
    assert window.article_pane.text() == PASTED


def test_a_bug_shows_a_report_the_user_can_copy(qtbot, tmp_path, window_on, monkeypatch):
    window = window_on(tmp_path / "library.db")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install_excepthook()
    try:
        raise ZeroDivisionError("boom in a slot")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    boxes = [b for b in open_dialogs(QMessageBox) if b.objectName() == "recountBug"]
    assert boxes
    report = boxes[0].detailedText()
    assert "ZeroDivisionError: boom in a slot" in report and "Recount" in report and "Python" in report
    copy = next(b for b in boxes[0].buttons() if b.text() == "Copy report")
    copy.click()
    from PySide6.QtWidgets import QApplication

    assert "ZeroDivisionError" in QApplication.clipboard().text()
    close_message_boxes()
    assert window.isVisible()


def test_known_messages_are_told_apart_from_bugs(tmp_path):
    import errno

    from recount.library.errors import disk_full
    from recount.reading import UnreadableFile

    assert "disk" in errors.known_message(disk_full(tmp_path / "x.db")).lower()
    assert "full" in errors.known_message(OSError(errno.ENOSPC, "No space left on device"))
    assert "bad.txt" in errors.known_message(UnreadableFile("bad.txt: not text"))
    assert errors.known_message(KeyError("x")) is None  # a bug, not the user's doing
    from recount.ui.operations import NotInLibrary

    assert errors.known_message(NotInLibrary("Report 3 is no longer in the library.")).startswith("Report 3")


def test_settings_are_kept(qtbot, tmp_path, window_on):
    settings = temp_settings(tmp_path)
    window = window_on(tmp_path / "library.db", settings)
    window.actions_.settings.trigger()
    dialog = next(d for d in open_dialogs(SettingsDialog))
    dialog.suggested.setValue(0.4)
    dialog.confirmed.setValue(0.9)
    dialog.library.setText(str(tmp_path / "elsewhere.db"))
    with qtbot.waitSignal(window.libraryReady, timeout=5000):
        dialog.accept()
    assert window.library_path == tmp_path / "elsewhere.db"
    assert (tmp_path / "elsewhere.db").exists()
    assert "elsewhere.db" in window.status_label.text()

    reread = temp_settings(tmp_path)
    assert reread.thresholds == pytest.approx((0.4, 0.9))
    assert reread.library_path == tmp_path / "elsewhere.db"
    assert window.settings.thresholds_object().confirmed == pytest.approx(0.9)


def test_thresholds_stay_ordered(qtbot, tmp_path):
    dialog = SettingsDialog(tmp_path / "x.db", (0.5, 0.8))
    qtbot.addWidget(dialog)
    dialog.suggested.setValue(0.95)
    assert dialog.confirmed.value() >= 0.95
    assert dialog.values()[0] == tmp_path / "x.db"
    with pytest.raises(ValueError):
        temp_settings(tmp_path).thresholds = (0.9, 0.2)


def test_a_library_kept_busy_by_another_program(qtbot, tmp_path, window_on, monkeypatch):
    import sqlite3

    from recount.library.store import Library
    from recount.ui import operations

    monkeypatch.setattr(operations, "LIBRARY_TIMEOUT", 0.3)
    path = tmp_path / "busy.db"
    Library.open(path).close()
    window = window_on(path)
    qtbot.waitUntil(lambda: window.library_state == "open", timeout=5000)
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        window.article_pane.editor.setPlainText(PASTED)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with qtbot.waitSignal(window.taskFinished, timeout=CHECK_TIMEOUT):
            window.save_to_library()
        texts = close_message_boxes()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert texts and "busy" in texts[0] and "try again" in texts[0].lower()
    assert window.article_pane.text() == PASTED
    with qtbot.waitSignal(window.taskFinished, timeout=CHECK_TIMEOUT):
        window.save_to_library()  # once the other program is done, saving works
    assert window.report_count() == 1
