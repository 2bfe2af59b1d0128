-- Recount library, schema version 2: find deleted articles without reading every article.
-- Candidate lookups exclude deleted articles through this small partial index, instead of
-- checking every joined article row (which made SQLite build a filter over all articles).
CREATE INDEX articles_deleted ON articles(id) WHERE deleted_at IS NOT NULL;
