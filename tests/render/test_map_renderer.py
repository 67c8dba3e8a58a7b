"""MapRenderer draws the model, follows its signals and picks features — checked on real pixels."""

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from parksgis.model import DEFAULT_SCHEME
from parksgis.render.map_renderer import MapRenderer, view_transform

W, H = 640, 480


def render(renderer, view=None, antialias=False, labels=False):
    image = QImage(W, H, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.paint(painter, view or renderer.extent(), QRectF(0, 0, W, H), antialias=antialias, labels=labels)
    painter.end()
    return image


def interior_pixel(renderer, image, layer, row, view=None):
    geom = renderer.geometry(layer).geoms[row]
    x, y = shapely.get_coordinates(shapely.point_on_surface(geom))[0]
    point = view_transform(view or renderer.extent(), QRectF(0, 0, W, H)).map(QPointF(x, y))
    return image.pixelColor(int(point.x()), int(point.y())).name()


@pytest.fixture
def renderer(qapp, small_workspace):
    r = MapRenderer(small_workspace)
    yield r
    r.close()


def plots(renderer):
    return renderer.workspace.layer("port/plots")


def test_plot_interior_has_its_status_colour(renderer):
    image = render(renderer)
    layer = plots(renderer)
    for row, status in [(0, "completed"), (1, "under_construction"), (2, "planned")]:
        assert interior_pixel(renderer, image, layer, row) == DEFAULT_SCHEME.color(status).lower()
    assert interior_pixel(renderer, image, layer, 3) == DEFAULT_SCHEME.NO_PROJECT_COLOR  # unlinked: grey


def test_extent_is_in_gauss_kruger_metres(renderer):
    ext = renderer.extent()
    assert 500_000 < ext.center().x() < 700_000 and 2_350_000 < ext.center().y() < 2_450_000
    assert 300 < ext.width() < 2000


def test_hidden_status_is_not_drawn_and_not_picked(renderer):
    layer = plots(renderer)
    renderer.hidden_statuses = {"completed"}
    image = render(renderer)
    assert interior_pixel(renderer, image, layer, 0) == "#ffffff"
    assert interior_pixel(renderer, image, layer, 1) == DEFAULT_SCHEME.color("under_construction").lower()
    x, y = shapely.get_coordinates(shapely.point_on_surface(renderer.geometry(layer).geoms[0]))[0]
    assert (layer, 0) not in renderer.pick(x, y, 1.0)


def test_renderer_follows_visibility_opacity_and_status_changes(renderer):
    layer = plots(renderer)
    repaints = []
    renderer.changed.connect(lambda: repaints.append(1))
    layer.visible = False
    assert repaints and interior_pixel(renderer, render(renderer), layer, 0) == "#ffffff"
    layer.visible = True
    layer.opacity = 0.5
    half = QColor(interior_pixel(renderer, render(renderer), layer, 0))
    assert half.name() not in ("#ffffff", DEFAULT_SCHEME.color("completed").lower())
    layer.opacity = 1.0
    renderer.workspace.projects["P0"].status = "suspended"
    renderer.workspace.projects_changed.emit(["P0"])
    assert interior_pixel(renderer, render(renderer), layer, 0) == DEFAULT_SCHEME.color("suspended").lower()


def test_as_of_projects_override_workspace_statuses(renderer):
    import copy
    snapshot = copy.deepcopy(renderer.workspace.projects)
    snapshot["P0"].status = "planned"
    renderer.set_status_of(snapshot)
    assert interior_pixel(renderer, render(renderer), plots(renderer), 0) == DEFAULT_SCHEME.color("planned").lower()
    renderer.set_status_of(None)
    assert interior_pixel(renderer, render(renderer), plots(renderer), 0) == DEFAULT_SCHEME.color("completed").lower()


def test_single_style_colours_all_plots_alike(renderer):
    layer = plots(renderer)
    layer.style = "single"
    image = render(renderer)
    colours = {interior_pixel(renderer, image, layer, row) for row in range(4)}
    assert len(colours) == 1


def test_pick_returns_topmost_nearest_feature(renderer):
    layer = plots(renderer)
    x, y = shapely.get_coordinates(shapely.point_on_surface(renderer.geometry(layer).geoms[5]))[0]
    hits = renderer.pick(x, y, 1.0)
    assert hits[0] == (layer, 5)
    assert [layer.key for layer, _ in hits] == ["port/plots"]  # boundaries are hit on their outline only
    bx, by = shapely.get_coordinates(renderer.geometry(renderer.workspace.layer("port/boundary")).geoms[0])[0]
    assert renderer.pick(bx + 0.5, by + 10, 1.0)[0][0].key == "port/boundary"
    layer.visible = False
    assert (layer, 5) not in renderer.pick(x, y, 1.0)


def test_highlight_outlines_the_selected_plot(renderer):
    layer = plots(renderer)
    before = render(renderer)
    renderer.highlight = [("port/plots", 5)]
    after = render(renderer)
    yellow = [after.pixelColor(x, y).name() for x in range(W) for y in range(0, H, 2)].count("#ffd400")
    assert yellow > 20
    assert before.pixelColor(0, 0) == after.pixelColor(0, 0)


def test_labels_do_not_overlap_and_are_chinese(renderer):
    image = render(renderer, labels=True)
    placed = renderer.labels.placed
    assert any(text == "进港大道" for text, _ in placed)
    for i, (_, a) in enumerate(placed):
        for _, b in placed[i + 1:]:
            assert not a.intersects(b)
    assert image.pixelColor(0, 0).name() == "#ffffff"


def test_zoomed_view_culls_tiles_and_still_draws(renderer):
    layer = plots(renderer)
    geom = renderer.geometry(layer).geoms[0]
    minx, miny, maxx, maxy = shapely.bounds(geom)
    view = QRectF(minx - 5, miny - 5, maxx - minx + 10, maxy - miny + 10)
    image = render(renderer, view=view)
    assert interior_pixel(renderer, image, layer, 0, view) == DEFAULT_SCHEME.color("completed").lower()
    assert np.array_equal(renderer.visible_rows(layer, view)[:1], [0])


def test_mixed_multipart_missing_and_empty_geometries_draw_and_pick(qapp):
    import geopandas as gpd

    from parksgis.model import Layer, LayerKind, Park, Project, Workspace

    lon, lat = 111.95, 21.75
    d = 0.001
    geoms = [shapely.MultiPolygon([shapely.box(lon, lat, lon + d, lat + d), shapely.box(lon + 2 * d, lat, lon + 3 * d, lat + d)]),
             None,
             shapely.Polygon(),
             shapely.MultiLineString([[(lon, lat - d), (lon + 3 * d, lat - d)], [(lon, lat - 2 * d), (lon + d, lat - 2 * d)]]),
             shapely.MultiPoint([(lon, lat + 2 * d), (lon + d, lat + 2 * d)]),
             shapely.Polygon(shapely.box(lon + 4 * d, lat, lon + 6 * d, lat + 2 * d).exterior.coords,
                             [shapely.box(lon + 4.5 * d, lat + 0.5 * d, lon + 5.5 * d, lat + 1.5 * d).exterior.coords])]
    frame = gpd.GeoDataFrame({"project_id": ["A", "A", None, "B", "C", "A"]}, geometry=geoms, crs="EPSG:4326")
    empty = gpd.GeoDataFrame({"project_id": []}, geometry=[], crs="EPSG:4326")
    projects = {k: Project(k, "p", k, status="completed") for k in "ABC"}
    park = Park("p", "园", layers=[Layer("mixed", frame, LayerKind.OTHER, park_id="p"),
                                  Layer("empty", empty, LayerKind.PLOTS, park_id="p")])
    renderer = MapRenderer(Workspace(parks=[park], projects=projects))
    render(renderer, labels=True)  # labels of multi-part, missing and empty geometries: no error
    image = render(renderer)
    layer = park.layers[0]
    completed = DEFAULT_SCHEME.color("completed").lower()
    assert interior_pixel(renderer, image, layer, 0) == completed       # a multipolygon part
    hole = renderer.geometry(layer).geoms[5].interiors[0].centroid
    point = view_transform(renderer.extent(), QRectF(0, 0, W, H)).map(QPointF(hole.x, hole.y))
    assert image.pixelColor(int(point.x()), int(point.y())).name() == "#ffffff"  # holes stay open
    x, y = shapely.get_coordinates(renderer.geometry(layer).geoms[4])[1]
    assert renderer.pick(x, y, 2.0) == [(layer, 4)]
    assert renderer.extent([park.layers[1]]).isEmpty()
    renderer.close()


def test_a_renderer_uses_layers_projected_beforehand(small_workspace):
    from parksgis.render.map_renderer import MapRenderer, project_layers

    prepared = project_layers(small_workspace, "EPSG:4546")
    renderer = MapRenderer(small_workspace, "EPSG:4546", geometry=prepared)
    assert small_workspace.layers
    for layer in small_workspace.layers:
        assert renderer.geometry(layer) is prepared[id(layer)]


def test_features_with_their_own_status_and_no_project_are_drawn_in_that_status(qapp):
    """A layer that carries 状态 and no project_id draws its statuses, not all grey."""
    import geopandas as gpd

    from parksgis.model import Layer, LayerKind, Park, Workspace

    squares = [shapely.box(111.95 + i * 0.001, 21.75, 111.9508 + i * 0.001, 21.7508) for i in range(4)]
    frame = gpd.GeoDataFrame({"状态": ["在建", "已竣工", "暂缓", "nonsense"]}, geometry=squares, crs=4326)
    layer = Layer("plots", frame, LayerKind.PLOTS, park_id="port")
    renderer = MapRenderer(Workspace(parks=[Park("port", "港口片区", "Port", layers=[layer])]))
    image = render(renderer)
    assert [interior_pixel(renderer, image, layer, row) for row in range(4)] == [
        DEFAULT_SCHEME.color("under_construction").lower(), DEFAULT_SCHEME.color("completed").lower(),
        DEFAULT_SCHEME.color("suspended").lower(), DEFAULT_SCHEME.NO_PROJECT_COLOR]
    renderer.close()




def test_a_label_is_the_features_own_name_else_its_projects_worked_out_for_the_features_asked_for(qapp):
    """Label texts: a feature's own name column first, else its project's name, else none; only
    the features the labels ask for are looked up (a zoomed view holds 40,000 plots), and a
    renamed project relabels its features."""
    import dataclasses

    import geopandas as gpd

    from parksgis.model import Layer, LayerKind, Park, Project, Workspace

    squares = [shapely.box(111.95 + i * 0.001, 21.75, 111.9508 + i * 0.001, 21.7508) for i in range(5)]
    frame = gpd.GeoDataFrame({"project_id": ["A", "B", None, "missing", "A"],
                              "name_zh": ["自有名", None, "无项目", "", ""]}, geometry=squares, crs=4326)
    layer = Layer("plots", frame, LayerKind.PLOTS, park_id="port")
    projects = {"A": Project("A", "port", "项目甲"), "B": Project("B", "port", "项目乙")}
    workspace = Workspace(parks=[Park("port", "港口片区", "Port", layers=[layer])], projects=projects)
    renderer = MapRenderer(workspace)
    style = renderer.style(layer)
    assert style.names_of("zh", np.array([4, 1])).tolist() == ["项目甲", "项目乙"]
    assert style._known["zh"].tolist() == [False, True, False, False, True]  # the others not looked up
    assert style.names_of("zh", np.arange(5)).tolist() == ["自有名", "项目乙", "无项目", "", "项目甲"]
    workspace.projects["A"] = dataclasses.replace(projects["A"], name_zh="改名")
    workspace.projects_changed.emit(["A"])
    assert renderer.style(layer).names_of("zh", np.arange(5)).tolist() == ["自有名", "项目乙", "无项目", "", "改名"]
    renderer.close()

@pytest.mark.parametrize("hidden", [frozenset(), frozenset({"planned"})])
def test_a_status_edit_repaints_the_same_frame_as_a_fresh_renderer(qapp, workspace_of, hidden):
    """The edit path rebuilds only the style groups and tiles the edited features move between;
    what it draws must be exactly what a renderer built from scratch draws."""
    import dataclasses

    workspace = workspace_of(3000)  # several tiles per style group
    edited = MapRenderer(workspace)
    edited.hidden_statuses = hidden
    render(edited, labels=True)  # label texts cached too: an edit may rename a project
    style = edited.style(plots(edited))
    before = {g: list(t.paths) for g, t in enumerate(style.area_paths)}
    for pid, status in [("P0", "planned"), ("P1", "completed"), ("P1234", "under_construction"),
                        ("R1", "completed"), ("U1", "completed")]:
        workspace.projects[pid] = dataclasses.replace(workspace.projects[pid], status=status)
    workspace.projects["P5"] = dataclasses.replace(workspace.projects["P5"], name_zh="改名项目")
    workspace.projects_changed.emit(["P0", "P1", "P1234", "R1", "U1", "P5"])
    assert edited.style(plots(edited)) is style  # followed in place, not rebuilt
    untouched = [p for g, paths in before.items() for p in paths if any(p is q for q in style.area_paths[g].paths)]
    assert len(untouched) > len(sum(before.values(), [])) // 2  # most tile paths were kept as they were
    assert render(edited, labels=True) == render(_hidden(workspace, hidden), labels=True)
    # a status the plots had no group for yet: the layer is rebuilt whole, and still draws the same
    workspace.projects["P2"] = dataclasses.replace(workspace.projects["P2"], status="suspended")
    workspace.projects_changed.emit(["P2"])
    assert render(edited) == render(_hidden(workspace, hidden))


def _hidden(workspace, hidden) -> MapRenderer:
    """A renderer built from scratch, with ``hidden`` statuses."""
    renderer = MapRenderer(workspace)
    renderer.hidden_statuses = hidden
    return renderer


def test_a_click_anywhere_finds_exactly_the_features_within_its_tolerance(renderer):
    """What a click picks is what measuring every feature's distance gives (random clicks over
    the whole extent and beyond, several tolerances; areas, lines and points)."""
    rng = np.random.default_rng(15)
    extent = renderer.extent()
    found = 0
    for layer in renderer.workspace.layers:
        geometry = renderer.geometry(layer)
        geoms = geometry.geoms
        present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        for _ in range(60):
            point = shapely.Point(rng.uniform(extent.left() - 50, extent.right() + 50),
                                  rng.uniform(extent.top() - 50, extent.bottom() + 50))
            tolerance = float(rng.choice([0.0, 1.0, 15.0, 200.0]))
            expected = np.flatnonzero(present & (shapely.distance(geoms, point) <= tolerance))
            assert np.array_equal(geometry.query(point, tolerance), expected), (layer.key, point, tolerance)
            found += len(expected)
    assert found > 20  # the clicks did land on features


def test_thousands_of_points_in_view_draw_as_small_squares_in_their_status_colours(qapp):
    """More points than DENSE_POINTS in view: plain squares in each point's status colour, each
    at its point and no bigger than a few pixels."""
    import geopandas as gpd

    from parksgis.model import Layer, LayerKind, Park, Workspace
    from parksgis.render.map_renderer import DENSE_POINTS

    cols, rows = 64, 48
    assert cols * rows > DENSE_POINTS
    words = ["在建", "已竣工", "暂缓"]
    points = [shapely.Point(111.9 + i * 0.001, 21.8 + j * 0.001) for j in range(rows) for i in range(cols)]
    frame = gpd.GeoDataFrame({"状态": [words[k % 3] for k in range(len(points))]}, geometry=points, crs=4326)
    layer = Layer("utilities", frame, LayerKind.UTILITIES, park_id="port")
    renderer = MapRenderer(Workspace(parks=[Park("port", "港口片区", "Port", layers=[layer])]))
    image = render(renderer)
    colours = [DEFAULT_SCHEME.color(s).lower() for s in ("under_construction", "completed", "suspended")]
    transform = view_transform(renderer.extent(), QRectF(0, 0, W, H))
    xy = shapely.get_coordinates(renderer.geometry(layer).geoms)
    for k in range(0, len(points), 7):
        at = transform.map(QPointF(*xy[k]))
        assert image.pixelColor(int(at.x()), int(at.y())).name() == colours[k % 3]
        if at.x() + 4 < W and at.y() + 4 < H:  # halfway to the next point (~9 px away): blank
            assert image.pixelColor(int(at.x()) + 4, int(at.y()) + 4).name() == "#ffffff"
    renderer.close()


def test_a_mesh_of_short_roads_seen_from_afar_is_drawn_in_hairlines_and_at_full_width_close_up(qapp):
    import geopandas as gpd

    from parksgis.model import Layer, LayerKind, Park, Workspace

    # 20 x 20 short vertical roads, 60 m long, 500 m apart: a few pixels each at the whole extent
    d = 0.0005  # ~50-60 m
    roads = [shapely.LineString([(111.9 + i * 0.005, 21.8 + j * 0.005), (111.9 + i * 0.005, 21.8 + j * 0.005 + d)])
             for j in range(20) for i in range(20)]
    layer = Layer("roads", gpd.GeoDataFrame({"name_zh": ["路"] * len(roads)}, geometry=roads, crs=4326),
                  LayerKind.ROADS, park_id="port")
    renderer = MapRenderer(Workspace(parks=[Park("port", "港口片区", "Port", layers=[layer])]))

    def width_across(view):
        """Non-white pixels across the middle of road 0 (a horizontal scan at its midpoint)."""
        image = render(renderer, view)
        mid = renderer.geometry(layer).geoms[0].interpolate(0.5, normalized=True)
        at = view_transform(view, QRectF(0, 0, W, H)).map(QPointF(mid.x, mid.y))
        y = int(at.y())
        return sum(image.pixelColor(x, y).name() != "#ffffff" for x in range(int(at.x()) - 8, int(at.x()) + 9))

    assert width_across(renderer.extent()) == 1  # from afar: one pixel
    g = renderer.geometry(layer).geoms[0]
    x0, y0, x1, y1 = g.bounds
    close = QRectF(x0 - 60, y0 - 10, 160, 120)  # the road ~50 m tall fills half the view
    assert width_across(close) >= 2  # close up: the road's own width
    renderer.close()
