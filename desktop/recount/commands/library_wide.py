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


_PREFIXES: dict[tuple, tuple[str, ...]] = {}


def _prefixes(keys: tuple, margin: str) -> tuple[str, ...]:
    """What precedes each value of a dict with these keys: ',\n', the margin, the key (made once
    per shape of dict: a list's items mostly share one)."""
    found = _PREFIXES.get((keys, margin))
    if found is None:
        if any(type(k) is not str or "\x85" in k or "\u2028" in k or "\u2029" in k for k in keys):
            raise _Unusual
        inner = margin + "  "
        found = tuple(("{\n" if n == 0 else ",\n") + inner + _STRING(k) + ": " for n, k in enumerate(keys))
        if len(_PREFIXES) < 256:
            _PREFIXES[(keys, margin)] = found
    return found


def _put(value: Any, margin: str, out: list[str]) -> None:
    kind = type(value)
    if kind is str:
        if "\x85" in value or "\u2028" in value or "\u2029" in value:
            raise _Unusual  # line breaks to textwrap.indent that json leaves as they are
        out.append(_STRING(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = margin + "  "
        for prefix, v in zip(_prefixes(tuple(value), margin), value.values(), strict=True):
            out.append(prefix)
            leaf = type(v)
            if leaf is str and not ("\x85" in v or "\u2028" in v or "\u2029" in v):
                out.append(_STRING(v))  # (most values: a leaf written here, not through a call)
            elif leaf is int:
                out.append(int.__repr__(v))
            elif v is None:
                out.append("null")
            else:
                _put(v, inner, out)
        out += ("\n", margin, "}")
    elif kind is list or kind is tuple:
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
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float and value == value and value not in (float("inf"), float("-inf")):
        out.append(float.__repr__(value))
    else:
        raise _Unusual
