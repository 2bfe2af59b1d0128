-- Recount library, schema version 3: stories (one event followed over time).
-- Every report belongs to a story; figures and quotes are compared only within one.
-- The matcher (recount.stories) fills these tables when a report is stored, in the same
-- transaction as the report, and never moves a report the user placed (story_decisions).

CREATE TABLE stories (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    title_by_user  INTEGER NOT NULL DEFAULT 0,   -- 1: the user named it; the matcher keeps the title
    created_at     TEXT,
    first_date     TEXT,                         -- earliest / latest published date of its reports
    last_date      TEXT,
    size           INTEGER NOT NULL DEFAULT 0    -- reports in the story (deleted ones included)
);

ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id);
CREATE INDEX articles_story ON articles(story_id);

-- A report the user placed (move, split, merge): the matcher never moves it again.
CREATE TABLE story_decisions (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    decided_at  TEXT NOT NULL
);
CREATE INDEX story_decisions_story ON story_decisions(story_id);

-- A story's profile: for each term (a name or an event word) the weight summed over its
-- reports and how many of its reports hold it. Clustered by term: the matcher reads the
-- stories that share a new report's terms without touching any other row.
CREATE TABLE story_terms (
    term      TEXT NOT NULL,
    story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    weight    REAL NOT NULL,
    docs      INTEGER NOT NULL,
    PRIMARY KEY (term, story_id)
) WITHOUT ROWID;
CREATE INDEX story_terms_story ON story_terms(story_id);

-- Per term over the whole library: reports and stories that hold it (the matcher's rarity
-- weights, without summing story_terms rows of common words).
CREATE TABLE term_stats (
    term     TEXT PRIMARY KEY,
    docs     INTEGER NOT NULL,
    stories  INTEGER NOT NULL
) WITHOUT ROWID;
