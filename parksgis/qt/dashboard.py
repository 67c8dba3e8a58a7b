"""The dashboard dock: four pyqtgraph bar charts of the register, and bars that select on the map.

Charts (numbers from the pure functions of :mod:`parksgis.store.figures`, bars stacked by status
in scheme order and coloured like the map):
  projects by status per park · investment (亿元) by status · road km, new and upgraded, by
  status against the 2014 targets (dashed lines) · projects by status over time, from history.
The charts read ``workspace.projects``, so they follow edits and the "as of" day like the map.
Clicking a bar selects the features of the projects behind it, through the same Selection model
the attribute table and the map use.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.model.lazy_projects import LazyProjects
from parksgis.qt.register_link import features_of_projects
from parksgis.store import figures, timeline
from parksgis.qt.i18n import follow_language

Qt = QtCore.Qt
BAR_WIDTH = 0.6
MAX_DAYS = 24  # the time chart keeps at most this many bars (evenly spaced days)
NO_PROJECT = "__none__"
CHARTS_MIN_HEIGHT = 320  # four charts need room: below it the charts scroll, the dock still shrinks
LABEL_GAP_PX = 8  # room between two date labels under the time chart


class StatusBars(pg.BarGraphItem):
    """Bars of one status; each bar knows the project ids behind it and reports clicks on it."""

    def __init__(self, chart: str, status: str | None, x, height, y0, project_ids, on_click, **opts):
        super().__init__(x=np.asarray(x, float), height=np.asarray(height, float),
                         y0=np.asarray(y0, float), width=BAR_WIDTH, **opts)
        self.chart, self.status = chart, status
        self.project_ids: list[list[str]] = [list(ids) for ids in project_ids]
        self._on_click = on_click

    def bar_at(self, x: float, y: float) -> int | None:
        xs, heights, y0 = self.opts["x"], self.opts["height"], self.opts["y0"]
        for i, (cx, h, base) in enumerate(zip(xs, heights, y0)):
            if abs(x - cx) <= BAR_WIDTH / 2 and min(base, base + h) <= y <= max(base, base + h) and h:
                return i
        return None

    def mouseClickEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        index = self.bar_at(ev.pos().x(), ev.pos().y())
        if index is not None:
            ev.accept()
            self._on_click(self, index)


class Dashboard(QtWidgets.QWidget):
    """``message`` carries a status-bar line (e.g. how many projects a click selected)."""

    message = QtCore.Signal(str)
    _projects_read = QtCore.Signal()  # a pack's projects are read (LazyProjects), in the UI thread

    def __init__(self, selection, link, parent=None):
        super().__init__(parent)
        follow_language(self, self.refresh)
        self.setObjectName("dashboard")
        self.selection, self.link = selection, link
        self.workspace = None
        self.lang = "zh"
        self._segments: list[figures.RoadSegment] = []
        self._stale = True
        #: chart name -> its StatusBars, in stacking order (what tests read)
        self.bars: dict[str, list[StatusBars]] = {}
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setBackground("#ffffff")
        self.view.setMinimumHeight(CHARTS_MIN_HEIGHT)
        # the charts scroll inside the dock rather than pinning its height: the divider above the
        # bottom panels must move down so the map can be made taller
        self.scroll = QtWidgets.QScrollArea(self, widgetResizable=True, objectName="dashboard_scroll")
        self.scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.view)
        self.scroll.setMinimumHeight(0)
        layout.addWidget(self.scroll)
        # the status legend in its own row above the charts: never drawn over a bar
        self.legend = pg.LegendItem(colCount=7, labelTextSize="8pt")
        self.view.addItem(self.legend, row=0, col=0, colspan=2)
        self.plots: dict[str, pg.PlotItem] = {}
        for i, name in enumerate(("by_park", "investment", "roads", "over_time")):
            plot = self.view.addPlot(row=1 + i // 2, col=i % 2)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.showGrid(y=True, alpha=0.2)
            self.plots[name] = plot
        self._add_progress_axis()
        self._time_labels: list[str] = []
        self.plots["over_time"].vb.sigResized.connect(self._thin_time_labels)
        link.state_changed.connect(self.refresh)
        self._projects_read.connect(self.refresh)
        self._waiting_for = None  # the LazyProjects whose rows the charts wait for

    # -- model following ------------------------------------------------------------------------------
    def set_workspace(self, workspace) -> None:
        if self.workspace is not None:
            self.workspace.projects_changed.disconnect(self._on_projects_changed)
            self.workspace.layers_changed.disconnect(self._on_layers_changed)
        self.workspace = workspace
        workspace.projects_changed.connect(self._on_projects_changed)
        workspace.layers_changed.connect(self._on_layers_changed)
        self._on_layers_changed()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.refresh()

    def _on_projects_changed(self, *_args) -> None:
        self.refresh()

    def _on_layers_changed(self, *_args) -> None:
        self._segments = figures.road_segments(self.workspace.layers) if self.workspace else []
        self.refresh()

    # -- drawing --------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Redraw now when shown; a hidden dashboard (a tab behind the table) waits until shown,
        because replaying history for the time chart costs more than an edit should."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        for plot in self.plots.values():
            plot.clear()
        self.legend.clear()
        self.bars = {name: [] for name in self.plots}
        if self.workspace is None:
            return
        scheme, projects = self.workspace.scheme, self.workspace.projects
        if isinstance(projects, LazyProjects) and not projects.loaded:  # drawn once they are read:
            self._stale = True  # the window's first frame does not wait for a district's projects
            if self._waiting_for is not projects:
                self._waiting_for = projects
                projects.read_done.add_done_callback(self._deliver)
            return
        day = self.workspace.as_of
        # the text outside an f-string, where pyside6-lupdate sees it
        suffix = "  (" + self.tr("as of %1").replace("%1", day.isoformat()) + ")" if day else ""
        self._by_park(scheme, projects, suffix)
        self._investment(scheme, projects, suffix)
        self._roads(scheme, projects, suffix)
        self._over_time(scheme, projects)

    def _deliver(self, _future) -> None:
        """In the thread that read the projects (or at once, when they are read)."""
        if shiboken6.isValid(self):  # the window may have closed meanwhile
            self._projects_read.emit()

    def _label(self, code) -> str:
        scheme = self.workspace.scheme
        return scheme[code].label(self.lang) if code in scheme else self.tr("No project")

    def _colour(self, code) -> str:
        return self.workspace.scheme.color(code if code != NO_PROJECT else None)

    def _stack(self, chart: str, codes, xs, heights_by_code, ids_by_code, legend: bool = False) -> None:
        """Stacked bars at ``xs``: one StatusBars per status code (zero rows are skipped)."""
        plot = self.plots[chart]
        base = np.zeros(len(xs))
        for code in codes:
            heights = np.asarray(heights_by_code[code], float)
            if not heights.any():
                continue
            item = StatusBars(chart, code, xs, heights, base.copy(), ids_by_code[code], self._bar_clicked,
                              brush=self._colour(code), pen=pg.mkPen("#ffffff", width=0.5))
            plot.addItem(item)
            if legend:
                self.legend.addItem(item, self._label(code))
            self.bars[chart].append(item)
            base += heights

    def _ticks(self, chart: str, labels: list[str]) -> None:
        self.plots[chart].getAxis("bottom").setTicks([list(enumerate(labels))])
        self.plots[chart].setXRange(-0.6, max(len(labels) - 0.4, 0.6), padding=0)

    def _by_park(self, scheme, projects, suffix) -> None:
        table = figures.projects_by_status_per_park(projects, scheme)
        parks = [p.park_id for p in self.workspace.parks if p.park_id in table]
        parks += [p for p in table if p not in parks]
        # the short part of a long name (…产业转移高新工业园 · 港口片区 → 港口片区) fits under a bar
        names = {p.park_id: p.name(self.lang).split("·")[-1].strip() for p in self.workspace.parks}
        xs = list(range(len(parks)))
        codes = list(scheme.codes) + sorted({c for row in table.values() for c in row} - set(scheme.codes))
        heights = {c: [table[p].get(c, 0) for p in parks] for c in codes}
        groups = figures.project_ids_by(projects, "park", "status")
        ids = {c: [groups.get((p, c), []) for p in parks] for c in codes}
        self._stack("by_park", codes, xs, heights, ids, legend=True)
        self._ticks("by_park", [names.get(p, p) for p in parks])
        self.plots["by_park"].setTitle(self.tr("Projects by status per park") + suffix, size="9pt")
        self.plots["by_park"].setLabel("left", self.tr("projects"))

    def _investment(self, scheme, projects, suffix) -> None:
        table = figures.investment_yi_by_status(projects, scheme)
        codes = list(table)
        xs = list(range(len(codes)))
        groups = figures.project_ids_by(projects, "status")
        for i, code in enumerate(codes):  # one bar per status, each its own colour
            heights = {code: [table[code] if j == i else 0.0 for j in xs]}
            ids = {code: [groups.get((code,), []) if j == i else [] for j in xs]}
            self._stack("investment", [code], xs, heights, ids)
        self._ticks("investment", [self._label(c) for c in codes])
        self.plots["investment"].setTitle(self.tr("Investment by status (100 million yuan)") + suffix,
                                          size="9pt")
        self.plots["investment"].setLabel("left", self.tr("100 million yuan"))

    def _roads(self, scheme, projects, suffix) -> None:
        table = figures.road_km_by_status(projects, self._segments, scheme)
        targets = figures.road_targets_km(self.workspace.kpis)
        works = list(figures.ROAD_TARGETS_KM)
        xs = list(range(len(works)))
        codes = list(scheme.codes) + [None]
        heights = {c: [table.get(w, {}).get(c, 0.0) for w in works] for c in codes}
        ids = {c: [figures.projects_where(projects, status=c, segments=self._segments, work=w)
                   if c is not None else [] for w in works] for c in codes}
        self._stack("roads", codes, xs, heights, ids)
        plot = self.plots["roads"]
        self.target_km = {}
        title = self.tr("Road km by status against the 2014 targets")
        if not self._holds_programme():
            # the 2014 targets are for all the programme's parks: a one-park pack shows its km only
            self._ticks("roads", [self.tr("New roads"), self.tr("Upgraded roads")])
            plot.setTitle(self.tr("Road km by status (2014 targets cover all parks)") + suffix, size="9pt")
            plot.setLabel("left", "km")
            return
        for x, work in zip(xs, works):
            target = targets[work]
            line = pg.PlotDataItem([x - 0.45, x + 0.45], [target, target],
                                   pen=pg.mkPen("#333333", width=2, style=Qt.PenStyle.DashLine))
            line.setObjectName(f"target_{work}")
            plot.addItem(line)
            text = pg.TextItem(self.tr("target %1 km").replace("%1", f"{target:g}"), color="#333333",
                               anchor=(0.5, 1.0))
            text.setPos(x, target)
            plot.addItem(text)
        self.target_km = {w: targets[w] for w in works}
        self._ticks("roads", [self.tr("New roads"), self.tr("Upgraded roads")])
        plot.setYRange(0, max(max(targets.values()), max(sum(h) for h in zip(*heights.values()))) * 1.15)
        plot.setTitle(title + suffix, size="9pt")
        plot.setLabel("left", "km")

    def _holds_programme(self) -> bool:
        """True when the workspace shows every park the programme's targets were set for."""
        programme = set(self.workspace.meta.get("parks") or ())
        return programme <= {p.park_id for p in self.workspace.parks}

    def _over_time(self, scheme, projects) -> None:
        plot = self.plots["over_time"]
        plot.setTitle(self.tr("Progress over time: projects by status, mean progress %"), size="9pt")
        self.progress_line.setData([], [])
        history = self.link.history(changed=True)  # a day's snapshot needs no unchanged seed
        days = figures.timeline_dates(history)
        if self.workspace.as_of is not None:
            days = [d for d in days if d <= self.workspace.as_of]
        if len(days) > MAX_DAYS:
            days = [days[int(i)] for i in np.linspace(0, len(days) - 1, MAX_DAYS)]
        self.time_days = days
        if not days:
            # no dates of later days on the axis of an empty chart
            self._time_labels = []
            self._ticks("over_time", [])
            plot.setTitle(self.tr("Progress over time (no edits recorded yet)"), size="9pt")
            return
        current = self.link.backend.projects()
        points = figures.progress_over_time(current, history, days, scheme)
        snapshots = timeline.replay_days(current, history, days)
        codes = list(scheme.codes)
        xs = list(range(len(days)))
        heights = {c: [point.counts.get(c, 0) for point in points] for c in codes}
        by_day = [figures.project_ids_by(snap, "status") for snap in snapshots]
        ids = {c: [groups.get((c,), []) for groups in by_day] for c in codes}
        self._stack("over_time", codes, xs, heights, ids)
        self._time_labels = [d.strftime("%m-%d") if len(days) > 1 else d.isoformat() for d in days]
        self._ticks("over_time", self._time_labels)
        self._thin_time_labels()
        plot.setLabel("left", self.tr("projects"))
        mean = [p.mean_progress_pct if p.mean_progress_pct is not None else np.nan for p in points]
        self.progress_line.setData(np.asarray(xs, float), np.asarray(mean, float))

    def _thin_time_labels(self, *_args) -> None:
        """Every k-th date under the time chart, k chosen so labels never touch at this width."""
        labels = self._time_labels
        axis = self.plots["over_time"].getAxis("bottom")
        if not labels:
            return
        metrics = QtGui.QFontMetrics(axis.style.get("tickFont") or self.font())
        label_px = max(metrics.horizontalAdvance(text) for text in labels) + LABEL_GAP_PX
        width = max(1.0, self.plots["over_time"].vb.width())
        stride = max(1, int(np.ceil(label_px * len(labels) / width)))
        self.time_label_stride = stride
        axis.setTicks([[(i, text) for i, text in enumerate(labels) if i % stride == 0],
                       [(i, "") for i in range(len(labels))]])

    def _add_progress_axis(self) -> None:
        """Mean progress (0–100 %) on a right-hand axis of the time chart: its own view box."""
        plot = self.plots["over_time"]
        self.progress_box = pg.ViewBox(enableMenu=False)
        self.progress_box.setMouseEnabled(x=False, y=False)
        self.progress_box.setZValue(10)  # a top-level scene item: over the layout and its bars
        plot.showAxis("right")
        plot.scene().addItem(self.progress_box)
        plot.getAxis("right").linkToView(self.progress_box)
        plot.getAxis("right").setLabel("%")
        self.progress_box.setXLink(plot)
        self.progress_box.setYRange(0, 100, padding=0.02)
        self.progress_line = pg.PlotDataItem(pen=pg.mkPen("#222222", width=2), symbol="o", symbolSize=8, symbolPen="#ffffff",
                                             symbolBrush="#222222")
        self.progress_box.addItem(self.progress_line)

        def follow() -> None:
            self.progress_box.setGeometry(plot.vb.sceneBoundingRect())

        plot.vb.sigResized.connect(follow)
        follow()

    # -- clicks ---------------------------------------------------------------------------------------
    def _bar_clicked(self, bars: StatusBars, index: int) -> None:
        self.select_projects(bars.project_ids[index])

    def select_projects(self, project_ids) -> None:
        features = features_of_projects(self.workspace, project_ids)
        self.selection.set(features)
        self.message.emit(self.tr("%1 projects, %2 features selected")
                          .replace("%1", str(len(project_ids))).replace("%2", str(len(features))))

    def bar_centre(self, chart: str, bars: StatusBars, index: int) -> QtCore.QPoint:
        """Viewport pixel of the middle of one bar (what a test clicks)."""
        x = float(bars.opts["x"][index])
        y = float(bars.opts["y0"][index] + bars.opts["height"][index] / 2)
        scene = self.plots[chart].vb.mapViewToScene(QtCore.QPointF(x, y))
        return self.view.mapFromScene(scene)
