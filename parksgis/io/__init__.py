"""Reading and validating layers, encodings, CRS and Chinese web-map offsets. No Qt here."""
