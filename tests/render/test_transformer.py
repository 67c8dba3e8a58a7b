"""The display transformers: made once, remade in a millisecond in every other thread, and
giving exactly the coordinates PROJ's own choice of operation gives."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from pyproj import Transformer

from parksgis.render.geometry import transformer


@pytest.mark.parametrize("crs", ["EPSG:4546", "EPSG:3857", "EPSG:32649", "EPSG:4490"])
def test_a_display_transformer_gives_what_proj_chooses_in_every_thread(crs):
    rng = np.random.default_rng(3)
    lon, lat = rng.uniform(109.0, 114.0, 500), rng.uniform(20.0, 23.0, 500)
    chosen = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    ours = transformer("EPSG:4326", crs)
    expected = chosen.transform(lon, lat)
    got = {}

    def in_another_thread():
        got["xy"] = ours.transform(lon, lat)
        got["back"] = ours.transform(*got["xy"], direction="INVERSE")

    thread = threading.Thread(target=in_another_thread)
    thread.start()
    thread.join()
    assert np.array_equal(got["xy"], expected)
    assert np.array_equal(got["back"], chosen.transform(*expected, direction="INVERSE"))
    assert np.array_equal(ours.transform(lon, lat), expected)


def test_the_parks_transformer_is_a_pipeline_other_threads_remake_without_a_lookup():
    ours = transformer("EPSG:4326", "EPSG:4546")
    assert ours.definition.startswith("proj=pipeline")
    # what pyproj remakes it from in another thread (no database look-up)
    assert type(ours._transformer_maker).__name__ == "TransformerFromPipeline"
