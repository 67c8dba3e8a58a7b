"""``python -m parksgis validate`` in a subprocess: exit codes, lines, --json, never a traceback."""

import json
import re

import pytest

LINE = re.compile(r"^(?P<file>[^:]+): (feature (?P<feature>\d+): )?(?P<level>error|warning) "
                  r"(?P<code>[a-z0-9-]+): (?P<message>.+)$")
SUMMARY = re.compile(r"^(?P<file>[^:]+): (OK|LOADED WITH ERRORS|NOT LOADED)\b")


def test_every_data_file_line_by_line(cli, expected):
    names = sorted(expected)
    result = cli("validate", *names)
    assert result.returncode == 1  # some files are broken
    assert "Traceback" not in result.stderr and result.stderr == ""
    problems: dict[str, set] = {name: set() for name in names}
    summaries = {}
    for line in result.stdout.splitlines():
        match = LINE.match(line)
        if match:
            problems[match["file"]].add(match["code"])
            continue
        summary = SUMMARY.match(line)
        assert summary, f"unexpected output line: {line!r}"
        summaries[summary["file"]] = line
    assert sorted(summaries) == names
    for name in names:
        exit_code, codes, features = expected[name]
        assert problems[name] == codes, name
        if features is None:
            assert "NOT LOADED" in summaries[name]
        else:
            assert f": {features} feature" in summaries[name], summaries[name]


def test_each_file_exit_code(data, data_case, monkeypatch, capsys):
    # In-process (a subprocess per file costs a second of imports each); the subprocess
    # runs above and below cover the real entry point.
    from parksgis.cli import main

    name, (exit_code, codes, _) = data_case
    monkeypatch.chdir(data)
    assert main(["validate", name]) == exit_code
    out, err = capsys.readouterr()
    assert err == ""
    assert {LINE.match(line)["code"] for line in out.splitlines()[:-1]} == codes
    assert SUMMARY.match(out.splitlines()[-1])


def test_gbk_names_print_right_in_a_c_locale(cli):
    result = cli("validate", "--json", "gbk_names.geojson",
                 env_extra={"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0"})
    assert result.returncode == 0
    (entry,) = json.loads(result.stdout)
    assert entry["encoding"] == "gb18030"
    assert entry["problems"][0]["code"] == "gbk-encoding"
    text = cli("validate", "not_json.geojson", env_extra={"LANG": "C", "LC_ALL": "C",
                                                         "PYTHONUTF8": "0"})
    assert "临港污水处理厂" in text.stdout


def test_json_structure(cli):
    result = cli("validate", "--json", "gbk_names.geojson", "nan_coords.geojson", "empty.geojson")
    assert result.returncode == 1
    entries = json.loads(result.stdout)
    assert [e["file"] for e in entries] == ["gbk_names.geojson", "nan_coords.geojson",
                                            "empty.geojson"]
    for entry in entries:
        assert set(entry) == {"file", "ok", "features", "encoding", "crs", "bounds", "problems"}
        for problem in entry["problems"]:
            assert set(problem) == {"level", "code", "feature", "message"}
    gbk, nan, empty = entries
    assert gbk["ok"] and gbk["features"] == 3 and gbk["crs"] == "EPSG:4326"
    assert gbk["bounds"] == pytest.approx([111.9412, 21.7049, 112.0153, 21.8771])
    assert nan["ok"] and [p["feature"] for p in nan["problems"]] == [1, 2]
    assert nan["problems"][0]["level"] == "error"
    assert not empty["ok"] and empty["bounds"] is None
    assert empty["problems"] == [{"level": "error", "code": "file-empty", "feature": None,
                                  "message": "file is empty (0 bytes)"}]


def test_crs_option(cli):
    result = cli("validate", "projected_no_crs.geojson")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "projected_no_crs.geojson: error projected-no-crs: coordinates look projected "
        "(x 596214..596838, y 2404193..2404750), not lon/lat, and the file names no CRS; pass "
        "--crs EPSG:4546 (or the CRS the data was drawn in)")
    result = cli("validate", "--crs", "EPSG:4546", "--json", "projected_no_crs.geojson")
    assert result.returncode == 0
    (entry,) = json.loads(result.stdout)
    assert entry["crs"] == "EPSG:4546"
    assert entry["bounds"] == pytest.approx([111.930, 21.730, 111.936, 21.735], abs=1e-7)


def test_from_gcj02_option(cli):
    plain = json.loads(cli("validate", "--json", "gcj02_points.geojson").stdout)[0]
    result = cli("validate", "--json", "--from", "gcj02", "gcj02_points.geojson")
    assert result.returncode == 0
    converted = json.loads(result.stdout)[0]
    assert converted["crs"] == "GCJ-02"
    assert converted["bounds"] == pytest.approx([111.9412, 21.7049, 112.0153, 21.8771], abs=1e-8)
    assert plain["bounds"][0] - converted["bounds"][0] > 0.004  # ~500 m east before


@pytest.mark.parametrize("args,message", [
    (["validate"], "the following arguments are required: FILE"),
    (["validate", "--from", "wgs", "a.geojson"], "argument --from: invalid choice: 'wgs'"),
    (["validate", "--crs", "EPSG:0", "gbk_names.geojson"], "unknown CRS 'EPSG:0'"),
])
def test_usage_errors_exit_2(cli, args, message):
    result = cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_summary_lines(cli):
    result = cli("validate", "bowtie_polygon.geojson", "unknown_type.geojson", "truncated.geojson")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("bowtie_polygon.geojson: feature 0: warning "
                               "invalid-geometry-repaired: invalid geometry (Self-intersection")
    assert lines[1] == ("bowtie_polygon.geojson: OK: 2 features (utf-8, EPSG:4326); "
                        "0 errors, 1 warning")
    assert lines[3] == ("unknown_type.geojson: LOADED WITH ERRORS: 1 feature, 1 dropped "
                        "(utf-8, EPSG:4326); 1 error, 0 warnings")
    assert lines[4] == ("truncated.geojson: error truncated-json: JSON ends too early "
                        "(truncated file?) at line 1, column 434")
    assert lines[5] == "truncated.geojson: NOT LOADED (1 error, 0 warnings)"


def test_summary_counts_attribute_only_rows(cli):
    result = cli("validate", "null_geometry.geojson", "empty_geometry.geojson")
    lines = result.stdout.splitlines()
    assert lines[1] == ("null_geometry.geojson: OK: 2 features, 1 without geometry (utf-8, "
                        "EPSG:4326); 0 errors, 1 warning")
    assert lines[3].startswith("empty_geometry.geojson: OK: 2 features, 1 without geometry")


def test_validate_does_not_load_qt(cli, data):
    import os
    import subprocess
    import sys

    code = ("import sys\nfrom parksgis.cli import main\n"
            "code = main(['validate', 'roads.fgb'])\n"
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]\n"
            "sys.exit(code)\n")
    repo = data.parent.parent
    result = subprocess.run([sys.executable, "-c", code], cwd=data, capture_output=True,
                            text=True, env=dict(os.environ, PYTHONPATH=str(repo)), timeout=120, encoding="utf-8")
    assert result.returncode == 0, result.stderr
