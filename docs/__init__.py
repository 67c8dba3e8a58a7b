"""The user guide Help ▸ User guide opens (app.md, app.zh_CN.md), importable as ``parksgis._docs``
(see pyproject.toml), so the window shows it offline from an installed wheel too.
"""
