"""``parksgis desktop-entry [--remove]``: put parksgis in the Linux desktop's application menu.

Writes ``parksgis.desktop`` to the user's applications folder and the icon to the user's icon
theme (``~/.local/share/applications``, ``~/.local/share/icons``; ``$XDG_DATA_HOME`` if set). The
entry starts ``parksgis-gui`` of this install (a venv or the bundle), so run it from the install
you want in the menu. Windows has no .desktop files: there, pin ``parksgis-gui.exe`` instead.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from parksgis.errors import ParksgisError, UsageError

ENTRY_NAME = "parksgis.desktop"
ICON_SIZE = "256x256"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "desktop-entry", help="add parksgis to the Linux application menu (or --remove it)",
        description=__doc__.splitlines()[0].split(": ", 1)[1])
    parser.add_argument("--remove", action="store_true", help="take the entry and its icon away")
    parser.set_defaults(run=run)


def run(args) -> int:
    if not sys.platform.startswith("linux"):
        raise UsageError("desktop entries are for Linux desktops; on Windows pin parksgis-gui.exe "
                         "to the Start menu or the taskbar")
    entry, icon = entry_paths()
    if args.remove:
        for path in (entry, icon):
            path.unlink(missing_ok=True)
        print(f"{entry}: removed")
        return 0
    from parksgis.assets import get_asset

    _write_atomically(icon, get_asset("icons", "parksgis.png").read_bytes())
    _write_atomically(entry, desktop_entry(gui_launcher()).encode("utf-8"))
    print(f"{entry}: parksgis is in the application menu (remove with: parksgis desktop-entry --remove)")
    return 0


def entry_paths() -> tuple[Path, Path]:
    import platformdirs

    data = platformdirs.user_data_path()  # ~/.local/share, or $XDG_DATA_HOME
    return (data / "applications" / ENTRY_NAME,
            data / "icons" / "hicolor" / ICON_SIZE / "apps" / "parksgis.png")


def gui_launcher() -> Path:
    """The ``parksgis-gui`` of the running install: beside the interpreter in a venv, beside the
    executable in a bundle."""
    launcher = Path(sys.executable).with_name("parksgis-gui")
    if launcher.is_file() and os.access(launcher, os.X_OK):
        return launcher
    found = shutil.which("parksgis-gui")
    if found:
        return Path(found)
    raise ParksgisError(f"{launcher}: parksgis-gui not found; install parksgis (pip install .) "
                        "and run this command from that install")


def desktop_entry(launcher: Path) -> str:
    # Exec quoting per the Desktop Entry Specification: the path in double quotes, with ", `, $
    # and \\ escaped
    quoted = '"' + "".join("\\" + c if c in '"`$\\' else c for c in str(launcher)) + '"'
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        "Name=parksgis",
        "Name[zh_CN]=共建产业园 GIS",
        "GenericName=Industrial parks GIS viewer",
        "GenericName[zh_CN]=产业园地理信息查看器",
        "Comment=Plots, roads and utilities of the Zhuhai–Yangjiang co-built industrial parks, "
        "coloured by project status",
        "Comment[zh_CN]=珠海(阳江)共建产业园的地块、道路和设施，按项目状态着色",
        f"Exec={quoted} %f",
        "Icon=parksgis",
        "Terminal=false",
        "Categories=Science;Geography;Education;",
        "MimeType=application/geopackage+sqlite3;application/geo+json;",
        "StartupWMClass=parksgis",
        "",
    ])


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
