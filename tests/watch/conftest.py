"""Fixtures of the watch tests: a real HTTP server on 127.0.0.1, a real library, a clock to move."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from _watch_site import Site

from recount.library.store import Library


@pytest.fixture
def site():
    server = Site().start()
    yield server
    server.stop()


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "library.db") as library:
        yield library


class Clock:
    """The time the scheduler sees; tests move it with advance()."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 8, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def clock() -> Clock:
    return Clock()
