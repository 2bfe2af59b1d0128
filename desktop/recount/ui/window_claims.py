"""The window's claim half: selecting claims (comparison, timeline), walking the flags,
saving, reviewing, dismissing and exporting.

A mixin of MainWindow (it uses the window's widgets, session and `_run`); the decisions
(which row, which flag next, whether the check is stale) are the session's.
"""

from __future__ import annotations

from typing import Any

from recount.claims.model import NumericClaim
from recount.ui import operations, review
from recount.ui.results import ClaimRow
from recount.ui.workers import Task


class ClaimsMixin:
    """Selection, review, dismissal and export of the current check's claims."""

    def row(self, claim_index: int) -> ClaimRow | None:
        return self.session.row(claim_index)

    def selected_row(self) -> ClaimRow | None:
        return self.row(self.claims_panel.selected_claim())

    def _claim_selected(self, claim_index: int) -> None:
        row = self.session.select(claim_index)
        label = self.article_pane.outlet.text().strip() or "This report"
        published = self.article_pane.published.text().strip()
        if published:
            from recount.wording import short_date

            label = f"{label} · {short_date(published)}"
        self.comparison.show_row(row, label)
        if row is not None:
            self.article_pane.select_claim(claim_index)
            if row.flags:
                self.lower_tabs.setCurrentWidget(self.comparison)
        self._update_actions()
        self._load_series(row)

    def _load_series(self, row: ClaimRow | None) -> None:
        if self._series_task is not None and not self._series_task.done:
            self._series_task.cancel()
        if row is None or not isinstance(row.claim, NumericClaim) or not self.has_library():
            self.timeline.set_series(None)
            return
        gen = self.session.generation
        claim = row.claim

        def done(series: Any) -> None:
            if self.session.wanted(gen) and self.selected_row() is row:
                self.timeline.set_series(series, current=claim)
                self.seriesShown.emit()

        published = self.checked.result.article.published if self.checked is not None else None
        self._series_task = self._run(operations.series, self.work_library, claim, published, name="series",
                                      doing="draw the timeline", on_success=done, quiet=True)

    def select_flag(self, step: int) -> None:
        """Select the next (+1) or previous (-1) flagged claim in text order, wrapping around."""
        target = self.session.next_flag(self.claims_panel.selected_claim(), step)
        if target is None:
            self.statusBar().showMessage("No flagged claims", 3000)
            return
        self.claims_panel.select_claim(target)

    def _focus_filter(self) -> None:
        self.claims_panel.search.setFocus()
        self.claims_panel.search.selectAll()

    def _current_claims(self) -> list[Any] | None:
        return self.session.claims_if_current(self.article_pane.text())

    def save_to_library(self) -> Task | None:
        if self.article_pane.is_empty():
            self.statusBar().showMessage("Nothing to save: the article is empty", 4000)
            return None
        article = self.article_pane.article()

        def done(saved: tuple[int, int]) -> None:
            article_id, self.session.reports = saved
            self.statusBar().showMessage(f"Saved to the library (report {article_id})", 5000)
            self._update_status()  # the views refresh themselves on the change `_run` announces

        return self._run(operations.save, self.work_library, article, self._current_claims(), name="save",
                         doing="save the report to the library", on_success=done)

    def _reviewable(self) -> ClaimRow | None:
        row = self.selected_row()
        if row is None or self._current_claims() is None:
            self.statusBar().showMessage("Select a claim of the checked article first", 4000)
            return None
        return row

    def review_selected(self, decision: str | None, correction: dict | None = None) -> Task | None:
        row = self._reviewable()
        if row is None:
            return None
        article = self.article_pane.article()
        claims = self._current_claims() or []

        def done(_claim_id: int) -> None:
            self.claims_panel.model.set_review(row.index, decision)
            what = {"confirmed": "Confirmed", "rejected": "Rejected", "corrected": "Corrected"}.get(
                decision or "", "Cleared the review of")
            self.statusBar().showMessage(f"{what} “{row.claim.span}”", 5000)
            # The announced change re-checks: corrections and rejections change what is flagged.

        return self._run(operations.review, self.work_library, article, claims, row.claim, decision,
                         correction, name="review", doing="record your review", on_success=done)

    def correct_selected(self) -> None:
        row = self._reviewable()
        if row is None:
            return
        self.correction_dialog = review.ask_correction(
            self, row.claim, lambda fix: self.review_selected("corrected", fix)
        )

    def dismiss_selected(self) -> None:
        row = self.selected_row()
        if row is None or not row.flags:
            self.statusBar().showMessage("The selected claim has no flag to dismiss", 4000)
            return
        self.dismiss_flag(row.flags[0].key)

    def dismiss_flag(self, key: str) -> None:
        flag = self.session.flag(key)
        explanation = flag.explanation if flag is not None else ""

        def chosen(note: str) -> None:
            self._run(operations.dismiss, self.work_library, key, note or None, name="dismiss",
                      doing="dismiss the flag", on_success=lambda _k: None)  # re-checked on the change

        self.note_dialog = review.ask_dismiss_note(self, explanation, chosen)

    def export(self, ask: Any = None) -> None:
        """Export the current check; `ask` stands in for the file dialog (scripted use, tests)."""
        if self.checked is None:
            self.statusBar().showMessage("Check an article first, then export the check", 4000)
            return
        from recount.ui.export_dialog import choose_and_export

        self.export_task = choose_and_export(self, self.checked.result, settings=self.settings.store, ask=ask,
                                             reviews=self.checked.reviews)
