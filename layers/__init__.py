"""The sample parks, importable as ``parksgis._layers`` (see pyproject.toml); not a layer file.

A package, not a bare folder, so ``importlib.resources`` finds it through an editable install too.
"""
