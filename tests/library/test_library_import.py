"""Import: the corpus with sidecars, JSON Lines, CSV, HTML; bad input reported, the rest goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recount.claims import extract
from recount.library.importer import import_paths, parse_date
from recount.library.store import Library


def _names(items) -> list[str]:
    return [Path(i.name.split(":")[0]).name + (":" + i.name.split(":")[1] if ":" in i.name else "")
            for i in items]


def test_corpus_folder_with_sidecars(lib: Library, corpus_dir: Path) -> None:
    texts = sorted(corpus_dir.glob("*.txt"))  # the folder also holds README.md and SCHEMA.md
    report = import_paths(lib, texts)
    assert len(report.added) == len(texts) and report.ok
    for txt in texts:
        meta = json.loads(txt.with_suffix(".json").read_text())
        article_id = lib.find_article(ext_id=meta["id"])
        assert article_id is not None
        stored = lib.article(article_id)
        assert (stored.outlet, stored.published) == (meta["outlet"], meta["published"])
        assert stored.title == meta.get("title", stored.title)
        expected = [c.to_dict() for c in extract(stored.text, stored.published)]
        assert [c.claim.to_dict() for c in lib.claims(article_id)] == expected
    again = import_paths(lib, texts)
    assert not again.added and len(again.skipped) == len(texts) and again.ok
    assert all("already in the library" in i.reason for i in again.skipped)


def test_jsonl_reports_bad_lines_by_number_and_goes_on(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "j1", "title": "One", "outlet": "Wire", "published": "2025-03-10",
                    "url": "https://example.org/1", "text": "Nineteen people were killed on Sunday."}),
        '{"id": "j2", "text": "broken',
        "",
        json.dumps({"id": "j3", "text": "   "}),
        json.dumps({"id": "j4", "published": "not a date", "text": "Some text about 40 people."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 5, "published": "2025-03-11T09:30:00Z", "text": "At least 45 people died."}),
        json.dumps({"id": "j6", "text": "Nineteen people were killed on Sunday."}),
    ]
    path.write_text("\n".join(lines) + "\n")
    report = import_paths(lib, [path])
    assert [i.name for i in report.added] == [f"{path}:1", f"{path}:7"]
    assert [i.name for i in report.skipped] == [f"{path}:8"]
    failed = {i.name.rsplit(":", 1)[1]: i.reason for i in report.failed}
    assert set(failed) == {"2", "4", "5", "6"}
    assert "not valid JSON" in failed["2"] and "no text" in failed["4"]
    assert "not a date" in failed["5"] and "object" in failed["6"]
    one = lib.article(lib.find_article(ext_id="j1"))
    assert (one.title, one.outlet, one.published, one.url) == ("One", "Wire", "2025-03-10",
                                                                "https://example.org/1")
    assert lib.article(lib.find_article(ext_id="5")).published == "2025-03-11"
    assert not report.ok


def test_jsonl_with_bom_and_invalid_utf8(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": "First line with a BOM."}).encode() + b"\n"
                     + b'{"text": "bad \xff byte"}\n')
    report = import_paths(lib, [path])
    assert len(report.added) == 1 and report.failed[0].name == f"{path}:2"
    assert "UTF-8" in report.failed[0].reason


def test_csv_with_multiline_text_and_bad_rows(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text(
        "id,title,outlet,published,url,text\n"
        'c1,Quake,Courier,2025-05-16,,"The toll rose to 347.\n\nRescuers kept digging."\n'
        "c2,Short row,Courier\n"
        "c3,,,16 May 2025,,Another report of 289 dead.\n"
        "c4,,,,,\n",
        encoding="utf-8",
    )
    report = import_paths(lib, [path])
    assert [i.name for i in report.added] == [f"{path}:2", f"{path}:6"]
    assert {i.name: i.reason for i in report.failed}.keys() == {f"{path}:5", f"{path}:7"}
    quake = lib.article(lib.find_article(ext_id="c1"))
    assert quake.text == "The toll rose to 347.\n\nRescuers kept digging." and quake.published == "2025-05-16"
    assert lib.article(lib.find_article(ext_id="c3")).published == "2025-05-16"


def test_csv_without_text_column_fails_whole_file(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("id,body\n1,hello\n")
    report = import_paths(lib, [path])
    assert not report.added and "no 'text' column" in report.failed[0].reason


def test_html_metadata_is_kept(lib: Library, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Ignored</title>"
        '<meta property="og:title" content="Floods displace 40,000">'
        '<meta property="og:site_name" content="Eastwatch Daily">'
        '<meta property="article:published_time" content="2025-08-09T07:00:00Z">'
        '<link rel="canonical" href="https://eastwatch.example/floods"></head>'
        "<body><nav>Menu</nav><article><p>More than 40,000 residents have been displaced "
        "by the Ambra floods, officials said.</p></article></body></html>")
    report = import_paths(lib, [page])
    assert len(report.added) == 1
    stored = lib.article(report.added[0].article_id)
    assert stored.outlet == "Eastwatch Daily" and stored.published == "2025-08-09"
    assert stored.title == "Floods displace 40,000" and "Menu" not in stored.text
    assert stored.ext_id == "page"


def test_folders_recurse_skip_hidden_and_report_missing(lib: Library, tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One report about 12 arrests.")
    (tmp_path / "a" / "b" / "two.md").write_text("# Two\n\nA second report about 30 dead.")
    (tmp_path / "a" / "b" / "same.txt").write_text("One report about  12 arrests.\n")
    (tmp_path / ".hidden" / "three.txt").write_text("Hidden.")
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a" / "two.json").write_text("{not json")  # no two.txt beside it: not a sidecar, skipped
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    report = import_paths(lib, [tmp_path / "a", tmp_path / "missing.txt", tmp_path / "binary.txt"])
    assert sorted(Path(i.name).name for i in report.added) == ["one.txt", "two.md"]
    assert [Path(i.name).name for i in report.skipped] == ["same.txt"]
    failed = {Path(i.name).name: i.reason for i in report.failed}
    assert failed.keys() == {"missing.txt", "binary.txt"}
    assert failed["missing.txt"] == "no such file or folder" and failed["binary.txt"].startswith("not a text")
    assert lib.article(lib.find_article(ext_id="two")).title == "Two"


def test_bad_sidecar_fails_only_its_file(lib: Library, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A good report of 5 wounded.")
    (tmp_path / "bad.txt").write_text("A report whose metadata is broken.")
    (tmp_path / "bad.json").write_text('{"published": ')
    (tmp_path / "date.txt").write_text("A report with a bad date in its metadata.")
    (tmp_path / "date.json").write_text('{"published": "someday"}')
    report = import_paths(lib, [tmp_path])
    assert [Path(i.name).name for i in report.added] == ["good.txt"]
    reasons = {Path(i.name).name: i.reason for i in report.failed}
    assert "bad.json" in reasons["bad.txt"] and "someday" in reasons["date.txt"]


def test_explicit_json_array_and_sidecar(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "x1", "text": "First of a batch."}, {"id": "x2", "text": ""}]))
    (tmp_path / "s.txt").write_text("Article with a sidecar.")
    (tmp_path / "s.json").write_text(json.dumps({"id": "side", "outlet": "Herald"}))
    report = import_paths(lib, [path, tmp_path / "s.json", tmp_path / "s.txt"])
    assert sorted(lib.article(i.article_id).ext_id for i in report.added) == ["side", "x1"]
    assert [i.name for i in report.failed] == [f"{path}[2]"]


def test_progress_and_cancel(lib: Library, tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"r{i}.txt").write_text(f"Report {i}: {i * 7} people were displaced.")
    calls: list[tuple[int, int, str]] = []
    report = import_paths(lib, [tmp_path], progress=lambda d, t, m: calls.append((d, t, m)),
                          cancelled=lambda: len(calls) >= 2)
    assert report.cancelled and len(report.added) == 2 and lib.count_articles() == 2
    done = [d for d, _, _ in calls]
    assert done == sorted(done) and all(t == calls[0][1] for _, t, _ in calls)
    calls.clear()
    rest = import_paths(lib, [tmp_path], progress=lambda d, t, m: calls.append((d, t, m)))
    assert len(rest.added) == 4 and len(rest.skipped) == 2
    assert calls[-1][0] == calls[-1][1] and calls[-1][2] == "done"


@pytest.mark.parametrize(("text", "expected"), [("2025-03-10", "2025-03-10"),
                                                 ("2025-03-10T23:59:00+02:00", "2025-03-10"),
                                                 ("10 March 2025", "2025-03-10"),
                                                 ("March 10, 2025", "2025-03-10")])
def test_dates(text: str, expected: str) -> None:
    assert parse_date(text) == expected


def test_csv_from_a_spreadsheet_in_windows_1252(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    text = "Le café du port a fermé – 5 personnes tuées, selon l’hôpital. " * 3
    path.write_bytes(f'id,text\nx1,"{text}"\n'.encode("cp1252"))
    report = import_paths(lib, [path])
    assert len(report.added) == 1
    assert lib.article(report.added[0].article_id).text == text


def test_worker_processes_store_the_same_and_survive_an_engine_error(lib: Library, tmp_path: Path,
                                                                     corpus_dir: Path, monkeypatch) -> None:
    from recount.library import importer

    probe = importer._pool(2, 10**9)
    if probe is None:
        pytest.skip("worker processes are not used here (not Linux, or threads are running)")
    probe.shutdown()
    texts = [p.read_text() for p in sorted(corpus_dir.glob("*.txt"))]
    for i in range(40):
        marker = "BOOM" if i == 13 else "calm"
        (tmp_path / f"r{i:02d}.txt").write_text(f"{texts[i % len(texts)]}\n\nNote {i}: {marker}.")
    real = importer._extract

    def flaky(text: str, published: str | None):
        if "BOOM" in text:
            raise RuntimeError("engine bug")
        return real(text, published)

    monkeypatch.setattr(importer, "_extract", flaky)  # forked workers inherit it
    report = import_paths(lib, [tmp_path], jobs=2)
    assert [Path(i.name).name for i in report.failed] == ["r13.txt"]
    assert "engine bug" in report.failed[0].reason
    assert len(report.added) == 39
    for item in report.added:
        stored = lib.article(item.article_id)
        expected = [c.to_dict() for c in real(stored.text, stored.published)]
        assert [c.claim.to_dict() for c in lib.claims(item.article_id)] == expected


def test_import_articles_already_read(lib: Library) -> None:
    from recount.claims.model import Article
    from recount.library.importer import import_articles

    text = "Officials said at least 45 people were killed in Ostrelo on Tuesday."
    report = import_articles(lib, [("a", Article(text, published="2025-03-12", id="a")),
                                   ("b", Article(text + "\n", id="b")),
                                   ("c", Article("   ", id="c"))])
    assert [i.name for i in report.added] == ["a"] and [i.name for i in report.skipped] == ["b"]
    assert [(i.name, i.reason) for i in report.failed] == [("c", "no text")]
    stored = lib.claims(report.added[0].article_id)
    assert [c.claim.to_dict() for c in stored] == [c.to_dict() for c in extract(text, "2025-03-12")]
