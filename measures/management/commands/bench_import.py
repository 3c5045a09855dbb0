"""Benchmark: parse + import throughput and peak memory on a synthetic corpus.

    python manage.py bench_import --docs 10000

Builds N documents from the seed corpus (each seed re-issued by made-up
cities, years and document numbers, so every file has its own content hash),
then, each in a fresh subprocess against its own database on the same server:

- jieba tokenisation alone (Python jieba's cut_for_search over the same texts: the
  baseline the import is measured against), and rjieba's (the Rust port the portal
  segments with when installed, measures.search.text) for comparison,
- parse only (measures.parsing, no database),
- parse + import of the first 100 documents, and of all N,

and prints documents/s, MB/s and the peak resident memory (ru_maxrss) of
each run. The goal: importing N documents needs no more than 1.5x the memory
of importing 100.
"""
import os
import random
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

CITIES = [
    ("辽宁省", "沈阳市", "沈阳", "沈"), ("江苏省", "苏州市", "苏州", "苏"), ("浙江省", "宁波市", "宁波", "甬"),
    ("广东省", "佛山市", "佛山", "佛"), ("四川省", "绵阳市", "绵阳", "绵"), ("山东省", "潍坊市", "潍坊", "潍"),
    ("河南省", "洛阳市", "洛阳", "洛"), ("湖北省", "宜昌市", "宜昌", "宜"), ("福建省", "泉州市", "泉州", "泉"),
    ("安徽省", "芜湖市", "芜湖", "芜"), ("陕西省", "宝鸡市", "宝鸡", "宝"), ("湖南省", "株洲市", "株洲", "株"),
]
SEED_CITIES = ["沈阳", "潜江", "武汉", "长沙", "湖南", "湖北", "辽宁"]
DOC_NUMBER = re.compile(r"〔(\d{4})〕\d+号")


