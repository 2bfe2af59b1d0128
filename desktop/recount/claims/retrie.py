"""Faster regular expressions with the same matches: the engine's speed helpers.

* `trie`: Python's `re` tries the branches of `(?:said|says|stated|...)` one after another
  at every word start; factored by common prefix (`(?:s(?:a(?:id|ys)|tated)|...)`) each start
  costs a few character tests. With a word boundary after it, the same text matches.
* `fast` / `leading`: a lookahead on the characters a match can start with lets `re` skip
  every other position in C when it scans (`search`, `finditer`, `sub`).
* `rx`: a pattern written at its call site, compiled once.

tests/claims/test_speed_regressions.py checks each against the plain form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .pattern_cache import compiled, derived


def trie(words: Iterable[str]) -> str:
    """A regex alternation matching exactly the given literal words, factored by prefix.

    Longer words are tried before their prefixes (greedy `?`), so with a following `\\b`
    the match is the one the plain longest-first alternation gives.
    """
    return _trie(sorted(set(words)))


def _trie(words: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    if not groups:
        return ""
    parts = [re.escape(c) + _trie(rest) for c, rest in groups.items()]
    if len(parts) == 1 and not ends:
        return parts[0]
    alternation = "(?:" + "|".join(parts) + ")"
    return alternation + "?" if ends else alternation


def bounded_words(words: Iterable[str], before: str = "(?<=\\b{c})", after: str = "\\b") -> list[str]:
    """`\\b(?:trie(words))\\b` as alternatives that each open with their literal first character
    and check the word boundary behind it ("s(?<=\\bs)(?:aid|ays)\\b"): joined with "|" to other
    alternatives that open with a literal, the pattern lets `re` scan for its first characters
    in C (a leading `\\b` makes it try a match at every position instead). Same matches.

    `before` is the check behind the first character `{c}` (for `(?<![\\w-])` in front of the
    words: `(?<![\\w-]{c})`), `after` what follows each word."""
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        groups.setdefault(w[0], []).append(w[1:])
    return [re.escape(c) + before.replace("{c}", re.escape(c)) + _trie(rest) + after
            for c, rest in groups.items()]


def leading(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled behind a lookahead on the characters any match starts with.

    `first` is a character-class body (e.g. `+(\\d`). A scan with `finditer`/`search` then
    skips other positions in C instead of trying every branch there (2-3x faster on
    prose); the matches are the same as long as every match does start with one of them.
    """
    return re.compile(f"(?=[{first}])(?:{pattern})", flags)


def initials(words: Iterable[str]) -> str:
    """The first characters of `words`, in both cases, as a character-class body."""
    chars = {w[0] for w in words if w} | {w[0].upper() for w in words if w}
    return "".join(re.escape(c) for c in sorted(chars))


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character-class body holding every character a match of `pattern` can start with,
    or None when that cannot be told simply (a match may be empty, start with any
    character, or change flags inside) or need not be (a pattern anchored at the string's
    start with `^` or `\\A`: `re`'s search already gives up after the first position, and a
    lookahead in front would hide the anchor from it, so `sub` and `search` would try every
    position). Read from `re`'s own parse of the pattern."""
    try:  # `re`'s parser is internal: without it, patterns are compiled as they are
        from re import _parser

        tree = _parser.parse(pattern, flags)
    except (ImportError, AttributeError, re.error):
        return None
    return _first_chars_of(tree, flags)


def _first_chars_of(tree, flags: int) -> str | None:
    from re import _constants as c

    items = list(tree)
    multiline = (flags | tree.state.flags) & re.MULTILINE
    if items and items[0][0] is c.AT and (items[0][1] is c.AT_BEGINNING_STRING
                                         or (items[0][1] is c.AT_BEGINNING and not multiline)):
        return None  # anchored: `re` tries only the first position, a lookahead would try them all
    first, nullable = _first_of_seq(items, c)
    if first is None or nullable or not first:
        return None
    return "".join(sorted(first))


