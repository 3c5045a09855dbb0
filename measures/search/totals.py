"""Exact facet counts of a filter state without search text, for the ratio estimates of a
sampled search's facets.

A sampled search (measures.search.engine: more than EXACT_LIMIT matches) counts its
facets on the rows of its sample slices, 0 … k - 1. Scaled up by 4096 / k, a value of
10,000 in a set of 900,000 rests on about 33 sampled rows (±17%). The ratio estimate
instead takes the value's exact count among all rows of the filter state (the text
left out), `total`, and multiplies it by the share of those rows that match the text
in the sample slices: `total` × matches / rows, both counted in slices 0 … k - 1. Its
error comes from the rows of the value that do not match the text only, so it is small
where the text matches most of the filter state's rows (知识产权 matches 90% of them:
at 1M measures every value above 10,000 within 8% where the scaled count was off by up
to 36%), and never larger than the scaled count's.

`Totals` holds, for one filter state (a facet_vector tsquery, '' for every measure), each
facet lexeme's rows and, for the slices below RATIO_SLICES, its rows slice by slice;
pseudo-lexemes count specificity ('sp:<n>'), the flags ('fl:<code>'), undated rows
('y:none') and every row ('#'). They are counted once for a filter state and kept by
the process (TOTALS_SECONDS, or until the measures or documents tables change: the
statistics collector's tuple counters, read at most every FINGERPRINT_SECONDS). A
search that finds them missing is scaled as before; the totals are counted in a thread
beside it (about 1.5 s of PostgreSQL for every measure at 1M, a second for a year
range) and used by the searches after it. Inside a transaction (tests) they are counted
at once, in it, and not kept (its own rows are in no counter yet).

Two more counts are kept the same way. `exact_get`: the exact facet lexeme counts of a sampled
set (a text's matches in a filter state), counted in a thread (3-9 s of PostgreSQL for a set of
900,000 at 1M measures: every row verified), so that the searches after the first show every
facet value exact, those of 10,000 and less as the counts' rule asks; until then the ratio
estimates. `counts_get`: the facet lexeme counts of a filter state without text, for the list
without search text, counted at once when missing (its facets are exact: the state is not
sampled); the list's facets are then read from them instead of counted in SQL.

Every count is also kept in the database (SHARED: the unlogged table measures_search_totals, made by
migration 0016), so that one process's counts serve every other process and the next start: a
process that finds a count missing in its own memory reads it there (one statement by primary key)
before counting it, and a count is written there once done. A kept count serves only while the
tables are as they were counted (the fingerprint: the measures' and documents' tuple counters as
the in-process check reads them, their files, which TRUNCATE, VACUUM FULL and CLUSTER replace, and
the time the database's statistics were last reset; the table is unlogged, so a crash, which
discards the statistics, empties it too), and SHARED_SECONDS at most. Two processes missing the same
count take turns (an advisory lock on its key): the second reads what the first wrote. The command
warm_search_totals counts the list's usual filter states ahead (serve.sh runs it beside the server), and
an import does after its writes (measures.search.warm).
"""
import hashlib
import json
import threading
import time
import zlib
from contextlib import contextmanager

from django.db import DatabaseError, connection, connections

from .index import SAMPLE_BUCKETS

RATIO_FACETS = True        # False: a sampled search's facets are its sample's counts scaled up
RATIO_SLICES = 512         # sample slices counted one by one: a sample of more slices is scaled up
                           # (its set has fewer than about 24,000 matches; its sample is large)
TOTALS_SECONDS = 3600      # a filter state's totals are counted again after this long
FINGERPRINT_SECONDS = 10   # ... or when the tables' tuple counters moved (read at most this often)
TOTALS_KEPT = 64           # filter states kept by a process
TOTALS_THREADS = 2         # counts running at once in a process: more filter states wait for a later search
BACKGROUND = True          # False: counted at once, in the request
EXACT_FACETS = True        # a sampled set's facets counted exactly outside the request (exact_get), used by the
                           # searches after it: every value of 10,000 and less then exact, as the counts' rule asks
EXACT_IN_TRANSACTION = False   # inside a transaction (tests) exact_get counts at once when True, else gives None
PLAIN_COUNTS = True        # the list without search text counts its facets from its filter states' lexeme counts
                           # (counts_get), kept as the totals are; False: in SQL each time (selectors.measure_facets)
