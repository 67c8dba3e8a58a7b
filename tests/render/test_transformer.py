"""The display transformers: made once, remade in a millisecond in every other thread, and
giving exactly the coordinates PROJ's own choice of operation gives."""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest
from pyproj import Transformer

from parksgis.render import proj_choices
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


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty per-user cache folder and no transformer made yet in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    transformer.cache_clear()
    yield tmp_path / "cache" / "parksgis" / proj_choices.FILE_NAME
    transformer.cache_clear()


def test_proj_s_choice_is_remembered_for_the_next_process_and_gives_the_same_coordinates(fresh_cache):
    rng = np.random.default_rng(5)
    lon, lat = rng.uniform(109.0, 114.0, 500), rng.uniform(20.0, 23.0, 500)
    chosen = Transformer.from_crs("EPSG:4326", "EPSG:4546", always_xy=True).transform(lon, lat)
    first = transformer("EPSG:4326", "EPSG:4546")
    entries = json.loads(fresh_cache.read_text(encoding="utf-8"))
    key = proj_choices.operation_key("EPSG:4326", "EPSG:4546")
    assert entries == {key: first.definition}
    assert "PROJ " in key and "proj.db" in key  # the PROJ and database that chose it
    transformer.cache_clear()  # as a new process: made from the remembered text
    again = transformer("EPSG:4326", "EPSG:4546")
    assert again is not first and again.definition == first.definition
    assert np.array_equal(again.transform(lon, lat), chosen)


def test_an_entry_of_another_proj_is_not_used_and_a_damaged_file_is_written_again(fresh_cache):
    fresh_cache.parent.mkdir(parents=True)
    key = proj_choices.operation_key("EPSG:4326", "EPSG:4546")
    wrong = "proj=pipeline step proj=unitconvert xy_in=deg xy_out=rad step proj=merc ellps=GRS80"
    fresh_cache.write_text(json.dumps({key.replace("PROJ ", "PROJ 0.0 "): wrong}), encoding="utf-8")
    assert transformer("EPSG:4326", "EPSG:4546").definition != wrong
    assert json.loads(fresh_cache.read_text(encoding="utf-8"))[key] != wrong
    transformer.cache_clear()
    fresh_cache.write_text('{"half a file', encoding="utf-8")
    x, y = transformer("EPSG:4326", "EPSG:4546").transform(111.5, 21.8)
    assert 450_000 < x < 600_000 and 2_300_000 < y < 2_500_000
    assert key in json.loads(fresh_cache.read_text(encoding="utf-8"))
