"""Issue 13 point 2 (and the shared register): an edit of a field someone else changed since the
form showed it is refused with both values; the user keeps theirs, applies theirs anyway, or edits.
History rows read as field labels in local time."""

from __future__ import annotations

import time

import pytest
from PySide6 import QtCore

from parksgis.store.register import RegisterStore

Qt = QtCore.Qt
PROJECT = "PORT-FILL-3"  # approved, progress 0 in the sample register


@pytest.fixture
def editing(qtbot, register_window, maps):
    """The window with PORT-FILL-3 clicked, and a second desk's register connection."""
    win = register_window
    maps.click_project(qtbot, win, "port/plots", PROJECT)
    editor = win.register_panels.editor
    assert editor.project_id == PROJECT
    with RegisterStore.open(win.register_panels.link.backend.path) as other_desk:
        yield win, editor, other_desk


def set_progress_and_apply(qtbot, editor, value: int) -> None:
    spin = editor.progress_spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), str(value))
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)


def test_keep_theirs_drops_mine_and_shows_theirs(qtbot, editing, maps):
    win, editor, other = editing
    other.update(PROJECT, {"progress_pct": 30.0}, author="王工")
    maps.when_dialog_opens(lambda d: qtbot.mouseClick(d.keep_button, Qt.MouseButton.LeftButton))
    set_progress_and_apply(qtbot, editor, 45)
    backend = win.register_panels.link.backend
    assert backend.project(PROJECT).progress_pct == 30.0
    assert editor.progress_spin.value() == 30  # the form now shows the register's value
    assert not [r for r in backend.history(PROJECT) if r.new in ("45", "45.0")]


def test_apply_mine_overwrites_knowingly_with_history(qtbot, editing, maps):
    win, editor, other = editing
    other.update(PROJECT, {"progress_pct": 30.0}, author="王工")
    seen = {}

    def both_values_then_mine(dialog):
        seen["row"] = [dialog.table.item(0, c).text() for c in range(4)]
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    maps.when_dialog_opens(both_values_then_mine)
    set_progress_and_apply(qtbot, editor, 45)
    assert seen["row"][:3] == ["进度", "45 %", "30 %"] and seen["row"][3].startswith("王工")
    backend = win.register_panels.link.backend
    assert backend.project(PROJECT).progress_pct == 45.0
    last = backend.history(PROJECT)[-1]
    assert last.field == "progress_pct" and float(last.old) == 30 and float(last.new) == 45


def test_edit_then_apply_writes_over_the_value_now_shown(qtbot, editing, maps):
    win, editor, other = editing
    other.update(PROJECT, {"progress_pct": 30.0}, author="王工")
    maps.when_dialog_opens(lambda d: qtbot.mouseClick(d.edit_button, Qt.MouseButton.LeftButton))
    set_progress_and_apply(qtbot, editor, 45)
    assert editor.progress_spin.value() == 45 and editor.notice.isVisibleTo(editor)
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)  # no second dialog: base is 30 now
    assert win.register_panels.link.backend.project(PROJECT).progress_pct == 45.0


def test_7_history_in_field_labels_and_local_time(qtbot, editing, monkeypatch):
    win, editor, _ = editing
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        set_progress_and_apply(qtbot, editor, 15)
        line = editor.history_list.item(0).text()
        row = win.register_panels.link.backend.history(PROJECT)[-1]
        utc_hour = int(row.changed_at[11:13])
        assert int(line[11:13]) == (utc_hour + 8) % 24  # Beijing time, not UTC
        assert "Z" not in line[:17] and "进度: 0 % → 15 %" in line and "progress_pct" not in line
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
