"""Building a pack from what a user names: a layers folder (read whole, register and all) or a
workspace already loaded. The pack format itself is :mod:`parksgis.pack`; this only loads."""

from __future__ import annotations

from pathlib import Path

from parksgis.app.workspace import load_workspace
from parksgis.model.workspace import Workspace
from parksgis.pack.build import build_pack
from parksgis.pack.errors import PackError


def build_pack_from(source, out, **options) -> dict:
    """Build ``out`` from a layers folder or a :class:`Workspace` (``options``: see ``build_pack``).

    A layer file that cannot be read stops the build: a pack silently missing a layer (or
    holding it empty) is exactly the kind of loss field offices find out about too late.
    """
    if isinstance(source, Workspace):
        return build_pack(source, out, **options)
    path = Path(source)
    if not path.is_dir():
        raise PackError(path, "the source must be a layers folder (parks.json, park folders, "
                              "projects.csv)")
    workspace, reports = load_workspace(path)
    for report in reports:
        if not report.ok:
            first = report.lines()[0] if report.problems else f"{report.file}: cannot be read"
            raise PackError(path, f"not built, a layer or file failed to load: {first}")
    return build_pack(workspace, out, register_folder=path, source_label=str(path.resolve()),
                      **options)
