"""The command line: ``parksgis [gui|validate|render|atlas|pack|status] ...``.

With no subcommand the main window opens on the bundled sample parks. Each subcommand lives in
``parksgis/commands/<name>.py`` with ``add_parser(subparsers)`` and ``run(args) -> int``; they are
imported only when used, so ``parksgis validate`` never loads Qt.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from parksgis import __version__
from parksgis.errors import ParksgisError, UsageError

COMMANDS = ["gui", "validate", "render", "atlas", "pack", "status", "db", "sample", "desktop-entry"]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; ``only``: with the options of that command alone (the one a
    command line names: the other command modules are not imported, nor their parsers built)."""
    from parksgis.user_data import sample_register_file

    parser = argparse.ArgumentParser(
        prog="parksgis", formatter_class=argparse.RawDescriptionHelpFormatter,  # the path unbroken
        description="GIS viewer for the Zhuhai–Yangjiang co-built industrial parks.\n"
                    "With no command, opens the window on the bundled sample parks.",
        epilog=f"Status edits to the bundled sample parks are kept in\n  {sample_register_file()}\n"
               "`parksgis sample DIR` copies the sample parks to a folder of your own.")
    parser.add_argument("--version", action="version", version=f"parksgis {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in [only] if only in COMMANDS else COMMANDS:
        module = _command_module(name)
        if module is not None:
            module.add_parser(sub)
    return parser


def _command_module(name: str):
    module = f"parksgis.commands.{name.replace('-', '_')}"  # desktop-entry: commands/desktop_entry.py
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None  # command not built yet
        raise


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(only=words[0] if words else None)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui", *(argv or [])])
    code = _run(args)
    try:
        sys.stdout.flush()  # the last buffered output meets a closed pipe here, not at exit
    except BrokenPipeError:
        code = _output_closed()
    if argv is None and getattr(args, "quick_exit", False):
        # Run as the program (not called from Python) by a command that writes its output and
        # has nothing left to clean up: skip tearing down 100k geometries, Qt and the modules
        # one by one (0.25-0.45 s of a 3 s `parksgis render` at 100k plots).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


#: what a shell reports for a program a closed pipe stopped (128 + SIGPIPE), e.g. ``| head``
CLOSED_PIPE_STATUS = 141


def _run(args) -> int:
    from parksgis import progress

    try:
        if args.command == "gui":
            return int(args.run(args) or 0)
        with progress.shown_on(sys.stderr):  # a line on stderr for long commands, on terminals only
            return int(args.run(args) or 0)
    except BrokenPipeError:
        return _output_closed()
    except UsageError as exc:
        print(f"parksgis {args.command}: {exc}", file=sys.stderr)
        return 2
    except ParksgisError as exc:
        print(f"parksgis {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("parksgis: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # a file or folder the OS refused: name the place, not a temporary file
        print(f"parksgis {args.command}: {_os_error_place(exc)}: {exc.strerror or exc}; nothing was "
              "written there", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback for users
        print(f"parksgis {args.command}: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def _os_error_place(exc: OSError) -> str:
    """The file an OSError is about, or its folder when the file is one of our (dot-named)
    temporaries, which the user never asked for."""
    name = exc.filename or ""
    if os.path.basename(str(name)).startswith("."):
        return os.path.dirname(str(name)) or "."
    return str(name) or "(unknown file)"
def _output_closed() -> int:
    """The reader of our output went away (``parksgis ... | head``): stop quietly. Standard output
    is pointed at the null device so the interpreter's own flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (a test's captured stdout)
        pass
    return CLOSED_PIPE_STATUS


def gui_main() -> int:
    """Entry point for desktop shortcuts (``parksgis-gui``)."""
    return main(["gui", *sys.argv[1:]])


if __name__ == "__main__":
    raise SystemExit(main())
