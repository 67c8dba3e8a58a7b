"""What QGIS shows when it opens a pack: status views and their default styles (issue 14, point 20).

Every layer styled by status gets a GeoPackage view ``<table>__status``: the layer's columns plus
``parksgis_status``, the status of the feature's project read live from the pack's register (else
the feature's own status column, as ``store.feature_status`` reads it). A view cannot fall out of
step: a ``status set``, import, merge or undo on the pack shows in QGIS the next time it draws.
The GeoPackage ``layer_styles`` table (the convention QGIS reads) holds, per view, a categorised
style with the scheme's colours: the default one labelled in Chinese, a second in English. Layers
not styled by status (basemap, boundary) get a single-symbol style.

Views, styles and the scheme are written once, at build, and hashed with the rest of the frozen
content: they depend on no value that edits change.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from parksgis.model.layer import LayerKind
from parksgis.model.status import StatusScheme
from parksgis.pack import format as fmt
from parksgis.pack.errors import PackError
from parksgis.store.feature_status import own_status_source

STYLES_TABLE = "layer_styles"
STATUS_COLUMN = "parksgis_status"
SCHEME_TABLE = "parksgis_status_scheme"  # the register's (store.schema)
VIEW_SUFFIX = "__status"
NO_PROJECT_LABEL = {"zh": "无项目", "en": "No project"}
STYLE_NAMES = {"zh": "parksgis 项目状态", "en": "parksgis project status (English)",
               "single": "parksgis"}
#: colours of the layers not styled by status, as the app draws them (``render.styles``:
#: SINGLE_COLORS, BASEMAP_LINE): basemap areas light with a grey edge, boundaries a red dashed
#: outline without fill
_SINGLE = {LayerKind.BASEMAP: "#eeebe4", LayerKind.BOUNDARY: "#b2182b"}
_BASEMAP_LINE = "#b5b0a8"
_OUTLINE = "#3c3c3c"
_MM_PER_PX = 25.4 / 96  # widths in the app are pixels at 96 dpi; QGIS styles are millimetres
_LINE_PX = {LayerKind.ROADS: 2.2, LayerKind.BERTHS: 5.0, LayerKind.UTILITY_LINES: 1.8}
_QGIS_VERSION = "3.22.0"  # the oldest QGIS the styles were checked with (tests/pack/test_qgis_pack.py)


def status_styled(layer) -> bool:
    """True when the app colours this layer by project status (see ``render.styles.classify``)."""
    return layer.style == "status" and layer.kind not in (LayerKind.BASEMAP, LayerKind.BOUNDARY)


def view_name(table: str) -> str:
    return f"{table}{VIEW_SUFFIX}"


def write_qgis_styles(conn, names: dict, scheme: StatusScheme, stamp: str) -> None:
    """Create the status views and ``layer_styles`` for the layer tables ``names`` (table -> Layer)."""
    conn.execute(f"CREATE TABLE {STYLES_TABLE} (id INTEGER PRIMARY KEY, f_table_catalog TEXT(256), "
                 "f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256), "
                 "styleName TEXT(30), styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, "
                 "description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME)")
    fmt.register_attribute_table(conn, STYLES_TABLE, "QGIS layer styles (parksgis status colours)",
                                 stamp)
    for table, layer in names.items():
        geom_column, geom_type, srs_id = conn.execute(
            "SELECT column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns "
            "WHERE table_name = ?", (table,)).fetchone()
        symbol = symbol_kind(geom_type)
        if not status_styled(layer):
            color = _SINGLE.get(layer.kind, "#8c8c8c")
            renderer = _single_renderer(symbol, color, layer.kind)
            _add_style(conn, table, geom_column, STYLE_NAMES["single"], renderer, True, stamp)
            continue
        view = view_name(table)
        if view in names:
            raise PackError(table, f"layer table {view!r} would share its name with the status view "
                                   f"of {table!r}; rename that layer")
        _create_view(conn, table, view, layer, scheme)
        conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                     "last_change, min_x, min_y, max_x, max_y, srs_id) SELECT ?, 'features', ?, ?, "
                     "last_change, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents "
                     "WHERE table_name = ?",
                     (view, view, f"{layer.title_zh or layer.name}: with project status", table))
        conn.execute("INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, "
                     "srs_id, z, m) VALUES (?, ?, ?, ?, 0, 0)", (view, geom_column, geom_type, srs_id))
        for lang in ("zh", "en"):
            renderer = _status_renderer(symbol, scheme, lang, layer.kind)
            _add_style(conn, view, geom_column, STYLE_NAMES[lang], renderer, lang == "zh", stamp)


def symbol_kind(geometry_type: str) -> str:
    """QGIS's symbol type for a GeoPackage geometry type: "marker", "line" or "fill"."""
    name = (geometry_type or "").upper()
    if "POINT" in name:
        return "marker"
    if "LINE" in name or ("CURVE" in name and "POLYGON" not in name):
        return "line"
    return "fill"


