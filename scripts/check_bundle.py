"""Smoke test of the desktop bundle built by ``pyinstaller packaging/parksgis.spec``.

    python scripts/check_bundle.py [dist/parksgis]

Runs the frozen program from a temporary folder, offscreen: ``validate`` on the bundled sample
files, ``sample``, ``render`` (Chinese title drawn as glyphs, status colours present, by pixels),
``pack build --imagery``, ``pack verify`` and ``render`` of that pack, and the window's first frame (``parksgis-gui --screenshot``), timed from launch to the frame
written (median of 3; the first run is the coldest). Prints the bundle's size. Exit 0 when all
pass, 1 otherwise.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if os.name == "nt" else ""
STATUS_COLOURS = {"under_construction": "#E69F00", "planned": "#56B4E9", "approved": "#0072B2"}
BUDGET_MB, BUDGET_S = 350, 3.0


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run(bundle: Path, name: str, *args, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([str(bundle / f"{name}{EXE}"), *map(str, args)], cwd=cwd, env=env,
                            capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        raise SystemExit(f"FAILED: {name} {' '.join(map(str, args))} exited {result.returncode}: "
                         f"{result.stderr.strip()}")
    return result


def colour_pixels(image, hex_colour: str, tolerance: int = 2) -> int:
    import numpy as np

    image = image.convertToFormat(image.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    pixels = data[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[:, :, :3].astype(int)
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return int((np.abs(pixels - np.array([b, g, r])).max(axis=2) <= tolerance).sum())


def first_frame_seconds(bundle: Path, work: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    process = subprocess.Popen([str(bundle / f"parksgis-gui{EXE}"), "--screenshot", "window.png"],
                               cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, encoding="utf-8")
    line = process.stdout.readline()  # printed once the first frame is written
    elapsed = time.perf_counter() - start
    _, err = process.communicate()
    if process.returncode != 0 or line.strip() != "window.png":
        raise SystemExit(f"FAILED: parksgis-gui --screenshot: {err.strip()}")
    return elapsed


def main(argv=None) -> int:
    bundle = Path((argv or sys.argv[1:] or [ROOT / "dist" / "parksgis"])[0]).resolve()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - image plugins
    with tempfile.TemporaryDirectory(prefix="parksgis-bundle-check-") as tmp:
        work = Path(tmp)
        # user folders in the temporary folder too: the check leaves the user's own alone
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(work / name.lower())
        samples = sorted((bundle / "_internal" / "parksgis" / "_layers").glob("*/*.geojson"))
        if not samples:
            raise SystemExit(f"FAILED: {bundle}: no sample parks inside the bundle")
        run(bundle, "parksgis", "validate", *samples, cwd=work)
        print(f"validate: {len(samples)} sample files OK")
        run(bundle, "parksgis", "sample", "parks", cwd=work)
        run(bundle, "parksgis", "render", "parks", "-o", "x.png", "--size", "1200x800", "--dpi", "96", cwd=work)
        page = QImage(str(work / "x.png"))
        band = page.copy(0, 0, page.width(), page.height() // 10)
        dark = sum(1 for x in range(band.width()) for y in range(band.height())
                   if band.pixelColor(x, y).lightness() < 100)
        colours = {code: colour_pixels(page, hex_colour) for code, hex_colour in STATUS_COLOURS.items()}
        if dark < 300 or min(colours.values()) < 50:
            raise SystemExit(f"FAILED: render: title pixels {dark}, status colour pixels {colours}")
        print(f"render: title drawn ({dark} dark pixels), status colours {colours}")
        # a field pack with the orthophotos: GDAL writing vectors and raster tiles, then reading them
        run(bundle, "parksgis", "pack", "build", "parks", "-o", "port.gpkg", "--park", "port",
            "--imagery", "parks/imagery", cwd=work)
        run(bundle, "parksgis", "pack", "verify", "port.gpkg", cwd=work)
        run(bundle, "parksgis", "render", "port.gpkg", "-o", "port.png", "--size", "800x600", cwd=work)
        print("pack: built with imagery, verified and rendered")
        times = [first_frame_seconds(bundle, work) for _ in range(3)]
        window = QImage(str(work / "window.png"))
        if colour_pixels(window, STATUS_COLOURS["under_construction"]) < 20:
            raise SystemExit("FAILED: window: no features drawn in status colours")
        print(f"window: first frame {window.width()}x{window.height()}; launch to first frame "
              f"{', '.join(f'{t:.2f}' for t in times)} s (median {statistics.median(times):.2f} s, "
              f"budget {BUDGET_S} s)")
    size = folder_size(bundle) / 1e6
    print(f"bundle: {bundle} {size:.0f} MB unpacked (budget {BUDGET_MB} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
