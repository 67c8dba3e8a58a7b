"""Entry point of the PyInstaller bundle: ``parksgis`` (console) and ``parksgis-gui`` (no console
window on Windows) are the same program under two names; the name it was started by says which entry
to run (on Linux parksgis-gui is a link, so sys.executable, resolved by the bootloader, says
"parksgis": the name typed or clicked is argv[0])."""

import sys
from pathlib import Path

from parksgis.cli import gui_main, main

if __name__ == "__main__":
    names = {Path(sys.argv[0]).stem.lower(), Path(sys.executable).stem.lower()}
    raise SystemExit(gui_main() if "parksgis-gui" in names else main())
