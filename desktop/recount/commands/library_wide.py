"""What the library-wide commands (`discrepancies`, `metrics`) share: how many worker
processes to use, and JSON written as it streams so a long list is never held whole."""

from __future__ import annotations

import argparse
import json
import os
import textwrap
from collections.abc import Iterable, Iterator
from typing import Any

# Below this many claims, starting worker processes costs more than it saves.
PARALLEL_FROM = 50_000


def add_jobs_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", type=int, metavar="N",
                        help="worker processes (default: the number of CPUs, at most 4, for a library of "
                             f"{PARALLEL_FROM:,} claims or more; else 1)")


def jobs_for(requested: int | None, claims: int) -> int:
    if requested is not None:
        return max(1, requested)
    return min(4, os.cpu_count() or 1) if claims >= PARALLEL_FROM else 1


def json_array(name: str, items: Iterable[dict]) -> Iterator[str]:
    """`json.dumps({name: [...]}, indent=2)` piece by piece."""
    yield "{\n" + f"  {json.dumps(name)}: ["
    first = True
    for item in items:
        yield ("\n" if first else ",\n") + indented(item, "    ")
        first = False
    yield "]\n}\n" if first else "\n  ]\n}\n"


_STRING = json.encoder.encode_basestring  # (ensure_ascii=False; the C version when built)


def indented(item: Any, margin: str = "") -> str:
    """`textwrap.indent(json.dumps(item, indent=2, ensure_ascii=False), margin)`, several times
    faster (json's indented output is pure Python; a rescan of a 1M library lists 200,000 flags)."""
    out: list[str] = [margin]
    try:
        _put(item, margin, out)
    except _Unusual:
        return textwrap.indent(json.dumps(item, indent=2, ensure_ascii=False), margin)
    return "".join(out)


class _Unusual(Exception):
    """A value this writer leaves to json (keys that are not strings, other types)."""


def _put(value: Any, margin: str, out: list[str]) -> None:
    if isinstance(value, str):
        if "\x85" in value or "\u2028" in value or "\u2029" in value:
            raise _Unusual  # line breaks to textwrap.indent that json leaves as they are
        out.append(_STRING(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif type(value) is int:
        out.append(int.__repr__(value))
    elif type(value) is float and value == value and value not in (float("inf"), float("-inf")):
        out.append(float.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = margin + "  "
        sep = "{\n"
        for key, v in value.items():
            if not isinstance(key, str):
                raise _Unusual
            out += (sep, inner)
            _put(key, inner, out)
            out.append(": ")
            _put(v, inner, out)
            sep = ",\n"
        out += ("\n", margin, "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = margin + "  "
        sep = "[\n"
        for v in value:
            out += (sep, inner)
            _put(v, inner, out)
            sep = ",\n"
        out += ("\n", margin, "]")
    else:
        raise _Unusual
