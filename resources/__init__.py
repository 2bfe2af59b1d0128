"""Icons, desktop entry and sample reports (shipped as recount.resources)."""
