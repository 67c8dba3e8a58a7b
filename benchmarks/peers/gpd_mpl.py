"""geopandas + matplotlib peer: read the layers, GeoDataFrame.plot(), save a 1920x1080 Agg PNG.

    python -m benchmarks.peers.gpd_mpl OUT.png plots.geojson roads.geojson utilities.geojson

Prints one JSON line: import_s, read_s (all layers), read_plots_s, plot_s (building the
artists), draw_s (Agg rasterisation), save_s (PNG encode), total_s (script start .. saved).
Styling follows the QGIS peer: plots by status, roads dark lines, utilities small blue dots.
"""

import time

T_START = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import geopandas  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

T_IMPORTED = time.perf_counter()

STATUS_COLORS = {"planned": "#9ecae1", "approved": "#31a354", "under_construction": "#fd8d3c",
                 "completed": "#756bb1", "suspended": "#de2d26"}


def main(argv):
    out, paths = argv[0], argv[1:]
    t0 = time.perf_counter()
    frames = []
    read_plots_s = None
    for path in paths:
        t = time.perf_counter()
        frames.append(geopandas.read_file(path))
        if read_plots_s is None:
            read_plots_s = time.perf_counter() - t
    read_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    fig = plt.figure(figsize=(19.2, 10.8), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    for frame in frames:
        kind = frame.geom_type.iloc[0] if len(frame) else ""
        if "Polygon" in kind and "status" in frame.columns:
            colors = frame["status"].map(STATUS_COLORS).fillna("#cccccc")
            frame.plot(ax=ax, color=colors, edgecolor="#404040", linewidth=0.3)
        elif "Line" in kind:
            frame.plot(ax=ax, color="#303030", linewidth=1.5)
        else:
            frame.plot(ax=ax, color="#1f78b4", markersize=4)
    ax.set_aspect("equal")
    plot_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    fig.canvas.draw()
    draw_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    fig.savefig(out, dpi=100)
    save_s = time.perf_counter() - t0
    total_s = time.perf_counter() - T_START
    print(json.dumps(dict(import_s=T_IMPORTED - T_START, read_s=read_s, read_plots_s=read_plots_s,
                          plot_s=plot_s, draw_s=draw_s, save_s=save_s, total_s=total_s)))


if __name__ == "__main__":
    main(sys.argv[1:])
