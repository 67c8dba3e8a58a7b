"""How register values read in the window: field labels instead of column names, statuses by
their label, UTC stamps in the user's local time."""

from __future__ import annotations

from datetime import datetime, timezone

from parksgis.qt.i18n import TranslationContext


class RegisterTexts(TranslationContext):
    """The translation context of this module's texts: ``RegisterTexts.tr("text")``."""


def field_label(field: str) -> str:
    """``progress_pct`` -> 进度 / Progress; an unknown column keeps its name."""
    return {
        "status": RegisterTexts.tr("Status"),
        "progress_pct": RegisterTexts.tr("Progress"),
        "planned_start": RegisterTexts.tr("Planned start"),
        "planned_finish": RegisterTexts.tr("Planned finish"),
        "actual_start": RegisterTexts.tr("Actual start"),
        "actual_finish": RegisterTexts.tr("Actual finish"),
        "note": RegisterTexts.tr("Note"),
        "name_zh": RegisterTexts.tr("Name"),
        "name_en": RegisterTexts.tr("English name"),
        "investment_wan_yuan": RegisterTexts.tr("Investment"),
        "owner": RegisterTexts.tr("Owner"),
        "contractor": RegisterTexts.tr("Contractor"),
        "category": RegisterTexts.tr("Category"),
        "park": RegisterTexts.tr("Park"),
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
