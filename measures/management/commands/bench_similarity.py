"""Benchmark: how long finding a measure's alike candidates takes at a million
measures (measures.selectors_diffusion.candidate_sql against a fingerprint
table of that size). Prints figures; not part of the test suite.

A temporary table shaped like measures_measurefingerprint (same GIN indexes,
fastupdate off) is filled with synthetic rows: 32 MinHash bands per row (band
values of unrelated texts are effectively random 32-bit integers) and 12
distinctive words drawn Zipf-like from the seed corpus's own vocabulary, so that
common words have long posting lists as in a real corpus. Into it go the
fingerprints of the seed corpus's real measures, plus near-copies of some of
them; each query is one real measure's candidate SQL, and the benchmark checks
that its copies come back.
"""
import io
import random
import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = "相似措施候选查询在大规模指纹表上的耗时 (similar-measure candidates at scale)"

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=1_000_000)
        parser.add_argument("--queries", type=int, default=200)

    def handle(self, *args, **options):
        from measures import similarity as SIM
        from measures.parsing import parse_document
        from measures.selectors_diffusion import BAND_CANDIDATES, QUERY_TERMS, TERM_CANDIDATES

        rnd = random.Random(7)
        texts = []
        for path in sorted(settings.CORPUS_DIR.glob("*.txt")):
            parsed = parse_document(path.read_bytes(), source=path.name)
            texts += [m["text"] for m in parsed["measures"] if len(m["text"]) >= 30]
        vocab = sorted({w for t in texts for w in SIM.weighted_words(t)})
        weights = [1 / (i + 1) for i in range(len(vocab))]
        rnd.shuffle(vocab)
        self.stdout.write(f"{len(texts)} real measures, vocabulary of {len(vocab)} words, {options['rows']:,} rows")

        def real(text):
            w = SIM.weighted_words(text)
            top = sorted(w.items(), key=lambda kv: (-kv[1], kv[0]))[:SIM.KEYWORDS]
            return SIM.bands(text), [t for t, _ in top]

        def copy_of(text):
            # a near-copy: a place name changed and a clause added, as cities do
            return text.replace("市", "区", 1) + "确保各项工作落到实处。"

        with connection.cursor() as cur:
            cur.execute("CREATE TEMP TABLE fp_bench (measure_id bigint, bands integer[], terms varchar(40)[])")
            t0 = time.perf_counter()
            buf = io.StringIO()
            queries = []
            next_id = 1
            for t in texts:
                for variant in (t, copy_of(t)):
                    bands, terms = real(variant)
                    buf.write(f"{next_id}\t{{{','.join(map(str, bands))}}}\t{{{','.join(terms)}}}\n")
                    if variant is t:
                        queries.append((next_id, bands, terms))
                    next_id += 1
            for i in range(options["rows"]):
                bands = [rnd.randint(-2**31, 2**31 - 1) for _ in range(SIM.N_BANDS)]
                terms = rnd.choices(vocab, weights=weights, k=SIM.KEYWORDS)
                buf.write(f"{next_id}\t{{{','.join(map(str, bands))}}}\t{{{','.join(dict.fromkeys(terms))}}}\n")
                next_id += 1
            buf.seek(0)
            with cur.copy("COPY fp_bench (measure_id, bands, terms) FROM STDIN") as copy:
                while chunk := buf.read(1 << 20):
                    copy.write(chunk)
            t1 = time.perf_counter()
            cur.execute("CREATE INDEX ON fp_bench USING gin (bands) WITH (fastupdate = off)")
            cur.execute("CREATE INDEX ON fp_bench USING gin (terms) WITH (fastupdate = off)")
            cur.execute("ANALYZE fp_bench")
            # the same function as migration 0011's, on the benchmark's table
            cur.execute("CREATE FUNCTION pg_temp.bench_band_candidates(q integer[], self_id bigint, lim integer) "
                        "RETURNS SETOF bigint LANGUAGE sql STABLE SET enable_seqscan = off AS "
                        "$$ SELECT measure_id FROM fp_bench WHERE bands && q AND measure_id <> self_id LIMIT lim $$")
            t2 = time.perf_counter()
            cur.execute("SELECT pg_size_pretty(pg_total_relation_size('fp_bench'))")
            size = cur.fetchone()[0]
            self.stdout.write(f"load {t1 - t0:.1f} s, GIN build {t2 - t1:.1f} s, table + indexes {size}")

            timings, found_copies, counts = [], 0, []
            for measure_id, bands, terms in rnd.sample(queries, min(options["queries"], len(queries))):
                parts, params = [], []
                if bands:
                    parts.append("(SELECT pg_temp.bench_band_candidates(%s::integer[], %s, %s) AS measure_id)")
                    params += [bands, measure_id, BAND_CANDIDATES]
                for term in terms[:QUERY_TERMS]:
                    parts.append("(SELECT measure_id FROM fp_bench WHERE terms @> ARRAY[%s]::varchar(40)[] "
                                 "AND measure_id <> %s LIMIT %s)")
                    params += [term, measure_id, TERM_CANDIDATES]
                start = time.perf_counter()
                cur.execute(" UNION ".join(parts), params)
                ids = {r[0] for r in cur.fetchall()}
                timings.append((time.perf_counter() - start) * 1000)
                counts.append(len(ids))
                found_copies += (measure_id + 1) in ids
            cur.execute("DROP TABLE fp_bench")
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        self.stdout.write(f"candidate query: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
                          f"max {timings[-1]:.1f} ms; candidates per query: median {statistics.median(counts):.0f}, "
                          f"max {max(counts)}; near-copies found {found_copies}/{len(timings)}")
