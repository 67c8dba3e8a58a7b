"""parksgis — a desktop GIS viewer for the Zhuhai–Yangjiang co-built industrial parks.

Data flows one way: files -> io -> model -> render -> qt / export.
``model``, ``io``, ``store`` and ``pack`` never import Qt.
"""

__version__ = "0.1.0"
