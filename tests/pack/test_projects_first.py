"""A page needs every project's row (its key figures): a pack opened for one has them read from
the start, beside the layers, instead of when the key figures first ask for them."""

from __future__ import annotations

from parksgis.pack import open_pack


def test_projects_read_first_are_the_register_s_projects(pack):
    workspace, handle = open_pack(pack, read_only=True, projects_first=True)
    plain, plain_handle = open_pack(pack, read_only=True)
    try:
        assert workspace.projects.started and not plain.projects.started
        assert dict(workspace.projects) == dict(plain.projects) and len(workspace.projects) > 0
    finally:
        handle.close()
        plain_handle.close()
