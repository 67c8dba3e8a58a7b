"""What the sample parks contain: parks, KPIs, the project register and each park's features.

Facts (names, figures, statuses) are from the Nanfang Daily report of 2014-07-24
(shared/seed/000_5c12e3c7b0c63e17.txt); the project notes say "报道/report" where the report
states them. Everything else — geometry, progress percentages and most investment figures — is
illustrative. Geometry here is in LOCAL METRES of EPSG:4546 around each park's anchor point;
scripts/make_sample_parks.py places, checks and writes it.
"""

from __future__ import annotations

from datetime import date

from pyproj import Transformer
from shapely.geometry import LineString, Point, Polygon, box

from parksgis.model.project import Project

SOURCE = {
    "title_zh": "珠海阳江对口帮扶力争打造全省共建典范",
    "publisher_zh": "南方日报", "publisher_en": "Nanfang Daily",
    "date": "2014-07-24",
    "authors_zh": "毕式明 黄美效 潘锋",
}

DATA_NOTE = {
    "zh": "几何图形为示意,非测绘成果;名称与数据据《南方日报》2014-07-24报道",
    "en": "Geometry illustrative, not surveyed; names and figures from Nanfang Daily, 2014-07-24",
}


def _kpi(value, unit_zh, unit_en, label_zh, label_en):
    return {"value": value, "unit_zh": unit_zh, "unit_en": unit_en, "label_zh": label_zh, "label_en": label_en}


# The 2014 programme of the three co-built parks, as the report states it.
KPIS = {
    "infrastructure_projects": _kpi(40, "个", "projects", "2014年计划开工基础设施项目",
                                    "Infrastructure projects planned to start in 2014"),
    "infrastructure_investment_yi_yuan": _kpi(19, "亿元", "100M yuan", "基础设施总投资估算(约)",
                                              "Estimated infrastructure investment (approx.)"),
    "new_roads_km": _kpi(22.2, "公里", "km", "新建道路", "New roads"),
    "upgraded_roads_km": _kpi(11.4, "公里", "km", "道路升级改造", "Upgraded roads"),
    "land_levelling_mu": _kpi(8912, "亩", "mu", "土地平整", "Land levelling"),
    "new_sewage_plants": _kpi(2, "座", "plants", "新建污水处理厂", "New sewage plants"),
    "projects_started": _kpi(23, "个", "projects", "截至7月已开工项目", "Projects started by July"),
    "projects_landed": _kpi(25, "个", "projects", "联合招商落地项目", "Joint-investment projects landed"),
    "landed_investment_yi_yuan": _kpi(65.1, "亿元", "100M yuan", "落地项目总投资",
                                      "Investment of landed projects"),
}

PARKS = [
    {"park_id": "port",
     "name_zh": "珠海(阳江)产业转移高新工业园·港口片区",
     "name_en": "Zhuhai (Yangjiang) Industrial Transfer Hi-tech Park · Port Area",
     "anchor_lonlat": (111.85, 21.735),
     "focus_zh": "金属制品及金属材料、新能源新材料、仓储物流",
     "focus_en": "Metal products and materials, new energy and new materials, warehousing and logistics"},
    {"park_id": "wanxiang",
     "name_zh": "珠海(阳江)万象工业园",
     "name_en": "Zhuhai (Yangjiang) Wanxiang Industrial Park",
     "anchor_lonlat": (112.05, 21.885),
     "focus_zh": "五金刀剪产业集群升级示范基地;五金机械、汽车配件、新材料",
     "focus_en": "Hardware & cutlery cluster upgrade base; hardware machinery, auto parts, new materials",
     "kpis": {
         "infrastructure_projects": _kpi(10, "个", "projects", "2014年基础设施和公共服务配套项目",
                                         "Infrastructure and public-service projects in 2014"),
         "investment_yi_yuan": _kpi(5.7, "亿元", "100M yuan", "华阳公司2014年投入",
                                    "Huayang investment in 2014"),
     }},
    {"park_id": "environmental",
     "name_zh": "环保产业园",
     "name_en": "Environmental Protection Industry Park",
     "anchor_lonlat": (111.80, 21.782),
     "focus_zh": "阳江主导产业配套园区;承接电子线路板企业转移",
     "focus_en": "Supporting park; takes relocating printed-circuit-board plants"},
]

