-- Recount library, schema version 4: sources the user follows (feeds and folders), what was
-- taken from them, and what changed when their reports arrived (recount.watch).

CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('feed', 'folder')),
    location        TEXT NOT NULL UNIQUE,        -- an http(s) URL or an absolute folder path
    name            TEXT,
    every_minutes   INTEGER NOT NULL DEFAULT 15, -- polling interval
    paused          INTEGER NOT NULL DEFAULT 0,
    added_at        TEXT NOT NULL,
    last_poll       TEXT,                        -- ISO time of the last attempt
    last_ok         TEXT,                        -- ISO time of the last poll that worked
    status          TEXT NOT NULL DEFAULT 'new', -- new | ok | not modified | partial | error
    last_error      TEXT,
    failures        INTEGER NOT NULL DEFAULT 0,  -- polls failed in a row (back-off)
    etag            TEXT,                        -- conditional GET
    last_modified   TEXT,
    body_hash       TEXT,                        -- sha256 of the last feed body: same bytes, nothing to parse
    polls           INTEGER NOT NULL DEFAULT 0,  -- counts
    reports         INTEGER NOT NULL DEFAULT 0,  -- reports imported from it
    last_new        INTEGER NOT NULL DEFAULT 0   -- reports imported by the last poll
);

-- Every item taken from a source: a feed entry (key = its URL without tracking parameters,
-- else its id) or a file (key = path, with size and mtime to see a change). Same key = same
-- report, whichever source brought it.
CREATE TABLE source_items (
    key         TEXT PRIMARY KEY,
    source_id   INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    article_id  INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    size        INTEGER,
    mtime_ns    INTEGER,
    seen_at     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX source_items_source ON source_items(source_id);

-- New flags and moved estimates found when a report arrived (the "What changed" list).
CREATE TABLE source_changes (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    source_id   INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    article_id  INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    other_id    INTEGER REFERENCES articles(id) ON DELETE SET NULL,  -- the earlier report, if one
    kind        TEXT NOT NULL CHECK (kind IN ('flag', 'estimate')),
    story       TEXT,
    type        TEXT NOT NULL,
    explanation TEXT NOT NULL,
    claim_start INTEGER,                          -- the new report's claim, to select it
    claim_end   INTEGER
);
CREATE INDEX source_changes_at ON source_changes(at);
