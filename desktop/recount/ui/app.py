"""Application start-up: the QApplication, the crash hook, and the window on the chosen library."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from recount.ui.settings import APP, ORG, Settings


def ensure_display(headless: bool) -> None:
    """Headless runs (--smoke, --screenshot, CI) draw offscreen when there is no display."""
    if headless and sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if headless:
        from PySide6.QtCore import qInstallMessageHandler

        previous = None

        def quiet(mode, context, message: str) -> None:
            # The offscreen platform warns about window hints it cannot honour: noise, not news.
            if "propagateSizeHints" in message:
                return
            if previous is not None:
                previous(mode, context, message)
            else:
                sys.stderr.write(message + "\n")

        previous = qInstallMessageHandler(quiet)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv or [sys.argv[0]])
    from recount import __version__

    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationDisplayName(APP)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.recount.Recount")
    from recount.ui.main_window import app_icon

    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app  # type: ignore[return-value]


def library_for(explicit: str | None, settings: Settings) -> Path:
    """--db / $RECOUNT_DB first, then the location chosen in Settings, then the default."""
    from recount.paths import library_path

    if explicit or os.environ.get("RECOUNT_DB"):
        return library_path(explicit)
    return settings.library_path or library_path(None)


def has_display() -> bool:
    """False on a Linux machine with no X11/Wayland display and no platform chosen."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_window(db: str | None, files: Sequence[str] = (), settings: Settings | None = None) -> Any:
    """The main window, shown, with the first file given on the command line opened in it
    (how "Open with Recount" and a double-clicked report reach the app)."""
    from recount.ui.main_window import MainWindow

    settings = settings or Settings()
    window = MainWindow(library_for(db, settings), settings)
    window.show()
    if files:
        window.open_file(str(files[0]))
    return window


def run_window(db: str | None, files: Sequence[str] = ()) -> int:
    if not has_display():
        print("recount: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset).\n"
              "Run it from a desktop session, or use `recount --smoke`, `recount --screenshot OUT.png`, "
              "or the commands in `recount --help`.", file=sys.stderr)
        return 1
    app = make_app()
    from recount.ui.errors import install_excepthook

    install_excepthook()
    window = open_window(db, files)  # noqa: F841  (kept alive while the event loop runs)
    code = app.exec()
    QThreadPool.globalInstance().waitForDone(5000)  # no worker may outlive the interpreter
    return code
