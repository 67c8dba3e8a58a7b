"""Command-line manners: a closed pipe ends quietly, --version, Ctrl+C leaves nothing
half-written, progress on stderr only when it is a terminal."""

import io
import os
import re
import shutil
import subprocess
import sys
import textwrap

import pytest

from parksgis import __version__, cli, progress


@pytest.fixture
def layers(tmp_path, sample_layers):
    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite*", "__*"))
    return folder


def run_parksgis(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "parksgis", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", **kwargs)


def test_version():
    result = run_parksgis("--version")
    assert (result.returncode, result.stdout) == (0, f"parksgis {__version__}\n")


@pytest.mark.parametrize("argv", [["status", "as-of", "{layers}", "2014-03-01"],
                                  ["validate", "--json", "{layers}/port/plots.geojson"]])
def test_output_into_a_closed_pipe_ends_quietly(layers, argv):
    """``parksgis status as-of layers 2014-03-01 | head -1``: the reader is gone before the
    output is written (its end of the pipe is closed first, so the write fails every time)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run([sys.executable, "-m", "parksgis", *(a.format(layers=layers) for a in argv)],
                                stdout=write_end, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == cli.CLOSED_PIPE_STATUS == 141


INTERRUPT_AT_STAGE = textwrap.dedent("""
    import signal, sys
    from parksgis import cli, progress

    real_stage, interrupt_at = progress.stage, sys.argv[1]
    # Ctrl+C as in a terminal: a process started in the background by a shell without job control
    # (pytest run with `&`) inherits SIGINT ignored, and Python then never raises KeyboardInterrupt
    signal.signal(signal.SIGINT, signal.default_int_handler)

    def stage(text):  # the user presses Ctrl+C when this stage begins
        real_stage(text)
        if text.startswith(interrupt_at):
            signal.raise_signal(signal.SIGINT)

    progress.stage = stage
    sys.argv = ["parksgis", *sys.argv[2:]]
    sys.exit(cli.main())
""")


@pytest.mark.parametrize("stage, argv, output", [
    ("writing layer port__roads", ["pack", "build", "{layers}", "-o", "{out}/port.gpkg"], "port.gpkg"),
    ("verifying", ["pack", "build", "{layers}", "-o", "{out}/port.gpkg"], "port.gpkg"),
    ("drawing", ["render", "{layers}", "-o", "{out}/parks.png", "--size", "800x600"], "parks.png"),
])
def test_ctrl_c_stops_cleanly_with_nothing_half_written(layers, tmp_path, stage, argv, output):
    out = tmp_path / "out"
    out.mkdir()
    result = subprocess.run([sys.executable, "-c", INTERRUPT_AT_STAGE, stage,
                             *(a.format(layers=layers, out=out) for a in argv)],
                            capture_output=True, text=True, encoding="utf-8")
    assert (result.returncode, result.stderr) == (130, "parksgis: interrupted\n")
    assert list(out.iterdir()) == []  # no output, no temporary file


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_shows_the_stages_on_a_terminal_and_erases_itself(layers, tmp_path, monkeypatch):
    from parksgis.app.packs import build_pack_from

    screen = Terminal()
    monkeypatch.setattr(progress, "DELAY", 0.0)
    with progress.shown_on(screen):
        build_pack_from(layers, tmp_path / "port.gpkg", parks=["port"])
    text = screen.getvalue()
    lines = [line.strip() for line in text.split("\r") if line.strip()]
    assert all(re.fullmatch(r"parksgis: .+ \(\d+ s\)", line) for line in lines)  # with the time taken
    shown = [re.sub(r" \(\d+ s\)$", "", line) for line in lines]
    assert f"parksgis: reading {layers / 'port' / 'plots.geojson'}" in shown
    assert "parksgis: writing layer port__plots into the pack" in shown
    assert shown[-1] == "parksgis: verifying the pack"
    assert text.endswith("\r" + " " * len(lines[-1]) + "\r")  # nothing left on the line


def test_no_progress_when_stderr_is_not_a_terminal(layers, tmp_path):
    result = run_parksgis("pack", "build", layers, "-o", tmp_path / "all.gpkg")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.strip()


def test_a_command_imports_its_own_module_only_and_help_still_lists_every_command():
    """``parksgis render ...`` builds the render command's options alone (the other commands'
    modules are not imported: part of every command's start); ``parksgis --help`` and an
    unknown command still see them all."""
    code = ("import sys\nfrom parksgis import cli\ncli.build_parser(only='render')\n"
            "print(sorted(m for m in sys.modules if m.startswith('parksgis.commands.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         encoding="utf-8")
    assert out.stdout.strip() == "['parksgis.commands.render']"
    listed = run_parksgis("--help").stdout
    assert all(name in listed for name in cli.COMMANDS)
    wrong = run_parksgis("rendr", "x")
    assert wrong.returncode == 2 and "invalid choice: 'rendr'" in wrong.stderr
    assert run_parksgis("render", "--help").stdout.startswith("usage: parksgis render ")
