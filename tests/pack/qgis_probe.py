"""Run by the system Python with QGIS (tests/pack/test_qgis_pack.py): what QGIS sees in a pack.

Usage: qgis_probe.py PACK OUT.png — prints one JSON object: the status layer's default style
(renderer, attribute, categories), the styles stored for it, each feature's status as QGIS reads
it, the stored project's layer tree and layer validity; renders the stored project to OUT.png.
"""

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsLayerTreeGroup, QgsMapRendererParallelJob,  # noqa: E402
                       QgsMapSettings, QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402
from qgis.PyQt.QtXml import QDomDocument  # noqa: E402


def categories(renderer) -> list:
    return [[c.value() if isinstance(c.value(), str) else "", c.label(), c.symbol().color().name()]
            for c in renderer.categories()]


def main(pack: str, png: str, layer_name: str) -> dict:
    out: dict = {}
    layer = QgsVectorLayer(f"{pack}|layername={layer_name}", layer_name, "ogr")
    out["valid"] = layer.isValid()
    renderer = layer.renderer()
    out["renderer"] = renderer.type()
    if renderer.type() == "categorizedSymbol":
        out["attribute"] = renderer.classAttribute()
        out["categories"] = categories(renderer)
    count, ids, names, descriptions, error = layer.listStylesInDatabase()
    out["styles"] = list(names)[:count]  # those of this layer come first
    english = QgsVectorLayer(f"{pack}|layername={layer_name}", layer_name, "ogr")
    qml, _error = english.getStyleFromDatabase(ids[names.index("parksgis project status (English)")])
    document = QDomDocument()
    document.setContent(qml)
    english.importNamedStyle(document)
    out["categories_en"] = categories(english.renderer())
    out["status"] = {str(f["name_zh"]): f["parksgis_status"] if isinstance(f["parksgis_status"], str)
                     else None for f in layer.getFeatures()}

    project = QgsProject.instance()
    out["project_read"] = project.read(f"geopackage:{pack}?projectName=parksgis")
    root = project.layerTreeRoot()
    out["groups"] = [[child.name(), [node.name() for node in child.children()]]
                     for child in root.children() if isinstance(child, QgsLayerTreeGroup)]
    layers = [node.layer() for node in root.findLayers()]
    out["project_layers_valid"] = [bool(lyr and lyr.isValid()) for lyr in layers]
    out["project_renderers"] = {lyr.name(): lyr.renderer().type() for lyr in layers if lyr}
    out["project_crs"] = project.crs().authid()

    settings = QgsMapSettings()
    settings.setLayers([lyr for lyr in layers if lyr])
    settings.setDestinationCrs(project.crs())
    settings.setBackgroundColor(QColor("white"))
    settings.setOutputSize(QSize(800, 500))
    # the probed layer's features fill the picture
    extent = settings.layerExtentToOutputExtent(layer, layer.extent())
    extent.scale(1.2)
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    out["png_saved"] = job.renderedImage().save(png, "PNG")
    return out


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    try:
        result = main(sys.argv[1], sys.argv[2], sys.argv[3])
    finally:
        QgsProject.instance().clear()
    print(json.dumps(result, ensure_ascii=False))
    app.exitQgis()
