"""A construction project of the register; features link to it by their ``project_id`` property."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date


@dataclass
class Project:
    project_id: str
    park: str
    name_zh: str
    name_en: str = ""
    category: str = ""  # road / plot / utility / berth / building / ...
    status: str = "planned"
    progress_pct: float | None = None
    investment_wan_yuan: float | None = None  # 万元
    planned_start: date | None = None
    planned_finish: date | None = None
    actual_start: date | None = None
    actual_finish: date | None = None
    owner: str = ""
    contractor: str = ""
    updated_at: str = ""
    note: str = ""

    def name(self, lang: str = "zh") -> str:
        return (self.name_zh or self.name_en) if lang == "zh" else (self.name_en or self.name_zh)


PROJECT_FIELDS: list[str] = [f.name for f in fields(Project)]
DATE_FIELDS = ("planned_start", "planned_finish", "actual_start", "actual_finish")
NUMBER_FIELDS = ("progress_pct", "investment_wan_yuan")
