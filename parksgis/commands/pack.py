"""``parksgis pack build|info|verify|export-changes|merge|conflicts``: layer packs for field offices."""

from __future__ import annotations

import json

from parksgis.errors import ParksgisError, UsageError


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "pack", help="build, check and merge offline layer packs (one GeoPackage per field office)",
        description="Layer packs: one GeoPackage with layers, register, styles and a manifest. "
                    "See docs/README-pack.md for the field-office round trip.")
    sub = parser.add_subparsers(dest="pack_command", metavar="ACTION")
    parser.set_defaults(run=lambda args: _usage(parser))

    build = sub.add_parser("build", help="build a pack from a layers folder")
    build.add_argument("source", metavar="SRC", help="layers folder (parks.json, projects.csv, ...)")
    build.add_argument("-o", "--output", required=True, metavar="PACK.gpkg")
    build.add_argument("--park", action="append", metavar="ID", help="only this park (repeatable)")
    build.add_argument("--as-of", metavar="DATE", help="register as it stood at the end of DATE")
    build.add_argument("--title", metavar="TEXT", help="title shown when the pack is opened")
    build.add_argument("--imagery", metavar="FILE|DIR",
                       help="orthophoto(s) to carry (GeoTIFF, MBTiles, XYZ folder, or a folder of "
                            "them), stored as GeoPackage tiles clipped to the packed parks")
    build.add_argument("--max-zoom", type=int, metavar="Z",
                       help="finest imagery zoom level to store (default: the source's resolution)")
    build.set_defaults(run=run_build)

    info = sub.add_parser("info", help="parks, layers, feature counts, as-of date, version")
    info.add_argument("pack", metavar="PACK")
    info.add_argument("--json", action="store_true", help="print JSON instead of text")
    info.set_defaults(run=run_info)

    verify = sub.add_parser("verify", help="integrity check, content hashes, format version "
                                           "(exit 0 good, 1 bad)")
    verify.add_argument("pack", metavar="PACK")
    verify.set_defaults(run=run_verify)

    export = sub.add_parser("export-changes", help="field edits since the build, as a small JSON")
    export.add_argument("pack", metavar="PACK")
    export.add_argument("-o", "--output", required=True, metavar="CHANGES.json")
    export.set_defaults(run=run_export)

    merge = sub.add_parser("merge", help="apply change files to a layers folder or pack "
                                         "(exit 1 while conflicts remain open)")
    merge.add_argument("target", metavar="TARGET", help="layers folder, .gpkg pack or database")
    merge.add_argument("changes", metavar="CHANGES", nargs="+", help="change files (or packs)")
    merge.add_argument("--take", choices=("field", "target"),
                       help="resolve every conflict with the field office's or the target's value")
    merge.add_argument("--conflict", action="append", default=[], metavar="ID=field|target",
                       help="resolve one conflict (repeatable)")
    merge.add_argument("--author", help="name recorded for resolutions (default: OS user)")
    merge.set_defaults(run=run_merge)

    conflicts = sub.add_parser("conflicts", help="list (or resolve) open conflicts of a target")
    conflicts.add_argument("target", metavar="TARGET")
    conflicts.add_argument("--take", choices=("field", "target"))
    conflicts.add_argument("--conflict", action="append", default=[], metavar="ID=field|target")
    conflicts.add_argument("--author")
    conflicts.set_defaults(run=run_conflicts)


def _usage(parser) -> int:
    parser.print_usage()
    raise UsageError("choose an action: build, info, verify, export-changes, merge, conflicts")


