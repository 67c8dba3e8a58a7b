"""The benchmark harness: parksgis against geopandas+matplotlib and QGIS on the same files.

    python -m benchmarks.run [--sizes 1k,10k,100k] [--repeat 5] [--qgis auto|off] [--out DIR]

Generates the synthetic parks when missing (benchmarks.generate), measures every stage in its own
process (so peak RSS is that process's own), prints medians and ratios (parksgis / peer) as a
Markdown table, writes it to <out>/results.md (and the raw numbers to <out>/results.json) and
checks the issue's targets. A stage whose part of parksgis is not built yet shows
"n/a — not built"; the run never stops on it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import sys
import time
from pathlib import Path

from benchmarks import generate
from benchmarks.measure import REPO, python_cmd, run_process
from benchmarks.report import markdown_table

OUT = REPO / "benchmarks" / "out"
QGIS_PYTHON = "/usr/bin/python3"
QGIS_SCRIPT = Path(__file__).resolve().parent / "peers" / "qgis_render.py"
#: Above this N the GeoJSON folder's session (every feature in memory) is not run: a million
#: plots need ~5 GB that way, which is what viewport-driven packs are for.
WHOLE_SESSION_MAX = 100_000


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def qgis_available() -> bool:
    if not os.path.exists(QGIS_PYTHON):
        return False
    probe = run_process([QGIS_PYTHON, "-c", "import qgis.core"], timeout=60)
    return probe.returncode == 0


def built(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


class SizeRun:
    """All measurements for one N; ``values[key]`` is a list of seconds/MB, ``na[key]`` a reason."""

    def __init__(self, n: int, root: Path, out: Path, repeat: int, peer_repeat: int):
        self.n, self.root, self.out = n, root, out
        self.repeat, self.peer_repeat = repeat, peer_repeat
        self.values: dict[str, list[float]] = {}
        self.na: dict[str, str] = {}
        self.notes: dict[str, str] = {}
        self.mpl: list[dict] = []
        self.qgis: list[dict] = []
        self.qgis_gpkg: list[dict] = []  # QGIS reading the pack's GeoPackage tables
        self.images = out / "images" / generate.size_label(n)
        self.images.mkdir(parents=True, exist_ok=True)

    def add(self, key: str, value: float) -> None:
        self.values.setdefault(key, []).append(value)

    # -- parksgis, in-process stages ---------------------------------------------------------
    def stage(self, stage: str, *extra: str, repeat: int | None = None) -> dict:
        result = run_process(python_cmd("benchmarks.stages", stage, str(self.root), "--repeat",
                                        str(repeat or self.repeat), "--out", str(self.images), *extra))
        data = result.json()
        if result.returncode != 0 or not data:
            reason = (result.stderr.strip().splitlines() or ["no output"])[-1][:160]
            return {"error": f"failed: {reason}"}
        for key, values in data.get("timings", {}).items():
            self.values.setdefault(key, []).extend(values)
        self.na.update(data.get("na", {}))
        self.notes.update(data.get("notes", {}))
        return data

    def measure_parksgis(self, pack: Path | None) -> None:
        for stage, keys in (("read", ["read_plots"]), ("folder", ["open_folder"])):
            log(f"  parksgis {stage}")
            data = self.stage(stage)
            if "error" in data:
                self.na.update({k: data["error"] for k in keys})
        log("  parksgis first frame (GeoJSON folder): a first open, then later opens")
        shutil.rmtree(self.images / "user-cache", ignore_errors=True)  # io.read_cache's, for these runs
        for _ in range(self.repeat + 1):
            data = self.stage("first_frame", repeat=1)
            if "error" in data or data.get("na"):
                self.na.setdefault("first_frame_geojson", data.get("error", ""))
                break
        if pack is not None:
            log("  parksgis open pack, first frame (pack)")
            data = self.stage("pack_open", "--pack", str(pack))
            if "error" in data:
                self.na["open_pack"] = data["error"]
            for _ in range(self.repeat):
                data = self.stage("first_frame", "--pack", str(pack), repeat=1)
                if "error" in data or data.get("na"):
                    self.na.setdefault("first_frame_pack", data.get("error", ""))
                    break
        for key in ("first_frame_geojson", "first_frame_pack"):
            total, load = self.values.get(key), self.values.get(key + "_load")
            if total and load:
                self.notes[key] = (f"File ▸ Open: loaded {statistics.median(load):.2f} s + main window to "
                                   f"first frame {statistics.median(total) - statistics.median(load):.2f} s")
        first = self.values.get("first_frame_geojson_first_open")
        if first:
            self.notes["first_frame_geojson"] = (self.notes.get("first_frame_geojson", "") +
                                                 f"; later opens (big layers kept as read); the first "
                                                 f"open, which parses and keeps them: {first[0]:.2f} s")
        if pack is not None:
            log("  parksgis session on the pack (open, zoom, pan, identify, zoom out)")
            data = self.stage("pack_session", "--pack", str(pack))
            if "error" in data:
                for key in ("settle_zoom_pack", "pan_frame_pack", "identify_pack", "rss_session_pack"):
                    self.na.setdefault(key, data["error"])
        if self.n > WHOLE_SESSION_MAX:
            for key in ("render_full_noaa", "render_full_aa", "render_zoom8_noaa", "render_zoom8_aa",
                        "pan_frame", "identify", "export_a3_png", "rss_session"):
                self.na.setdefault(key, f"n/a — the whole-folder session runs up to {WHOLE_SESSION_MAX:,} "
                                        "features; see the pack session rows")
            return
        log("  parksgis session (zoom, pan, identify, export)")
        data = self.stage("session")
        if "error" in data:
            for key in ("render_full_noaa", "render_full_aa", "render_zoom8_noaa", "render_zoom8_aa",
                        "pan_frame", "identify", "export_a3_png", "rss_session"):
                self.na.setdefault(key, data["error"])
        elif "rss_session" in self.values:
            self.notes["rss_session"] = (f"open + draw + zoom + pan + identify; with the A3 export "
                                         f"the process peaked at {data['rss_mb']:,.0f} MB")

    def build_pack(self) -> Path | None:
        if not built("parksgis.commands.pack"):
            for key in ("pack_build", "open_pack", "first_frame_pack"):
                self.na[key] = "n/a — not built (parksgis pack)"
            return None
        pack = self.out / "packs" / f"{generate.size_label(self.n)}.gpkg"
        pack.parent.mkdir(parents=True, exist_ok=True)
        pack.unlink(missing_ok=True)
        log("  parksgis pack build")
        result = run_process(python_cmd("parksgis", "pack", "build", str(self.root), "-o", str(pack)))
        if result.returncode != 0 or not pack.exists():
            reason = (result.stderr.strip().splitlines() or ["no output"])[-1][:160]
            for key in ("pack_build", "open_pack", "first_frame_pack"):
                self.na[key] = f"failed: {reason}"
            return None
        self.add("pack_build", result.wall_s)
        return pack

    def measure_process_render(self, pack: Path | None = None) -> None:
        """``parksgis render`` of the folder, and of the pack when there is one; ``parksgis
        atlas`` of the pack (A4 at 300 dpi: the overview and a page per park, read page by page)."""
        page = ["--size", "1920x1080", "--dpi", "96"]
        runs = [(self.root, "render", "process_render", "rss_render", "parksgis_render.png", page)]
        if pack is not None:
            runs.append((pack, "render", "process_render_pack", "rss_render_pack", "parksgis_render_pack.png", page))
            runs.append((pack, "atlas", "process_atlas_pack", "rss_atlas_pack", "parksgis_atlas_pack.pdf", []))
        for src, command, key, rss_key, name, size in runs:
            if not built(f"parksgis.commands.{command}"):
                self.na[key] = self.na[rss_key] = f"n/a — not built (parksgis {command})"
                continue
            log(f"  parksgis {command} (whole process) of {src.name}")
            for _ in range(self.repeat):
                result = run_process(python_cmd("parksgis", command, str(src), "-o", str(self.images / name),
                                                *size, "--generated", "2014-07-24"))
                if result.returncode != 0:
                    reason = (result.stderr.strip().splitlines() or ["no output"])[-1][:160]
                    self.na[key] = self.na[rss_key] = f"failed: {reason}"
                    break
                self.add(key, result.wall_s)
                self.add(rss_key, result.peak_rss_mb)

    # -- peers -------------------------------------------------------------------------------
    def measure_mpl(self) -> None:
        if not built("matplotlib"):
            self.notes["peer_mpl"] = "matplotlib not installed"
            return
        log("  geopandas + matplotlib")
        files = [str(p) for p in generate.layer_files(self.root)]
        for _ in range(self.peer_repeat):
            result = run_process(python_cmd("benchmarks.peers.gpd_mpl", str(self.images / "mpl.png"), *files))
            data = result.json()
            if result.returncode == 0 and data:
                self.mpl.append(dict(data, wall_s=result.wall_s, rss_mb=result.peak_rss_mb))

    def measure_qgis(self, pack: Path | None = None) -> None:
        """QGIS on the GeoJSON files, and on the same layers in the pack's GeoPackage tables."""
        runs = [("QGIS (GeoJSON)", [str(p) for p in generate.layer_files(self.root)], self.qgis, "qgis.png")]
        if pack is not None:
            tables = [f"{pack}|layername={generate.PARK_ID}__{p.stem}" for p in generate.layer_files(self.root)]
            runs.append(("QGIS (GeoPackage)", tables, self.qgis_gpkg, "qgis_gpkg.png"))
        for label, layers, results, name in runs:
            log(f"  {label}")
            for _ in range(self.peer_repeat):
                result = run_process([QGIS_PYTHON, str(QGIS_SCRIPT), "--repeat", "2",
                                      str(self.images / name), "1920", "1080", *layers])
                fields = dict(kv.split("=", 1) for kv in result.stdout.split() if "=" in kv)
                if result.returncode == 0 and "total_s" in fields:
                    numbers = {k: float(v) for k, v in fields.items() if k.endswith("_s")}
                    results.append(dict(numbers, wall_s=result.wall_s, rss_mb=result.peak_rss_mb))


