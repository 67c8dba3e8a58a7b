"""The only widget code: main window, canvas, layer tree, panels, dialogs."""
