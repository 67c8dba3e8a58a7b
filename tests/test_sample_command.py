"""``parksgis sample DIR``: the sample parks as a workspace of the user's own."""

import pytest

from parksgis import cli
from parksgis.app.workspace import load_workspace
from parksgis.store.register import RegisterStore


def test_copies_the_sample_parks_as_an_editable_folder(tmp_path, capsys):
    target = tmp_path / "my parks"
    assert cli.main(["sample", str(target)]) == 0
    assert capsys.readouterr().out == (f"{target}: the sample parks, yours to edit; open them with: "
                                       f"parksgis gui {target}\n")
    assert sorted(p.name for p in target.iterdir()) == [
        "README.md", "basemap", "environmental", "history.csv", "imagery", "parks.json", "port",
        "projects.csv", "wanxiang"]
    assert [p.name for p in tmp_path.iterdir()] == ["my parks"]  # no temporary copy left behind
    workspace, reports = load_workspace(target)
    assert [p.park_id for p in workspace.parks] == ["port", "wanxiang", "environmental"]
    assert all(r.ok for r in reports)
    with RegisterStore.for_folder(target) as store:  # the copy keeps its register beside it
        store.update("PORT-FILL-7", {"status": "completed"}, "tester", "test")
    assert (target / "register.sqlite").is_file()


def test_an_empty_folder_is_filled(tmp_path):
    (tmp_path / "empty").mkdir()
    assert cli.main(["sample", str(tmp_path / "empty")]) == 0
    assert (tmp_path / "empty" / "parks.json").is_file()


@pytest.mark.parametrize("make, message", [
    (lambda p: (p.mkdir(), (p / "notes.txt").write_text("mine", encoding="utf-8")),
     "already exists and is not an empty folder; name a new one"),
    (lambda p: p.write_text("a file", encoding="utf-8"), "already exists and is not an empty folder"),
])
def test_never_overwrites_what_is_there(tmp_path, capsys, make, message):
    target = tmp_path / "taken"
    make(target)
    assert cli.main(["sample", str(target)]) == 2
    assert capsys.readouterr().err == f"parksgis sample: {target}: {message}" + (
        "; name a new one\n" if not message.endswith("one") else "\n")


def test_missing_parent_folder_is_a_usage_error(tmp_path, capsys):
    assert cli.main(["sample", str(tmp_path / "no" / "such")]) == 2
    assert capsys.readouterr().err == f"parksgis sample: {tmp_path / 'no'}: no such folder\n"
