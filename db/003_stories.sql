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

-- What each report brought to its story (JSON object term -> weight), so a story's profile
-- can be rebuilt after a move or split without reading the report again.
CREATE TABLE story_features (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    terms       TEXT NOT NULL
);

-- A story's profile: for each term (a name or an event word) the weight summed over its
-- reports and how many reports hold it. Looked up by term to find the candidate stories.
CREATE TABLE story_terms (
    story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    term      TEXT NOT NULL,
    weight    REAL NOT NULL,
    docs      INTEGER NOT NULL,
    PRIMARY KEY (story_id, term)
) WITHOUT ROWID;
CREATE INDEX story_terms_term ON story_terms(term);
