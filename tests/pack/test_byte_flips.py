"""Flipping bytes at 100 random offsets of a pack: every flip that changes content is caught.

"Changes content" means the logical dump (every table's rows and the schema, what any SQLite
tool shows) differs from the original, or the file cannot be dumped at all. Such a flip must be
reported by verify or refused by open_pack with one of our exceptions. The flips run in a child
process, so a crash anywhere (SQLite, GDAL) fails the test instead of killing pytest.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, random, shutil, sqlite3, sys, warnings
from pathlib import Path
warnings.simplefilter("ignore")
from parksgis.errors import ParksgisError
from parksgis.pack import open_pack, verify_pack

original, work, seed, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])

def dump(path):
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.text_factory = lambda b: b.decode("utf-8", "surrogateescape")
        try:
            return list(conn.iterdump())
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeError) as exc:  # damaged schema text is not UTF-8
        return f"unreadable: {exc!r}"

reference = dump(original)
data = original.read_bytes()
rng = random.Random(seed)
for offset in sorted(rng.sample(range(len(data)), count)):
    flipped = bytearray(data)
    flipped[offset] ^= rng.randrange(1, 256)
    work.write_bytes(bytes(flipped))
    changed = dump(work) != reference
    work.write_bytes(bytes(flipped))  # dumping must not repair anything before verify looks
    problems = verify_pack(work).problems
    try:
        _ws, handle = open_pack(work)
        handle.close()
        opened = "opened"
    except ParksgisError as exc:
        opened = type(exc).__name__
    print(json.dumps({"offset": offset, "changed": changed, "problems": problems[:1],
                      "open": opened}), flush=True)
"""


@pytest.mark.slow
def test_hundred_random_byte_flips(pack, tmp_path):
    from parksgis.pack import open_pack

    _ws, handle = open_pack(pack)  # a pack in use: edits since the build are content too
    handle.update("P-1", {"status": "completed", "progress_pct": 100}, author="李工")
    handle.close()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", CHILD, str(pack), str(tmp_path / "flipped.gpkg"),
                           "20261129", "100"], capture_output=True, text=True, env=env,
                          timeout=600, encoding="utf-8")
    assert done.returncode == 0, done.stderr[-2000:]
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(results) == 100
    missed = [r for r in results if r["changed"] and not r["problems"] and r["open"] == "opened"]
    assert missed == [], f"content-changing flips nobody caught: {missed}"
    changed = [r for r in results if r["changed"]]
    assert len(changed) >= 10  # a small pack is mostly free page space; these must all be caught
    # and a flip that verify does not mind opens fine (no false alarms on free space)
    assert all(r["open"] == "opened" for r in results if not r["changed"] and not r["problems"])
