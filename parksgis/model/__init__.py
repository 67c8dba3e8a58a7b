"""The pure-Python model: the truth that widgets and graphics items observe. No Qt here."""

from parksgis.model.events import Signal
from parksgis.model.layer import Layer, LayerKind
from parksgis.model.project import Project, PROJECT_FIELDS
from parksgis.model.status import StatusScheme, Status, DEFAULT_SCHEME
from parksgis.model.workspace import Park, Workspace, LinkReport

__all__ = [
    "Signal", "Layer", "LayerKind", "Project", "PROJECT_FIELDS", "StatusScheme", "Status",
    "DEFAULT_SCHEME", "Park", "Workspace", "LinkReport",
]
