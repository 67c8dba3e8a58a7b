"""Reading and validating layers, encodings, CRS and Chinese web-map offsets. No Qt here.

``read_layer(path, *, crs=None, offset=None) -> (GeoDataFrame, ValidationReport)`` and
``validate_file(...)`` (never raises ParksgisError) are the public entry points.
"""

from parksgis.io.reader import read_layer, validate_file
from parksgis.io.report import Problem, ValidationReport

__all__ = ["read_layer", "validate_file", "Problem", "ValidationReport"]
