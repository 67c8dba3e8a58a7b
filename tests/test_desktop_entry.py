"""``parksgis desktop-entry``: the Linux menu entry and icon, installed and removed by one command."""

import configparser
import os
import sys
from pathlib import Path

import pytest

from parksgis import cli
from parksgis.assets import get_asset

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktops only")


def test_installs_and_removes_the_menu_entry(capsys):
    data = Path(os.environ["XDG_DATA_HOME"])  # tests/conftest.py: a temporary folder
    entry = data / "applications" / "parksgis.desktop"
    icon = data / "icons" / "hicolor" / "256x256" / "apps" / "parksgis.png"
    assert cli.main(["desktop-entry"]) == 0
    assert capsys.readouterr().out == (f"{entry}: parksgis is in the application menu (remove with: "
                                       "parksgis desktop-entry --remove)\n")
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.optionxform = str  # keys are case-sensitive
    parsed.read_string(entry.read_text(encoding="utf-8"))
    desktop = parsed["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Icon"] == "parksgis"
    assert desktop["Name[zh_CN]"] == "共建产业园 GIS" and desktop["Terminal"] == "false"
    launcher = desktop["Exec"].rsplit(" ", 1)[0].strip('"')
    assert Path(launcher).name == "parksgis-gui" and os.access(launcher, os.X_OK)
    assert desktop["Exec"].endswith(" %f")
    assert icon.read_bytes() == get_asset("icons", "parksgis.png").read_bytes()
    assert [p.name for p in entry.parent.iterdir()] == ["parksgis.desktop"]  # no temporary file left

    assert cli.main(["desktop-entry", "--remove"]) == 0
    assert capsys.readouterr().out == f"{entry}: removed\n"
    assert not entry.exists() and not icon.exists()


def test_exec_path_with_spaces_and_quotes_is_quoted_per_the_spec():
    from parksgis.commands.desktop_entry import desktop_entry

    text = desktop_entry(Path('/opt/my apps/"parks"/parksgis-gui'))
    assert 'Exec="/opt/my apps/\\"parks\\"/parksgis-gui" %f' in text.splitlines()
