"""Peer renderers timed on the same files as parksgis: geopandas + matplotlib, and QGIS."""
