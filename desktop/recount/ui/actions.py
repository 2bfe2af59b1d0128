"""Every menu/toolbar action in one place: text, shortcut, tooltip. The window connects them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

Key = QKeySequence.StandardKey

# name -> (text, shortcut(s), tooltip, standard icon or None)
SPECS: dict[str, tuple[str, object, str, QStyle.StandardPixmap | None]] = {
    "new": ("&New article", Key.New, "Clear the article to paste another", QStyle.StandardPixmap.SP_FileIcon),
    "open": ("&Open…", Key.Open, "Open a report (.txt, .md, .html)",
             QStyle.StandardPixmap.SP_DialogOpenButton),
    "check": ("&Check", "Ctrl+Return", "Find the claims and check them against the library",
              QStyle.StandardPixmap.SP_BrowserReload),
    "save": ("&Save to library", Key.Save, "Keep this report in the library so later reports are checked "
             "against it", QStyle.StandardPixmap.SP_DialogSaveButton),
    "import": ("&Import…", "Ctrl+I", "Add files, folders, JSON Lines or CSV of reports to the library",
               QStyle.StandardPixmap.SP_ArrowDown),
    "export": ("&Export…", "Ctrl+E", "Save this check as HTML, Markdown, CSV, JSON or ClaimReview",
               QStyle.StandardPixmap.SP_ArrowUp),
    "quit": ("&Quit", Key.Quit, "Close Recount", None),
    "find": ("&Filter claims", Key.Find, "Search the claims table", None),
    "next_flag": ("&Next flag", "F8", "Select the next flagged claim", QStyle.StandardPixmap.SP_ArrowForward),
    "prev_flag": ("&Previous flag", "Shift+F8", "Select the previous flagged claim", None),
    "library": ("&Library", "Ctrl+L", "Show or hide the reports in your library",
                QStyle.StandardPixmap.SP_DirIcon),
    "confirm": ("&Confirm claim", "Ctrl+1", "Mark the selected claim as read correctly",
                QStyle.StandardPixmap.SP_DialogApplyButton),
    "reject": ("&Reject claim", "Ctrl+2", "Mark the selected claim as not a claim (it is no longer checked)",
               QStyle.StandardPixmap.SP_DialogCancelButton),
    "correct": ("Co&rrect claim…", "Ctrl+3", "Fix what Recount read wrong in the selected claim", None),
    "clear_review": ("C&lear review", "Ctrl+0", "Forget your decision on the selected claim", None),
    "dismiss": ("&Dismiss flag…", "Ctrl+D", "Dismiss the selected claim's flag, with a note", None),
    "settings": ("&Settings…", Key.Preferences, "Library location and match thresholds", None),
    "about": ("&About Recount", None, "Versions and licences", None),
}


@dataclass
class Actions:
    new: QAction
    open: QAction
    check: QAction
    save: QAction
    import_: QAction
    export: QAction
    quit: QAction
    find: QAction
    next_flag: QAction
    prev_flag: QAction
    library: QAction
    confirm: QAction
    reject: QAction
    correct: QAction
    clear_review: QAction
    dismiss: QAction
    settings: QAction
    about: QAction

    def review_actions(self) -> list[QAction]:
        return [self.confirm, self.reject, self.correct, self.clear_review, self.dismiss]


def build(parent: QWidget) -> Actions:
    made: dict[str, QAction] = {}
    style = parent.style()
    for name, (text, shortcut, tip, icon) in SPECS.items():
        action = QAction(text, parent)
        if shortcut is not None:
            if isinstance(shortcut, Key):
                keys = QKeySequence.keyBindings(shortcut)
            else:
                keys = [QKeySequence(shortcut)]
            if name == "check":
                keys.append(QKeySequence("Ctrl+Enter"))
            if name == "settings" and not keys:
                keys = [QKeySequence("Ctrl+,")]
            action.setShortcuts(keys)
            primary = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
            action.setToolTip(f"{tip} ({primary})" if primary else tip)
        else:
            action.setToolTip(tip)
        action.setStatusTip(tip)
        if icon is not None:
            action.setIcon(style.standardIcon(icon))
        action.setObjectName(f"action_{name}")
        made["import_" if name == "import" else name] = action
    made["library"].setCheckable(True)
    if made["quit"].shortcuts() == []:
        made["quit"].setShortcut(QKeySequence("Ctrl+Q"))
    return Actions(**made)
