"""Building a pack from what a user names: a layers folder (read whole, register and all) or a
workspace already loaded. The pack format itself is :mod:`parksgis.pack`; this only loads."""

from __future__ import annotations

from pathlib import Path

from parksgis import forking
from parksgis.app.workspace import load_workspace
from parksgis.io.imagery import imagery_paths, load_imagery
from parksgis.io.read_cache import used_not_kept
from parksgis.io.raster import is_raster_path
from parksgis.model.workspace import Workspace
from parksgis.pack.build import build_pack
from parksgis.pack.errors import PackError
from parksgis.pack.imagery import imagery_tables


def build_pack_from(source, out, *, imagery=None, **options) -> dict:
    """Build ``out`` from a layers folder or a :class:`Workspace` (``options``: see ``build_pack``);
    ``imagery`` is a raster, an XYZ folder or a folder of rasters to carry as tiles.

    A layer file or raster that cannot be read stops the build: a pack silently missing a layer
    (or its photo) is exactly the kind of loss field offices find out about too late.
    For ``parksgis pack build``: a folder's build is taken to be all the process does
    (``build_pack``'s ``whole_process``: layers dropped once written, a forked child hashing).
    """
    if imagery is not None:
        options["imagery"] = load_imagery_sources(imagery)
    if isinstance(source, Workspace):
        return build_pack(source, out, **options)
    path = Path(source)
    if not path.is_dir():
        raise PackError(path, "the source must be a layers folder (parks.json, park folders, "
                              "projects.csv)")
    # read once into the pack: not kept as read too; the build is all the process does, so a
    # big layer file is read by two processes (io.geojson_runs)
    with used_not_kept(), forking.whole_process():
        workspace, reports = load_workspace(path)
    for report in reports:
        if not report.ok:
            first = report.lines()[0] if report.problems else f"{report.file}: cannot be read"
            raise PackError(path, f"not built, a layer or file failed to load: {first}")
    return build_pack(workspace, out, register_folder=path, source_label=str(path.resolve()),
                      whole_process=True, **options)


def load_imagery_sources(path) -> list:
    """``--imagery FILE|DIR``: one raster, an XYZ folder, or every raster in a folder (with sidecar
    dates); the first that fails stops the build with its one line."""
    path = Path(path)
    paths = [path] if is_raster_path(path) or not path.is_dir() else imagery_paths(path)
    if not paths:
        raise PackError(path, "--imagery: no GeoTIFF, MBTiles or XYZ tile folder here")
    layers = []
    for one in paths:
        layer, report = load_imagery(one)
        if layer is None:
            raise PackError(one, f"not built, --imagery failed to load: {report.lines()[0]}")
        layers.append(layer)
    return layers


def open_pack_imagery(path) -> list:
    """An ImageryLayer per tiles table of the GeoPackage at ``path`` (a pack's, with its capture
    dates, titles and sources; or any GeoPackage's), read through GDAL's GPKG raster driver."""
    layers = []
    for row in imagery_tables(Path(path)):
        config = {key: row[key] for key in ("capture_date", "title_zh", "title_en", "source", "source_en")
                  if key in row}
        layer, report = load_imagery(path, config, table=row["table"])
        if layer is None:
            raise PackError(path, f"imagery {row['table']}: {report.problems[0].message}")
        layer.name = row["name"]
        layers.append(layer)
    return layers
