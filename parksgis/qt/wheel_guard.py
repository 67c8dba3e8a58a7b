"""The mouse wheel changes a value only in the field that has the focus.

A form inside a scroll area is scrolled with the wheel; a spin box, combo box or date field that
passes under the pointer on the way must not take the wheel and change a value (45 → 43 %) the
user never meant to touch. Guarded fields take the wheel once clicked (focused); until then the
wheel scrolls the area around them, as in QGIS's attribute forms.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

Qt = QtCore.Qt
VALUE_WIDGETS = (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox, QtWidgets.QAbstractSlider)


class WheelGuard(QtCore.QObject):
    """Event filter: wheel events over an unfocused value field scroll ``scroll_area`` instead."""

    def __init__(self, scroll_area: QtWidgets.QAbstractScrollArea):
        super().__init__(scroll_area)
        self.scroll_area = scroll_area

    def guard(self, root: QtWidgets.QWidget) -> None:
        """Guard every value field under ``root`` (and ``root`` itself if it is one)."""
        fields = [root] if isinstance(root, VALUE_WIDGETS) else []
        for kind in VALUE_WIDGETS:
            fields += root.findChildren(kind)
        for field in fields:
            if field.window() is not root.window():  # a calendar popup's year box: its own window
                continue
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel does not give focus
            field.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QtCore.QEvent.Type.Wheel and not watched.hasFocus():
            QtCore.QCoreApplication.sendEvent(self.scroll_area.verticalScrollBar(), event)
            return True
        return super().eventFilter(watched, event)
