"""The "as of" date control and the list of what changed between two dates.

Setting a day swaps the workspace's projects for the register as it stood at the end of that day
(``RegisterLink.show_as_of`` → ``Workspace.show_as_of``); map, legend, table and dashboard all
read ``workspace.projects``, so they follow together. "Today" returns to the current register.
"Compare with…" lists the projects whose status changed between a second day and the shown day
(newly started, completed, suspended, other), highlights their features on the map through the
renderer's highlight, and a click on a row selects and zooms to that project's features.
"""

from __future__ import annotations

from datetime import date

from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.qt.register_link import features_of_projects, register_today
from parksgis.store.timeline import COMPLETED, OTHER, STARTED, SUSPENDED
from parksgis.qt.i18n import follow_language

Qt = QtCore.Qt
KIND_ORDER = (STARTED, COMPLETED, SUSPENDED, OTHER)


def _qdate(day: date) -> QtCore.QDate:
    return QtCore.QDate(day.year, day.month, day.day)


class AsOfBar(QtWidgets.QWidget):
    """Date edit, Today, Compare-with check and second date; owns the changes list widget."""

    zoom_to_features = QtCore.Signal(list)

    def __init__(self, selection, link, parent=None):
        super().__init__(parent)
        follow_language(self, self._language_changed)
        self.setObjectName("as_of_bar")
        self.selection, self.link = selection, link
        self.workspace = None
        self.renderer = None
        self.lang = "zh"
        self.changes: list = []
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.label = QtWidgets.QLabel(self)
        self.date_edit = QtWidgets.QDateEdit(self, objectName="as_of_date")
        self.compare_check = QtWidgets.QCheckBox(self, objectName="compare_check")
        self.compare_edit = QtWidgets.QDateEdit(self, objectName="compare_date")
        for edit in (self.date_edit, self.compare_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.today_button = QtWidgets.QPushButton(self, objectName="today_button")
        for widget in (self.label, self.date_edit, self.today_button, self.compare_check, self.compare_edit):
            layout.addWidget(widget)
        self.changes_list = QtWidgets.QListWidget(objectName="changes_list")
        self._reset_dates()
        self.date_edit.dateChanged.connect(self._on_date)
        self.today_button.clicked.connect(self.show_today)
        self.compare_check.toggled.connect(self._on_compare)
        self.compare_edit.dateChanged.connect(self._on_compare)
        self.changes_list.itemClicked.connect(self._on_item)
        link.state_changed.connect(self._on_register_state)
        self.retranslate()

    # -- model following ------------------------------------------------------------------------------
    def set_workspace(self, workspace, renderer) -> None:
        self.workspace, self.renderer = workspace, renderer
        blockers = [QtCore.QSignalBlocker(w) for w in (self.date_edit, self.compare_edit, self.compare_check)]
        self._reset_dates()
        self.compare_check.setChecked(False)
        del blockers
        self.changes = []
        self._fill_list()
        self._enable()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self._fill_list()

    def _language_changed(self) -> None:
        self.retranslate()
        self._fill_list()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Status as of"))
        self.today_button.setText(self.tr("Today"))
        self.compare_check.setText(self.tr("Compare with…"))
        self.date_edit.setToolTip(self.tr("Map, legend, table and dashboard show each project's status "
                                          "at the end of this day"))
        self.compare_edit.setToolTip(self.tr("List and highlight the projects whose status changed "
                                             "between this day and the day shown"))
        for widget in (self.label, self.today_button, self.compare_check):  # whole words, never "Compare wi…"
            widget.setMinimumWidth(widget.sizeHint().width())
        self.adjustSize()  # the toolbar holding the bar lays it out again for the new texts

    def _reset_dates(self) -> None:
        today = _qdate(register_today())
        for edit in (self.date_edit, self.compare_edit):
            edit.setMaximumDate(today)
        self.date_edit.setDate(today)
        self.compare_edit.setDate(today.addMonths(-1))

    def _enable(self) -> None:
        has_register = self.link.backend is not None
        for widget in (self.date_edit, self.today_button, self.compare_check):
            widget.setEnabled(has_register)
        self.compare_edit.setEnabled(has_register and self.compare_check.isChecked())

    # -- the shown day --------------------------------------------------------------------------------
    @property
    def day(self) -> date | None:
        """The day shown, None for today."""
        return self.workspace.as_of if self.workspace is not None else None

    def set_day(self, day: date | None) -> None:
        self.date_edit.setDate(_qdate(day or register_today()))

    def show_today(self) -> None:
        self.set_day(None)

    def _on_date(self, qdate: QtCore.QDate) -> None:
        self.link.show_as_of(qdate.toPython())
        if self.compare_check.isChecked():
            self.update_changes()

    def _on_register_state(self) -> None:
        self._enable()
        if self.compare_check.isChecked():
            self.update_changes()

    # -- comparing ------------------------------------------------------------------------------------
    def _on_compare(self, *_args) -> None:
        self._enable()
        self.update_changes()

    def update_changes(self) -> None:
        """Recompute the changes list and the map highlight (cleared when comparing is off)."""
        if self.compare_check.isChecked() and self.link.backend is not None:
            self.changes = self.link.compare(self.compare_edit.date().toPython(), self.day)
        else:
            self.changes = []
        self._fill_list()
        if self.renderer is not None:
            ids = [c.project_id for c in self.changes]
            self.renderer.highlight = features_of_projects(self.workspace, ids)

    def _kind_label(self, kind: str) -> str:
        return {STARTED: self.tr("Newly started"), COMPLETED: self.tr("Completed"),
                SUSPENDED: self.tr("Suspended"), OTHER: self.tr("Other changes")}[kind]

    def _fill_list(self) -> None:
        self.changes_list.clear()
        if not self.compare_check.isChecked() or self.workspace is None:
            return
        if not self.changes:
            self.changes_list.addItem(self.tr("No status changed between these days."))
            return
        scheme = self.workspace.scheme
        label = lambda code: scheme[code].label(self.lang) if code in scheme else code  # noqa: E731
        for kind in KIND_ORDER:
            group = [c for c in self.changes if c.kind == kind]
            if not group:
                continue
            heading = QtWidgets.QListWidgetItem(f"{self._kind_label(kind)} ({len(group)})")
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.changes_list.addItem(heading)
            for change in group:
                project = self.workspace.projects.get(change.project_id)
                name = project.name(self.lang) if project else ""
                item = QtWidgets.QListWidgetItem(
                    f"  {change.project_id}  {name}: {label(change.before)} → {label(change.after)}")
                item.setData(Qt.ItemDataRole.UserRole, change.project_id)
                if change.after in scheme:
                    pixmap = QtGui.QPixmap(12, 12)
                    pixmap.fill(QtGui.QColor(scheme[change.after].color))
                    item.setIcon(QtGui.QIcon(pixmap))
                self.changes_list.addItem(item)

    def listed_changes(self) -> dict[str, list[str]]:
        """{kind: [project ids]} as listed (what tests and briefings read)."""
        out: dict[str, list[str]] = {}
        for change in self.changes:
            out.setdefault(change.kind, []).append(change.project_id)
        return out

    def _on_item(self, item: QtWidgets.QListWidgetItem) -> None:
        pid = item.data(Qt.ItemDataRole.UserRole)
        if not pid:
            return
        features = features_of_projects(self.workspace, [pid])
        if features:
            self.selection.set(features)
            self.zoom_to_features.emit(features)
