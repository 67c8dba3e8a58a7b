"""The build's speed-ups change nothing in the pack: layers released once written, bands worked
out in a thread ahead of their inserts, tables hashed by two processes."""

from __future__ import annotations

import sqlite3

import pytest

from parksgis.pack import format as fmt
from parksgis.pack import lod
from parksgis.pack.build import build_pack
from parksgis.pack.handle import open_pack


def _plots(n: int = 400):
    """Plots from 1 m to 200 m across (several a band pixel or less), a line, a missing shape."""
    import geopandas as gpd
    import numpy as np
    import shapely

    rng = np.random.default_rng(5)
    x, y = 111.9 + rng.uniform(0, 0.1, n), 21.8 + rng.uniform(0, 0.1, n)
    radius = 10 ** rng.uniform(0, 2.3, n) / lod.M_PER_DEG
    geoms = list(shapely.buffer(shapely.points(x, y), radius, quad_segs=3))
    geoms[7] = shapely.LineString([(x[7], y[7]), (x[7] + 0.01, y[7] + 0.003)])
    geoms[5] = None
    return gpd.GeoDataFrame({"project_id": [f"P{i}" for i in range(n)]}, geometry=geoms, crs=4326)


def _hashes(manifest: dict) -> dict:
    return {k: v for k, v in manifest.items() if k.startswith(("sha256:", "built_sha256:", "rows:"))
            and k != "sha256:manifest"}


def test_a_build_that_releases_its_layers_holds_what_a_build_keeping_them_holds(tmp_path, workspace,
                                                                                 monkeypatch):
    monkeypatch.setattr(lod, "MIN_FEATURES", 2)  # bands for the tiny test parks too
    plots = workspace.layer("port/plots")
    # its own status words: the QGIS status view maps them, read from the features in memory
    plots.frame = plots.frame.assign(status=["planned", "approved", "completed"])
    kept = build_pack(workspace, tmp_path / "a" / "port.gpkg", as_of="2014-07-24")
    released = build_pack(workspace, tmp_path / "b" / "port.gpkg", as_of="2014-07-24",
                          whole_process=True)  # and hashed by two processes
    assert all(len(layer.frame) == 0 for layer in workspace.layers)  # the features were let go
    assert _hashes(released) == _hashes(kept)
    assert f"sha256:{lod.LOD_TABLE}" in kept and int(kept[f"rows:{lod.LOD_TABLE}"]) > 0
    conn = sqlite3.connect(tmp_path / "b" / "port.gpkg")
    view = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'port__plots__status'").fetchone()[0]
    counts = dict(conn.execute("SELECT table_name, feature_count FROM parksgis_layers"))
    conn.close()
    assert "WHEN 'planned' THEN 'planned'" in view and "WHEN 'completed' THEN 'completed'" in view
    assert counts == {"basemap__coastline": 1, "port__plots": 3, "port__roads": 2, "wanxiang__plots": 1}
    opened, handle = open_pack(tmp_path / "b" / "port.gpkg")  # verifies every hash on open
    handle.close()


def test_a_build_whose_workers_read_the_pack_file_holds_what_a_build_in_one_process_holds(tmp_path, workspace,
                                                                                         monkeypatch):
    monkeypatch.setattr(lod, "MIN_FEATURES", 2)  # bands for the tiny test parks too
    monkeypatch.setattr(lod, "DENSITY_MIN_FEATURES", 3)  # and status cells
    kept = build_pack(workspace, tmp_path / "a" / "port.gpkg", as_of="2014-07-24")
    monkeypatch.setattr(fmt, "_can_fork", lambda: True)  # pytest's own threads hold no SQLite lock
    forked = build_pack(workspace, tmp_path / "b" / "port.gpkg", as_of="2014-07-24", whole_process=True)
    assert _hashes(forked) == _hashes(kept)
    assert int(kept["rows:parksgis_cell_features"]) == 1 and int(kept[f"rows:{lod.LOD_TABLE}"]) > 0
    opened, handle = open_pack(tmp_path / "b" / "port.gpkg")  # verifies every hash on open
    handle.close()


def test_bands_worked_out_ahead_in_a_thread_are_the_rows_one_thread_writes(tmp_path, monkeypatch):
    import pyogrio

    monkeypatch.setattr(lod, "_CHUNK", 37)  # many chunks, none a multiple of another
    tables = {}
    for ahead in (0, 1, 3):  # 0: each band inserted as soon as it is worked out
        monkeypatch.setattr(lod, "_AHEAD", ahead)
        path = tmp_path / f"ahead{ahead}.gpkg"
        pyogrio.write_dataframe(_plots(), path, layer="port__plots", driver="GPKG")
        conn = sqlite3.connect(path)
        written = lod.build_lod(conn, ["port__plots"], min_features=0)
        conn.commit()
        tables[ahead] = (written, fmt.table_digest(conn, lod.LOD_TABLE),
                         [(band, len(set(lod.read_band(conn, "port__plots", band, (-180, -90, 180, 90))[0].tolist())))
                          for band in range(len(lod.BANDS))])
        conn.close()
    assert tables[1] == tables[0] and tables[3] == tables[0]
    written, _, per_band = tables[0]
    # 400 plots, one without a geometry; band 3 holds the status cells (none: too few plots)
    assert per_band == [(band, 399) for band in range(len(lod.BANDS))] and written >= 3 * 399


