"""Recount: read the figures and quotes in a news report and check them against earlier reports."""

from __future__ import annotations

from functools import cache


@cache
def _installed_version() -> str:
    # importlib.metadata costs 10-20 ms; only --version, About and the bug report need it,
    # so `import recount.claims` does not pay for it.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("recount")
    except PackageNotFoundError:  # running from a source tree without an install
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module 'recount' has no attribute {name!r}")
