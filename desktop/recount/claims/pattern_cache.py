"""The engine's compiled regular expressions, kept across runs like `.pyc` files.

Importing the engine compiles about 250 patterns, and `re` spends nearly all of the import's
time parsing them and generating their matcher code (about 200 ms, and again in every process
the app spawns). The generated code is a plain list of integers: we keep it in one file per
Python version under the user's cache directory and rebuild each pattern from it with the
same C call `re` makes, so a warm import skips the parse and the code generation.

The cache is an optimisation only: a pattern not in it (new, edited, or written where it is
used) is compiled as `re` would, and any file that is missing, from another Python, torn or
corrupt is ignored and written again when the process exits. Matches are the same either
way; tests/claims/test_pattern_cache.py compares each cached pattern with `re.compile`.
"""

from __future__ import annotations

import _thread
import atexit
import contextlib
import marshal
import os
import re
import sys
import zlib
from array import array
from collections.abc import Callable
from pathlib import Path

try:  # `re`'s internals: without them (another Python), patterns are compiled as usual
    import _sre
    from re import _compiler, _parser

    _TAG = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-{sys.version}"
except (ImportError, AttributeError):  # pragma: no cover - other interpreters
    _sre = None
    _TAG = ""

# (pattern, flags) -> (flags, code as bytes, groups, groupindex, indexgroup)
Entry = tuple[int, bytes, int, dict, tuple]
_FILE_NAME = f"patterns-{sys.implementation.cache_tag}.bin"
_lock = _thread.allocate_lock()  # `threading` would add its import to the engine's
_table: dict[tuple[str, int], Entry] | None = None
_derived: dict[tuple[str, str, int], str] = {}
_dirty = False
MAX_ENTRIES = 5000  # past this, a save keeps only what this process used (old code's patterns go)
_used: set = set()


def cache_dir() -> Path:
    """$RECOUNT_CACHE_DIR, else the platform's cache directory for Recount."""
    env = os.environ.get("RECOUNT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("Recount", appauthor=False)


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, rebuilt from the cache when it holds the pattern."""
    global _dirty
    flags = int(flags)
    table = _load()
    entry = table.get((pattern, flags))
    if entry is not None:
        try:
            result = _build(pattern, entry)
            _used.add((pattern, flags))
            return result
        except Exception:
            pass
    try:
        entry = _generate(pattern, flags)
        result = _build(pattern, entry)
    except re.error:
        raise
    except Exception:
        return re.compile(pattern, flags)
    with _lock:
        table[(pattern, flags)] = entry
        _used.add((pattern, flags))
        _dirty = True
    return result


def derived(kind: str, pattern: str, flags: int, make: Callable[[str, int], str]) -> str:
    """A pattern string computed from another (retrie's lookahead needs a parse of its own),
    remembered in the same file so a warm import skips that parse too."""
    global _dirty
    _load()
    key = (kind, pattern, int(flags))
    out = _derived.get(key)
    _used.add(key)
    if out is None:
        out = make(pattern, flags)
        with _lock:
            _derived[key] = out
            _dirty = True
    return out


def _build(pattern: str, entry: Entry) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex, indexgroup)


def _generate(pattern: str, flags: int) -> Entry:
    """What `re._compiler.compile` hands to `_sre.compile`, with the code packed as bytes."""
    tree = _parser.parse(pattern, flags)
    code = _compiler._code(tree, flags)
    state = tree.state
    indexgroup = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    packed = array("I", code)
    if packed.itemsize * 8 < _sre.CODESIZE * 8:  # pragma: no cover - exotic builds
        raise ValueError("code words do not fit")
    return flags | state.flags, packed.tobytes(), state.groups - 1, dict(state.groupdict), tuple(indexgroup)


def _load() -> dict[tuple[str, int], Entry]:
    global _table
    if _table is not None:
        return _table
    with _lock:
        if _table is None:
            table: dict[tuple[str, int], Entry] = {}
            if _sre is not None:
                table, derived_strings = _read(cache_dir() / _FILE_NAME)
                _derived.update(derived_strings)
                atexit.register(save)
            _table = table
    return _table


def _read(path: Path) -> tuple[dict, dict]:
    """The file's tables, or empty ones when it is missing, foreign, torn or corrupt."""
    try:
        blob = path.read_bytes()
        digest, payload = blob[:4], blob[4:]
        if zlib.crc32(payload).to_bytes(4, "big") != digest:
            return {}, {}
        tag, table, derived_strings = marshal.loads(payload)
        if tag != _TAG or not isinstance(table, dict) or not isinstance(derived_strings, dict):
            return {}, {}
        return table, derived_strings
    except (OSError, ValueError, EOFError, TypeError):
        return {}, {}


def save() -> None:
    """Write the tables if this process compiled something new (at exit; atomic, best effort:
    a read-only or full disk only costs the next start its compile time)."""
    global _dirty
    if not _dirty or _table is None:
        return
    with _lock:
        table, derived_strings = dict(_table), dict(_derived)
        if len(table) + len(derived_strings) > MAX_ENTRIES:
            table = {k: v for k, v in table.items() if k in _used}
            derived_strings = {k: v for k, v in derived_strings.items() if k in _used}
        payload = marshal.dumps((_TAG, table, derived_strings))
        _dirty = False
    path = cache_dir() / _FILE_NAME
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