def _first_of_seq(items: list, c) -> tuple[set[str] | None, bool]:
    out: set[str] = set()
    for op, av in items:
        first, nullable = _first_of_item(op, av, c)
        if first is None:
            return None, True
        out |= first
        if not nullable:
            return out, False
    return out, True


def _first_of_item(op, av, c) -> tuple[set[str] | None, bool]:
    if op is c.LITERAL:
        return {re.escape(chr(av))}, False
    if op is c.IN:
        out: set[str] = set()
        for iop, iav in av:
            if iop is c.LITERAL:
                out.add(re.escape(chr(iav)))
            elif iop is c.RANGE:
                out.add(f"{re.escape(chr(iav[0]))}-{re.escape(chr(iav[1]))}")
            elif iop is c.CATEGORY and iav in _CATEGORIES:
                out.add(_CATEGORIES[iav])
            else:
                return None, True
        return out, False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero width
    if op is c.BRANCH:
        out, nullable = set(), False
        for seq in av[1]:
            first, null = _first_of_seq(list(seq), c)
            if first is None:
                return None, True
            out |= first
            nullable = nullable or null
        return out, nullable
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None, True
        return _first_of_seq(list(sub), c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        first, nullable = _first_of_seq(list(sub), c)
        return first, nullable or low == 0
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _first_of_seq(list(av), c)
    return None, True


def _category_map() -> dict:
    from re import _constants as c

    return {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
            c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}


_CATEGORIES = _category_map()


def fast(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, behind a lookahead on its possible first characters
    when those can be told (see `leading`) and a test for the words every match holds
    (literals.py): same matches, faster scans and searches."""
    from .literals import Gated

    final, *words = derived(_FAST_RULE, pattern, flags, _derive).split("\0")
    raw = compiled(final, flags)
    return Gated(raw, tuple(words), bool(flags & re.IGNORECASE)) if words else raw  # type: ignore[return-value]


# The pattern cache keeps `_derive`'s results under this name: a new name whenever its rule
# changes, so no cache written by an older engine hands back an older derivation.
_FAST_RULE = "fast:5"


def _derive(pattern: str, flags: int) -> str:
    """The pattern to compile (behind a lookahead or not) and the words to test for first,
    from one parse: "pattern\\0word\\0word"."""
    try:
        from re import _parser

        from .literals import gate_words

        tree = _parser.parse(pattern, flags)
    except (ImportError, AttributeError, re.error):
        return pattern
    if _has_fast_scan(tree, flags):
        return pattern  # re's own scan is fast: neither a lookahead nor a test would help
    final = pattern
    first = None if re.match(r"\(\?[aiLmsux]+\)", pattern) else _first_chars_of(tree, flags)
    if first is not None:  # (global flags such as "(?i)" must stay first)
        final = f"(?=[{first}])(?:{pattern})"
    words = () if "\0" in pattern else gate_words(tree, flags)
    return "\0".join((final, *words))


def searched_by_prefix(pattern: str, flags: int) -> bool:
    """Whether `re` itself scans for this pattern by its literal prefix or its set of first
    characters (a pattern opening with "," or "[A-Z]"): a tight C loop over the text, 10 to 25
    times faster than trying a match at each position, which a lookahead in front would force."""
    try:
        from re import _parser

        return _has_fast_scan(_parser.parse(pattern, flags), flags)
    except (ImportError, AttributeError, re.error):
        return False


def _has_fast_scan(tree, flags: int) -> bool:
    """What `re._compiler._compile_info` decides, read without generating the code: a pattern
    that cannot match empty, with a literal prefix or else a set of first characters."""
    try:
        from re import _compiler

        flags |= tree.state.flags
        if tree.getwidth()[0] == 0 or (flags & re.IGNORECASE and flags & re.LOCALE):
            return False
        prefix, _skip, _all = _compiler._get_literal_prefix(tree, flags)
        return bool(prefix) or _compiler._get_charset_prefix(tree, flags) is not None
    except (ImportError, AttributeError, TypeError, ValueError, re.error):
        return False


@lru_cache(maxsize=512)
def rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`fast(pattern, flags)`, compiled once: for patterns written where they are used."""
    return fast(pattern, flags)

