"""How register values read in the window: field labels instead of column names, statuses by
their label, UTC stamps in the user's local time."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6 import QtCore

TR_CONTEXT = "RegisterTexts"


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate(TR_CONTEXT, text)


def field_label(field: str) -> str:
    """``progress_pct`` -> 进度 / Progress; an unknown column keeps its name."""
    return {
        "status": _tr("Status"), "progress_pct": _tr("Progress"), "planned_start": _tr("Planned start"),
        "planned_finish": _tr("Planned finish"), "actual_start": _tr("Actual start"),
        "actual_finish": _tr("Actual finish"), "note": _tr("Note"), "name_zh": _tr("Name"),
        "name_en": _tr("English name"), "investment_wan_yuan": _tr("Investment"), "owner": _tr("Owner"),
        "contractor": _tr("Contractor"), "category": _tr("Category"), "park": _tr("Park"),
    }.get(field, field)


def local_time(stamp: str | None) -> str:
    """A register stamp (UTC, ``…Z``) as the user's local ``YYYY-MM-DD HH:MM``."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def value_text(field: str, value, scheme=None, lang: str = "zh") -> str:
    """A field's value as the user reads it: a status by its label, a percentage with %, — for empty."""
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return "—"
    if field == "status" and scheme is not None and value in scheme:
        return scheme[value].label(lang)
    if field == "progress_pct":
        try:
            return f"{float(value):g} %"
        except (TypeError, ValueError):
            return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)
