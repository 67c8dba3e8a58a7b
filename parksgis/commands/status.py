"""``parksgis status``: the project register from the command line.

    parksgis status import FILE --into SRC [--dry-run] [--author NAME]
    parksgis status export SRC -o FILE.csv|FILE.xlsx [--lang zh|en]
    parksgis status show SRC PROJECT_ID
    parksgis status as-of SRC DATE [--park PARK]
    parksgis status compare SRC DATE1 DATE2
    parksgis status undo SRC [--author NAME]
    parksgis status set SRC PROJECT_ID FIELD=VALUE... [--expect FIELD=VALUE...] [--author NAME]

SRC is a layers folder (its register.sqlite, created from projects.csv on first use), a
layer pack .gpkg, a register .sqlite file or a database (postgresql://... or service=NAME).
Exit codes: 0 ok, 1 problems (an edit refused: the reason in one line), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parksgis.errors import UsageError


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "status", help="project status register: import/export spreadsheets, show, as-of, compare",
        description="The project status register: projects, their history and status scheme.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = sub.add_parser("import", help="apply a CSV/XLSX status sheet to the register (all or nothing)")
    p.add_argument("file", metavar="FILE", help="spreadsheet: .csv (UTF-8 or GBK) or .xlsx")
    p.add_argument("--into", required=True, metavar="SRC", help="layers folder or pack .gpkg")
    p.add_argument("--dry-run", action="store_true", help="list problems and changes, write nothing")
    p.add_argument("--author", metavar="NAME", help="name recorded in history (default: the OS user)")

    p = sub.add_parser("export", help="write the register to CSV (UTF-8 with BOM) or XLSX")
    p.add_argument("src", metavar="SRC")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.csv or FILE.xlsx")
    p.add_argument("--lang", choices=("zh", "en"), default="zh",
                   help="zh: Chinese headers and status labels (default); en: field names and codes")

    p = sub.add_parser("show", help="a project's current values and its history")
    p.add_argument("src", metavar="SRC")
    p.add_argument("project_id", metavar="PROJECT_ID")

    p = sub.add_parser("as-of", help="every project's status at the end of a date (China time)")
    p.add_argument("src", metavar="SRC")
    p.add_argument("date", metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--park", help="only this park")

    p = sub.add_parser("compare", help="projects whose status changed between two dates")
    p.add_argument("src", metavar="SRC")
    p.add_argument("date1", metavar="DATE1")
    p.add_argument("date2", metavar="DATE2")

    p = sub.add_parser("undo", help="revert the last edit or import")
    p.add_argument("src", metavar="SRC")
    p.add_argument("--author", metavar="NAME", help="name recorded in history (default: the OS user)")

    p = sub.add_parser("set", help="change fields of one project (one transaction, with history)")
    p.add_argument("src", metavar="SRC")
    p.add_argument("project_id", metavar="PROJECT_ID")
    p.add_argument("values", metavar="FIELD=VALUE", nargs="+", help="e.g. status=completed progress_pct=100")
    p.add_argument("--expect", metavar="FIELD=VALUE", nargs="+", default=[],
                   help="refuse (exit 1) unless these fields still hold these values (compare-and-set)")
    p.add_argument("--author", metavar="NAME", help="name recorded in history (default: the OS user)")
    parser.set_defaults(run=run)


def open_source(src: str, readonly: bool = False):
    """The register of a layers folder, a pack .gpkg, a register .sqlite file or a database."""
    from parksgis.assets import is_sample_layers
    from parksgis.commands.paths import is_geopackage
    from parksgis.server import is_database_source
    from parksgis.store.register import RegisterStore

    if is_database_source(src):
        from parksgis.server.register import ServerRegister

        return ServerRegister.open(src, readonly=readonly)
    path = Path(src)
    if path.is_dir():
        store = RegisterStore.for_folder(path, readonly=readonly)
        if not readonly and store.persistent and is_sample_layers(path):
            print(f"parksgis: the bundled sample parks' register is {store.path}", file=sys.stderr)
        return store
    if path.is_file() and is_geopackage(path):
        from parksgis.pack.handle import open_pack_register

        return open_pack_register(path, readonly=readonly)
    if path.is_file():
        return RegisterStore.open(path, readonly=readonly)
    raise UsageError(f"{src}: no such layers folder, pack or register file")


def _date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def run(args) -> int:
    return {"import": _import, "export": _export, "show": _show, "as-of": _as_of,
            "compare": _compare, "undo": _undo, "set": _set}[args.action](args)


def _import(args) -> int:
    from parksgis.store.spreadsheet import apply_import, plan_import

    from parksgis import progress

    with open_source(args.into, readonly=args.dry_run) as store:
        if not store.persistent and not args.dry_run:
            from parksgis.store.errors import RegisterError

            raise RegisterError(args.into, "cannot save the register here: the folder is not "
                                           "writable (no register.sqlite can be created); nothing "
                                           "was imported — copy the folder somewhere you can write")
        progress.stage(f"checking {args.file}")
        plan = plan_import(store, args.file)
        for line in plan.lines():
            print(line)
        if not plan.ok:
            print(f"{plan.summary()}; nothing was imported")
            return 1
        if args.dry_run:
            for pid, fields in plan.changes.items():
                shown = ", ".join(f"{f}={v}" for f, v in fields.items() if f != "updated_at")
                print(f"{pid}: {shown}")
            print(f"{plan.summary()} (dry run: nothing written)")
            return 0
        progress.stage(f"writing {args.file} into the register")
        plan = apply_import(store, args.file, author=args.author, plan=plan)
        print(f"{plan.summary()}; {_count(len(plan.written), 'history row')} written (source {plan.source})")
    return 0


def _export(args) -> int:
    from parksgis.store.spreadsheet import export_register

    from parksgis.commands.paths import safe_output

    if not args.output.lower().endswith((".csv", ".xlsx")):
        raise UsageError(f"{args.output}: the output must end in .csv or .xlsx")
    safe_output(args.output, args.src)
    with open_source(args.src, readonly=True) as store:
        count = export_register(store, args.output, lang=args.lang)
    print(f"{args.output}: {count} projects")
    return 0


def _show(args) -> int:
    from parksgis.model.project import PROJECT_FIELDS

    with open_source(args.src, readonly=True) as store:
        project = store.project(args.project_id)
        scheme = store.scheme()
        for name in PROJECT_FIELDS:
            value = getattr(project, name)
            if name == "status":
                value = f"{value} ({scheme[value].label_zh})" if value in scheme else value
            print(f"{name:20} {'' if value is None else value}")
        print("history:")
        for row in store.history(args.project_id):
            print(f"  {row.changed_at}  {row.field:16} {row.old or '-'} -> {row.new or '-'}"
                  f"  [{row.author}, {row.source}]")
    return 0


def _as_of(args) -> int:
    day = _date(args.date)
    with open_source(args.src, readonly=True) as store:
        scheme, projects = store.scheme(), store.as_of(day)
    if args.park is not None and args.park not in {p.park for p in projects.values()}:
        from parksgis.errors import UnknownParkError

        known = sorted({p.park for p in projects.values()})
        raise UnknownParkError(f"--park: unknown park {args.park!r}; known: {', '.join(known)}")
    shown = [p for p in projects.values() if args.park is None or p.park == args.park]
    counts: dict[str, int] = {}
    for p in shown:
        label = scheme[p.status].label_zh if p.status in scheme else p.status
        progress = "" if p.progress_pct is None else f"{p.progress_pct:g}%"
        print(f"{p.project_id:12} {p.park:14} {p.status:20} {label:6} {progress:>6}  {p.name_zh}")
        counts[p.status] = counts.get(p.status, 0) + 1
    print(f"as of {day} (end of day, China time): " +
          ", ".join(f"{code} {counts[code]}" for code in scheme.codes if code in counts))
    return 0


def _compare(args) -> int:
    day1, day2 = _date(args.date1), _date(args.date2)
    with open_source(args.src, readonly=True) as store:
        changes = store.compare(day1, day2)
    for c in changes:
        print(f"{c.kind:10} {c.project_id:12} {c.park:14} {c.before} -> {c.after}")
    kinds: dict[str, int] = {}
    for c in changes:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    print(f"{day1} -> {day2}: {_count(len(changes), 'status change')}" +
          (" (" + ", ".join(f"{k} {n}" for k, n in kinds.items()) + ")" if kinds else ""))
    return 0


def _undo(args) -> int:
    with open_source(args.src) as store:
        rows = store.undo_last(author=args.author)
        sources = sorted({r.source for r in store.changed_history() if r.edit_id == rows[0].reverts}) \
            if rows else []
    if not rows:
        print("nothing to undo")
        return 1
    projects = sorted({r.project_id for r in rows})
    print(f"undone: edit {rows[0].reverts} ({', '.join(_what(s) for s in sources)}): "
          f"{_count(len(rows), 'field')} of {_count(len(projects), 'project')} "
          f"({', '.join(projects[:10])}{' ...' if len(projects) > 10 else ''})")
    return 0


def _what(source: str) -> str:
    """What an edit group's history source was, in words."""
    if source.startswith("pack:"):
        return f"merge of pack {source[5:]}"
    if source.startswith("resolve:"):
        return f"conflict resolution {source[8:]}"
    if source == "app":
        return "edit in the app"
    if source == "cli":
        return "status set"
    return f"import of {source}"


def _assignments(texts: list[str]) -> dict[str, str]:
    out = {}
    for text in texts:
        field, sep, value = text.partition("=")
        if not sep or not field.strip():
            raise UsageError(f"{text!r}: write FIELD=VALUE (e.g. status=completed)")
        out[field.strip()] = value
    return out


def _set(args) -> int:
    from parksgis.store.backend import ChangeSet

    changes, expect = _assignments(args.values), _assignments(args.expect)
    with open_source(args.src) as store:  # one transaction: compare with --expect, then set
        rows = store.apply(ChangeSet.of_project(args.project_id, changes, expect), author=args.author,
                           source="cli")
    if not rows:
        print(f"{args.project_id}: nothing to change (the values are already set)")
        return 0
    for row in rows:
        print(f"{row.project_id}: {row.field} {row.old or '-'} -> {row.new or '-'} "
              f"(history row {row.id}, {row.author})")
    return 0


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
