"""The pack's baseline text, worked out mostly by SQLite, is what the Python rule gives for every
value (pack/build.py ``_base_sql``)."""

from __future__ import annotations

import sqlite3

import pytest

from parksgis.model.project import PROJECT_FIELDS
from parksgis.pack.build import _BASE_TEXT, PYTHON_SPACES, _base_sql, _base_text

ODD = [None, "", " ", "x", " x", "x ", "\u3000园区\u3000", "a\xa0", "\x85b", "\x1fc", "d\x1c", "园区道路",
       "e\u200b", "\u200af", "0", 0, 1, 35.5, -0.0, 1e300, b"\xe5\x9b\xad", "2026-03-01", "a\x00b"]


def test_python_spaces_are_what_strip_takes_off():
    assert set(PYTHON_SPACES) == {c for c in range(0x110000) if chr(c).isspace()}


@pytest.mark.parametrize("field", [f for f in PROJECT_FIELDS if f != "project_id"])
def test_sql_base_text_equals_the_python_rule(field):
    conn = sqlite3.connect(":memory:")
    conn.create_function(_BASE_TEXT, 2, _base_text, deterministic=True)
    conn.execute(f"CREATE TABLE t ({field})")
    conn.executemany("INSERT INTO t VALUES (?)", [(v,) for v in ODD])
    for row, value in conn.execute(f"SELECT rowid, {field} FROM t ORDER BY rowid").fetchall():
        try:
            expected = _base_text(field, value)
        except (TypeError, ValueError):  # the rule refuses it: so must the SQL
            with pytest.raises(sqlite3.OperationalError):
                conn.execute(f"SELECT {_base_sql(field)} FROM t WHERE rowid = ?", (row,)).fetchall()
            continue
        got = conn.execute(f"SELECT {_base_sql(field)}, typeof({_base_sql(field)}) FROM t WHERE rowid = ?",
                           (row,)).fetchone()
        assert got[0] == expected, (field, value)
        assert got[1] == ("null" if expected is None else "text"), (field, value)
