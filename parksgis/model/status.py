"""Project status scheme: ordered states with Chinese/English labels and colour-blind-safe colours."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Status:
    code: str
    label_zh: str
    label_en: str
    color: str  # "#rrggbb"

    def label(self, lang: str = "zh") -> str:
        return self.label_zh if lang == "zh" else self.label_en


class StatusScheme:
    """Ordered statuses. Stored in packs, so a pack renders the same everywhere."""

    #: colour of features that link to no project (context features)
    NO_PROJECT_COLOR = "#d9d9d9"

    def __init__(self, statuses: list[Status]):
        codes = [s.code for s in statuses]
        if len(set(codes)) != len(codes):
            raise ValueError(f"status codes must be unique; got {codes}")
        self._statuses = list(statuses)
        self._by_code = {s.code: s for s in statuses}

    def __iter__(self):
        return iter(self._statuses)

    def __len__(self) -> int:
        return len(self._statuses)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __getitem__(self, code: str) -> Status:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"unknown status {code!r}; known: {', '.join(self._by_code)}") from None

    @property
    def codes(self) -> list[str]:
        return [s.code for s in self._statuses]

    def color(self, code: str | None) -> str:
        status = self._by_code.get(code) if code else None
        return status.color if status else self.NO_PROJECT_COLOR

    def order(self, code: str) -> int:
        return self.codes.index(code)

    def to_records(self) -> list[dict]:
        return [dict(code=s.code, label_zh=s.label_zh, label_en=s.label_en, color=s.color,
                     position=i) for i, s in enumerate(self._statuses)]

    @classmethod
    def from_records(cls, records) -> "StatusScheme":
        rows = sorted(records, key=lambda r: r.get("position", 0))
        return cls([Status(r["code"], r["label_zh"], r["label_en"], r["color"]) for r in rows])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StatusScheme) and self._statuses == other._statuses


# Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
DEFAULT_SCHEME = StatusScheme([
    Status("planned", "规划", "Planned", "#56B4E9"),
    Status("approved", "立项", "Approved", "#0072B2"),
    Status("under_construction", "在建", "Under construction", "#E69F00"),
    Status("completed", "建成", "Completed", "#009E73"),
    Status("in_operation", "投用", "In operation", "#CC79A7"),
    Status("suspended", "暂缓", "Suspended", "#D55E00"),
])
