"""A merge is one pass: its cost grows with changes plus projects, never changes × projects
(issue 14, point 13: 3,000 changes into 1,034 projects took 33 s; 150,000 into 50,034 never
finished).

The first test counts work instead of timing it, so machine load cannot make it pass or fail:
every Python function call and every SQL statement the merge makes (``sys.setprofile``). The
work one more change costs must not depend on how many projects the register holds. The second
test is the user's view at a size where the quadratic merge took most of an hour.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter

import pytest

from parksgis.model.project import Project
from parksgis.pack import merge_changes
from parksgis.store.register import RegisterStore


def _headquarters(folder, projects: int):
    folder.mkdir()
    RegisterStore.create(folder / "register.sqlite", {
        f"P-{i}": Project(f"P-{i}", "port", f"项目{i}", f"Project {i}", "plot", "planned")
        for i in range(projects)}).close()
    return folder


def _change_file(path, changes: int, projects: int):
    """``changes`` edits from one field office: statuses first, then progress, each field once."""
    rows = []
    for i in range(changes):
        status = i < projects
        rows.append({"change_id": f"c-{i}", "project_id": f"P-{i % projects}",
                     "field": "status" if status else "progress_pct",
                     "base": "planned" if status else None, "new": "approved" if status else "10.0",
                     "author": "现场 李工", "changed_at": "2014-07-01T02:00:00Z", "edits": []})
    path.write_text(json.dumps({"format": "parksgis-changes", "version": 1,
                                "pack": {"pack_id": "office-1"}, "changes": rows},
                               ensure_ascii=False), encoding="utf-8")
    return path


def _work(tmp_path, projects: int, changes: int) -> int:
    """Python calls and SQL statements of one merge (the register and file are made before)."""
    name = f"p{projects}-c{changes}"
    target = _headquarters(tmp_path / name, projects)
    changes_file = _change_file(tmp_path / f"{name}.json", changes, projects)
    events: Counter = Counter()

    def count(_frame, event, _arg):
        events[event] += 1

    sys.setprofile(count)
    try:
        result = merge_changes(target, [changes_file])
    finally:
        sys.setprofile(None)
    assert len(result.merged) == changes and not result.conflicts
    return events["call"] + events["c_call"]


def test_one_more_change_costs_the_same_whatever_the_register_size(tmp_path):
    small, big = 400, 3200
    per_change_small = (_work(tmp_path, small, 400) - _work(tmp_path, small, 200)) / 200
    per_change_big = (_work(tmp_path, big, 400) - _work(tmp_path, big, 200)) / 200
    # one pass: the same per change (the quadratic merge did ~8x more here: 8x the projects)
    assert per_change_big < 1.25 * per_change_small, (per_change_small, per_change_big)


@pytest.mark.slow
def test_thirty_thousand_changes_into_ten_thousand_projects_merge_in_seconds(tmp_path):
    projects, changes = 10_034, 30_000
    target = _headquarters(tmp_path / "hq", projects)
    changes_file = _change_file(tmp_path / "c.json", changes, projects)
    started = time.perf_counter()
    result = merge_changes(target, [changes_file])
    took = time.perf_counter() - started
    assert len(result.merged) == 20_068 and len(result.already) == 9_932
    # ~5 s on a loaded 2-core machine; the quadratic merge (33 s for 3,000 x 1,034) would take
    # ~50 minutes here: a bound of 2 minutes fails it and never a one-pass merge
    assert took < 120, f"merge took {took:.0f} s"
    with RegisterStore.open(target / "register.sqlite", readonly=True) as store:
        assert store.project("P-10033").status == "approved"
        assert store.project("P-1").progress_pct == 10.0
