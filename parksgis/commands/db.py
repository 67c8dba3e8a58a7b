"""``parksgis db``: the headquarters register on PostgreSQL/PostGIS.

    parksgis db init URL                       create (or migrate) the parksgis schema
    parksgis db load SRC --into URL [--dry-run]  copy a layers folder or a pack in (one transaction)
    parksgis db dump URL -o DIR                write the layers and register back as a folder
    parksgis db grant URL --viewer|--editor|--admin ROLE

URL is ``postgresql://[user@]host[:port]/dbname`` or ``service=NAME``. parksgis never takes a
password: libpq reads it from ~/.pgpass, the service file or PGPASSWORD.
Exit codes: 0 done, 1 data or server problem (one line), 2 usage.
"""

from __future__ import annotations

import argparse

from parksgis.errors import UsageError


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "db", help="headquarters register on PostgreSQL/PostGIS: init, load, dump, grant",
        description="The shared headquarters register on a PostgreSQL/PostGIS server.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("init", help="create the parksgis schema, tables, triggers and roles")
    p.add_argument("url", metavar="URL")
    p = sub.add_parser("load", help="copy a layers folder or pack into the database (idempotent)")
    p.add_argument("src", metavar="SRC", help="layers folder or pack .gpkg")
    p.add_argument("--into", required=True, metavar="URL")
    p = sub.add_parser("dump", help="write the database back as a layers folder")
    p.add_argument("url", metavar="URL")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="a new (or empty) folder")
    p = sub.add_parser("grant", help="make a database user a viewer, editor or admin")
    p.add_argument("url", metavar="URL")
    who = p.add_mutually_exclusive_group(required=True)
    for kind in ("viewer", "editor", "admin"):
        who.add_argument(f"--{kind}", metavar="ROLE", help=f"database user to make a {kind}")
    parser.set_defaults(run=run)


def _url(text: str) -> str:
    from parksgis.server import is_database_source

    if not is_database_source(text):
        raise UsageError(f"{text}: not a database; give postgresql://... or service=NAME")
    return text


def run(args) -> int:
    if args.action == "init":
        from parksgis.server.load import init_database

        print(init_database(_url(args.url)))
    elif args.action == "load":
        from parksgis.server.load import load_source

        counts = load_source(args.src, _url(args.into), progress=lambda line: print(line, flush=True))
        print(f"loaded {args.src}: {counts.summary()}")
    elif args.action == "dump":
        from parksgis.server.dump import dump_database

        counts = dump_database(_url(args.url), args.output)
        print(f"{args.output}: {counts['layers']} layers ({counts['features']} features), "
              f"{counts['projects']} projects, {counts['history']} history rows")
    else:
        from parksgis.server.roles import grant

        kind = next(k for k in ("viewer", "editor", "admin") if getattr(args, k))
        print(grant(_url(args.url), kind, getattr(args, kind)))
    return 0
