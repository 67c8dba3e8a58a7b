"""Running one measurement in its own process: wall time, peak RSS and its JSON output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class ProcessResult:
    wall_s: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        """The last stdout line that parses as a JSON object (workers print one)."""
        for line in reversed(self.stdout.splitlines()):
            line = line.strip()
            if line.startswith("{"):
                try:
                    return json.loads(line)
                except ValueError:
                    continue
        return {}


def compile_checkout() -> None:
    """Compile parksgis's modules to bytecode, as installing the wheel does (pip compiles every
    module it installs). Without it, in an environment with ``PYTHONDONTWRITEBYTECODE=1`` (this
    machine's), every child compiled the ~40 modules of a page from source: ~0.06-0.08 s of each
    ``parksgis render`` that no installed copy spends, and QGIS's Python (Debian's packages) is
    compiled too. Once per harness process (a stale file is recompiled by the child as usual)."""
    global _compiled
    if not _compiled:
        import compileall

        compileall.compile_dir(REPO / "parksgis", quiet=1)
        _compiled = True


_compiled = False


def bench_env() -> dict:
    """The environment for every child: our checkout first on the path (compiled, see
    :func:`compile_checkout`), Qt offscreen, 1 BLAS thread."""
    compile_checkout()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])])
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    # the main window keeps QSettings (window state, recent files): not in the user's own config
    env["XDG_CONFIG_HOME"] = str(REPO / "benchmarks" / "out" / "config")
    env.setdefault("OMP_NUM_THREADS", "1")  # two shared cores: no thread pools fighting the others
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    return env


def run_process(cmd: list[str], timeout: float = 900.0, env: dict | None = None) -> ProcessResult:
    """Run ``cmd``; wall time from spawn to exit and the child's own peak RSS (os.wait4).

    Output goes to temporary files rather than pipes, so a chatty child never blocks and wait4
    can reap it directly: wait4 gives this child's rusage, not the maximum over all children.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        env = env or bench_env()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=REPO)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ProcessResult(wall, usage.ru_maxrss / 1024.0, proc.returncode,
                             out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def python_cmd(module: str, *args: str) -> list[str]:
    return [sys.executable, "-m", module, *args]
