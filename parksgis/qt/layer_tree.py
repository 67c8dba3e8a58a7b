"""The layer tree: parks → their layers, plus the basemap; a Qt item model over the Workspace.

The model keeps no copy: rows are read from ``workspace.parks`` / ``shared_layers`` every time, and
checking a box sets ``layer.visible`` (the canvas follows the layer's signal, not this widget).
Top of the tree is drawn on top, so a park's layers are listed in reverse drawing order.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.model.imagery import ImageryLayer
from parksgis.model.layer import STYLES

MIME = "application/x-parksgis-layer"
Qt = QtCore.Qt


class _BasemapGroup:
    """The node holding the workspace's shared layers (basemap and loose files)."""


class _ImageryGroup:
    """The node holding the imagery, last: it is drawn under every vector layer."""


class LayerTreeModel(QtCore.QAbstractItemModel):
    def __init__(self, workspace=None, parent=None):
        super().__init__(parent)
        self.workspace = None
        self.lang = "zh"
        self._group = _BasemapGroup()
        self._imagery = _ImageryGroup()
        self._watched: list = []
        if workspace is not None:
            self.set_workspace(workspace)

    def set_workspace(self, workspace) -> None:
        self.beginResetModel()
        if self.workspace is not None:
            self.workspace.layers_changed.disconnect(self._on_layers_changed)
        self.workspace = workspace
        workspace.layers_changed.connect(self._on_layers_changed)
        self._watch_layers()
        self.endResetModel()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.layoutChanged.emit()

    def _on_layers_changed(self) -> None:
        self.beginResetModel()
        self._watch_layers()
        self.endResetModel()

    def _watch_layers(self) -> None:
        for layer, slot in self._watched:
            for signal in self._signals(layer):
                signal.disconnect(slot)
        self._watched = []
        for layer in self.workspace.layers + self.workspace.imagery:
            slot = (lambda *_a, lay=layer: self._layer_changed(lay))
            for signal in self._signals(layer):
                signal.connect(slot)
            self._watched.append((layer, slot))

    def _signals(self, layer) -> list:
        if self.is_imagery(layer):
            return [layer.changed]
        return [layer.visible_changed, layer.opacity_changed]

    def _layer_changed(self, layer) -> None:
        index = self.index_of(layer)
        if index.isValid():
            self.dataChanged.emit(index, index)
            self.dataChanged.emit(index.parent(), index.parent())

    # -- structure --------------------------------------------------------------------------------
    def _groups(self) -> list:
        groups = list(self.workspace.parks) if self.workspace else []
        if self.workspace and self.workspace.shared_layers:
            groups.append(self._group)
        if self.workspace and self.workspace.imagery:
            groups.append(self._imagery)
        return groups

    def _children(self, group) -> list:
        if group is self._imagery:
            return list(reversed(self.workspace.imagery))
        layers = self.workspace.shared_layers if group is self._group else group.layers
        return list(reversed(layers))

    def _parent_of(self, layer):
        if self.is_imagery(layer):
            return self._imagery
        if layer.park_id is None:
            return self._group
        return self.workspace.park(layer.park_id)

    def index_of(self, node) -> QtCore.QModelIndex:
        groups = self._groups()
        if node in groups:
            return self.createIndex(groups.index(node), 0, node)
        for group in groups:
            children = self._children(group)
            if any(child is node for child in children):
                row = next(i for i, child in enumerate(children) if child is node)
                return self.createIndex(row, 0, node)
        return QtCore.QModelIndex()

    def node(self, index: QtCore.QModelIndex):
        return index.internalPointer() if index.isValid() else None

    def is_layer(self, node) -> bool:
        """A vector layer (imagery rows are :meth:`is_imagery`)."""
        return hasattr(node, "frame")

    def is_imagery(self, node) -> bool:
        return isinstance(node, ImageryLayer)

    def is_leaf(self, node) -> bool:
        return self.is_layer(node) or self.is_imagery(node)

    def index(self, row, column, parent=QtCore.QModelIndex()):
        if column != 0 or self.workspace is None:
            return QtCore.QModelIndex()
        items = self._groups() if not parent.isValid() else self._children(self.node(parent))
        return self.createIndex(row, 0, items[row]) if 0 <= row < len(items) else QtCore.QModelIndex()

    def parent(self, index=QtCore.QModelIndex()):
        node = self.node(index)
        if node is None or not self.is_leaf(node):
            return QtCore.QModelIndex()
        return self.index_of(self._parent_of(node))

    def rowCount(self, parent=QtCore.QModelIndex()):
        if self.workspace is None:
            return 0
        if not parent.isValid():
            return len(self._groups())
        node = self.node(parent)
        return 0 if self.is_leaf(node) else len(self._children(node))

    def columnCount(self, parent=QtCore.QModelIndex()):
        return 1

    # -- data -----------------------------------------------------------------------------------
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if self.is_imagery(node):
                text = node.title(self.lang)
                if node.capture_date is not None:
                    text = f"{text} · {node.capture_date.isoformat()}"
                return text if node.opacity >= 1.0 else f"{text} ({node.opacity:.0%})"
            if node is self._imagery:
                return QtCore.QCoreApplication.translate("LayerTreeModel", "Imagery")
            if self.is_layer(node):
                text = node.title(self.lang)
                return text if node.opacity >= 1.0 else f"{text} ({node.opacity:.0%})"
            if node is self._group:
                return QtCore.QCoreApplication.translate("LayerTreeModel", "Basemap and other layers")
            return node.name(self.lang)
        if role == Qt.ItemDataRole.CheckStateRole:
            layers = [node] if self.is_leaf(node) else self._children(node)
            shown = sum(layer.visible for layer in layers)
            if shown == len(layers):
                return Qt.CheckState.Checked
            return Qt.CheckState.Unchecked if shown == 0 else Qt.CheckState.PartiallyChecked
        if role == Qt.ItemDataRole.ToolTipRole and self.is_layer(node):
            source = str(node.source) if node.source else ""
            return f"{node.key} · {node.feature_count} · {source}"
        if role == Qt.ItemDataRole.ToolTipRole and self.is_imagery(node):
            parts = [str(node.source or ""), node.reader.crs_label or "", node.attribution]
            return " · ".join(p for p in parts if p)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        node = self.node(index)
        if node is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        visible = Qt.CheckState(value) == Qt.CheckState.Checked
        for layer in ([node] if self.is_leaf(node) else self._children(node)):
            layer.visible = visible  # the layer's signal updates this row and the map
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        if self.is_layer(self.node(index)):
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        elif not self.is_imagery(self.node(index)):  # imagery is ordered by capture date
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # -- drag to reorder within a group ----------------------------------------------------------
    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [MIME]

    def mimeData(self, indexes):
        data = QtCore.QMimeData()
        nodes = [self.node(i) for i in indexes if self.is_layer(self.node(i))]
        data.setData(MIME, QtCore.QByteArray("\n".join(n.key for n in nodes).encode()))
        return data

    def dropMimeData(self, data, action, row, column, parent):
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME) or not parent.isValid():
            return False
        group = self.node(parent)
        keys = bytes(data.data(MIME)).decode().split("\n")
        return self.move_layer(keys[0], group, row if row >= 0 else self.rowCount(parent))

    def move_layer(self, key: str, group, tree_row: int) -> bool:
        """Move layer ``key`` to ``tree_row`` of its own group (tree rows are top-first)."""
        layer = self.workspace.layer(key)
        if self._parent_of(layer) is not group:
            return False  # layers stay in their park: a park's plots belong to that park
        layers = self.workspace.shared_layers if group is self._group else group.layers
        tree = list(reversed(layers))
        old = next(i for i, lay in enumerate(tree) if lay is layer)
        tree.insert(tree_row, tree[old])
        del tree[old + 1 if tree_row <= old else old]
        layers[:] = list(reversed(tree))
        self.workspace.layers_changed.emit()
        return True


