"""Project field values as the text that baselines, change files and history carry.

The register's history stores every value as text (dates ISO, numbers ``repr`` of a float, empty
dates/numbers NULL); packs use the very same text so a change's base value compares equal to the
register's value exactly when the register would store the same thing.
"""

from __future__ import annotations

from parksgis.store.values import to_text as value_text  # noqa: F401  (one definition of "same")