def _create_view(conn, table: str, view: str, layer, scheme) -> None:
    """``fid`` first (GeoPackage views need a unique INTEGER first column), every column of the
    layer, then the status: the project's from the register, else the feature's own column.

    The status is read back through the scheme table (``s.code``) so that the view's column has
    a declared type (TEXT), which the GeoPackage standard wants and an expression lacks; a
    status outside the scheme is NULL there, grey as in the app.
    """
    q = fmt.quote
    cols = fmt.columns(conn, table)
    fid = next(row[1] for row in conn.execute(f"PRAGMA table_info({q(table)})") if row[5])
    rest = [c for c in cols if c != fid]
    if "project_id" in cols:
        link = _project_key("t.project_id")
        join = f"LEFT JOIN {fmt.REGISTER_PROJECTS} p ON p.project_id = {link} "
        status = f"CASE WHEN {link} IS NULL THEN {_own_status_sql(layer, scheme)} ELSE p.status END"
    else:
        join, status = "", _own_status_sql(layer, scheme)
    select = ", ".join([f"t.{q(fid)} AS {q(fid)}"] + [f"t.{q(c)} AS {q(c)}" for c in rest])
    conn.execute(f"CREATE VIEW {q(view)} AS SELECT {select}, s.code AS {STATUS_COLUMN}, "
                 f"s.label_zh AS {STATUS_COLUMN}_zh, s.label_en AS {STATUS_COLUMN}_en "
                 f"FROM {q(table)} t {join}LEFT JOIN {SCHEME_TABLE} s ON s.code = ({status})")


def _project_key(column: str) -> str:
    """SQL for the project id as the app reads it (``Layer.project_ids``): text, trimmed, empty
    is no link; a whole REAL (an integer column with gaps) names the integer's project."""
    return (f"(CASE WHEN typeof({column}) = 'real' AND {column} = CAST({column} AS INTEGER) "
            f"THEN CAST(CAST({column} AS INTEGER) AS TEXT) "
            f"ELSE NULLIF(trim(CAST({column} AS TEXT)), '') END)")


def _own_status_sql(layer, scheme) -> str:
    """The feature's own status column as SQL: each distinct word mapped to its status code."""
    found = own_status_source(layer.frame, scheme)
    if found is None:
        return "NULL"
    column, codes = found
    pairs = {}
    for value, code in zip(layer.frame[column].tolist(), codes):
        if code is not None and isinstance(value, (str, int, float)) and value not in pairs:
            pairs[value] = code
    if not pairs:
        return "NULL"
    cases = " ".join(f"WHEN {_literal(v)} THEN {_literal(c)}" for v, c in pairs.items())
    return f"(CASE t.{fmt.quote(column)} {cases} END)"


def _literal(value) -> str:
    """A SQL literal (a view's definition cannot take parameters)."""
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(float(value)) if isinstance(value, float) else str(int(value))


