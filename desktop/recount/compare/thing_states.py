"""What became of the things a count counts (collapsed, destroyed, damaged, burned ...): two
counts of one kind of thing in different states are different things. identity.what_differs
asks it."""

from __future__ import annotations

import re
from functools import lru_cache

from recount.compare.holders import words_before_number

# What became of the things a count counts: "80,000 rooms collapsed" are not "124,000 rooms
# seriously damaged"; "destroyed 9,700 homes" not "damaged 2,000"
_STATE = (r"(collapsed|destroyed|damaged|flattened|razed|flooded|submerged|burned|burnt|gutted|cracked|"
          r"levelled|leveled)")
_STATE_BEFORE = re.compile(rf"\b{_STATE}\s+(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|"
                           r"at\s+least\s+|over\s+|an\s+estimated\s+)?$", re.IGNORECASE)
_STATE_AFTER = re.compile(rf"(?:[^,;.]|(?<=\d)[,.](?=\d)){{0,60}}?\b{_STATE}\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def state(span: str, sentence: str | None) -> str | None:
    """What became of the counted things, said right before the count or in its clause after it."""
    if not sentence or (pos := sentence.find(span)) < 0:
        return None
    m = _STATE_BEFORE.search(sentence[max(0, pos - 40):pos] + words_before_number(span)) or \
        _STATE_AFTER.match(sentence, pos + len(span))
    word = m.group(1).lower() if m else None
    return _STATE_OF.get(word or "", word)


_STATE_OF = {"burnt": "burned", "razed": "destroyed", "flattened": "destroyed", "levelled": "destroyed",
             "leveled": "destroyed"}
