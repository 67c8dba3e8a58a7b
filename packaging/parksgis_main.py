"""Entry point of the PyInstaller bundle: ``parksgis`` (console) and ``parksgis-gui`` (no console
window on Windows) are the same program under two names; the name says which entry to run."""

import sys
from pathlib import Path

from parksgis.cli import gui_main, main

if __name__ == "__main__":
    raise SystemExit(gui_main() if Path(sys.executable).stem.lower() == "parksgis-gui" else main())
