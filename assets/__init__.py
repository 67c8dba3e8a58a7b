"""Bundled files (font, translations, icons), importable as ``parksgis._assets`` (see pyproject.toml).

A package, not a bare folder, so ``importlib.resources`` finds it through an editable install too.
"""
