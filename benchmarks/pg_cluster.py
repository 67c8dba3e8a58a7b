"""A throwaway PostgreSQL 15 + PostGIS cluster on a Unix socket only, for the server tests
(tests/conftest.py) and the server benchmarks (benchmarks/server.py).

Started with ``initdb``/``pg_ctl`` from Debian's packages (``postgresql-15-postgis-3``; ``.ci/run``
installs them). PostgreSQL refuses to run as root and CI runs as root, so there the server runs as
the unprivileged ``nobody`` in a folder it owns. It listens on no TCP address at all
(``listen_addresses=''``). The superuser ``postgres`` connects by trust over the socket; every
other role must give its password (scram), passed the way users do: through ``PGPASSWORD`` or a
``.pgpass`` file, never in the URL parksgis keeps. Databases are cloned from a template that
already has PostGIS (cloning takes milliseconds; ``CREATE EXTENSION postgis`` takes a second).
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

PG_BIN = Path(os.environ.get("PARKSGIS_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
TEMPLATE = "parksgis_template"


class Cluster:
    """A running test cluster: ``url(db, user)`` for connection strings, ``psql`` as superuser."""

    def __init__(self, root: Path, run_as: list[str]):
        self.root = root
        self.data = root / "data"
        self.socket_dir = root / "socket"
        self.run_as = run_as
        self._names = itertools.count(1)

    def url(self, dbname: str, user: str = "postgres") -> str:
        return f"postgresql://{user}@/{dbname}?host={self.socket_dir}"

    def pg_ctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([*self.run_as, str(PG_BIN / "pg_ctl"), "-D", str(self.data), *args],
                              capture_output=True, text=True, check=check, timeout=60, encoding="utf-8")

    def start(self) -> None:
        self.pg_ctl("-w", "-l", str(self.root / "server.log"), "-o",
                    f"-c listen_addresses='' -c unix_socket_directories={self.socket_dir} "
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start")

    def stop(self, mode: str = "fast") -> None:
        self.pg_ctl("-m", mode, "-w", "stop", check=False)

    def kill(self) -> None:
        """SIGKILL the postmaster: what a crashed or unplugged server looks like to clients."""
        pid = int((self.data / "postmaster.pid").read_text(encoding="utf-8").split()[0])
        os.kill(pid, 9)

    def psql(self, sql: str, dbname: str = "postgres", user: str = "postgres",
             check: bool = True, password: str | None = None) -> subprocess.CompletedProcess:
        env = {**os.environ, "PGPASSWORD": password} if password else None
        return subprocess.run([str(PG_BIN / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At",
                               "-h", str(self.socket_dir), "-U", user, "-d", dbname, "-c", sql],
                              capture_output=True, text=True, check=check, timeout=60, env=env, encoding="utf-8")

    def new_database(self, postgis: bool = True) -> str:
        name = f"t{os.getpid()}_{next(self._names)}"
        self.psql(f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE if postgis else "template0"}')
        return name

    def add_role(self, name: str, password: str) -> None:
        self.psql(f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN "
                  f"CREATE ROLE {name} LOGIN PASSWORD '{password}'; END IF; END $$")


def start_cluster(root: Path) -> Cluster:
    run_as: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses root: run it as nobody, in folders nobody owns
        run_as = ["runuser", "-u", "nobody", "--"]
        os.chown(root, 65534, 65534)
    cluster = Cluster(root, run_as)
    cluster.socket_dir.mkdir()
    if run_as:
        os.chown(cluster.socket_dir, 65534, 65534)
    subprocess.run([*run_as, str(PG_BIN / "initdb"), "-D", str(cluster.data), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                   capture_output=True, text=True, check=True, timeout=120, encoding="utf-8")
    hba = cluster.data / "pg_hba.conf"
    # the superuser by trust over the socket (the tests' own setup); everyone else by password
    hba.write_text("local all postgres trust\nlocal all all scram-sha-256\n", encoding="utf-8")
    if run_as:
        os.chown(hba, 65534, 65534)
    cluster.start()
    cluster.psql(f"CREATE DATABASE {TEMPLATE}")
    cluster.psql("CREATE EXTENSION postgis", dbname=TEMPLATE)
    return cluster



def binaries_missing() -> str | None:
    """Why no cluster can be started here, or None."""
    if not (PG_BIN / "initdb").exists() or not (PG_BIN / "pg_ctl").exists():
        return (f"PostgreSQL 15 binaries not found in {PG_BIN} "
                "(apt-get install postgresql-15-postgis-3; .ci/run does)")
    return None


@contextmanager
def throwaway_cluster():
    """A running cluster, stopped and deleted afterwards."""
    # not under pytest's tmp_path: its parents are root-only (0700), and nobody must reach the
    # socket and data folders; a short path also keeps the socket path under 107 bytes
    root = Path(tempfile.mkdtemp(prefix="parksgis-pg-"))
    os.chmod(root, 0o755)
    cluster = None
    try:
        cluster = start_cluster(root)
        yield cluster
    finally:
        if cluster is not None:
            cluster.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)
