"""The window on the bundled sample parks says where its edits go; an unwritable folder opens
read-only with a notice."""

import shutil

import pytest

from parksgis.assets import sample_layers
from parksgis.user_data import sample_register_file


@pytest.fixture
def app_window(qtbot, qapp, finished):
    from parksgis.qt.app import configure_app, open_window

    configure_app(qapp)
    opened = []

    def make(path):
        win, opening = open_window(path, language="en")
        qtbot.addWidget(win)
        finished(opening)
        qtbot.waitExposed(win)
        opened.append(win)
        return win

    yield make
    for win in opened:
        win.register_panels.close()


def test_sample_parks_edits_go_to_the_user_data_folder(maps, qtbot, app_window):
    sample_register_file().unlink(missing_ok=True)
    win = app_window(None)  # `parksgis` with no arguments
    assert [p.park_id for p in win.workspace.parks] == ["port", "wanxiang", "environmental"]
    notice = win.register_panels.notice
    assert notice.isVisibleTo(win)
    assert notice.text() == f"Sample parks: your status edits are saved in {sample_register_file()}"
    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-7")
    maps.choose_status(qtbot, win.register_panels.editor, "completed")
    assert win.workspace.projects["PORT-FILL-7"].status == "completed"
    from parksgis.store.register import RegisterStore

    with RegisterStore.open(sample_register_file(), readonly=True) as store:
        assert store.project("PORT-FILL-7").status == "completed"
    assert not (sample_layers() / "register.sqlite").exists()
    win.register_panels.close()
    sample_register_file().unlink()


def test_unwritable_folder_opens_read_only_with_a_notice(maps, qtbot, app_window, tmp_path, monkeypatch):
    import parksgis.store.register as register

    folder = tmp_path / "layers"
    shutil.copytree(sample_layers(), folder)
    # read-only media; as root the permission bits would not stop a write, so os.access says so
    monkeypatch.setattr(register.os, "access", lambda path, mode: False)
    win = app_window(folder)
    expected = (f"The folder {folder} cannot be written, so it is open read-only. To edit statuses, "
                "copy it to a folder you can write to (parksgis sample DIR copies the sample parks).")
    notice = win.register_panels.notice
    assert notice.isVisibleTo(win) and notice.text() == expected
    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-7")
    editor = win.register_panels.editor
    assert editor.notice.text() == expected
    assert not editor.form_box.isEnabled() and not editor.apply_button.isEnabled()
    assert not (folder / "register.sqlite").exists()


def test_gui_screenshot_writes_the_first_frame_and_quits(qapp, tmp_path, capsys, maps):
    """``parksgis gui --screenshot PNG``: what the install and bundle smoke tests run."""
    from PySide6.QtGui import QImage

    from parksgis import cli

    out = tmp_path / "window.png"
    qapp.setQuitOnLastWindowClosed(False)  # the window closes without an event loop to consume Quit
    try:
        assert cli.main(["gui", str(sample_layers()), "--lang", "en", "--screenshot", str(out)]) == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert capsys.readouterr().out == f"{out}\n"
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert maps.count_colour(image, "#E69F00", tolerance=2) > 20  # under construction, drawn