HUAYANG = "华阳投资控股有限公司"
UPDATED = "2014-07-24"


def _p(project_id, park, name_zh, name_en, category, status, progress, investment, planned=(None, None),
       actual_start=None, owner=HUAYANG, note=""):
    d = lambda s: date.fromisoformat(s) if s else None  # noqa: E731
    return Project(project_id=project_id, park=park, name_zh=name_zh, name_en=name_en, category=category,
                   status=status, progress_pct=progress, investment_wan_yuan=investment,
                   planned_start=d(planned[0]), planned_finish=d(planned[1]), actual_start=d(actual_start),
                   owner=owner, updated_at=UPDATED, note=note)


ILLUSTRATIVE = "示意项目,报道未点名 / illustrative, not named in the report"

PROJECTS = [
    # -- port area -----------------------------------------------------------------------------
    _p("PORT-RD-JINGANG", "port", "进港大道升级改造", "Jingang Avenue upgrade", "road", "under_construction",
       40, 16000, ("2014-03-01", "2014-12-31"), "2014-03-20",
       note="全长4.5公里,正在升级改造(报道) / 4.5 km, being upgraded (report)"),
    _p("PORT-RD-SHUGANG-S", "port", "疏港大道(南)", "Shugang Avenue (South)", "road", "under_construction",
       15, 18000, ("2014-05-01", "2014-12-31"), "2014-06-10",
       note="今年完成建设或升级(报道) / to be built this year (report)"),
    _p("PORT-RD-RINGNI", "port", "环镍合金道路升级改造", "Nickel-alloy ring road upgrade", "road", "approved",
       0, 9000, ("2014-08-01", "2014-12-31"),
       note="今年完成建设或升级(报道) / to be upgraded this year (report)"),
    _p("PORT-RD-JING1", "port", "港口片区经一路", "Port Area North-South Road 1", "road", "planned",
       None, 9000, ("2014-10-01", "2015-06-30"), note=ILLUSTRATIVE),
    _p("PORT-RD-WEI1", "port", "港口片区纬一路", "Port Area East-West Road 1", "road", "planned",
       None, 8000, ("2014-10-01", "2015-06-30"), note=ILLUSTRATIVE),
    _p("PORT-FILL-1", "port", "港口片区1号地块填土工程", "Port Area plot 1 fill works", "plot",
       "under_construction", 45, 9000, ("2014-03-01", "2014-10-31"), "2014-03-25",
       note="两大地块填土工程正在进行(报道) / one of the two large plots under way (report)"),
    _p("PORT-FILL-2", "port", "港口片区2号地块填土工程", "Port Area plot 2 fill works", "plot",
       "under_construction", 30, 9000, ("2014-04-01", "2014-11-30"), "2014-04-15",
       note="两大地块填土工程正在进行(报道) / one of the two large plots under way (report)"),
    *[_p(f"PORT-FILL-{n}", "port", f"港口片区{n}号地块填土工程", f"Port Area plot {n} fill works", "plot",
         "approved", 0, 2000, ("2014-08-01", "2014-12-31"),
         note="今年实施7个地块的填土工程(报道) / one of 7 plots to fill this year (report)")
      for n in range(3, 8)],
    _p("PORT-WWTP", "port", "临港污水处理厂", "Port sewage treatment plant", "utility", "approved",
       0, 12000, ("2014-09-01", "2015-09-30"),
       note="已做好前期工作(报道) / preparatory work done (report)"),
    _p("PORT-POWER", "port", "港口片区供电设施改造", "Port Area power-supply upgrade", "utility",
       "under_construction", 20, 8000, ("2014-04-01", "2014-12-31"), "2014-05-05",
       note="供电设施改造(报道,全园区);线路为示意 / power upgrade (report, programme-wide)"),
    _p("PORT-WATER", "port", "港口片区给水主管", "Port Area water main", "utility", "approved",
       0, 4000, ("2014-08-01", "2014-12-31"), note=ILLUSTRATIVE),
    _p("PORT-BERTH5", "port", "阳江港5号散货泊位", "Yangjiang Port berth 5 (bulk, new)", "berth",
       "under_construction", 10, 30000, ("2014-03-01", "2015-12-31"), "2014-05-01",
       owner="珠海港控股集团、阳江港港务集团",
       note="两港共同新建(报道);投资与进度为示意 / built jointly by both port groups (report)"),
    _p("PORT-BERTH67", "port", "阳江港6号/7号集装箱泊位改建", "Yangjiang Port berths 6-7 (container refit)",
       "berth", "approved", 0, 15000, ("2014-08-01", "2014-12-31"), owner="珠海港控股集团、阳江港港务集团",
       note="启动改建,力争下半年开通集装箱航线(报道) / refit starting; container route targeted for "
            "H2 2014 (report)"),
    _p("PORT-PAPER", "port", "大型纸业项目", "Large paper-making project", "industry", "planned",
       None, 1300000, owner="",
       note="总投资130亿元,已签订投资协议书(报道) / 13 bn yuan, investment agreement signed (report)"),
    _p("PORT-STEEL", "port", "不锈钢热轧项目", "Stainless-steel hot-rolling project", "industry", "planned",
       None, 180000, owner="",
       note="投资额约18亿元,已签订投资协议书(报道) / about 1.8 bn yuan, agreement signed (report)"),
    # -- Wanxiang: the 10 infrastructure and public-service projects, 5.7亿元 (57,000 万元) -------
    _p("WX-DISPLAY", "wanxiang", "五金刀剪产品展示中心", "Hardware & cutlery product display centre",
       "building", "approved", 0, 8000, ("2014-08-01", "2015-06-30"),
       note="进入招投标阶段,即将动工(报道) / tendering, about to start (report)"),
    _p("WX-RDBASE", "wanxiang", "五金刀剪生产研发基地", "Hardware & cutlery production and R&D base",
       "building", "approved", 0, 15000, ("2014-09-01", "2015-12-31"),
       note="占地7万多平方米(报道) / site of 70,000+ m² (report)"),
    _p("WX-RD-XINGONGYE", "wanxiang", "新工业大道", "Xingongye Avenue", "road", "under_construction",
       10, 11000, ("2014-06-01", "2015-03-31"), "2014-06-20",
       note="道路陆续开工(报道) / roads starting one after another (report)"),
    _p("WX-RD-JINTIAN10", "wanxiang", "金田十路", "Jintian 10th Road", "road", "approved",
       0, 4000, ("2014-08-01", "2015-01-31"), note="陆续开工(报道) / starting (report)"),
    _p("WX-RD-XINGPING5", "wanxiang", "兴平五路", "Xingping 5th Road", "road", "approved",
       0, 3500, ("2014-08-15", "2015-01-31"), note="陆续开工(报道) / starting (report)"),
    _p("WX-RD-UPGRADE", "wanxiang", "万象园东区现状道路升级改造", "Wanxiang east existing road upgrade",
       "road", "under_construction", 25, 2000, ("2014-05-01", "2014-10-31"), "2014-05-20", note=ILLUSTRATIVE),
    _p("WX-LEVEL", "wanxiang", "万象园产业用地平整", "Wanxiang industrial land levelling", "plot",
       "under_construction", 30, 6000, ("2014-04-01", "2014-12-31"), "2014-04-28",
       note="土地平整(报道,全园区8912亩);地块为示意 / land levelling (report, 8,912 mu programme-wide)"),
    _p("WX-POWER", "wanxiang", "万象园供电设施改造", "Wanxiang power-supply upgrade", "utility", "approved",
       0, 3000, ("2014-09-01", "2014-12-31"), note=ILLUSTRATIVE),
    _p("WX-WATER", "wanxiang", "万象园给排水管网", "Wanxiang water and drainage mains", "utility", "approved",
       0, 2500, ("2014-09-01", "2015-03-31"), note=ILLUSTRATIVE),
    _p("WX-TRAINING", "wanxiang", "五金刀剪高级技术工人培训基地", "Hardware & cutlery skilled-worker training base",
       "building", "planned", None, 2000,
       note="将逐步建成(报道);未成图:故意无图形 / to be built gradually (report); unmapped on purpose"),
    # -- environmental-protection industry park -------------------------------------------------
    _p("ENV-WWTP", "environmental", "环保产业园污水处理厂", "Environmental park sewage treatment plant",
       "utility", "approved", 0, 10000, ("2014-10-01", "2015-12-31"),
       note="新建污水处理厂2座之一(报道,指派为示意) / one of the 2 new sewage plants (report; "
            "assignment illustrative)"),
    _p("ENV-RD-ACCESS", "environmental", "环保产业园进园道路升级改造", "Environmental park access road upgrade",
       "road", "under_construction", 35, 3000, ("2014-04-01", "2014-09-30"), "2014-04-20", note=ILLUSTRATIVE),
    _p("ENV-RD-1", "environmental", "环保园一路", "Environmental Park Road 1", "road", "planned",
       None, 3500, ("2014-10-01", "2015-04-30"), note=ILLUSTRATIVE),
    _p("ENV-PCB", "environmental", "电子线路板企业转移承接地块", "Printed-circuit-board relocation plots",
       "plot", "planned", None, None, owner="",
       note="重点承接珠三角乃至全国电子线路板企业转移(报道) / takes relocating PCB plants (report)"),
    _p("ENV-POWER", "environmental", "环保产业园供电设施改造", "Environmental park power-supply upgrade",
       "utility", "planned", None, 2500,
       note="未成图:故意无图形 / no geometry yet: unmapped on purpose"),
]


