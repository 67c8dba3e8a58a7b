"""Search by project or feature name (Chinese or English, partial) or id; pick a hit to zoom to it."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from parksgis.qt.i18n import follow_language

Qt = QtCore.Qt
FEATURES_ROLE = Qt.ItemDataRole.UserRole + 1
PROJECT_ROLE = Qt.ItemDataRole.UserRole + 2


def search_entries(workspace, lang: str = "zh") -> list[tuple[str, list[tuple[str, int]], str | None]]:
    """(display text, features, project id or None) for every project and every named feature not
    already covered by its project's entry; text holds zh, en and id. One entry per text: the
    segments of a road named alike are one suggestion that selects them all. Viewport-driven
    layers are searched in their source when an entry is taken (:func:`view_features`)."""
    entries: dict[str, list[tuple[str, int]]] = {}
    project_of: dict[str, str] = {}
    by_project: dict[str, list[tuple[str, int]]] = {}
    project_names = {pid: {p.name_zh, p.name_en} - {None, ""} for pid, p in workspace.projects.items()}
    for layer in workspace.layers:
        if layer.kind.value == "basemap" or layer.view is not None:
            continue  # a viewport-driven layer's features are asked of its source when searched
        frame = layer.frame
        for row, pid in enumerate(layer.project_ids.tolist()):
            if pid:
                by_project.setdefault(pid, []).append((layer.key, row))
        names = [c for c in ("name_zh", "name_en", "name") if c in frame.columns]
        if not names:
            continue
        ids = [c for c in frame.columns if c.endswith("_id") and c != "project_id" or c == "id"]
        # whole columns as text at once; one light loop joins each row's parts
        columns = [frame[c].astype(object).where(frame[c].notna(), "").astype(str).tolist()
                   for c in names + ids]
        suffix = f" [{layer.title(lang)}]"
        pids = layer.project_ids.tolist()
        for row, parts in enumerate(zip(*columns)):
            named = [p for p in parts[: len(names)] if p]
            if not named or set(named) <= project_names.get(pids[row], set()):
                continue  # unnamed, or named like its project: the project's entry finds it
            text = " · ".join(dict.fromkeys(named)) + suffix
            entries.setdefault(text, []).append((layer.key, row))
    for pid, project in workspace.projects.items():
        text = " · ".join(x for x in (project.name_zh, project.name_en, pid) if x)
        entries.setdefault(text, []).extend(by_project.get(pid, []))
        project_of[text] = pid
    return [(text, features, project_of.get(text)) for text, features in entries.items()]


def view_features(workspace, text: str, project_id: str | None) -> list[tuple[str, int]]:
    """Features of the viewport-driven layers a search means, read into their frames: the
    project's (a project entry), else those whose name or id contains ``text``."""
    from parksgis.qt.register_link import VIEW_FEATURES_LIMIT, features_of_projects
    from parksgis.render.view_frames import bring

    layers = [layer for layer in workspace.layers if layer.view is not None and layer.kind.value != "basemap"]
    if not layers:
        return []
    if project_id is not None:
        return [f for f in features_of_projects(workspace, [project_id])
                if workspace.layer(f[0]).view is not None]
    found = []
    for layer in layers:
        columns = [c for c in layer.frame.columns if c in ("name_zh", "name_en", "name", "id")
                   or c.endswith("_id") and c != "project_id"]
        if columns:
            fids = layer.view.source.matching_ids(layer.view.table, columns, text.strip(), [])
            found += [(layer.key, row) for row in bring(layer, fids[:VIEW_FEATURES_LIMIT])]
    return found


class SearchBox(QtWidgets.QLineEdit):
    """A line edit with a contains-completer; Enter takes the first hit. It sits in the menu bar's
    corner, not in a toolbar, so no toolbar overflow (») can hide it at 1280 px."""

    found = QtCore.Signal(list)      # features to select and zoom to
    not_found = QtCore.Signal(str)   # the text, or a project with no features

    def __init__(self, parent=None):
        super().__init__(parent)
        follow_language(self, self.retranslate)
        self.setObjectName("search_box")
        self.setMinimumWidth(300)
        self.setClearButtonEnabled(True)
        self.items = QtGui.QStandardItemModel(self)
        self.completer_ = QtWidgets.QCompleter(self.items, self)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(12)
        self.setCompleter(self.completer_)
        popup = self.completer_.popup()
        popup.setTextElideMode(Qt.TextElideMode.ElideNone)  # whole names, never "临港污水处…"
        popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.completer_.activated[QtCore.QModelIndex].connect(self._on_activated)
        self.returnPressed.connect(self.take_first)
        self.retranslate()

    def sizeHint(self) -> QtCore.QSize:
        # the menu bar lays its corner widget out by size hint, not minimum size
        hint = super().sizeHint()
        return QtCore.QSize(max(hint.width(), self.minimumWidth()), hint.height())

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Search a project or feature: name or id"))

    def set_workspace(self, workspace, lang: str = "zh") -> None:
        """Remember what to search; the list is built when the box is first used (100k features
        would otherwise add a second to every open)."""
        self._source = (workspace, lang)
        self.items.clear()

    def ensure_items(self) -> None:
        source = getattr(self, "_source", None)
        if source is None:
            return
        self._source = None
        widest = 0
        metrics = self.completer_.popup().fontMetrics()
        self._workspace = source[0]
        for text, features, project_id in search_entries(*source):
            item = QtGui.QStandardItem(text)
            item.setData(features, FEATURES_ROLE)
            item.setData(project_id, PROJECT_ROLE)
            self.items.appendRow(item)
            widest = max(widest, metrics.horizontalAdvance(text))
        # the popup as wide as its longest suggestion (up to most of the screen), not the box
        screen = self.screen().availableGeometry().width() if self.screen() else 1280
        self.completer_.popup().setMinimumWidth(min(widest + 40, int(screen * 0.8)))

    def focusInEvent(self, event) -> None:
        self.ensure_items()
        super().focusInEvent(event)

    def inputMethodEvent(self, event) -> None:
        self.ensure_items()
        super().inputMethodEvent(event)

    def keyPressEvent(self, event) -> None:
        self.ensure_items()
        super().keyPressEvent(event)

    def matches(self, text: str) -> list[QtGui.QStandardItem]:
        self.ensure_items()
        text = text.strip().lower()
        return [self.items.item(i) for i in range(self.items.rowCount())
                if text and text in self.items.item(i).text().lower()]

    def take_first(self) -> None:
        hits = self.matches(self.text())
        if hits:
            self._go(hits[0].text(), hits[0].data(FEATURES_ROLE), hits[0].data(PROJECT_ROLE))
        else:  # no project or in-memory feature: the big layers' sources may have it
            self._go(self.text(), [], None, search_sources=bool(self.text().strip()))

    def _on_activated(self, index: QtCore.QModelIndex) -> None:
        self._go(index.data(), index.data(FEATURES_ROLE), index.data(PROJECT_ROLE))

    def _go(self, text: str, features, project_id=None, search_sources: bool = False) -> None:
        workspace = getattr(self, "_workspace", None)
        if workspace is not None and (project_id is not None or search_sources):
            features = list(features or []) + view_features(workspace, text, project_id)
        if features:
            self.found.emit(list(features))
        else:
            self.not_found.emit(text)
