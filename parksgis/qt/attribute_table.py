"""The attribute table: a table model reading the layer frame in place, sort, filter, map sync.

Filtering is vectorised (one boolean mask per filter change, from pandas string ops) so a 100k-row
layer filters without a Python call per row; the proxy only looks the row up in the mask.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6 import QtCore, QtWidgets
from parksgis.qt.i18n import follow_language

Qt = QtCore.Qt
NO_PROJECT = "__none__"


class ColumnValues:
    """A frame's columns by name as their ``Series.array``: a cell is ``array[row]``, the value
    ``frame[column].iloc[row]`` gives, without a Series made per cell (pandas 3 keeps no column
    cache: ~150 µs a cell, 15 ms of the 50 rows the table sizes its columns from). Frames are
    replaced, not edited in place (``Layer.frame``): a new frame starts a new cache."""

    def __init__(self):
        self._frame, self._arrays = None, {}

    def of(self, frame, column: str):
        if frame is not self._frame:
            self._frame, self._arrays = frame, {}
        array = self._arrays.get(column)
        if array is None:
            array = self._arrays[column] = frame[column].array
        return array


def status_codes(workspace, layer) -> np.ndarray:
    """Each feature's status code (its project's, else its own status column; None: neither),
    for a whole layer in one pass."""
    from parksgis.model.lazy_projects import project_statuses
    from parksgis.store.feature_status import feature_statuses

    return feature_statuses(layer, project_statuses(workspace.projects), workspace.scheme)


class FeatureTableModel(QtCore.QAbstractTableModel):
    """Columns: the frame's attributes (no geometry) plus the linked project's status."""

    def __init__(self, workspace, layer, parent=None):
        super().__init__(parent)
        self.workspace, self.layer, self.lang = workspace, layer, "zh"
        frame = layer.frame
        self.columns = [c for c in frame.columns if c != frame.geometry.name]
        self.statuses = status_codes(workspace, layer)
        self._values = ColumnValues()

    def refresh_statuses(self, project_ids=None) -> None:
        """Projects changed (an edit, an as-of day): re-read the status column — only the rows
        of ``project_ids`` when given (an edit touches a few of 100k rows), else all of it."""
        rows = self._rows_of(project_ids) if project_ids is not None else None
        if rows is None:
            self.statuses = status_codes(self.workspace, self.layer)
            rows = np.arange(len(self.statuses))
        elif len(rows):
            projects = self.workspace.projects
            pids = self.layer.project_ids.to_numpy(dtype=object)[rows]
            self.statuses = self.statuses.copy()
            self.statuses[rows] = [projects[p].status if p in projects else None for p in pids]
        if len(rows):
            column = len(self.columns)
            self.dataChanged.emit(self.index(int(rows.min()), column), self.index(int(rows.max()), column))

    def _rows_of(self, project_ids) -> np.ndarray:
        """Rows linked to ``project_ids`` (sorted), from a per-project index built once."""
        if getattr(self, "_rows_by_project", None) is None:
            self._rows_by_project = self.layer.project_ids.reset_index(drop=True).groupby(
                self.layer.project_ids.to_numpy(dtype=object), dropna=True).indices
        found = [self._rows_by_project[p] for p in project_ids if p in self._rows_by_project]
        return np.sort(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)

    def rowCount(self, parent=QtCore.QModelIndex()):
        return 0 if parent.isValid() else len(self.layer.frame)

    def columnCount(self, parent=QtCore.QModelIndex()):
        return 0 if parent.isValid() else len(self.columns) + 1

    def status_code(self, row: int):
        return self.statuses[row]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            return None
        row, col = index.row(), index.column()
        if col == len(self.columns):
            code = self.status_code(row)
            if role == Qt.ItemDataRole.UserRole:
                return code or ""
            return self.workspace.scheme[code].label(self.lang) if code in self.workspace.scheme else ""
        value = self.value(row, col)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.UserRole:  # the sort key: numbers sort as numbers
            return value.item() if hasattr(value, "item") else value
        return str(value)

    def value(self, row: int, col: int):
        """The attribute of table row ``row`` in column ``col``."""
        return self._values.of(self.layer.frame, self.columns[col])[row]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if section == len(self.columns):
            return QtCore.QCoreApplication.translate("FeatureTableModel", "Status")
        return str(self.columns[section])

    def feature_rows(self, source_rows) -> list[int]:
        """The layer frame's rows of table rows (the same here: the table lists the frame)."""
        return list(source_rows)

    def source_row(self, frame_row: int) -> int:
        """The table row of a frame row; -1 when the table does not list it."""
        return frame_row

    def match_mask(self, text: str, status: str | None) -> np.ndarray:
        """Rows whose text columns or linked project name contain ``text`` and have ``status``."""
        frame, n = self.layer.frame, len(self.layer.frame)
        mask = np.ones(n, dtype=bool)
        pids = self.layer.project_ids
        if text:
            hit = np.zeros(n, dtype=bool)
            for column in self.columns:
                values = frame[column]
                if values.dtype == object or str(values.dtype).startswith("str"):
                    hit |= values.astype(str).str.contains(text, case=False, regex=False).to_numpy()
            names = {pid: f"{p.name_zh}\n{p.name_en}" for pid, p in self.workspace.projects.items()}
            hit |= pids.map(lambda pid: text.lower() in names.get(pid, "").lower()).to_numpy(dtype=bool)
            mask &= hit
        if status:
            codes = np.where(self.statuses == None, NO_PROJECT, self.statuses)  # noqa: E711 - elementwise
            mask &= codes == status
        return mask