def machine_facts() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} shared cores ({cpu or platform.processor()}), "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k,10k,100k", help="comma-separated: 200, 1k, 10k, 100k, 1M")
    parser.add_argument("--repeat", type=int, default=5, help="timed repeats per measurement")
    parser.add_argument("--peer-repeat", type=int, help="whole-process peer runs (default: min(repeat, 3))")
    parser.add_argument("--qgis", choices=("auto", "off"), default="auto")
    parser.add_argument("--mpl", choices=("on", "off"), default="on",
                        help="the geopandas+matplotlib peer (off for 1M: it takes minutes)")
    parser.add_argument("--out", type=Path, default=OUT, help="data, images and results go here")
    args = parser.parse_args(argv)
    peer_repeat = args.peer_repeat or min(args.repeat, 3)
    use_qgis = args.qgis == "auto" and qgis_available()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_before = os.getloadavg()[0]
    runs = []
    for text in args.sizes.split(","):
        n = generate.parse_size(text)
        log(f"N = {generate.size_label(n)}: generating")
        root = generate.generate(n, args.out / "data")
        run = SizeRun(n, root, args.out, args.repeat, peer_repeat)
        pack = run.build_pack()
        run.measure_parksgis(pack)
        run.measure_process_render(pack)
        if args.mpl == "on":
            run.measure_mpl()
        if use_qgis:
            run.measure_qgis(pack)
        runs.append(run)
    load = f"load average {load_before:.1f} at start, {os.getloadavg()[0]:.1f} at end"
    header = (f"Run {started} on {machine_facts()}, {load}; medians of {args.repeat} repeats "
              f"({peer_repeat} for whole-process peers); QGIS: "
              f"{'3.x via ' + QGIS_PYTHON if use_qgis else 'off/not installed'}.")
    table = markdown_table(runs, use_qgis)
    text = f"{header}\n\n{table}\n"
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.md").write_text(text, encoding="utf-8")
    raw = [dict(n=r.n, values=r.values, na=r.na, notes=r.notes, mpl=r.mpl, qgis=r.qgis,
                qgis_gpkg=r.qgis_gpkg) for r in runs]
    (args.out / "results.json").write_text(json.dumps(dict(header=header, runs=raw), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
