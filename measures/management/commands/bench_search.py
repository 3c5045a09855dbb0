"""Benchmark search at scale in a separate database (portal_bench).

Copies the imported measures (the seed) into portal_bench, then grows a
synthetic corpus by re-combining them across made-up documents (random cities,
shifted years, rotated units) with INSERT … SELECT over generate_series; the
search vectors are copied from the real rows, not re-tokenised. At each size it
rebuilds the GIN indexes (timed; search_vector and title_vector, parallel
build), then times typical API searches (query + a filter + all facets,
serialised like /api/measures/) and the same searches as a plain ILIKE scan
(the same filter and facets, every match counted, no candidate cap). Each
search's count (exact up to measures.search.engine.EXACT_LIMIT, 约 an
estimate above) is printed beside the true count (an uncapped, verified
count, as the exports make).

    manage.py bench_search                      # 10k, 100k, 1M
    manage.py bench_search --sizes 10000        # what a small machine runs
    manage.py bench_search --reuse --ilike-runs 0   # searches again on the last portal_bench
    manage.py bench_search --sizes 1000000 --database portal_bench_1m   # kept apart from loadtest.sh's
    manage.py bench_search --reuse --database portal_bench_1m --ilike-runs 0 --check-facets   # facets too

The grown table is ordered by sample slice before its indexes are built (manage.py
cluster_measures, which a portal runs after large imports); --no-cluster leaves it in the
order its rows were written.
"""
import json
import time

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from django.test import RequestFactory
from psycopg import sql

from measures.search.engine import EXACT_LIMIT
from measures.search.index import BUCKET_SQL

BENCH_DB = "portal_bench"
COPY_TABLES = ["measures_region", "measures_theme", "measures_iptype", "measures_synonymgroup",
               "measures_dictionaryword", "measures_document", "measures_responsibleunit", "measures_measure",
               "measures_measure_themes", "measures_measure_ip_types", "measures_measureunit"]
# Typical list-page searches: a common term (知识产权 is in nearly every
# measure) and rarer ones, a Traditional query, each with one filter (city,
# theme or year); every request also computes all facets.
SEARCHES = [
    {"q": "知识产权", "city": "沈阳市"},
    {"q": "知识产权", "theme": "judicial"},
    {"q": "知识产权", "year_from": "2024"},
    {"q": "知识产权"},
    {"q": "行政裁决", "year_from": "2023"},
    {"q": "地理标志", "city": "武汉市"},
    {"q": "商业秘密 保护", "theme": "administrative"},
    {"q": "智慧財產權", "city": "成都市"},
    {"q": "调解", "theme": "disputes"},
    {"q": '"专利侵权纠纷"', "year_to": "2023"},
    {"q": "专利 转化", "year_from": "2022"},
    {"q": "专利 NOT 商标"},
    {"q": "版权|著作权 OR 商标"},
    {"q": "数据知识产权", "fuzzy": "1"},
    {"q": "标题:保护"},
]


