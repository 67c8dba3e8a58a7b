"""Server benchmarks: the synthetic parks in PostGIS, against the same folder and QGIS's
PostgreSQL provider, in the same run, on a throwaway local cluster (benchmarks/pg_cluster.py).

    python -m benchmarks.server [--size 100k] [--repeat 3] [--editors 8] [--edits 200] [--qgis auto|off]

Rows: open the database -> first frame in the main window (vs the GeoJSON folder); whole-process
``parksgis render URL`` (vs ``render FOLDER`` and QGIS rendering the same tables); 8 concurrent
editors, each a long-lived process with its own connection applying compare-and-set edits to the
same projects through the window's register API: committed edits/s, and a check that every
committed edit has exactly one history row and the final values are the last committed ones. Medians; the machine may be shared: say so with figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

from benchmarks import generate
from benchmarks.measure import run_process
from benchmarks.pg_cluster import binaries_missing, throwaway_cluster
from benchmarks.run import QGIS_PYTHON, QGIS_SCRIPT, qgis_available

# One editor: a desk, i.e. one long-lived process and connection, applying N edits of the shared
# projects through the register API the window uses (ServerRegister.apply), each a compare-and-set
# against the value it read just before; a refused stale edit is re-read and retried, as the
# window's "apply mine" does. Prints the values it committed (to check none was lost), the number
# of refusals and its seconds, as JSON.
EDITOR = r"""
import json, sys, time
from parksgis.server.register import ServerRegister
from parksgis.store.backend import ChangeSet
from parksgis.store.errors import StaleEditError
url, me, edits, projects, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(","), sys.argv[5]
reg = ServerRegister.open(url)
committed, refused = [], 0
t0 = time.perf_counter()
for i in range(edits):
    pid = projects[i % len(projects)]
    value = f"{me}-{i}"
    while True:
        base = reg.project(pid).note
        try:
            reg.apply(ChangeSet.of_project(pid, {"note": value}, {"note": base}), author=me, source=tag)
            committed.append([pid, value])
            break
        except StaleEditError:
            refused += 1
print(json.dumps({"committed": committed, "refused": refused, "seconds": time.perf_counter() - t0}))
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median(values):
    return statistics.median(values) if values else None


# Opens SRC as File ▸ Open does (the loader thread reads, the database's big layers for the first
# view only, and projects), waits until the viewport-driven layers hold the view, paints.
FIRST_FRAME = r"""
import sys, time
from pathlib import Path
from PySide6 import QtCore, QtWidgets
app = QtWidgets.QApplication([])
from benchmarks import window
from benchmarks.pack_session import wait_for_frames
from parksgis.qt.workspace_loading import open_database, open_path
w = window.new_window()
src = sys.argv[1]
t0 = time.perf_counter()
pending = open_database(w, src) if src.startswith('postgresql://') else open_path(w, Path(src))
if not pending.emitted:
    loop = QtCore.QEventLoop()
    pending.done.connect(loop.quit)
    if not pending.emitted:
        loop.exec()
assert pending.value, src
wait_for_frames(w)
QtWidgets.QApplication.processEvents()
w.canvas.viewport().repaint()
assert not window.canvas_frame_is_blank(w)
print('{"seconds": %f}' % (time.perf_counter() - t0))
"""


def first_frame(source: str, repeat: int) -> list[float]:
    """Seconds from asking for ``source`` to its first painted frame, in a fresh process each time."""
    code = FIRST_FRAME
    out = []
    for _ in range(repeat):
        result = run_process([sys.executable, "-c", code, source], timeout=600)
        if result.returncode != 0:
            raise SystemExit(f"first frame of {source} failed: {result.stderr[-800:]}")
        out.append(result.json()["seconds"])
    return out


def render_process(source: str, png: str, repeat: int) -> list[float]:
    cmd = [sys.executable, "-m", "parksgis", "render", source, "-o", png, "--size", "1920x1080"]
    out = []
    for _ in range(repeat):
        result = run_process(cmd, timeout=600)
        if result.returncode != 0:
            raise SystemExit(f"render {source} failed: {result.stderr[-800:]}")
        out.append(result.wall_s)
    return out