COUNTS_IN_TRANSACTION = False  # inside a transaction (tests) counts_get counts at once when True, else gives None
SHARED = True              # counts also kept in the database (SHARED_TABLE), for every process and after a restart
SHARED_TABLE = "measures_search_totals"
SHARED_SECONDS = 7 * 86400  # a count kept there serves while the tables' fingerprint stands, this long at most
SHARED_KEPT = 2000         # counts kept there (the oldest go first)
SHARED_VERSION = 1         # part of each key there: a change to what is counted (or how it is kept) leaves old rows unread
LOCK_CLASS = 0x5354        # pg_advisory_lock(LOCK_CLASS, <the key's hash>): one process counts a missing key at a time

SLICE_COUNT = SAMPLE_BUCKETS * 16   # engine.SLICES a bucket

_lock = threading.Lock()
_kept: dict = {}        # clause -> (fingerprint, monotonic time, Totals)
_running: dict = {}     # clause -> thread
_started = [0]          # counts started in threads by this process
_fingerprint = [None, 0.0]   # (value, monotonic time read)


class Totals:
    """Rows of one filter state by facet lexeme (`counts`) and, for the slices below
    RATIO_SLICES, cumulated slice by slice (`prefix`: lexeme -> rows in slices 0 … i - 1
    at index i)."""

    __slots__ = ("counts", "prefix")

    def __init__(self, counts: dict, prefix: dict):
        self.counts, self.prefix = counts, prefix

    def ratio(self, lexeme: str, matches: float, k: int) -> float | None:
        """The ratio estimate of the rows of `lexeme` that match the text, from its
        `matches` in sample slices 0 … k - 1; None when these totals cannot tell (k
        beyond RATIO_SLICES, the lexeme unknown, or more matches than rows: the
        totals are older than the sample)."""
        if k > RATIO_SLICES or k < 1:
            return None
        total, cumulated = self.counts.get(lexeme), self.prefix.get(lexeme)
        if total is None or cumulated is None:
            return None
        rows = cumulated[k]
        if rows <= 0 or matches > rows:
            return None
        return total * matches / rows


_EXTRA = ("ARRAY['#', 'sp:' || m.specificity::text, "
          "CASE WHEN m.facet_vector @@ '''y:'':*'::tsquery THEN NULL ELSE 'y:none' END, "
          "CASE WHEN m.flag_target THEN 'fl:target' END, CASE WHEN m.flag_deadline THEN 'fl:deadline' END, "
          "CASE WHEN m.flag_unit THEN 'fl:unit' END, CASE WHEN m.flag_lead THEN 'fl:lead' END, "
          "CASE WHEN m.flag_money THEN 'fl:money' END]")


def _count(clause: str) -> Totals:
    """One filter state's totals: two statements (every row of it; its rows in the first
    RATIO_SLICES slices, slice by slice)."""
    from measures.models import Measure

    table = Measure._meta.db_table
    where, params = ("m.facet_vector @@ %s::tsquery", [clause]) if clause else ("true", [])
    lexemes = f"array_cat(tsvector_to_array(m.facet_vector), array_remove({_EXTRA}, NULL))"
    buckets = RATIO_SLICES // 16
    assert buckets % 16 == 0
    groups = " | ".join(f"'s:g{g}'" for g in range(buckets // 16))
    slice_sql = f"((hashint8(m.id) & {SAMPLE_BUCKETS - 1}) * 16 + ((hashint8(m.id) >> 8) & 15))"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT k, count(*) FROM {table} m, unnest({lexemes}) AS k WHERE {where} "
                       f"AND k NOT LIKE 's:%%' GROUP BY k", params)
        counts = {k: n for k, n in cursor.fetchall()}
        cursor.execute(f"SELECT k, array_agg(s), array_agg(n) FROM (SELECT s, k, count(*) AS n FROM "
                       f"(SELECT {slice_sql} AS s, {lexemes} AS f FROM {table} m WHERE {where} AND "
                       f"m.facet_vector @@ %s::tsquery) AS x, unnest(x.f) AS k WHERE k NOT LIKE 's:%%' "
                       f"GROUP BY s, k) AS y GROUP BY k", params + [groups])
        prefix = {}
        for k, slices, ns in cursor.fetchall():
            per = [0] * (RATIO_SLICES + 1)
            for s, n in zip(slices, ns):
                per[s + 1] += n
            for i in range(1, RATIO_SLICES + 1):
                per[i] += per[i - 1]
            prefix[k] = per
    return Totals(counts, prefix)


def _lexeme_counts(where: str, params: list, twice: str) -> dict:
    """Rows by facet lexeme (and the pseudo-lexemes of _EXTRA) of the measures `where` (SQL on
    `m`), and 'ut:<canonical unit id> <place id>': minus the rows that two unit lexemes of that
    unit facet value (`twice`, selectors.reference_names' "unit_twice" literal; '' when no two
    units share one) would count twice, as selectors._unit_facet takes them."""
    from measures.models import Measure

    table = Measure._meta.db_table
    lexemes = f"array_cat(tsvector_to_array(m.facet_vector), array_remove({_EXTRA}, NULL))"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT k, count(*) FROM {table} m, unnest({lexemes}) AS k WHERE {where} "
                       f"AND k NOT LIKE 's:%%' GROUP BY k", params)
        counts = {k: n for k, n in cursor.fetchall()}
        if twice and counts.get("u:*"):
            cursor.execute(
                "SELECT 'ut:' || t.v, sum(1 - t.m) FROM (SELECT d.id, d.v, count(*) AS m FROM (SELECT y.id, "
                + twice + f" ->> y.x AS v FROM (SELECT m.id, unnest(tsvector_to_array(m.facet_vector)) AS x "
                f"FROM {table} m WHERE {where} AND m.facet_vector @@ '''u:*'''::tsquery) y "
                "WHERE y.x LIKE 'u:%%' OFFSET 0) d WHERE d.v IS NOT NULL GROUP BY d.id, d.v) t "
                "WHERE t.m > 1 GROUP BY t.v", params)
            counts.update((k, int(n)) for k, n in cursor.fetchall())
    return counts


