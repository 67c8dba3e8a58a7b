"""The bundled sample parks are never written: their register is the user's own, in the per-user
data folder (tests point it at a temporary folder, tests/conftest.py)."""

import hashlib
import os

import pytest

from parksgis import cli
from parksgis.assets import sample_layers
from parksgis.app.workspace import load_workspace
from parksgis.store.register import RegisterStore, register_file
from parksgis.user_data import sample_register_file


def tree_digest(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture
def fresh_user_data():
    sample_register_file().unlink(missing_ok=True)
    yield sample_register_file()
    sample_register_file().unlink(missing_ok=True)


def test_user_data_points_at_the_test_folder_not_the_users():
    assert str(sample_register_file()).startswith(os.environ["XDG_DATA_HOME"])


def test_sample_register_is_seeded_in_the_user_data_folder(fresh_user_data):
    before = tree_digest(sample_layers())
    assert register_file(sample_layers()) == fresh_user_data
    with RegisterStore.for_folder(sample_layers()) as store:
        assert store.path == str(fresh_user_data)
        store.update("PORT-FILL-7", {"status": "completed"}, "tester", "test")
    workspace, _ = load_workspace(sample_layers())  # the edited register is what opens next time
    assert workspace.meta["register"] == str(fresh_user_data)
    assert workspace.projects["PORT-FILL-7"].status == "completed"
    assert tree_digest(sample_layers()) == before
    assert not (sample_layers() / "register.sqlite").exists()


def test_status_command_edits_the_sample_in_the_user_data_folder(fresh_user_data, capsys):
    assert cli.main(["status", "undo", str(sample_layers())]) == 1  # a fresh register: nothing to undo
    assert capsys.readouterr().err == f"parksgis: the bundled sample parks' register is {fresh_user_data}\n"
    assert fresh_user_data.is_file() and not (sample_layers() / "register.sqlite").exists()


def test_help_says_where_the_sample_register_is(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert f"\n  {sample_register_file()}\n" in capsys.readouterr().out


def test_unwritable_folder_opens_read_only(tmp_path, monkeypatch):
    """A folder on read-only media: the register is built in memory and refuses edits (as root the
    permission bits do not stop writes, so the check os.access answers is simulated)."""
    import shutil

    import parksgis.store.register as register

    folder = tmp_path / "layers"
    shutil.copytree(sample_layers(), folder)
    monkeypatch.setattr(register.os, "access", lambda path, mode: False)
    with RegisterStore.for_folder(folder) as store:
        assert store.readonly and not store.persistent and len(store.projects()) == 34
        with pytest.raises(register.RegisterError, match=r"projects.csv: register is open read-only; "
                                                         r"nothing was changed"):
            store.update("PORT-FILL-7", {"status": "completed"}, "tester", "test")
    assert not (folder / "register.sqlite").exists()
