-- Recount library, schema version 1.
-- Applied by recount.library.migrations inside one transaction; PRAGMA user_version = 1 after.

CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    ext_id      TEXT,                    -- the id it was imported with (JSONL/CSV id, sidecar id, file stem)
    title       TEXT,
    outlet      TEXT,
    url         TEXT,
    published   TEXT,                    -- ISO date
    text        TEXT NOT NULL,
    text_hash   TEXT NOT NULL UNIQUE,    -- sha256 of the normalised text: same text twice = one article
    added_at    TEXT NOT NULL,
    deleted_at  TEXT                     -- set by delete (undoable), cleared by restore
);
CREATE INDEX articles_ext_id ON articles(ext_id);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE claims (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('numeric', 'attributed')),
    start            INTEGER,
    "end"            INTEGER,
    span             TEXT NOT NULL,
    sentence         TEXT,
    -- numeric
    value            REAL,
    lower            REAL,
    upper            REAL,
    lower_inclusive  INTEGER,
    upper_inclusive  INTEGER,
    qualifier        TEXT,
    category         TEXT,
    subject          TEXT,
    unit             TEXT,
    time_start       TEXT,
    time_end         TEXT,
    scope            TEXT,
    place            TEXT,
    source           TEXT,
    -- attributed
    speaker          TEXT,
    speaker_role     TEXT,
    verb             TEXT,
    quote            TEXT,
    date             TEXT,
    -- derived for lookups: the day the claim speaks of (time_end / date, else the article's date)
    as_of            TEXT,
    -- fields a newer engine adds that have no column yet (JSON object), so nothing is lost
    extra            TEXT
);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_kind_category_as_of ON claims(kind, category, as_of);
CREATE INDEX claims_kind_as_of ON claims(kind, as_of);

CREATE TABLE aliases (
    kind       TEXT NOT NULL CHECK (kind IN ('speaker', 'place')),
    variant    TEXT NOT NULL,
    canonical  TEXT NOT NULL,
    PRIMARY KEY (kind, variant)
);

CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL UNIQUE REFERENCES claims(id) ON DELETE CASCADE,
    decision    TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected', 'corrected')),
    correction  TEXT,                    -- JSON object of the corrected fields (claim JSON names)
    note        TEXT,
    at          TEXT NOT NULL
);

CREATE TABLE dismissed_flags (
    flag_key  TEXT PRIMARY KEY,
    note      TEXT,
    at        TEXT NOT NULL
);

-- Full-text search, kept in sync with the tables by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE VIRTUAL TABLE claims_fts USING fts5(
    sentence, quote, place, source, speaker,
    content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, sentence, quote, place, source, speaker)
    VALUES (new.id, new.sentence, new.quote, new.place, new.source, new.speaker);
END;
CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, sentence, quote, place, source, speaker)
    VALUES ('delete', old.id, old.sentence, old.quote, old.place, old.source, old.speaker);
END;
CREATE TRIGGER claims_fts_au AFTER UPDATE OF sentence, quote, place, source, speaker ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, sentence, quote, place, source, speaker)
    VALUES ('delete', old.id, old.sentence, old.quote, old.place, old.source, old.speaker);
    INSERT INTO claims_fts(rowid, sentence, quote, place, source, speaker)
    VALUES (new.id, new.sentence, new.quote, new.place, new.source, new.speaker);
END;
