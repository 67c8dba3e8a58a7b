"""A folder's history.csv seeds the register so "status as of a date" works from the first start."""

import shutil
from collections import Counter

import pytest

from parksgis.store.recorded_history import HistoryFileError
from parksgis.store.register import RegisterStore

HEADER = "changed_at,project_id,field,old,new,author,note\n"


@pytest.fixture
def folder(tmp_path, sample_layers):
    target = tmp_path / "layers"
    shutil.copytree(sample_layers, target, ignore=shutil.ignore_patterns("register.sqlite"))
    return target


def statuses(projects):
    return Counter(p.status for p in projects.values())


def test_sample_history_replays_to_projects_csv(folder):
    with RegisterStore.for_folder(folder) as store:
        now = store.projects()
        assert store.as_of("2014-07-31") == now
        assert statuses(now) == {"approved": 16, "under_construction": 10, "planned": 8}
        # 进港大道: approved 2014-02-18, works started 2014-03-20 at 5 %, 40 % by mid-July
        assert store.as_of("2014-02-17")["PORT-RD-JINGANG"].status == "planned"
        assert store.as_of("2014-03-01")["PORT-RD-JINGANG"].status == "approved"
        march = store.as_of("2014-03-20")["PORT-RD-JINGANG"]
        assert (march.status, march.progress_pct) == ("under_construction", 5.0)
        assert statuses(store.as_of("2014-03-01"))["under_construction"] == 0
        started = {c.project_id for c in store.compare("2014-03-01", "2014-07-31") if c.kind == "started"}
        assert "PORT-FILL-1" in started and "WX-RD-XINGONGYE" in started


def test_recorded_history_is_not_undone(folder):
    with RegisterStore.for_folder(folder) as store:
        before = store.projects()
        assert store.undo_last() == []
        assert store.projects() == before


def test_history_that_does_not_reach_projects_csv_is_refused(folder):
    (folder / "history.csv").write_text(
        HEADER + "2014-03-20,PORT-RD-JINGANG,status,approved,completed,x,\n", encoding="utf-8")
    with pytest.raises(HistoryFileError, match=r"history\.csv: row 2: PORT-RD-JINGANG status ends at "
                                               r"'completed' but projects\.csv has 'under_construction'"):
        RegisterStore.for_folder(folder)
    assert not (folder / "register.sqlite").exists()
    assert not list(folder.glob(".register.sqlite.*"))


@pytest.mark.parametrize("line, message", [
    ("2014-13-01,PORT-WWTP,status,planned,approved,x,", r"row 2, column changed_at: '2014-13-01' is not a date"),
    ("2014-06-28,NOPE,status,planned,approved,x,", r"row 2, column project_id: 'NOPE' is not in projects\.csv"),
    ("2014-06-28,PORT-WWTP,colour,planned,approved,x,", r"row 2, column field: unknown field 'colour'"),
])
def test_bad_history_rows_are_named(folder, line, message):
    (folder / "history.csv").write_text(HEADER + line + "\n", encoding="utf-8")
    with pytest.raises(HistoryFileError, match=message):
        RegisterStore.for_folder(folder)


def test_broken_chain_is_named(folder):
    (folder / "history.csv").write_text(
        HEADER + "2014-06-01,PORT-WWTP,status,planned,approved,x,\n"
                 "2014-06-28,PORT-WWTP,status,planned,approved,x,\n", encoding="utf-8")
    with pytest.raises(HistoryFileError, match=r"row 3: PORT-WWTP status was 'approved' after row 2, not 'planned'"):
        RegisterStore.for_folder(folder)