def test_bands_worked_out_by_forked_processes_are_the_rows_threads_write(tmp_path, monkeypatch):
    import os

    import pyogrio

    monkeypatch.setattr(lod, "_CHUNK", 37)
    monkeypatch.setattr(fmt, "_can_fork", lambda: True)  # pytest's own threads hold no SQLite lock
    tables = {}
    for processes in (False, True):
        path = tmp_path / f"processes{processes}.gpkg"
        pyogrio.write_dataframe(_plots(), path, layer="port__plots", driver="GPKG")
        workers = tmp_path / f"workers{processes}.txt"
        monkeypatch.setattr(lod, "band_rows", _noting_pid(lod.band_rows, workers))
        conn = sqlite3.connect(path)
        tables[processes] = (lod.build_lod(conn, ["port__plots"], min_features=0, processes=processes),
                             fmt.table_digest(conn, lod.LOD_TABLE))
        conn.commit()
        conn.close()
        # threads work in this process; a build that is all its process has other processes work
        pids = set(workers.read_text(encoding="utf-8").split())
        assert (str(os.getpid()) in pids) != processes
    assert tables[True] == tables[False] and tables[False][0] >= 3 * 399


def test_bands_and_status_cells_worked_out_by_workers_reading_the_file_are_the_rows_one_thread_writes(
        tmp_path, monkeypatch):
    """A build that is all its process does: the workers read their chunks and the layer's
    status cells from the committed file themselves, and the rows (ids included) and what each
    cell stands for are those of the build that reads and works out everything in this one."""
    import os

    import pyogrio

    from parksgis.pack import cell_features
    from parksgis.store import sqlite as store_sqlite

    monkeypatch.setattr(lod, "_CHUNK", 37)  # many chunks, none a multiple of another
    monkeypatch.setattr(lod, "DENSITY_MIN_FEATURES", 100)  # status cells for 400 plots
    monkeypatch.setattr(fmt, "_can_fork", lambda: True)  # pytest's own threads hold no SQLite lock
    tables = {}
    for readers in (False, True):
        path = tmp_path / f"readers{readers}.gpkg"
        pyogrio.write_dataframe(_plots().assign(status=["planned", "completed"] * 200), path,
                                layer="port__plots", driver="GPKG")
        noted = tmp_path / f"noted{readers}.txt"
        monkeypatch.setattr(lod, "band_rows", _noting_pid(lod.band_rows, noted))
        monkeypatch.setattr(lod, "_status_cells", _noting_pid(lod._status_cells, noted, "cells"))
        conn = store_sqlite.connect(path, create=False, row_factory=None)  # outside a transaction
        if readers:
            written = lod.build_lod(conn, ["port__plots"], min_features=0, processes=True, path=path)
        else:  # everything read here, in the caller's transaction
            conn.execute("BEGIN")
            written = lod.build_lod(conn, ["port__plots"], min_features=0)
            conn.execute("COMMIT")
        assert not conn.in_transaction
        tables[readers] = (written, fmt.table_digest(conn, lod.LOD_TABLE), fmt.table_digest(conn, cell_features.TABLE),
                           conn.execute(f"SELECT sum(length(fids)) / 8 FROM {lod.LOD_TABLE} WHERE band = ?",
                                        (lod.DENSITY_BAND,)).fetchone()[0])
        conn.close()
        lines = noted.read_text(encoding="utf-8").split()
        here = str(os.getpid())
        # the cells and every chunk's bands: in this process, or all in the forked workers
        assert f"cells:{here}" in lines and here in lines if not readers else \
            not any(line.endswith(here) for line in lines) and any(line.startswith("cells:") for line in lines)
    assert tables[True] == tables[False]
    written, _bands, (_sha, cell_rows), cells = tables[True]
    assert written >= 3 * 399 and cell_rows == 1 and cells > 10


def test_a_worker_that_fails_to_read_the_file_fails_the_band_stage_and_leaves_no_transaction(tmp_path, monkeypatch):
    import pyogrio

    from parksgis.store import sqlite as store_sqlite

    monkeypatch.setattr(lod, "_CHUNK", 37)
    monkeypatch.setattr(fmt, "_can_fork", lambda: True)
    path = tmp_path / "p.gpkg"
    pyogrio.write_dataframe(_plots(), path, layer="port__plots", driver="GPKG")
    conn = store_sqlite.connect(path, create=False, row_factory=None)
    with pytest.raises(sqlite3.Error):  # the workers read another file: no such table
        lod.build_lod(conn, ["port__plots"], min_features=0, processes=True, path=tmp_path / "other.gpkg")
    assert not conn.in_transaction
    conn.close()


