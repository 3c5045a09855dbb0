"""The embedded PostgreSQL stops when the last process using it exits, SIGTERM included."""
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
