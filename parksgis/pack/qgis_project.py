"""The QGIS project stored in a pack (``qgis_projects``, the table QGIS itself saves projects in).

Opening the pack in QGIS offers the project "parksgis": the parks grouped as in the window's layer
tree (each park's layers, top drawn on top, then the basemap), every status-styled layer shown
through its status view with the categorised style of ``layer_styles``, in the display CRS.

QGIS keeps layer paths relative to the project's file ("./field.gpkg|layername=..."), so the
project names the pack's file. A copy of the pack under another name (README step 2) gets its
project rewritten with its own name when parksgis first opens it for editing, and the project's
hash in the manifest re-sealed (the table is hashed with the frozen content, so tampering with
it shows in verify like any other).
"""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from xml.etree import ElementTree as ET

from parksgis.pack import format as fmt
from parksgis.pack.qgis_styles import STYLES_TABLE, symbol_kind, view_name

PROJECTS_TABLE = "qgis_projects"
PROJECT_NAME = "parksgis"
BASEMAP_GROUP = "底图及其他图层"  # the window's "Basemap and other layers" in Chinese
_FILE_KEY = "parksgis_pack_file"  # in the project's metadata: the file name its layer paths use
_DOCTYPE = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"


def write_qgis_project(conn, file_name: str, title: str, stamp: str) -> None:
    """Create ``qgis_projects`` (as QGIS does) holding the project for a pack named ``file_name``."""
    conn.execute(f"CREATE TABLE {PROJECTS_TABLE}(name TEXT PRIMARY KEY, metadata BLOB, content BLOB)")
    _store(conn, file_name, title, stamp)


def project_file_name(conn) -> str | None:
    """The file name the stored project's layer paths use; None when the pack has no project."""
    if PROJECTS_TABLE not in fmt.user_tables(conn):
        return None
    row = conn.execute(f"SELECT metadata FROM {PROJECTS_TABLE} WHERE name = ?",
                       (PROJECT_NAME,)).fetchone()
    try:
        return json.loads(row[0]).get(_FILE_KEY) if row else None
    except (TypeError, ValueError):
        return None


def follow_file_name(conn, file_name: str, stamp: str) -> dict | None:
    """Rewrite the project when the pack's file is no longer called what its paths say (a renamed
    copy) and re-seal its hash in the manifest; the caller holds the write transaction and has
    verified the pack. Returns the new manifest, None when nothing needed rewriting."""
    stored = project_file_name(conn)
    if stored is None or stored == file_name:
        return None
    manifest = fmt.read_manifest(conn)
    _store(conn, file_name, manifest.get("title", ""), stamp)
    sha, count = fmt.table_digest(conn, PROJECTS_TABLE)
    manifest.update({f"sha256:{PROJECTS_TABLE}": sha, f"rows:{PROJECTS_TABLE}": str(count)})
    fmt.write_manifest(conn, manifest)
    return manifest


def _store(conn, file_name: str, title: str, stamp: str) -> None:
    metadata = {"last_modified_time": stamp[:19], "last_modified_user": "parksgis",
                _FILE_KEY: file_name}
    qgs = project_xml(conn, file_name, title or PROJECT_NAME)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(f"{PROJECT_NAME}.qgs", date_time=(1980, 1, 1, 0, 0, 0))
        archive.writestr(info, qgs, compress_type=zipfile.ZIP_DEFLATED)
    # QGIS stores the .qgz bytes as hex text and reads them back that way
    conn.execute(f"INSERT OR REPLACE INTO {PROJECTS_TABLE} (name, metadata, content) VALUES (?, ?, ?)",
                 (PROJECT_NAME, json.dumps(metadata, ensure_ascii=False), buffer.getvalue().hex()))