# -- features ----------------------------------------------------------------------------------

def _f(fid, project_id, name_zh, name_en, geom, **extra):
    return {"id": fid, "project_id": project_id, "name_zh": name_zh, "name_en": name_en, **extra}, geom


def _road(fid, pid, zh, en, road_class, work, *points, segment=1):
    cls_en = {"主干路": "arterial", "次干路": "secondary"}[road_class]
    return _f(fid, pid, zh, en, LineString(points), **{"class": road_class, "class_en": cls_en,
                                                        "work": work, "segment": segment})


def _plot(fid, pid, zh, en, kind, x0, y0, x1, y1, industry=None):
    return _f(fid, pid, zh, en, box(x0, y0, x1, y1), kind=kind, industry=industry)


def _util(fid, pid, zh, en, kind, x, y):
    return _f(fid, pid, zh, en, Point(x, y), kind=kind)


def _line(fid, pid, zh, en, kind, *points, voltage_kv=None, diameter_mm=None):
    return _f(fid, pid, zh, en, LineString(points), kind=kind, voltage_kv=voltage_kv, diameter_mm=diameter_mm)


def _boundary(park_id, *points):
    park = next(p for p in PARKS if p["park_id"] == park_id)
    return [_f(f"{park_id}-boundary", None, park["name_zh"] + "(范围示意)",
               park["name_en"] + " (illustrative extent)", Polygon(points), kind="park_boundary")]


