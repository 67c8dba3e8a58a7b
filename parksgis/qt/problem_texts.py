"""What each problem code means, said to a window user in the UI's language.

The readers' messages are written for the command line (English, with ``--crs`` advice and the
exact bytes and coordinates). The Problems panel shows this one-line meaning instead, in Chinese
or English, with what to do in the window; the reader's own message stays in the row's tooltip,
and the code itself never changes (it is what scripts and the docs refer to).
"""

from __future__ import annotations

from parksgis.qt.i18n import TranslationContext


class ProblemTexts(TranslationContext):
    """The translation context of this module's texts: ``ProblemTexts.tr("text")``."""


def level_text(level: str) -> str:
    return {"error": ProblemTexts.tr("error"), "warning": ProblemTexts.tr("warning")}.get(level, level)


def summary(code: str, message: str) -> str:
    """The translated meaning of ``code``; the reader's ``message`` for a code not listed."""
    return _summaries().get(code, message)


def _summaries() -> dict[str, str]:
    return {
        "file-not-found": ProblemTexts.tr("No such file."),
        "unreadable": ProblemTexts.tr("The file cannot be read (a folder, or no permission)."),
        "file-empty": ProblemTexts.tr("The file is empty."),
        "binary-file": ProblemTexts.tr("Binary data, not a text layer file."),
        "undecodable-text": ProblemTexts.tr("The text is neither UTF-8 nor GBK/GB18030: save it as UTF-8."),
        "truncated-json": ProblemTexts.tr("The JSON stops early: a cut-off download or copy?"),
        "not-json": ProblemTexts.tr("Not valid JSON."),
        "too-deeply-nested": ProblemTexts.tr("Nested too deeply to read."),
        "too-large": ProblemTexts.tr("Not enough memory to read the file."),
        "not-geojson": ProblemTexts.tr("JSON, but not GeoJSON."),
        "unknown-crs": ProblemTexts.tr("The file names a coordinate system that is not known: choose the one "
                                       "the data was drawn in."),
        "projected-no-crs": ProblemTexts.tr("The coordinates look projected (metres), not longitude/latitude, and "
                                            "the file names no coordinate system: choose the one the data was "
                                            "drawn in (for Yangjiang usually CGCS2000 / 3-degree GK CM 111E, "
                                            "EPSG:4546)."),
        "unsupported-format": ProblemTexts.tr("Not a layer format GDAL knows."),
        "ogr-read-failed": ProblemTexts.tr("GDAL could not read the file."),
        "invalid-feature": ProblemTexts.tr("An entry is not a feature; dropped."),
        "invalid-geometry": ProblemTexts.tr("The geometry is not valid GeoJSON; feature dropped."),
        "unknown-geometry-type": ProblemTexts.tr("Unknown geometry type; feature dropped."),
        "invalid-coordinates": ProblemTexts.tr("Coordinates of the wrong structure; feature dropped."),
        "non-finite-coordinates": ProblemTexts.tr("Coordinates that are not numbers (NaN, Infinity); feature dropped."),
        "coordinates-out-of-range": ProblemTexts.tr("Longitude or latitude out of range; feature dropped."),
        "reprojection-failed": ProblemTexts.tr("The coordinates fall outside what the coordinate system can "
                                               "project; feature dropped."),
        "gbk-encoding": ProblemTexts.tr("The file is GBK/GB18030, not UTF-8: read correctly here, but other "
                                        "programs may garble it. Re-save it as UTF-8."),
        "swapped-lat-lon": ProblemTexts.tr("The coordinates are latitude,longitude, not longitude,latitude."),
        "crs-overridden": ProblemTexts.tr("The coordinate system chosen differs from the one the file names; "
                                          "the chosen one is used."),
        "crs-mismatch": ProblemTexts.tr("Longitude/latitude-like values with a projected coordinate system."),
        "offset-outside-china": ProblemTexts.tr("Some coordinates lie outside China and were left without the "
                                                "web-map offset conversion."),
        "null-geometry": ProblemTexts.tr("No geometry; kept as a row without a shape."),
        "empty-geometry": ProblemTexts.tr("Empty geometry; kept as a row without a shape."),
        "unclosed-ring-repaired": ProblemTexts.tr("A polygon ring was not closed; closed it."),
        "invalid-geometry-repaired": ProblemTexts.tr("Invalid geometry (e.g. a self-intersection); repaired."),
        "invalid-geometry-collapsed": ProblemTexts.tr("Nothing left after repairing the geometry; kept as a row "
                                                      "without a shape."),
        "mixed-geometry-types": ProblemTexts.tr("Points, lines and polygons mixed in one layer."),
        "duplicate-feature-id": ProblemTexts.tr("A feature id repeats an earlier one."),
        "invalid-properties": ProblemTexts.tr("The feature's properties are not an object; ignored."),
        "renamed-property": ProblemTexts.tr("A property named “geometry” is kept as “geometry_property”."),
        "multiple-layers": ProblemTexts.tr("The file holds several layers; the first is read."),
        "no-features": ProblemTexts.tr("The layer has no features."),
        "no-geometry-column": ProblemTexts.tr("The file has no geometry; its rows are kept without shapes."),
        "unknown-project": ProblemTexts.tr("The feature names a project that is not in the register."),
        "missing-park-folder": ProblemTexts.tr("A park listed in parks.json has no folder."),
        "bad-parks-json": ProblemTexts.tr("parks.json cannot be read; the park folders are read without it."),
        "bad-register": ProblemTexts.tr("The status register cannot be read."),
    }
