"""Imagery controls in the layer tree's menu: zoom to, opacity, brightness, contrast, zoom range.

Each control sets the ImageryLayer's attribute; the map follows the layer's ``changed`` signal.
"""

from __future__ import annotations

from typing import Callable

from PySide6 import QtCore, QtWidgets

from parksgis.qt.i18n import TranslationContext

Qt = QtCore.Qt
NO_LIMIT = 0  # a scale box at 0 means "no limit" that way


class ImageryControls(TranslationContext):
    """The translation context of this module's texts: ``ImageryControls.tr("text")``."""


def slider_action(menu: QtWidgets.QMenu, label: str, name: str, bounds: tuple[int, int], value: int,
                  on_change: Callable[[int], None]) -> QtWidgets.QWidgetAction:
    """A labelled horizontal slider inside a menu (``name`` is the slider's objectName)."""
    box = QtWidgets.QWidget(menu)
    row = QtWidgets.QHBoxLayout(box)
    row.setContentsMargins(24, 2, 8, 2)
    row.addWidget(QtWidgets.QLabel(label, box))
    slider = QtWidgets.QSlider(Qt.Orientation.Horizontal, box)
    slider.setObjectName(name)
    slider.setRange(*bounds)
    slider.setValue(value)
    slider.valueChanged.connect(on_change)
    row.addWidget(slider)
    action = QtWidgets.QWidgetAction(menu)
    action.setDefaultWidget(box)
    return action


def _scale_range_action(menu: QtWidgets.QMenu, layer) -> QtWidgets.QWidgetAction:
    """Two scale boxes: shown from 1:[low] (most zoomed in) to 1:[high] (most zoomed out)."""
    box = QtWidgets.QWidget(menu)
    row = QtWidgets.QHBoxLayout(box)
    row.setContentsMargins(24, 2, 8, 2)
    row.addWidget(QtWidgets.QLabel(ImageryControls.tr("Visible from 1:"), box))
    spins = []
    for name, value in (("min_scale", layer.zoom_range[0]), ("max_scale", layer.zoom_range[1])):
        spin = QtWidgets.QSpinBox(box, objectName=name)
        spin.setRange(NO_LIMIT, 10_000_000)
        spin.setSingleStep(500)
        spin.setSpecialValueText(ImageryControls.tr("any"))
        spin.setValue(int(value or NO_LIMIT))
        spins.append(spin)
    row.addWidget(spins[0])
    row.addWidget(QtWidgets.QLabel(ImageryControls.tr("to 1:"), box))
    row.addWidget(spins[1])

    def apply(*_):
        low, high = (spin.value() or None for spin in spins)
        if low is not None and high is not None and low > high:
            return  # half-typed: wait until the range makes sense
        layer.zoom_range = (low, high)

    for spin in spins:
        spin.valueChanged.connect(apply)
    action = QtWidgets.QWidgetAction(menu)
    action.setDefaultWidget(box)
    return action


def fill_imagery_menu(menu: QtWidgets.QMenu, layers: list, zoom_to: Callable[[list], None]) -> None:
    """Zoom to ``layers``; for one layer also its opacity, brightness, contrast and scale range."""
    menu.addAction(ImageryControls.tr("Zoom to"), lambda: zoom_to(layers))
    if len(layers) != 1:
        return
    layer = layers[0]
    menu.addSeparator()
    menu.addAction(slider_action(menu, ImageryControls.tr("Opacity"), "opacity_slider", (0, 100),
                                 round(layer.opacity * 100), lambda v: setattr(layer, "opacity", v / 100)))
    menu.addAction(slider_action(menu, ImageryControls.tr("Brightness"), "brightness_slider", (-100, 100),
                                 round(layer.brightness * 100), lambda v: setattr(layer, "brightness", v / 100)))
    menu.addAction(slider_action(menu, ImageryControls.tr("Contrast"), "contrast_slider", (0, 400),
                                 round(layer.contrast * 100), lambda v: setattr(layer, "contrast", v / 100)))
    menu.addAction(_scale_range_action(menu, layer))
    menu.addAction(ImageryControls.tr("Reset brightness and contrast"),
                   lambda: (setattr(layer, "brightness", 0.0), setattr(layer, "contrast", 1.0)))


class ImagerySwipeBar(QtWidgets.QToolBar):
    """Compare imagery by swipe: left of the handle, the imagery flown by the chosen day; right of
    it, the imagery of the day the map shows. Shown from View ▸ Compare imagery (swipe)."""

    def __init__(self, parent=None):
        super().__init__(parent, objectName="imagery_swipe_bar")
        self.renderer = None
        self.label = QtWidgets.QLabel(self)
        self.date_edit = QtWidgets.QDateEdit(self, objectName="swipe_date", calendarPopup=True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QtCore.QDate.currentDate())
        self.slider = QtWidgets.QSlider(Qt.Orientation.Horizontal, self, objectName="swipe_position")
        self.slider.setRange(0, 100)
        self.slider.setValue(50)
        self.slider.setMaximumWidth(320)
        for widget in (self.label, self.date_edit, self.slider):
            self.addWidget(widget)
        self.date_edit.dateChanged.connect(self.apply)
        self.slider.valueChanged.connect(self.apply)
        self.visibilityChanged.connect(self.apply)
        self.toggleViewAction().setObjectName("compare_imagery")
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setWindowTitle(ImageryControls.tr("Compare imagery (swipe)"))
        self.toggleViewAction().setText(ImageryControls.tr("Compare imagery (swipe)"))
        self.label.setText(ImageryControls.tr("Left of the line: imagery flown by"))

    def set_renderer(self, renderer) -> None:
        """Follow a new map (a new workspace); the swipe carries over."""
        self.renderer = renderer
        self.apply()

    def apply(self, *_) -> None:
        if self.renderer is None:
            return
        swipe = (self.date_edit.date().toPython(), self.slider.value() / 100) if self.isVisible() else None
        if swipe != self.renderer.imagery_swipe:
            self.renderer.imagery_swipe = swipe
            self.renderer.changed.emit()
