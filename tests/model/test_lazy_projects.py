"""A register's projects read in the background (model.lazy_projects): what the map needs is
there at once, the rows when they are read, and an edit made meanwhile is never lost."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from parksgis.model.lazy_projects import LazyProjects, project_names, project_statuses
from parksgis.model.project import Project

ROWS = {"P-1": Project("P-1", "port", "一号地块", "Plot one", status="planned"),
        "P-2": Project("P-2", "port", "", "Plot two", status="completed")}


def _columns(rows):
    return {field: {pid: getattr(p, field) for pid, p in rows.items()} for field in ("status", "name_zh", "name_en")}


def _held(rows):
    """A LazyProjects whose read waits for ``release``, and that event."""
    release = threading.Event()

    def read():
        assert release.wait(30)
        return {pid: dataclasses.replace(p) for pid, p in rows.items()}

    return LazyProjects(_columns(rows), read), release


def test_statuses_and_names_are_there_before_the_rows_are_read():
    projects, release = _held(ROWS)
    projects.start()
    assert project_statuses(projects) == {"P-1": "planned", "P-2": "completed"}
    assert project_names(projects, "zh") == {"P-1": "一号地块", "P-2": "Plot two"}  # no Chinese name: the English
    assert project_names(projects, "en") == {"P-1": "Plot one", "P-2": "Plot two"}
    assert "P-1" in projects and "P-9" not in projects
    assert not projects.loaded
    release.set()
    assert dict(projects) == ROWS and len(projects) == 2 and projects.loaded


def test_an_edit_made_while_the_rows_are_read_wins_over_the_row_read():
    projects, release = _held(ROWS)
    projects.start()
    edited = dataclasses.replace(ROWS["P-1"], status="completed", name_en="Plot one (built)")
    projects["P-1"] = edited  # the register link copies a committed edit in
    assert projects.statuses()["P-1"] == "completed"
    assert projects.names("en")["P-1"] == "Plot one (built)"
    release.set()
    assert projects["P-1"] == edited and projects["P-2"] == ROWS["P-2"]
    assert project_statuses(projects) == {"P-1": "completed", "P-2": "completed"}


def test_the_first_use_of_the_rows_reads_them_when_nobody_started_it():
    projects = LazyProjects(_columns(ROWS), lambda: dict(ROWS))
    assert projects.get("P-2").status == "completed"
    assert sorted(projects) == ["P-1", "P-2"] and projects == ROWS


def test_a_read_that_fails_says_so_to_whoever_asks_for_the_rows():
    def read():
        raise OSError("the pack went away")

    projects = LazyProjects(_columns(ROWS), read)
    with pytest.raises(OSError, match="the pack went away"):
        list(projects.values())
    assert projects.statuses()["P-1"] == "planned"  # the map keeps its colours


def test_the_register_read_again_before_the_rows_names_what_changed_and_keeps_edits_made_here():
    projects, release = _held(ROWS)
    projects["P-2"] = dataclasses.replace(ROWS["P-2"], status="suspended")
    now = _columns({**ROWS, "P-3": Project("P-3", "port", "三号", "Three")})
    now["status"]["P-1"] = "completed"  # another desk's edit
    assert projects.follow(now) == ["P-1", "P-2", "P-3"]
    assert projects.statuses() == {"P-1": "completed", "P-2": "suspended", "P-3": "planned"}
    release.set()
    assert projects["P-2"].status == "suspended"
