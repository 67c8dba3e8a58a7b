"""One layer of a pack written by GDAL: through Arrow, a slice of rows at a time, where that
writes the very table GDAL writes a feature at a time.

pyogrio's ``write_dataframe`` hands GDAL one feature at a time (a million plots: ~10 s) or,
with ``use_arrow``, the whole layer as one Arrow table: 2.5x faster, but the layer's WKB and
text are all copied at once (+0.4 GB at a million plots, over the build's memory target). So
the rows go to GDAL as a stream of Arrow batches of :data:`BATCH_ROWS`, each made when GDAL asks
for it: one layer created, its R-tree built at the end as always, and a few MB in flight.

That is done only where the Arrow table is the one ``write_dataframe`` makes: one geometry type,
2D, and columns whose Arrow type is the column type GDAL would choose anyway (:func:`streams`);
object columns of True/None or of dates would become BOOLEAN or DATE columns rather than TEXT,
mixed geometry types are promoted to multi types by pyogrio first. Anything else is written
feature by feature, as before (tests/pack/test_layer_write.py compares the two byte for byte).
"""

from __future__ import annotations

import numpy as np

#: Rows per Arrow batch handed to GDAL (~10 MB of plots).
BATCH_ROWS = 65_536


def write_layer(frame, path, name: str, description: str) -> None:
    """Create table ``name`` in the GeoPackage at ``path`` holding ``frame`` (EPSG:4326)."""
    import pyogrio

    options = {"DESCRIPTION": description}
    geometry_type = streams(frame)
    if geometry_type is None:
        pyogrio.write_dataframe(frame, path, layer=name, driver="GPKG", layer_options=options)
        return
    from pyogrio.raw import write_arrow

    epsg = frame.crs.to_epsg() if frame.crs is not None else None
    crs = f"EPSG:{epsg}" if epsg else frame.crs.to_wkt("WKT1_GDAL") if frame.crs is not None else None
    write_arrow(_batches(frame), path, layer=name, driver="GPKG", geometry_name=frame.geometry.name,
                geometry_type=geometry_type, crs=crs, layer_options=options)


def streams(frame) -> str | None:
    """The GDAL geometry type to stream ``frame`` with (see the module's text); None when it is
    written feature by feature."""
    import pandas as pd
    import pyogrio
    import shapely

    try:
        import pyarrow  # noqa: F401 - only whether it is there
    except ImportError:
        return None
    if pyogrio.__gdal_version__ < (3, 8, 0) or len(frame) == 0:  # GDAL's Arrow writing
        return None
    for name, column in frame.items():
        if name == frame.geometry.name:
            continue
        dtype = column.dtype
        if dtype == object:
            if pd.api.types.infer_dtype(column, skipna=True) not in ("string", "empty"):
                return None
        elif not (isinstance(dtype, (pd.StringDtype, pd.Int64Dtype, pd.Int32Dtype))
                  or (isinstance(dtype, np.dtype) and dtype.kind in "ifbM")):
            return None
    geoms = frame.geometry.values._data
    kinds = np.unique(shapely.get_type_id(geoms[~shapely.is_missing(geoms)]))
    shapes = geoms[~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)]
    if len(kinds) != 1 or shapely.has_z(shapes).any():
        return None
    return _GDAL_TYPES.get(int(kinds[0]))


#: GDAL's name of each shapely geometry type (as pyogrio names a layer's one type)
_GDAL_TYPES = {0: "Point", 1: "LineString", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString",
               6: "MultiPolygon", 7: "GeometryCollection"}


def _batches(frame):
    """``frame`` as a stream of Arrow batches (the Arrow table ``write_dataframe`` would make,
    cut into :data:`BATCH_ROWS` rows)."""
    import pandas as pd
    import pyarrow as pa
    import shapely

    geometry = frame.geometry.name
    plain = pd.DataFrame(frame, copy=False)
    columns = list(plain.columns)
    attributes = plain.drop(columns=geometry)
    inferred = pa.Schema.from_pandas(attributes, preserve_index=False)
    fields = {f.name: f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in inferred}
    schema = pa.schema([pa.field(geometry, pa.binary()) if c == geometry else fields[c] for c in columns])

    def batches():
        for start in range(0, len(plain), BATCH_ROWS):
            part = plain.iloc[start:start + BATCH_ROWS].copy(deep=False)
            part[geometry] = shapely.to_wkb(frame.geometry.values._data[start:start + BATCH_ROWS])
            yield pa.RecordBatch.from_pandas(part, schema=schema, preserve_index=False)

    return pa.RecordBatchReader.from_batches(schema, batches())
