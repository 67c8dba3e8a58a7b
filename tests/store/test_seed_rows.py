"""Seeding a register a column at a time stores exactly what the value-by-value rule stores, and
refuses a bad value with the same message (store/seed_rows.py)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parksgis.model.project import Project
from parksgis.model.status import DEFAULT_SCHEME
from parksgis.store.errors import ChangeError
from parksgis.store.register import RegisterStore
from parksgis.store.seed_rows import _one_by_one, _plain_columns, seed_rows

STAMP, AUTHOR = "2026-12-04T00:00:00.000Z", "tester"


def _both(projects, history=True):
    args = ("reg.sqlite", projects, DEFAULT_SCHEME, history, 7, STAMP, AUTHOR)
    return seed_rows(*args), _one_by_one(*args)


def _project(i: int, **values) -> Project:
    base = dict(project_id=f"P{i:05d}", park="gaoxin", name_zh=f"项目{i}", status=DEFAULT_SCHEME.codes[i % 3])
    return Project(**{**base, **values})


PLAIN = st.builds(
    lambda i, name, note, progress, money, start, updated: _project(
        i, name_en=name, note=note, progress_pct=progress, investment_wan_yuan=money,
        planned_start=start, updated_at=updated),
    st.integers(0, 99_999),
    st.text(alphabet="ab 园区\u3000\t", max_size=6),
    st.one_of(st.none(), st.text(alphabet="x 。\xa0", max_size=4)),
    st.one_of(st.none(), st.floats(0, 100, allow_nan=False)),
    st.one_of(st.none(), st.floats(0, 1e9, allow_nan=False)),
    st.one_of(st.none(), st.dates()),
    st.one_of(st.none(), st.text(alphabet="0129- ", max_size=12)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(PLAIN, max_size=8, unique_by=lambda p: p.project_id), st.booleans())
def test_plain_projects_seed_as_value_by_value(projects, history):
    assert _plain_columns(projects, DEFAULT_SCHEME) is not None  # the column path is the one tested
    fast, reference = _both(projects, history)
    assert fast == reference
    assert [type(v) for row in fast[0] for v in row] == [type(v) for row in reference[0] for v in row]


@pytest.mark.parametrize("values", [
    {"planned_start": datetime(2026, 3, 1, 8, 30)},  # a datetime keeps only its day
    {"planned_start": "2026-03-01"},                 # ISO text becomes a date
    {"progress_pct": 35},                            # an int becomes a float
    {"investment_wan_yuan": "12.5"},                 # number text becomes a float
    {"planned_finish": ""},                          # empty text is no date
])
def test_values_of_another_type_seed_as_value_by_value(values):
    projects = [_project(1), _project(2, **values), _project(3)]
    assert _plain_columns(projects, DEFAULT_SCHEME) is None
    fast, reference = _both(projects)
    assert fast == reference


@pytest.mark.parametrize("values, message", [
    ({"status": "finished"}, r"reg\.sqlite: project P00002, field status: unknown status 'finished'"),
    ({"name_zh": "  "}, r"project P00002, field name_zh: may not be empty"),
    ({"progress_pct": 101.0}, r"project P00002, field progress_pct: 101 is outside 0-100"),
    ({"investment_wan_yuan": -1.0}, r"project P00002, field investment_wan_yuan: -1 is negative"),
    ({"investment_wan_yuan": float("nan")}, r"project P00002, field investment_wan_yuan: nan is not a number"),
    ({"project_id": " "}, r"a project has an empty project_id"),
])
def test_a_bad_value_is_refused_with_the_message_it_always_had(values, message):
    projects = [_project(1), _project(2, **values), _project(3, status="unknown-too")]
    with pytest.raises(ChangeError, match=message):
        seed_rows("reg.sqlite", projects, DEFAULT_SCHEME, True, 1, STAMP, AUTHOR)
    with pytest.raises(ChangeError, match=message.replace(r"reg\.sqlite", ":memory:")):
        RegisterStore.create(":memory:", projects)


def test_a_created_register_reads_back_its_projects(tmp_path):
    projects = [_project(i, progress_pct=i / 3, planned_start=date(2026, 1, 1 + i), name_en=f" p{i} ")
                for i in range(5)]
    with RegisterStore.create(tmp_path / "r.sqlite", projects, author=AUTHOR) as store:
        expected = {p.project_id: dataclasses.replace(p, name_en=p.name_en.strip(),
                                                      progress_pct=round(p.progress_pct, 2))
                    for p in projects}
        assert store.projects() == expected
        seeds = store.history()
        assert [(r.project_id, r.field, r.new) for r in seeds[:4]] == [
            ("P00000", "park", "gaoxin"), ("P00000", "name_zh", "项目0"), ("P00000", "name_en", "p0"),
            ("P00000", "status", DEFAULT_SCHEME.codes[0])]
        assert ("P00001", "progress_pct", "0.33") in [(r.project_id, r.field, r.new) for r in seeds]
