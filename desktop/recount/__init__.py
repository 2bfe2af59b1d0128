"""Recount: read the figures and quotes in a news report and check them against earlier reports."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("recount")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+source"