def _exact(key: tuple) -> dict:
    """The exact facet lexeme counts (_lexeme_counts) of the rows whose `vector` matches the text
    `text` (a tsquery) in the filter state `clause` ('' for every measure): key (vector, text,
    clause, twice)."""
    vector, text, clause, twice = key
    assert vector in ("search_vector", "title_vector")
    where, params = f"m.{vector} @@ %s::tsquery", [text]
    if clause:
        where, params = where + " AND m.facet_vector @@ %s::tsquery", params + [clause]
    return _lexeme_counts(where, params, twice)


def exact_get(vector: str, text: str, clause: str, twice: str) -> dict | None:
    """The exact facet lexeme counts of a text's matches in a filter state (_exact), or None while
    they are being counted (in a thread, as the totals are: at most TOTALS_THREADS counts at once
    in a process, kept with them). About 4-8 µs of PostgreSQL a matching row (every row of the set
    verified): 3-9 s for a set of 900,000 at 1M measures, so never in the request; inside a
    transaction None, or counted at once with EXACT_IN_TRANSACTION."""
    return _exact_of(vector, text, clause, twice, start=True)


def exact_kept(vector: str, text: str, clause: str, twice: str) -> dict | None:
    """exact_get's counts where they are kept (by this process or in the database), else None: no count
    is started (a search without facets)."""
    return _exact_of(vector, text, clause, twice, start=False)


def _exact_of(vector, text, clause, twice, start: bool) -> dict | None:
    if not EXACT_FACETS:
        return None
    key = ("exact", vector, text, clause, twice)
    if connection.in_atomic_block:
        return _exact(key[1:]) if EXACT_IN_TRANSACTION else None
    return _get(key, lambda: _exact(key[1:]), start=start)


def counts_get(clauses: list, twice: str) -> dict | None:
    """{clause: exact rows by facet lexeme (_lexeme_counts, with the unit facet's corrections)} of
    the filter states `clauses` ('' for every measure) without text, for the list without search
    text: kept as the totals are; those not kept are counted at once (one or two statements each:
    about a second for every measure at 1M, against 2-7 s for the list's facets in SQL). Inside a
    transaction (tests) None, or counted at once and not kept with COUNTS_IN_TRANSACTION."""
    if not PLAIN_COUNTS:
        return None

    def count(clause):
        where, params = ("m.facet_vector @@ %s::tsquery", [clause]) if clause else ("true", [])
        return _lexeme_counts(where, params, twice)

    if connection.in_atomic_block:
        return {clause: count(clause) for clause in clauses} if COUNTS_IN_TRANSACTION else None
    return {clause: _get(("counts", clause, twice), lambda clause=clause: count(clause), background=False)
            for clause in clauses}


