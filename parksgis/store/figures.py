"""The dashboard's numbers, as pure functions of projects, road segments and history. No Qt.

The dashboard dock draws these; a click on a bar selects :func:`projects_where` of that bar, so
the chart and the selection come from the same definitions. Every table is zero-filled over the
status scheme's codes in scheme order, so bars line up with the legend.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from parksgis.model.project import Project
from parksgis.model.status import DEFAULT_SCHEME, StatusScheme
from parksgis.store import timeline
from parksgis.store.values import local_date

#: The 2014 programme's road targets (Nanfang Daily, 2014-07-24), used when parks.json gives none.
ROAD_TARGETS_KM = {"new": 22.2, "upgrade": 11.4}
#: 1亿元 = 10,000万元
WAN_PER_YI = 10_000.0


def _zeros(scheme: StatusScheme, zero=0) -> dict[str, float]:
    return {code: zero for code in scheme.codes}


def projects_by_status_per_park(projects: dict[str, Project],
                                scheme: StatusScheme = DEFAULT_SCHEME) -> dict[str, dict[str, int]]:
    """{park: {status: number of projects}}, parks in first-seen order."""
    table: dict[str, dict[str, int]] = {}
    for p in projects.values():
        row = table.setdefault(p.park, _zeros(scheme))
        row[p.status] = row.get(p.status, 0) + 1
    return table


def investment_yi_by_status(projects: dict[str, Project], scheme: StatusScheme = DEFAULT_SCHEME,
                            park: str | None = None) -> dict[str, float]:
    """{status: investment in 亿元} (projects without an investment count 0), optionally one park."""
    table = _zeros(scheme, 0.0)
    for p in projects.values():
        if park is None or p.park == park:
            table[p.status] = table.get(p.status, 0.0) + (p.investment_wan_yuan or 0.0) / WAN_PER_YI
    return table


@dataclass(frozen=True)
class RoadSegment:
    """One drawn road feature: which project, new or upgrade works, and its length."""

    project_id: str | None
    work: str          # 'new' | 'upgrade' | other text from the layer
    length_km: float


def road_segments(layers) -> list[RoadSegment]:
    """Road segments from road layers (``Layer.kind`` roads): ``work`` and ``length_m`` properties.

    ``length_m`` (measured in EPSG:4546 by the data tools) is used when present, otherwise the
    length is measured here in EPSG:4546 (CGCS2000 / 3-degree GK CM 111E, the parks' zone).
    A layer read per view (``layer.view``: its frame holds the roads of one view) is counted
    from its source, every road (:func:`_source_segments`).
    """
    segments: list[RoadSegment] = []
    for layer in layers:
        if getattr(layer.kind, "value", layer.kind) != "roads":
            continue
        if layer.view is not None:
            segments += _source_segments(layer)
            continue
        if len(layer.frame) == 0:
            continue
        segments += _frame_segments(layer.frame, layer.project_ids)
    return segments


def _frame_segments(frame, project_ids) -> list[RoadSegment]:
    if "length_m" in frame.columns and frame["length_m"].notna().all():
        lengths = frame["length_m"].astype(float)
    else:
        lengths = frame.geometry.to_crs("EPSG:4546").length
    works = frame["work"] if "work" in frame.columns else [""] * len(frame)
    return [RoadSegment(pid, str(work or ""), float(metres) / 1000.0)
            for pid, work, metres in zip(project_ids, works, lengths)]


def _source_segments(layer) -> list[RoadSegment]:
    """The segments of every road of a layer read per view, asked of its source: one per distinct
    project, work and length, its length times how many roads have them (SQL ``GROUP BY``: no
    shape read, at most a row per road); the whole layer is read only when a road lacks its
    ``length_m``. A layer without a ``work`` column has nothing the dashboard charts (new and
    upgraded roads): it gives no segments, and no length is measured."""
    from parksgis.model.layer import Layer

    view = layer.view
    combos = view.source.value_counts(view.table, ["project_id", "work", "length_m"])
    if "work" not in combos.columns or combos.empty:
        return []
    if "length_m" not in combos.columns or combos["length_m"].isna().any():
        whole = view.source.by_ids(view.table, view.source.ids(view.table))
        return _frame_segments(whole, Layer(layer.name, whole, layer.kind).project_ids)
    # one row per combination, its project id read as a feature's is
    ids = Layer(layer.name, combos, layer.kind).project_ids
    return [RoadSegment(pid, str(work or ""), float(metres) * int(count) / 1000.0)
            for pid, work, metres, count in zip(ids, combos["work"], combos["length_m"], combos["count"])]


def road_km_by_status(projects: dict[str, Project], segments: list[RoadSegment],
                      scheme: StatusScheme = DEFAULT_SCHEME) -> dict[str, dict[str, float]]:
    """{work: {status: km}} for 'new' and 'upgrade' (plus any other work named), by the status of
    each segment's project; segments of no project or an unknown one go under status ``None``."""
    table: dict[str, dict] = {work: _zeros(scheme, 0.0) for work in ROAD_TARGETS_KM}
    for seg in segments:
        project = projects.get(seg.project_id) if seg.project_id else None
        status = project.status if project else None
        row = table.setdefault(seg.work, _zeros(scheme, 0.0))
        row[status] = row.get(status, 0.0) + seg.length_km
    return table


def road_targets_km(kpis: dict | None = None) -> dict[str, float]:
    """Road targets from a workspace's KPIs (parks.json ``new_roads_km`` / ``upgraded_roads_km``)."""
    kpis = kpis or {}
    targets = dict(ROAD_TARGETS_KM)
    for work, key in (("new", "new_roads_km"), ("upgrade", "upgraded_roads_km")):
        value = kpis.get(key)
        value = value.get("value") if isinstance(value, dict) else value
        if isinstance(value, (int, float)):
            targets[work] = float(value)
    return targets


def projects_where(projects: dict[str, Project], park: str | None = None, status: str | None = None,
                   segments: list[RoadSegment] | None = None, work: str | None = None) -> list[str]:
    """Project ids behind one bar: a park and/or a status, or the roads of one ``work`` kind."""
    ids = set(projects)
    if work is not None:
        ids &= {s.project_id for s in segments or () if s.work == work}
    return sorted(pid for pid in ids if (park is None or projects[pid].park == park)
                  and (status is None or projects[pid].status == status))


def project_ids_by(projects: dict[str, Project], *fields: str) -> dict[tuple, list[str]]:
    """Project ids (sorted) per value of ``fields`` (e.g. park and status): the
    :func:`projects_where` of every bar of a chart in one pass (a bar at a time scanned all
    100,000 projects of a district once per bar: seconds)."""
    groups: dict[tuple, list[str]] = {}
    for pid in sorted(projects):
        project = projects[pid]
        groups.setdefault(tuple(getattr(project, f) for f in fields), []).append(pid)
    return groups


def timeline_dates(history, step_days: int = 0) -> list[date]:
    """The days of a progress chart: every day with a non-seed change (China time), or, with
    ``step_days``, days from the first to the last change every ``step_days`` (last day included)."""
    days = sorted({local_date(r.changed_at) for r in history if r.source != "seed"})
    if not days or not step_days:
        return days
    out, day = [], days[0]
    while day < days[-1]:
        out.append(day)
        day += timedelta(days=step_days)
    return out + [days[-1]]


@dataclass(frozen=True)
class ProgressPoint:
    day: date
    counts: dict[str, int]           # projects per status at the end of the day
    mean_progress_pct: float | None  # over projects with a progress value
    investment_yi_started: float     # 亿元 of projects under construction or beyond (not suspended)


_STARTED = ("under_construction", "completed", "in_operation")


def progress_over_time(projects: dict[str, Project], history, days,
                       scheme: StatusScheme = DEFAULT_SCHEME) -> list[ProgressPoint]:
    """Status counts, mean progress and started investment at the end of each day, from history."""
    days = list(days)
    points = []
    for day, state in zip(days, timeline.replay_days(projects, list(history), days)):
        counts = _zeros(scheme)
        for p in state.values():
            counts[p.status] = counts.get(p.status, 0) + 1
        progress = [p.progress_pct for p in state.values() if p.progress_pct is not None]
        started = sum((p.investment_wan_yuan or 0.0) for p in state.values() if p.status in _STARTED)
        points.append(ProgressPoint(day, counts, sum(progress) / len(progress) if progress else None,
                                    started / WAN_PER_YI))
    return points
