"""``parksgis sample DIR``: copy the bundled sample parks to DIR as a workspace of your own.

The copy holds the layers, ``parks.json``, ``projects.csv`` and ``history.csv``; ``parksgis gui
DIR`` then keeps its register (``DIR/register.sqlite``) beside them, as for any layers folder. The
bundled sample itself is never written: the window keeps its edits in the per-user data folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from parksgis.errors import ParksgisError, UsageError


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "sample", help="copy the bundled sample parks to a folder of your own, to edit",
        description=__doc__.splitlines()[0].split(": ", 1)[1])
    parser.add_argument("folder", metavar="DIR", help="new (or empty) folder to create")
    parser.set_defaults(run=run)


def run(args) -> int:
    folder = copy_sample(Path(args.folder))
    print(f"{folder}: the sample parks, yours to edit; open them with: parksgis gui {folder}")
    return 0


def copy_sample(folder: Path) -> Path:
    """Copy the sample parks into ``folder`` (new or empty), whole or not at all."""
    from parksgis.assets import NOT_SAMPLE_DATA, sample_layers

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"{folder}: already exists and is not an empty folder; name a new one")
    parent = folder.absolute().parent
    if not parent.is_dir():
        raise UsageError(f"{parent}: no such folder")
    try:
        # copied next to DIR under a temporary name, renamed when complete: an interrupted copy
        # leaves no half sample behind
        building = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".copying", dir=parent))
    except OSError as exc:
        raise ParksgisError(f"{parent}: cannot create the folder ({exc.strerror or exc})") from None
    try:
        shutil.copytree(sample_layers(), building, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(*NOT_SAMPLE_DATA, "register.sqlite*"))
        if folder.exists():
            folder.rmdir()  # empty, checked above
        os.replace(building, folder)
    except OSError as exc:
        raise ParksgisError(f"{folder}: cannot copy the sample parks ({exc.strerror or exc})") from None
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return folder