def run_build(args) -> int:
    from datetime import date

    from parksgis.app.packs import build_pack_from
    from parksgis.commands.paths import existing_source

    from parksgis.server import is_database_source

    if not is_database_source(args.source):
        existing_source(args.source, "layers folder")
    as_of = None
    if args.as_of:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            raise UsageError(f"--as-of wants a date like 2014-07-24, not {args.as_of!r}") from None
    if args.max_zoom is not None and not 0 <= args.max_zoom <= 24:
        raise UsageError(f"--max-zoom wants a zoom level 0..24, not {args.max_zoom}")
    if args.max_zoom is not None and args.imagery is None:
        raise UsageError("--max-zoom applies to --imagery; give --imagery FILE|DIR")
    from parksgis.server import is_database_source

    if is_database_source(args.source):  # the server's layers, projects and their history
        from parksgis.pack.build import build_pack
        from parksgis.server.register import ServerRegister
        from parksgis.server.workspace import load_database_workspace

        workspace, reports = load_database_workspace(args.source)
        missing = [line for r in reports for line in r.error_lines()]
        if missing:  # a layer table dropped by hand: a pack without it would not be the server's
            raise ParksgisError(f"{missing[0]}; nothing was written")
        with ServerRegister.open(args.source, readonly=True) as register:
            manifest = build_pack(workspace, args.output, parks=args.park, as_of=as_of, title=args.title,
                                  register=register, source_label=register.label)
    else:
        manifest = build_pack_from(args.source, args.output, parks=args.park, as_of=as_of, title=args.title,
                                   imagery=args.imagery, max_zoom=args.max_zoom)
    tables = sorted(k.split(":", 1)[1] for k in manifest if k.startswith("rows:"))
    print(f"{args.output}: pack {manifest['pack_id']} built, as of {manifest['as_of']}, "
          f"{len(tables)} tables hashed")
    return 0


def run_info(args) -> int:
    from parksgis.commands.paths import existing_source
    from parksgis.pack import pack_info

    existing_source(args.pack, "pack")
    info = pack_info(args.pack)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=1))
        return 0
    print(f"pack:        {info['path']}")
    print(f"title:       {info['title']}")
    print(f"format:      version {info['format_version']}")
    print(f"pack id:     {info['pack_id']}")
    print(f"built:       {info['created']} from {info['source']}")
    print(f"as of:       {info['as_of']}   display CRS: {info['display_crs']}")
    print("parks:       " + ", ".join(f"{p['park_id']} {p['name_zh']}" for p in info["parks"]))
    print(f"register:    {info['projects']} projects, {info['edits_since_build']} field edits "
          f"since the build, {info['open_conflicts']} open conflicts")
    print("layers:")
    for layer in info["layers"]:
        print(f"  {layer['table']:<28} {layer['kind']:<14} {layer['features']:>7} features  "
              f"{layer['title_zh'] or ''}")
    if info["imagery"]:
        print("imagery:")
    for image in info["imagery"]:
        print(f"  {image['table']:<28} {image['capture_date'] or 'undated':<14} {image['tiles']:>7} tiles  "
              f"{image['bytes'] / 2**20:.1f} MB  zoom {image['min_zoom']}-{image['max_zoom']}  "
              f"{image['title_zh'] or ''}")
    return 0


def run_verify(args) -> int:
    from parksgis.commands.paths import existing_source
    from parksgis.pack import verify_pack

    existing_source(args.pack, "pack or layers folder")
    result = verify_pack(args.pack)
    for line in result.problems:
        print(f"{args.pack}: {line}")
    for line in result.notes:
        print(f"{args.pack}: note: {line}")
    if result.ok:
        print(f"{args.pack}: ok (format version {result.manifest.get('format_version')}, "
              "integrity, content hashes and register checked)")
        return 0
    return 1


def run_export(args) -> int:
    from parksgis.commands.paths import existing_source, safe_output
    from parksgis.pack import export_changes

    if not existing_source(args.pack, "pack").is_file():
        raise UsageError(f"{args.pack}: is a folder; export-changes reads a pack .gpkg (a layers "
                         "folder has no field edits to send: it is headquarters)")
    out = safe_output(args.output, args.pack)
    if out.suffix.lower() in (".gpkg", ".sqlite"):
        raise UsageError(f"-o {args.output}: a change file is JSON; name it .json (a .gpkg or "
                         ".sqlite name would be taken for a pack or register)")
    document = export_changes(args.pack, out)
    count = sum(1 for c in document["changes"] if c["base"] != c["new"])
    back = len(document["changes"]) - count
    print(f"{args.output}: {count} changed field{'s' if count != 1 else ''}"
          + (f" and {back} put back to the build value" if back else "")
          + f" from pack {document['pack']['pack_id']}")
    return 0


