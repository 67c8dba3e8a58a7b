"""One way to find bundled files (font, translations, icon) and the sample parks.

The repository keeps them in ``assets/`` and ``layers/``; pyproject.toml maps those folders to the
packages ``parksgis._assets`` and ``parksgis._layers``, so ``importlib.resources`` finds them the
same way in a checkout (editable install), an installed wheel and a PyInstaller bundle. They are
read-only: nothing is ever written there (user state goes to :mod:`parksgis.user_data`).
"""

from __future__ import annotations

import functools
from importlib.resources import files
from pathlib import Path

from parksgis.errors import ParksgisError

ASSETS_PACKAGE = "parksgis._assets"
LAYERS_PACKAGE = "parksgis._layers"
DOCS_PACKAGE = "parksgis._docs"
#: files of the layers package that are packaging, not sample data
NOT_SAMPLE_DATA = ("__init__.py", "__pycache__")


@functools.cache
def _package_folder(package: str) -> Path:
    # Fonts go to QRawFont and layers to GDAL, which need real files: every supported install
    # (wheel, editable, PyInstaller one-folder) unpacks the package onto disk. A frozen bundle's
    # reader answers with a MultiplexedPath, whose children are plain paths: hence the child.
    marker = files(package) / "__init__.py"
    if not isinstance(marker, Path) or not marker.is_file():
        raise ParksgisError(f"{marker}: the bundled files of parksgis are missing or zipped; "
                            "reinstall parksgis")
    return marker.parent


def get_asset(*parts: str) -> Path:
    """Path of a bundled file, e.g. ``get_asset("fonts", "NotoSansSC-parksgis.ttf")``."""
    return _package_folder(ASSETS_PACKAGE).joinpath(*parts)


def get_doc(name: str) -> Path:
    """A page of the user guide Help opens (``docs/app.md``, ``docs/app.zh_CN.md``)."""
    return _package_folder(DOCS_PACKAGE) / name


def sample_layers() -> Path:
    """The bundled sample parks folder the app opens by default (read-only: see
    :func:`parksgis.store.register.register_file` for where its register lives)."""
    return _package_folder(LAYERS_PACKAGE)


def is_sample_layers(path) -> bool:
    """Whether ``path`` is the bundled sample parks folder itself (not a copy of it)."""
    try:
        return Path(path).resolve() == sample_layers().resolve()
    except OSError:
        return False
