"""Application services: what the window and the commands ask for, composed from ``io`` (reading
layers), ``store`` (the register) and ``pack`` (layer packs). No widgets here; this is the layer
that may know all three, so they need not know each other.
"""
