"""What a briefing page says: scope, legend entries with counts, KPIs, scale bar, notes.

Pure numbers and strings (no drawing), so tests can check the legend and the KPIs directly and
the layout (briefing.py) only places them.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import shapely
from PySide6.QtCore import QRectF

from parksgis.model.feature_columns import factorize, missing
from parksgis.model.layer import LayerKind
from parksgis.render.map_renderer import MapRenderer
from parksgis.render.styles import NO_STATUS

STARTED = ("under_construction", "completed", "in_operation")
STATUS_LAYER_KINDS = (LayerKind.PLOTS, LayerKind.ROADS, LayerKind.UTILITIES, LayerKind.UTILITY_LINES,
                      LayerKind.BERTHS, LayerKind.OTHER)
TEXT = {
    "zh": dict(no_project="无项目的要素", projects="项目", investment="计划投资", yi="亿元", new_roads="新建道路",
               upgraded_roads="升级道路", started="已开工", target="目标", km="公里", kpis="主要指标",
               legend="图例(地图上的项目数)", unmapped="其中无地图要素", as_of="状态截至", generated="生成日期", crs="坐标系",
               source="来源", overview="珠海(阳江)共建产业园", progress="建设进展", changes="变化",
               targets_note="道路目标为2014年全部园区合计", scale="比例尺", imagery="影像",
               captured="摄于", undated="日期不详"),
    "en": dict(no_project="Features without a project", projects="Projects", investment="Planned investment",
               yi="100M yuan", new_roads="New roads", upgraded_roads="Upgraded roads", started="started",
               target="target", km="km", kpis="Key figures", legend="Legend (projects on the map)",
               unmapped="of which not on the map", as_of="Status as of",
               generated="Generated", crs="CRS", source="Source",
               overview="Zhuhai–Yangjiang co-built industrial parks", progress="construction progress",
               changes="Changes", targets_note="Road targets: all parks, 2014", scale="Scale",
               imagery="Imagery", captured="captured", undated="date unknown"),
}


@dataclass
class LegendEntry:
    code: str          # status code; NO_STATUS for features without a project
    label: str
    color: str
    count: int         # distinct projects (features, for NO_STATUS) shown in the map


@dataclass
class KpiLine:
    label: str
    value: str


@dataclass
class PageContent:
    title: str
    subtitle: str
    view: QRectF                       # display CRS metres
    legend: list[LegendEntry] = field(default_factory=list)
    kpis: list[KpiLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def texts(self, scheme=None, lang: str = "zh") -> list[str]:
        """Every string the page draws besides map labels (for the glyph check); the legend,
        made while drawing, is covered by all of ``scheme``'s labels."""
        out = [self.title, self.subtitle, TEXT[lang]["no_project"]]
        out += [f"{e.label} {e.count}" for e in self.legend]
        out += [s.label(lang) for s in (scheme or [])]
        out += [f"{k.label} {k.value}" for k in self.kpis]
        return out + self.notes


def nice_length(max_metres: float) -> float:
    """The largest 1, 2 or 5 x 10^k metres not longer than ``max_metres`` (a round scale bar)."""
    if max_metres <= 0:
        return 1.0
    exp = math.floor(math.log10(max_metres))
    for step in (5, 2, 1):
        if step * 10 ** exp <= max_metres:
            return float(step * 10 ** exp)
    return float(10 ** exp)


def format_length(metres: float, lang: str) -> str:
    if metres >= 1000:
        km = metres / 1000
        return f"{km:g} {'公里' if lang == 'zh' else 'km'}"
    return f"{metres:g} {'米' if lang == 'zh' else 'm'}"


