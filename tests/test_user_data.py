"""The layer cache's one clean-up: layers kept as read (.npz) and cache packs (.gpkg + report)
share a folder, and what was used least recently goes first when it grows too big or old."""

from __future__ import annotations

import os
import time

from parksgis import user_data


def _entry(folder, name, size, used_days_ago):
    files = [folder / name] if name.endswith(".npz") else [folder / f"{name}.gpkg", folder / f"{name}.report.json"]
    stamp = time.time() - used_days_ago * 86400
    for path in files:
        path.write_bytes(b"x" * (size // len(files)))
        os.utime(path, (stamp, stamp))
    return files


def test_least_recently_used_entries_go_until_the_folder_fits(tmp_path, monkeypatch):
    monkeypatch.setattr(user_data, "LAYER_CACHE_MAX_BYTES", 3000)
    folder = tmp_path / "layers"
    folder.mkdir()
    oldest = _entry(folder, "a" * 32 + ".npz", 1000, used_days_ago=9)
    older = _entry(folder, "0123456789abcdef-0123456789abcdef", 1000, used_days_ago=8)
    recent = _entry(folder, "b" * 32 + ".npz", 1000, used_days_ago=1)
    # the pack's report was touched when it was last opened: that, not the pack's age, counts
    pack_used = _entry(folder, "fedcba9876543210-0123456789abcdef", 1000, used_days_ago=20)
    os.utime(pack_used[1], None)
    writing = folder / ".cccc.npz.0123.npz"  # another window writing an entry
    writing.write_bytes(b"x" * 5000)
    new = _entry(folder, "c" * 32 + ".npz", 1000, used_days_ago=0)

    user_data.prune_layer_cache(keep=new[0])

    assert not any(p.exists() for p in oldest + older)
    assert all(p.exists() for p in recent + pack_used + new) and writing.exists()


def test_entries_unused_for_a_month_go_even_when_the_folder_is_small(tmp_path):
    folder = tmp_path / "layers"
    folder.mkdir()
    stale = _entry(folder, "0123456789abcdef-0123456789abcdef", 10, used_days_ago=40)
    fresh = _entry(folder, "a" * 32 + ".npz", 10, used_days_ago=29)
    new = _entry(folder, "b" * 32 + ".npz", 10, used_days_ago=0)

    user_data.prune_layer_cache(keep=new[0])

    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in fresh + new)


def test_a_half_written_entry_of_a_killed_process_goes_after_a_day(tmp_path):
    folder = tmp_path / "layers"
    folder.mkdir()
    writing, killed = folder / ".aaaa.npz.0123.npz", folder / ".bbbb.npz.4567.npz"
    for path in (writing, killed):
        path.write_bytes(b"PK")
    os.utime(killed, (time.time() - 2 * 86400,) * 2)
    new = _entry(folder, "c" * 32 + ".npz", 10, used_days_ago=0)

    user_data.prune_layer_cache(keep=new[0])

    assert writing.exists() and not killed.exists()


def test_a_missing_folder_is_nothing_to_clean(tmp_path):
    user_data.prune_layer_cache(keep=tmp_path / "layers" / "gone.npz")
