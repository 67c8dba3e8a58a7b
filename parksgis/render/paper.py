"""Paper and page sizes in points: no Qt, so ``render`` knows the page's pixels before it imports
the libraries that draw it (and can start reading what the page shows meanwhile)."""

from __future__ import annotations

from parksgis.errors import UsageError

PAPER_MM = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}
MM_TO_PT = 72.0 / 25.4
#: The smallest page (points) laid out at full size. A smaller one gets this page's layout shrunk
#: to fit, text, symbols and all, as a print layout is scaled down: at full size its title, key
#: figures and notes left an 800x600 page at 150 dpi a strip of map, and ran into each other on
#: a smaller one.
FULL_SIZE_PT = (480.0, 360.0)
#: ... down to this much (8.5 pt key figures at 4 pt); :func:`check_page_size` refuses smaller pages
SMALLEST_SHRINK = 0.5


def page_size_pt(paper: str | None = None, landscape: bool = False, size_px: tuple[int, int] | None = None,
                 dpi: float = 150.0) -> tuple[float, float]:
    """Page size in points from a paper name (A4/A3) or a pixel size at ``dpi``."""
    if size_px is not None:
        return size_px[0] * 72.0 / dpi, size_px[1] * 72.0 / dpi
    w, h = PAPER_MM[(paper or "A4").upper()]
    if landscape:
        w, h = h, w
    return w * MM_TO_PT, h * MM_TO_PT


def page_shrink(size_pt: tuple[float, float]) -> float:
    """How much smaller than its layout a page of ``size_pt`` (points) is drawn (1: full size)."""
    return min(1.0, size_pt[0] / FULL_SIZE_PT[0], size_pt[1] / FULL_SIZE_PT[1])


def check_page_size(size_pt: tuple[float, float], dpi: float) -> None:
    """Refuse a page too small for a briefing (its text would be shrunk under :data:`SMALLEST_SHRINK`)."""
    if page_shrink(size_pt) < SMALLEST_SHRINK:
        def px(pt: float) -> int:
            return round(pt * dpi / 72)

        least = [side * SMALLEST_SHRINK for side in FULL_SIZE_PT]
        raise UsageError(f"a page of {px(size_pt[0])}x{px(size_pt[1])} px at {dpi:g} dpi is too small for a "
                         f"briefing: at least {px(least[0])}x{px(least[1])} px at this dpi (a lower dpi sets "
                         "its text smaller)")
