"""What spreadsheet headers and cells mean: Chinese/English headers, status synonyms, dates, numbers.

Engineers keep status in their own spreadsheets, headed in Chinese or English and written the way
people write (``2014年7月1日``, ``施工中``, ``35%``). This module turns one header or one cell into
a register value, or a short reason why it cannot; it knows nothing about files or rows.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from parksgis.model.status import StatusScheme


def match_key(text: str) -> str:
    """Header/value key: NFKC (full-width -> ASCII), lower case, no spaces, '_' or '-'."""
    text = unicodedata.normalize("NFKC", str(text)).strip().lower()
    return re.sub(r"[\s_\-]+", "", text)


# field -> header spellings (compared by _key, so "Project ID", "project_id", "项目编号" all work)
_HEADERS = {
    "project_id": ["项目编号", "编号", "项目代码", "项目id", "project_id", "project", "id", "code"],
    "park": ["园区", "所属园区", "片区", "park"],
    "name_zh": ["项目名称", "名称", "中文名称", "name_zh", "name", "name (zh)", "chinese name"],
    "name_en": ["英文名称", "英文名", "name_en", "name (en)", "english name"],
    "category": ["类别", "项目类别", "类型", "category", "type"],
    "status": ["状态", "项目状态", "建设状态", "status"],
    "progress_pct": ["进度", "进度(%)", "进度%", "形象进度", "完成进度", "完成比例", "progress",
                     "progress(%)", "progress %", "progress_pct"],
    "investment_wan_yuan": ["投资(万元)", "投资额(万元)", "总投资(万元)", "投资", "investment",
                            "investment_wan_yuan", "investment (10k yuan)", "investment (wan yuan)"],
    "planned_start": ["计划开工", "计划开工日期", "计划开工时间", "planned_start", "planned start"],
    "planned_finish": ["计划完工", "计划完工日期", "计划竣工", "计划竣工日期", "planned_finish",
                       "planned finish"],
    "actual_start": ["实际开工", "实际开工日期", "开工日期", "actual_start", "actual start"],
    "actual_finish": ["实际完工", "实际完工日期", "实际竣工", "竣工日期", "actual_finish", "actual finish"],
    "owner": ["建设单位", "业主", "业主单位", "owner"],
    "contractor": ["施工单位", "承建单位", "contractor"],
    "updated_at": ["更新时间", "更新日期", "updated_at", "updated"],
    "note": ["备注", "说明", "note", "notes", "remarks"],
}
#: Investment given in 亿元 (1亿 = 10,000万) is converted to the register's 万元.
_SCALED_HEADERS = {"投资(亿元)": ("investment_wan_yuan", 10_000.0), "总投资(亿元)": ("investment_wan_yuan", 10_000.0),
                   "investment (100m yuan)": ("investment_wan_yuan", 10_000.0)}
#: Row-number columns spreadsheets often carry; they are skipped without a problem.
IGNORED_HEADERS = {match_key(h) for h in ("序号", "no", "no.", "#", "行号")}

HEADER_FIELDS: dict[str, tuple[str, float]] = {}
for _field, _names in _HEADERS.items():
    for _name in _names:
        HEADER_FIELDS[match_key(_name)] = (_field, 1.0)
for _name, _target in _SCALED_HEADERS.items():
    HEADER_FIELDS[match_key(_name)] = _target

#: Headers written by export, per language (the first Chinese spelling / the field name).
EXPORT_HEADERS = {
    "zh": {"project_id": "项目编号", "park": "园区", "name_zh": "项目名称", "name_en": "英文名称",
           "category": "类别", "status": "状态", "progress_pct": "进度(%)",
           "investment_wan_yuan": "投资(万元)", "planned_start": "计划开工", "planned_finish": "计划完工",
           "actual_start": "实际开工", "actual_finish": "实际完工", "owner": "建设单位",
           "contractor": "施工单位", "updated_at": "更新时间", "note": "备注"},
}


def header_field(header) -> tuple[str, float] | None:
    """(field, scale) a header names, None when unknown."""
    return HEADER_FIELDS.get(match_key(header)) if header is not None else None


# Status words people write -> scheme code. Scheme codes and both labels are accepted as well.
STATUS_SYNONYMS = {
    "planned": ["规划", "拟建", "计划", "前期", "前期工作", "筹建", "planning", "proposed"],
    "approved": ["立项", "已立项", "招标中", "招标", "已批复", "批复", "tendering", "approved"],
    "under_construction": ["施工中", "在建", "已开工", "开工", "建设中", "动工", "under construction",
                           "construction", "started", "in progress", "building"],
    "completed": ["已完工", "竣工", "完工", "已竣工", "建成", "已建成", "completed", "complete",
                  "finished", "done"],
    "in_operation": ["投产", "投用", "运营", "已投产", "已投用", "运营中", "in operation", "operating",
                     "operational", "in service"],
    "suspended": ["暂缓", "停工", "缓建", "暂停", "中止", "suspended", "on hold", "halted", "paused"],
}


def status_code(value, scheme: StatusScheme) -> str | None:
    """The scheme code ``value`` means (code, zh/en label or a synonym), None when unknown."""
    return _status_words(scheme).get(match_key(value))


_STATUS_WORDS: dict[int, tuple[StatusScheme, dict[str, str]]] = {}


def _status_words(scheme: StatusScheme) -> dict[str, str]:
    """Word key -> code for a scheme (cached: an import looks up thousands of cells)."""
    cached = _STATUS_WORDS.get(id(scheme))
    if cached is not None and cached[0] is scheme:
        return cached[1]
    words: dict[str, str] = {}
    for code, synonyms in STATUS_SYNONYMS.items():
        if code in scheme:
            words.update({match_key(w): code for w in synonyms})
    for status in scheme:  # the scheme's own codes and labels win over synonyms
        words.update({match_key(status.code): status.code, match_key(status.label_zh): status.code,
                      match_key(status.label_en): status.code})
    _STATUS_WORDS[id(scheme)] = (scheme, words)
    return words


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                   r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(value) -> date | None:
    """A date from a cell: date/datetime, 2014-07-01, 2014/7/1, 2014.7.1, 2014年7月1日, 20140701,
    or an Excel serial day number. Empty -> None; raises ValueError when it is no date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2_958_466:  # Excel serial days (1900 date system), up to 9999-12-31
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueError(f"{value!r} is not a date")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = _DATE.match(text) or _COMPACT_DATE.match(text)
    if not match:
        raise ValueError(f"{value!r} is not a date (write 2014-07-01, 2014/7/1 or 2014年7月1日)")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValueError(f"{value!r} is not a date (no such day)") from None


def parse_number(value, percent_cell: bool = False) -> float | None:
    """A number from a cell: 35, '35', '35%', '1,200', full-width digits. Empty -> None.

    ``percent_cell``: an XLSX cell formatted as a percentage holds 0.35 for 35%.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, (int, float)):
        return float(value) * (100.0 if percent_cell else 1.0)
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "")
    if text.endswith("%"):
        text = text[:-1].strip()
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"{value!r} is not a number")
    return number