def project_xml(conn, file_name: str, title: str) -> str:
    """The .qgs document, from the pack's own tables: parks, layers, default styles, extents."""
    crs = fmt.DISPLAY_CRS
    root = ET.Element("qgis", projectname=title, version="3.22.0")
    ET.SubElement(root, "title").text = title
    _crs(ET.SubElement(root, "projectCrs"), crs)
    tree = ET.SubElement(root, "layer-tree-group")
    layers = ET.SubElement(root, "projectlayers")
    parks = conn.execute(f"SELECT park_id, name_zh FROM {fmt.PARKS} ORDER BY position").fetchall()
    rows = conn.execute(f"SELECT table_name, park_id, title_zh, name, visible FROM {fmt.LAYERS} "
                        "ORDER BY position DESC").fetchall()  # the tree lists the top layer first
    groups = [(name_zh, [r for r in rows if r[1] == park_id]) for park_id, name_zh in parks]
    groups.append((BASEMAP_GROUP, [r for r in rows if r[1] not in {p for p, _ in parks}]))
    bounds = []
    for group_name, members in groups:
        if not members:
            continue
        group = ET.SubElement(tree, "layer-tree-group", name=group_name, checked="Qt::Checked",
                              expanded="1")
        for table, _park, title, name, visible in members:
            layer_id, source, extent = _map_layer(conn, layers, table, title or name, file_name)
            bounds.append(extent)
            ET.SubElement(group, "layer-tree-layer", id=layer_id, name=title or name, source=source,
                          providerKey="ogr", expanded="1",
                          checked="Qt::Checked" if visible else "Qt::Unchecked")
    _canvas(root, crs, bounds)
    properties = ET.SubElement(root, "properties")
    # QGIS reads <projectCrs> only when this says the project has one
    ET.SubElement(ET.SubElement(properties, "SpatialRefSys"), "ProjectionsEnabled", type="int").text = "1"
    paths = ET.SubElement(properties, "Paths")
    ET.SubElement(paths, "Absolute", type="bool").text = "false"
    return _DOCTYPE + ET.tostring(root, encoding="unicode")


def _map_layer(conn, parent, table: str, title: str, file_name: str):
    views = {v for (v,) in conn.execute("SELECT table_name FROM gpkg_contents")}
    shown = view_name(table) if view_name(table) in views else table
    geom_type, srs_id = conn.execute("SELECT geometry_type_name, srs_id FROM gpkg_geometry_columns "
                                     "WHERE table_name = ?", (shown,)).fetchone()
    extent = conn.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?",
                          (shown,)).fetchone()
    layer_id = f"{shown}_{uuid.uuid5(uuid.NAMESPACE_URL, shown).hex}"
    source = f"./{file_name}|layername={shown}"
    geometry = {"marker": "Point", "line": "Line", "fill": "Polygon"}[symbol_kind(geom_type)]
    element = ET.SubElement(parent, "maplayer", type="vector", geometry=geometry)
    ET.SubElement(element, "id").text = layer_id
    ET.SubElement(element, "datasource").text = source
    ET.SubElement(element, "layername").text = title
    _crs(ET.SubElement(element, "srs"), f"EPSG:{srs_id}")
    ET.SubElement(element, "provider", encoding="UTF-8").text = "ogr"
    row = conn.execute(f"SELECT styleQML FROM {STYLES_TABLE} WHERE f_table_name = ? AND useAsDefault "
                       "ORDER BY id LIMIT 1", (shown,)).fetchone()
    if row is not None:  # the same renderer QGIS would load as the layer's default style
        renderer = ET.fromstring(row[0].split("\n", 1)[1]).find("renderer-v2")
        if renderer is not None:
            element.append(renderer)
    return layer_id, source, extent


def _crs(parent, authid: str) -> None:
    """A CRS as QGIS writes it; QGIS 3.22 reads a project's CRS only from its WKT."""
    from pyproj import CRS

    system = ET.SubElement(parent, "spatialrefsys")
    ET.SubElement(system, "wkt").text = CRS.from_user_input(authid).to_wkt()
    ET.SubElement(system, "authid").text = authid


def _canvas(root, crs: str, bounds) -> None:
    """Open on the packed parks: their extent (degrees in the pack) in the display CRS."""
    boxes = [b for b in bounds if b and None not in b]
    if not boxes:
        return
    from pyproj import Transformer

    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    to_display = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    xmin, ymin, xmax, ymax = to_display.transform_bounds(west, south, east, north)
    canvas = ET.SubElement(root, "mapcanvas", name="theMapCanvas", annotationsVisible="1")
    ET.SubElement(canvas, "units").text = "meters"
    extent = ET.SubElement(canvas, "extent")
    for key, value in (("xmin", xmin), ("ymin", ymin), ("xmax", xmax), ("ymax", ymax)):
        ET.SubElement(extent, key).text = repr(float(value))
    ET.SubElement(canvas, "rotation").text = "0"
    _crs(ET.SubElement(canvas, "destinationsrs"), crs)
