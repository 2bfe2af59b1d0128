"""Import dialog: a real folder into a real library, progress, Cancel mid-way, summary, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from recount.library.store import Library
from recount.ui.import_dialog import ImportDialog, summary_text


def _write_reports(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        day = i % 27 + 1
        (folder / f"report-{i:04d}.txt").write_text(
            f"Flood relief update number {i}\n\n"
            f"Officials in the river town of Tessaly said {i + 12} families were evacuated on March {day}, "
            f"2025, as water rose along the northern embankment. Volunteers counted {3 * i + 40} sandbags "
            f"filled before dawn, the district council said in bulletin {i}.\n",
            encoding="utf-8",
        )


@pytest.fixture
def dialog_for(qtbot, library_file):
    def make(paths) -> ImportDialog:
        d = ImportDialog(library_file, paths)
        qtbot.addWidget(d)
        return d

    return make


def test_folder_imported_with_summary_of_added_skipped_failed(qtbot, dialog_for, library_file, tmp_path):
    folder = tmp_path / "in"
    _write_reports(folder, 12)
    (folder / "copy-of-0.txt").write_text((folder / "report-0000.txt").read_text("utf-8"), "utf-8")
    (folder / "blank.txt").write_text("   \n", "utf-8")
    dialog = dialog_for([folder])
    with qtbot.waitSignal(dialog.importFinished, timeout=30000) as blocker:
        dialog.show()  # paths given: the import starts by itself
    report = blocker.args[0]
    assert len(report.added) == 12 and len(report.skipped) == 1 and len(report.failed) == 1
    assert dialog.pages.currentIndex() == 2
    assert dialog.headline.text().startswith("Added 12 reports · skipped 1 · failed 1")
    details = dialog.details.toPlainText()
    assert "blank.txt — no text" in details and "already in the library" in details
    dialog.copy_details()
    assert QApplication.clipboard().text() == details == summary_text(report)
    with Library.open(library_file) as lib:
        assert lib.count_articles() == 12


def test_cancel_midway_keeps_what_was_imported(qtbot, dialog_for, library_file, tmp_path):
    folder = tmp_path / "many"
    _write_reports(folder, 400)
    dialog = dialog_for([folder])
    dialog.show()
    qtbot.waitUntil(lambda: dialog.task is not None, timeout=2000)
    qtbot.waitUntil(lambda: dialog.bar.value() > 0, timeout=20000)
    assert dialog.pages.currentIndex() == 1 and dialog.current_label.text().strip()
    with qtbot.waitSignal(dialog.importFinished, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert not dialog.cancel_button.isEnabled()
    report = blocker.args[0]
    assert report.cancelled and 0 < len(report.added) < 400
    assert "cancelled" in dialog.headline.text()
    with Library.open(library_file) as lib:  # intact, and holds exactly what was reported
        assert lib.count_articles() == len(report.added)
        assert {a.ext_id for a in lib.articles(limit=1000)} >= {Path(report.added[0].name).stem}


def test_without_paths_the_user_chooses_first(qtbot, dialog_for, library_file, tmp_path):
    dialog = dialog_for([])
    dialog.show()
    assert dialog.pages.currentIndex() == 0 and not dialog.start_button.isEnabled()
    assert dialog.task is None
    _write_reports(tmp_path / "a", 3)
    dialog.add_paths([tmp_path / "a", tmp_path / "a"])
    assert dialog.path_list.count() == 1 and dialog.start_button.isEnabled()
    with qtbot.waitSignal(dialog.importFinished, timeout=30000) as blocker:
        dialog.start_button.click()
    assert len(blocker.args[0].added) == 3


def test_missing_file_is_a_failure_not_a_crash(qtbot, dialog_for, tmp_path):
    dialog = dialog_for([tmp_path / "nowhere.txt"])
    with qtbot.waitSignal(dialog.importFinished, timeout=30000) as blocker:
        dialog.show()
    assert blocker.args[0].failed[0].reason == "no such file or folder"


def test_unusable_library_reports_clearly(qtbot, tmp_path):
    folder = tmp_path / "in"
    _write_reports(folder, 2)
    not_a_file = tmp_path / "dir.db"
    not_a_file.mkdir()
    dialog = ImportDialog(not_a_file, [folder])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.done, timeout=10000)
    assert dialog.headline.text() == "Nothing was imported."
    assert "is a folder" in dialog.details.toPlainText()
    box = dialog.findChild(QMessageBox)
    assert box is not None and "is a folder" in box.text()
    box.close()


def test_closing_while_running_cancels_then_closes(qtbot, dialog_for, tmp_path, library_file):
    folder = tmp_path / "many"
    _write_reports(folder, 300)
    dialog = dialog_for([folder])
    dialog.show()
    qtbot.waitUntil(lambda: dialog.task is not None, timeout=2000)
    with qtbot.waitSignal(dialog.importFinished, timeout=30000) as blocker:
        dialog.reject()  # Esc
        assert dialog.isVisible()  # waits for the worker to stop
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert blocker.args[0].cancelled or len(blocker.args[0].added) == 300


def test_a_library_problem_midway_is_shown_with_what_was_kept(qtbot, dialog_for):
    from recount.library.importer import ImportItem, ImportReport

    dialog = dialog_for([])
    report = ImportReport(added=[ImportItem("a.txt", "", 1, 4)],
                          failed=[ImportItem("b.txt", "The disk holding the library is full.")],
                          stopped="The disk holding the library is full.")
    with qtbot.waitSignal(dialog.importFinished, timeout=1000):
        dialog._finished(report)
    assert dialog.pages.currentIndex() == 2 and not dialog.stopped_label.isHidden()
    assert "disk holding the library is full" in dialog.stopped_label.text()
    details = dialog.details.toPlainText()
    assert "Stopped:" in details and "a.txt (4 claims)" in details and "b.txt — The disk" in details