def _noting_pid(band_rows, path, label=""):
    """``band_rows`` that also notes which process ran it in ``path`` (forked workers too),
    after ``label:`` when given."""
    def noted(*args, **kwargs):
        import os

        with open(path, "a", encoding="utf-8") as out:
            out.write(f"{label}:{os.getpid()}\n" if label else f"{os.getpid()}\n")
        return band_rows(*args, **kwargs)

    return noted


@pytest.fixture
def built(tmp_path, workspace, monkeypatch):
    monkeypatch.setattr(lod, "MIN_FEATURES", 2)
    out = tmp_path / "p.gpkg"
    manifest = build_pack(workspace, out)
    return out, manifest


_TWO_PROCESSES = """
import json, sqlite3, sys
from parksgis.pack import format as fmt
path, baseline = sys.argv[1], int(sys.argv[2])
assert fmt._can_fork()  # a process with one thread: the child hashes beside it
conn = sqlite3.connect(path)
jobs = [(fmt.REGISTER_HISTORY, ""), ("port__plots", "WHERE fid > 1"), ("parksgis_bands", "")]
print(json.dumps([fmt.frozen_digests(conn, baseline, path=path), fmt.table_digests(conn, jobs, path=path)]))
"""


def test_tables_hashed_by_two_processes_hash_as_by_one(built):
    import json
    import subprocess
    import sys

    path, manifest = built
    baseline = int(manifest["history_baseline"])
    done = subprocess.run([sys.executable, "-c", _TWO_PROCESSES, str(path), str(baseline)],
                          capture_output=True, text=True, encoding="utf-8", check=True)
    frozen, listed = json.loads(done.stdout)
    conn = sqlite3.connect(path)
    try:
        alone = fmt.frozen_digests(conn, baseline)
        assert frozen == alone and len(alone) > 20
        assert {k: v for k, v in manifest.items() if k in alone} == alone
        jobs = [(fmt.REGISTER_HISTORY, ""), ("port__plots", "WHERE fid > 1"), (lod.LOD_TABLE, "")]
        assert [tuple(x) for x in listed] == [fmt.table_digest(conn, *job) for job in jobs]
    finally:
        conn.close()


def test_a_table_the_second_process_cannot_hash_fails_the_hashing(built, monkeypatch):
    path, _ = built
    monkeypatch.setattr(fmt, "_can_fork", lambda: True)  # pytest's own threads hold no SQLite lock
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.Error):
            # the biggest table goes to this process, the missing one (no rows) to the child
            fmt.table_digests(conn, [(lod.LOD_TABLE, ""), ("no_such_table", "")], path=path)
    finally:
        conn.close()


def test_a_register_of_projects_csv_alone_is_packed_as_when_its_history_is_read(sample_layers, tmp_path):
    """The build skips reading back the seed history of a register made from projects.csv."""
    import shutil

    from parksgis.pack.packed_register import BUILD_AUTHOR, packed_register

    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite", "history.csv"))
    quick = packed_register(None, folder, None, None, "2014-07-24")
    header = (sample_layers / "history.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    (folder / "history.csv").write_text(header + "\n", encoding="utf-8")  # no change: read it all
    read = packed_register(None, folder, None, None, "2014-07-24")
    assert len(quick.seed) > 10 and quick.seed_author == BUILD_AUTHOR and quick.rows == []
    assert quick == read
    assert quick.seed == read.seed and quick.seed_stamp == read.seed_stamp


def _pid_and(value):
    import os

    return os.getpid(), value


def _refused(path):
    from parksgis.store.errors import RegisterError

    raise RegisterError(path, "not a register")


def test_a_step_worked_out_beside_comes_from_a_forked_child_and_its_error_is_raised_here(monkeypatch, tmp_path):
    import os

    from parksgis.store.errors import RegisterError
    from parksgis.pack.beside import Beside

    monkeypatch.setattr(fmt, "_can_fork", lambda: True)  # pytest's own threads hold no lock the child needs
    with Beside(True, _pid_and, {"P-1": "planned"}) as step:
        pid, value = step.result()
    assert pid != os.getpid() and value == {"P-1": "planned"}
    with Beside(False, _pid_and, 1) as step:  # not forked: worked out here, now
        assert step.result() == (os.getpid(), 1)
    # the child's error does not cross the pipe: this process works the step out and raises it
    with pytest.raises(RegisterError, match="not a register") as raised:
        with Beside(True, _refused, tmp_path / "register.sqlite") as step:
            step.result()
    assert str(tmp_path) in str(raised.value)
    with pytest.raises(RegisterError):  # not forked: raised at once, as without Beside
        Beside(False, _refused, tmp_path)