def _port():
    fill = "fill"
    return {
        "boundary": _boundary("port", (-3300, -2450), (2950, -2450), (2950, 1900), (800, 2100), (-3300, 2100)),
        "plots": [
            _plot("port-plot-F1", "PORT-FILL-1", "1号填土地块", "Fill plot 1", fill, -3150, -1640, -1860, -700),
            _plot("port-plot-F2", "PORT-FILL-2", "2号填土地块", "Fill plot 2", fill, 60, -1640, 1260, -640),
            _plot("port-plot-F3", "PORT-FILL-3", "3号填土地块", "Fill plot 3", fill, -3150, -500, -2450, 140),
            _plot("port-plot-F4", "PORT-FILL-4", "4号填土地块", "Fill plot 4", fill, -1500, -280, -500, 140),
            _plot("port-plot-F5", "PORT-FILL-5", "5号填土地块", "Fill plot 5", fill, -3150, -2380, -2650, -1760),
            _plot("port-plot-F6", "PORT-FILL-6", "6号填土地块", "Fill plot 6", fill, -2550, -2380, -2050, -1760),
            _plot("port-plot-F7", "PORT-FILL-7", "7号填土地块", "Fill plot 7", fill, -1950, -2380, -1450, -1760),
            _plot("port-plot-paper", "PORT-PAPER", "纸业项目用地", "Paper project site", "industrial",
                  -1740, -1640, -60, -360, industry="paper"),
            _plot("port-plot-steel", "PORT-STEEL", "不锈钢热轧项目用地", "Stainless-steel hot-rolling site",
                  "industrial", -1000, -2380, -60, -1760, industry="metal_materials"),
            _plot("port-plot-ops", None, "阳江港港区作业区(现状)", "Yangjiang Port operations area (existing)",
                  "port_operations", 60, -2400, 1400, -1760),
            _plot("port-plot-logistics", None, "仓储物流用地(规划)", "Warehousing and logistics land (planned)",
                  "logistics", 1340, -1640, 2750, -700, industry="logistics"),
            _plot("port-plot-nickel", None, "镍合金企业(现状)", "Nickel-alloy works (existing)",
                  "existing_industry", 1340, 640, 2460, 1460, industry="metal_materials"),
            _plot("port-plot-metal", None, "金属制品产业用地(规划)", "Metal products land (planned)",
                  "industrial", -3150, 260, -1860, 1900, industry="metal_products"),
            _plot("port-plot-energy", None, "新能源新材料产业用地(规划)", "New energy & materials land (planned)",
                  "industrial", -1740, 260, -60, 1900, industry="new_energy_materials"),
        ],
        "berths": [
            _f("port-berth-5", "PORT-BERTH5", "阳江港5号散货泊位", "Yangjiang Port berth 5 (bulk)",
               box(200, -2510, 480, -2460), kind="bulk", work="new", berth_no=5),
            _f("port-berth-6", "PORT-BERTH67", "阳江港6号集装箱泊位", "Yangjiang Port berth 6 (container)",
               box(540, -2510, 790, -2460), kind="container", work="refit", berth_no=6),
            _f("port-berth-7", "PORT-BERTH67", "阳江港7号集装箱泊位", "Yangjiang Port berth 7 (container)",
               box(830, -2510, 1080, -2460), kind="container", work="refit", berth_no=7),
        ],
        "roads": [
            _road("port-road-jingang-1", "PORT-RD-JINGANG", "进港大道", "Jingang Avenue", "主干路", "upgrade",
                  (0, 2050), (0, -300), segment=1),
            _road("port-road-jingang-2", "PORT-RD-JINGANG", "进港大道", "Jingang Avenue", "主干路", "upgrade",
                  (0, -300), (0, -2450), segment=2),
            _road("port-road-shugang-s", "PORT-RD-SHUGANG-S", "疏港大道(南)", "Shugang Avenue (South)", "主干路",
                  "new", (-3200, -1700), (2800, -1700)),
            _road("port-road-ring-ni", "PORT-RD-RINGNI", "环镍合金道路", "Nickel-alloy ring road", "次干路",
                  "upgrade", (1300, 600), (2500, 600), (2500, 1500), (1300, 1500), (1300, 600)),
            _road("port-road-jing1", "PORT-RD-JING1", "港口片区经一路", "Port Area N-S Road 1", "次干路", "new",
                  (-1800, 2000), (-1800, -1700)),
            _road("port-road-wei1", "PORT-RD-WEI1", "港口片区纬一路", "Port Area E-W Road 1", "次干路", "new",
                  (-3200, 200), (0, 200)),
        ],
        "utility_lines": [
            _line("port-line-110kv", "PORT-POWER", "110kV进线", "110 kV feeder", "power_line",
                  (600, 2100), (600, 300), voltage_kv=110),
            _line("port-line-10kv", "PORT-POWER", "10kV配电线路", "10 kV distribution line", "power_line",
                  (600, 300), (25, 300), (25, -1675), (2750, -1675), voltage_kv=10),
            _line("port-line-water", "PORT-WATER", "给水主管", "Water main", "water_main",
                  (-300, 1700), (-25, 1700), (-25, -1675), (-3150, -1675), diameter_mm=600),
            _line("port-line-sewer", "PORT-WWTP", "污水主管", "Sewer main", "sewer_main",
                  (-3150, -1725), (2300, -1725), (2300, -2100), diameter_mm=800),
        ],
        "utilities": [
            _util("port-util-wwtp", "PORT-WWTP", "临港污水处理厂", "Port sewage treatment plant",
                  "sewage_plant", 2300, -2100),
            _util("port-util-sub110", "PORT-POWER", "港口片区110kV变电站", "Port Area 110 kV substation",
                  "substation", 600, 300),
            _util("port-util-pump", "PORT-WATER", "给水加压泵站", "Water booster pumping station",
                  "pump_station", -300, 1700),
            _util("port-util-sw10", None, "港区10kV开关站(现状)", "Port 10 kV switching station (existing)",
                  "substation", 1200, -2000),
        ],
    }


