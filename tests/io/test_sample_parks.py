"""The bundled sample parks (layers/): valid, consistent with the register and with the 2014 report."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pyproj import Transformer
import shapely
from shapely.geometry import shape

from parksgis.app.workspace import load_workspace
from parksgis.assets import NOT_SAMPLE_DATA
from parksgis.store.projects_csv import read_projects_csv

REPO = Path(__file__).resolve().parents[2]
LAYERS = REPO / "layers"
PARKS = ("port", "wanxiang", "environmental")
PARK_LAYERS = ("boundary", "plots", "roads", "utilities", "utility_lines")
TO_4546 = Transformer.from_crs("EPSG:4326", "EPSG:4546", always_xy=True)


def sample_files():
    return sorted(LAYERS.glob("*/*.geojson"))


def features(park, layer):
    data = json.loads((LAYERS / park / f"{layer}.geojson").read_text(encoding="utf-8"))
    return data["features"]


def metres(feature):
    return shapely.transform(shape(feature["geometry"]), TO_4546.transform, interleaved=False)


def test_every_sample_file_validates_with_no_problem_at_all():
    out = subprocess.run([sys.executable, "-m", "parksgis", "validate", "--json",
                          *map(str, sample_files())], capture_output=True, text=True, cwd=REPO, encoding="utf-8")
    assert out.returncode == 0, out.stdout + out.stderr
    results = json.loads(out.stdout)
    assert len(results) == len(sample_files()) >= 18
    for result in results:
        assert result["ok"] and result["problems"] == [], result
        assert result["encoding"] == "utf-8" and result["crs"] == "EPSG:4326"


@pytest.mark.parametrize("park", PARKS)
def test_each_park_has_its_layers(park):
    present = {p.stem for p in (LAYERS / park).glob("*.geojson")}
    expected = set(PARK_LAYERS) | ({"berths"} if park == "port" else set())
    assert present == expected
    assert {p.stem for p in (LAYERS / "basemap").glob("*.geojson")} == {"coastline", "districts"}


def test_files_are_rfc7946_with_one_geometry_family_and_unique_ids():
    seen = set()
    for path in sample_files():
        data = json.loads(path.read_text(encoding="utf-8"))
        assert "crs" not in data  # RFC 7946: WGS84 lon/lat, no crs member
        families = {f["geometry"]["type"].removeprefix("Multi") for f in data["features"]}
        assert len(families) == 1, path
        for feature in data["features"]:
            props = feature["properties"]
            assert {"id", "project_id", "name_zh", "name_en"} <= set(props), path
            assert props["id"] not in seen
            seen.add(props["id"])


def test_wanxiang_rd_base_covers_more_than_70000_square_metres():
    base = next(f for f in features("wanxiang", "plots") if f["properties"]["project_id"] == "WX-RDBASE")
    area = metres(base).area
    assert 70_000 <= area < 90_000
    assert abs(base["properties"]["area_m2"] - area) < 5


def test_jingang_avenue_is_4_5_km():
    segments = [f for f in features("port", "roads") if f["properties"]["project_id"] == "PORT-RD-JINGANG"]
    assert len(segments) == 2  # one project, two features
    assert sum(metres(f).length for f in segments) == pytest.approx(4500, rel=0.05)
    assert all(f["properties"]["work"] == "upgrade" for f in segments)


def test_road_lengths_add_up_to_the_programme():
    kpis = json.loads((LAYERS / "parks.json").read_text(encoding="utf-8"))["kpis"]
    totals = {"new": 0.0, "upgrade": 0.0}
    for park in PARKS:
        for f in features(park, "roads"):
            totals[f["properties"]["work"]] += metres(f).length
    assert totals["new"] / 1000 == pytest.approx(kpis["new_roads_km"]["value"], rel=0.02)
    assert totals["upgrade"] / 1000 == pytest.approx(kpis["upgraded_roads_km"]["value"], rel=0.02)


def test_plots_do_not_overlap_and_roads_run_between_them():
    for park in PARKS:
        plots = [metres(f) for f in features(park, "plots")]
        for i, a in enumerate(plots):
            for b in plots[i + 1:]:
                assert a.intersection(b).area < 1.0, park
        for road in features(park, "roads"):
            line = metres(road)
            assert not any(line.intersects(p) for p in plots), road["properties"]["id"]


def test_every_feature_project_is_in_the_register_and_two_projects_are_unmapped():
    projects = read_projects_csv(LAYERS / "projects.csv")
    linked = set()
    for path in sample_files():
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            pid = feature["properties"]["project_id"]
            if pid is not None:
                assert pid in projects, (path, pid)
                assert projects[pid].park == path.parent.name
                linked.add(pid)
    assert sorted(set(projects) - linked) == ["ENV-POWER", "WX-TRAINING"]


def test_register_holds_what_the_report_names():
    projects = read_projects_csv(LAYERS / "projects.csv")
    names = {p.name_zh for p in projects.values()}
    for name in ("进港大道升级改造", "疏港大道(南)", "临港污水处理厂", "阳江港5号散货泊位", "大型纸业项目",
                 "不锈钢热轧项目", "五金刀剪产品展示中心", "五金刀剪生产研发基地", "新工业大道", "金田十路",
                 "兴平五路"):
        assert name in names
    assert projects["PORT-RD-JINGANG"].status == "under_construction"
    assert projects["PORT-WWTP"].status == "approved"
    assert projects["WX-DISPLAY"].status == "approved"
    assert projects["PORT-PAPER"].investment_wan_yuan == 1_300_000
    assert sum(p.investment_wan_yuan or 0 for p in projects.values() if p.park == "wanxiang") == 57_000
    assert [f"PORT-FILL-{n}" for n in range(1, 8)] == [p for p in projects if p.startswith("PORT-FILL")]
    assert all(p.updated_at == "2014-07-24" and p.name_en for p in projects.values())


def test_parks_json_records_the_2014_programme():
    data = json.loads((LAYERS / "parks.json").read_text(encoding="utf-8"))
    assert [p["park_id"] for p in data["parks"]] == list(PARKS)
    assert data["as_of"] == "2014-07" and data["source"]["date"] == "2014-07-24"
    assert "示意" in data["data_note"]["zh"] and "illustrative" in data["data_note"]["en"]
    values = {k: v["value"] for k, v in data["kpis"].items()}
    assert values == {"infrastructure_projects": 40, "infrastructure_investment_yi_yuan": 19,
                      "new_roads_km": 22.2, "upgraded_roads_km": 11.4, "land_levelling_mu": 8912,
                      "new_sewage_plants": 2, "projects_started": 23, "projects_landed": 25,
                      "landed_investment_yi_yuan": 65.1}


@pytest.mark.parametrize("park, lon, lat", [
    ("port", (111.80, 111.90), (21.70, 21.78)),
    ("wanxiang", (112.00, 112.10), (21.85, 21.92)),
    ("environmental", (111.78, 111.83), (21.76, 21.80)),
])
def test_parks_sit_near_the_real_places(park, lon, lat):
    boundary = shape(features(park, "boundary")[0]["geometry"])
    x0, y0, x1, y1 = boundary.bounds
    assert lon[0] <= x0 < x1 <= lon[1] and lat[0] <= y0 < y1 <= lat[1]


def test_environmental_park_is_separate_from_the_port_area():
    port = metres(features("port", "boundary")[0])
    env = metres(features("environmental", "boundary")[0])
    assert 1000 < port.distance(env) < 10_000


def test_the_generator_reproduces_the_committed_files(tmp_path):
    out = subprocess.run([sys.executable, str(REPO / "scripts" / "make_sample_parks.py"), "--out",
                          str(tmp_path)], capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 0, out.stderr
    committed = sorted(p.relative_to(LAYERS) for p in LAYERS.rglob("*") if p.is_file()
                       # written by hand: README.md; the recorded history (parksgis.store.recorded_history)
                       and p.name not in ("README.md", "history.csv", "register.sqlite")
                       # packaging: layers/ is the package parksgis._layers (parksgis/assets.py)
                       and not set(p.relative_to(LAYERS).parts) & set(NOT_SAMPLE_DATA)
                       and p.suffix != ".gpkg" and not p.name.startswith(".")
                       and p.relative_to(LAYERS).parts[0] != "imagery")  # make_sample_imagery.py's
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert made == committed
    for rel in made:
        assert (tmp_path / rel).read_bytes() == (LAYERS / rel).read_bytes(), rel


def test_the_sample_loads_as_a_workspace_of_three_parks():
    workspace, reports = load_workspace(LAYERS)
    assert [p.park_id for p in workspace.parks] == list(PARKS)
    assert workspace.park("port").name_zh == "珠海(阳江)产业转移高新工业园·港口片区"
    assert [r for r in reports if r.problems or not r.ok] == []
    assert {layer.key for layer in workspace.shared_layers} == {"districts", "coastline"}
    assert [layer.name for layer in workspace.park("port").layers] == [
        "boundary", "plots", "berths", "roads", "utility_lines", "utilities"]
    assert workspace.layer("port/plots").title("zh") == "地块"
    assert workspace.layer("wanxiang/utility_lines").title("en") == "Utility lines"
    assert len(workspace.projects) == 34
    link = workspace.link_report()
    assert link.unknown == [] and link.unmapped == ["WX-TRAINING", "ENV-POWER"]
    assert workspace.kpis["new_roads_km"]["value"] == 22.2
    assert workspace.meta["as_of"] == "2014-07"
