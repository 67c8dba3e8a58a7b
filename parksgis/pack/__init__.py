"""Layer packs: build, open, verify, export-changes, merge (one GeoPackage file). No Qt here."""