def _wanxiang():
    lvl = "WX-LEVEL"
    return {
        "boundary": _boundary("wanxiang", (-2400, -2000), (2400, -2000), (2400, 1000), (1500, 1700),
                              (-2400, 1700)),
        "plots": [
            _plot("wx-plot-rdbase", "WX-RDBASE", "五金刀剪生产研发基地", "Hardware & cutlery production and R&D base",
                  "rd_base", -700, 60, -380, 300, industry="hardware_cutlery"),
            _plot("wx-plot-display", "WX-DISPLAY", "五金刀剪产品展示中心", "Hardware & cutlery product display centre",
                  "display_centre", -300, 60, -160, 160, industry="hardware_cutlery"),
            _plot("wx-plot-machinery", lvl, "五金机械产业用地", "Hardware machinery land", "industrial",
                  -1760, -760, -860, -60, industry="hardware_machinery"),
            _plot("wx-plot-autoparts", lvl, "汽车配件产业用地", "Auto parts land", "industrial",
                  -740, -760, 60, -60, industry="auto_parts"),
            _plot("wx-plot-materials", lvl, "新材料产业用地", "New materials land", "industrial",
                  960, -760, 1660, -60, industry="new_materials"),
            _plot("wx-plot-cutlery", None, "现有五金刀剪企业", "Existing hardware & cutlery works",
                  "existing_industry", -2300, 60, -860, 1200, industry="hardware_cutlery"),
            _plot("wx-plot-cluster-south", None, "五金刀剪产业集群升级用地(规划)",
                  "Hardware & cutlery cluster upgrade land (planned)", "industrial", -2300, -1900, -860, -900,
                  industry="hardware_cutlery"),
            _plot("wx-plot-autoparts-2", None, "汽车配件产业用地二期(规划)", "Auto parts land, phase 2 (planned)",
                  "industrial", -740, -1900, 1900, -900, industry="auto_parts"),
            _plot("wx-plot-services", None, "生活配套用地(规划)", "Services land (planned)", "services",
                  960, 60, 1900, 900),
        ],
        "roads": [
            _road("wx-road-xingongye-w", "WX-RD-XINGONGYE", "新工业大道", "Xingongye Avenue", "主干路", "new",
                  (-2300, 0), (0, 0), segment=1),
            _road("wx-road-xingongye-e", "WX-RD-XINGONGYE", "新工业大道", "Xingongye Avenue", "主干路", "new",
                  (0, 0), (2300, 0), segment=2),
            _road("wx-road-jintian10", "WX-RD-JINTIAN10", "金田十路", "Jintian 10th Road", "次干路", "new",
                  (-800, 0), (-800, -1900)),
            _road("wx-road-xingping5", "WX-RD-XINGPING5", "兴平五路", "Xingping 5th Road", "次干路", "new",
                  (900, 0), (900, 1600)),
            _road("wx-road-east-upgrade", "WX-RD-UPGRADE", "万象园东区现状道路", "Wanxiang east road", "次干路",
                  "upgrade", (2000, -1200), (2000, 0)),
        ],
        "utility_lines": [
            _line("wx-line-10kv", "WX-POWER", "10kV配电线路", "10 kV distribution line", "power_line",
                  (1800, -400), (1800, 25), (-2300, 25), voltage_kv=10),
            _line("wx-line-water-1", "WX-WATER", "给水主管(新工业大道)", "Water main (Xingongye Avenue)",
                  "water_main", (-2200, -300), (-2200, -25), (2300, -25), diameter_mm=500),
            _line("wx-line-water-2", "WX-WATER", "给水支管(金田十路)", "Water branch (Jintian 10th Road)",
                  "water_main", (-825, -25), (-825, -1900), diameter_mm=300),
        ],
        "utilities": [
            _util("wx-util-sub", "WX-POWER", "万象园110kV变电站", "Wanxiang 110 kV substation", "substation",
                  1800, -400),
            _util("wx-util-pump", "WX-WATER", "万象园给水加压站", "Wanxiang water booster station",
                  "pump_station", -2200, -300),
        ],
    }


