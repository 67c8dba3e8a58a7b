"""Status as of a date and compare(), on a fixture history checked against hand-computed tables."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from parksgis.store.timeline import COMPLETED, OTHER, STARTED, SUSPENDED


@pytest.fixture
def fixture_history(register):
    """Seeded 2014-01-01 (PT-R02 planned, WX-B01 approved, PT-S01 approved, EP-P01 planned), then:"""
    edits = [
        # two changes on one day: the later one (17:00) wins for 1 March
        ("PT-R02", {"status": "approved"}, "2014-03-01T08:00:00+08:00"),
        ("PT-R02", {"status": "under_construction", "progress_pct": 5}, "2014-03-01T17:00:00+08:00"),
        # 23:30 China time on 1 March, then 00:30 on 2 March — which is still 1 March in UTC
        ("WX-B01", {"status": "under_construction"}, "2014-03-01T23:30:00+08:00"),
        ("WX-B01", {"status": "completed"}, "2014-03-02T00:30:00+08:00"),
        ("EP-P01", {"status": "approved"}, "2014-04-01"),
        ("PT-R02", {"status": "suspended"}, "2014-06-15"),
        ("PT-R02", {"status": "under_construction", "progress_pct": 30}, "2014-08-01"),
        # recorded last but dated earlier the same day as the 'completed' below: completed wins
        ("PT-S01", {"status": "in_operation"}, "2014-05-01T18:00:00+08:00"),
        ("PT-S01", {"status": "completed"}, "2014-05-01T09:00:00+08:00"),
    ]
    for pid, changes, when in edits:
        register.update(pid, changes, author="fixture", changed_at=when)
    return register


# Hand-computed from the edits above (end of each day, China time).
EXPECTED = {
    "2013-06-01": ("planned", "approved", "approved", "planned"),   # before any history: baseline
    "2014-01-01": ("planned", "approved", "approved", "planned"),
    "2014-02-28": ("planned", "approved", "approved", "planned"),
    "2014-03-01": ("under_construction", "under_construction", "approved", "planned"),
    "2014-03-02": ("under_construction", "completed", "approved", "planned"),
    "2014-04-01": ("under_construction", "completed", "approved", "approved"),
    "2014-05-01": ("under_construction", "completed", "in_operation", "approved"),
    "2014-07-01": ("suspended", "completed", "in_operation", "approved"),
    "2014-12-31": ("under_construction", "completed", "in_operation", "approved"),
}


@pytest.mark.parametrize("day", sorted(EXPECTED))
def test_status_as_of_matches_hand_computed(fixture_history, day):
    projects = fixture_history.as_of(date.fromisoformat(day))
    got = tuple(projects[pid].status for pid in ("PT-R02", "WX-B01", "PT-S01", "EP-P01"))
    assert got == EXPECTED[day]
    assert projects["WX-R01"].status == "under_construction"  # never changed: its current value


def test_as_of_replays_every_field_and_accepts_text(fixture_history):
    assert fixture_history.as_of("2014-02-01")["PT-R02"].progress_pct is None  # old of its first change
    assert fixture_history.as_of("2014-03-01")["PT-R02"].progress_pct == 5.0
    assert fixture_history.as_of("2014-09-01")["PT-R02"].progress_pct == 30.0
    assert fixture_history.as_of("2014-09-01")["PT-R02"].name_zh == "疏港大道(南)"


def test_as_of_an_instant(fixture_history):
    noon = datetime(2014, 3, 1, 4, 0, tzinfo=timezone.utc)  # 12:00 China time: after 08:00, before 17:00
    assert fixture_history.as_of(noon)["PT-R02"].status == "approved"


def test_as_of_today_equals_current_values(fixture_history):
    fixture_history.undo_last()
    today = datetime.now(timezone.utc)
    assert fixture_history.as_of(today) == fixture_history.projects()


def test_compare_classifies_changes(fixture_history):
    changes = fixture_history.compare("2014-02-28", "2014-07-01")
    assert [(c.project_id, c.before, c.after, c.kind) for c in changes] == [
        ("EP-P01", "planned", "approved", OTHER),
        ("PT-R02", "planned", "suspended", SUSPENDED),
        ("PT-S01", "approved", "in_operation", COMPLETED),
        ("WX-B01", "approved", "completed", COMPLETED),
    ]
    later = fixture_history.compare("2014-07-01", "2014-12-31")
    assert [(c.project_id, c.kind, c.progress_before, c.progress_after) for c in later] == [
        ("PT-R02", STARTED, 5.0, 30.0)]
    assert [c.project_id for c in fixture_history.compare("2014-02-28", "2014-03-01")
            if c.kind == STARTED] == ["PT-R02", "WX-B01"]
    assert fixture_history.compare("2014-09-01", "2014-09-01") == []


def test_replay_days_equals_one_replay_per_day(fixture_history):
    from parksgis.store.timeline import replay, replay_days

    current, rows = fixture_history.projects(), fixture_history.history()
    days = [date.fromisoformat(d) for d in reversed(sorted(EXPECTED))]  # any order
    assert replay_days(current, rows, days) == [replay(current, rows, d) for d in days]


def test_a_replay_reads_only_the_history_of_changed_fields_and_gives_the_full_replays_answer(fixture_history):
    from parksgis.store.timeline import replay

    changed = fixture_history.changed_history()
    edited = {("PT-R02", "status"), ("PT-R02", "progress_pct"), ("WX-B01", "status"), ("EP-P01", "status"),
              ("PT-S01", "status")}
    assert {(r.project_id, r.field) for r in changed} == edited
    everything = fixture_history.history()
    assert changed == [r for r in everything if (r.project_id, r.field) in edited]  # seeds kept, in order
    assert len(changed) < len(everything)  # the seeds of fields never edited are not read
    current = fixture_history.projects()
    for day in sorted(EXPECTED):
        assert fixture_history.as_of(day) == replay(current, everything, day)