def _read_fingerprint() -> tuple:
    """What tells that the measures or documents tables changed, as a tuple: their tuple counters
    (inserted, updated, deleted), which move when either table is written, by any process (within
    about a second, at most a minute); their files (pg_relation_filenode), which TRUNCATE, VACUUM
    FULL and CLUSTER replace without moving the counters; the time the database's statistics were
    last reset (pg_stat_reset puts the counters back to 0, from where they could reach a kept
    fingerprint again); and whether the counters are kept at all (track_counts: where they are not,
    nothing is kept in the database, SHARED)."""
    from measures.models import Document, Measure

    tables = [Measure._meta.db_table, Document._meta.db_table]
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0), coalesce(sum(n_tup_del), 0), "
                       "pg_relation_filenode(%s::regclass), pg_relation_filenode(%s::regclass), "
                       "(SELECT coalesce(stats_reset::text, '') FROM pg_stat_database "
                       "WHERE datname = current_database()), current_setting('track_counts') "
                       "FROM pg_stat_all_tables WHERE relid IN (%s::regclass, %s::regclass)", tables + tables)
        ins, upd, dele, measures, documents, reset, tracked = cursor.fetchone()
        return int(ins), int(upd), int(dele), int(measures or 0), int(documents or 0), reset or "", tracked


def _current_fingerprint():
    now = time.monotonic()
    if _fingerprint[0] is None or now - _fingerprint[1] > FINGERPRINT_SECONDS:
        _fingerprint[0], _fingerprint[1] = _read_fingerprint(), now
    return _fingerprint[0]


def _every_measure(key) -> bool:
    """Whether a kept key is of the state of every measure ('' : the wider set of every page with one
    filter, and the list without any), which a crawler's many filter states never push out."""
    return key == "" or (isinstance(key, tuple) and key[0] == "counts" and key[1] == "")


def _store(clause, fingerprint, totals) -> None:
    with _lock:
        _kept[clause] = (fingerprint, time.monotonic(), totals)
        while len(_kept) > TOTALS_KEPT:
            _kept.pop(next((k for k in _kept if not _every_measure(k)), next(iter(_kept))))


def _in_thread(clause, fingerprint, count) -> None:
    try:
        _store(clause, fingerprint, _counted(clause, fingerprint, count))
    except Exception:   # an estimate scaled as before is no error: counted again next time
        pass
    finally:
        with _lock:
            _running.pop(clause, None)
        connections.close_all()


def get(clause: str) -> Totals | None:
    """The totals of the filter state `clause` (a facet_vector tsquery; '' for every
    measure), or None while they are being counted (in a thread)."""
    if not RATIO_FACETS:
        return None
    if connection.in_atomic_block:
        # (a transaction's own rows are in no counter yet: counted in it, never kept)
        return _count(clause)
    return _get(clause, lambda: _count(clause))


def get_now(clause: str) -> Totals | None:
    """get(), counted at once where missing (warm_search_totals)."""
    if not RATIO_FACETS:
        return None
    if connection.in_atomic_block:
        return _count(clause)
    return _get(clause, lambda: _count(clause), background=False)


def _get(clause, count, start: bool = True, background: bool | None = None):
    """The kept value of `clause` (a filter state, or a key of exact_get or counts_get): this process's,
    else the database's (SHARED); else None while count() runs in a thread (started here when a thread
    is free; with `start` False none is), or count() at once where not `background` (BACKGROUND)."""
    fingerprint = _current_fingerprint()
    hit = _kept.get(clause)
    if hit is not None and hit[0] == fingerprint and time.monotonic() - hit[1] <= TOTALS_SECONDS:
        return hit[2]
    if clause in _running:
        return None
    value = _shared_read(clause, fingerprint)
    if value is not None:
        _store(clause, fingerprint, value)
        return value
    if not start:
        return None
    if not (BACKGROUND if background is None else background):
        value = _counted(clause, fingerprint, count)
        _store(clause, fingerprint, value)
        return value
    with _lock:
        # (a crawler walking many filter states starts at most TOTALS_THREADS full counts at a time)
        if clause not in _running and len(_running) < TOTALS_THREADS:
            thread = threading.Thread(target=_in_thread, args=(clause, fingerprint, count), daemon=True,
                                      name="facet-totals")
            _running[clause] = thread
            _started[0] += 1
            thread.start()
    return None


# --- kept in the database (SHARED) ------------------------------------------------------------------


def _shareable(fingerprint) -> bool:
    """Whether counts are kept in the database under this fingerprint (_read_fingerprint's, the
    statistics' counters kept: track_counts on)."""
    return SHARED and isinstance(fingerprint, tuple) and len(fingerprint) == 7 and fingerprint[-1] == "on"


