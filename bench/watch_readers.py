"""bench/watch.py --readers: recount.reading against trafilatura (when installed) on page
layouts written for this purpose. Kept apart from bench/watch.py (one command) so each file
stays small.
"""

from __future__ import annotations

import time

# Page layouts news sites use, around one report (invented): what each reader must keep and drop.
_STORY = [
    "KESTREL POINT, May 2, 2025 (Coastal Wire) - At least 23 people were killed when a storm struck "
    "Kestrel Point on Thursday, the port authority said, and 140 fishing boats were damaged.",
    "The authority said 310 people had been moved to the sports hall overnight, and that the harbour "
    "would stay closed until divers had checked the channel.",
    "Mayor Elin Varro said the town had not seen such winds in forty years. \"We will rebuild the "
    "quays before the season starts,\" she told reporters on Friday.",
]
_CHROME = ("<nav><ul><li><a href='/'>Home</a></li><li><a href='/sport'>Sport</a></li></ul></nav>"
           "<div class='cookie'>We use cookies to improve your experience. Accept all cookies</div>")
_RELATED = ("<aside><h3>Most read</h3><ul><li><a href='/a'>Ferry timetable changes for the summer</a></li>"
            "<li><a href='/b'>Local team wins the cup after extra time</a></li></ul></aside>")
_COMMENTS = ("<section class='comments'><h3>Comments (2)</h3><div class='comment'><p>Stay safe everyone, "
             "thoughts with the families.</p></div><div class='comment'><p>The council was warned about "
             "the sea wall years ago.</p></div></section>")
_FOOT = "<footer><p>Copyright Coastal Wire. All rights reserved. Terms of use.</p></footer>"


def _layouts() -> dict[str, str]:
    paras = "".join(f"<p>{p}</p>" for p in _STORY)
    divs = "".join(f"<div class='para'>{p}</div>" for p in _STORY)
    head = "<head><title>Storm kills 23 in Kestrel Point</title></head>"
    return {
        "article tag": f"<html>{head}<body>{_CHROME}<article><h1>Storm kills 23</h1>{paras}</article>"
                       f"{_RELATED}{_FOOT}</body></html>",
        "main tag, comments": f"<html>{head}<body>{_CHROME}<main><h1>Storm kills 23</h1>{paras}{_COMMENTS}"
                              f"</main>{_FOOT}</body></html>",
        "plain divs": f"<html>{head}<body>{_CHROME}<div id='content'><h1>Storm kills 23</h1>{divs}</div>"
                      f"<div class='related'><a href='/a'>Ferry timetable changes for the summer</a></div>"
                      f"{_FOOT}</body></html>",
        "no semantic tags": f"<html>{head}<body><div class='top'>Home | Sport | Weather</div>"
                            f"<div class='wrap'><div class='col'>{paras}</div><div class='side'>"
                            f"<p>Most read: Ferry timetable "
                            f"changes for the summer</p></div></div><div class='foot'><p>Copyright Coastal "
                            f"Wire. All rights reserved.</p></div></body></html>",
        "article with sidebar inside": f"<html>{head}<body>{_CHROME}<article><h1>Storm kills 23</h1>"
                                       f"<p>{_STORY[0]}</p>{_RELATED}<p>{_STORY[1]}</p><p>{_STORY[2]}</p>"
                                       f"{_COMMENTS}</article>{_FOOT}</body></html>",
    }


def readers() -> None:
    """recount.reading against trafilatura (when installed) on the layouts above."""
    import re

    from recount.reading import read_html

    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())

    wanted = set(words(" ".join(_STORY)))
    extractors = {"recount.reading": lambda h: read_html(h).text}
    try:
        import trafilatura

        extractors["trafilatura"] = lambda h: trafilatura.extract(h, include_comments=False) or ""
    except ImportError:
        print("trafilatura is not installed: only recount.reading measured")
    for name, fn in extractors.items():
        fn(_layouts()["article tag"])  # imports and first call out of the timing
        scores = []
        t0 = time.perf_counter()
        for layout, page in _layouts().items():
            got = words(fn(page))
            kept = sum(1 for w in set(got) if w in wanted) / len(wanted)
            clean = sum(1 for w in got if w in wanted) / max(len(got), 1)
            scores.append((layout, kept, clean))
        ms = (time.perf_counter() - t0) * 1000 / len(scores)
        print(f"{name}: {ms:.1f} ms a page; " + "; ".join(
            f"{layout}: kept {k:.0%}, clean {c:.0%}" for layout, k, c in scores))