def _add_style(conn, table, geom_column, name, renderer: ET.Element, default: bool, stamp) -> None:
    root = ET.Element("qgis", version=_QGIS_VERSION, styleCategories="Symbology")
    root.append(renderer)
    qml = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ET.tostring(
        root, encoding="unicode")
    conn.execute(f"INSERT INTO {STYLES_TABLE} (f_table_catalog, f_table_schema, f_table_name, "
                 "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, "
                 "owner, ui, update_time) VALUES ('', '', ?, ?, ?, ?, '', ?, ?, 'parksgis', NULL, ?)",
                 (table, geom_column, name, qml, int(default),
                  "written by parksgis pack build: colours of the status scheme", stamp))


def _status_renderer(symbol: str, scheme: StatusScheme, lang: str, kind: LayerKind) -> ET.Element:
    renderer = ET.Element("renderer-v2", type="categorizedSymbol", attr=STATUS_COLUMN,
                          forceraster="0", symbollevels="0", enableorderby="0")
    categories = ET.SubElement(renderer, "categories")
    symbols = ET.SubElement(renderer, "symbols")
    entries = [(s.code, s.label(lang), s.color) for s in scheme]
    # an empty value is QGIS's "all other values": features with no project (or an unknown status)
    entries.append(("", NO_PROJECT_LABEL[lang], scheme.NO_PROJECT_COLOR))
    for i, (value, label, color) in enumerate(entries):
        ET.SubElement(categories, "category", render="true", value=value, symbol=str(i), label=label)
        symbols.append(_symbol(symbol, str(i), color, kind))
    return renderer


def _single_renderer(symbol: str, color: str, kind: LayerKind) -> ET.Element:
    renderer = ET.Element("renderer-v2", type="singleSymbol", forceraster="0", symbollevels="0",
                          enableorderby="0")
    ET.SubElement(renderer, "symbols").append(_symbol(symbol, "0", color, kind))
    return renderer


def _symbol(kind: str, name: str, color: str, layer_kind: LayerKind) -> ET.Element:
    symbol = ET.Element("symbol", type=kind, name=name, alpha="1", clip_to_extent="1",
                        force_rhr="0")
    rgba = _rgba(color)
    boundary = layer_kind == LayerKind.BOUNDARY
    if kind == "fill":
        edge = {LayerKind.BASEMAP: _BASEMAP_LINE, LayerKind.BOUNDARY: color}.get(layer_kind, _OUTLINE)
        props = {"color": rgba, "style": "no" if boundary else "solid", "outline_color": _rgba(edge),
                 "outline_style": "dash" if boundary else "solid",
                 "outline_width": f"{2.0 * _MM_PER_PX:.2f}" if boundary else "0.2",
                 "outline_width_unit": "MM"}
        layer_class = "SimpleFill"
    elif kind == "line":
        if layer_kind == LayerKind.BASEMAP:
            rgba = _rgba(_BASEMAP_LINE)
        width = _LINE_PX.get(layer_kind, 2.0 if boundary else 1.5) * _MM_PER_PX
        props = {"line_color": rgba, "line_width": f"{width:.2f}", "line_width_unit": "MM",
                 "line_style": "dash" if boundary else "solid",
                 "capstyle": "round", "joinstyle": "round"}
        layer_class = "SimpleLine"
    else:
        props = {"name": "circle", "color": rgba, "outline_color": _rgba(_OUTLINE),
                 "outline_width": "0.2", "size": "2.4", "size_unit": "MM"}
        layer_class = "SimpleMarker"
    layer = ET.SubElement(symbol, "layer", {"class": layer_class, "enabled": "1", "locked": "0",
                                            "pass": "0"})
    options = ET.SubElement(layer, "Option", type="Map")
    for key, value in props.items():
        ET.SubElement(options, "Option", type="QString", name=key, value=value)
    return symbol


def _rgba(color: str) -> str:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return f"{r},{g},{b},255"