class FeatureFilterProxy(QtCore.QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.mask: np.ndarray | None = None
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_filter(self, text: str, status: str | None) -> None:
        source: FeatureTableModel = self.sourceModel()
        mask = source.match_mask(text.strip(), status) if (text.strip() or status) else None
        if mask is None and self.mask is None:
            return  # still unfiltered: no pass over every row
        modern = hasattr(self, "beginFilterChange")  # Qt >= 6.10 deprecates invalidateRowsFilter()
        if modern:
            self.beginFilterChange()
        self.mask = mask
        if modern:
            self.endFilterChange(QtCore.QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row, source_parent):
        return self.mask is None or bool(self.mask[source_row])

    def lessThan(self, left, right):
        a, b = left.data(Qt.ItemDataRole.UserRole), right.data(Qt.ItemDataRole.UserRole)
        if a is None or b is None:
            return a is None and b is not None
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


class AttributeTable(QtWidgets.QWidget):
    """Layer picker, text and status filters, and the table; selection follows the Selection model."""

    zoom_to_features = QtCore.Signal(list)

    def __init__(self, selection, parent=None):
        super().__init__(parent)
        follow_language(self, self.retranslate)
        self.selection = selection
        self.workspace = None
        self.lang = "zh"
        self._syncing = False
        #: ``bring(layer, fids) -> frame rows``: puts features of a viewport-driven layer into its
        #: frame (render.view_frames.bring), so a row picked in the table is selectable
        self.bring = None
        self.layer_combo = QtWidgets.QComboBox(self, objectName="layer_combo")
        self.layer_combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_edit = QtWidgets.QLineEdit(self, objectName="filter_edit", clearButtonEnabled=True)
        self.status_combo = QtWidgets.QComboBox(self, objectName="status_combo")
        self.count_label = QtWidgets.QLabel(self, objectName="count_label")
        self.table = QtWidgets.QTableView(self, objectName="table")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        # column widths from the first rows only (a screenful or two): measuring 100k rows would
        # stall the window, and 200 rows cost a tenth of a second of every open
        self.table.horizontalHeader().setResizeContentsPrecision(50)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_paged)
        self.proxy = FeatureFilterProxy(self)
        top = QtWidgets.QHBoxLayout()
        for widget, stretch in [(self.layer_combo, 0), (self.filter_edit, 1), (self.status_combo, 0),
                                (self.count_label, 0)]:
            top.addWidget(widget, stretch)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.layer_combo.currentIndexChanged.connect(self._on_layer_chosen)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.status_combo.currentIndexChanged.connect(self._apply_filter)
        self.table.doubleClicked.connect(self._on_double_click)
        selection.changed.connect(self._select_from_model)
        self.retranslate()

    @property
    def layer(self):
        model = self.proxy.sourceModel()
        return model.layer if isinstance(model, FeatureTableModel) else None

    def set_workspace(self, workspace) -> None:
        if self.workspace is not workspace:
            if self.workspace is not None:
                self.workspace.projects_changed.disconnect(self._on_projects_changed)
            workspace.projects_changed.connect(self._on_projects_changed)
        self.workspace = workspace
        self.retranslate()  # the status filter lists this workspace's scheme
        self._fill_layer_combo()

    def _on_projects_changed(self, project_ids=None, *_args) -> None:
        model = self.proxy.sourceModel()
        if isinstance(model, FeatureTableModel):
            model.refresh_statuses(project_ids)
            self._apply_filter()

    def _fill_layer_combo(self) -> None:
        current = self.layer.key if self.layer is not None else None
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for layer in self.workspace.layers:
            park = f"{self.workspace.park(layer.park_id).name(self.lang)} · " if layer.park_id else ""
            self.layer_combo.addItem(park + layer.title(self.lang), layer.key)
        self.layer_combo.blockSignals(False)
        keys = [lay.key for lay in self.workspace.layers]
        self.show_layer(self.workspace.layer(current) if current in keys else
                        next((lay for lay in self.workspace.layers if lay.kind.value == "roads"),
                             self.workspace.layers[0] if keys else None))

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        if self.workspace is not None:
            self._fill_layer_combo()
        self.retranslate()

    def show_layer(self, layer) -> None:
        if layer is None:
            return
        self.layer_combo.blockSignals(True)
        self.layer_combo.setCurrentIndex(self.layer_combo.findData(layer.key))
        self.layer_combo.blockSignals(False)
        if layer.view is not None:  # every feature from the source, a page at a time
            from parksgis.qt.paged_table import PagedFeatureTableModel

            model = PagedFeatureTableModel(self.workspace, layer, self.proxy, self.bring)
        else:
            model = FeatureTableModel(self.workspace, layer, self.proxy)
        # the proxy sorts a whole layer; a viewport-driven one is sorted by its source (the proxy
        # would read every row): the header's clicks still set the indicator, _sort_paged sorts
        sortable = layer.view is None
        header = self.table.horizontalHeader()
        if self.table.isSortingEnabled() != sortable:  # enabling sorts at once: by nothing, here
            header.blockSignals(True)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            self.table.setSortingEnabled(sortable)
        if not sortable:  # a new model lists by id
            header.blockSignals(True)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            header.setSectionsClickable(True)
            header.setSortIndicatorShown(True)
        model.lang = self.lang
        old = self.proxy.sourceModel()
        self.proxy.mask = None  # a new layer starts unfiltered (the filter is applied below)
        self.proxy.setSourceModel(model)
        if old is not None:
            old.deleteLater()
        self.table.setModel(self.proxy)
        self.table.selectionModel().selectionChanged.connect(self._select_to_model)
        self._apply_filter()
        self.table.resizeColumnsToContents()
        self._select_from_model()

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter: name, id, any text (Chinese or English)"))
        current = self.status_combo.currentData()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(self.tr("All statuses"), None)
        if self.workspace is not None:
            for status in self.workspace.scheme:
                self.status_combo.addItem(status.label(self.lang), status.code)
        self.status_combo.addItem(self.tr("No project"), NO_PROJECT)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(current)))
        self.status_combo.blockSignals(False)
        self._update_count()

    def _on_layer_chosen(self, index: int) -> None:
        key = self.layer_combo.itemData(index)
        if key and self.workspace is not None:
            self.show_layer(self.workspace.layer(key))

    def _apply_filter(self, *_args) -> None:
        if self.layer is None:
            return
        model = self.proxy.sourceModel()
        if hasattr(model, "filter_fids"):  # the source answers (SQL)
            fids = model.filter_fids(self.filter_edit.text().strip(), self.status_combo.currentData())
            model.set_fids(model.all_fids if fids is None else fids)
        else:
            self.proxy.set_filter(self.filter_edit.text(), self.status_combo.currentData())
        self._update_count()

    def _sort_paged(self, column: int, order) -> None:
        """A header click on a viewport-driven layer's table: its source sorts (SQL)."""
        model = self.proxy.sourceModel()
        if hasattr(model, "sort_by") and not self.table.isSortingEnabled():
            model.sort_by(column, order)
            self._select_from_model()

    def _update_count(self) -> None:
        if self.layer is not None:
            self.count_label.setText(self.tr("%1 of %2").replace("%1", str(self.proxy.rowCount()))
                                     .replace("%2", str(self.layer.feature_count)))

    def _source_rows(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return sorted(self.proxy.mapToSource(i).row() for i in rows)

    def _select_to_model(self, *_args) -> None:
        if self._syncing or self.layer is None:
            return
        self._syncing = True
        try:
            # a plain click replaces the selection (features of other layers too, as on the map);
            # ctrl / shift extend it
            extend = QtWidgets.QApplication.keyboardModifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
            others = [item for item in self.selection.items if item[0] != self.layer.key] if extend else []
            rows = self.proxy.sourceModel().feature_rows(self._source_rows())
            self.selection.set(others + [(self.layer.key, row) for row in rows])
        finally:
            self._syncing = False

    def _select_from_model(self) -> None:
        if self._syncing or self.layer is None:
            return
        self._syncing = True
        try:
            chosen = QtCore.QItemSelection()
            model = self.proxy.sourceModel()
            for row in self.selection.rows_of(self.layer.key):
                index = self.proxy.mapFromSource(model.index(model.source_row(row), 0))
                if index.isValid():
                    chosen.select(index, index)
            flags = (QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QtCore.QItemSelectionModel.SelectionFlag.Rows)
            self.table.selectionModel().select(chosen, flags)
        finally:
            self._syncing = False

    def _on_double_click(self, index) -> None:
        rows = self.proxy.sourceModel().feature_rows([self.proxy.mapToSource(index).row()])
        self.zoom_to_features.emit([(self.layer.key, row) for row in rows])
