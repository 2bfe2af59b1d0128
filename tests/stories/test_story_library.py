"""Stories in a real library file: assigned as reports are stored, and the user's decisions kept."""

from __future__ import annotations

import random
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest
from story_reports import REPORTS, story_of

from recount import stories
from recount.claims.model import Article
from recount.library.importer import import_articles
from recount.library.store import Library


def _article(report: dict[str, str]) -> Article:
    return Article(text=report["text"], published=report["published"], title=report["title"],
                   outlet=report["outlet"], id=report["id"], published_from="metadata")


def _grouping(lib: Library) -> list[set[str]]:
    return [set(s.refs) for s in stories.list_stories(lib)]


def _expected(reports=REPORTS) -> list[set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        groups[story_of(r["id"])].add(r["id"])
    return list(groups.values())


def _sorted(groups: list[set[str]]) -> list[list[str]]:
    return sorted(sorted(g) for g in groups)


@pytest.mark.parametrize("seed", [None, 1, 2, 3])
def test_imported_reports_fall_into_their_stories_in_any_order(library_file: Path, seed):
    reports = list(REPORTS)
    if seed is not None:
        random.Random(seed).shuffle(reports)
    with Library.open(library_file) as lib:
        report = import_articles(lib, [(r["id"], _article(r)) for r in reports])
        assert len(report.added) == len(REPORTS)
        assert _sorted(_grouping(lib)) == _sorted(_expected())


def test_the_same_town_years_apart_is_two_stories(library_file: Path):
    with Library.open(library_file) as lib:
        import_articles(lib, [(r["id"], _article(r)) for r in REPORTS])
        flood = stories.story_of(lib, lib.find_article(ext_id="flood-tidewire-2025-09-11"))
        bridge = stories.story_of(lib, lib.find_article(ext_id="bridge-tidewire-2029-05-02"))
        assert flood.id != bridge.id
        assert "Varnessa" in flood.title and "2025" in flood.title
        assert bridge.first_date == "2029-05-02" and bridge.last_date == "2029-05-03"


def test_story_and_report_are_stored_in_one_transaction(library_file: Path):
    """A failure after the story step (a crash mid-import) leaves neither the report nor its story."""
    with Library.open(library_file) as lib:
        first = _article(REPORTS[0])
        lib.add_article(first, [], within=stories.assigner(first))
        before = _tables(library_file)
        second = _article(REPORTS[1])
        step = stories.assigner(second)

        def crash(conn: sqlite3.Connection, article_id: int) -> None:
            step(conn, article_id)
            assert step.story_id is not None  # the story was written inside the transaction...
            raise RuntimeError("killed")

        with pytest.raises(RuntimeError):
            lib.add_article(second, [], within=crash)
        assert _tables(library_file) == before  # ...and rolled back with the report
        assert lib.find_article(text=second.text) is None


def _tables(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                for t in ("articles", "stories", "story_terms", "term_stats")}
    finally:
        conn.close()


def test_preview_says_where_a_pasted_report_would_go_without_storing_it(library_file: Path):
    with Library.open(library_file) as lib:
        held_back = "count-courier-2026-03-05"
        import_articles(lib, [(r["id"], _article(r)) for r in REPORTS if r["id"] != held_back])
        before = _tables(library_file)
        placed = stories.preview(lib, _article(REPORTS[5]))
        count_story = stories.story_of(lib, lib.find_article(ext_id="count-ledger-2026-03-02"))
        assert placed.story_id == count_story.id
        assert placed.confidence in ("sure", "likely")
        assert placed.title == count_story.title
        assert _tables(library_file) == before


def test_a_moved_report_stays_where_the_user_put_it(library_file: Path):
    with Library.open(library_file) as lib:
        import_articles(lib, [(r["id"], _article(r)) for r in REPORTS[:6]])
        moved = lib.find_article(ext_id="flood-northpost-2025-09-16")
        count_story = stories.story_of(lib, lib.find_article(ext_id="count-ledger-2026-03-02"))
        assert stories.move(lib, [moved], count_story.id) == count_story.id
        assert stories.decided(lib) == {moved: count_story.id}
        # more reports arrive and reports without a story are placed: the decision holds
        import_articles(lib, [(r["id"], _article(r)) for r in REPORTS[6:]])
        stories.assign_missing(lib)
        assert stories.story_of(lib, moved).id == count_story.id


def _assert_counts_agree(lib: Library) -> None:
    """term_stats holds, per term, the reports and stories that story_terms holds; sizes agree."""
    with lib._reading() as conn:
        rows = conn.execute(
            "SELECT t.docs, t.stories, (SELECT sum(docs) FROM story_terms s WHERE s.term = t.term), "
            "(SELECT count(*) FROM story_terms s WHERE s.term = t.term) FROM term_stats t").fetchall()
        sizes = conn.execute("SELECT size, (SELECT count(*) FROM articles a WHERE a.story_id = s.id) "
                             "FROM stories s").fetchall()
        orphans = conn.execute("SELECT count(*) FROM story_terms WHERE term NOT IN "
                               "(SELECT term FROM term_stats)").fetchone()[0]
    assert rows and all((docs, n) == (summed, counted) for docs, n, summed, counted in rows)
    assert all(size == counted for size, counted in sizes) and orphans == 0


def test_a_report_edited_after_it_was_placed_moves_cleanly(library_file: Path):
    with Library.open(library_file) as lib:
        import_articles(lib, [(r["id"], _article(r)) for r in REPORTS[:6]])
        edited = lib.find_article(ext_id="flood-meridian-2025-09-13")
        lib.update_article(edited, title="Pumps requested for Lowmarsh", published="2025-09-20")
        count_story = stories.story_of(lib, lib.find_article(ext_id="count-ledger-2026-03-02"))
        stories.move(lib, [edited], count_story.id)
        stories.move(lib, [edited], None, title="On its own")
        _assert_counts_agree(lib)


def test_moving_every_report_out_removes_the_empty_story_and_its_profile(library_file: Path):
    with Library.open(library_file) as lib:
        import_articles(lib, [(r["id"], _article(r)) for r in REPORTS[:6]])
        flood = stories.story_of(lib, lib.find_article(ext_id="flood-tidewire-2025-09-11"))
        count_story = stories.story_of(lib, lib.find_article(ext_id="count-ledger-2026-03-02"))
        stories.move(lib, flood.article_ids, count_story.id)
        assert [s.id for s in stories.list_stories(lib)] == [count_story.id]
        with lib._reading() as conn:
            left = conn.execute("SELECT count(*) FROM story_terms WHERE story_id = ?", (flood.id,))
            assert left.fetchone()[0] == 0
        _assert_counts_agree(lib)


def test_merge_split_and_rename(library_file: Path):
    with Library.open(library_file) as lib:
        import_articles(lib, [(r["id"], _article(r)) for r in REPORTS[:9]])
        by_story = {story_of(s.refs[0]): s for s in stories.list_stories(lib)}
        flood, count_, museum = by_story["flood"], by_story["count"], by_story["museum"]
        assert stories.merge(lib, flood.id, [count_.id]) == flood.id
        merged = stories.story_of(lib, flood.article_ids[0])
        assert set(merged.article_ids) == set(flood.article_ids) | set(count_.article_ids)
        assert stories.story_of(lib, count_.article_ids[0]).id == flood.id
        new_id = stories.split(lib, flood.id, count_.article_ids, title="Quorvia count")
        assert set(stories.story_of(lib, count_.article_ids[0]).article_ids) == set(count_.article_ids)
        assert stories.story_of(lib, count_.article_ids[0]).title == "Quorvia count"
        stories.rename(lib, museum.id, "  The  Halvik fire ")
        # a later report of that story leaves the user's title alone
        import_articles(lib, [(REPORTS[9]["id"], _article(REPORTS[9]))])
        titles = {s.id: s.title for s in stories.list_stories(lib)}
        assert titles[museum.id] == "The Halvik fire" and titles[new_id] == "Quorvia count"
        _assert_counts_agree(lib)


def test_bad_decisions_are_refused_with_a_reason_and_change_nothing(library_file: Path):
    with Library.open(library_file) as lib:
        import_articles(lib, [(r["id"], _article(r)) for r in REPORTS[:6]])
        before = _tables(library_file)
        one = stories.list_stories(lib)[0]
        cases = [
            (lambda: stories.move(lib, [9999], one.id), "no report 9999"),
            (lambda: stories.move(lib, one.article_ids, 9999), "no story 9999"),
            (lambda: stories.merge(lib, one.id, [one.id]), "at least one other story"),
            (lambda: stories.split(lib, one.id, one.article_ids), "not none or all"),
            (lambda: stories.rename(lib, one.id, "   "), "cannot be empty"),
            (lambda: stories.resolve_article(lib, "no-such-report"), "no report no-such-report"),
        ]
        for call, message in cases:
            with pytest.raises(stories.StoryError, match=message):
                call()
        assert _tables(library_file) == before


def test_a_library_made_before_stories_gets_them_on_upgrade(library_file: Path, tmp_path: Path):
    """Version 2 had no stories: its reports are placed the first time they are asked for."""
    old = tmp_path / "migrations"
    old.mkdir()
    from recount.paths import migrations_dir

    for name in ("001_initial.sql", "002_deleted_index.sql"):
        (old / name).write_text((migrations_dir() / name).read_text())
    with Library.open(library_file, migrations_dir=old) as lib:
        for r in REPORTS:
            lib.add_article(_article(r), [])
    with Library.open(library_file) as lib:
        assert stories.list_stories(lib) == []
        assert stories.assign_missing(lib) == len(REPORTS)
        assert _sorted(_grouping(lib)) == _sorted(_expected())
        assert stories.assign_missing(lib) == 0


def test_deleted_reports_are_left_out_of_the_list(library_file: Path):
    with Library.open(library_file) as lib:
        import_articles(lib, [(r["id"], _article(r)) for r in REPORTS[:3]])
        gone = lib.find_article(ext_id="flood-meridian-2025-09-13")
        lib.delete_article(gone)
        (story,) = stories.list_stories(lib)
        assert gone not in story.article_ids and len(story.article_ids) == 2
        assert gone in stories.list_stories(lib, include_deleted=True)[0].article_ids


def test_the_invented_corpus_falls_into_its_story_threads(library_file: Path, corpus_dir: Path):
    """Every expected discrepancy of tests/corpus compares two reports of one story (the checker
    compares only within a story), and the threads of different events stay apart."""
    import json

    from recount.library.importer import import_paths

    with Library.open(library_file) as lib:
        report = import_paths(lib, sorted(corpus_dir.glob("*.txt")))
        assert not report.failed
        story = {ref: s.id for s in stories.list_stories(lib) for ref in s.refs}
    expected = json.loads((corpus_dir / "discrepancies.json").read_text(encoding="utf-8"))
    for item in expected:
        assert story[item["a"]["article"]] == story[item["b"]["article"]], item
    threads = {story_of(ref): sid for ref, sid in story.items()}
    assert threads["ostrelo"] == threads["talks"]  # the talks are about the siege: one story
    assert len({threads["ostrelo"], threads["ambra"], threads["durmak"], threads["seed"]}) == 4
