"""The embedded PostgreSQL stops when the last process using it exits, SIGTERM included."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="external server in use")

CHILD = r"""
import sys, time
from pathlib import Path
from portal.embedded_pg import connection_params
print(connection_params(Path(sys.argv[1]), "postgres")["host"], flush=True)
time.sleep(60)
"""


def _running(datadir: Path) -> bool:
    pid_file = datadir / "postmaster.pid"
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text().split()[0])
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def test_server_starts_on_demand_and_stops_on_sigterm(tmp_path):
    datadir = tmp_path / "pgdata"
    project = Path(__file__).resolve().parents[1]
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(datadir)], cwd=project, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(project)})
    try:
        assert child.stdout.readline().strip(), "no socket directory printed"
        assert _running(datadir)
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=30)
        for _ in range(50):
            if not _running(datadir):
                break
            time.sleep(0.2)
        assert not _running(datadir), "the embedded server outlived its last user"
    finally:
        if child.poll() is None:
            child.kill()


def test_a_cut_handle_list_is_repaired_before_start(tmp_path):
    import pgserver

    from portal.embedded_pg import _repair_handle_list

    (tmp_path / ".handle_pids.json").write_text("[12")
    _repair_handle_list(tmp_path, pgserver)
    assert (tmp_path / ".handle_pids.json").read_text() == "[]"
    (tmp_path / ".handle_pids.json").write_text("[1, 2]")
    _repair_handle_list(tmp_path, pgserver)
    assert (tmp_path / ".handle_pids.json").read_text() == "[1, 2]"


RECONNECT_CHILD = r"""
import sys
from pathlib import Path
import psycopg
from portal.embedded_pg import connection_params
datadir = Path(sys.argv[1])
for _ in range(2):
    params = connection_params(datadir, "postgres")
    with psycopg.connect(dbname="postgres", **params) as conn:
        print(conn.execute("SELECT 1").fetchone()[0], flush=True)
    sys.stdin.readline()
"""


def _stop_server(datadir: Path) -> None:
    """Stop the server behind the users' backs, as a crash or an administrator would."""
    from pgserver._commands import pg_ctl

    user = "pgserver" if os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=datadir, user=user)


def _start_child(code: str, datadir: Path, **kwargs) -> subprocess.Popen:
    project = Path(__file__).resolve().parents[1]
    return subprocess.Popen([sys.executable, "-c", code, str(datadir)], cwd=project, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(project)}, **kwargs)


def _wait_stopped(datadir: Path) -> bool:
    for _ in range(100):
        if not _running(datadir):
            return True
        time.sleep(0.2)
    return False


def test_a_server_that_died_is_started_again_on_the_next_connection(tmp_path):
    datadir = tmp_path / "pgdata"
    child = _start_child(RECONNECT_CHILD, datadir, stdin=subprocess.PIPE)
    try:
        assert child.stdout.readline().strip() == "1"
        _stop_server(datadir)
        assert not _running(datadir)
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "1", "no connection after the server died"
        assert _running(datadir)
        child.stdin.write("\n")
        child.stdin.flush()
        child.wait(timeout=30)
        assert _wait_stopped(datadir), "the restarted server outlived its last user"
    finally:
        if child.poll() is None:
            child.kill()
        if _running(datadir):
            _stop_server(datadir)


def test_a_killed_user_does_not_keep_the_server_running_forever(tmp_path):
    """kill -9 leaves the killed process's pid in .handle_pids.json; the next users drop it."""
    datadir = tmp_path / "pgdata"
    first = _start_child(CHILD, datadir)
    second = None
    try:
        assert first.stdout.readline().strip()
        first.kill()  # no atexit: its pid stays in the list
        first.wait(timeout=30)
        assert _running(datadir)
        second = _start_child(CHILD, datadir)
        assert second.stdout.readline().strip()
        assert first.pid not in json.loads((datadir / ".handle_pids.json").read_text())
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
        assert _wait_stopped(datadir), "a dead pid in .handle_pids.json kept the server running"
    finally:
        for child in (first, second):
            if child is not None and child.poll() is None:
                child.kill()
        if _running(datadir):
            _stop_server(datadir)


def test_dead_pids_are_dropped_from_the_handle_list(tmp_path):
    import pgserver

    from portal.embedded_pg import _repair_handle_list

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    (tmp_path / ".handle_pids.json").write_text(json.dumps([os.getpid(), gone.pid]))
    _repair_handle_list(tmp_path, pgserver)
    assert json.loads((tmp_path / ".handle_pids.json").read_text()) == [os.getpid()]
