"""Paper and page sizes in points: no Qt, so ``render`` knows the page's pixels before it imports
the libraries that draw it (and can start reading what the page shows meanwhile)."""

from __future__ import annotations

PAPER_MM = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}
MM_TO_PT = 72.0 / 25.4


def page_size_pt(paper: str | None = None, landscape: bool = False, size_px: tuple[int, int] | None = None,
                 dpi: float = 150.0) -> tuple[float, float]:
    """Page size in points from a paper name (A4/A3) or a pixel size at ``dpi``."""
    if size_px is not None:
        return size_px[0] * 72.0 / dpi, size_px[1] * 72.0 / dpi
    w, h = PAPER_MM[(paper or "A4").upper()]
    if landscape:
        w, h = h, w
    return w * MM_TO_PT, h * MM_TO_PT
