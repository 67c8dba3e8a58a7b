"""The first view of a source: the parks (a pack: its park) with a small margin, or the view the
user last had on that same source (per folder, pack or server, in the user's settings)."""

from __future__ import annotations

import hashlib

from PySide6 import QtCore

PARKS_MARGIN = 0.08  # of the parks' extent, each side: room for the north arrow and scale bar


def source_key(workspace) -> str | None:
    """A settings key for what is open (its folder / pack path or server), None when unknown."""
    source = (workspace.meta or {}).get("source") if workspace is not None else None
    if not source:
        return None
    return "views/" + hashlib.sha1(str(source).encode("utf-8")).hexdigest()[:16]


def save_view(settings: QtCore.QSettings, workspace, display_crs: str, rect: QtCore.QRectF) -> None:
    key = source_key(workspace)
    if key is not None and rect.isValid():
        settings.setValue(key, [display_crs, rect.x(), rect.y(), rect.width(), rect.height()])


def saved_view(settings: QtCore.QSettings, workspace, display_crs: str) -> QtCore.QRectF | None:
    """The view last saved for this source in this display CRS, or None."""
    key = source_key(workspace)
    value = settings.value(key) if key is not None else None
    try:
        crs, x, y, w, h = value
        rect = QtCore.QRectF(float(x), float(y), float(w), float(h))
    except (TypeError, ValueError):
        return None
    return rect if crs == display_crs and rect.isValid() else None


def parks_rect(canvas, workspace) -> QtCore.QRectF | None:
    """The extent of every layer but the basemap (the parks' plots, roads, utilities, boundaries)."""
    rect = None
    for layer in workspace.layers:
        if layer.kind.value == "basemap" or not layer.feature_count:
            continue
        bounds = canvas.geometry.bounds(layer)
        if bounds is not None and bounds.isValid():
            rect = bounds if rect is None else rect.united(bounds)
    return rect


def first_view(canvas, settings, workspace, display_crs: str) -> None:
    """Show the remembered view of ``workspace``'s source, else its parks, else everything."""
    rect = saved_view(settings, workspace, display_crs)
    if rect is not None:
        canvas.view_box.setRange(rect=rect, padding=0)
        return
    rect = parks_rect(canvas, workspace)
    if rect is None:
        canvas.zoom_all()
    else:
        canvas.zoom_to_rect(rect, margin=PARKS_MARGIN)
