"""The attribute table of a viewport-driven layer: every feature, read from its source a page at a time.

The map's frame of such a layer holds one view; the table lists the whole layer, in id order, as
the source returns it (``ViewSource.attribute_page``): only the pages the table scrolls to are
read, and a few hundred of them are kept. The text filter and the status filter are answered by
the source too (SQL), as the ids of the matching features, and so is sorting by an attribute
column (the ids in that column's order); the status column does not sort for these layers. A row picked in the table is brought into the map's frame by the
window (``ViewportFeeder.bring``) so it can be selected, identified and zoomed to.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from PySide6 import QtCore

from parksgis.model.lazy_projects import project_names, project_statuses
from parksgis.qt.attribute_table import NO_PROJECT, ColumnValues, FeatureTableModel

Qt = QtCore.Qt
PAGE_ROWS = 256
PAGES_KEPT = 200


class PagedFeatureTableModel(FeatureTableModel):
    """Rows: the ids in :attr:`fids` (all features, or those a filter matched), in id order."""

    def __init__(self, workspace, layer, parent=None, bring=None):
        QtCore.QAbstractTableModel.__init__(self, parent)
        self.bring = bring
        self.workspace, self.layer, self.lang = workspace, layer, "zh"
        frame = layer.frame
        self.columns = [c for c in frame.columns if c != frame.geometry.name]
        view = layer.view
        self.source, self.table = view.source, view.table
        self.all_fids = self.source.ids(self.table)
        self.fids = self.all_fids
        self._pages: OrderedDict[int, tuple] = OrderedDict()
        self._own = False  # not looked up yet
        self._matched = self.all_fids  # what the filters let through, sorted by id
        self._sorted: np.ndarray | None = None  # every id in the order of the column sorted by
        self._rank: np.ndarray | None = None  # argsort of fids when they are not in id order
        self._values = ColumnValues()

    # -- rows -------------------------------------------------------------------------------------
    def rowCount(self, parent=QtCore.QModelIndex()):
        return 0 if parent.isValid() else len(self.fids)

    def set_fids(self, fids: np.ndarray) -> None:
        """List the features ``fids`` (sorted ids: a filter's matches, or all), in the order of
        the column sorted by, if any."""
        self._matched = fids
        self.beginResetModel()
        if self._sorted is None:
            self.fids, self._rank = fids, None
        else:
            self.fids = self._sorted[np.isin(self._sorted, fids, assume_unique=True)]
            self._rank = np.argsort(self.fids, kind="stable")
        self._pages.clear()
        self.endResetModel()

    def sort_by(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Rows ordered by attribute ``column`` (the source sorts: SQL); any other column (the
        status, or none: -1) lists them by id."""
        if 0 <= column < len(self.columns):
            self._sorted = self.source.sorted_ids(self.table, self.columns[column],
                                                  descending=order == Qt.SortOrder.DescendingOrder)
        else:
            self._sorted = None
        self.set_fids(self._matched)

    def refresh_statuses(self, project_ids=None) -> None:
        self._pages.clear()  # statuses are worked out per page (whichever projects changed)
        if len(self.fids):
            column = len(self.columns)
            self.dataChanged.emit(self.index(0, column), self.index(len(self.fids) - 1, column))

    def _page(self, number: int):
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        from parksgis.model.layer import Layer
        from parksgis.store.feature_status import feature_statuses

        fids = self.fids[number * PAGE_ROWS:(number + 1) * PAGE_ROWS]
        if self._rank is None:
            rows = self.source.attribute_rows(self.table, fids)
        else:  # sorted by a column: the source reads ids in id order
            rows = self.source.attribute_rows(self.table, np.sort(fids)).reindex(fids)
        listed = Layer(self.layer.name, rows, self.layer.kind)
        # the page's projects only, not the register's 100,000
        statuses = project_statuses(self.workspace.projects, listed.project_ids.dropna().unique())
        codes = feature_statuses(listed, statuses, self.workspace.scheme)
        page = (rows, codes)
        self._pages[number] = page
        while len(self._pages) > PAGES_KEPT:
            self._pages.popitem(last=False)
        return page

    def status_code(self, row: int):
        rows, codes = self._page(row // PAGE_ROWS)
        return codes[row % PAGE_ROWS]

    def value(self, row: int, col: int):
        rows, _codes = self._page(row // PAGE_ROWS)
        return self._values.of(rows, self.columns[col])[row % PAGE_ROWS]

    # -- filters (SQL) ----------------------------------------------------------------------------
    def filter_fids(self, text: str, status: str | None) -> np.ndarray | None:
        """Ids matching the text (any text column, or the linked project's name) and the status
        (the linked project's, else the feature's own status column, as the map colours it;
        NO_PROJECT: neither); None: no filter."""
        if not text and not status:
            return None
        found = None
        if text:
            zh, en = (project_names(self.workspace.projects, lang) for lang in ("zh", "en"))
            projects = [pid for pid, name in zh.items() if text.lower() in f"{name}\n{en[pid]}".lower()]
            found = self.source.matching_ids(self.table, self.columns, text, projects)
        if status:
            statuses = project_statuses(self.workspace.projects)
            own = self._own_status()
            if status == NO_PROJECT:  # neither a project of the register nor a status of its own
                worded = None if own is None else (own[0], [v for vs in own[1].values() for v in vs])
                has = self.source.matching_ids(self.table, [], "", list(statuses), own=worded)
                linked = np.setdiff1d(self.all_fids, has)
            else:
                projects = [pid for pid, code in statuses.items() if code == status]
                linked = self.source.matching_ids(self.table, [], "", projects,
                                                  own=None if own is None else (own[0], own[1].get(status, [])))
            found = linked if found is None else np.intersect1d(found, linked)
        return found

    def _own_status(self):
        """``(column, {status code: values})`` of the layer's own status column, or None (asked
        of the source once: the layer's table never changes)."""
        if self._own is False:
            from parksgis.store.feature_status import own_status_values

            self._own = own_status_values(self.columns, lambda c: self.source.value_counts(self.table, [c]),
                                          self.workspace.scheme)
        return self._own

    # -- table rows <-> the map frame's rows -----------------------------------------------------
    def feature_rows(self, source_rows) -> list[int]:
        fids = [int(self.fids[r]) for r in source_rows if 0 <= r < len(self.fids)]
        return self.bring(self.layer, fids) if self.bring is not None and fids else []

    def source_row(self, frame_row: int) -> int:
        index = self.layer.frame.index
        if not 0 <= frame_row < len(index):
            return -1
        fid = int(index[frame_row])
        if self._rank is None:
            at = int(np.searchsorted(self.fids, fid))
            return at if at < len(self.fids) and self.fids[at] == fid else -1
        at = int(np.searchsorted(self.fids[self._rank], fid))
        return int(self._rank[at]) if at < len(self.fids) and self.fids[self._rank[at]] == fid else -1
