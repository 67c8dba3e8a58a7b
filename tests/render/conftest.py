"""Synthetic workspaces for renderer tests: small parks built from GeoDataFrames in memory."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

from parksgis.model import Layer, LayerKind, Park, Project, Workspace

# A spot inside Yangjiang (EPSG:4546 covers 109.5-112.5E)
LON0, LAT0 = 111.95, 21.75
DEG = 0.0005  # ~50 m


def grid_plots(n: int, statuses: list[str | None], seed: int = 0, park: str = "port"):
    """n square-ish plots on a grid, project ids P0.., statuses cycling through ``statuses``."""
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n)))
    i = np.arange(n)
    x0 = LON0 + (i % side) * DEG * 1.2
    y0 = LAT0 + (i // side) * DEG * 1.2
    k = rng.integers(5, 11, n)
    polys = []
    for xi, yi, ki in zip(x0, y0, k):
        ang = np.sort(rng.uniform(0, 2 * np.pi, ki))
        r = DEG * 0.5 * rng.uniform(0.7, 1.0, ki)
        polys.append(shapely.Polygon(np.column_stack([xi + DEG / 2 + r * np.cos(ang), yi + DEG / 2 + r * np.sin(ang)])))
    pids = [f"P{j}" if statuses[j % len(statuses)] is not None else None for j in range(n)]
    frame = gpd.GeoDataFrame({"project_id": pids, "name_zh": [f"地块{j}" for j in range(n)]},
                             geometry=polys, crs="EPSG:4326")
    projects = {f"P{j}": Project(f"P{j}", park, f"项目{j}", category="plot", status=statuses[j % len(statuses)])
                for j in range(n) if statuses[j % len(statuses)] is not None}
    return frame, projects


def make_workspace(n_plots: int = 40, statuses=("completed", "under_construction", "planned", None)):
    plots, projects = grid_plots(n_plots, list(statuses))
    side = int(np.ceil(np.sqrt(n_plots))) * DEG * 1.2
    roads = gpd.GeoDataFrame(
        {"project_id": ["R1", "R2"], "name_zh": ["进港大道", "疏港大道"], "road_class": ["trunk", "secondary"]},
        geometry=[shapely.LineString([(LON0, LAT0 - DEG), (LON0 + side, LAT0 - DEG)]),
                  shapely.LineString([(LON0 - DEG, LAT0), (LON0 - DEG, LAT0 + side)])], crs="EPSG:4326")
    projects["R1"] = Project("R1", "port", "进港大道", category="road", status="under_construction")
    projects["R2"] = Project("R2", "port", "疏港大道", category="road", status="completed")
    utilities = gpd.GeoDataFrame({"project_id": ["U1"], "name_zh": ["临港污水处理厂"], "kind": ["sewage"]},
                                 geometry=[shapely.Point(LON0 + side / 2, LAT0 - 2 * DEG)], crs="EPSG:4326")
    projects["U1"] = Project("U1", "port", "临港污水处理厂", category="utility", status="approved")
    boundary = gpd.GeoDataFrame({"name_zh": ["港口片区"]}, geometry=[shapely.box(
        LON0 - 2 * DEG, LAT0 - 3 * DEG, LON0 + side + DEG, LAT0 + side + DEG)], crs="EPSG:4326")
    park = Park("port", "港口片区", "Port area", layers=[
        Layer("boundary", boundary, LayerKind.BOUNDARY, park_id="port"),
        Layer("plots", plots, LayerKind.PLOTS, park_id="port"),
        Layer("roads", roads, LayerKind.ROADS, park_id="port"),
        Layer("utilities", utilities, LayerKind.UTILITIES, park_id="port"),
    ])
    return Workspace(parks=[park], projects=projects)


@pytest.fixture
def small_workspace():
    return make_workspace()


@pytest.fixture
def workspace_of():
    """``workspace_of(n_plots)``: the small workspace with as many plots as a test needs."""
    return make_workspace


# -- briefing fixtures ------------------------------------------------------------------------------
SQUARE_M = 1000.0  # side of the briefing workspace's square plots, in EPSG:4546 metres


def square_plots_workspace():
    """Four 1000 m squares (completed, under construction, planned, no project), built in EPSG:4546
    and stored in WGS84 like every layer, so a test knows their true size on the map."""
    from pyproj import Transformer

    to_wgs84 = Transformer.from_crs("EPSG:4546", "EPSG:4326", always_xy=True)
    x0, y0 = 600_000.0, 2_405_000.0
    squares_m = [shapely.box(x0 + i * 1500, y0, x0 + i * 1500 + SQUARE_M, y0 + SQUARE_M) for i in range(4)]
    squares = [shapely.transform(s.segmentize(50), lambda xy: np.column_stack(to_wgs84.transform(xy[:, 0], xy[:, 1])))
               for s in squares_m]
    statuses = ["completed", "under_construction", "planned", None]
    frame = gpd.GeoDataFrame({"project_id": ["S0", "S1", "S2", None],
                              "name_zh": ["建成地块", "在建地块", "规划地块", "空地"]}, geometry=squares, crs="EPSG:4326")
    projects = {f"S{i}": Project(f"S{i}", "port", f"地块项目{i}", category="plot", status=s, investment_wan_yuan=5000)
                for i, s in enumerate(statuses) if s}
    park = Park("port", "港口片区", "Port area", layers=[Layer("plots", frame, LayerKind.PLOTS, park_id="port")])
    ws = Workspace(parks=[park], projects=projects,
                   kpis={"new_roads_km": {"value": 22.2}, "upgraded_roads_km": {"value": 11.4}},
                   meta={"data_note": {"zh": "几何图形为示意", "en": "Geometry illustrative"},
                         "parks": {"port": {"focus_zh": "测试园区"}}})
    return ws, squares_m


@pytest.fixture
def squares():
    return square_plots_workspace()


@pytest.fixture(scope="session")
def latin_only_family(tmp_path_factory, qapp):
    """A font with ASCII only (a subset of the bundled one, renamed): shows how a missing glyph renders."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from PySide6.QtGui import QFontDatabase

    from parksgis.assets import get_asset

    font = TTFont(get_asset("fonts", "NotoSansSC-parksgis.ttf"))
    subsetter = subset.Subsetter(subset.Options(notdef_outline=True, name_IDs=["*"]))
    subsetter.populate(unicodes=range(0x20, 0x7F))
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 4, 16):
            record.string = "parksgis latin test"
        elif record.nameID == 6:
            record.string = "parksgis-latin-test"
    path = tmp_path_factory.mktemp("fonts") / "latin.ttf"
    font.save(path)
    family_id = QFontDatabase.addApplicationFont(str(path))
    return QFontDatabase.applicationFontFamilies(family_id)[0]
