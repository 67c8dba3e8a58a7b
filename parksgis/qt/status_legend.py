"""The status legend: one row per status with its colour and feature count; click to hide/show.

Which statuses are hidden is the renderer's filter (``MapRenderer.hidden_statuses``): the legend sets
it and asks the canvas for a fresh frame.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import Future

import numpy as np
import pandas as pd
import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.model.lazy_projects import project_statuses
from parksgis.qt.i18n import follow_language

Qt = QtCore.Qt
NO_PROJECT = ""  # features linked to no project are counted under this key


class FeatureStatuses:
    """The status code of every feature of the feature layers (basemap and boundaries are context)
    and their counts, kept current by edits: an edit of a few projects recounts only their
    features, not 100,000."""

    def __init__(self, workspace):
        from parksgis.store.feature_status import feature_statuses

        self.workspace = workspace
        layers = [layer for layer in workspace.layers if layer.kind.value not in ("basemap", "boundary")]
        # a viewport-driven layer's frame holds one view: it is counted from its source instead
        self.layers = [layer for layer in layers if layer.view is None]
        self.views = [_ViewCounts(layer) for layer in layers if layer.view is not None]
        statuses = project_statuses(workspace.projects)
        self.codes = {id(layer): np.array([c or NO_PROJECT for c in
                                           feature_statuses(layer, statuses, workspace.scheme)],
                                          dtype=object) for layer in self.layers}
        self.counts: Counter = Counter()
        for codes in self.codes.values():
            self.counts.update(codes)
        for view in self.views:
            self.counts.update(view.counts(workspace, statuses))
        self._rows: dict[int, dict] = {}  # per layer: feature rows of each project (on first edit)

    def update(self, project_ids) -> None:
        projects = self.workspace.projects
        for view in self.views:  # a few thousand combinations at most: counted again
            self.counts.subtract(view.last)
            self.counts.update(view.counts(self.workspace))
        for layer in self.layers:
            key = id(layer)
            if key not in self._rows:
                ids = layer.project_ids.reset_index(drop=True)
                self._rows[key] = pd.Series(np.arange(len(ids))).groupby(ids.to_numpy()).indices
            found = [self._rows[key][pid] for pid in project_ids if pid in self._rows[key]]
            if not found:
                continue
            rows = np.concatenate(found)
            codes = self.codes[key]
            self.counts.subtract(codes[rows])
            for row in rows:
                project = projects.get(layer.project_ids.iat[row])
                codes[row] = (project.status if project is not None else None) or NO_PROJECT
            self.counts.update(codes[rows])


class _ViewCounts:
    """Status counts of a viewport-driven layer: its source counts each combination of project
    link and status column (SQL GROUP BY), and the combinations are classified like features."""

    def __init__(self, layer):
        from parksgis.model.layer import Layer
        from parksgis.store.feature_status import status_columns

        view = layer.view
        combos = view.source.value_counts(view.table, status_columns(layer.frame.columns))
        self.weights = combos.pop("count").to_numpy()
        self.layer = Layer(layer.name, combos, layer.kind)  # one row per combination
        self.last: Counter = Counter()

    def counts(self, workspace, statuses: dict | None = None) -> Counter:
        """Features per status code; ``statuses``: project id -> status (default: the
        workspace's projects now)."""
        from parksgis.store.feature_status import feature_statuses

        if statuses is None:
            statuses = project_statuses(workspace.projects)
        codes = feature_statuses(self.layer, statuses, workspace.scheme)
        codes[pd.isna(codes)] = NO_PROJECT
        # a million plots link ~100,000 projects: one combination per project, summed by code
        summed = pd.Series(self.weights).groupby(codes).sum()
        out = Counter({code: int(weight) for code, weight in summed.items()})
        self.last = out
        return out


class StatusLegend(QtWidgets.QListWidget):
    hidden_changed = QtCore.Signal(set)
    #: the counts of a workspace counted in the background are shown (see ``set_workspace``)
    counted = QtCore.Signal()
    _arrived = QtCore.Signal(object)  # a background count's Future, delivered in the UI thread

    def __init__(self, parent=None):
        super().__init__(parent)
        follow_language(self, self._language_changed)
        self.workspace = None
        self.statuses: FeatureStatuses | None = None
        self.counting: Future | None = None  # counts still on their way (rows show "…")
        self._edited: set | None = set()  # projects edited while counting (None: all of them)
        self.lang = "zh"
        self.hidden: set[str] = set()
        self.setIconSize(QtCore.QSize(16, 16))
        self.itemClicked.connect(self._toggle)
        self._arrived.connect(self._on_counted)
        self.setToolTip(self.tr("Click a status to hide or show its features"))

    def set_workspace(self, workspace, statuses: FeatureStatuses | Future | None = None) -> None:
        """Count ``workspace``'s features by status, unless ``statuses`` (of the workspace as it
        is, counted by the loader) already did. ``statuses`` may be a Future of them, still being
        counted in another thread (a big pack's layers are counted by SQL over every feature:
        seconds at a million plots, which the map does not wait for): the rows show "…" until
        it is done, then ``counted`` is emitted."""
        self.workspace = workspace
        self.hidden = set()
        self.counting, self._edited = None, set()
        if isinstance(statuses, Future):
            self.statuses = None
            self.counting = statuses
            statuses.add_done_callback(self._deliver)
        else:
            self.statuses = statuses if statuses is not None and statuses.workspace is workspace else None
        workspace.projects_changed.connect(self._on_projects_changed)
        workspace.layers_changed.connect(self._on_layers_changed)
        self.refresh()

    def _deliver(self, future: Future) -> None:
        """In the counting thread (or at once, when it is already done)."""
        if shiboken6.isValid(self):  # the window may have closed meanwhile
            self._arrived.emit(future)

    def _on_counted(self, future: Future) -> None:
        if future is not self.counting:
            return  # counted for a workspace shown before, or given up (layers changed)
        self.counting = None
        statuses = None if future.exception() is not None else future.result()
        if statuses is not None and statuses.workspace is self.workspace:
            if self._edited is None:  # every project changed (an as-of date): count again
                statuses = None
            elif self._edited:  # edits made while it counted
                statuses.update(sorted(self._edited))
        self.statuses = statuses  # None (it failed): counted here, as without a loader
        self.refresh()
        self.counted.emit()

    def _on_layers_changed(self, *_args) -> None:
        self.counting = None  # what it counts is not the workspace's layers any more
        self.statuses = None
        self.refresh()

    def _on_projects_changed(self, project_ids=None, *_args) -> None:
        if self.counting is not None:
            if self._edited is not None and project_ids is not None:
                self._edited.update(project_ids)
            else:
                self._edited = None
        elif self.statuses is not None and project_ids is not None:
            self.statuses.update(project_ids)
        else:
            self.statuses = None
        self.refresh()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.refresh()

    def _language_changed(self) -> None:
        self.setToolTip(self.tr("Click a status to hide or show its features"))
        self.refresh()

    def refresh(self) -> None:
        self.clear()
        if self.workspace is None:
            return
        if self.counting is None and (self.statuses is None or self.statuses.workspace is not self.workspace):
            self.statuses = FeatureStatuses(self.workspace)
        counts = self.statuses.counts if self.counting is None else None
        rows = [(s.code, s.label(self.lang), s.color) for s in self.workspace.scheme]
        rows.append((NO_PROJECT, self.tr("No project"), self.workspace.scheme.NO_PROJECT_COLOR))
        for code, label, color in rows:
            count = "…" if counts is None else counts.get(code, 0)
            item = QtWidgets.QListWidgetItem(f"{label}  ({count})", self)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setIcon(self._swatch(color, hidden=code in self.hidden))
            if code in self.hidden:
                item.setForeground(QtGui.QColor("#999999"))
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)

    def item_for(self, code: str) -> QtWidgets.QListWidgetItem | None:
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == code:
                return self.item(i)
        return None

    def _swatch(self, color: str, hidden: bool) -> QtGui.QIcon:
        pixmap = QtGui.QPixmap(16, 16)
        pixmap.fill(QtGui.QColor("#ffffff") if hidden else QtGui.QColor(color))
        painter = QtGui.QPainter(pixmap)
        painter.setPen(QtGui.QColor(color if hidden else "#444444"))
        painter.drawRect(0, 0, 15, 15)
        painter.end()
        return QtGui.QIcon(pixmap)

    def _toggle(self, item: QtWidgets.QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        self.hidden ^= {code}
        self.refresh()
        self.hidden_changed.emit(set(self.hidden))