def legend_entries(renderer: MapRenderer, view: QRectF, lang: str, state=None) -> list[LegendEntry]:
    """The statuses drawn in ``view`` (as ``state`` draws them, default the renderer's), in scheme
    order, with how many projects show each."""
    scheme = renderer.workspace.scheme
    shown = []
    for layer in renderer.workspace.layers:
        if not layer.visible or layer.kind not in STATUS_LAYER_KINDS or layer.style != "status":
            continue
        rows = renderer.visible_rows(layer, view, state)
        if not len(rows):
            continue
        style = renderer.style(layer, state)
        if layer.cell_features is not None:
            shown.append(_stood_for(layer, rows, style, (state or renderer.state).hidden))
        else:
            shown.append({"status": style.statuses[rows], "count": np.ones(len(rows), dtype=np.int64),
                          "pid": style.project_ids.to_numpy(dtype=object)[rows]})
    if not shown:
        return []
    unlinked = 0
    projects: dict[str, set] = {}  # status -> the projects shown with it
    own: Counter = Counter()  # status -> features with that status of their own and no project
    for features in shown:
        statuses, status_codes = factorize(features["status"])
        counts, pids = features["count"], features["pid"]
        no_project = missing(pids)
        for i, status in enumerate(status_codes):
            rows = statuses == i
            if status == NO_STATUS:
                unlinked += int(counts[rows].sum())
                continue
            projects.setdefault(status, set()).update(pids[rows & ~no_project])
            # a feature with its own status and no project counts once, like a project of its own
            own[status] += int(counts[rows & no_project].sum())
    shown_count = {code: len(projects.get(code, ())) + own[code] for code in set(projects) | set(own)}
    entries = [LegendEntry(s.code, s.label(lang), s.color, shown_count[s.code])
               for s in scheme if shown_count.get(s.code)]
    if unlinked:
        entries.append(LegendEntry(NO_STATUS, TEXT[lang]["no_project"], scheme.NO_PROJECT_COLOR, unlinked))
    return entries


def longest_legend(scheme, lang: str) -> list[LegendEntry]:
    """Every entry a legend of ``scheme`` can have (for laying a page out before its legend is
    known: the legend is made while the map is drawn, for the view as fitted to the page)."""
    many = 10 ** 6
    return ([LegendEntry(s.code, s.label(lang), s.color, many) for s in scheme]
            + [LegendEntry(NO_STATUS, TEXT[lang]["no_project"], scheme.NO_PROJECT_COLOR, many)])


def _stood_for(layer, rows, style, hidden) -> dict[str, np.ndarray]:
    """The features that the status cells ``rows`` of ``layer`` stand for (``status``, ``pid``,
    ``count`` of each combination, as arrays), as ``style`` sees their statuses; ``hidden``
    statuses left out."""
    from parksgis.model.layer import Layer

    values, project_ids = layer.cell_features.combinations(layer.frame.index.to_numpy()[rows])
    # the ids worked out once per distinct id (CellFeatures), not again per combination
    combinations = Layer(layer.name, values.drop(columns="count"), layer.kind, project_ids=project_ids)
    statuses = np.asarray(style.statuses_of(combinations), dtype=object)
    kept = np.array([status not in hidden for status in statuses.tolist()], dtype=bool)
    return {"status": statuses[kept], "count": values["count"].to_numpy()[kept],
            "pid": project_ids.to_numpy(dtype=object)[kept]}


def _kpi_value(kpis: dict, key: str):
    value = kpis.get(key)
    if isinstance(value, dict):
        value = value.get("value")
    return value


def road_km(renderer: MapRenderer, park_ids: list[str], state=None) -> dict[str, tuple[float, float]]:
    """(started km, mapped km) of new and of upgraded roads in ``park_ids``, from the geometry."""
    out = {"new": [0.0, 0.0], "upgrade": [0.0, 0.0]}
    for layer in renderer.workspace.layers:
        if layer.kind != LayerKind.ROADS or layer.park_id not in park_ids or len(layer.frame) == 0:
            continue
        lengths = shapely.length(renderer.geometry(layer).geoms) / 1000.0  # Gauss-Kruger metres
        statuses = renderer.style(layer, state).statuses
        work = (layer.frame["work"].fillna("new").astype(str).to_numpy() if "work" in layer.frame.columns
                else np.full(len(layer.frame), "new"))
        upgrade = np.char.find(np.char.lower(work.astype(str)), "upgrad") >= 0
        started = np.isin(statuses.astype(str), STARTED)
        for key, mask in (("new", ~upgrade), ("upgrade", upgrade)):
            out[key][0] += float(lengths[mask & started].sum())
            out[key][1] += float(lengths[mask].sum())
    return {k: (v[0], v[1]) for k, v in out.items()}