def _choices(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        cid, sep, choice = item.partition("=")
        if not sep or choice not in ("field", "target"):
            raise UsageError(f"--conflict wants ID=field or ID=target, not {item!r}")
        out[cid] = choice
    return out


def _fmt(value) -> str:
    return "(empty)" if value in (None, "") else str(value)


def run_merge(args) -> int:
    from parksgis.commands.paths import existing_source
    from parksgis.pack import merge_changes

    from parksgis.server import is_database_source

    if is_database_source(args.target):  # the server's register: same rules, one transaction there
        from parksgis.server.merge import merge_into_database

        result = merge_into_database(args.target, args.changes, take=args.take,
                                     choices=_choices(args.conflict), author=args.author)
    else:
        existing_source(args.target, "layers folder or pack")
        for change_file in args.changes:
            existing_source(change_file, "change file")
        result = merge_changes(args.target, args.changes, take=args.take,
                               choices=_choices(args.conflict), author=args.author)
    for change in result.merged:
        print(f"merged    {change['project_id']} {change['field']}: {_fmt(change['base'])} -> "
              f"{_fmt(change['new'])} ({change.get('author', '')})")
    for change in result.already:
        print(f"unchanged {change['project_id']} {change['field']}: already {_fmt(change['new'])}")
    for c in result.conflicts:
        print(f"conflict  {c.conflict_id} {c.project_id} {c.field}: base {_fmt(c.base)}, "
              f"field {_fmt(c.field_value)}, target {_fmt(c.target_value)}")
    for change in result.missing:
        print(f"skipped   {change['project_id']} {change['field']}: project {change['project_id']} "
              f"is not in {args.target}; nothing was applied for it")
    for c in result.resolved:
        print(f"resolved  {c.conflict_id} {c.project_id} {c.field}: took {c.resolution} value "
              f"{_fmt(c.field_value if c.resolution == 'field' else c.target_value)}")
    _print_ambiguous(result.ambiguous)
    summary = (f"{len(result.merged)} merged, {len(result.already)} already there, "
               f"{len(result.repeated)} merged before, {len(result.conflicts)} new conflicts, "
               f"{len(result.resolved)} resolved")
    if result.missing:
        summary += f", {len(result.missing)} skipped (project not in the target)"
    if result.still_open:
        print(f"{summary}; {len(result.still_open)} conflicts open — nothing was applied for them: "
              "resolve with --take field|target or --conflict ID=field|target")
        return 1
    print(f"{summary}; no open conflicts")
    return 1 if result.missing else 0


def _print_ambiguous(groups) -> None:
    for group in groups:
        first = group[0]
        offers = ", ".join(f"{c.conflict_id} {_fmt(c.field_value)}" for c in group)
        print(f"left open {first.project_id} {first.field}: {len(group)} field offices offer "
              f"different values ({offers}); take one with --conflict ID=field")


def run_conflicts(args) -> int:
    from parksgis.commands.paths import existing_source
    from parksgis.pack import open_conflicts, resolve_conflicts

    from parksgis.server import is_database_source

    if not is_database_source(args.target):
        existing_source(args.target, "layers folder or pack")
    choices = _choices(args.conflict)
    if is_database_source(args.target):
        from parksgis.server.merge import merge_into_database, open_database_conflicts

        resolve = lambda: merge_into_database(args.target, [], take=args.take, choices=choices,  # noqa: E731
                                              author=args.author).resolved
        still_open = lambda: open_database_conflicts(args.target)  # noqa: E731
    else:
        resolve = lambda: resolve_conflicts(args.target, take=args.take, choices=choices,  # noqa: E731
                                            author=args.author)
        still_open = lambda: open_conflicts(args.target)  # noqa: E731
    if args.take or choices:
        for c in resolve():
            print(f"resolved  {c.conflict_id} {c.project_id} {c.field}: took {c.resolution}")
    remaining = still_open()
    for c in remaining:
        print(f"conflict  {c.conflict_id} {c.project_id} {c.field}: base {_fmt(c.base)}, "
              f"field {_fmt(c.field_value)}, target {_fmt(c.target_value)}")
    print(f"{len(remaining)} conflicts open")
    return 1 if remaining else 0
