"""What each problem code means, said to a window user in the UI's language.

The readers' messages are written for the command line (English, with ``--crs`` advice and the
exact bytes and coordinates). The Problems panel shows this one-line meaning instead, in Chinese
or English, with what to do in the window; the reader's own message stays in the row's tooltip,
and the code itself never changes (it is what scripts and the docs refer to).
"""

from __future__ import annotations

from PySide6 import QtCore

TR_CONTEXT = "ProblemTexts"


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate(TR_CONTEXT, text)


def level_text(level: str) -> str:
    return {"error": _tr("error"), "warning": _tr("warning")}.get(level, level)


def summary(code: str, message: str) -> str:
    """The translated meaning of ``code``; the reader's ``message`` for a code not listed."""
    return _summaries().get(code, message)


def _summaries() -> dict[str, str]:
    return {
        "file-not-found": _tr("No such file."),
        "unreadable": _tr("The file cannot be read (a folder, or no permission)."),
        "file-empty": _tr("The file is empty."),
        "binary-file": _tr("Binary data, not a text layer file."),
        "undecodable-text": _tr("The text is neither UTF-8 nor GBK/GB18030: save it as UTF-8."),
        "truncated-json": _tr("The JSON stops early: a cut-off download or copy?"),
        "not-json": _tr("Not valid JSON."),
        "too-deeply-nested": _tr("Nested too deeply to read."),
        "too-large": _tr("Not enough memory to read the file."),
        "not-geojson": _tr("JSON, but not GeoJSON."),
        "unknown-crs": _tr("The file names a coordinate system that is not known: choose the one "
                           "the data was drawn in."),
        "projected-no-crs": _tr("The coordinates look projected (metres), not longitude/latitude, and "
                                "the file names no coordinate system: choose the one the data was "
                                "drawn in (for Yangjiang usually CGCS2000 / 3-degree GK CM 111E, "
                                "EPSG:4546)."),
        "unsupported-format": _tr("Not a layer format GDAL knows."),
        "ogr-read-failed": _tr("GDAL could not read the file."),
        "invalid-feature": _tr("An entry is not a feature; dropped."),
        "invalid-geometry": _tr("The geometry is not valid GeoJSON; feature dropped."),
        "unknown-geometry-type": _tr("Unknown geometry type; feature dropped."),
        "invalid-coordinates": _tr("Coordinates of the wrong structure; feature dropped."),
        "non-finite-coordinates": _tr("Coordinates that are not numbers (NaN, Infinity); feature dropped."),
        "coordinates-out-of-range": _tr("Longitude or latitude out of range; feature dropped."),
        "reprojection-failed": _tr("The coordinates fall outside what the coordinate system can "
                                   "project; feature dropped."),
        "gbk-encoding": _tr("The file is GBK/GB18030, not UTF-8: read correctly here, but other "
                            "programs may garble it. Re-save it as UTF-8."),
        "swapped-lat-lon": _tr("The coordinates are latitude,longitude, not longitude,latitude."),
        "crs-overridden": _tr("The coordinate system chosen differs from the one the file names; "
                              "the chosen one is used."),
        "crs-mismatch": _tr("Longitude/latitude-like values with a projected coordinate system."),
        "offset-outside-china": _tr("Some coordinates lie outside China and were left without the "
                                    "web-map offset conversion."),
        "null-geometry": _tr("No geometry; kept as a row without a shape."),
        "empty-geometry": _tr("Empty geometry; kept as a row without a shape."),
        "unclosed-ring-repaired": _tr("A polygon ring was not closed; closed it."),
        "invalid-geometry-repaired": _tr("Invalid geometry (e.g. a self-intersection); repaired."),
        "invalid-geometry-collapsed": _tr("Nothing left after repairing the geometry; kept as a row "
                                          "without a shape."),
        "mixed-geometry-types": _tr("Points, lines and polygons mixed in one layer."),
        "duplicate-feature-id": _tr("A feature id repeats an earlier one."),
        "invalid-properties": _tr("The feature's properties are not an object; ignored."),
        "renamed-property": _tr("A property named “geometry” is kept as “geometry_property”."),
        "multiple-layers": _tr("The file holds several layers; the first is read."),
        "no-features": _tr("The layer has no features."),
        "no-geometry-column": _tr("The file has no geometry; its rows are kept without shapes."),
        "unknown-project": _tr("The feature names a project that is not in the register."),
        "missing-park-folder": _tr("A park listed in parks.json has no folder."),
        "bad-parks-json": _tr("parks.json cannot be read; the park folders are read without it."),
        "bad-register": _tr("The status register cannot be read."),
    }
