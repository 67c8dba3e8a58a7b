"""The server register as a RegisterBackend: a writer held up by another desk's lock gets a typed
error within its short wait, and undo reverts the last edit group with history."""

from __future__ import annotations

import time

import psycopg
import pytest

from parksgis.server.register import ServerRegister
from parksgis.store.backend import ChangeSet
from parksgis.store.errors import RegisterLockedError, StaleEditError


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


def test_an_edit_another_desk_overtook_is_refused_whole_naming_both_values_who_and_when(loaded_url):
    with ServerRegister.open(loaded_url) as desk1, ServerRegister.open(loaded_url) as desk2:
        seen = desk1.project("PORT-FILL-3")
        desk2.apply(ChangeSet.of_project("PORT-FILL-3", {"status": "completed"}, {"status": seen.status}),
                    author="总部", changed_at="2026-06-01T10:00:00+08:00")
        before = desk1.history("PORT-FILL-3")
        with pytest.raises(StaleEditError) as caught:
            desk1.apply(ChangeSet.of_project("PORT-FILL-3", {"status": "under_construction", "note": "开工"},
                                             {"status": seen.status, "note": seen.note}), author="现场")
        error = caught.value
        assert [(f.field, f.base, f.new, f.current) for f in error.fields] == [
            ("status", seen.status, "under_construction", "completed")]
        assert (error.changed_by, error.changed_at) == ("总部 (postgres)", "2026-06-01T02:00:00.000000Z")
        assert str(error).endswith("your 'under_construction' was not saved; nothing was changed")
        assert desk1.history("PORT-FILL-3") == before and desk1.project("PORT-FILL-3").note == seen.note
        # the very change someone already made is no conflict and writes nothing
        assert desk1.apply(ChangeSet.of_project("PORT-FILL-3", {"status": "completed"},
                                                {"status": seen.status})) == []
        # a base equal once stored (35 == 35.0, ' x ' == 'x') is the value the desk saw: applied
        desk1.update("PORT-FILL-3", {"progress_pct": 35, "note": "x"})
        rows = desk1.apply(ChangeSet.of_project("PORT-FILL-3", {"progress_pct": 40, "note": "y"},
                                                {"progress_pct": "35", "note": " x "}), author="现场")
        assert sorted((r.field, r.old, r.new, r.author) for r in rows) == [
            ("note", "x", "y", "现场"), ("progress_pct", "35.0", "40.0", "现场")]
        assert len({r.edit_id for r in rows}) == 1


def test_a_change_made_through_psql_is_named_by_its_database_user(loaded_url):
    with ServerRegister.open(loaded_url) as desk:
        seen = desk.project("PORT-FILL-4").note
        with psycopg.connect(loaded_url) as other:
            other.execute("UPDATE parksgis.projects SET note = 'from psql' WHERE project_id = 'PORT-FILL-4'")
        with pytest.raises(StaleEditError) as caught:
            desk.apply(ChangeSet.of_project("PORT-FILL-4", {"note": "mine"}, {"note": seen}))
        assert (caught.value.current, caught.value.changed_by) == ("from psql", "postgres")


def test_a_replay_reads_only_the_history_of_changed_fields_and_gives_the_full_replays_answer(loaded_url):
    from parksgis.store.timeline import replay

    with ServerRegister.open(loaded_url) as store:
        before = store.project("PORT-FILL-3").status
        store.update("PORT-FILL-3", {"status": "completed"}, author="desk 1", changed_at="2030-01-02T10:00:00Z")
        changed, everything = store.changed_history(), store.history()
        edited = {(r.project_id, r.field) for r in everything if r.source != "seed"}
        assert ("PORT-FILL-3", "status") in edited
        assert changed == [r for r in everything if (r.project_id, r.field) in edited]  # seeds kept, in order
        assert len(changed) < len(everything)  # the seeds of fields never edited are not read
        for day in ("2029-12-31", "2030-01-02"):
            assert store.as_of(day) == replay(store.projects(), everything, day)
        assert store.as_of("2029-12-31")["PORT-FILL-3"].status == before
