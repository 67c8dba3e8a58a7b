"""The project register CSV: read strictly (file, row and column in every error), written atomically."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parksgis.store.projects_csv import ProjectsFileError, read_projects_csv, write_projects_csv
from parksgis.io.report import ValidationReport
from parksgis.model import PROJECT_FIELDS, Project

HEADER = ",".join(PROJECT_FIELDS)


def write(tmp_path, text, name="projects.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def row(**values):
    base = dict(project_id="P1", park="port", name_zh="进港大道升级改造", status="planned")
    base.update(values)
    return ",".join(str(base.get(f, "")) for f in PROJECT_FIELDS)


def test_reads_the_sample_register(sample_layers):
    projects = read_projects_csv(sample_layers / "projects.csv")
    jingang = projects["PORT-RD-JINGANG"]
    assert jingang.name_zh == "进港大道升级改造" and jingang.status == "under_construction"
    assert jingang.progress_pct == 40.0 and jingang.investment_wan_yuan == 16000.0
    assert jingang.planned_start == date(2014, 3, 1) and jingang.actual_finish is None
    assert projects["PORT-PAPER"].investment_wan_yuan == 1_300_000  # 130亿元
    assert projects["PORT-PAPER"].progress_pct is None


def test_round_trip_keeps_every_value(tmp_path, sample_layers):
    projects = read_projects_csv(sample_layers / "projects.csv")
    out = tmp_path / "copy.csv"
    write_projects_csv(projects, out)
    assert read_projects_csv(out) == projects
    assert out.read_bytes() == (sample_layers / "projects.csv").read_bytes()  # stable bytes too


def test_excel_bom_is_written_on_request_and_read_back(tmp_path):
    projects = {"P1": Project("P1", "port", "临港污水处理厂", progress_pct=12.5)}
    out = tmp_path / "excel.csv"
    write_projects_csv(projects, out, excel_bom=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_projects_csv(out) == projects


def test_optional_columns_may_be_left_out(tmp_path):
    path = write(tmp_path, "project_id,park,name_zh\nP1,port,疏港大道(南)\n\n")
    project = read_projects_csv(path)["P1"]
    assert project.status == "planned" and project.progress_pct is None and project.name_en == ""


def test_gbk_file_from_excel_is_decoded_and_reported(tmp_path):
    path = write(tmp_path, f"{HEADER}\n{row(name_zh='五金刀剪产品展示中心')}\n", encoding="gbk")
    report = ValidationReport(str(path))
    projects = read_projects_csv(path, report=report)
    assert projects["P1"].name_zh == "五金刀剪产品展示中心"
    assert [p.code for p in report.warnings] == ["gbk-encoding"]


@pytest.mark.parametrize("values, match", [
    (dict(planned_start="2014/07/01"), r"row 2, column planned_start: '2014/07/01' is not an ISO date"),
    (dict(progress_pct="a lot"), r"row 2, column progress_pct: 'a lot' is not a number"),
    (dict(progress_pct="120"), r"row 2, column progress_pct: progress 120 is outside 0-100"),
    (dict(progress_pct="nan"), r"row 2, column progress_pct: 'nan' is not a finite number"),
    (dict(investment_wan_yuan="-5"), r"row 2, column investment_wan_yuan: investment -5 is negative"),
    (dict(status="done"), r"row 2, column status: unknown status 'done'; known: planned, approved"),
    (dict(name_zh=""), r"row 2, column name_zh: is empty but required"),
])
def test_bad_values_name_file_row_and_column(tmp_path, values, match):
    path = write(tmp_path, f"{HEADER}\n{row(**values)}\n")
    with pytest.raises(ProjectsFileError, match=match) as info:
        read_projects_csv(path)
    assert str(info.value).startswith(str(path)) and "\n" not in str(info.value)


def test_duplicate_id_names_the_later_row(tmp_path):
    path = write(tmp_path, f"{HEADER}\n{row()}\n{row(name_zh='重复')}\n")
    with pytest.raises(ProjectsFileError, match=r"row 3, column project_id: duplicate project_id 'P1'"):
        read_projects_csv(path)


def test_thousands_separators_are_accepted(tmp_path):
    quoted = row(investment_wan_yuan='"1,300,000"')
    path = write(tmp_path, f"{HEADER}\n{quoted}\n")
    assert read_projects_csv(path)["P1"].investment_wan_yuan == 1_300_000


@pytest.mark.parametrize("text, match", [
    ("", r"is empty; expected a header row"),
    ("project_id,park,name_zh,progres_pct\n", r"row 1: unknown column\(s\) 'progres_pct'"),
    ("project_id,name_zh\n", r"row 1: missing required column\(s\) park"),
    ("project_id,park,name_zh,park\n", r"row 1: column\(s\) park appear more than once"),
    ("project_id,park,name_zh\nP1,port\n", r"row 2: has 2 cells, header has 3"),
])
def test_bad_layout_is_refused(tmp_path, text, match):
    with pytest.raises(ProjectsFileError, match=match):
        read_projects_csv(write(tmp_path, text))


def test_missing_binary_and_folder_paths(tmp_path):
    with pytest.raises(ProjectsFileError, match=r"nope.csv: no such file"):
        read_projects_csv(tmp_path / "nope.csv")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04")
    with pytest.raises(ProjectsFileError, match="is binary, not a CSV file"):
        read_projects_csv(binary)
    with pytest.raises(ProjectsFileError, match="is a folder, not a CSV file"):
        read_projects_csv(tmp_path)


def test_not_text_at_all_is_refused(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(b"project_id,park,name_zh\nP1,port,\xff\xfe\xff\n")
    with pytest.raises(ProjectsFileError, match="not UTF-8 or GBK/GB18030 text"):
        read_projects_csv(path)


def test_a_failed_write_leaves_the_old_file_and_no_temp_files(tmp_path):
    out = tmp_path / "projects.csv"
    out.write_text("old contents\n", encoding="utf-8")

    def broken():
        yield Project("P1", "port", "一")
        raise RuntimeError("disk went away")

    with pytest.raises(RuntimeError):
        write_projects_csv(broken(), out)
    assert out.read_text(encoding="utf-8") == "old contents\n"
    assert [p.name for p in tmp_path.iterdir()] == ["projects.csv"]


def test_write_keeps_the_existing_file_mode(tmp_path):
    out = tmp_path / "projects.csv"
    out.write_text("x\n", encoding="utf-8")
    out.chmod(0o640)
    write_projects_csv({}, out)
    assert out.stat().st_mode & 0o777 == 0o640
    assert out.read_text(encoding="utf-8") == HEADER + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(
    st.binary(max_size=400),
    st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=5).map(
        lambda rows: "\n".join([HEADER] + [",".join(r) for r in rows]).encode("utf-8")),
))
def test_nothing_but_our_error_escapes_the_reader(tmp_path, data):
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        projects = read_projects_csv(path)
    except ProjectsFileError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc).rstrip("\n")
    else:
        assert all(isinstance(p, Project) for p in projects.values())
