"""What one window has open: the workspace, its renderer, the register link and the source.

The source is the folder, file or pack the workspace came from (``parksgis.app.workspace.Source``;
a pack's handle holds its register and edit lock). Opening a new source and closing the old one
happen here and nowhere else, in one order: the register link lets go of the register first, then
the old renderer stops following the model, then the old source (and its lock) is released.
Controllers (register panels, pack actions, export) are given the session they serve.
"""

from __future__ import annotations

from PySide6 import QtCore

from parksgis.qt.register_link import RegisterLink


class Session(QtCore.QObject):
    def __init__(self, settings: QtCore.QSettings, parent=None):
        super().__init__(parent)
        self.workspace = None
        self.renderer = None   # parksgis.render.map_renderer.MapRenderer of ``workspace``
        self.source = None     # parksgis.app.workspace.Source, None for a workspace built in memory
        self.link = RegisterLink(settings, self)

    @property
    def pack(self):
        """The open pack's PackHandle, or None."""
        return self.source.pack if self.source is not None else None

    def replace(self, workspace, source, renderer) -> None:
        """Show ``workspace`` (from ``source``, drawn by ``renderer``) instead of what was open."""
        self.link.set_workspace(None)  # let go of the old register before its pack closes
        if self.renderer is not None and self.renderer is not renderer:
            self.renderer.close()
        if self.source is not None and self.source is not source:
            self.source.close()  # the pack file is released: no lock left behind
        self.workspace, self.source, self.renderer = workspace, source, renderer

    def open_register(self) -> None:
        """Point the register link at the open workspace (its folder's register or its pack's)."""
        self.link.set_workspace(self.workspace, self.pack)

    def close(self) -> None:
        """The window is closing: release the register and the source (no lock left on a pack)."""
        self.link.close()
        if self.source is not None:
            self.source.close()
