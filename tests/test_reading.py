"""reading.py: files and bytes -> Article (decoding, HTML main text, Markdown, metadata, dateline)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from recount.reading import UnreadableFile, find_dateline, read_bytes, read_html, read_path

CORPUS = Path(__file__).parent / "corpus"
TODAY = date(2026, 1, 1)

PAGE = """<!DOCTYPE html>
<html><head>
<title>Floods in Marrow | The Lantern</title>
<meta property="og:title" content="Floods force thousands from Marrow">
<meta property="og:site_name" content="The Lantern">
<meta property="article:published_time" content="2024-11-02T08:30:00Z">
<link rel="canonical" href="https://lantern.example/floods-marrow">
<style>p { color: red }</style>
<script>var tracking = "Officials said 999 people";</script>
</head><body>
<header><a href="/">Home</a> <a href="/world">World</a></header>
<nav><ul><li>Sport</li><li>Weather</li></ul></nav>
<main><article>
<h1>Floods force thousands from Marrow</h1>
<p>MARROW, Nov. 2 (The Lantern) - About 3,000 people fled their homes,
 the <a href="/x">regional council</a> said.</p>
<p>Rescuers used boats &amp; tractors.</p>
<aside>Read more: unrelated story</aside>
<form><input name="q"><button>Subscribe</button></form>
</article></main>
<footer>Copyright 2024</footer>
</body></html>
"""


@pytest.mark.parametrize("txt", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_corpus_metadata_matches_annotations(txt: Path) -> None:
    article = read_path(txt, today=TODAY)
    expected = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    assert article.text == txt.read_text(encoding="utf-8").strip("\n")
    assert article.id == txt.stem
    assert article.title == expected["title"]
    if txt.stem.startswith("seed-"):  # the real article carries no dateline
        assert article.published is None and article.published_from == "unknown"
    else:
        assert article.published == expected["published"]
        assert article.published_from == "dateline"
        assert article.outlet == expected["outlet"]


def test_html_main_text_and_metadata() -> None:
    article = read_html(PAGE)
    assert article.title == "Floods force thousands from Marrow"
    assert article.outlet == "The Lantern"
    assert article.url == "https://lantern.example/floods-marrow"
    assert article.published == "2024-11-02" and article.published_from == "metadata"
    paragraphs = article.text.split("\n\n")
    assert paragraphs == [
        "Floods force thousands from Marrow",
        "MARROW, Nov. 2 (The Lantern) - About 3,000 people fled their homes, the regional council said.",
        "Rescuers used boats & tractors.",
    ]
    for junk in ("tracking", "Sport", "Subscribe", "Copyright", "Read more", "color"):
        assert junk not in article.text


def test_html_is_detected_under_a_txt_name(tmp_path: Path) -> None:
    path = tmp_path / "saved-page.txt"
    path.write_text(PAGE, encoding="utf-8")
    article = read_path(path)
    assert article.id == "saved-page"
    assert "<p>" not in article.text and "About 3,000 people" in article.text


def test_html_without_metadata_takes_the_dateline_date_and_outlet() -> None:
    html = "<html><body><p>KESTRA, June 3, 2023 (Valley Post) - Two bridges collapsed.</p></body></html>"
    article = read_html(html)
    got = (article.published, article.published_from, article.outlet)
    assert got == ("2023-06-03", "dateline", "Valley Post")


def test_html_time_element_gives_the_date() -> None:
    html = (
        '<html><body><article><time datetime="2022-02-14">Feb 14</time>'
        "<p>Text here.</p></article></body></html>"
    )
    assert read_html(html).published == "2022-02-14"


def test_markdown_markup_is_dropped_and_words_kept() -> None:
    md = (
        "# Storm hits Pellan\n\nThe **harbour** master [said](https://x.example) *twelve* boats sank."
        "\n\n> Quoted line\n"
    )
    article = read_bytes(md.encode(), "storm.md")
    assert article.text == "Storm hits Pellan\n\nThe harbour master said twelve boats sank.\n\nQuoted line"
    assert article.title == "Storm hits Pellan"


def test_windows_1252_is_detected_and_decoded() -> None:
    text = "Le maire a déclaré que « 40 % des élèves » étaient absents à Besançon, où l'école a fermé. " * 4
    article = read_bytes(text.encode("cp1252"), "fr.txt")
    assert "déclaré" in article.text and "Besançon" in article.text


def test_bom_stripped_and_crlf_normalised() -> None:
    data = "\ufeffFirst paragraph.\r\n\r\nSecond paragraph.\r\n".encode()
    article = read_bytes(data, "x.txt")
    assert article.text == "First paragraph.\n\nSecond paragraph."


def test_utf16_with_bom_is_read() -> None:
    article = read_bytes("Ten people were hurt, police said.".encode("utf-16"), "u16.txt")
    assert article.text == "Ten people were hurt, police said."


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), bytes(range(256)) * 20, b"%PDF-1.4\n\x00\x01\x02"],
)
def test_binary_input_is_refused_with_one_line(data: bytes) -> None:
    with pytest.raises(UnreadableFile) as info:
        read_bytes(data, "photo.png")
    message = str(info.value)
    assert "\n" not in message and "photo.png" in message


def test_missing_file_and_folder_are_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(UnreadableFile, match="folder"):
        read_path(tmp_path)


def test_empty_file_gives_empty_article(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    article = read_path(path)
    assert article.text == "" and article.published is None and article.title is None


def test_dateline_without_year_takes_the_nearest_past_date() -> None:
    text = "Headline about the siege goes here\n\nOSTRELO, Tavrenia, March 17 (Continental Wire) - Text."
    assert find_dateline(text, today=date(2026, 5, 1)) == (date(2026, 3, 17), "Continental Wire")
    assert find_dateline(text, today=date(2026, 2, 1)) == (date(2025, 3, 17), "Continental Wire")
    assert find_dateline(text, year=2019) == (date(2019, 3, 17), "Continental Wire")


def test_written_date_line_at_top_and_no_date_deep_in_the_story() -> None:
    assert find_dateline("Published April 8, 2019\n\nThe fighting went on.") == (date(2019, 4, 8), None)
    prose = ["A paragraph of prose without any date in it at all."] * 8
    deep = "\n\n".join([*prose, "On May 2, 2020 it rained."])
    assert find_dateline(deep) is None


def test_plain_text_without_headline_has_no_title() -> None:
    article = read_bytes(b"Ten people died on Monday, police said. More rain is due.", "n.txt")
    assert article.title is None and article.published_from == "unknown"


def test_html_without_paragraph_tags_keeps_inline_markup_in_its_line() -> None:
    html = (
        "<html><body><div><div>Ten people <b>died</b>, the <a href=x>police</a> said.</div>"
        "<div>Roads are closed.</div></div></body></html>"
    )
    assert read_html(html).text == "Ten people died, the police said.\n\nRoads are closed."
    assert read_html("<html><body>Plain <i>words</i>\nsecond line</body></html>").text == (
        "Plain words\n\nsecond line"
    )


def test_json_ld_metadata() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Dam holds after week of rain", "datePublished": "2023-09-14T06:00:00Z", '
        '"publisher": {"@type": "Organization", "name": "Valley Post"}}</script></head>'
        "<body><article><p>The dam held, engineers said.</p></article></body></html>"
    )
    article = read_html(html)
    assert (article.title, article.outlet) == ("Dam holds after week of rain", "Valley Post")
    assert (article.published, article.published_from) == ("2023-09-14", "metadata")
    assert article.text == "The dam held, engineers said."


def test_html_story_in_divs_under_a_heading_is_read_and_comments_are_dropped():
    from recount.reading import read_html

    page = (
        "<html><body><h1>Flood toll rises</h1><div class='story'>"
        "<div>The toll from the floods rose to 41 on Monday, officials said.</div>"
        "<div>Another 12 people are missing in the valley, the agency said.</div></div>"
        "<div class='comments'><p>Great article!</p><p>I disagree with 2 points.</p></div>"
        "<div id='related-links'><p>More floods: 9 photos</p></div></body></html>"
    )
    article = read_html(page)
    assert "rose to 41" in article.text and "missing in the valley" in article.text
    assert "Great article" not in article.text and "photos" not in article.text
    assert article.title == "Flood toll rises"
