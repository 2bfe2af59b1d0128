"""What the window is working on, as plain Python: the article's check, its staleness, the
selected claim, the library's state. No Qt, so tests drive it without a window.

The window asks the session what to do ("is this result still wanted?", "which row was
selected before the re-check?", "which flag comes next?") and only shows the answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from recount.checked import Checked
from recount.ui.results import ClaimRow, rows_for

LIBRARY_STATES = ("opening", "open", "failed")


@dataclass
class Session:
    """The current check and selection, and the counter that discards stale results.

    Every edit of the article (typing, opening another report, New) bumps `generation`; a
    check started under an older generation is dropped when it reports back, so a slow
    check never overwrites the claims of newer text.
    """

    generation: int = 0
    checked: Checked | None = None
    checked_text: str = ""  # the text the rows were extracted from
    rows: list[ClaimRow] = field(default_factory=list)
    selected_key: tuple[int, int] | None = None  # (start, end) of the selected claim
    library_state: str = "opening"  # "opening" | "open" | "failed"
    reports: int = 0
    last_check_ms: float | None = None

    # ------------------------------------------------------------ the article and its check

    def edited(self) -> int:
        """The article changed: results of earlier checks are no longer wanted."""
        self.generation += 1
        return self.generation

    def cleared(self) -> None:
        """No article, or a new one: no rows, no check."""
        self.edited()
        self.show([], "")
        self.checked = None

    def wanted(self, generation: int) -> bool:
        """Whether a result started under `generation` still describes the article."""
        return generation == self.generation

    def accept(self, checked: Checked, text: str, generation: int, wall_ms: float) -> bool:
        """Take a check's result if it is still wanted; its rows replace the old ones."""
        if not self.wanted(generation):
            return False
        self.checked = checked
        if checked.library_ok:
            self.reports = checked.reports
        self.show(rows_for(checked), text)
        self.last_check_ms = float(getattr(checked.result, "elapsed_ms", None) or wall_ms)
        return True

    def show(self, rows: list[ClaimRow], text: str) -> None:
        self.rows = rows
        self.checked_text = text

    def stale(self, text: str) -> bool:
        """Whether the shown check no longer matches the article's text (edited since)."""
        return self.checked is None or self.checked_text != text

    def claims_if_current(self, text: str) -> list[Any] | None:
        """The checked claims, when they were extracted from exactly this text."""
        return None if self.stale(text) else list(self.checked.result.claims)  # type: ignore[union-attr]

    def summary(self) -> str:
        if not self.rows:
            return "No figures or quotes found"
        flagged = sum(1 for r in self.rows if r.flags)
        return f"{len(self.rows)} claims, {flagged} flagged"

    # ------------------------------------------------------------ selection

    def row(self, claim_index: int) -> ClaimRow | None:
        return self.rows[claim_index] if 0 <= claim_index < len(self.rows) else None

    def select(self, claim_index: int) -> ClaimRow | None:
        """Remember the selected claim by its offsets, so a re-check can select it again."""
        row = self.row(claim_index)
        self.selected_key = (row.claim.start, row.claim.end) if row else None
        return row

    def reselect(self) -> int | None:
        """The index, in the new rows, of the claim selected before the re-check."""
        if self.selected_key is None:
            return None
        return next((r.index for r in self.rows if (r.claim.start, r.claim.end) == self.selected_key), None)

    def flagged(self) -> list[int]:
        return [r.index for r in self.rows if r.flags]

    def next_flag(self, current: int, step: int) -> int | None:
        """The next (+1) or previous (-1) flagged claim in text order, wrapping around."""
        flagged = self.flagged()
        if not flagged:
            return None
        if step > 0:
            return next((i for i in flagged if i > current), flagged[0])
        return next((i for i in reversed(flagged) if i < current), flagged[-1])

    def flag(self, key: str) -> Any:
        return next((d for r in self.rows for d in r.flags if d.key == key), None)

    # ------------------------------------------------------------ library

    def library_is(self, state: str, reports: int | None = None) -> None:
        if state not in LIBRARY_STATES:
            raise ValueError(f"unknown library state {state!r}")
        self.library_state = state
        if reports is not None:
            self.reports = reports

    def status(self, library_name: str, library_open: bool) -> str:
        """The status bar's text: the library, its reports, the last check's time."""
        names = {"open": library_name, "opening": f"opening {library_name}…", "failed": "no library"}
        parts = [names[self.library_state]]
        if library_open:
            n = self.reports
            parts.append(f"{n:,} report{'s' if n != 1 else ''}")
        if self.last_check_ms is not None:
            parts.append(f"checked in {self.last_check_ms:.0f} ms")
        return " · ".join(parts)
