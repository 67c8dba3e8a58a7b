"""The status register: projects, append-only history, change sets (SQLite). No Qt here."""
