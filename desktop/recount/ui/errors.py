"""One place where failures reach the user: known problems get a clear dialog, bugs a report.

A *known* problem (unreadable file, corrupt/locked/read-only library, full disk) says what
happened and what to do. Anything else is a bug: the user sees an apology and a report
they can copy. Dialogs are opened window-modal with `open()`, never `exec()`, so no nested
event loop blocks the window (or a test).
"""

from __future__ import annotations

import errno
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def known_message(exc: BaseException) -> str | None:
    """What to tell the user about a problem they can act on; None for a bug."""
    from recount.library.errors import LibraryError
    from recount.reading import UnreadableFile
    from recount.ui.operations import NotInLibrary

    if isinstance(exc, LibraryError):
        return exc.user_message
    if isinstance(exc, UnreadableFile):
        return f"{exc}\n\nRecount reads plain text (.txt), Markdown (.md) and web pages (.html)."
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return "The disk is full. Nothing was lost: free some space and try again."
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        name = exc.filename or "the file"
        return f"Recount is not allowed to use {name}. Check its permissions, or choose another place."
    if isinstance(exc, OSError) and exc.errno == errno.ENOENT:
        return f"{exc.filename or 'The file'} does not exist (any more). Check the name and try again."
    if isinstance(exc, NotInLibrary):
        return str(exc)
    return None


def bug_report(exc: BaseException, tb_text: str | None = None) -> str:
    from recount import __version__

    tb_text = tb_text or getattr(exc, "traceback_text", None) or "".join(
        traceback.format_exception(type(exc), exc, exc.__traceback__)
    )
    try:
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import qVersion

        qt = f"Qt {qVersion()}, PySide6 {pyside}"
    except ImportError:  # pragma: no cover - Qt is a dependency of the window
        qt = "Qt unknown"
    return (
        f"Recount {__version__} · Python {platform.python_version()} · {qt} · "
        f"{platform.system()} {platform.release()}\n\n{tb_text}"
    )


def show_message(parent: QWidget | None, title: str, text: str, icon=QMessageBox.Icon.Warning) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("recountMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def report(parent: QWidget | None, exc: BaseException, doing: str = "") -> QMessageBox:
    """Tell the user about `exc`: a clear message for a known problem, a copyable report for a bug."""
    message = known_message(exc)
    lead = f"Could not {doing}." if doing else "Something went wrong."
    if message is not None:
        return show_message(parent, "Recount", f"{lead}\n\n{message}")
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Recount: unexpected error",
        f"{lead}\n\nThis is a bug in Recount, not something you did. Your text is still in the window. "
        "Please send the report below (Show Details… → select all → copy) to the developers.",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("recountBug")
    box.setDetailedText(bug_report(exc))
    copy = box.addButton("Copy report", QMessageBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: QApplication.clipboard().setText(box.detailedText()))
    box.open()
    return box


_previous_hook = sys.excepthook


def install_excepthook() -> None:
    """Uncaught exceptions in slots become a bug-report dialog instead of a console traceback."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            _previous_hook(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        sys.stderr.write(text)
        exc.traceback_text = text  # type: ignore[attr-defined]
        app = QApplication.instance()
        if app is not None:
            report(QApplication.activeWindow(), exc)

    sys.excepthook = hook
