"""What changed in the library, announced once so each view refreshes itself (as Anki's
operations report their changes).

The window runs every write as a `ui.operations` function; when it succeeds, the window
announces what that function changes (`changes_of`), and each view connected to
`Changes.changed` decides for itself whether to re-read: the library browser on reports and
stories, the status bar on reports, the current check on claims, reviews and flags. Nobody
refreshes another view by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal

KINDS = frozenset({"reports", "claims", "reviews", "flags", "stories", "sources"})
STORED = frozenset({"reports", "claims", "flags", "stories"})  # a report arrives or leaves

# What each write of ui.operations changes, by function name. A function may instead carry a
# `changes` attribute (a set of KINDS); reading operations change nothing.
OPERATION_CHANGES: dict[str, frozenset[str]] = {
    "save": STORED,
    "import_files": STORED,
    "delete_reports": STORED,
    "restore_reports": STORED,
    "update_report": frozenset({"reports"}),
    "review": STORED | {"reviews"},  # a review stores the article first when it is not stored
    "dismiss": frozenset({"flags"}),
    "story_rename": frozenset({"stories"}),
    "story_merge": frozenset({"stories"}),
    "story_split": frozenset({"stories"}),
    "story_move": frozenset({"stories"}),
}


def changes_of(fn: Callable[..., Any]) -> frozenset[str]:
    """What a ui.operations function changes when it succeeds (empty for reads)."""
    declared = getattr(fn, "changes", None)
    if declared is not None:
        return frozenset(declared)
    return OPERATION_CHANGES.get(getattr(fn, "__name__", ""), frozenset())


class Changes(QObject):
    """The window's one change signal: `changed(kinds, source)`, kinds a frozenset of KINDS.

    `source` is the view that made the change (it has already shown it), or None."""

    changed = Signal(object, object)

    def announce(self, kinds: Iterable[str], source: object = None) -> frozenset[str]:
        found = frozenset(kinds)
        unknown = found - KINDS
        if unknown:
            raise ValueError(f"unknown kinds of change: {', '.join(sorted(unknown))}")
        if found:
            self.changed.emit(found, source)
        return found

    def after(self, fn: Callable[..., Any], source: object = None) -> frozenset[str]:
        """Announce what `fn` changed (call when it succeeded)."""
        return self.announce(changes_of(fn), source)
