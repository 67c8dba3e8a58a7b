"""The identify panel: the current feature's project card and its attributes.

Shows the most recently selected feature (Selection.current). A feature with no ``project_id`` or
one naming a project missing from the register gets a clear note instead of an empty card.

The feature's name, its status badge and the edit form's Apply button sit in a header pinned above
a scrolling body (edit form first, then the card and the attributes): whatever is scrolled, the
user sees what they are editing. A new feature starts scrolled to the top; the wheel changes a
value only in the field that has the focus (wheel_guard).
"""

from __future__ import annotations

import math

from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.qt.wheel_guard import WheelGuard
from parksgis.qt.i18n import follow_language

Qt = QtCore.Qt


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


def _dates(start, finish) -> str:
    start, finish = _text(start), _text(finish)
    return f"{start or '…'} → {finish or '…'}" if (start or finish) else "—"


class IdentifyPanel(QtWidgets.QWidget):
    def __init__(self, selection, parent=None):
        super().__init__(parent)
        follow_language(self, self._language_changed)
        self.selection = selection
        self.workspace = None
        self.lang = "zh"
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.header = QtWidgets.QFrame(self, objectName="identify_header")
        self.header.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        header = QtWidgets.QGridLayout(self.header)
        header.setContentsMargins(8, 6, 8, 6)
        self.heading = QtWidgets.QLabel(self.header)
        self.heading.setObjectName("identify_heading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        header.addWidget(self.heading, 0, 0, 1, 2)
        self.status_badge = QtWidgets.QLabel(self.header, objectName="status_badge")
        header.addWidget(self.status_badge, 1, 0, Qt.AlignmentFlag.AlignLeft)
        self.pinned_buttons = QtWidgets.QHBoxLayout()
        header.addLayout(self.pinned_buttons, 1, 1, Qt.AlignmentFlag.AlignRight)
        outer.addWidget(self.header)

        self.scroll = QtWidgets.QScrollArea(self, widgetResizable=True, objectName="identify_scroll")
        self.scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.body = QtWidgets.QWidget(self.scroll, objectName="identify_body")
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll, 1)
        self.wheel_guard = WheelGuard(self.scroll)
        layout = QtWidgets.QVBoxLayout(self.body)
        # never squeezed below what the rows need: the scroll area scrolls instead
        layout.setSizeConstraint(QtWidgets.QLayout.SizeConstraint.SetMinimumSize)

        self.card = QtWidgets.QGroupBox(self.body)
        form = QtWidgets.QFormLayout(self.card)
        self.project_name = QtWidgets.QLabel(self.card, objectName="project_name")
        self.project_name_en = QtWidgets.QLabel(self.card, objectName="project_name_en")
        self.project_id = QtWidgets.QLabel(self.card, objectName="project_id")
        self.progress = QtWidgets.QProgressBar(self.card, objectName="progress")
        self.progress.setRange(0, 100)
        self.investment = QtWidgets.QLabel(self.card, objectName="investment")
        self.planned = QtWidgets.QLabel(self.card, objectName="planned")
        self.actual = QtWidgets.QLabel(self.card, objectName="actual")
        self.owner = QtWidgets.QLabel(self.card, objectName="owner")
        self.contractor = QtWidgets.QLabel(self.card, objectName="contractor")
        self._form_labels = {}
        for key, widget in [("name", self.project_name), ("name_en", self.project_name_en),
                            ("id", self.project_id), ("progress", self.progress),
                            ("investment", self.investment), ("planned", self.planned),
                            ("actual", self.actual), ("owner", self.owner),
                            ("contractor", self.contractor)]:
            label = QtWidgets.QLabel(self.card)
            self._form_labels[key] = label
            form.addRow(label, widget)
        layout.addWidget(self.card)

        self.no_project = QtWidgets.QLabel(self.body, objectName="no_project", wordWrap=True)
        self.no_project.setStyleSheet("color: #555; font-style: italic; padding: 6px;")
        layout.addWidget(self.no_project)

        self.attributes = QtWidgets.QTableWidget(0, 2, self.body)
        self.attributes.setObjectName("attributes")
        self.attributes.verticalHeader().hide()
        self.attributes.horizontalHeader().setStretchLastSection(True)
        self.attributes.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.attributes, 1)
        self._shown = None
        selection.changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def add_editor(self, editor, pinned_buttons=()) -> None:
        """Put an edit form first in the body, its ``pinned_buttons`` (Apply) in the header."""
        self.body.layout().insertWidget(0, editor)
        for button in pinned_buttons:
            self.pinned_buttons.addWidget(button)
        self.wheel_guard.guard(editor)

    def set_workspace(self, workspace) -> None:
        self.workspace = workspace
        workspace.projects_changed.connect(lambda *_: self.refresh())
        self.refresh()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.refresh()

    def _language_changed(self) -> None:
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.card.setTitle(self.tr("Project"))
        names = {"name": self.tr("Name"), "name_en": self.tr("English name"), "id": self.tr("Project id"),
                 "progress": self.tr("Progress"), "investment": self.tr("Investment"),
                 "planned": self.tr("Planned"), "actual": self.tr("Actual"), "owner": self.tr("Owner"),
                 "contractor": self.tr("Contractor")}
        for key, label in self._form_labels.items():
            label.setText(names[key])
        self.attributes.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])

    def refresh(self) -> None:
        current = self.selection.current
        if self.workspace is None or current is None:
            self._show_nothing()
            return
        try:
            layer = self.workspace.layer(current[0])
        except KeyError:
            self._show_nothing()
            return
        row = current[1]
        if current != self._shown:  # another feature: its form from the top, not half-scrolled
            self._shown = current
            self.scroll.verticalScrollBar().setValue(0)
        extra = len(self.selection) - 1
        heading = f"{layer.feature_name(row, self.lang)} · {layer.title(self.lang)}"
        if extra:
            heading += " " + self.tr("(+%n more selected)", "", extra)
        self.heading.setText(heading)
        self._fill_attributes(layer, row)
        project_id = layer.project_ids.iloc[row]
        project = self.workspace.projects.get(project_id) if project_id else None
        self.card.setVisible(project is not None)
        self.no_project.setVisible(project is None)
        self.status_badge.setVisible(project is not None)
        if project is None:
            self.no_project.setText(
                self.tr("No project linked to this feature.") if not project_id else
                self.tr("Project %1 is not in the register.").replace("%1", str(project_id)))
            return
        self._fill_card(project)

    def _show_nothing(self) -> None:
        self._shown = None
        self.heading.setText(self.tr("Click a feature on the map to identify it."))
        self.status_badge.hide()
        self.card.hide()
        self.no_project.hide()
        self.attributes.setRowCount(0)

    def _fill_card(self, project) -> None:
        scheme = self.workspace.scheme
        self.project_name.setText(project.name_zh or "—")
        self.project_id.setText(project.project_id)
        self.project_name_en.setText(project.name_en or "—")
        if project.status in scheme:
            status = scheme[project.status]
            color = QtGui.QColor(status.color)
            ink = "#000000" if color.lightnessF() > 0.55 else "#ffffff"
            self.status_badge.setText(f" {status.label(self.lang)} ")
            self.status_badge.setStyleSheet(
                f"background: {status.color}; color: {ink}; border-radius: 4px; padding: 2px 6px;")
        else:
            self.status_badge.setText(project.status)
            self.status_badge.setStyleSheet("")
        pct = project.progress_pct
        has_pct = pct is not None and not (isinstance(pct, float) and math.isnan(pct))
        self.progress.setValue(int(round(pct)) if has_pct else 0)
        self.progress.setFormat("%p%" if has_pct else "—")
        money = project.investment_wan_yuan
        self.investment.setText(
            self.tr("%1 10k yuan").replace("%1", f"{money:,.0f}") if money is not None and money == money else "—")
        self.planned.setText(_dates(project.planned_start, project.planned_finish))
        self.actual.setText(_dates(project.actual_start, project.actual_finish))
        self.owner.setText(project.owner or "—")
        self.contractor.setText(project.contractor or "—")

    def _fill_attributes(self, layer, row: int) -> None:
        frame = layer.frame
        columns = [c for c in frame.columns if c != frame.geometry.name]
        self.attributes.setRowCount(len(columns))
        for i, column in enumerate(columns):
            self.attributes.setItem(i, 0, QtWidgets.QTableWidgetItem(str(column)))
            self.attributes.setItem(i, 1, QtWidgets.QTableWidgetItem(_text(frame[column].iloc[row])))
