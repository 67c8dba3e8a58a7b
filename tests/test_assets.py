"""Bundled files are found through importlib.resources, and the package list in pyproject.toml
names every package (it is explicit because assets/ and layers/ are mapped into the package)."""

import tomllib
from pathlib import Path

from parksgis.assets import get_asset, get_doc, is_sample_layers, sample_layers

REPO = Path(__file__).resolve().parent.parent


def test_every_package_is_in_the_wheel():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "parksgis").rglob("__init__.py")}
    missing = sorted(on_disk - listed)
    assert not missing, f"add {missing} to [tool.setuptools] packages in pyproject.toml"


def test_bundled_files_are_found_as_package_resources():
    assert get_asset("fonts", "NotoSansSC-parksgis.ttf").read_bytes()[:4] == b"\x00\x01\x00\x00"
    assert "SIL OPEN FONT LICENSE" in get_asset("fonts", "OFL.txt").read_text(encoding="utf-8")
    assert get_asset("i18n", "parksgis_zh_CN.qm").stat().st_size > 1000
    assert (sample_layers() / "parks.json").is_file() and (sample_layers() / "port" / "plots.geojson").is_file()
    assert "Keyboard shortcuts" in get_doc("app.md").read_text(encoding="utf-8")  # Help ▸ User guide


def test_only_the_bundled_folder_itself_is_the_sample(tmp_path):
    import shutil

    assert is_sample_layers(sample_layers()) and is_sample_layers(sample_layers() / "port" / "..")
    copy = tmp_path / "layers"
    shutil.copytree(sample_layers(), copy)
    assert not is_sample_layers(copy) and not is_sample_layers(tmp_path / "missing")
