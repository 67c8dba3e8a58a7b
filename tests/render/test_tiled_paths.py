"""Tiled style paths: every path, built many to a stream, holds exactly its features' rings."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from parksgis.render.geometry import build_tiled_paths, flatten, path_from_flat, tile_ids


def _elements(path) -> list[tuple[int, float, float]]:
    out = []
    for i in range(path.elementCount()):
        element = path.elementAt(i)
        out.append((int(element.type.value), element.x, element.y))
    return out


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_each_tiled_path_holds_the_rings_of_its_group_and_tile_in_order(qapp, monkeypatch, seed):
    from parksgis.render import geometry

    monkeypatch.setattr(geometry, "PATH_BATCH_VERTICES", 1000)  # several batches of paths
    rng = np.random.default_rng(seed)
    n = 3000  # some with holes
    shapes = []
    for i in range(n):
        x, y, s = rng.uniform(0, 10_000), rng.uniform(0, 10_000), rng.uniform(5, 60)
        if i % 9 == 0:  # a ring with a hole
            shapes.append(shapely.box(x, y, x + s, y + s).difference(
                shapely.box(x + s / 4, y + s / 4, x + s / 2, y + s / 2)))
        else:
            a = np.sort(rng.uniform(0, 2 * np.pi, rng.integers(3, 12)))
            shapes.append(shapely.Polygon(np.column_stack([x + s * np.cos(a), y + s * np.sin(a)])))
    geoms = np.array(shapes, dtype=object)
    rows = np.arange(n)
    flat = flatten(geoms, rows)
    bounds = shapely.bounds(geoms)
    tiles = tile_ids(bounds, n)
    groups = rng.integers(-1, 4, n)  # -1: hidden
    built = build_tiled_paths(flat, groups, tiles, 4)
    assert sum(len(t.paths) for t in built) > 40
    for g, tiled in enumerate(built):
        assert len(tiled.paths) == len(tiled.tiles) == len(tiled.bounds)
        for path, tile, box in zip(tiled.paths, tiled.tiles, tiled.bounds):
            members = rows[(groups == g) & (tiles == tile)]
            expected = path_from_flat(flat.xy[np.isin(flat.feature, members)],
                                      flat.ring[np.isin(flat.feature, members)])
            assert _elements(path) == _elements(expected)
            xy = flat.xy[np.isin(flat.feature, members)]
            assert tuple(box) == (xy[:, 0].min(), xy[:, 1].min(), xy[:, 0].max(), xy[:, 1].max())
    shown = {int(r) for r in rows[groups >= 0]}
    drawn = sum(path.elementCount() for t in built for path in t.paths)
    assert drawn == int(np.isin(flat.feature, list(shown)).sum())
