"""The conflicts dialog: open conflicts of a merge target with both values, resolved by clicks
through the pack API (one transaction), undecided rows left open, failures shown, nothing lost."""

import shutil
import sqlite3

import pytest
from PySide6 import QtCore

Qt = QtCore.Qt
FIELD_EDITS = {"PORT-FILL-3": {"status": "under_construction"}, "PORT-FILL-4": {"status": "suspended"},
               "PORT-FILL-5": {"progress_pct": 35.0}}
HQ_EDITS = {"PORT-FILL-3": {"status": "suspended"}, "PORT-FILL-4": {"status": "completed"},
            "PORT-FILL-5": {"progress_pct": 20.0}}


@pytest.fixture
def conflicted(tmp_path):
    """``(target, workspace)``: headquarters' pack after merging a field pack's edits to the same
    three fields it changed itself — three open conflicts."""
    from parksgis.assets import sample_layers
    from parksgis.app.packs import build_pack_from
    from parksgis.pack import export_changes, merge_changes, open_pack

    folder = tmp_path / "layers"
    shutil.copytree(sample_layers(), folder, ignore=shutil.ignore_patterns("register.sqlite*"))
    field, target = tmp_path / "field.gpkg", tmp_path / "hq.gpkg"
    build_pack_from(folder, field, parks=["port"])
    shutil.copy(field, target)  # headquarters keeps the same pack as its working copy
    _ws, handle = open_pack(field)
    for project_id, changes in FIELD_EDITS.items():
        handle.update(project_id, changes, author="现场办公室")
    handle.close()
    export_changes(field, tmp_path / "changes.json")
    _ws, handle = open_pack(target)
    for project_id, changes in HQ_EDITS.items():
        handle.update(project_id, changes, author="总部")
    handle.close()
    result = merge_changes(target, [tmp_path / "changes.json"])
    assert len(result.conflicts) == 3
    workspace, handle = open_pack(target, read_only=True)
    handle.close()
    return target, workspace


@pytest.fixture
def dialog_on(qtbot, qapp):
    from parksgis.qt.conflicts_dialog import ConflictsDialog
    from parksgis.qt.i18n import install_language

    install_language("en")  # the UI texts asserted below are the English ones, whatever ran before

    def make(target, workspace, lang="zh"):
        dialog = ConflictsDialog(target, workspace, lang=lang, author="审核员")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog
    return make


def rows(dialog):
    table = dialog.table
    return {dialog.conflicts[r].project_id: [table.item(r, c).text() for c in range(1, 5)]
            for r in range(table.rowCount())}


def row_of(dialog, project_id):
    return [c.project_id for c in dialog.conflicts].index(project_id)


def register(target):
    from parksgis.store.register import RegisterStore

    with RegisterStore.open(target, readonly=True) as store:
        projects = store.projects()
    return {pid: (projects[pid].status, projects[pid].progress_pct) for pid in FIELD_EDITS}


def test_conflicts_are_listed_with_base_field_and_headquarters_values(dialog_on, conflicted):
    dialog = dialog_on(*conflicted)  # data language zh: project names and status labels in Chinese
    assert rows(dialog) == {
        "PORT-FILL-3": ["Status", "立项 (approved)", "在建 (under_construction)", "暂缓 (suspended)"],
        "PORT-FILL-4": ["Status", "立项 (approved)", "暂缓 (suspended)", "建成 (completed)"],
        "PORT-FILL-5": ["Progress", "0.0", "35.0", "20.0"],
    }
    field_value = dialog.table.item(row_of(dialog, "PORT-FILL-4"), 3)
    assert "by 现场办公室 at 20" in field_value.toolTip()  # who changed it on site, and when
    assert dialog.table.item(row_of(dialog, "PORT-FILL-4"), 0).text() == "PORT-FILL-4 · 港口片区4号地块填土工程"
    assert dialog.summary.text().startswith("3 open conflict(s)")


def test_each_conflict_resolved_by_its_own_click(qtbot, dialog_on, conflicted):
    target, workspace = conflicted
    dialog = dialog_on(target, workspace)
    resolved = []
    dialog.resolved.connect(resolved.extend)
    qtbot.mouseClick(dialog.choice_button(row_of(dialog, "PORT-FILL-3"), "field"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.choice_button(row_of(dialog, "PORT-FILL-4"), "target"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    assert sorted((c.project_id, c.resolution) for c in resolved) == [
        ("PORT-FILL-3", "field"), ("PORT-FILL-4", "target")]
    assert list(rows(dialog)) == ["PORT-FILL-5"]  # undecided: still open, still listed
    assert register(target) == {"PORT-FILL-3": ("under_construction", 0.0),
                                "PORT-FILL-4": ("completed", 0.0), "PORT-FILL-5": ("approved", 20.0)}

    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)  # nothing chosen
    assert dialog.error.isVisibleTo(dialog) and "Choose a value" in dialog.error.text()


def test_all_at_once(qtbot, dialog_on, conflicted):
    target, workspace = conflicted
    dialog = dialog_on(target, workspace, lang="en")
    qtbot.mouseClick(dialog.all_field_button, Qt.MouseButton.LeftButton)
    assert all(dialog.choice_button(r, "field").isChecked() for r in range(3))
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0 and dialog.summary.text() == "No open conflicts."
    assert not dialog.apply_button.isEnabled()
    assert register(target) == {"PORT-FILL-3": ("under_construction", 0.0),
                                "PORT-FILL-4": ("suspended", 0.0), "PORT-FILL-5": ("approved", 35.0)}


def test_a_failed_resolution_changes_nothing_and_says_why(qtbot, dialog_on, conflicted):
    target, workspace = conflicted
    dialog = dialog_on(target, workspace, lang="en")
    before = register(target)
    qtbot.mouseClick(dialog.all_target_button, Qt.MouseButton.LeftButton)
    holder = sqlite3.connect(target, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program is saving to the pack
    try:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert dialog.error.isVisibleTo(dialog)
    assert "hq.gpkg" in dialog.error.text() and "another program" in dialog.error.text()
    assert len(rows(dialog)) == 3 and register(target) == before