def _environmental():
    pcb = "ENV-PCB"
    return {
        "boundary": _boundary("environmental", (-1200, -900), (1200, -900), (1200, 600), (700, 900),
                              (-1200, 900)),
        "plots": [
            _plot("env-plot-pcb-1", pcb, "线路板承接1号地块", "PCB relocation plot 1", "industrial",
                  -760, -360, -340, -60, industry="pcb"),
            _plot("env-plot-pcb-2", pcb, "线路板承接2号地块", "PCB relocation plot 2", "industrial",
                  -760, 0, -340, 260, industry="pcb"),
            _plot("env-plot-pcb-3", pcb, "线路板承接3号地块", "PCB relocation plot 3", "industrial",
                  -260, -360, 240, -60, industry="pcb"),
            _plot("env-plot-pcb-4", pcb, "线路板承接4号地块", "PCB relocation plot 4", "industrial",
                  -260, -860, 240, -440, industry="pcb"),
            _plot("env-plot-reserve", None, "预留用地", "Reserved land", "reserved", 340, -360, 1100, 500),
        ],
        "roads": [
            _road("env-road-access", "ENV-RD-ACCESS", "环保产业园进园道路", "Environmental park access road",
                  "主干路", "upgrade", (1200, -400), (-300, -400)),
            _road("env-road-1", "ENV-RD-1", "环保园一路", "Environmental Park Road 1", "次干路", "new",
                  (-300, -900), (-300, 300)),
        ],
        "utility_lines": [
            _line("env-line-sewer", "ENV-WWTP", "线路板废水收集管", "PCB wastewater collector", "sewer_main",
                  (-760, -425), (800, -425), (800, -700), diameter_mm=500),
            _line("env-line-water", None, "给水管(现状)", "Water main (existing)", "water_main",
                  (-275, -900), (-275, 300), diameter_mm=300),
            _line("env-line-10kv", None, "10kV线路(现状)", "10 kV line (existing)", "power_line",
                  (-900, 600), (-325, 600), (-325, -380), voltage_kv=10),
        ],
        "utilities": [
            _util("env-util-wwtp", "ENV-WWTP", "环保产业园污水处理厂", "Environmental park sewage treatment plant",
                  "sewage_plant", 800, -700),
            _util("env-util-sw10", None, "10kV开关站(现状)", "10 kV switching station (existing)",
                  "substation", -900, 600),
        ],
    }


