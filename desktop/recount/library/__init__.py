"""SQLite library of reports: store, migrations, import. No Qt."""
