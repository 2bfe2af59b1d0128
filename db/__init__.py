"""SQL migrations, applied in order by recount.library.migrations (shipped as recount.db)."""
