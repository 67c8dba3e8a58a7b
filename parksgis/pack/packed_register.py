"""The register a pack carries: headquarters' projects *and their history* up to the as-of day.

The field office gets the same "status as of a date" and "what changed between two dates" views
as headquarters, so the pack's register is rebuilt from the source register's history: the
projects as they were before the first change (the seed), then every change up to the end of the
as-of day, replayed with its original date, author and source, one edit group at a time.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import groupby
from pathlib import Path

from parksgis.model.project import Project
from parksgis.model.status import StatusScheme
from parksgis.store.values import REGISTER_TZ, end_of_day_stamp, from_db

#: Author of the seed rows when the source has no history of its own (a bare workspace).
BUILD_AUTHOR = "parksgis pack build"


@dataclass
class PackedRegister:
    seed: dict[str, Project]           # values before the first carried change
    seed_stamp: str | datetime         # when the seed rows are dated
    seed_author: str
    scheme: StatusScheme
    rows: list = field(default_factory=list)  # HistoryRow edits to replay, in (changed_at, id) order


def packed_register(workspace, folder: Path | None, parks: list[str] | None,
                    as_of: date | str | None, today: str, register=None) -> PackedRegister:
    """What goes into the pack's register (see module doc). ``register``: a register backend
    to take projects and history from (a database) instead of the folder's."""
    day = as_of or today
    start = datetime.combine(date.fromisoformat(str(day)), time(0), REGISTER_TZ)
    if folder is None and register is None:  # a workspace without a register: its projects are the seed
        seed = _only_parks(workspace.projects, parks)
        return PackedRegister(seed, start, BUILD_AUTHOR, workspace.scheme)
    from parksgis.store import recorded_history, timeline
    from parksgis.store.register import RegisterStore, register_file

    # a register made on the fly from projects.csv alone holds nothing but seed rows, which put
    # every field at the value it has: the history need not be written nor read back (a million
    # plots' 100,000 projects: 700,000 rows, seconds) to find that the seed is the projects as
    # they stand
    seeded_only = register is None and not register_file(folder).exists() \
        and not (folder / recorded_history.HISTORY_FILE).exists()
    store = register or RegisterStore.for_folder(folder, readonly=True, seed_history=not seeded_only)
    try:
        current, scheme = store.projects(), store.scheme()
        if seeded_only:  # the store's own fresh projects: nobody else holds them, no copy needed
            return PackedRegister(_only_parks(current, parks, copy=False), start, BUILD_AUTHOR, scheme)
        rows = store.history()
    finally:
        if register is None:
            store.close()
    cutoff = end_of_day_stamp(as_of) if as_of is not None else None
    # every field at its baseline (the seed value, else the old value of its first change)
    seed = _only_parks(timeline.replay(current, rows, date(1, 1, 1)), parks)
    seeds = [r for r in rows if r.source == "seed"]
    edits = [r for r in rows if r.source != "seed" and r.project_id in seed
             and (cutoff is None or r.changed_at < cutoff)]
    # a register made on the fly from projects.csv alone is seeded "now": date it by the as-of
    # day instead, so two builds of the same folder hash the same
    dated = seeds and (register is not None or register_file(folder).exists()
                       or any(r.source != "seed" for r in rows))
    return PackedRegister(seed, seeds[0].changed_at if dated else start,
                          seeds[0].author if dated else BUILD_AUTHOR, scheme, edits)


def _only_parks(projects: dict[str, Project], parks, copy: bool = True) -> dict[str, Project]:
    """The projects of ``parks`` (all without), copies unless ``copy`` is False."""
    return {pid: dataclasses.replace(p) if copy else p for pid, p in projects.items()
            if not parks or p.park in parks}


def write_register(path: Path, packed: PackedRegister) -> None:
    """Create the register in the pack file and replay the carried history into it."""
    from parksgis.store.register import RegisterStore

    store = RegisterStore.create(path, packed.seed, packed.scheme, author=packed.seed_author,
                                 baseline=packed.seed_stamp)
    try:
        for _edit, group in groupby(packed.rows, key=lambda r: r.edit_id):
            group = list(group)
            batch: dict[str, dict] = {}
            for row in group:
                batch.setdefault(row.project_id, {})[row.field] = from_db(row.field, row.new)
            first = group[0]
            store.update_many(batch, author=first.author, source=first.source,
                              changed_at=first.changed_at)
    finally:
        store.close()
