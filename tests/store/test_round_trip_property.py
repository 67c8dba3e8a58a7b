"""Property: any register exported to CSV or XLSX imports back into its seed as the identical register."""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parksgis.model.status import DEFAULT_SCHEME
from parksgis.store.register import RegisterStore
from parksgis.store.spreadsheet import apply_import, export_register

TEXT = st.text(alphabet=string.ascii_letters + string.digits + " ,\"'-_/()%=+@" + "园区道路在建投资万元进港大道，。",
               max_size=20).map(str.strip)
CHANGE = st.fixed_dictionaries({}, optional={
    "status": st.sampled_from(DEFAULT_SCHEME.codes),
    "progress_pct": st.one_of(st.none(), st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 2))),
    "investment_wan_yuan": st.one_of(st.none(), st.floats(0, 1e7, allow_nan=False).map(lambda x: round(x, 4))),
    "actual_start": st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2099, 12, 31))),
    "name_en": TEXT,
    "note": TEXT,
    "contractor": TEXT,
})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.dictionaries(st.sampled_from(["PT-R01", "PT-R02", "WX-B01", "EP-P01"]), CHANGE, max_size=4),
       suffix=st.sampled_from([".csv", ".xlsx"]), lang=st.sampled_from(["zh", "en"]))
def test_export_import_round_trip(tmp_path_factory, sample_projects, changes, suffix, lang):
    folder = tmp_path_factory.mktemp("rt")
    with RegisterStore.create(folder / "a.sqlite", sample_projects()) as edited, \
            RegisterStore.create(folder / "b.sqlite", sample_projects()) as fresh:
        edited.update_many(changes, changed_at="2014-07-01")
        export_register(edited, folder / f"out{suffix}", lang=lang)
        apply_import(fresh, folder / f"out{suffix}")
        assert fresh.projects() == edited.projects()
        assert apply_import(edited, folder / f"out{suffix}").written == []
