"""Workspace.show_as_of: views read ``projects``; swapping them names the projects that differ."""

import dataclasses
from datetime import date

from parksgis.model import Project, Workspace


def test_show_as_of_swaps_projects_and_emits_only_the_differences():
    now = {"A": Project("A", "port", "甲", status="completed"), "B": Project("B", "port", "乙")}
    workspace = Workspace(projects=now)
    seen = []
    workspace.as_of_changed.connect(lambda day: seen.append(("as_of", day)))
    workspace.projects_changed.connect(lambda ids: seen.append(("projects", ids)))
    past = {"A": dataclasses.replace(now["A"], status="approved"), "B": now["B"]}

    workspace.show_as_of(date(2014, 7, 1), past)
    assert workspace.as_of == date(2014, 7, 1)
    assert workspace.status_of("A") == "approved" and workspace.projects is not past
    assert seen == [("as_of", date(2014, 7, 1)), ("projects", ["A"])]

    seen.clear()
    workspace.show_as_of(None, now)
    assert workspace.as_of is None and workspace.status_of("A") == "completed"
    assert seen == [("as_of", None), ("projects", ["A"])]

    seen.clear()
    workspace.show_as_of(None, now)  # nothing differs: no projects_changed
    assert seen == [("as_of", None)]
