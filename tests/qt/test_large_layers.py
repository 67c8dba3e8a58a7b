"""A large layer keeps the window responsive: nothing walks every feature per cell or per item."""

import time

import geopandas as gpd
import numpy as np
import pytest
import shapely

from parksgis.model import Layer, LayerKind, Park, Project, Workspace

N = 50_000


@pytest.mark.slow
def test_fifty_thousand_plots_open_and_filter_quickly(qtbot, window):
    rng = np.random.default_rng(7)
    x, y = 111.8 + rng.random(N) * 0.2, 21.7 + rng.random(N) * 0.2
    frame = gpd.GeoDataFrame({"name_zh": [f"地块{i}" for i in range(N)],
                              "project_id": [f"P{i % 500}" for i in range(N)]},
                             geometry=shapely.box(x, y, x + 0.0008, y + 0.0006), crs="EPSG:4326")
    projects = {f"P{i}": Project(f"P{i}", "port", f"项目{i}", status=("planned", "approved")[i % 2])
                for i in range(500)}
    big = Workspace([Park("port", "港口片区", layers=[Layer("plots", frame, LayerKind.PLOTS, "port")])],
                    [], projects)
    start = time.perf_counter()
    window.set_workspace(big)
    window.canvas.repaint()
    window.table.show_layer(big.layer("port/plots"))
    window.table.filter_edit.setText("地块1234")
    elapsed = time.perf_counter() - start
    # measured 0.5 s on 2 shared cores (it was ~12 s when each table cell re-read the layer)
    assert elapsed < 6, f"{elapsed:.1f} s"
    assert window.table.proxy.rowCount() == 11  # 地块1234 and 地块12340..12349
    assert window.legend.item_for("planned").text().endswith(f"({N // 2})")


def test_opening_projects_the_layers_in_the_loader_thread(qtbot, window, sample_layers, monkeypatch, finished):
    """The first frame after File ▸ Open only builds paths and paints: the layers were projected
    to the display CRS in the loader's thread, alongside reading the files."""
    import threading

    from parksgis.render import layer_cache

    built_in = []
    real_init = layer_cache.LayerGeometry.__init__

    def recording_init(self, layer, display_crs):
        built_in.append(threading.get_ident())
        real_init(self, layer, display_crs)

    monkeypatch.setattr(layer_cache.LayerGeometry, "__init__", recording_init)
    assert finished(window.open_path(sample_layers))
    layers = window.workspace.layers
    assert len(built_in) == len(layers)  # once per layer, none again for the first frame
    assert threading.get_ident() not in built_in
    window.canvas.grab()
    assert len(built_in) == len(layers)
