"""The server register as a RegisterBackend: a writer held up by another desk's lock gets a typed
error within its short wait, and undo reverts the last edit group with history."""

from __future__ import annotations

import time

import psycopg
import pytest

from parksgis.server.register import ServerRegister
from parksgis.store.backend import ChangeSet
from parksgis.store.errors import RegisterLockedError


def test_a_desk_holding_the_row_gives_a_typed_error_within_the_wait(loaded_url):
    with psycopg.connect(loaded_url) as other, ServerRegister.open(loaded_url, lock_timeout_s=0.5) as store:
        other.execute("SELECT 1 FROM parksgis.projects WHERE project_id = 'PORT-FILL-3' FOR UPDATE")
        started = time.perf_counter()
        with pytest.raises(RegisterLockedError, match="another desk is writing the same project right now"):
            store.apply(ChangeSet.of_project("PORT-FILL-3", {"status": "completed"}))
        assert time.perf_counter() - started < 2.0
        other.rollback()
        assert store.apply(ChangeSet.of_project("PORT-FILL-3", {"status": "completed"}))  # free again


def test_undo_reverts_the_last_edit_group(loaded_url):
    with ServerRegister.open(loaded_url) as store:
        store.update_many({"PORT-FILL-3": {"status": "completed", "progress_pct": 100},
                           "PORT-FILL-4": {"note": "done"}}, author="desk 1")
        rows = store.undo_last(author="desk 2")
        assert sorted((r.project_id, r.field, r.new) for r in rows) == [
            ("PORT-FILL-3", "progress_pct", "0.0"), ("PORT-FILL-3", "status", "approved"),
            ("PORT-FILL-4", "note", store.history("PORT-FILL-4")[-2].old)]
        assert all(r.source == "undo" and r.reverts is not None for r in rows)
        assert store.project("PORT-FILL-3").status == "approved"
