"""Open what a user points at — a layers folder, one layer file, a register CSV or a .gpkg pack —
as a :class:`~parksgis.model.Workspace`, with one validation report per file read.

A layers folder looks like the bundled sample (``layers/``)::

    parks.json          parks (id, names, folder), KPIs, source, data note   (optional)
    projects.csv        the project register                                  (optional)
    register.sqlite     the edited register, when the app has created one     (optional; the
                        bundled sample's lives in the user's data folder: store.register_file)
    <park>/plots.geojson, roads.geojson, ...    one folder per park
    basemap/*.geojson   shared layers drawn under every park
    imagery/*.tif, *.mbtiles, {z}/{x}/{y} folders   orthophotos and tile sets under everything

A file that fails to load is reported (``report.ok`` False) and left out; the rest loads, so one
broken file never hides a park. Only a path that holds nothing loadable raises.

A big GeoJSON layer of a folder is parsed once; while the file is unchanged, later opens take it
as read from the user's cache folder (``io.read_cache``), with the same validation messages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from parksgis import progress
from parksgis.errors import ParksgisError
from parksgis.files import is_sqlite
from parksgis.io.imagery import IMAGERY_FOLDER, load_imagery_folder
from parksgis.io.raster import is_raster_path
from parksgis.io.report import ValidationReport
from parksgis.model.layer import Layer, LayerKind
from parksgis.model.status import DEFAULT_SCHEME
from parksgis.model.workspace import Park, Workspace

LAYER_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp", ".fgb")
PARKS_FILE = "parks.json"
REGISTER_CSV = "projects.csv"
BASEMAP_FOLDER = "basemap"

#: zh/en titles by layer kind (and by file stem for basemap layers)
TITLES = {
    "boundary": ("边界", "Boundary"),
    "plots": ("地块", "Plots"),
    "roads": ("道路", "Roads"),
    "utilities": ("公用设施", "Utilities"),
    "utility_lines": ("管线", "Utility lines"),
    "berths": ("泊位", "Berths"),
    "basemap": ("底图", "Basemap"),
    "coastline": ("海岸线", "Coastline"),
    "districts": ("行政区", "Districts"),
}

#: bottom-to-top drawing order inside a park; other files follow, by name
KIND_ORDER = [LayerKind.BOUNDARY, LayerKind.PLOTS, LayerKind.BERTHS, LayerKind.ROADS,
              LayerKind.UTILITY_LINES, LayerKind.UTILITIES, LayerKind.OTHER]
BASEMAP_ORDER = ["districts", "coastline"]


class WorkspaceError(ParksgisError):
    """Nothing at the path can be opened as a workspace."""

    def __init__(self, path, message: str, code: str = "unreadable"):
        self.path = str(path)
        self.code = code
        super().__init__(f"{self.path}: {message}")


@dataclass
class Source:
    """What a workspace was opened from, and what stays open with it: for a pack, its handle
    (register, read-only reason, edit lock); for a folder, the cache packs its big layers are
    read from (``app.layer_cache``); released by :meth:`close`."""

    path: Path
    pack: object | None = None  # parksgis.pack.PackHandle
    caches: tuple = ()  # parksgis.pack.view_source.PackViewSource

    def close(self) -> None:
        if self.pack is not None:
            self.pack.close()
        for cache in self.caches:
            cache.close()


class OpenedWorkspace(NamedTuple):
    """A workspace (pure model), the reports of the files read, and the source left open."""

    workspace: Workspace
    reports: list[ValidationReport]
    source: Source


def open_workspace(path, *, crs=None, offset=None, read_only: bool = False,
                   view_layers: bool = False, layers_read=None) -> OpenedWorkspace:
    """Open ``path`` for a window: like :func:`load_workspace`, but a pack stays open (its register
    is edited in place) in ``source.pack`` until ``source.close()``. ``read_only`` opens a pack
    read-only; ``view_layers`` leaves a pack's big layers in the pack, read per view (see
    ``pack.open_pack``), and a folder's big GeoJSON files in cache packs (``app.layer_cache``).
    ``layers_read(workspace)``: called by a pack once its layers are set up, before its register
    is read (``pack.open_pack``)."""
    path = Path(path)
    if not path.exists():
        raise WorkspaceError(path, "no such file or folder", "not-found")
    if path.is_file() and path.suffix.lower() == ".gpkg":
        workspace, reports, handle = _open_gpkg(path, read_only, view_layers, layers_read)
        return OpenedWorkspace(workspace, reports, Source(path, handle))
    if view_layers and path.is_dir() and not is_raster_path(path):
        caches: list = []
        try:
            workspace, reports = _load_folder(path, crs, offset, caches)
        except BaseException:
            for cache in caches:
                cache.close()
            raise
        return OpenedWorkspace(workspace, reports, Source(path, caches=tuple(caches)))
    workspace, reports = load_workspace(path, crs=crs, offset=offset)
    return OpenedWorkspace(workspace, reports, Source(path))


def load_workspace(path, *, crs=None, offset=None) -> tuple[Workspace, list[ValidationReport]]:
    """The workspace at ``path`` and the reports of every file read (in reading order); a pack is
    read and closed again (:func:`open_workspace` keeps it open).

    ``crs`` and ``offset`` (``"gcj02"``/``"bd09"``) are passed to the layer reader for every layer
    file; they do not apply to packs.
    """
    path = Path(path)
    if not path.exists():
        raise WorkspaceError(path, "no such file or folder", "not-found")
    if path.is_dir():  # a layers folder, or a folder of {z}/{x}/{y} tiles
        return _load_raster(path) if is_raster_path(path) else _load_folder(path, crs, offset)
    suffix = path.suffix.lower()
    if is_raster_path(path):
        return _load_raster(path)
    if suffix == ".gpkg":
        workspace, reports, handle = _open_gpkg(path, read_only=False)
        handle.close()
        return workspace, reports
    if suffix not in (".sqlite", ".db") and is_sqlite(path):  # renamed by a mail filter or a user
        raise WorkspaceError(path, f"is a GeoPackage (a layer pack?) named {suffix or 'without .gpkg'}; "
                                   "GDAL goes by the name, so rename it to .gpkg", "renamed-pack")
    if suffix == ".csv":
        return _load_register_only(path)
    return _load_single_file(path, crs, offset)


# -- single files ----------------------------------------------------------------------------------

def _load_single_file(path: Path, crs, offset):
    from parksgis.io import read_layer

    frame, report = read_layer(path, crs=crs, offset=offset)  # raises LayerReadError: nothing to show
    kind = LayerKind.from_name(path.stem)
    layer = Layer(path.stem, frame, kind, None, source=path, report=report, **_titles(path.stem, kind))
    return Workspace([], [layer], {}, DEFAULT_SCHEME, meta={"source": str(path)}), [report]


def _load_raster(path: Path):
    from parksgis.io.imagery import load_imagery

    layer, report = load_imagery(path)
    if layer is None:
        problem = report.errors[0]
        raise WorkspaceError(path, problem.message, problem.code)
    return Workspace(imagery=[layer], meta={"source": str(path)}), [report]


def _load_register_only(path: Path):
    from parksgis.store.projects_csv import read_projects_csv

    report = ValidationReport(str(path))
    projects = read_projects_csv(path, report=report)
    report.features = len(projects)
    return Workspace(projects=projects, meta={"source": str(path)}), [report]


def _open_gpkg(path: Path, read_only: bool, view_layers: bool = False, layers_read=None):
    """A parksgis pack (or a plain GeoPackage, which opens read-only as its layers), its report
    (the pack's notes as warnings) and its open handle."""
    from parksgis.app.packs import open_pack_imagery
    from parksgis.pack import open_pack

    workspace, handle = open_pack(path, read_only=read_only, view_layers=view_layers,
                                  layers_read=layers_read)
    try:
        workspace.imagery.extend(open_pack_imagery(path))
    except BaseException:
        handle.close()
        raise
    report = ValidationReport(str(path), features=sum(layer.feature_count for layer in workspace.layers))
    for note in handle.notes:
        report.warning("pack-note", note)
    return workspace, [report], handle


# -- folders ---------------------------------------------------------------------------------------

def _load_folder(folder: Path, crs, offset, caches: list | None = None):
    """``caches``: when given, big GeoJSON files open through cache packs, appended to it."""
    reports: list[ValidationReport] = []
    manifest = _read_parks_json(folder, reports)
    parks_meta = manifest.get("parks") if manifest else None
    if parks_meta is None:
        parks_meta = [{"park_id": d.name, "name_zh": d.name, "name_en": d.name, "folder": d.name}
                      for d in sorted(folder.iterdir())
                      if d.is_dir() and d.name not in (BASEMAP_FOLDER, IMAGERY_FOLDER)
                      and not d.name.startswith(".")
                      and _layer_files(d)]

    parks: list[Park] = []
    for info in parks_meta:
        park_folder = folder / str(info.get("folder") or info["park_id"])
        park = Park(str(info["park_id"]), str(info.get("name_zh") or info["park_id"]),
                    str(info.get("name_en") or ""))
        if not park_folder.is_dir():
            report = ValidationReport(str(park_folder), ok=False)
            report.error("missing-park-folder", f"parks.json lists park {park.park_id!r} but its folder "
                                                 "is missing")
            reports.append(report)
        else:
            park.layers = _load_layers(park_folder, park.park_id, crs, offset, reports, caches=caches)
        parks.append(park)

    basemap = ((manifest or {}).get("basemap") or {}).get("folder") or BASEMAP_FOLDER
    shared = _load_layers(folder / basemap, None, crs, offset, reports, basemap=True, caches=caches)
    shared += _load_layers(folder, None, crs, offset, reports, caches=caches)  # loose files beside parks.json

    imagery = load_imagery_folder(folder, (manifest or {}).get("imagery"), reports)
    projects, scheme, register_source = _read_register(folder, reports)
    meta = {"source": str(folder), "register": register_source}
    if manifest:
        for key in ("as_of", "source", "data_note", "display_crs", "format", "version"):
            if key in manifest:
                meta["source_info" if key == "source" else key] = manifest[key]
        meta["parks"] = {str(p["park_id"]): {k: v for k, v in p.items() if k not in ("park_id",)}
                         for p in parks_meta}
    if not parks and not shared and not projects and not imagery:
        raise WorkspaceError(folder, "holds no parks.json, no park folders, no layer files and no "
                                     "projects.csv: nothing to open", "empty")
    workspace = Workspace(parks, shared, projects, scheme, kpis=(manifest or {}).get("kpis") or {}, meta=meta,
                          imagery=imagery)
    if register_source is not None:  # with no register at all, every id would be "unknown": noise
        _report_unknown_projects(workspace)
    return workspace, reports


def _read_parks_json(folder: Path, reports: list[ValidationReport]) -> dict | None:
    path = folder / PARKS_FILE
    if not path.exists():
        return None
    report = ValidationReport(str(path))
    reports.append(report)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        report.ok = False
        report.error("bad-parks-json", f"cannot be read ({exc}); park folders are read without it")
        return None
    problem = _parks_json_problem(data)
    if problem:
        report.ok = False
        report.error("bad-parks-json", f"{problem}; park folders are read without it")
        return None
    report.features = len(data.get("parks", []))
    return data


def _parks_json_problem(data) -> str | None:
    if not isinstance(data, dict):
        return "top level must be a JSON object"
    parks = data.get("parks", [])
    if not isinstance(parks, list):
        return "'parks' must be a list"
    seen = set()
    for i, park in enumerate(parks):
        if not isinstance(park, dict) or not isinstance(park.get("park_id"), str) or not park["park_id"]:
            return f"parks[{i}] has no 'park_id'"
        if park["park_id"] in seen:
            return f"park_id {park['park_id']!r} appears twice"
        sub = str(park.get("folder") or park["park_id"])
        if sub in (".", "..") or "/" in sub or "\\" in sub:
            return f"park {park['park_id']!r}: folder {sub!r} must be a folder name next to parks.json"
        seen.add(park["park_id"])
    if "imagery" in data and not isinstance(data["imagery"], list):
        return "'imagery' must be a list of objects with a 'file'"
    if "kpis" in data and not isinstance(data["kpis"], dict):
        return "'kpis' must be an object"
    basemap = data.get("basemap", {})
    if not isinstance(basemap, dict) or not isinstance(basemap.get("folder", ""), str) \
            or any(c in basemap.get("folder", "") for c in "/\\") or basemap.get("folder") == "..":
        return "'basemap' must be an object whose 'folder' is a folder name"
    return None


def _layer_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [p for p in folder.iterdir()
            if p.is_file() and p.suffix.lower() in LAYER_SUFFIXES and not p.name.startswith(".")
            and p.name != PARKS_FILE]


def _sort_key(path: Path, basemap: bool):
    if basemap:
        stem = path.stem.lower()
        return (BASEMAP_ORDER.index(stem) if stem in BASEMAP_ORDER else len(BASEMAP_ORDER), path.name)
    return (KIND_ORDER.index(LayerKind.from_name(path.stem)), path.name)


def _load_layers(folder: Path, park_id, crs, offset, reports, basemap: bool = False,
                 caches: list | None = None) -> list[Layer]:
    from parksgis.app.layer_cache import open_cached_layer, wants_cache
    # a big GeoJSON layer read before comes from the user's cache folder while the file is unchanged
    from parksgis.io.read_cache import validate_file_cached as validate_file

    layers = []
    taken: set[str] = set()
    for path in sorted(_layer_files(folder), key=lambda p: _sort_key(p, basemap)):
        progress.stage(f"reading {path}")
        kind = LayerKind.BASEMAP if basemap else LayerKind.from_name(path.stem)
        name = path.stem
        while name in taken:  # plots.geojson and plots.gpkg side by side both load
            name += "_"

        def make_layer(frame, report, name=name, kind=kind, path=path):
            return Layer(name, frame, kind, park_id, source=path, report=report, **_titles(path.stem, kind))

        if caches is not None and wants_cache(path):
            layer, report = open_cached_layer(path, make_layer, crs=crs, offset=offset, opened=caches)
        else:
            frame, report = validate_file(path, crs=crs, offset=offset)
            layer = None if frame is None else make_layer(frame, report)
        reports.append(report)
        if layer is not None:
            taken.add(name)
            layers.append(layer)
    return layers


def _titles(stem: str, kind: LayerKind) -> dict:
    zh, en = TITLES.get(stem.lower()) or TITLES.get(kind.value) or (stem, stem)
    if kind is LayerKind.OTHER:
        zh, en = stem, stem
    return {"title_zh": zh, "title_en": en}


def _read_register(folder: Path, reports):
    """The edited register (register.sqlite) when the app made one, else projects.csv."""
    from parksgis.store.register import register_file

    db = register_file(folder)
    if db.exists():
        report = ValidationReport(str(db))
        reports.append(report)
        try:
            from parksgis.store.register import RegisterStore

            store = RegisterStore.open(db, readonly=True)
            try:
                projects, scheme = store.projects(), store.scheme()
            finally:
                store.close()
            report.features = len(projects)
            return projects, scheme, str(db)
        except ParksgisError as exc:
            report.ok = False
            report.error("bad-register", f"{exc}; using {REGISTER_CSV} instead")
    csv_path = folder / REGISTER_CSV
    if not csv_path.exists():
        return {}, DEFAULT_SCHEME, None
    from parksgis.store.projects_csv import read_projects_csv

    report = ValidationReport(str(csv_path))
    reports.append(report)
    try:
        projects = read_projects_csv(csv_path, report=report)
    except ParksgisError as exc:
        report.ok = False
        report.error("bad-register", str(exc))
        return {}, DEFAULT_SCHEME, None
    report.features = len(projects)
    return projects, DEFAULT_SCHEME, str(csv_path)


def _report_unknown_projects(workspace: Workspace) -> None:
    """A feature naming a project the register lacks is a warning on its layer's report.

    Unmapped projects (no feature) are not file problems; :meth:`Workspace.link_report` lists them.
    """
    by_layer: dict[str, list[tuple[int, str]]] = {}
    for key, row, pid in workspace.unknown_project_links():
        by_layer.setdefault(key, []).append((row, pid))
    for layer in workspace.layers:
        for row, pid in by_layer.get(layer.key, []):
            if layer.report is not None:
                # row is the layer's row: the file's feature number unless the reader dropped some
                layer.report.warning("unknown-project", f"project_id {pid!r} is not in the register", row)

