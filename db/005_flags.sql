-- Recount library, schema version 5: flags kept as reports arrive.
-- When a report is stored, its claims are checked within its story and the flags they raise
-- are written here in the same transaction (recount.compare.stored). `recount discrepancies`
-- reads them; `recount discrepancies --rescan` recomputes them all. A flag goes with either of
-- its claims (a purged report, a new extraction). User decisions are applied when reading:
-- dismissed flags (dismissed_flags) and rejected claims are left out; reports whose claims
-- were reviewed or whose story was changed by the user after their check are checked again.

CREATE TABLE flags (
    key           TEXT PRIMARY KEY,          -- the flag's stable key (what was said, by which outlet, when)
    type          TEXT NOT NULL,
    a_claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    b_claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    a_article_id  INTEGER NOT NULL,
    b_article_id  INTEGER NOT NULL,
    story_id      INTEGER,                   -- the story both reports were in when compared
    b_published   TEXT,                      -- listing order: the later report's date first
    data          TEXT NOT NULL              -- the flag as JSON (both ends in full)
);
CREATE INDEX flags_a_article ON flags(a_article_id);
CREATE INDEX flags_b_article ON flags(b_article_id);
CREATE INDEX flags_order ON flags(b_published, type);

-- When each report's flags were last computed: a review or a story decision made later
-- means the report is checked again before its flags are listed.
CREATE TABLE flag_checks (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    checked_at  TEXT NOT NULL
);
