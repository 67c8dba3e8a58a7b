"""Issue 11 point 4: a status edit re-reads the attribute table's status column only for the edited
projects' rows, and the column ends up exactly as a full re-read gives it."""

import dataclasses

from parksgis.qt.attribute_table import status_codes


def test_an_edit_updates_only_its_rows_and_matches_a_full_read(qtbot, window):
    workspace = window.workspace
    roads = workspace.layer("port/roads")
    window.table.show_layer(roads)
    model = window.table.proxy.sourceModel()
    before = model.statuses.copy()
    changed = []
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    pid = "PORT-ROAD-02"
    workspace.projects[pid] = dataclasses.replace(workspace.projects[pid], status="suspended")
    workspace.projects_changed.emit([pid])
    rows = [r for r, p in enumerate(roads.project_ids) if p == pid]
    assert changed == [(min(rows), max(rows))]  # not the whole column
    assert list(model.statuses) == list(status_codes(workspace, roads))
    assert [model.statuses[r] for r in rows] == ["suspended"] * len(rows)
    assert [s for r, s in enumerate(model.statuses) if r not in rows] == \
        [s for r, s in enumerate(before) if r not in rows]
    workspace.projects_changed.emit(None)  # no ids (a day shown "as of"): the whole column
    assert list(model.statuses) == list(status_codes(workspace, roads))