def qgis_postgres(cluster, dbname: str, png: str, repeat: int) -> list[float]:
    uris = [f"postgres:dbname='{dbname}' host={cluster.socket_dir} user=postgres key='fid' srid=4326 "
            f'table="parksgis"."bench__{name}" (geom)' for name in ("plots", "roads", "utilities")]
    out = []
    for _ in range(repeat):
        result = run_process([QGIS_PYTHON, str(QGIS_SCRIPT), png, "1920", "1080", *uris], timeout=600)
        if result.returncode != 0:
            raise SystemExit(f"QGIS failed: {result.stderr[-800:]}")
        out.append(result.wall_s)
    return out


def editors(url: str, count: int, edits: int) -> dict:
    """``count`` editor processes at once; committed edits/s over the slowest editor's loop, and
    whether any committed edit lacks its one history row or a project's final value is not the
    last committed one (a lost update)."""
    import subprocess

    import psycopg

    projects = ["BP000000", "BP000001", "BP000002", "BP000003"]
    tag = f"bench-{os.getpid()}-{time.time():.0f}"  # this run's history rows only
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", EDITOR, url, f"e{k}", str(edits), ",".join(projects), tag],
                              stdout=subprocess.PIPE, text=True, encoding="utf-8") for k in range(count)]
    results = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
    wall = time.perf_counter() - t0
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT project_id, new FROM parksgis.history WHERE source = %s "
                            "ORDER BY changed_at, id", (tag,)).fetchall()
        final = dict(conn.execute("SELECT project_id, note FROM parksgis.projects WHERE project_id = ANY(%s)",
                                  (projects,)).fetchall())
    committed = sorted(tuple(c) for r in results for c in r["committed"])
    lost = committed != sorted(rows) or any(final[p] != [n for q, n in rows if q == p][-1] for p in projects)
    busiest = max(r["seconds"] for r in results)
    return {"committed": len(committed), "refused": sum(r["refused"] for r in results),
            "edits_per_s": len(committed) / busiest, "wall_s": wall, "lost_update": lost}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100k")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--editors", type=int, default=8)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--qgis", choices=("auto", "off"), default="auto")
    args = parser.parse_args(argv)
    reason = binaries_missing()
    if reason:
        raise SystemExit(reason)
    n = generate.parse_size(args.size)
    root = generate.generate(n)
    out = generate.OUT
    rows = {}
    with throwaway_cluster() as cluster:
        dbname = cluster.new_database()
        url = cluster.url(dbname)
        for argv_ in (["db", "init", url], ["db", "load", str(root), "--into", url]):
            t0 = time.perf_counter()
            result = run_process([sys.executable, "-m", "parksgis", *argv_], timeout=1800)
            if result.returncode != 0:
                raise SystemExit(result.stderr)
            log(f"{' '.join(argv_[:2])}: {time.perf_counter() - t0:.1f} s")
        rows["open -> first frame, database"] = median(first_frame(url, args.repeat))
        rows["open -> first frame, GeoJSON folder"] = median(first_frame(str(root), args.repeat))
        rows["render URL -> PNG (whole process)"] = median(render_process(url, str(out / "srv.png"), args.repeat))
        rows["render folder -> PNG (whole process)"] = median(render_process(str(root), str(out / "fld.png"),
                                                                             args.repeat))
        if args.qgis == "auto" and qgis_available():
            rows["QGIS PostgreSQL provider -> PNG (whole process)"] = median(
                qgis_postgres(cluster, dbname, str(out / "qgis-pg.png"), args.repeat))
        edit = editors(url, args.editors, args.edits)
    load = os.getloadavg()
    print(f"N = {args.size} plots; {os.cpu_count()} cores, load {load[0]:.1f} (shared machine); "
          f"medians of {args.repeat}\n")
    print("| measure | seconds |\n|---|---:|")
    for name, value in rows.items():
        print(f"| {name} | {value:.2f} |")
    qgis = rows.get("QGIS PostgreSQL provider -> PNG (whole process)")
    if qgis:
        print(f"| render URL / QGIS | {rows['render URL -> PNG (whole process)'] / qgis:.2f}× (target ≤ 0.6×) |")
    print(f"| {args.editors} editors, compare-and-set | {edit['edits_per_s']:.0f} committed edits/s "
          f"({edit['committed']} committed, {edit['refused']} stale refusals retried, "
          f"lost update: {'YES' if edit['lost_update'] else 'none'}) |")
    return 1 if edit["lost_update"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
