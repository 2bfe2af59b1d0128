"""The literal words a pattern's matches must hold, and patterns that test for them first.

`re` scans for most of the engine's patterns by trying a match at every position whose first
character fits (15-50 ns a character), while Python's `in` finds a word in about 1 ns a
character. Every match of `\b(?:killed|died)\b[^.]{0,40}$` holds "killed" or "died": where the
window holds neither, the scan cannot match and is not made. The words are read from `re`'s own
parse of the pattern (never a second copy of a vocabulary) and cached with the compiled
patterns; retrie.fast wraps a pattern in `Gated` so that every call site gets the test.
tests/claims/test_speed_regressions.py checks that every match holds one of its words.
"""

from __future__ import annotations

import re
import sys

from .pattern_cache import derived


def needed_words(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Literal strings one of which every match of `pattern` contains, read from `re`'s parse
    (the alternation of cue words, the longest literal run ...), or () when none can be told
    simply (a case-insensitive pattern, or one made of classes only). When none of them is in
    a text, a scan of that text cannot match: `might_match` skips it with a few C-level `in`
    tests instead of trying the pattern at every position its first characters allow."""
    return tuple(w for w in derived(_NEEDED_RULE, pattern, flags, _needed).split("\0") if w)


_NEEDED_RULE = "needed:1"
# characters `re` matches without case to an ASCII letter that `str.lower` does not give:
# dotless i, long s, and the capital I with a dot (lowered to two characters)
_ODD_CASES = ("\u0131", "\u017f", "\u0130")  # (tested one by one in `Gated`)
_MAX_WORDS = 64


def might_match(text: str, needed: tuple[str, ...]) -> bool:
    """False only when none of `needed` (from `needed_words`) is in `text`."""
    return not needed or any(w in text for w in needed)


def _needed(pattern: str, flags: int) -> str:
    try:
        from re import _constants as c
        from re import _parser

        tree = _parser.parse(pattern, flags)
    except (ImportError, AttributeError, re.error):
        return ""
    if (flags | tree.state.flags) & re.IGNORECASE:
        return ""
    found = _need_seq(list(tree), c)
    return "\0".join(sorted(found)) if found and all(found) else ""


def _best(candidates: list[set[str]]) -> set[str] | None:
    """The most selective set: the longest shortest word, then the fewest words."""
    usable = [s for s in candidates if s and all(s)]
    return max(usable, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _need_seq(items: list, c) -> set[str] | None:
    candidates: list[set[str]] = []
    run: set[str] = {""}
    for op, av in items:
        words = _lang_item(op, av, c)
        if words is not None and len(run) * len(words) <= _MAX_WORDS:
            run = {a + b for a in run for b in words}
            continue
        candidates.append(run)
        run = words if words is not None and len(words) <= _MAX_WORDS else {""}
        inner = _need_item(op, av, c)
        if inner is not None:
            candidates.append(inner)
    candidates.append(run)
    return _best(candidates)


def _need_item(op, av, c) -> set[str] | None:
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _need_seq(list(sub), c)
    if op is c.BRANCH:
        out: set[str] = set()
        for seq in av[1]:
            found = _need_seq(list(seq), c)
            if not found or not all(found):
                return None
            out |= found
        return out if len(out) <= _MAX_WORDS else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
        return _need_seq(list(av[2]), c)
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _need_seq(list(av), c)
    return None


def _lang_seq(items: list, c) -> set[str] | None:
    """Every string the sequence matches, when they are few and literal; else None."""
    out: set[str] = {""}
    for op, av in items:
        words = _lang_item(op, av, c)
        if words is None or len(out) * len(words) > _MAX_WORDS:
            return None
        out = {a + b for a in out for b in words}
    return out


def _lang_item(op, av, c) -> set[str] | None:
    if op is c.LITERAL:
        return {chr(av)}
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {""}  # zero width: adds nothing to the matched text
    if op is c.IN and len(av) <= 4 and all(iop is c.LITERAL for iop, _ in av):
        return {chr(iav) for _, iav in av}
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _lang_seq(list(sub), c)
    if op is c.BRANCH:
        out: set[str] = set()
        for seq in av[1]:
            words = _lang_seq(list(seq), c)
            if words is None:
                return None
            out |= words
        return out if len(out) <= _MAX_WORDS else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] == 0:
        return {""}
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] == 1:
        words = _lang_seq(list(av[2]), c)
        if words is None:
            return None
        return words if av[0] == 1 else words | {""}
    return None


_MAX_GATE_WORDS = 8  # more words cost more `in` tests than the scan they may save


class Gated:
    """A compiled pattern whose calls first test that the text they read holds one of the words
    every match holds (`needed_words`): the same results as the pattern's own methods. The test
    reads the whole window, so it is made only where the pattern would read about as much: a
    full scan (finditer, findall), a search of a window up to a sentence long; `match` and
    `fullmatch` are the pattern's own (an anchored match reads little)."""

    __slots__ = ("flags", "folded", "fullmatch", "groupindex", "groups", "match", "pattern", "raw", "words")

    def __init__(self, raw: re.Pattern[str], words: tuple[str, ...], folded: bool) -> None:
        self.raw, self.words, self.folded = raw, words, folded
        self.pattern, self.flags = raw.pattern, raw.flags
        self.groups, self.groupindex = raw.groups, raw.groupindex
        # an anchored match reads a few characters: the test would cost more than it saves
        self.match, self.fullmatch = raw.match, raw.fullmatch

    def _absent(self, string: str, pos: int, endpos: int, limit: int) -> bool:
        """True when string[pos:endpos] (no longer than `limit`) holds none of the words."""
        n = len(string)
        end = endpos if endpos < n else n
        if pos < 0:
            pos = 0
        if end - pos > limit:
            return False
        if pos or end < n:
            string = string[pos:end]
        if self.folded:
            if not string.isascii() and ("\u0131" in string or "\u017f" in string or "\u0130" in string):
                return False
            string = string.lower()
        for w in self.words:  # noqa: SIM110 (a loop: cheaper than all() over a generator)
            if w in string:
                return False
        return True

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        # `_absent(string, pos, endpos, _SEARCH)` written out: the engine makes some 170 searches
        # an article, most of a short window, and the call and the generator cost more than the test
        n = len(string)
        end = endpos if endpos < n else n
        start = pos if pos > 0 else 0
        if end - start <= _SEARCH:
            window = string[start:end] if start or end < n else string
            if self.folded:
                if not window.isascii() and ("\u0131" in window or "\u017f" in window or "\u0130" in window):
                    return self.raw.search(string, pos, endpos)
                window = window.lower()
            for w in self.words:
                if w in window:
                    return self.raw.search(string, pos, endpos)
            return None
        return self.raw.search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        if self._absent(string, pos, endpos, _SCAN):
            return iter(())
        return self.raw.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        return [] if self._absent(string, pos, endpos, _SCAN) else self.raw.findall(string, pos, endpos)

    def sub(self, repl, string: str, count: int = 0) -> str:
        return string if self._absent(string, 0, sys.maxsize, _SEARCH) else self.raw.sub(repl, string, count)

    def subn(self, repl, string: str, count: int = 0) -> tuple[str, int]:
        if self._absent(string, 0, sys.maxsize, _SEARCH):
            return string, 0
        return self.raw.subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list:
        if self._absent(string, 0, sys.maxsize, _SEARCH):
            return [string]
        return self.raw.split(string, maxsplit)

    def __repr__(self) -> str:
        return f"Gated({self.raw!r})"


_SEARCH, _SCAN = 1000, sys.maxsize  # the longest window each kind of call tests


def gate_words(tree, flags: int) -> tuple[str, ...]:
    """The words `Gated` tests for, from `re`'s parse of a pattern (retrie.fast reads them
    with the pattern's other derivations): a few (in lower case for a case-insensitive
    pattern), none shorter than two characters; else none and no test."""
    from re import _constants as c

    if tree.state.flags & ~flags & re.IGNORECASE:
        return ()  # "(?i)" written in the pattern
    found = _need_seq(list(tree), c)
    if not found or not all(found):
        return ()
    words = sorted({w.lower() for w in found} if flags & re.IGNORECASE else found)
    if len(words) > _MAX_GATE_WORDS or min(map(len, words)) < 2:
        return ()
    return tuple(words)