def build_corpus(out: Path, n: int, seed_dir: Path) -> int:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(seed_dir.glob("*.txt"))]
    rng = random.Random(42)
    total = 0
    for i in range(n):
        text = seeds[i % len(seeds)]
        province, city, short, abbr = CITIES[(i // len(seeds)) % len(CITIES)]
        year = 2019 + (i % 8)
        for name in SEED_CITIES:
            text = text.replace(name + "市", city).replace(name + "省", province).replace(name, short)
        text = text.replace("2024", str(year)).replace("2025", str(year + 1)).replace("2026", str(year + 2))
        # a unique document number and a unique line keep every text distinct (and no copy a new
        # version of another: same title, issuer and 文号)
        text = DOC_NUMBER.sub(lambda m: f"〔{m.group(1)}〕{i + 1}号", text, count=1)
        text += f"\n\n(编号 {i:06d}-{rng.randrange(10**9)})\n"
        data = text.encode("utf-8")
        (out / f"bench_{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def run_child(args: list[str], env: dict) -> tuple[float, int, str]:
    """Run a child, return (seconds, peak RSS in KiB, stdout tail)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out_chunks = []
    for line in proc.stdout:  # stream, so the child never blocks on a full pipe
        out_chunks.append(line)
        del out_chunks[:-20]
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:4])} failed ({proc.returncode}):\n{''.join(out_chunks)}")
    return elapsed, usage.ru_maxrss, "".join(out_chunks).strip()


JIEBA_PLAIN_CHILD = r"""
import sys, time
from pathlib import Path
import jieba
jieba.setLogLevel(60)
files = sorted(Path(sys.argv[1]).glob('*.txt'))
texts = [f.read_text(encoding='utf-8') for f in files]
jieba.initialize()
start = time.perf_counter()
n = 0
for t in texts:
    n += sum(1 for _ in jieba.cut_for_search(t))
print(f"tokens={n} seconds={time.perf_counter()-start:.2f}")
"""

RJIEBA_PLAIN_CHILD = r"""
import sys, time
from pathlib import Path
import rjieba
files = sorted(Path(sys.argv[1]).glob('*.txt'))
texts = [f.read_text(encoding='utf-8') for f in files]
rjieba.cut('知识产权')  # loads the dictionary
start = time.perf_counter()
n = 0
for t in texts:
    n += len(rjieba.cut_for_search(t))
print(f"tokens={n} seconds={time.perf_counter()-start:.2f}")
"""

PARSE_CHILD = r"""
import sys, time
from pathlib import Path
from measures.parsing import parse_document
start = time.perf_counter()
n = m = 0
for f in sorted(Path(sys.argv[1]).glob('*.txt')):
    r = parse_document(f.read_bytes(), source=f.name)
    n += 1; m += len(r['measures'])
print(f"documents={n} measures={m} seconds={time.perf_counter()-start:.2f}")
"""


class Command(BaseCommand):
    help = "Benchmark parse + import throughput and peak memory on a synthetic corpus"

    def add_arguments(self, parser):
        parser.add_argument("--docs", type=int, default=10000)
        parser.add_argument("--small", type=int, default=100)
        parser.add_argument("--keep", action="store_true", help="keep the generated corpus and databases")

    def handle(self, *args, **opts):
        n, small = opts["docs"], opts["small"]
        work = Path(tempfile.mkdtemp(prefix="bench-import-"))
        big_dir, small_dir = work / "all", work / "small"
        big_dir.mkdir()
        small_dir.mkdir()
        t0 = time.perf_counter()
        total_bytes = build_corpus(big_dir, n, settings.CORPUS_DIR)
        for p in sorted(big_dir.glob("*.txt"))[:small]:
            shutil.copy(p, small_dir / p.name)
        small_bytes = sum(p.stat().st_size for p in small_dir.glob("*.txt"))
        mb = total_bytes / 1e6
        self.stdout.write(f"corpus: {n} documents, {mb:.1f} MB in {work} (built in {time.perf_counter() - t0:.1f} s)")

        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        # DEBUG off refuses short or published keys: the children get a random one
        base_env = {**os.environ, "DEBUG": "0", "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
                    "PYTHONPATH": str(settings.BASE_DIR)}
        rows = []

        secs, rss, out = run_child([sys.executable, "-c", JIEBA_PLAIN_CHILD, str(big_dir)], base_env)
        rows.append(("jieba cut_for_search alone", n, total_bytes, secs, rss, out))
        try:
            import rjieba  # noqa: F401
        except ImportError:
            pass
        else:
            secs, rss, out = run_child([sys.executable, "-c", RJIEBA_PLAIN_CHILD, str(big_dir)], base_env)
            rows.append(("rjieba cut_for_search alone", n, total_bytes, secs, rss, out))
        secs, rss, out = run_child([sys.executable, "-c", PARSE_CHILD, str(big_dir)],
                                   {**base_env, "DJANGO_SETTINGS_MODULE": "portal.settings"})
        rows.append(("parse only (no database)", n, total_bytes, secs, rss, out))

        for label, folder, count, nbytes in (("parse + import", small_dir, small, small_bytes),
                                             ("parse + import", big_dir, n, total_bytes)):
            env = {**base_env, "PORTAL_DB_NAME": f"bench_import_{count}"}
            self._reset_db(env)
            run_child(manage + ["migrate", "-v0"], env)
            run_child(manage + ["seed_reference", "-v0"], env)
            secs, rss, out = run_child(manage + ["import_documents", "--no-progress", str(folder)], env)
            summary = [line for line in out.splitlines() if "(added " in line]
            rows.append((label, count, nbytes, secs, rss, summary[-1] if summary else out.splitlines()[-1:]))
            if not opts["keep"]:
                self._drop_db(env)

        self.stdout.write("")
        self.stdout.write(f"{'run':30s} {'docs':>6s} {'MB':>7s} {'seconds':>8s} {'docs/s':>8s} {'MB/s':>6s} {'peak RSS MB':>11s}")
        for label, count, nbytes, secs, rss, out in rows:
            self.stdout.write(f"{label:30s} {count:6d} {nbytes / 1e6:7.1f} {secs:8.1f} {count / secs:8.1f} "
                              f"{nbytes / 1e6 / secs:6.2f} {rss / 1024:11.0f}   {out}")
        small_rss, big_rss = rows[-2][4], rows[-1][4]
        ratio = big_rss / small_rss
        verdict = "OK" if ratio <= 1.5 else "OVER"
        self.stdout.write(f"memory: import of {n} peaks at {ratio:.2f}x the import of {small} (goal <= 1.5x): {verdict}")
        if not opts["keep"]:
            shutil.rmtree(work, ignore_errors=True)

    def _admin_sql(self, env, sql):
        code = ("import django,os;os.environ.setdefault('DJANGO_SETTINGS_MODULE','portal.settings');django.setup();"
                "from django.db import connections;c=connections['default'];"
                "import psycopg;p=c.get_connection_params();p['dbname']='postgres';"
                f"conn=psycopg.connect(autocommit=True,**p);conn.execute({sql!r});conn.close()")
        run_child([sys.executable, "-c", code], {**env, "PORTAL_DB_NAME": "postgres"})

    def _reset_db(self, env):
        self._drop_db(env)

    def _drop_db(self, env):
        self._admin_sql(env, f'DROP DATABASE IF EXISTS "{env["PORTAL_DB_NAME"]}" WITH (FORCE)')