def pct(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


class Command(BaseCommand):
    help = "搜索性能基准 (search benchmark in a separate database)"

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="10000,100000,1000000")
        parser.add_argument("--runs", type=int, default=5, help="rounds of the searches per size")
        parser.add_argument("--ilike-runs", type=int, default=1)
        parser.add_argument("--reuse", action="store_true",
                            help="time the searches on the portal_bench left by an earlier run (one size: what it "
                                 "holds), without rebuilding it; --ilike-runs 0 skips the ILIKE scans")
        parser.add_argument("--no-warm-up", action="store_true",
                            help="time from the first round of the searches, their pages not yet in shared buffers "
                                 "(without it one untimed round comes first, as the buffers of a serving portal)")
        parser.add_argument("--check-facets", action="store_true",
                            help="also count every facet exactly (an uncapped count of each search's matches, "
                                 "seconds a search at 1M) and print how many facet values above 10,000 are "
                                 "within 10%% and whether those of an exact count are exact")
        parser.add_argument("--ratio-facets", action="store_true",
                            help="a sampled set's facets as ratio estimates only, never counted exactly outside "
                                 "the request (measures.selectors.EXACT_FACETS off: the fifteenth round's code)")
        parser.add_argument("--no-cluster", action="store_true",
                            help="leave the grown table in the order its rows were written (without it the table "
                                 "is ordered by sample slice, as manage.py cluster_measures orders a portal's)")
        parser.add_argument("--database", default=BENCH_DB,
                            help="the benchmark database (dropped and made again unless --reuse); another name "
                                 "keeps a large corpus apart from the portal_bench that scripts/loadtest.sh rebuilds")

    def handle(self, *args, **opts):
        self.verbosity = opts["verbosity"]
        self.check_facets = opts["check_facets"]
        self.warm_up = not opts["no_warm_up"]
        self.facet_errors = []
        # time the searches, not the per-process caches of their results
        # (measures.selectors.cached, the page cache): every round computes
        settings.SEARCH_CACHE_SECONDS = 0
        if opts["ratio_facets"]:
            from measures import selectors

            selectors.EXACT_FACETS = False
        sizes = sorted(int(s) for s in opts["sizes"].split(",") if s.strip())
        from measures.models import Measure

        # the seed corpus is what the synthetic corpus is made from: load it if this database is new
        call_command("migrate", verbosity=0)
        if not Measure.objects.exists():
            call_command("seed_reference", verbosity=0)
            call_command("import_documents", str(settings.CORPUS_DIR), "--no-progress", "--no-warm",
                         verbosity=0)
        if not Measure.objects.exists():
            raise CommandError("no measures to seed from: import documents first")
        source = connection.get_connection_params()
        self.bench_db = opts["database"]
        if self.bench_db == source.get("dbname"):
            raise CommandError("--database must not be the portal's own database")
        if not opts["reuse"]:
            self._recreate_bench_db(source)
        connections["default"].close()
        connections["default"].settings_dict["NAME"] = self.bench_db
        if opts["reuse"]:
            sizes = [Measure.objects.count()]
        else:
            call_command("migrate", verbosity=0)
            self._copy_seed(source, connection.get_connection_params())
        report = []
        for size in sizes:
            built = size if opts["reuse"] else self._grow(size)
            if not opts["reuse"] and not opts["no_cluster"]:
                self._cluster()
            index_s = 0.0 if opts["reuse"] else self._build_index()
            stats = self._sizes()
            self.facet_errors, self.small_facet_errors = [], []
            self.counts = []
            fts = self._time_searches(opts["runs"])
            ilike = self._time_searches(opts["ilike_runs"], ilike=True) if opts["ilike_runs"] else [0.0]
            row = {"size": built, "index_s": index_s, **stats, "fts": fts, "ilike": ilike,
                   "counts": self._count_summary()}
            self.stdout.write(row["counts"])
            if self.check_facets:
                errors = self.facet_errors
                within = sum(1 for e in errors if e <= 0.10)
                self.stdout.write(f"facet values above 10,000: {within}/{len(errors)} within 10%"
                                  f"{f', worst {max(errors):.1%}' if errors else ''}")
                small = self.small_facet_errors
                if small:
                    # (a value counted exactly is shown without 约: its row says "exact")
                    self.stdout.write(f"facet values of 1,000-10,000 in sampled facets: "
                                      f"{sum(1 for e, exact in small if exact)}/{len(small)} exact, "
                                      f"{sum(1 for e, _ in small if e <= 0.10)}/{len(small)} within 10%, "
                                      f"worst {max(e for e, _ in small):.1%}")
            report.append(row)
            self._print_row(row)
        self.stdout.write("\nsummary")
        for row in report:
            self._print_row(row)
            self.stdout.write(f"{'':>19}{row['counts']}")
        if len(report) > 1:
            small, big = report[0], report[-1]
            self.stdout.write(f"p95 ratio {big['size']:,} / {small['size']:,}: "
                              f"{pct(big['fts'], 95) / pct(small['fts'], 95):.1f}x (goal <= 5x)")
        if report[-1]["ilike"] != [0.0]:
            self.stdout.write(f"ILIKE p95 / search p95 at {report[-1]['size']:,}: "
                              f"{pct(report[-1]['ilike'], 95) / pct(report[-1]['fts'], 95):.0f}x (goal >= 100x)")

    # --- database -----------------------------------------------------------------
    def _admin(self, params):
        p = {k: v for k, v in params.items() if k in ("host", "port", "user", "password")}
        return psycopg.connect(dbname="postgres", autocommit=True, **p)

    def _recreate_bench_db(self, params):
        with self._admin(params) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.bench_db)))
            conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' "
                                 "LC_CTYPE 'C.UTF-8'").format(sql.Identifier(self.bench_db)))

    def _copy_seed(self, source, bench):
        keys = ("host", "port", "user", "password", "dbname")
        with psycopg.connect(**{k: v for k, v in source.items() if k in keys}) as src, \
                psycopg.connect(**{k: v for k, v in bench.items() if k in keys}) as dst:
            for table in COPY_TABLES:
                cols = [r[0] for r in src.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                    "ORDER BY ordinal_position", [table])]
                collist = sql.SQL(", ").join(map(sql.Identifier, cols))
                with src.cursor().copy(sql.SQL("COPY (SELECT {} FROM {}) TO STDOUT").format(
                        collist, sql.Identifier(table))) as out, \
                        dst.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(
                            sql.Identifier(table), collist)) as inp:
                    for block in out:
                        inp.write(block)
            for table in COPY_TABLES:
                dst.execute(sql.SQL("SELECT setval(pg_get_serial_sequence({t}, 'id'), "
                                    "(SELECT coalesce(max(id), 1) FROM {i}))").format(
                    t=sql.Literal(table), i=sql.Identifier(table)))
        with connection.cursor() as c:
            c.execute("CREATE TABLE bench_seed_doc AS SELECT row_number() OVER (ORDER BY id) - 1 AS rn, id "
                      "FROM measures_document")
            c.execute("CREATE TABLE bench_city AS SELECT row_number() OVER (ORDER BY id) - 1 AS rn, id, parent_id "
                      "FROM measures_region WHERE level = 'city'")
            c.execute("CREATE TABLE bench_unit AS SELECT row_number() OVER (ORDER BY id) - 1 AS rn, id "
                      "FROM measures_responsibleunit")
            c.execute("CREATE TABLE bench_copy (k int PRIMARY KEY, doc_id bigint, seed_doc_id bigint)")
            c.execute("ANALYZE")

    def _grow(self, size: int) -> int:
        with connection.cursor() as c:
            c.execute("SELECT count(*) FROM measures_measure")
            have = c.fetchone()[0]
            if have >= size:
                return have
            c.execute("SELECT (SELECT count(*) FROM measures_measure WHERE document_id IN "
                      "(SELECT id FROM bench_seed_doc)), (SELECT count(*) FROM bench_seed_doc), "
                      "(SELECT count(*) FROM bench_city), greatest((SELECT count(*) FROM bench_unit), 1), "
                      "(SELECT coalesce(max(k), 0) FROM bench_copy)")
            seed, ndocs, ncities, nunits, k0 = c.fetchone()
            per_doc = max(seed / max(ndocs, 1), 1)
            copies = int((size - have) / per_doc) + 1
            started = time.perf_counter()
            c.execute("SET maintenance_work_mem = '1GB'; SET synchronous_commit = off")
            c.execute("DROP INDEX IF EXISTS measure_search_gin")
            c.execute("DROP INDEX IF EXISTS measure_title_gin")
            c.execute(
                "INSERT INTO bench_copy (k, doc_id, seed_doc_id) "
                "SELECT k, nextval(pg_get_serial_sequence('measures_document', 'id')), d.id "
                "FROM generate_series(%s, %s) k JOIN bench_seed_doc d ON d.rn = k %% %s",
                [k0 + 1, k0 + copies, ndocs])
            # made-up documents: a seed document in another city, years shifted by -4..+3;
            # columns not named here are copied from the seed as they are
            doc_cols = self._columns(c, "measures_document", {
                "id": "b.doc_id", "source": "d.source || '#' || b.k",
                "content_hash": "md5(d.content_hash || b.k) || md5(b.k::text)", "raw_text": "''",
                "region_id": "city.id", "province_id": "city.parent_id", "city_id": "city.id", "level": "'city'",
                "signed_date": "d.signed_date + ((b.k %% 8) - 4) * interval '1 year'",
                "published_date": "d.published_date + ((b.k %% 8) - 4) * interval '1 year'",
                "parsed": "'{}'", "reviewed": "false", "imported_at": "now()", "updated_at": "now()",
                "date_year": "d.date_year + ((b.k %% 8) - 4)",
            }, prefix="d")
            c.execute(
                f"INSERT INTO measures_document ({doc_cols[0]}) SELECT {doc_cols[1]} "
                "FROM bench_copy b JOIN measures_document d ON d.id = b.seed_doc_id "
                "JOIN bench_city city ON city.rn = (b.k * 7919) %% %s WHERE b.k > %s",
                [ncities, k0])
            measure_cols = self._columns(c, "measures_measure", {
                "id": "n.nid", "document_id": "b.doc_id",
                # the copy's facet lexemes: its own place and year, the seed's themes, IP types,
                # roles, issuer and document type, its units (the seed's rotated, as the links
                # below; 'u:*' for two or more), and its sample bucket (measures.search.index.BUCKET_SQL) by its new id
                # with the bucket's groups of 4 and 16
                "facet_vector": "array_to_tsvector(ARRAY(SELECT DISTINCT x FROM unnest(ARRAY['p:' || nd.province_id, "
                "'c:' || nd.city_id, 'y:' || coalesce(extract(year FROM coalesce(nd.signed_date, nd.published_date))::int, "
                "nd.date_year), 's:' || " + BUCKET_SQL.replace("m.id", "n.nid")
                + ", 's:q' || (" + BUCKET_SQL.replace("m.id", "n.nid") + " >> 2), 's:g' || ("
                + BUCKET_SQL.replace("m.id", "n.nid") + " >> 4)] "
                "|| ARRAY(SELECT l FROM unnest(tsvector_to_array(coalesce(m.facet_vector, ''))) l "
                "WHERE l LIKE 't:%%' OR l LIKE 'i:%%' OR l LIKE 'r:%%' OR l LIKE 'o:%%' OR l LIKE 'k:%%') "
                "|| ARRAY(SELECT 'u:' || u.id FROM measures_measureunit l JOIN bench_unit su ON su.id = l.unit_id "
                f"JOIN bench_unit u ON u.rn = (su.rn + b.k) %% {int(nunits)} WHERE l.measure_id = m.id) "
                "|| ARRAY(SELECT 'u:*' FROM measures_measureunit l WHERE l.measure_id = m.id HAVING count(*) > 1)"
                ") AS x WHERE x IS NOT NULL))",
                "parsed": "'{}'", "reviewed": "false", "updated_at": "now()",
            }, prefix="m")
            c.execute(
                f"INSERT INTO measures_measure ({measure_cols[0]}) SELECT {measure_cols[1]} "
                # each new row's id numbered here (after the largest), so that its bucket is
                # written with the row; the sequence is moved past them below
                "FROM (SELECT b.k, m.id, (SELECT max(id) FROM measures_measure) + row_number() OVER "
                "(ORDER BY b.k, m.id) AS nid FROM bench_copy b JOIN measures_measure m "
                "ON m.document_id = b.seed_doc_id WHERE b.k > %s) n "
                "JOIN bench_copy b ON b.k = n.k JOIN measures_measure m ON m.id = n.id "
                "JOIN measures_document nd ON nd.id = b.doc_id",
                [k0])
            c.execute("SELECT setval(pg_get_serial_sequence('measures_measure', 'id'), "
                      "(SELECT max(id) FROM measures_measure))")
            # the joins below pair the new measures with their seeds: planned on the statistics of
            # the seed corpus alone, the first of them ran for over half an hour at 1M (a join
            # filter over every pair of copies and rows); with these, the three take about a minute
            c.execute("ANALYZE measures_measure, measures_document, bench_copy")
            pairs = ("FROM bench_copy b JOIN measures_measure nm ON nm.document_id = b.doc_id "
                     "JOIN measures_measure sm ON sm.document_id = b.seed_doc_id AND sm.ordinal = nm.ordinal ")
            c.execute("INSERT INTO measures_measure_themes (measure_id, theme_id) SELECT nm.id, t.theme_id "
                      + pairs + "JOIN measures_measure_themes t ON t.measure_id = sm.id WHERE b.k > %s", [k0])
            c.execute("INSERT INTO measures_measure_ip_types (measure_id, iptype_id) SELECT nm.id, t.iptype_id "
                      + pairs + "JOIN measures_measure_ip_types t ON t.measure_id = sm.id WHERE b.k > %s", [k0])
            # units rotated through the unit table, so unit facets differ per copy
            c.execute("INSERT INTO measures_measureunit (measure_id, unit_id, role, position) "
                      "SELECT DISTINCT ON (nm.id, u.id) nm.id, u.id, l.role, l.position "
                      + pairs + "JOIN measures_measureunit l ON l.measure_id = sm.id "
                      "JOIN bench_unit su ON su.id = l.unit_id "
                      "JOIN bench_unit u ON u.rn = (su.rn + b.k) %% %s WHERE b.k > %s", [nunits, k0])
            c.execute("SELECT count(*) FROM measures_measure")
            total = c.fetchone()[0]
            self.stdout.write(f"grew to {total:,} measures in {time.perf_counter() - started:.0f}s")
            return total

    @staticmethod
    def _columns(cursor, table: str, overrides: dict, *, prefix: str) -> tuple[str, str]:
        """(column list, select list) for copying rows of `table`: an override's
        expression (None: left out), else the seed row's value."""
        cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                       "AND is_generated = 'NEVER' ORDER BY ordinal_position", [table])
        present = [r[0] for r in cursor.fetchall()]
        cols = [c for c in present if overrides.get(c, "") is not None]
        exprs = [overrides.get(col) or f'{prefix}."{col}"' for col in cols]
        return ", ".join(f'"{col}"' for col in cols), ", ".join(exprs)

    def _cluster(self) -> None:
        """The grown table ordered by sample slice (measures.search.index.cluster_by_sample_slice), as
        `manage.py cluster_measures` orders a portal's after its imports."""
        from measures.search.index import cluster_by_sample_slice

        started = time.perf_counter()
        with connection.cursor() as c:
            c.execute("SET maintenance_work_mem = '1GB'")
            cluster_by_sample_slice(c)
        self.stdout.write(f"clustered by sample slice in {time.perf_counter() - started:.0f}s")

    def _build_index(self) -> float:
        with connection.cursor() as c:
            c.execute("SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2")
            c.execute("DROP INDEX IF EXISTS measure_search_gin")
            c.execute("DROP INDEX IF EXISTS measure_title_gin")
            started = time.perf_counter()
            # as in the model: read-mostly, so no pending list (fastupdate off)
            c.execute("CREATE INDEX measure_search_gin ON measures_measure USING gin (search_vector, facet_vector) "
                      "WITH (fastupdate = off)")
            c.execute("CREATE INDEX measure_title_gin ON measures_measure USING gin (title_vector, facet_vector) "
                      "WITH (fastupdate = off)")
            took = time.perf_counter() - started
        with connection.cursor() as c:  # VACUUM cannot run in a transaction block
            c.execute("VACUUM ANALYZE")
        return took

    def _sizes(self) -> dict:
        with connection.cursor() as c:
            c.execute("SELECT pg_relation_size('measure_search_gin'), pg_relation_size('measure_title_gin'), "
                      "pg_total_relation_size('measures_measure')")
            index, title_index, table = c.fetchone()
        return {"index_mb": index / 2**20, "title_index_mb": title_index / 2**20, "table_mb": table / 2**20}

    def _time_searches(self, runs: int, *, ilike: bool = False) -> list[float]:
        from measures import api, selectors
        from measures.querysets import MeasureQuerySet
        from measures.search import totals

        factory = RequestFactory()
        original = MeasureQuerySet.matching, MeasureQuerySet.search, selectors._text_search
        if ilike:
            # the unbounded path: filters, count, page and facets over every ILIKE match
            MeasureQuerySet.matching = _ilike_matching
            MeasureQuerySet.search = _ilike_search
            selectors._text_search = selectors._plain_search
        try:
            api.measure_search(factory.get("/api/measures/", SEARCHES[0]))  # warm caches
            if not ilike and self.warm_up:
                # one untimed round of every search first: the embedded server starts with empty
                # shared buffers at each run (it stops with its last client) and reads a search's
                # pages from the OS at first, where a serving portal's buffers hold them (at 1M the
                # table and its indexes, 5 GB, fit shared_buffers); that round is printed apart
                cold = []
                for params in SEARCHES:
                    started = time.perf_counter()
                    api.measure_search(factory.get("/api/measures/", params))
                    cold.append((time.perf_counter() - started) * 1000)
                self.stdout.write(f"  first round after the server's start (cold buffers, not in the figures): "
                                  f"p50 {pct(cold, 50):.1f} ms, max {max(cold):.1f} ms")
                # the facet totals of the searches' filter states (measures.search.totals), which that round
                # started counting in threads, as a serving portal holds them after the first search of each
                waited = time.perf_counter()
                totals.wait()
                for _ in range(40):
                    # a process counts TOTALS_THREADS filter states (and sampled sets' exact facets,
                    # totals.exact_get) at a time: the searches that found no free thread start
                    # theirs in another untimed round, until a round starts none
                    before = totals.started()
                    for params in SEARCHES:
                        api.measure_search(factory.get("/api/measures/", params))
                    totals.wait()
                    if totals.started() == before:
                        break
                self.stdout.write(f"  facet totals of the searches' filter states counted: "
                                  f"{time.perf_counter() - waited:.1f} s more")
            times = []
            for run in range(runs):
                for params in SEARCHES:
                    started = time.perf_counter()
                    resp = api.measure_search(factory.get("/api/measures/", params))
                    assert resp.status_code == 200, resp.content[:300]
                    times.append((time.perf_counter() - started) * 1000)
                    if run == 0 and (self.verbosity > 1 or not ilike):
                        body = json.loads(resp.content)
                        true = None if ilike else selectors.measure_export_queryset(params=params).count()
                        truth = "" if ilike else f" · true {true:,}"
                        if not ilike:
                            self.counts.append((params, body["count"], true, bool(body.get("count_is_estimate"))))
                        self.stdout.write(f"  {'ILIKE' if ilike else 'search'} {params}: {times[-1]:.0f} ms, "
                                          f"count {'约 ' if body.get('count_is_estimate') else ''}{body['count']:,}"
                                          f"{truth}{' (facets approx.)' if body.get('facets_are_estimates') else ''}"
                                          f"{' (facets exact)' if not ilike and true > EXACT_LIMIT and not body.get('facets_are_estimates') else ''}")
                        if self.check_facets and not ilike:
                            self.stdout.write("    " + self._check_facets(params, body, true))
            return times
        finally:
            MeasureQuerySet.matching, MeasureQuerySet.search, selectors._text_search = original

    def _count_summary(self) -> str:
        """Each search's count against its true count: those of a true count up to
        EXACT_LIMIT must be exact, those above within 10% (the worst named)."""
        small = [(c, t, e) for _, c, t, e in self.counts if t <= EXACT_LIMIT]
        exact = sum(1 for c, t, e in small if c == t and not e)
        above = [(abs(c - t) / t, p, c, t) for p, c, t, _ in self.counts if t > EXACT_LIMIT]
        worst = max(above, key=lambda a: a[0]) if above else None
        # (a sampled set's count is exact, shown without 约, once its exact counts are there: totals.exact_get)
        exact_above = sum(1 for _, c, t, e in self.counts if t > EXACT_LIMIT and c == t and not e)
        return (f"counts: {exact}/{len(small)} exact up to {EXACT_LIMIT:,}; "
                + (f"{len(above)} above ({exact_above} shown exact), worst error {worst[0]:.1%} "
                   f"({worst[1]['q']}: {worst[2]:,} for {worst[3]:,})" if worst else "none above"))

    def _check_facets(self, params: dict, body: dict, true: int) -> str:
        """The search's facet counts beside the exact ones (every match counted, as the
        list without search text counts): values above 10,000 within 10%, those of 1,000 to
        10,000 of a sampled facet kept apart (self.small_facet_errors), and the values of a
        facet counted exactly (its set not sampled) equal."""
        from measures import selectors

        data = {k: [v] for k, v in params.items()}
        exact = selectors._plain_search(data=data, pq=selectors.parse_query(data), sort="relevance", size=1,
                                        facets=True).facets
        keys = {"province": "id", "city": "id", "unit": "id", "year": "year", "specificity": "score",
                "issuer": "name"}
        errors, unequal = [], 0
        small_before = len(self.small_facet_errors)
        for name, rows in body["facets"].items():
            truth = {r[keys.get(name, "code")]: r["count"] for r in exact.get(name, [])}
            # a facet's set is sampled when the results are (more than EXACT_LIMIT matches: `true`, the
            # search's true count; its shown count is exact once its exact counts are there), or when it
            # counts the wider set (its own filter active) and that has more than EXACT_LIMIT matches
            own = selectors.FACET_PARAMS.get(name, ())
            sampled = self._wider_sampled(params, own) if any(k in params for k in own) else true > EXACT_LIMIT
            # ... and its counts are shown as estimates unless the search counted them exactly
            shown_exact = sampled and name not in body.get("estimated_facets", [name])
            for r in rows:
                true = truth.get(r[keys.get(name, "code")])
                if true is None:
                    continue
                if true > 10000:
                    errors.append(abs(r["count"] - true) / true)
                elif true >= 1000 and sampled:
                    self.small_facet_errors.append((abs(r["count"] - true) / true,
                                                    shown_exact and r["count"] == true))
                    if self.verbosity > 1 and self.small_facet_errors[-1][0] > 0.10:
                        self.stdout.write(f"      {name} {r[keys.get(name, 'code')]}: {r['count']:,} for {true:,}")
                if (not sampled or shown_exact) and r["count"] != true:
                    unequal += 1
        self.facet_errors += errors
        within = sum(1 for e in errors if e <= 0.10)
        small = self.small_facet_errors[small_before:]
        return (f"facets: {within}/{len(errors)} values above 10,000 within 10%"
                f"{f' (worst {max(errors):.1%})' if errors else ''}"
                + (f", {sum(1 for _, exact in small if exact)}/{len(small)} sampled values of 1,000-10,000 exact"
                   if small else "")
                + f", {unequal} values of the facets counted exactly unequal")

    def _wider_sampled(self, params: dict, own: tuple) -> bool:
        """Whether the search's wider set for a facet whose own filter (`own`) is active has more
        than EXACT_LIMIT matches (its true count; the engine samples it then)."""
        from measures import selectors

        wider = {k: v for k, v in params.items() if k not in own}
        key = json.dumps(wider, sort_keys=True, ensure_ascii=False)
        cache = self.__dict__.setdefault("_wider_counts", {})
        if key not in cache:
            cache[key] = selectors.measure_export_queryset(params=wider).count()
        return cache[key] > EXACT_LIMIT

    def _print_row(self, row):
        fts, ilike = row["fts"], row["ilike"]
        self.stdout.write(
            f"{row['size']:>9,} measures | search p50 {pct(fts, 50):7.1f} ms p95 {pct(fts, 95):7.1f} ms | "
            f"ILIKE p50 {pct(ilike, 50):8.1f} ms p95 {pct(ilike, 95):8.1f} ms | GIN {row['index_mb']:.0f} MB "
            f"+ title GIN {row['title_index_mb']:.1f} MB "
            f"built in {row['index_s']:.1f}s | table {row['table_mb']:.0f} MB")


def _ilike_matching(self, query):
    """The same searches as a plain ILIKE scan over title and text (each term
    as typed; the query's operators kept)."""
    from django.db.models import Q

    from measures.search.query import And, Not, ParsedQuery, Term, parse

    pq = query if isinstance(query, ParsedQuery) else parse(query)

    def cond(node):
        if isinstance(node, Term):
            if node.field == "title":
                return Q(title__icontains=node.text)
            return Q(text__icontains=node.text) | Q(title__icontains=node.text)
        if isinstance(node, Not):
            return ~cond(node.child)
        parts = [cond(c) for c in node.children]
        out = parts[0]
        for p in parts[1:]:
            out = (out & p) if isinstance(node, And) else (out | p)
        return out

    qs = self.with_query_fields(pq)
    return qs.filter(cond(pq.tree)) if pq.tree is not None else qs


def _ilike_search(self, query):
    from django.db.models import FloatField, Value

    return _ilike_matching(self, query).annotate(rank=Value(0.0, output_field=FloatField()))
