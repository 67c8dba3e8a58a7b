"""Geometry to QPainterPath, map graphics items, briefing layout and export. QtGui only."""
