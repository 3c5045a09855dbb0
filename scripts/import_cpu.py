"""CPU time of an import, process by process: what load on a shared machine does not distort.

    uv run --no-sync python scripts/import_cpu.py [--docs 300] [--statements] [--keep]

bench_import's documents/s move by a third between runs where other work shares the cores; the CPU
seconds each process spends on a document hardly move. This builds the bench corpus (the same
documents as `manage.py bench_import --docs N`), loads it into a fresh database (migrated and seeded
once into a template database, `import_cpu_template`, kept for the next run) with the importer as
`import_documents` runs it (workers, batches, GIN pending lists), and prints the CPU a document of:

- writer: this process (the importer's writer, unpickling the workers' results included; its start, the
  knowledge and the segmenter, is printed apart),
- workers: the worker processes (read, decode, parse, search vectors, flags, fingerprints, citations),
- backend: this connection's PostgreSQL backend (read from /proc: the server must run on this machine),
- pg children: PostgreSQL processes that ended meanwhile (autovacuum workers, parallel workers; any
  other client's backend that disconnected too: use your own PORTAL_DATA_DIR for a clean figure),

and with --statements the backend's CPU by statement (each COPY by table, each SQL text, the commits;
read around each statement, so at the clock tick's resolution: use 300 documents or more).

The server used is the one the settings name (PORTAL_DATA_DIR=/some/dir for a private embedded
server that nobody else's work runs on).
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

TEMPLATE = "import_cpu_template"
TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str]:
    return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()


def _cpu(pid: int) -> float:
    f = _stat(pid)
    return (int(f[11]) + int(f[12])) / TICK


def _reaped(pid: int) -> float:
    f = _stat(pid)
    return (int(f[13]) + int(f[14])) / TICK


def _rusage(who) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--statements", action="store_true", help="the backend's CPU by statement")
    ap.add_argument("--keep", action="store_true", help="keep the database (import_cpu_<pid>)")
    args = ap.parse_args()

    import django

    django.setup()
    import psycopg
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, connections

    from measures.management.commands.bench_import import build_corpus

    admin = connection.get_connection_params()
    admin["dbname"] = "postgres"
    with psycopg.connect(autocommit=True, **admin) as c:
        have = c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [TEMPLATE]).fetchone()
    if not have:
        print(f"building the template database {TEMPLATE} (migrate, seed_reference) …", flush=True)
        with psycopg.connect(autocommit=True, **admin) as c:
            c.execute(f'CREATE DATABASE "{TEMPLATE}"')
        connections["default"].settings_dict["NAME"] = TEMPLATE
        connection.close()
        call_command("migrate", verbosity=0)
        call_command("seed_reference", verbosity=0)
        connection.close()
    dbname = f"import_cpu_{os.getpid()}"
    with psycopg.connect(autocommit=True, **admin) as c:
        c.execute(f'CREATE DATABASE "{dbname}" TEMPLATE "{TEMPLATE}"')
    connections["default"].settings_dict["NAME"] = dbname
    connection.close()

    work = Path(tempfile.mkdtemp(prefix="import-cpu-"))
    try:
        build_corpus(work, args.docs, settings.CORPUS_DIR)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()[0]
        postmaster = int(_stat(backend)[1])
        by_statement: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
        if args.statements:
            _count_statements(backend, by_statement)

        import measures.importer as importer

        from measures.search.text import get_tokenizer

        start = _rusage(resource.RUSAGE_SELF)
        imp = importer.Importer()
        get_tokenizer()  # built by the run otherwise: part of the start
        start = _rusage(resource.RUSAGE_SELF) - start
        wall, writer, backend0, reaped0 = time.perf_counter(), _rusage(resource.RUSAGE_SELF), _cpu(backend), \
            _reaped(postmaster)
        summary = imp.import_paths([work])
        wall = time.perf_counter() - wall
        writer = _rusage(resource.RUSAGE_SELF) - writer
        workers = _rusage(resource.RUSAGE_CHILDREN)
        pg = _cpu(backend) - backend0
        reaped = _reaped(postmaster) - reaped0
        n = args.docs
        print(summary.line())
        print(f"start (the knowledge and the segmenter, before the workers): {start:.2f} s of CPU")
        print(f"{n} documents in {wall:.1f} s (load average {os.getloadavg()[0]:.1f}); CPU ms a document: "
              f"writer {writer / n * 1000:.1f}, workers {workers / n * 1000:.1f}, backend {pg / n * 1000:.1f}, "
              f"pg children {reaped / n * 1000:.1f}, total {(writer + workers + pg + reaped) / n * 1000:.1f}")
        if args.statements:
            print("backend CPU by statement (ms a document, calls):")
            for key, (secs, calls) in sorted(by_statement.items(), key=lambda kv: -kv[1][0])[:25]:
                print(f"  {secs / n * 1000:6.2f}  x{calls:<5d} {key}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        connection.close()
        if not args.keep:
            with psycopg.connect(autocommit=True, **admin) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def _count_statements(backend: int, acc: dict) -> None:
    """The backend's CPU around each COPY of the importer, each statement and each commit."""
    from django.db import connection
    from django.db.backends.base.base import BaseDatabaseWrapper

    import measures.importer as importer

    def timed(key, fn, *a, **kw):
        before = _cpu(backend)
        try:
            return fn(*a, **kw)
        finally:
            entry = acc[key]
            entry[0] += _cpu(backend) - before
            entry[1] += 1

    copy = importer._copy
    importer._copy = lambda model, *rest: timed(f"COPY {model._meta.db_table}", copy, model, *rest)
    commit = BaseDatabaseWrapper._commit
    BaseDatabaseWrapper._commit = lambda self: timed("COMMIT", commit, self)
    connection.execute_wrappers.append(
        lambda execute, sql, params, many, context: timed(re.sub(r"\s+", " ", sql)[:90], execute, sql, params, many,
                                                          context))


if __name__ == "__main__":
    main()
