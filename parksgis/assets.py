"""One way to find bundled files (fonts, translations, styles) and the sample parks."""

from __future__ import annotations

from pathlib import Path

# The repository root when running from a checkout or an editable install.
_ROOT = Path(__file__).resolve().parent.parent


def get_asset(*parts: str) -> Path:
    """Path of a file under ``assets/``, e.g. ``get_asset("fonts", "NotoSansSC-parksgis.ttf")``."""
    return _ROOT.joinpath("assets", *parts)


def get_doc(name: str) -> Path:
    """A page of the user documentation (``docs/``), e.g. the guide ``app.md`` Help opens."""
    return _ROOT / "docs" / name


def sample_layers() -> Path:
    """The bundled sample parks folder (``layers/``) the app opens by default."""
    return _ROOT / "layers"
