"""PyInstaller runtime hook: GDAL's and PROJ's data files for every library in the bundle.

The bundle carries one copy, pyogrio's (packaging/parksgis.spec says why); rasterio and pyproj are
pointed at it before they are imported. A user's own GDAL_DATA / PROJ_DATA still wins.
"""

import os
import sys
from pathlib import Path

_data = Path(sys._MEIPASS) / "pyogrio"  # noqa: SLF001 - set by PyInstaller's bootloader
os.environ.setdefault("GDAL_DATA", str(_data / "gdal_data"))
os.environ.setdefault("PROJ_DATA", str(_data / "proj_data"))
