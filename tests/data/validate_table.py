"""Print the Markdown table of what ``parksgis validate`` says about each file in tests/data/.

    python tests/data/validate_table.py > /tmp/table.md   (used for docs/README-io.md)

It runs the real command (``python -m parksgis validate --json``) once over every file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SCRIPTS = {"make_test_data.py", "validate_table.py"}


def data_files() -> list[str]:
    names = []
    for path in sorted(HERE.iterdir()):
        if path.name in SCRIPTS:
            continue
        if path.is_dir() and not path.suffix:  # a Shapefile set
            names += [f"{path.name}/{shp.name}" for shp in sorted(path.glob("*.shp"))]
        else:
            names.append(path.name)
    return names + ["no_such_file.geojson"]


def main() -> int:
    names = data_files()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-m", "parksgis", "validate", "--json", *names],
                            cwd=HERE, env=env, capture_output=True, encoding="utf-8")
    entries = json.loads(result.stdout)
    print("| file | exit | loaded | encoding | CRS | what validate says |")
    print("|---|---:|---:|---|---|---|")
    for entry in entries:
        errors = [p for p in entry["problems"] if p["level"] == "error"]
        code = 0 if entry["ok"] and not errors else 1
        loaded = entry["features"] if entry["ok"] else "—"
        said = "<br>".join(
            f"{p['level']} `{p['code']}`" + (f" (feature {p['feature']})" if p["feature"] is not
                                             None else "") + f": {p['message']}"
            for p in entry["problems"]) or "no problems"
        said = said.replace("|", "\\|")
        print(f"| `{entry['file']}` | {code} | {loaded} | {entry['encoding'] or '—'} | "
              f"{entry['crs'] or '—'} | {said} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