def layers_for(park_id: str) -> dict:
    return {"port": _port, "wanxiang": _wanxiang, "environmental": _environmental}[park_id]()


# -- basemap (lon/lat; illustrative outlines, drawn by hand for this sample) --------------------

def BASEMAP() -> dict:
    to_lonlat = Transformer.from_crs("EPSG:4546", "EPSG:4326", always_xy=True)
    to_m = Transformer.from_crs("EPSG:4326", "EPSG:4546", always_xy=True)
    ox, oy = to_m.transform(111.85, 21.735)
    quay_lat = round(to_lonlat.transform(ox, oy - 2485)[1], 5)  # the coast runs through berths 5-7
    coast = [(111.55, 21.69), (111.65, 21.705), (111.74, 21.71), (111.80, quay_lat), (111.90, quay_lat),
             (111.94, 21.72), (111.98, 21.745), (112.02, 21.76), (112.10, 21.775), (112.20, 21.79),
             (112.30, 21.81), (112.40, 21.83)]
    hailing = [(111.70, 21.63), (111.78, 21.66), (111.88, 21.655), (111.96, 21.63), (111.93, 21.58),
               (111.82, 21.56), (111.72, 21.58), (111.70, 21.63)]
    land = Polygon(coast + [(112.40, 22.15), (111.55, 22.15)])
    west, split, east = 111.72, [(111.985, 22.2), (111.99, 21.95), (111.975, 21.85), (111.98, 21.6)], 112.38
    jiangcheng = land.intersection(Polygon([(west, 22.2)] + split + [(west, 21.6)]))
    yangdong = land.intersection(Polygon(split + [(east, 21.6), (east, 22.2)]))
    note = {"illustrative": True, "note": "示意轮廓,非行政区划界线 / illustrative outline, not an official boundary"}
    return {
        "coastline": [
            _f("coast-mainland", None, "大陆海岸线(示意)", "Mainland coastline (illustrative)",
               LineString(coast), kind="coastline", **note),
            _f("coast-hailing", None, "海陵岛海岸线(示意)", "Hailing Island coastline (illustrative)",
               LineString(hailing), kind="coastline", **note),
        ],
        "districts": [
            _f("district-jiangcheng", None, "江城区(示意)", "Jiangcheng District (illustrative)",
               jiangcheng, kind="district", **note),
            _f("district-yangdong", None, "阳东区(示意)", "Yangdong District (illustrative)",
               yangdong, kind="district", **note),
        ],
    }
