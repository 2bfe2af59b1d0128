"""Migrations: applied in order at open, recorded in user_version, never losing data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from recount.claims.model import Article, AttributedClaim, NumericClaim, TimeSpan
from recount.library import migrations
from recount.library.store import Library
from recount.paths import migrations_dir

SECOND = """
-- v2 (test only): articles get a language; claims' place moves to its own table
ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
CREATE TABLE places (name TEXT PRIMARY KEY);
INSERT INTO places (name) SELECT DISTINCT place FROM claims WHERE place IS NOT NULL;
CREATE TRIGGER places_ai AFTER INSERT ON claims WHEN new.place IS NOT NULL BEGIN
    INSERT OR IGNORE INTO places (name) VALUES (new.place);
END;
"""


def _v1_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "v1"
    folder.mkdir()
    shutil.copy(migrations_dir() / "001_initial.sql", folder)
    return folder


def _claims() -> list:
    return [
        NumericClaim("121 killed", 0, 10, "121 killed in Ostrelo.", 121, 121, 121, category="killed",
                     time=TimeSpan("2025-03-03", "2025-03-10", "cumulative"), place="Ostrelo"),
        AttributedClaim("Drask said", 11, 21, "Drask said it.", "Ilena Drask", verb="said", quote="no"),
    ]


def test_shipped_migrations_are_numbered_and_a_new_library_is_current(library_file: Path) -> None:
    found = migrations.available()
    assert [m.version for m in found] == list(range(1, len(found) + 1))
    with Library.open(library_file) as lib:
        assert migrations.current_version(lib.db.conn) == migrations.latest_version() >= 1
        tables = set(lib.db.table_names())
        assert {"articles", "claims", "aliases", "reviews", "dismissed_flags", "articles_fts",
                "claims_fts"} <= tables


def test_v1_library_with_data_is_upgraded_and_keeps_it(library_file: Path, tmp_path: Path) -> None:
    v1 = _v1_dir(tmp_path)
    with Library.open(library_file, migrations_dir=v1) as lib:
        aid = lib.add_article(Article("Upgraded article text.", published="2025-03-10", id="u1",
                                      outlet="Herald"), _claims()).article_id
        lib.set_review(lib.claims(aid)[0].id, "confirmed", note="checked")
        lib.add_alias("speaker", "Ilena Draskova", "Ilena Drask")
        lib.dismiss_flag("k1", "fine")
        before = [c.claim for c in lib.claims(aid)]
        assert migrations.current_version(lib.db.conn) == 1
    v2 = tmp_path / "v2"
    shutil.copytree(v1, v2)
    (v2 / "002_language.sql").write_text(SECOND)
    with Library.open(library_file, migrations_dir=v2) as lib:
        assert migrations.current_version(lib.db.conn) == 2
        assert [c.claim for c in lib.claims(aid)] == before
        assert lib.claims(aid)[0].review == "confirmed"
        assert lib.article(aid).ext_id == "u1" and lib.article(aid).outlet == "Herald"
        assert lib.aliases("speaker") == {"Ilena Draskova": "Ilena Drask"}
        assert lib.dismissed_flags() == {"k1": "fine"}
        assert lib.articles("Upgraded")[0].id == aid
        assert lib.db.execute("SELECT language FROM articles").fetchall() == [("en",)]
        assert lib.db.execute("SELECT name FROM places").fetchall() == [("Ostrelo",)]
    with Library.open(library_file, migrations_dir=v2) as lib:  # nothing left to apply
        assert migrations.current_version(lib.db.conn) == 2


def test_a_failing_migration_is_rolled_back_whole(library_file: Path, tmp_path: Path) -> None:
    v1 = _v1_dir(tmp_path)
    with Library.open(library_file, migrations_dir=v1) as lib:
        lib.add_article(Article("Kept across a failed upgrade."), _claims())
    broken = tmp_path / "broken"
    shutil.copytree(v1, broken)
    (broken / "002_broken.sql").write_text(
        "ALTER TABLE articles ADD COLUMN language TEXT;\nDELETE FROM claims;\nSELECT * FROM no_such_table;\n")
    with pytest.raises(RuntimeError, match=r"002_broken\.sql"):
        Library.open(library_file, migrations_dir=broken)
    with Library.open(library_file, migrations_dir=v1) as lib:
        assert migrations.current_version(lib.db.conn) == 1
        assert lib.count_articles() == 1 and lib.count_claims() == 2
        assert "language" not in lib.db["articles"].columns_dict


def test_library_newer_than_these_migrations_is_refused(library_file: Path, tmp_path: Path) -> None:
    Library.open(library_file).close()
    v0 = tmp_path / "v0"
    v0.mkdir()
    from recount.library.errors import NewerLibrary

    with pytest.raises(NewerLibrary):
        Library.open(library_file, migrations_dir=v0)


def test_statements_split_with_triggers_whole() -> None:
    script = (migrations_dir() / "001_initial.sql").read_text()
    statements = migrations.split_statements(script)
    assert all(sqlite3.complete_statement(s) for s in statements)
    triggers = [s for s in statements if s.upper().startswith("CREATE TRIGGER")]
    assert len(triggers) == 6 and all(s.rstrip().upper().endswith("END;") for s in triggers)


def test_gap_in_migration_numbers_is_a_bug(tmp_path: Path) -> None:
    folder = _v1_dir(tmp_path)
    (folder / "003_skipped.sql").write_text("SELECT 1;")
    with pytest.raises(RuntimeError, match="skip"):
        migrations.available(folder)
