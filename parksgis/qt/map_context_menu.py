"""The map's right-click menu: identify here, copy coordinates, zoom here, measure from here,
select features here — what a QGIS user reaches for under the pointer."""

from __future__ import annotations

from PySide6 import QtWidgets

from parksgis.qt.i18n import TranslationContext
from parksgis.render.geometry import transformer

CGCS2000_GK_111E = "EPSG:4546"


class MapContextMenu(TranslationContext):
    """The translation context of this module's texts: ``MapContextMenu.tr("text")``."""


def coordinates_text(canvas, x: float, y: float) -> str:
    """``lon, lat (WGS84)`` and ``x, y (CGCS2000 / 3-degree GK CM 111E)`` of a display point."""
    lon, lat = canvas.geometry.lonlat(x, y)
    gx, gy = transformer("EPSG:4326", CGCS2000_GK_111E).transform(lon, lat)
    return (f"{lon:.6f}, {lat:.6f} (WGS84)\n"
            f"{gx:.2f}, {gy:.2f} (CGCS2000 / 3-degree GK CM 111E, {CGCS2000_GK_111E})")


def build_menu(canvas, x: float, y: float) -> QtWidgets.QMenu:
    """The menu for display point (x, y); each action acts at that point."""
    menu = QtWidgets.QMenu(canvas, objectName="map_context_menu")
    top = canvas.top_feature(x, y)
    identify = menu.addAction(MapContextMenu.tr("&Identify here"), lambda: canvas.selection.set([top]))
    identify.setEnabled(top is not None)
    menu.addAction(MapContextMenu.tr("&Copy coordinates"),
                   lambda: QtWidgets.QApplication.clipboard().setText(coordinates_text(canvas, x, y)))
    menu.addSeparator()
    menu.addAction(MapContextMenu.tr("&Zoom in here"), lambda: canvas.zoom_at(x, y, 0.5))
    menu.addAction(MapContextMenu.tr("&Measure from here"), lambda: canvas.start_measure_at(x, y))
    hits = [(layer.key, row) for layer, row in canvas.pick(x, y)
            if layer.kind.value not in ("basemap", "boundary")]
    select = menu.addAction(MapContextMenu.tr("&Select features here (%1)").replace("%1", str(len(hits))),
                            lambda: canvas.selection.set(hits))
    select.setEnabled(bool(hits))
    return menu