def _digest(clause) -> str:
    """The key of a kept count in the database: a hash of the in-process key, SHARED_VERSION and, for
    the ratio totals, RATIO_SLICES (their slices' length)."""
    parts = [SHARED_VERSION, clause if isinstance(clause, tuple) else ("totals", clause, RATIO_SLICES)]
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def _encode(value) -> bytes:
    """A count as compressed JSON: a Totals' slices as the slices where each lexeme's rows grow and by
    how much (about 200 KB for every measure at 1M), a dict of lexeme counts as it is."""
    if isinstance(value, Totals):
        slices = {}
        for lexeme, per in value.prefix.items():
            grown = [i for i in range(1, len(per)) if per[i] != per[i - 1]]
            slices[lexeme] = [len(per), grown, [per[i] - per[i - 1] for i in grown]]
        data = {"totals": value.counts, "slices": slices}
    else:
        data = {"counts": value}
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def _decode(blob: bytes):
    data = json.loads(zlib.decompress(blob))
    if "counts" in data:
        return data["counts"]
    prefix = {}
    for lexeme, (length, grown, added) in data["slices"].items():
        per = [0] * length
        for i, n in zip(grown, added):
            per[i] = n
        for i in range(1, length):
            per[i] += per[i - 1]
        prefix[lexeme] = per
    return Totals(data["totals"], prefix)


def _shared_read(clause, fingerprint):
    """The count of `clause` kept in the database under this fingerprint, else None (also where the
    table cannot be read: not migrated yet, a standby)."""
    if not _shareable(fingerprint) or connection.in_atomic_block:
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT value FROM {SHARED_TABLE} WHERE key = %s AND fingerprint = %s "
                           "AND counted > now() - make_interval(secs => %s)",
                           [_digest(clause), json.dumps(fingerprint), SHARED_SECONDS])
            row = cursor.fetchone()
    except DatabaseError:
        return None
    return _decode(bytes(row[0])) if row else None


def _shared_write(clause, fingerprint, value) -> None:
    """Keep a count in the database; rows of another fingerprint (older than a minute: a process reads
    the fingerprint every FINGERPRINT_SECONDS), of more than SHARED_SECONDS and beyond SHARED_KEPT go."""
    if not _shareable(fingerprint) or connection.in_atomic_block:
        return
    label = json.dumps(clause if isinstance(clause, tuple) else ("totals", clause), ensure_ascii=False)[:500]
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {SHARED_TABLE} (key, label, fingerprint, counted, value) "
                           "VALUES (%s, %s, %s, now(), %s) ON CONFLICT (key) DO UPDATE SET label = excluded.label, "
                           "fingerprint = excluded.fingerprint, counted = excluded.counted, value = excluded.value",
                           [_digest(clause), label, json.dumps(fingerprint), _encode(value)])
            cursor.execute(f"DELETE FROM {SHARED_TABLE} WHERE (fingerprint <> %s AND counted < now() - interval "
                           "'1 minute') OR counted < now() - make_interval(secs => %s)",
                           [json.dumps(fingerprint), SHARED_SECONDS])
            cursor.execute(f"DELETE FROM {SHARED_TABLE} WHERE key IN (SELECT key FROM {SHARED_TABLE} "
                           "ORDER BY counted DESC OFFSET %s)", [SHARED_KEPT])
    except DatabaseError:
        pass


@contextmanager
def _one_at_a_time(clause, fingerprint):
    """Hold the advisory lock of `clause`'s key (its count, another process's included, one at a time)."""
    if not _shareable(fingerprint) or connection.in_atomic_block:
        yield
        return
    key = int(_digest(clause)[:8], 16) - (1 << 31)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", [LOCK_CLASS, key])
    except DatabaseError:
        yield
        return
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_CLASS, key])
        except DatabaseError:
            pass


def _counted(clause, fingerprint, count):
    """count() of `clause`, kept in the database; where another process was counting it, what that
    one kept (read once its lock is free)."""
    with _one_at_a_time(clause, fingerprint):
        value = _shared_read(clause, fingerprint)
        if value is None:
            value = count()
            _shared_write(clause, fingerprint, value)
    return value


def started() -> int:
    """How many counts (totals and exact facets) this process started in threads."""
    with _lock:
        return _started[0]


def wait(timeout: float = 120.0) -> None:
    """Wait for the totals being counted (bench_search, after its untimed round)."""
    deadline = time.monotonic() + timeout
    while True:
        with _lock:
            threads = list(_running.values())
        if not threads or time.monotonic() > deadline:
            return
        threads[0].join(max(deadline - time.monotonic(), 0))


def forget_fingerprint() -> None:
    """Read the tables' fingerprint again at the next count (after this process's own import: it read
    it at most FINGERPRINT_SECONDS ago, before the writes)."""
    _fingerprint[0] = None


def clear() -> None:
    with _lock:
        _kept.clear()
    _fingerprint[0] = None
