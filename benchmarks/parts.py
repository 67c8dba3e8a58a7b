"""How the harness reaches each part of parksgis, and a clean "not built" when a part is missing.

The parts come from other branches (io, data, pack, render, qt) and land at different times; the
harness must run whatever has landed. Every accessor raises NotBuilt naming what is missing, and
the table shows "n/a — not built" for the stages that need it.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from benchmarks.generate import PARK_ID, layer_files


class NotBuilt(Exception):
    """A part of parksgis that a stage needs does not exist on this branch yet."""


def _attr(module: str, name: str):
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            raise NotBuilt(f"{module}") from None
        raise
    try:
        return getattr(mod, name)
    except AttributeError:
        raise NotBuilt(f"{module}.{name}") from None


def read_layer():
    return _attr("parksgis.io", "read_layer")


def load_workspace():
    return _attr("parksgis.app.workspace", "load_workspace")


def import_libraries_before_qt(src: str) -> None:
    """What ``parksgis gui`` imports before Qt (nothing when that is not built)."""
    try:
        _attr("parksgis.commands.render", "import_libraries_before_qt")(src)
    except NotBuilt:
        pass
    try:
        _attr("parksgis.commands.gui", "import_readers_before_qt")()
    except NotBuilt:
        pass


def plain_source_check() -> None:
    """What ``parksgis gui`` does to PySide6's import hook once PySide6 is imported (nothing when
    that is not built)."""
    try:
        _attr("parksgis.commands.render", "plain_source_check")()
    except NotBuilt:
        pass


def map_renderer_class():
    return _attr("parksgis.render.map_renderer", "MapRenderer")


def workspace_from_files(root: Path):
    """A Workspace built straight from the files with geopandas, for when io/data are missing.

    Only used so that render stages can be measured before the readers land; the open/read
    stages still say "not built".
    """
    import csv

    import geopandas

    from parksgis.model.layer import Layer, LayerKind
    from parksgis.model.project import Project
    from parksgis.model.workspace import Park, Workspace

    layers = [Layer(p.stem, geopandas.read_file(p), LayerKind.from_name(p.stem), park_id=PARK_ID, source=p)
              for p in layer_files(root)]
    with (root / "projects.csv").open(encoding="utf-8") as fh:
        projects = {row["project_id"]: Project(row["project_id"], row["park"], row["name_zh"],
                                               row["name_en"], row["category"], row["status"])
                    for row in csv.DictReader(fh)}
    return Workspace(parks=[Park(PARK_ID, "基准园区", "Benchmark park", layers)], projects=projects)


def open_workspace(root: Path):
    """(workspace, how): load_workspace when built, else the geopandas fallback."""
    try:
        loader = load_workspace()
    except NotBuilt:
        return workspace_from_files(root), "geopandas fallback"
    workspace, _reports = loader(root)
    return workspace, "load_workspace"
