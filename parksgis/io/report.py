"""The validation report: what was wrong with a file, feature by feature."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Problem:
    level: str        # "error" | "warning"
    code: str         # stable, e.g. "gbk-encoding", "invalid-geometry-repaired"
    feature: int | None  # 0-based feature index in the file, None for file-level problems
    message: str

    def format(self, file: str) -> str:
        """``FILE: feature N: LEVEL CODE: message`` (``FILE: LEVEL CODE: message`` file-level)."""
        where = f"feature {self.feature}: " if self.feature is not None else ""
        return f"{file}: {where}{self.level} {self.code}: {self.message}"


@dataclass
class ValidationReport:
    file: str
    problems: list[Problem] = field(default_factory=list)
    features: int = 0
    encoding: str | None = None
    crs: str | None = None
    bounds: tuple[float, float, float, float] | None = None  # WGS84 lon/lat
    ok: bool = True  # False when the file as a whole could not be loaded

    def error(self, code: str, message: str, feature: int | None = None) -> None:
        self.problems.append(Problem("error", code, feature, message))

    def warning(self, code: str, message: str, feature: int | None = None) -> None:
        self.problems.append(Problem("warning", code, feature, message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]

    def lines(self) -> list[str]:
        return [p.format(self.file) for p in self.problems]

    def error_lines(self) -> list[str]:
        """:meth:`lines` of the errors only."""
        return [p.format(self.file) for p in self.errors]

    def to_json(self) -> dict:
        return {
            "file": self.file, "ok": self.ok, "features": self.features,
            "encoding": self.encoding, "crs": self.crs,
            "bounds": list(self.bounds) if self.bounds else None,
            "problems": [asdict(p) for p in self.problems],
        }

    @classmethod
    def from_json(cls, data: dict) -> "ValidationReport":
        """The report :meth:`to_json` wrote."""
        return cls(data["file"], [Problem(**p) for p in data["problems"]], data["features"],
                   data["encoding"], data["crs"], tuple(data["bounds"]) if data["bounds"] else None,
                   data["ok"])
