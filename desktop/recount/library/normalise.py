"""The normal form of an article's text, whose hash makes imports idempotent.

Two copies of a report that differ only in typography (curly vs straight quotes, dashes,
non-breaking spaces, line wrapping, Unicode compatibility forms) are the same article.
Case and wording are kept: a corrected sentence is a different article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_TYPOGRAPHY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00ad": None, "\u200b": None, "\ufeff": None,
})
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFKC, plain quotes and dashes, whitespace runs collapsed to one space, ends trimmed."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
    return _SPACE.sub(" ", text).strip()


def text_hash(text: str) -> str:
    """sha256 (hex) of the normalised text: the key that says two imports are one article."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