def kpi_lines(renderer: MapRenderer, park_ids: list[str], lang: str, state=None) -> list[KpiLine]:
    """Projects by status, planned investment (亿元) and road km against the 2014 targets, with the
    statuses ``state`` shows (default: the renderer's)."""
    t = TEXT[lang]
    scheme = renderer.workspace.scheme
    projects = [p for p in renderer.projects_of(state or renderer.state).values() if p.park in park_ids]
    lines = [KpiLine(t["projects"], f"{len(projects)}")]
    by_status = Counter(p.status for p in projects)  # one pass over 100,000 projects, not one per status
    for status in scheme:
        n = by_status[status.code]
        if n:
            lines.append(KpiLine(f"  {status.label(lang)}", f"{n}"))
    # the legend counts projects drawn on the map, these all projects: say how many are not drawn
    unmapped = set(renderer.workspace.unmapped_projects())
    off_map = sum(1 for p in projects if p.project_id in unmapped)
    if off_map:
        lines.append(KpiLine(f"  {t['unmapped']}", f"{off_map}"))
    investment = sum(p.investment_wan_yuan or 0 for p in projects) / 10_000
    lines.append(KpiLine(t["investment"], f"{investment:,.1f} {t['yi']}"))
    kpis = renderer.workspace.kpis
    km = road_km(renderer, park_ids, state)
    for key, label, target_key in (("new", t["new_roads"], "new_roads_km"),
                                   ("upgrade", t["upgraded_roads"], "upgraded_roads_km")):
        started, mapped = km[key]
        target = _kpi_value(kpis, target_key)
        value = f"{t['started']} {started:.1f} / {mapped:.1f} {t['km']}"
        if target is not None:
            value += f" ({t['target']} {float(target):g})"
        lines.append(KpiLine(label, value))
    return lines


def data_notes(renderer: MapRenderer, lang: str, generated: date, view=None, state=None) -> list[str]:
    """Source, CRS, the data note (e.g. "geometry illustrative"), the imagery under the map in
    ``view`` with its capture date and source, and the date generated."""
    t = TEXT[lang]
    meta = renderer.workspace.meta
    notes = []
    note = meta.get("data_note")
    if isinstance(note, dict):
        note = note.get(lang) or note.get("zh") or note.get("en")
    notes.append(note or ("几何图形为示意" if lang == "zh" else "Geometry illustrative"))
    source = meta.get("source_info") or meta.get("source")  # the publication, else the folder
    if isinstance(source, dict):
        publisher = source.get(f"publisher_{lang}") or source.get("publisher_zh") or ""
        title = source.get(f"title_{lang}") or source.get("title_zh") or ""
        source = " ".join(s for s in (publisher, f"《{title}》" if title and lang == "zh" else title,
                                      str(source.get("date") or "")) if s)
    if source:
        notes.append(f"{t['source']}: {source}")
    notes.extend(imagery_notes(renderer, lang, view, state))
    notes.append(f"{t['crs']}: {renderer.display_crs}    {t['generated']}: {generated.isoformat()}")
    return notes


def imagery_notes(renderer: MapRenderer, lang: str, view=None, state=None) -> list[str]:
    """One line per imagery layer drawn (in ``view``, if given): title, capture date, source."""
    t = TEXT[lang]
    lines = []
    covered: list[tuple] = []  # parts of the view already under a later (higher) image
    for layer in reversed(renderer.imagery_shown(state=state)):
        x0, y0, x1, y1 = layer.reader.bounds_in(renderer.display_crs)
        if view is not None:
            x0, y0 = max(x0, view.left()), max(y0, view.top())
            x1, y1 = min(x1, view.right()), min(y1, view.bottom())
            if x0 >= x1 or y0 >= y1:
                continue
        if any(c[0] <= x0 and c[1] <= y0 and c[2] >= x1 and c[3] >= y1 for c in covered):
            continue  # hidden under a later flight: not what the reader sees
        covered.append((x0, y0, x1, y1))
        day = layer.capture_date.isoformat() if layer.capture_date else t["undated"]
        line = f"{t['imagery']}: {layer.title(lang)} · {t['captured']} {day}"
        source = layer.attribution_en if lang == "en" else layer.attribution
        lines.append(f"{line} · {t['source']}: {source}" if source else line)
    return lines[::-1]