class LayerTreeView(QtWidgets.QTreeView):
    """The tree with its context menu; actions are signals the main window connects."""

    zoom_to_layers = QtCore.Signal(list)
    open_table = QtCore.Signal(object)
    read_with_offset = QtCore.Signal(str)  # a loose layer file to read again as GCJ-02 / BD-09

    def __init__(self, model: LayerTreeModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        model.modelReset.connect(self.expandAll)

    def context_menu(self, index) -> QtWidgets.QMenu | None:
        model: LayerTreeModel = self.model()
        node = model.node(index)
        if node is None:
            return None
        menu = QtWidgets.QMenu(self)
        if model.is_imagery(node) or node is model._imagery:
            from parksgis.qt.imagery_controls import fill_imagery_menu

            fill_imagery_menu(menu, [node] if model.is_imagery(node) else model._children(node),
                              self.zoom_to_layers.emit)
            return menu
        layers = [node] if model.is_layer(node) else model._children(node)
        menu.addAction(self.tr("Zoom to"), lambda: self.zoom_to_layers.emit(layers))
        if model.is_layer(node):
            menu.addAction(self.tr("Open attribute table"), lambda: self.open_table.emit(node))
            styles = menu.addMenu(self.tr("Style"))
            names = {"status": self.tr("By status"), "category": self.tr("By category"),
                     "single": self.tr("Single colour")}
            for style in STYLES:
                action = styles.addAction(names[style], lambda s=style: setattr(node, "style", s))
                action.setCheckable(True)
                action.setChecked(node.style == style)
            if node.source is not None and node.source.is_file() and node.source.suffix.lower() != ".gpkg":
                menu.addAction(self.tr("Read again with a web-map offset (GCJ-02 / BD-09)…"),
                               lambda: self.read_with_offset.emit(str(node.source)))
            menu.addSeparator()
            menu.addAction(self._opacity_action(menu, node))
        return menu

    def _opacity_action(self, menu, layer) -> QtWidgets.QWidgetAction:
        from parksgis.qt.imagery_controls import slider_action

        return slider_action(menu, self.tr("Opacity"), "opacity_slider", (0, 100), round(layer.opacity * 100),
                             lambda v: setattr(layer, "opacity", v / 100))

    def _show_menu(self, pos) -> None:
        menu = self.context_menu(self.indexAt(pos))
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(pos))
