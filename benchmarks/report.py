"""The results table: medians, ratios parksgis / peer, targets met or not."""

from __future__ import annotations

import statistics

from benchmarks.generate import size_label
from benchmarks.targets import ROWS, TARGETS


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if value < 1.0:
        return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def ratio(ours: float | None, peer: float | None) -> str:
    if ours is None or peer is None or peer <= 0:
        return "—"
    return f"{ours / peer:.2f}×"


def peer_median(samples: list[dict], pick) -> float | None:
    if pick is None:
        return None
    values = [v for v in (pick(s) for s in samples) if v is not None]
    return statistics.median(values) if values else None


def markdown_table(runs, with_qgis: bool) -> str:
    head = ["N", "measure", "parksgis", "geopandas+mpl", "ratio"]
    if with_qgis:
        head += ["QGIS", "ratio"]
    head += ["target", "met"]
    lines = ["| " + " | ".join(head) + " |",
             "|" + "|".join("---:" if i >= 2 else "---" for i in range(len(head))) + "|"]
    notes: dict[str, str] = {}
    for run in runs:
        for row in ROWS:
            values = run.values.get(row.key)
            ours = statistics.median(values) if values else None
            mpl = peer_median(run.mpl, row.mpl)
            qgis_runs = run.qgis_gpkg if row.qgis_source == "gpkg" else run.qgis
            qgis = peer_median(qgis_runs, row.qgis) if with_qgis else None
            shown = fmt(ours, row.unit) if ours is not None else run.na.get(row.key, "n/a")
            cells = [size_label(run.n), row.label, shown, fmt(mpl, row.unit), ratio(ours, mpl)]
            if with_qgis:
                cells += [fmt(qgis, row.unit), ratio(ours, qgis)]
            target = TARGETS.get((row.key, run.n))
            if target is None:
                cells += ["", ""]
            else:
                met = None if ours is None else target.met(ours, qgis)
                cells += [target.text, "—" if met is None else ("met" if met else "**not met**")]
            lines.append("| " + " | ".join(cells) + " |")
            if run.notes.get(row.key):  # the largest N's note is kept
                notes[row.label] = f"(N = {size_label(run.n)}) {run.notes[row.key]}"
            if row.peer_note:
                notes.setdefault(row.label + " (peers)", row.peer_note)
    if notes:
        lines.append("")
        lines += [f"- {label}: {note}" for label, note in notes.items()]
    return "\n".join(lines)
