"""When an edit meets a field someone else changed since the form showed it: both values, and
the user's choice — keep theirs, apply mine anyway, or go back and edit.

Raised as :class:`~parksgis.store.errors.StaleEditError` by every register backend (the SQLite
register of a folder or pack, the shared PostgreSQL register), so this one dialog serves all.
Nothing was written when it opens; nothing is written unless "Apply mine" is chosen.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from parksgis.qt.register_texts import field_label, local_time, value_text

KEEP_THEIRS, APPLY_MINE, EDIT = "keep_theirs", "apply_mine", "edit"


class StaleEditDialog(QtWidgets.QDialog):
    """``choice`` is one of KEEP_THEIRS, APPLY_MINE, EDIT after exec()."""

    def __init__(self, error, scheme=None, lang: str = "zh", parent=None):
        super().__init__(parent, objectName="stale_edit_dialog")
        self.error, self.choice = error, EDIT
        self.setWindowTitle(self.tr("Changed by someone else"))
        intro = QtWidgets.QLabel(self.tr(
            "Project %1 changed after you opened it. Nothing was saved. Compare the values and "
            "choose which to keep.").replace("%1", error.project_id), self, wordWrap=True)
        self.table = QtWidgets.QTableWidget(len(error.fields), 4, self, objectName="stale_table")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Yours"),
                                              self.tr("Now in the register"), self.tr("Changed by")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        for i, stale in enumerate(error.fields):
            who = ", ".join(x for x in (stale.changed_by, local_time(stale.changed_at)) if x)
            for column, text in enumerate([field_label(stale.field), value_text(stale.field, stale.new, scheme, lang),
                                           value_text(stale.field, stale.current, scheme, lang), who or "—"]):
                self.table.setItem(i, column, QtWidgets.QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.buttons = QtWidgets.QDialogButtonBox(self)
        self.keep_button = self.buttons.addButton(self.tr("Keep theirs"),
                                                  QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button = self.buttons.addButton(self.tr("Apply mine"),
                                                   QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.edit_button = self.buttons.addButton(self.tr("Edit"), QtWidgets.QDialogButtonBox.ButtonRole.ResetRole)
        for button, choice in ((self.keep_button, KEEP_THEIRS), (self.apply_button, APPLY_MINE),
                               (self.edit_button, EDIT)):
            button.setObjectName(f"{choice}_button")
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        self.edit_button.setDefault(True)  # the safe default: nothing overwritten, nothing lost
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(620, 240)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.done(QtWidgets.QDialog.DialogCode.Accepted if choice == APPLY_MINE else
                  QtWidgets.QDialog.DialogCode.Rejected)
