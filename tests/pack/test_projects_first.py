"""A page needs every project's row (its key figures): a pack opened for one has them read from
the start, beside the layers, and there when it opens, instead of when first asked for."""

from __future__ import annotations

from parksgis.pack import open_pack


def test_projects_read_first_are_the_register_s_projects(pack):
    workspace, handle = open_pack(pack, read_only=True, projects_first=True)
    plain, plain_handle = open_pack(pack, read_only=True)
    try:
        assert workspace.projects.loaded and not plain.projects.started
        assert dict(workspace.projects) == dict(plain.projects) and len(workspace.projects) > 0
        for lang in ("zh", "en"):  # what the map shows of them, as read up front otherwise
            assert workspace.projects.names(lang) == plain.projects.names(lang)
        assert workspace.projects.statuses() == plain.projects.statuses()
    finally:
        handle.close()
        plain_handle.close()
