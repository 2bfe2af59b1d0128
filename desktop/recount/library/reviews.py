"""The user's decisions: reviews of claims (confirm, reject, correct), dismissed flags and
name aliases. A mixin of `Library` (store.py)."""

from __future__ import annotations

import json
from typing import Any

from recount.library.rows import _SELECT_CLAIMS, Review, _now, _stored_claim, apply_correction

DECISIONS = ("confirmed", "rejected", "corrected")
ALIAS_KINDS = ("speaker", "place")


class ReviewsMixin:
    """Reviews, dismissed flags, aliases."""

    def set_review(self, claim_id: int, decision: str | None, correction: dict[str, Any] | None = None,
                   note: str | None = None) -> None:
        """Record the user's decision on a claim (None clears it). A correction is a dict of claim
        JSON fields, e.g. {"value": 101, "lower": 101, "upper": 101}; later reads return it applied."""
        if decision is None:
            with self._writing() as conn:
                conn.execute("DELETE FROM reviews WHERE claim_id = ?", (claim_id,))
            return
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
        if decision == "corrected" and not correction:
            raise ValueError("a correction needs the corrected fields")
        with self._writing() as conn:
            row = conn.execute(f"{_SELECT_CLAIMS} WHERE c.id = ?", (claim_id,)).fetchone()
            if row is None:
                raise KeyError(f"no claim {claim_id}")
            if correction:  # fails here, not at every later read, if the fields do not fit
                stored = _stored_claim(row)
                apply_correction(stored.original or stored.claim, correction)
            conn.execute(
                "INSERT INTO reviews (claim_id, decision, correction, note, at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (claim_id) DO UPDATE SET decision = excluded.decision, "
                "correction = excluded.correction, note = excluded.note, at = excluded.at",
                (claim_id, decision, json.dumps(correction) if correction else None, note, _now()),
            )

    def reviews(self) -> list[Review]:
        with self._reading() as conn:
            rows = conn.execute("SELECT claim_id, decision, correction, note, at FROM reviews ORDER BY id")
            return [Review(r[0], r[1], json.loads(r[2]) if r[2] else None, r[3], r[4]) for r in rows]

    def dismiss_flag(self, flag_key: str, note: str | None = None) -> None:
        with self._writing() as conn:
            conn.execute(
                "INSERT INTO dismissed_flags (flag_key, note, at) VALUES (?, ?, ?) ON CONFLICT (flag_key) "
                "DO UPDATE SET note = excluded.note, at = excluded.at", (flag_key, note, _now()))

    def undismiss_flag(self, flag_key: str) -> None:
        with self._writing() as conn:
            conn.execute("DELETE FROM dismissed_flags WHERE flag_key = ?", (flag_key,))

    def dismissed_flags(self) -> dict[str, str]:
        """flag key -> the user's note ("" when none)."""
        with self._reading() as conn:
            return {k: n or "" for k, n in conn.execute("SELECT flag_key, note FROM dismissed_flags")}

    def add_alias(self, kind: str, variant: str, canonical: str) -> None:
        """Record that `variant` names the same speaker/place as `canonical` (replaces an earlier one)."""
        if kind not in ALIAS_KINDS:
            raise ValueError(f"alias kind must be one of {', '.join(ALIAS_KINDS)}, not {kind!r}")
        with self._writing() as conn:
            conn.execute(
                "INSERT INTO aliases (kind, variant, canonical) VALUES (?, ?, ?) ON CONFLICT (kind, variant) "
                "DO UPDATE SET canonical = excluded.canonical", (kind, variant, canonical))

    def remove_alias(self, kind: str, variant: str) -> None:
        with self._writing() as conn:
            conn.execute("DELETE FROM aliases WHERE kind = ? AND variant = ?", (kind, variant))

    def aliases(self, kind: str) -> dict[str, str]:
        """variant -> canonical for "speaker" or "place"."""
        with self._reading() as conn:
            return dict(conn.execute("SELECT variant, canonical FROM aliases WHERE kind = ?", (kind,)))
