"""A view's features live as long as the map shows them: read at every zoom, kept out of cyclic
collections meanwhile (``gc_paused(keep=True)``), and freed as soon as the next read replaces them."""

from __future__ import annotations

import gc
import weakref

import pytest

from parksgis.app.workspace import open_workspace
from parksgis.render.view_frames import read_frame, to_display


@pytest.fixture
def plots(lod_pack, monkeypatch):
    from parksgis.pack import view_source

    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    opened = open_workspace(lod_pack, view_layers=True)
    try:
        yield opened.workspace.layer("port/plots")
    finally:
        opened.source.close()


@pytest.mark.parametrize("m_per_px", [1.0, 6.0])  # full detail, a band
def test_a_views_features_go_when_nothing_refers_to_them_without_a_collection(plots, m_per_px):
    """No reference cycle in what a read makes (a layer connected to itself was one, and kept a
    whole view's shapes until a collection): with the collector off, dropping the read frees it."""
    rect = to_display("EPSG:4546", plots.view.extent)
    frozen = gc.get_freeze_count()
    gc.disable()
    try:
        frame, _coverage, geometry = read_frame(plots, rect, m_per_px, "EPSG:4546", margin=0.0)
        assert len(frame) > 0 and len(geometry.wgs84) == len(frame)
        assert gc.get_freeze_count() > frozen  # left out of later collections
        refs = [weakref.ref(frame), weakref.ref(geometry)]
        del frame, geometry
        assert [ref() for ref in refs] == [None, None]
    finally:
        gc.enable()
