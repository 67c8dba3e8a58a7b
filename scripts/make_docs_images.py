"""Make the pictures in docs/: an A4 briefing page (PDF) and a PNG of the sample parks.

    python3 scripts/make_docs_images.py

Runs the same command line a user would (``parksgis render``), headless. The "generated" date
printed on the pages is SOURCE_DATE_EPOCH when set (reproducible), else today.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from parksgis.cli import main  # noqa: E402


def run(*argv: str) -> None:
    code = main(list(argv))
    if code:
        raise SystemExit(f"parksgis {' '.join(argv)} failed with exit code {code}")


if __name__ == "__main__":
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    layers, docs = str(REPO / "layers"), REPO / "docs"
    docs.mkdir(exist_ok=True)
    run("render", layers, "--park", "port", "--paper", "A4", "--landscape", "-o", str(docs / "briefing-A4.pdf"))
    run("render", layers, "--size", "1600x1000", "--dpi", "120", "-o", str(docs / "parks.png"))
