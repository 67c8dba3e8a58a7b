"""GeoPackage, Shapefile, FlatGeobuf and other OGR formats through pyogrio (GDAL).

The frame comes back with its CRS; the shared checks (geometry_checks.py) then reproject to
WGS84 and check geometry exactly as for GeoJSON. A Shapefile's text encoding comes from its
``.cpg`` (GDAL honours it); without a ``.cpg`` or a code-page byte GDAL assumes Latin-1, which
garbles Chinese, so we look at the ``.dbf`` bytes ourselves and decode GBK when they are GBK.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np

from parksgis.errors import LayerReadError
from parksgis.io import crs as crs_mod
from parksgis.io.geometry_checks import GeometryChecker

OGR_SUFFIXES = {".gpkg", ".shp", ".fgb", ".gml", ".kml", ".tab", ".mif", ".sqlite", ".gdb",
                ".dbf", ".zip", ".shz"}


def _use_arrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:300]


def _declared_encoding(path: Path) -> str | None:
    """The encoding a Shapefile's .cpg names (e.g. ``gbk``), else None."""
    for cpg in (path.with_suffix(".cpg"), path.with_suffix(".CPG")):
        try:
            text = cpg.read_bytes()[:40].decode("ascii", "replace").strip().lower()
        except OSError:
            continue
        return {"936": "gbk", "65001": "utf-8", "utf8": "utf-8"}.get(text, text) or None
    return None


def _shapefile_encoding(path: Path) -> tuple[str | None, bool]:
    """(encoding to force, is_guess) for a .shp without .cpg whose .dbf text is not ASCII."""
    if path.suffix.lower() != ".shp":
        return None, False
    for cpg in (path.with_suffix(".cpg"), path.with_suffix(".CPG")):
        if cpg.exists():
            return None, False
    dbf = next((p for p in (path.with_suffix(".dbf"), path.with_suffix(".DBF")) if p.exists()),
               None)
    if dbf is None:
        return None, False
    with dbf.open("rb") as fh:
        data = fh.read(16 << 20)  # enough to tell; a .dbf can be gigabytes
    if len(data) < 32:
        return None, False
    if data[29] != 0:  # language driver id: GDAL knows the code page
        return None, False
    records = data[int.from_bytes(data[8:10], "little"):]  # text only, not the binary header
    if records.isascii():
        return None, False
    for encoding in ("utf-8", "gb18030"):
        try:
            records.decode(encoding)
            return encoding.upper(), True
        except UnicodeDecodeError as exc:
            if exc.start > len(records) - 4 and len(data) == 16 << 20:
                return encoding.upper(), True  # cut mid-character by the 16 MB sample
    return None, False


def read_ogr(path: Path, report, *, crs=None, offset=None):
    """The GeoDataFrame (EPSG:4326, RangeIndex) of an OGR-readable file."""
    import pyogrio
    from pyogrio.errors import DataSourceError, DataLayerError

    forced_encoding, guessed = _shapefile_encoding(path)
    try:
        with warnings.catch_warnings():
            # GDAL's own warnings (odd application_id, default layer chosen...) are noise
            # here: what matters is reported below, in our words.
            warnings.simplefilter("ignore")
            layers = pyogrio.list_layers(path)
            if len(layers) == 0:
                raise LayerReadError(path, "the file holds no layers", "ogr-read-failed")
            layer = str(layers[0, 0])
            if len(layers) > 1:
                names = ", ".join(str(n) for n in layers[:, 0][:10])
                report.warning("multiple-layers", f"the file holds {len(layers)} layers "
                                                  f"({names}); read the first, {layer}")
            info = pyogrio.read_info(path, layer=layer, encoding=forced_encoding)
            frame = pyogrio.read_dataframe(path, layer=layer, use_arrow=_use_arrow(),
                                           encoding=forced_encoding)
    except LayerReadError:
        raise
    except (DataSourceError, DataLayerError) as exc:
        if "not recognized as being in a supported file format" in str(exc):
            raise LayerReadError(path, "not a layer format GDAL knows (GeoJSON, GeoPackage, "
                                       "Shapefile, FlatGeobuf, ...)", "unsupported-format") from None
        raise LayerReadError(path, f"GDAL cannot read it: {_first_line(exc)}",
                             "ogr-read-failed") from None
    except Exception as exc:  # noqa: BLE001 - GDAL raises a zoo of types; the promise is one line
        raise LayerReadError(path, f"GDAL cannot read it: {type(exc).__name__}: "
                                   f"{_first_line(exc)}", "ogr-read-failed") from None
    if forced_encoding:
        report.encoding = forced_encoding.lower()
    elif path.suffix.lower() == ".shp":
        report.encoding = _declared_encoding(path) or str(info.get("encoding") or "").lower() or None
    else:
        report.encoding = str(info.get("encoding") or "utf-8").lower()
    if guessed and forced_encoding == "GB18030":
        report.warning("gbk-encoding", "the Shapefile has no .cpg and its .dbf text is not "
                                       "UTF-8; decoded as GBK/GB18030 — add a .cpg saying GBK")
    file_crs = getattr(frame, "crs", None)
    if crs is not None and file_crs is not None and not crs.equals(file_crs):
        report.warning("crs-overridden", f"the file says {crs_mod.crs_label(file_crs)}; "
                                         f"--crs {crs_mod.crs_label(crs)} used instead")
    source_crs = crs if crs is not None else file_crs
    import geopandas

    if isinstance(frame, geopandas.GeoDataFrame):
        geoms = np.asarray(frame.geometry.array, dtype=object)
        attrs = frame.drop(columns=[frame.geometry.name]).reset_index(drop=True)
        checker = GeometryChecker(report, path, crs=source_crs, offset=offset)
        geoms, dropped = checker.run(geoms, np.arange(len(frame)),
                                     np.zeros(len(frame), dtype=bool))
    else:  # a plain table (CSV, DBF alone): one warning, not one per row
        geoms = np.full(len(frame), None, dtype=object)
        dropped = np.zeros(len(frame), dtype=bool)
        attrs = frame.reset_index(drop=True)
        report.warning("no-geometry-column", "the file has no geometry; every row is "
                                             "attribute-only")
    keep = ~dropped
    if len(frame) == 0:
        report.warning("no-features", "the layer has no features")
    report.crs = crs_mod.crs_label(source_crs) if source_crs is not None else "EPSG:4326"
    return geopandas.GeoDataFrame(attrs[keep].reset_index(drop=True), geometry=geoms[keep],
                                  crs="EPSG:4326")
