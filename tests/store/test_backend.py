"""The RegisterBackend contract, checked on each implementation: a folder's register.sqlite and the
register inside a real layer pack. A new backend (PostgreSQL) adds itself to ``BACKENDS``."""

from __future__ import annotations

import sqlite3
import time
from datetime import date

import geopandas as gpd
import pytest
import shapely

from parksgis.store.backend import ChangeSet, FieldEdit, RegisterBackend
from parksgis.store.errors import (ChangeError, RegisterLockedError, RegisterReadOnlyError,
                                   StaleEditError)
from parksgis.store.register import RegisterStore


def _folder_register(tmp_path, projects, readonly=False) -> tuple[RegisterBackend, str]:
    path = tmp_path / "register.sqlite"
    RegisterStore.create(path, projects, author="seeder", baseline=date(2014, 1, 1)).close()
    return RegisterStore.open(path, readonly=readonly), str(path)


def _pack_register(tmp_path, projects, readonly=False) -> tuple[RegisterBackend, str]:
    from parksgis.model.layer import Layer, LayerKind
    from parksgis.model.workspace import Park, Workspace
    from parksgis.pack import build_pack, open_pack

    frame = gpd.GeoDataFrame({"project_id": [p.project_id for p in projects]},
                             geometry=[shapely.box(111.9 + i / 100, 21.7, 111.905 + i / 100, 21.705)
                                       for i in range(len(projects))], crs=4326)
    parks = [Park("port", "港口片区", "Port", [Layer("plots", frame, LayerKind.PLOTS, "port")])]
    path = tmp_path / "field.gpkg"
    build_pack(Workspace(parks, [], {p.project_id: p for p in projects}), path)
    _workspace, handle = open_pack(path, read_only=readonly, layers=False)
    return handle.register, str(path)


BACKENDS = {"folder": _folder_register, "pack": _pack_register}


@pytest.fixture(params=sorted(BACKENDS))
def open_backend(request, tmp_path, sample_projects):
    opened = []

    def make(readonly=False):
        backend, path = BACKENDS[request.param](tmp_path, sample_projects(), readonly)
        opened.append(backend)
        return backend, path

    yield make
    for backend in opened:
        backend.close()


def test_apply_with_the_bases_the_editor_saw_writes_one_group_and_tells_subscribers(open_backend):
    backend, _path = open_backend()
    heard: list[list[str]] = []
    unsubscribe = backend.subscribe(heard.append)
    rows = backend.apply(ChangeSet((FieldEdit("PT-R02", "status", "approved", base="planned"),
                                    FieldEdit("WX-B01", "progress_pct", 5, base=None))), author="李工")
    assert sorted((r.project_id, r.field, r.old, r.new, r.author) for r in rows) == [
        ("PT-R02", "status", "planned", "approved", "李工"), ("WX-B01", "progress_pct", None, "5.0", "李工")]
    assert len({r.edit_id for r in rows}) == 1  # one edit group: undone together
    assert heard == [["PT-R02", "WX-B01"]]
    assert backend.project("PT-R02").status == "approved"
    unsubscribe()
    backend.update("PT-R02", {"status": "planned"})
    assert heard == [["PT-R02", "WX-B01"]]
    assert [r.new for r in backend.undo_last()] == ["approved"]


def test_a_field_changed_since_the_editor_read_it_is_refused_whole_with_who_and_when(open_backend):
    backend, path = open_backend()
    backend.update("PT-R02", {"status": "approved"}, author="总部", changed_at="2014-06-01T10:00:00+08:00")
    before = backend.history()
    stale_set = ChangeSet.of_project("PT-R02", {"status": "under_construction", "note": "开工"},
                                     base={"status": "planned", "note": ""})
    with pytest.raises(StaleEditError) as caught:
        backend.apply(stale_set, author="现场")
    error = caught.value
    assert (error.project_id, error.field, error.base, error.new, error.current) == (
        "PT-R02", "status", "planned", "under_construction", "approved")
    assert (error.changed_by, error.changed_at) == ("总部", "2014-06-01T02:00:00.000000Z")
    assert str(error) == (f"{path}: project PT-R02, field status: changed by 总部 at "
                          "2014-06-01T02:00:00.000000Z to 'approved' after you read 'planned'; your "
                          "'under_construction' was not saved; nothing was changed")
    assert backend.history() == before and backend.project("PT-R02").note == ""  # nothing written
    # someone else already made the very same change: not a conflict, nothing to write
    assert backend.apply(ChangeSet.of_project("PT-R02", {"status": "approved"},
                                              base={"status": "planned"})) == []


def test_bad_values_are_refused_before_any_write(open_backend):
    backend, path = open_backend()
    with pytest.raises(ChangeError, match=r"project PT-R02, field status: unknown status 'done'"):
        backend.apply(ChangeSet.of_project("PT-R02", {"status": "done"}, base={"status": "planned"}))


def test_a_writer_holding_the_lock_gives_a_typed_error_within_half_a_second(open_backend):
    backend, path = open_backend()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program in the middle of a save
    try:
        start = time.perf_counter()
        with pytest.raises(RegisterLockedError, match="nothing was changed"):
            backend.update("PT-R02", {"status": "approved"})
        assert time.perf_counter() - start < 1.0  # the busy timeout is 0.5 s
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert backend.update("PT-R02", {"status": "approved"})


def test_a_read_only_register_refuses_writes_with_a_typed_error(open_backend):
    backend, _path = open_backend(readonly=True)
    assert backend.readonly
    with pytest.raises(RegisterReadOnlyError, match="nothing was changed"):
        backend.update("PT-R02", {"status": "approved"})
