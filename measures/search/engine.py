"""Bounded-work search: exact counts up to EXACT_LIMIT matches, a sampled
estimate above, ranked candidates.

The match query (phrases: <N> distances, weights, exclusions) needs each
row's tsvector to be checked; GIN gives the rows that hold the lexemes and
PostgreSQL rechecks them. The usual filters are lexemes of
Measure.facet_vector (city, province, year, theme, IP type) in the same GIN
indexes, so the index intersects text and filters itself; when every active
filter is such a lexeme the caller passes the unfiltered queryset (no join to
documents or themes: measures.selectors.lexeme_filters_only), other filters
are applied in SQL as well. The sample buckets and the filters are two
conditions (two GIN keys), so that a long filter clause (a year range) is
checked only on the rows the text and the buckets leave. The document's date
(the last tie-break) is read once per distinct document of the ranked rows.

The index reads each term's rarest bigram (ParsedQuery.lean_tsquery, a
superset that GIN answers without a recheck: one posting list to intersect
instead of every bigram's, each as long as the corpus for a common term); the
query itself is then checked on each row's vector copy, the one the ranks
read, so a row's vector (3 KB in TOAST at 1M measures) is fetched once.

Samples are made of slices: every measure has a bucket lexeme 's:0' … 's:255'
(a hash of its id) in facet_vector, which the index selects, and each bucket
is cut into SLICES slices by more bits of the same hash (slice_sql), a heap
filter applied before any vector is read; so a very large set is sampled a
fraction of a bucket at a time.

1. The first statement reads the matches of each set in the first
   PROBE_SLICES slices (bucket 0, which its index scan and heap reads visit
   whole anyway): the probe — the result set and, when a facet filter is
   active, the wider set the facets need (every filter but the facets' own:
   `base`, ids only). Its first PROBE_RANKED slices (a quarter of the bucket)
   are verified and ranked; the others are counted as a sample read's
   unchecked rows (below). A set of more than about 600,000 matches thus
   holds its sample in the probe (one statement).
2. A set whose probe is below probe_gate (well below EXACT_LIMIT matches
   to expect) is read whole, up to EXACT_LIMIT + 1 matches, each verified and
   ranked: with at most EXACT_LIMIT it is all there, and its count and facet
   counts are exact. A probe that cannot tell (ambiguous_from: about half the
   limit and more) is widened to WIDE_PROBE buckets first, then decided the
   same way. A set above the gate (or one that still overflows: one more
   statement) is sampled: the slices not read yet are read beside the
   probe's (k slices chosen from the probe so that at least SAMPLE_TARGET
   rows are read, BASE_TARGET for the wider set); the count is (rows read) ×
   4096 / k, within a few per cent (shown as 约), and facet counts are scaled
   the same way. Of the results' sample, the slices up to RANK_TARGET rows
   (or up to TITLE_ENOUGH title hits, by the probe) are ranked: those are the
   results and their pages; the rest is verified and counted only (a rank
   costs about as much as the phrase check). Of each sample read, the first
   slices up to CHECK_TARGET rows and the ranked ones are verified; its other
   rows are counted as the index gives them when those show that the lean
   query's rows hold the query (at most one in CHECK_TRUST fails), else
   verified too (_checked_sql).
   Title-level hits (title_vector, its own small GIN index) are always among
   the candidates, so the best results are shown even when the rest is a
   sample: up to TITLE_CAP read from the title index, unless the probe shows
   that the ranked sample holds TITLE_ENOUGH of them already (a common title
   term, whose title-index read would cost more than the sample). A common
   term thus costs a sample, never EXACT_LIMIT rows first.

Ranking (rank_sql), best first: with 模糊, hits of the term as written above
hits of its words apart; hits of the terms as typed above synonym hits; a hit
in the measure's title above one in its text only; a whole-word hit (the term
is a jieba / domain-dictionary word and the text's segmentation has it as a
word, a stored word lexeme) above a substring that crosses a word boundary;
then ts_rank_cd (weights: title 1.0, text 0.1); ties go to the newest
document (date published, else signed), then document and measure order.
"""
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import EmptyResultSet
from django.db import connection
from psycopg import ClientCursor
from django.db.models import BooleanField, DateField, F, Func, Value
from django.db.models.functions import Cast

from .index import SAMPLE_BUCKETS

EXACT_LIMIT = 10000      # counts are exact up to this many loose matches per set
SAMPLE_TARGET = 3000     # rows verified for an estimate (at least; whole slices): a binomial
                         # error of about 1.8% on the count (the 15 bench searches at 1M: within
                         # 5.5%). Facets are estimated from the same rows, so a facet value of
                         # 10,000 in a set of 900,000 rests on ~33 of them: 1,500 rows were faster
                         # (p95 about 20% lower) but put 303 of the bench's 394 facet values above
                         # 10,000 within 10% against 352 at 3,000 (`bench_search --check-facets`)
BASE_TARGET = 3000       # the same for the wider set of the facets whose own filter is active
ENOUGH = 0.8             # a probe with this share of its target's rows is taken as the sample
SAMPLE_CAP = 12000       # at most this many sampled rows are read
RANK_TARGET = 500        # sampled rows ranked (at least; whole slices, the probe's all): the
                         # results and their pages; the rest of a sample is verified for the
                         # count and the facets only (a rank costs as much as the phrase check)
TITLE_CAP = 500          # title-level candidates added to a sampled result set
TITLE_ENOUGH = 100       # ... unless its ranked rows hold this many title hits (five pages of them):
                         # the title index of a common title term reads tens of thousands of entries
SLICES = 16              # sample slices a bucket: a sample is any number of the
                         # SAMPLE_BUCKETS × SLICES slices, so a large set is not read a whole bucket at a time
PROBE_SLICES = 16        # the probe: bucket 0 (1/256 of the set), which its index scan and heap reads visit whole
PROBE_RANKED = 4         # ... of which the first slices (1/1024 of the set) are verified and ranked, the others
                         # counted as a checked read's (_checked_sql: the ranked slices are its checked part)
MIN_GATE = 32            # probe counts below this never skip the exact read (probe_gate)
WIDE_PROBE = 8           # buckets a probe is widened to when one cannot tell (ambiguous_from)
MIN_AMBIGUOUS = 8
TRY_SAMPLE = True        # a probe that cannot tell but puts the set above the limit reads its sample at once
                         # (then gated as a wide probe is) instead of WIDE_PROBE buckets first
YEAR_SPAN = (1900, 2100)   # year lexemes looked up for an open year range
CHECK_TARGET = 400       # rows of a sample read verified whatever (its first slices, the ranked ones among
                         # them): when at most one in CHECK_TRUST of them fails the query, the read's
                         # other rows are counted as the index gives them, without reading their vectors
CHECK_TRUST = 400        # (the lean query's rows hold the query: at 1M, 知识产权 or 行政裁决 lose none of
CHECK_MIN = 100          # thousands; "专利侵权纠纷" a quarter, verified row by row); at least CHECK_MIN checked
CHECKED_READS = True     # False: every row of a sample verified
SHARED_READS = True      # a year-filtered result set and the wider set of its text read from the same
                         # slices in one read (candidates); False reads them apart (the same rows)
SPLIT_LEXEMES = True     # a shared read's facet lexemes unnested once for both of its sets (_statement)
HASH_GROUPS = True       # a tallied statement planned with enable_sort off: its facet lexemes (18,000-75,000 at
                         # 1M) are grouped by hashing where the planner, misled by its estimate of the verified
                         # rows (a few for thousands), sorted them by their text (5 ms for 18,000)
SHARED_SHARE = 0.5       # ... and any result set of one lexeme filter (a theme, a place) whose filter keeps this
                         # share of the text's rows or more (by the probes): one read of the wider set's slices
                         # and the results' (at most 1 / SHARED_SHARE the results' rows) instead of two reads

# ts_rank_cd weights in PostgreSQL's order {D, C, B, A}: text 0.1, title 1.0
# (the vector has no B or C positions; see measures.search.index).
RANK_WEIGHTS = [0.1, 0.02, 0.05, 1.0]
TIERS = (("phrase_tsquery", 16), ("typed_tsquery", 8), ("title_tsquery", 4), ("word_tsquery", 2))


class _VectorCopy(Func):
    """`vector || ''::tsvector`: detoasted once in the subquery, then reused
    by the match and the ranks above it."""

    template = "(%(expressions)s || ''::tsvector)"
    output_field = SearchVectorField()


def slice_sql(pk: str) -> str:
    """The sample slice of the row whose id is the SQL `pk`: 0 … SAMPLE_BUCKETS × SLICES - 1,
    its bucket (BUCKET_SQL, a lexeme the GIN index selects) × SLICES plus SLICES more bits of
    the same hash (a heap filter, evaluated before a row's vector is read)."""
    return f"((hashint8({pk}) & {SAMPLE_BUCKETS - 1}) * {SLICES} + ((hashint8({pk}) >> 8) & {SLICES - 1}))"


class _RankedCopy(Func):
    """_VectorCopy for the rows in sample slices below `below` (slice_sql), NULL
    for the others: those are verified and counted, not ranked."""

    output_field = SearchVectorField()

    def __init__(self, vector, pk, below: int):
        super().__init__(vector, pk, Value(int(below)))

    def as_sql(self, compiler, connection, **extra):
        (v, v_params), (pk, pk_params), (below, below_params) = (compiler.compile(e)
                                                                 for e in self.source_expressions)
        return (f"(CASE WHEN {slice_sql(pk)} < {below} THEN ({v} || ''::tsvector) END)",
                [*pk_params, *below_params, *v_params])


class _InMain(Func):
    """Of a merged read (_rows' `split`): whether the row belongs to the results, i.e. its
    slice is below `end` and its facet_vector matches the results' year clause (a tsquery)."""

    output_field = BooleanField()

    def __init__(self, facet_vector, pk, years: str, end: int):
        super().__init__(facet_vector, pk, Value(years))
        self.end = int(end)

    def as_sql(self, compiler, connection, **extra):
        (fv, fv_params), (pk, pk_params), (q, q_params) = (compiler.compile(e) for e in self.source_expressions)
        return (f"({slice_sql(pk)} < {self.end} AND ts_match_vq({fv}, ({q})::tsquery))",
                [*pk_params, *fv_params, *q_params])


class _SplitCopy(Func):
    """_RankedCopy of a merged read: the copy for the results' rows (_InMain) in the slices
    below `below`; the wider set's other rows are verified on the stored vector."""

    output_field = SearchVectorField()

    def __init__(self, vector, in_main, pk, below: int):
        super().__init__(vector, in_main, pk)
        self.below = int(below)

    def as_sql(self, compiler, connection, **extra):
        (v, v_params), (m, m_params), (pk, pk_params) = (compiler.compile(e) for e in self.source_expressions)
        return (f"(CASE WHEN {slice_sql(pk)} < {self.below} AND {m} THEN ({v} || ''::tsvector) END)",
                [*pk_params, *m_params, *v_params])


class _Below(Func):
    """Whether the row's sample slice (slice_sql) is below `end`."""

    output_field = BooleanField()

    def __init__(self, pk, end: int):
        super().__init__(pk)
        self.end = int(end)

    def as_sql(self, compiler, connection, **extra):
        pk, pk_params = compiler.compile(self.source_expressions[0])
        return f"({slice_sql(pk)} < {self.end})", list(pk_params)


class _InSlices(Func):
    """Whether the row's sample slice (slice_sql) is in [first, end)."""

    output_field = BooleanField()

    def __init__(self, pk, first: int, end: int):
        super().__init__(pk)
        self.first, self.end = int(first), int(end)   # integers of ours, written into the SQL

    def as_sql(self, compiler, connection, **extra):
        pk, pk_params = compiler.compile(self.source_expressions[0])
        return f"({slice_sql(pk)} BETWEEN {self.first} AND {self.end - 1})", list(pk_params)


def _weights() -> str:
    return "{" + ",".join(str(w) for w in RANK_WEIGHTS) + "}"


def rank_sql(pq, vector: str) -> tuple[str, list]:
    """SQL (and params) of the rank of a row whose tsvector is `vector`: tiers
    (see the module doc) plus ts_rank_cd normalised into [0, 1)."""
    parts, params = [], []
    for attr, points in TIERS:
        q = getattr(pq, attr)
        if not q or (attr == "typed_tsquery" and q == pq.tsquery):
            continue  # every match has it
        parts.append(f"(CASE WHEN {vector} @@ %s::tsquery THEN {points} ELSE 0 END)")
        params.append(q)
    if pq.typed_tsquery:
        parts.append(f"ts_rank_cd(%s::float4[], {vector}, %s::tsquery, 32)")
        params += [_weights(), pq.typed_tsquery]
    if not parts:
        return "0::float8", []
    return "(" + " + ".join(parts) + ")::float8", params


@dataclass
class Candidates:
    ids: list[int] = field(default_factory=list)       # verified matches, best first
    ranks: list[float] = field(default_factory=list)   # same order as ids
    exact: bool = True          # every match was verified: ids are all of them
    estimate: int = 0           # the (estimated) number of matches
    # for facet counts: the verified rows of the result set and of the wider
    # set (filters but the facets' own), each with its scale (1 when exact)
    sample_ids: list[int] = field(default_factory=list)
    scale: float = 1.0
    base_ids: list[int] | None = None
    base_scale: float = 1.0
    base_exact: bool = True
    # the facets, counted in the statements (a Tally asked for): the result set's (sample's)
    # facet lexemes ('p:1', 't:judicial', …) and its other counts ((name, key, label) -> n:
    # 'sp', 'flag' and Tally.parts), the wider set's lexemes and rows by the filter clauses
    # they satisfy (mask -> counts), and the names of Tally.names (name -> {key: name})
    lexemes: Counter = field(default_factory=Counter)
    tally: Counter = field(default_factory=Counter)
    base_lexemes: dict = field(default_factory=dict)
    base_sizes: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)
    tallied: bool = False       # the facets above were counted (a Tally was given)

    @property
    def count(self) -> int:
        return len(self.ids) if self.exact else self.estimate


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def facet_clauses(filterset) -> dict[str, str]:
    """tsquery clauses over Measure.facet_vector for the filterset's active
    province, city, theme, ip_type and year filters (name -> clause). Values
    the filters would not accept are left out (the SQL filters still apply)."""
    from measures.filters import clamp_year, region_ids

    data = getattr(filterset.form, "cleaned_data", None) or {}
    out = {}
    for key, prefix, level in (("province", "p", "province"), ("city", "c", "city")):
        if data.get(key):
            ids = region_ids(data[key], level)
            out[key] = " | ".join(_quote(f"{prefix}:{i}") for i in ids) or f"'{prefix}:none'"
    for key, prefix in (("theme", "t"), ("ip_type", "i")):
        values = [v for v in data.get(key) or [] if 0 < len(v) <= 100]
        if values:
            out[key] = " | ".join(_quote(f"{prefix}:{v}") for v in values)
    lo, hi = data.get("year_from"), data.get("year_to")
    if lo is not None or hi is not None:
        lo = max(clamp_year(lo) if lo is not None else YEAR_SPAN[0], YEAR_SPAN[0])
        hi = min(clamp_year(hi) if hi is not None else YEAR_SPAN[1], YEAR_SPAN[1])
        out["year"] = " | ".join(year_lexemes(lo, hi)) or "'y:none'"
    return out


def year_lexemes(lo: int, hi: int) -> list[str]:
    """tsquery operands for the year lexemes 'y:lo' … 'y:hi' (four digits): whole decades,
    centuries and millennia as prefixes ('y:201':* is 2010–2019), the rest one by one. A
    year range up to 2023 is 7 operands instead of 124: checked on a row (ts_match_vq) in
    about a third of the time, and read from the index faster too."""
    out, y = [], lo
    while y <= hi:
        for size, digits in ((1000, 1), (100, 2), (10, 3)):
            if y % size == 0 and y + size - 1 <= hi:
                out.append(f"{_quote(f'y:{str(y)[:digits]}')}:*")
                y += size
                break
        else:
            out.append(_quote(f"y:{y}"))
            y += 1
    return out


def facet_tsquery(filterset) -> str:
    """All active filter clauses ANDed ('' when none is active)."""
    return all_of(facet_clauses(filterset).values())


def all_of(clauses) -> str:
    return " & ".join(f"({c})" for c in clauses if c)


def all_but_one(clauses) -> str:
    """Rows that satisfy all clauses but at most one: a superset of every
    facet's set (each ignores its own filter); '' when that is everything."""
    clauses = [c for c in clauses if c]
    if len(clauses) < 2:
        return ""
    return " | ".join("(" + all_of(clauses[:i] + clauses[i + 1:]) + ")" for i in range(len(clauses)))


# groups of sample buckets with a lexeme of their own in facet_vector (measures.search.index):
# 's:gN' (buckets 16N … 16N+15) and 's:qN' (4N … 4N+3)
BUCKET_GROUPS = ((16, "g"), (4, "q"))


def _buckets(first: int, end: int) -> str:
    """The tsquery of sample buckets first … end - 1: whole aligned groups through their
    group's lexeme (BUCKET_GROUPS), the rest bucket by bucket. Each ORed lexeme costs the GIN
    scan about as much as its posting list's skips, whatever its length: 50 buckets beside a
    bigram at 1M measures 24.5 ms, as three groups of 16 and two buckets 6.6 ms."""
    out, b = [], first
    while b < end:
        for size, tag in BUCKET_GROUPS:
            if b % size == 0 and b + size <= end:
                out.append(f"'s:{tag}{b // size}'")
                b += size
                break
        else:
            out.append(f"'s:{b}'")
            b += 1
    return " | ".join(out)


def _region(first: int, end: int) -> tuple[str, tuple[int, int] | None]:
    """Sample slices first … end - 1: the tsquery of their buckets and, when they do
    not cover whole buckets, the slice range the rows are filtered to."""
    lexemes = _buckets(first // SLICES, -(-end // SLICES))
    return lexemes, (first, end) if first % SLICES or end % SLICES else None


FLAGS = ("flag_target", "flag_deadline", "flag_unit", "flag_lead", "flag_money")
# what every candidate row carries for the facets (measures.selectors._row_facets):
# its facet lexemes (place, year, theme, IP type), specificity and flags
FACET_COLUMNS = ("_f", "specificity") + FLAGS
FACET_ALIASES = "f, sp, ft, fd, fu, fl, fm"


# _rows' SQL by the shape of the call (SQL_CACHE): the ORM compiles a read in about 1.8 ms, three
# reads a search; a shape's text is compiled once, with stand-ins for its strings and numbers
SQL_CACHE = True
_SQL_CACHE: dict = {}
_STAND_IN = 7_000_000_000   # the numbers' stand-ins: 7000001000, 7000002000, … (and each minus 1)


def _rows(queryset, *, text: str, vector: str = "search_vector", facets: str = "", sample: str = "",
          limit: int | None = None, columns: str = "rank", rank_vector: str = "search_vector",
          ranked_below: int | None = None, loose: str = "", slices: tuple[int, int] | None = None,
          heap_facets: bool = False, split: tuple[str, int, int, int] | None = None, checked: int | None = None):
    """_rows_sql, compiled once a shape: a queryset without filters of its own (the text search's
    rows when every filter is a facet lexeme) and the same columns, vectors and options give the
    same SQL text but for the strings (parameters) and numbers (written in it) of the call, put in
    place of the stand-ins the shape was compiled with."""
    kwargs = dict(text=text, vector=vector, facets=facets, sample=sample, limit=limit, columns=columns,
                  rank_vector=rank_vector, ranked_below=ranked_below, loose=loose, slices=slices,
                  heap_facets=heap_facets, split=split, checked=checked)
    q = queryset.query
    if not SQL_CACHE or q.where or q.annotations or q.extra or q.select_related or q.distinct or \
            q.combinator or q.low_mark or q.high_mark is not None or q.deferred_loading[0] or \
            not q.deferred_loading[1]:
        return _rows_sql(queryset, **kwargs)
    strings = {"text": text, "facets": facets, "sample": sample, "loose": loose,
               "years": split[0] if split else None}
    numbers = {"limit": limit, "ranked_below": ranked_below, "first": slices[0] if slices else None,
               "end": slices[1] if slices else None, "main_end": split[1] if split else None,
               "base_end": split[2] if split else None, "below": split[3] if split else None, "checked": checked}
    # the shape: which strings are set and which are equal (loose may be text), which numbers are set
    distinct = list(dict.fromkeys(v for v in strings.values() if v))
    key = (queryset.model, vector, rank_vector, columns, heap_facets, CHECK_MIN, CHECK_TRUST,
           tuple(distinct.index(v) if v else None for v in strings.values()),
           tuple(v is None for v in numbers.values()))
    hit = _SQL_CACHE.get(key)
    if hit is None:
        stand = {v: f"\x01s7 {i}\x01" for i, v in enumerate(distinct)}
        ints = {name: _STAND_IN + 1000 * (i + 1) for i, name in enumerate(numbers)}
        n = {name: None if v is None else ints[name] for name, v in numbers.items()}
        sql, params = _rows_sql(
            queryset, text=stand.get(text, text), vector=vector, facets=stand.get(facets, facets),
            sample=stand.get(sample, sample), limit=n["limit"], columns=columns, rank_vector=rank_vector,
            ranked_below=n["ranked_below"], loose=stand.get(loose, loose),
            slices=None if slices is None else (n["first"], n["end"]), heap_facets=heap_facets,
            split=None if split is None else (stand.get(split[0], split[0]), n["main_end"], n["base_end"], n["below"]),
            checked=n["checked"])
        slots = {v: i for i, v in enumerate(stand.values())}
        names = {v: name for name, v in ints.items()}
        # each parameter: a string of the call ("s", its index in `distinct`), a number ("n", its
        # name) or a constant ("v", it)
        template = [("s", slots[p]) if isinstance(p, str) and p in slots else
                    ("n", (names[p], type(p))) if isinstance(p, int) and not isinstance(p, bool) and p in names
                    else ("v", p) for p in params]   # a number as its type (psycopg's Int4 …)
        hit = _SQL_CACHE[key] = (sql, template, ints)
        if len(_SQL_CACHE) > 256:
            _SQL_CACHE.clear()
    sql, template, ints = hit
    for name, value in numbers.items():
        if value is not None:
            stand_in = ints[name]
            sql = sql.replace(str(stand_in - 1), str(int(value) - 1)).replace(str(stand_in), str(int(value)))
    return sql, [distinct[v] if kind == "s" else v[1](numbers[v[0]]) if kind == "n" else v for kind, v in template]


def _rows_sql(queryset, *, text: str, vector: str = "search_vector", facets: str = "", sample: str = "",
              limit: int | None = None, columns: str = "rank", rank_vector: str = "search_vector",
              ranked_below: int | None = None, loose: str = "", slices: tuple[int, int] | None = None,
              heap_facets: bool = False, split: tuple[str, int, int, int] | None = None,
              checked: int | None = None):
    """SQL of the rows of `queryset` whose `vector` matches `text` (PostgreSQL
    rechecks phrases and weights on the rows the GIN index gives), with the
    facet lexemes (and a sample of buckets). columns: "rank" (id, document,
    ordinal, date, a copy of `rank_vector` to rank, the facet fields), "id"
    (id, document, the facet fields), or "count".

    `loose` (columns "rank", `vector` = `rank_vector`): the query's GIN superset
    (ParsedQuery.loose_tsquery, answered by the index without a recheck). The
    index then reads the loose matches and `text` is checked on the vector's
    copy, the one the ranks read: a row's vector (about 3 KB in TOAST at 1M
    measures) is fetched once, not once for the recheck and again for the copy.
    `slices` (first, end): only the rows of those sample slices (slice_sql) of
    the `sample` buckets; ranked_below is a slice too. heap_facets: `facets` is
    checked on each row the index gives (ts_match_vq, not an index key): a year
    range ORs up to 200 lexemes, each as long as a year's measures, which the
    index would intersect with the text and the buckets.

    `split` (years, main_end, base_end, ranked_below): one read for two sets over the same
    slices, the results (`years`, a year clause checked on each row, in the slices below
    main_end) and the wider set of the text alone (the slices below base_end): each row is
    fetched and verified once, with two more columns, whether it is one of the results and
    whether it is one of the wider set's (_statement reads such a part twice).

    `checked` (a slice; a sample read's, with `loose`): the rows of the slices below it and the
    ranked ones are verified whatever (the checked part); the others are verified only when more
    than one in CHECK_TRUST of the checked part's rows fail the query (or fewer than CHECK_MIN
    were checked), else counted as the index gives them (_checked_sql)."""
    from django.contrib.postgres.fields import ArrayField
    from django.db.models import TextField

    from measures.querysets import TsMatch, TsQuery

    qs = queryset.order_by()
    on_copy = bool(loose and text and loose != text and columns in ("rank", "id")
                   and (columns == "id" or vector == rank_vector))
    if on_copy:
        qs = qs.filter(TsMatch(F(vector), TsQuery(loose)))
    elif text:
        qs = qs.filter(TsMatch(F(vector), TsQuery(text)))
    # the sample buckets and the filters as two conditions, two keys of the GIN scan: the
    # filters' key (a year range ORs up to 200 year lexemes) is then checked only on the
    # rows the text and the few buckets leave, not on every row of the buckets (one
    # condition of both: 86 ms -> 31-43 ms for a phrase, year_to and 8 buckets at 1M)
    for lexemes in (sample, "" if heap_facets else facets):
        if lexemes:
            qs = qs.filter(TsMatch(F("facet_vector"), TsQuery(lexemes)))
    if heap_facets and facets:
        qs = qs.filter(Func(F("facet_vector"), TsQuery(facets), function="ts_match_vq", output_field=BooleanField()))
    if slices is not None:
        qs = qs.filter(_InSlices(F("pk"), *slices))
    qs = qs.annotate(_f=Func(F("facet_vector"), function="tsvector_to_array", output_field=ArrayField(TextField())))
    if split is not None:
        # a row of either set, the results' rows told apart by their years
        years, main_end, base_end, below = split
        qs = qs.annotate(_im=_InMain(F("facet_vector"), F("pk"), years, main_end), _ib=_Below(F("pk"), base_end))
        qs = qs.filter(Func(F("_im"), F("_ib"), template="(%(expressions)s)", arg_joiner=" OR ",
                            output_field=BooleanField()))
        qs = qs.annotate(_d=Cast(Value(None), DateField()), _v=_SplitCopy(F(rank_vector), F("_im"), F("pk"), below))
        columns = ("pk", "document_id", "ordinal", "_d", "_v", rank_vector, *FACET_COLUMNS, "_im", "_ib")
        names = ", ".join(f"q.{a}" for a in FACET_ALIASES.split(", "))
        if on_copy and checked is not None:
            inner, params = qs.annotate(_ck=_Below(F("pk"), checked)).values_list(
                *columns, "_ck").query.sql_with_params()
            return _checked_sql(inner, params, text, f"id, document_id, ordinal, d, v, stored, {FACET_ALIASES}, im, ib, ck",
                                f"q.id, q.document_id, q.ordinal, q.d, q.v, {names}, q.im, q.ib", ranked=True,
                                limit=limit)
        inner, params = qs.values_list(*columns).query.sql_with_params()
        sql = (f"SELECT q.id, q.document_id, q.ordinal, q.d, q.v, {names}, q.im, q.ib "
               f"FROM ({inner} OFFSET 0) AS q(id, document_id, ordinal, d, v, stored, {FACET_ALIASES}, im, ib)"
               + (" WHERE coalesce(q.v @@ %s::tsquery, q.stored @@ %s::tsquery)" if on_copy else "")
               + (f" LIMIT {int(limit)}" if limit is not None else ""))
        return sql, [*params, text, text] if on_copy else list(params)
    if on_copy and columns == "id":
        # the vector verified above the scan, after the slice filter: a row outside the
        # slices is not read from TOAST
        names = ", ".join(f"q.{a}" for a in FACET_ALIASES.split(", "))
        if checked is not None:
            inner, params = qs.annotate(_ck=_Below(F("pk"), checked)).values_list(
                "pk", "document_id", *FACET_COLUMNS, vector, "_ck").query.sql_with_params()
            return _checked_sql(inner, params, text, f"id, document_id, {FACET_ALIASES}, stored, ck",
                                f"q.id, q.document_id, {names}", ranked=False, limit=limit)
        inner, params = qs.values_list("pk", "document_id", *FACET_COLUMNS, vector).query.sql_with_params()
        sql = (f"SELECT q.id, q.document_id, {names} FROM ({inner} OFFSET 0) AS q(id, document_id, "
               f"{FACET_ALIASES}, v) WHERE q.v @@ %s::tsquery" + (f" LIMIT {int(limit)}" if limit is not None else ""))
        return sql, [*params, text]
    if on_copy and ranked_below is None:
        # every row's vector copied once (verified on the copy, which the ranks read)
        qs = qs.annotate(_d=Cast(Value(None), DateField()), _v=_VectorCopy(F(rank_vector))
                         ).values_list("pk", "document_id", "ordinal", "_d", "_v", *FACET_COLUMNS)
        inner, params = qs.query.sql_with_params()
        names = ", ".join(f"q.{a}" for a in FACET_ALIASES.split(", "))
        sql = (f"SELECT q.id, q.document_id, q.ordinal, q.d, q.v, {names} "
               f"FROM ({inner} OFFSET 0) AS q(id, document_id, ordinal, d, v, {FACET_ALIASES}) "
               f"WHERE q.v @@ %s::tsquery" + (f" LIMIT {int(limit)}" if limit is not None else ""))
        return sql, [*params, text]
    if on_copy:
        # the rows of the slices below ranked_below are verified on their vector's copy (the
        # ranks read it), the others on the stored vector itself: one TOAST read a row either
        # way, and no copy (about as costly as the check) of a row that is only counted
        qs = qs.annotate(_d=Cast(Value(None), DateField()), _v=_RankedCopy(F(rank_vector), F("pk"), ranked_below))
        columns = ("pk", "document_id", "ordinal", "_d", "_v", rank_vector, *FACET_COLUMNS)
        names = ", ".join(f"q.{a}" for a in FACET_ALIASES.split(", "))
        if checked is not None:
            inner, params = qs.annotate(_ck=_Below(F("pk"), checked)).values_list(
                *columns, "_ck").query.sql_with_params()
            return _checked_sql(inner, params, text, f"id, document_id, ordinal, d, v, stored, {FACET_ALIASES}, ck",
                                f"q.id, q.document_id, q.ordinal, q.d, q.v, {names}", ranked=True, limit=limit)
        inner, params = qs.values_list(*columns).query.sql_with_params()
        sql = (f"SELECT q.id, q.document_id, q.ordinal, q.d, q.v, {names} "
               f"FROM ({inner} OFFSET 0) AS q(id, document_id, ordinal, d, v, stored, {FACET_ALIASES}) "
               f"WHERE coalesce(q.v @@ %s::tsquery, q.stored @@ %s::tsquery)"
               + (f" LIMIT {int(limit)}" if limit is not None else ""))
        return sql, [*params, text, text]
    if columns == "rank":
        # the document's date (a tie-break) is read by _statement for the rows' documents
        copy = _VectorCopy(F(rank_vector)) if ranked_below is None else \
            _RankedCopy(F(rank_vector), F("pk"), ranked_below)
        qs = qs.annotate(_d=Cast(Value(None), DateField()), _v=copy).values_list(
            "pk", "document_id", "ordinal", "_d", "_v", *FACET_COLUMNS)
    elif columns == "id":
        qs = qs.values_list("pk", "document_id", *FACET_COLUMNS)
    else:
        qs = qs.values_list("pk")
    if limit is not None:
        qs = qs[:limit]
    sql, params = qs.query.sql_with_params()
    if columns == "count":
        sql = f"SELECT count(*) FROM ({sql}) AS n"
    return sql, list(params)


def _checked_sql(inner: str, params, text: str, columns: str, out: str, *, ranked: bool, limit: int | None):
    """A sample read whose rows are verified in part (_rows_sql's `checked`): the index's rows (`inner`,
    its columns `columns`: `stored`, the row's vector, `ck`, whether its slice is in the checked part,
    and with `ranked`, `v`, the ranked rows' copy) kept once; the checked part's rows (`ck`, and the
    ranked ones) verified on the copy or the stored vector; the others too unless the checked part
    shows that the index's rows hold the query (at most one in CHECK_TRUST of them fail it, and
    CHECK_MIN of them at least): then they are counted unread, their vector never fetched. Their
    count and facets are then those of the index's rows, above the matches' by less than about
    1/CHECK_TRUST (the check of CHECK_TARGET rows), which an estimate's sampling error (about 2%)
    hides; the rows shown (the ranked ones) are always verified."""
    verify = "coalesce(q.v @@ %s::tsquery, q.stored @@ %s::tsquery)" if ranked else "q.stored @@ %s::tsquery"
    checked = "q.ck OR q.v IS NOT NULL" if ranked else "q.ck"
    n = verify.count("%s")
    sql = (f"WITH l AS MATERIALIZED (SELECT q.*, CASE WHEN {checked} THEN {verify} END AS good "
           f"FROM ({inner} OFFSET 0) AS q({columns})), "
           f"t AS (SELECT count(*) >= {int(CHECK_MIN)} AND count(*) FILTER (WHERE NOT good) * {int(CHECK_TRUST)} "
           f"<= count(*) AS ok FROM l WHERE good IS NOT NULL) "
           f"SELECT {out} FROM l AS q WHERE coalesce(q.good, (SELECT ok FROM t) OR {verify})"
           + (f" LIMIT {int(limit)}" if limit is not None else ""))
    return sql, [*[text] * n, *params, *[text] * n]


def title_only(pq) -> bool:
    """Every term of the query is a title term (标题:, or the advanced form's
    title scope) and one at least is positive: the small title index and
    title_vector (the title alone, the same positions as in search_vector)
    answer it, not the full-text index."""
    from .query import _terms

    terms = list(_terms(pq.tree))
    return bool(terms) and bool(pq.typed_tsquery) and all(t.field == "title" for t in terms)


def _sample_size(per_slice: float, target: int | None = None) -> int:
    """Slices to read for at least `target` (SAMPLE_TARGET) rows, from the rows a slice."""
    target = SAMPLE_TARGET if target is None else target
    return max(1, min(SAMPLE_BUCKETS * SLICES, math.ceil(target / max(per_slice, 1 / SLICES))))


# parts of a candidate statement
MAIN, TITLE, BASE, PROBE_MAIN, PROBE_BASE = 1, 2, 3, 4, 5
# kinds of _statement's result rows: a ranked row, every id of a part, a document's date, a
# facet lexeme's count in a part, a count of the results' rows (specificity, flags, the
# Tally's parts), a name, a row of the wider set with its facet lexemes (Tally.masks)
ROW, IDS, DATES, LEX, AGG, NAME, FROWS = range(7)
_OUT = (("part", "int"), ("id", "bigint"), ("doc", "bigint"), ("ordinal", "int"), ("d", "date"), ("score", "float8"),
        ("nm", "text"), ("k", "text"), ("label", "text"), ("n", "bigint"), ("a", "bigint[]"), ("f", "text[]"))


def _out(kind: int, tail: str, **cols) -> str:
    """One SELECT of _statement's result: `kind`, then the _OUT columns (NULL where not given)."""
    return f"SELECT {int(kind)}, " + ", ".join(f"({cols[c]})::{t}" if c in cols else f"NULL::{t}"
                                                for c, t in _OUT) + " " + tail


@dataclass
class Tally:
    """What the facets need of the verified rows, counted by PostgreSQL in the candidate
    statement instead of each row travelling to Python: `parts` (name -> SQL over `{src}`,
    the results' rows (id, document_id), `{lx}`, the counted lexemes (part, k, n), and `{r}`, every
    row read (part, id, f: its facet lexemes …), the results' parts being `{main}`; giving
    (key, label, n): the units),
    `names` (name -> SQL over `{lx}`, the counted lexemes (part, k, n), giving (key, name)),
    and `masks`: the lexeme sets of the active filter clauses. With two clauses or more each
    row of the wider set comes with its facet lexemes, and its counts go by the clauses it
    satisfies (a facet counts the rows that satisfy every clause but its own)."""

    parts: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)
    masks: list = field(default_factory=list)
    # name -> SQL over `{src}`, `{lx}`, `{r}`, `{main}` (as `parts`): a CTE (materialized) that
    # parts read
    ctes: dict = field(default_factory=dict)
    # the lexeme prefixes ('t:', 'y:', …) the wider set's facets read (those of the active
    # filters); None: every facet lexeme of the wider set is counted
    base_prefixes: tuple | None = None


class _Part:
    """A part's rows in one statement or more: every id, the ranked rows (id, document,
    ordinal, rank), the facet lexemes' counts (`lex`), the counts of the Tally's parts,
    specificity and flags (`agg`: (name, key, label) -> n), rows of the wider set with
    their facet lexemes (`frows`)."""

    __slots__ = ("ids", "ranked", "lex", "agg", "frows")

    def __init__(self):
        self.ids, self.ranked, self.lex, self.agg, self.frows = [], [], Counter(), Counter(), []

    def __iadd__(self, other):
        self.ids += other.ids
        self.ranked += other.ranked
        self.lex.update(other.lex)
        self.agg.update(other.agg)
        self.frows += other.frows
        return self

    def __len__(self):
        return len(self.ids)


_FLAG_CODES = ("target", "deadline", "unit", "lead", "money")   # FLAGS, as the flag facet names them


def _statement(pq, parts, rank: bool, tally: Tally | None = None):
    """One SQL statement over the UNION ALL of `parts` [(part, sql, params, columns)]:
    (reads, dates, names): reads, part -> _Part; dates, document id -> date of the ranked
    rows' documents; names, name -> {key: name} (Tally.names). With a `tally` the facets
    are counted in the statement: each part's facet lexemes, and the results' specificity,
    flags and Tally.parts (units, roles, documents); only the ranked rows and the ids
    travel one by one."""
    selects, params, pre, pre_params = [], [], [], []
    for part, sql, p, columns in parts:
        if columns == "split":
            # one read for two parts (_rows' split): a CTE, read once for each
            main, wide = part
            pre.append(f"s{main} AS MATERIALIZED ({sql})")
            pre_params += p
            selects.append(f"SELECT {main}, id, document_id, ordinal, d, v, {FACET_ALIASES} FROM s{main} WHERE im")
            selects.append(f"SELECT {wide}, id, document_id, NULL::int, NULL::date, NULL::tsvector, {FACET_ALIASES} "
                           f"FROM s{main} WHERE ib")
            continue
        if columns == "rank":
            selects.append(f"SELECT {part}, * FROM ({sql}) AS p{part}")
        else:
            selects.append(f"SELECT {part}, p{part}.id, p{part}.document_id, NULL::int, NULL::date, "
                           f"NULL::tsvector, {FACET_ALIASES} FROM ({sql}) AS p{part}(id, document_id, "
                           f"{FACET_ALIASES})")
        params += p
    r_sql, r_params = rank_sql(pq, "c.v") if rank else ("0::float8", [])
    ranked = f"{MAIN}, {TITLE}, {PROBE_MAIN}"
    counted, main = f"{MAIN}, {PROBE_MAIN}, {BASE}, {PROBE_BASE}", f"{MAIN}, {PROBE_MAIN}"
    # title-level hits come from the title index alone: verified here. The date of
    # the ranked rows' documents (a tie-break) is read for their distinct documents
    # through the primary key, as rows of their own (kind DATES: document id, date):
    # joined to every row, the planner hashes the whole document table for it (25 ms
    # at 1M), or, misled by the estimate of the verified rows, probes it row by row
    ctes = pre + [f"r AS MATERIALIZED (SELECT c.part, c.id, c.document_id, c.ordinal, "
            f"CASE WHEN c.part NOT IN ({ranked}) THEN 0::float8 WHEN c.v IS NOT NULL THEN {r_sql} END AS score, "
            f"{FACET_ALIASES} "
            f"FROM ({' UNION ALL '.join(selects)}) AS c(part, id, document_id, ordinal, d, v, {FACET_ALIASES}) "
            f"WHERE c.part <> {TITLE} OR c.v @@ %s::tsquery)"]
    outs = [_out(ROW, f"FROM r WHERE r.part IN ({ranked}) AND r.score IS NOT NULL", part="r.part", id="r.id",
                 doc="r.document_id", ordinal="r.ordinal", score="r.score"),
            _out(IDS, f"FROM r WHERE r.part IN ({counted}) GROUP BY r.part", part="r.part", a="array_agg(r.id)"),
            _out(DATES, "FROM measures_document WHERE id = ANY(ARRAY(SELECT DISTINCT document_id FROM r "
                        f"WHERE part IN ({ranked}) AND score IS NOT NULL))",
                 id="id", d="coalesce(published_date, signed_date)")]
    if tally is not None:
        # the wider set's lexemes are counted for the facets of the active filters only
        # (Tally.base_prefixes): a wider set's row holds about 13 lexemes, its facets read one or two
        wide = f"{BASE}, {PROBE_BASE}"
        lexemes = f"r.part IN ({counted}) AND k NOT LIKE 's:%%'"
        if tally.base_prefixes is not None:
            assert all(re.fullmatch(r"[a-z]:", p) for p in tally.base_prefixes)
            kept = " OR ".join(f"k LIKE '{p}%%'" for p in tally.base_prefixes)
            lexemes = f"r.part IN ({main}) AND k NOT LIKE 's:%%'" + (f" OR r.part IN ({wide}) AND ({kept})"
                                                                      if kept else "")
        # the lexemes unnested in the select list (a ProjectSet: no function scan and its
        # tuplestore made for each row)
        lx = f"SELECT r.part, r.k, count(*) AS n FROM (SELECT part, unnest(f) AS k FROM r) AS r WHERE {lexemes} GROUP BY 1, 2"
        splits = [part for part, _, _, columns in parts if columns == "split"]
        if SPLIT_LEXEMES and splits:
            # a shared read's rows (_rows' split) are unnested once, not once for each of its two parts
            # (most of its rows are both): each lexeme counted for the results' rows and the wider set's
            apart = ", ".join(str(x) for pair in splits for x in pair)
            lx = (f"SELECT r.part, r.k, count(*) AS n FROM (SELECT part, unnest(f) AS k FROM r WHERE part NOT IN "
                  f"({apart})) AS r WHERE {lexemes} GROUP BY 1, 2")
            for one, two in splits:
                lx += (f" UNION ALL SELECT r.part, r.k, r.n FROM (SELECT x.k AS lex, count(*) FILTER (WHERE x.im) AS a, "
                       f"count(*) FILTER (WHERE x.ib) AS b FROM (SELECT im, ib, unnest(f) AS k FROM s{int(one)}) AS x "
                       f"WHERE x.k NOT LIKE 's:%%' GROUP BY 1) AS g CROSS JOIN LATERAL (VALUES ({int(one)}, g.lex, g.a), "
                       f"({int(two)}, g.lex, g.b)) AS r(part, k, n) WHERE r.n > 0 AND ({lexemes})")
        ctes += [f"lx AS MATERIALIZED ({lx})",
                 f"m AS MATERIALIZED (SELECT id, document_id, sp, ft, fd, fu, fl, fm FROM r WHERE part IN ({main}))"]
        def fill(sql: str) -> str:
            return sql.replace("{src}", "m").replace("{lx}", "lx").replace("{r}", "r").replace("{main}", main)

        for name, sql in tally.ctes.items():
            assert re.fullmatch(r"\w+", name) and name not in ("r", "lx", "m")
            ctes.append(f"{name} AS MATERIALIZED ({fill(sql)})")
        flags = ", ".join(f"count(*) FILTER (WHERE {a}) AS {code}" for a, code in zip(FACET_ALIASES.split(", ")[2:],
                                                                                    _FLAG_CODES))
        outs += [_out(LEX, "FROM lx", part="part", k="k", n="n"),
                 _out(AGG, "FROM m GROUP BY sp", nm="'sp'", k="sp", n="count(*)"),
                 _out(AGG, f"FROM (SELECT {flags} FROM m) f CROSS JOIN LATERAL (VALUES "
                           + ", ".join(f"('{code}', f.{code})" for code in _FLAG_CODES)
                           + ") AS v(code, n) WHERE v.n > 0", nm="'flag'", k="v.code", n="v.n")]
        for name, sql in tally.parts.items():
            assert re.fullmatch(r"\w+", name)
            outs.append(_out(AGG, f"FROM ({fill(sql)}) AS t(k, label, n)", nm=f"'{name}'",
                             k="t.k", label="t.label", n="t.n"))
        for name, sql in tally.names.items():
            assert re.fullmatch(r"\w+", name)
            outs.append(_out(NAME, f"FROM ({sql.replace('{lx}', 'lx')}) AS t(k, label)", nm=f"'{name}'",
                             k="t.k", label="t.label"))
        if len(tally.masks) > 1:
            outs.append(_out(FROWS, f"FROM r WHERE r.part IN ({BASE}, {PROBE_BASE})", part="r.part", id="r.id",
                             f="r.f"))
    sql = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(outs)
    with connection.cursor() as cursor:
        args = pre_params + r_params + params + [pq.tsquery or "''"]
        if HASH_GROUPS and tally is not None and isinstance(getattr(cursor, "cursor", None), ClientCursor):
            # planned with enable_sort off, set and reset in the same query string (its statements are
            # one transaction: an error takes the SET back with it); a client-side binding cursor, which
            # sends it as one simple query
            cursor.execute(f"SET enable_sort = off; {sql}; RESET enable_sort", args)
            cursor.nextset()
        else:
            cursor.execute(sql, args)
        rows = cursor.fetchall()
    reads: dict = {}
    dates, names, agg = {}, {}, Counter()
    for kind, part, pk, doc, ordinal, day, score, nm, k, label, n, ids, lexemes in rows:
        if kind == DATES:
            dates[pk] = day
        elif kind == NAME:
            names.setdefault(nm, {})[k] = label
        elif kind == AGG:
            agg[(nm, k, label)] += n
        else:
            read = reads.get(part)
            if read is None:   # (an empty _Part is falsy: `or` made a new one for every row)
                read = reads[part] = _Part()
            if kind == ROW:
                read.ranked.append((pk, doc, ordinal, score))
            elif kind == IDS:
                read.ids = ids
            elif kind == LEX:
                read.lex[k] = n
            elif kind == FROWS:
                read.frows.append(lexemes)
    for part in (MAIN, PROBE_MAIN):
        if part in reads:   # a statement reads the results as one of the two
            reads[part].agg = agg
    return reads, dates, names


def probe_gate(limit: int, buckets: int = 1) -> int:
    """The count of matches in `buckets` sample buckets from which a set is
    taken to have more than `limit` matches without reading them: five
    standard deviations above what a set of `limit` puts there (never below
    MIN_GATE, so that small limits keep reading exactly). At 10,000: 71 in one
    bucket (about 18,000 matches), 401 in WIDE_PROBE = 8 (about 12,800); a
    set of 10,000 reaches either with a probability under 1e-6."""
    expected = limit * buckets / SAMPLE_BUCKETS
    return max(math.ceil(expected + 5 * math.sqrt(expected)), MIN_GATE)


def looks_above(n: int, read: int, limit: int) -> bool:
    """Whether an ambiguous probe (n matches in `read` slices) puts its set above `limit`: its sample
    is then read at once (TRY_SAMPLE), and past probe_gate of its slices it is the sample; else
    (about one in two sets near the limit, few below 90% of it) the set is read whole after it."""
    return TRY_SAMPLE and n * SAMPLE_BUCKETS * SLICES > limit * read


def ambiguous_from(limit: int, buckets: float = 1) -> int:
    """A probe of `buckets` buckets from which a set may be near `limit` (half of
    it expected): the probe is widened to WIDE_PROBE buckets before deciding."""
    return max(math.ceil(limit * buckets / SAMPLE_BUCKETS / 2), MIN_AMBIGUOUS)


def candidates(pq, queryset, *, facets: str = "", base=None, base_facets: str = "", rank: bool = True,
               limit: int | None = None, tally: Tally | None = None) -> Candidates:
    """Verified, ranked matches of the parsed query `pq` within `queryset`
    (Measure rows with the filters applied; `facets`: the same filters as
    facet lexemes), best first; see the module doc. `base`: the wider set the
    facets count (with its lexemes `base_facets`), or None when it is the same.
    `tally`: count the facets of both sets in the statements (Candidates.lexemes,
    .tally, .base_lexemes, .names).

    The first statement reads each set's matches in the first PROBE_SLICES
    sample slices (the probe, a quarter of bucket 0, at most SAMPLE_CAP rows).
    From it each set is read whole (up to `limit` + 1 verified matches) or
    sampled (the probe's slices and more: only the slices not read yet); a
    probe that cannot tell is widened to WIDE_PROBE buckets first. Small sets
    cost two statements; a set that still has more than `limit` matches is
    sampled in one more.
    """
    limit = EXACT_LIMIT if limit is None else limit
    text = pq.tsquery
    vector = "title_vector" if title_only(pq) else "search_vector"
    sets = {MAIN: (queryset, facets, "rank"), BASE: (base, base_facets, "id")}
    if base is None:
        del sets[BASE]
    probe_of = {MAIN: PROBE_MAIN, BASE: PROBE_BASE}

    def read(part, first, end, cap=SAMPLE_CAP, ranked_below=None, checked=None):
        """Slices first … end - 1 of a set."""
        qs, lex, cols = sets[part]
        sample, slices = _region(first, end)
        return _rows(qs, text=text, vector=vector, rank_vector=vector, facets=lex, sample=sample, slices=slices,
                     limit=cap, columns=cols, ranked_below=ranked_below, loose=pq.lean_tsquery or pq.loose_tsquery,
                     heap_facets=part == MAIN and years_on_heap(), checked=checked), cols

    # a result set filtered by years alone, beside the wider set of the text alone: its
    # sample reads check the years on each row instead of intersecting the year lexemes in
    # the index, when they keep a quarter of the text's rows or more (at most four rows
    # visited a row kept; a slice's rows are known from the probes)
    year_filter = bool(facets) and base is not None and not base_facets and \
        all(lex.startswith("y:") for lex in re.findall(r"'((?:[^']|'')*)'", facets))

    def years_on_heap() -> bool:
        if not year_filter or "state" not in scope:
            return False
        main, wide = scope["state"][MAIN], scope["state"][BASE]
        kept = len(main["probe"]) / main["read"]
        return kept > 0 and kept * 4 >= len(wide["probe"]) / wide["read"]

    def filter_keeps_most() -> bool:
        """The results' filter keeps SHARED_SHARE of the text's rows or more (by the probes)."""
        if not nested or not SHARED_SHARE or "state" not in scope:
            return False
        main, wide = scope["state"][MAIN], scope["state"][BASE]
        rate = len(wide["probe"]) / wide["read"]
        return rate > 0 and len(main["probe"]) / main["read"] >= SHARED_SHARE * rate

    scope: dict = {}
    # the results are the wider set (the text alone, the same queryset) with lexeme filters: the
    # results' rows of any slices are among the wider set's, so a read of both over the same
    # slices is the wider set's read with the filters checked on each row (_rows' split)
    nested = SHARED_READS and bool(facets) and base is not None and queryset is base and not base_facets

    def shared(main_part, base_part, first, main_end, base_end, below, checked=None):
        """The part of one read for both sets (main_end, base_end: each set's slices end there)."""
        sample, slices = _region(first, max(main_end, base_end))
        sql, params = _rows(base, text=text, vector=vector, rank_vector=vector, sample=sample, slices=slices,
                            limit=2 * SAMPLE_CAP, columns="rank", loose=pq.lean_tsquery or pq.loose_tsquery,
                            split=(facets, main_end, base_end, main_end if below is None else below),
                            checked=checked)
        return (main_part, base_part), sql, params, "split"

    # title-level hits are added to a sampled result set from the title index, unless
    # the sample itself holds as many (then the title index would read many rows for
    # nothing): the probe's ranks tell how many of its rows are title hits
    with_titles = bool(pq.loose_tsquery) and vector != "title_vector"
    # the probe's ranked (and checked) slices: the others are counted unverified when those show
    # the index's rows to hold the query (CHECKED_READS), else verified
    probe_ranked = min(PROBE_RANKED, PROBE_SLICES)
    probe_below = probe_ranked if probe_ranked < PROBE_SLICES else None
    probe_checked = probe_below if CHECKED_READS else None
    try:
        probes = [shared(PROBE_MAIN, PROBE_BASE, 0, PROBE_SLICES, PROBE_SLICES, probe_below, probe_checked)] \
            if nested else [(probe_of[part], *sql, cols) for part in sets for sql, cols in [
                read(part, 0, PROBE_SLICES, ranked_below=probe_below, checked=probe_checked)]]
        reads, dates, names = _statement(pq, probes, rank, tally=tally)
    except EmptyResultSet:   # a filter that matches nothing (e.g. an unknown province)
        return Candidates(base_ids=[] if base is not None else None)
    # per set: the probe's rows, the slices they come from ([0, read)), how many of those slices
    # had their rows ranked, the sample's slices (k)
    state = {part: {"probe": reads.get(probe_of[part]) or _Part(), "read": PROBE_SLICES, "ranked": probe_ranked,
                    "rows": None, "k": None} for part in sets}
    titles = _Part()   # the title index's hits (ranked, not counted)
    scope["state"] = state

    def decide(part):
        st = state[part]
        n, b = len(st["probe"]), st["read"] / SLICES
        if n >= probe_gate(limit, b):
            st["mode"] = "sample"
        elif st["read"] < WIDE_PROBE * SLICES and n >= ambiguous_from(limit, b):
            # a probe that cannot tell: widened, or, when it puts the set above the limit
            # (TRY_SAMPLE), its sample read at once (gated after it as a wide probe is)
            st["mode"] = "try" if looks_above(n, st["read"], limit) else "wide"
        else:
            st["mode"] = "exact"

    for part in sets:
        decide(part)
    while any(st["mode"] != "done" for st in state.values()):
        parts = []
        wanted = {}   # set -> (part, first slice, end, ranked_below, checked) of the slices to read
        modes = {st["mode"] for st in state.values()}
        if nested and "wide" in modes and len(modes) > 1 and modes <= {"sample", "try", "wide"}:
            # a set to sample beside one whose probe is widened is widened too (one read of the
            # text's rows for both, which reads its rows anyway), so that both samples are read
            # in one read after it, each row fetched and verified once
            for st in state.values():
                st["mode"] = "wide"
        for part, st in state.items():
            qs, lex, cols = sets[part]
            if st["mode"] == "wide":
                wanted[part] = (probe_of[part], st["read"], WIDE_PROBE * SLICES, None, None)
            elif st["mode"] == "exact":
                parts.append((part, *_rows(qs, text=text, vector=vector, rank_vector=vector, facets=lex,
                                           limit=limit + 1, columns=cols, loose=pq.lean_tsquery or pq.loose_tsquery), cols))
            elif st["mode"] in ("sample", "try"):
                # slices not read yet up to k (at least SAMPLE_TARGET rows in all), and, for
                # the results, the title-level hits, from the small title index. Of the
                # results' slices, those up to r (at least RANK_TARGET rows) are ranked, the
                # rest only counted
                per_slice = len(st["probe"]) / st["read"]
                target = SAMPLE_TARGET if part == MAIN else BASE_TARGET
                # a probe holding most of the target is the sample: a few more slices of its
                # bucket would cost the bucket's whole index scan again
                st["k"] = st["read"] if len(st["probe"]) >= ENOUGH * target else \
                    max(st["read"], _sample_size(per_slice, target))
                ranked = st["k"]
                if part == MAIN:
                    # slices ranked in all (the probe's first, st["ranked"], and the read's first):
                    # at least RANK_TARGET rows
                    ranking = max(st["ranked"], _sample_size(per_slice, RANK_TARGET))
                    title_share = _title_hits(pq, st["probe"]) / st["ranked"]
                    if with_titles and title_share * (st["ranked"] + st["k"] - st["read"]) >= TITLE_ENOUGH:
                        # the sample holds TITLE_ENOUGH title hits: rank the slices that do
                        ranking = max(ranking, math.ceil(TITLE_ENOUGH / title_share))
                    ranked = min(st["k"], st["read"] + ranking - st["ranked"])
                if st["k"] > st["read"]:
                    # the read's first slices up to CHECK_TARGET rows (and its ranked ones) are
                    # verified whatever; the others only when those show rows of the index that
                    # do not match (_checked_sql)
                    checked = st["read"] + _sample_size(per_slice, CHECK_TARGET)
                    wanted[part] = (part, st["read"], st["k"], ranked if ranked < st["k"] else None,
                                    checked if CHECKED_READS and checked < st["k"] else None)
                if part == MAIN and with_titles and not _sample_has_titles(
                        pq, st["probe"], st["ranked"] / SLICES, (st["ranked"] + ranked - st["read"]) / SLICES):
                    parts.append((TITLE, *_rows(qs, text=pq.loose_tsquery, vector="title_vector", facets=lex,
                                              limit=TITLE_CAP), "rank"))
        if nested and MAIN in wanted and BASE in wanted and wanted[MAIN][1] == wanted[BASE][1] and \
                (wanted[MAIN][2] <= wanted[BASE][2] or years_on_heap() or filter_keeps_most()):
            # the results and the wider set from the same first slice, the results' slices
            # among the wider set's (or its filter keeps a quarter of the text's rows for years,
            # SHARED_SHARE of them for a theme or place): one read of the text over the slices of
            # both (a wide probe of one beside the other's sample too), each row fetched and
            # verified once, then told apart by its filters and slice.
            # The wider set's checked part is the read's (the results' ranked rows are checked)
            (main_part, first, main_end, below, _), (base_part, _, base_end, _, checked) = wanted.pop(MAIN), wanted.pop(BASE)
            parts.append(shared(main_part, base_part, first, main_end, base_end, below, checked))
        for part, (out, first, end, below, checked) in wanted.items():
            parts.append((out, *read(part, first, end, ranked_below=below, checked=checked)[0], sets[part][2]))
        reads, more_dates, more_names = _statement(pq, parts, rank, tally=tally) if parts else ({}, {}, {})
        dates.update(more_dates)
        for name, found in more_names.items():
            names.setdefault(name, {}).update(found)
        if TITLE in reads:
            titles += reads[TITLE]
        for part, st in state.items():
            got = reads.get(part) or _Part()
            if st["mode"] == "wide":
                st["probe"] += reads.get(probe_of[part]) or _Part()
                st["ranked"] += WIDE_PROBE * SLICES - st["read"]   # a wide read ranks all its rows
                st["read"] = WIDE_PROBE * SLICES
                decide(part)
                if st["mode"] == "wide":
                    st["mode"] = "exact"
            elif st["mode"] == "exact":
                if len(got) <= limit:
                    st["rows"], st["mode"], st["exact"] = got, "done", True
                else:
                    st["mode"] = "sample"   # more than `limit` after all
            elif st["mode"] == "sample":
                got += st["probe"]
                st["rows"], st["mode"], st["exact"] = got, "done", False
            elif st["mode"] == "try":
                # the sample of a set its probe could not tell: past the gate of its slices it is
                # the sample, else the set is read whole (the title hits read with it are matches)
                got += st["probe"]
                if len(got) >= probe_gate(limit, st["k"] / SLICES):
                    st["rows"], st["mode"], st["exact"] = got, "done", False
                else:
                    st["mode"] = "exact"

    main_rows = state[MAIN]["rows"]
    seen, found = set(), []
    for pk, document_id, ordinal, score in main_rows.ranked + titles.ranked:
        if pk in seen:
            continue
        seen.add(pk)
        day = dates.get(document_id)
        found.append((-float(score), -(day.toordinal() if day else 0), document_id, ordinal, pk))
    found.sort()
    main_exact = state[MAIN]["exact"]
    result = Candidates(ids=[r[4] for r in found], ranks=[-r[0] for r in found], exact=main_exact,
                        sample_ids=list(main_rows.ids), lexemes=main_rows.lex, tally=main_rows.agg, names=names,
                        tallied=tally is not None)
    slices = SAMPLE_BUCKETS * SLICES
    if main_exact:
        result.estimate = len(result.ids)
    else:
        result.scale = slices / state[MAIN]["k"]
        result.estimate = max(round_estimate(round(len(main_rows) * result.scale)), len(result.ids), limit + 1)
    if base is not None:
        base_rows = state[BASE]["rows"]
        result.base_ids, result.base_exact = list(base_rows.ids), state[BASE]["exact"]
        result.base_scale = 1.0 if state[BASE]["exact"] else slices / state[BASE]["k"]
        if tally is not None:
            result.base_lexemes, result.base_sizes = _by_mask(base_rows, tally.masks)
    return result


def _by_mask(rows: _Part, masks: list) -> tuple[dict, dict]:
    """The wider set's lexeme counts and row counts by the filter clauses each row satisfies
    (bit i: it holds a lexeme of masks[i]); one group (0) when there is one clause or none."""
    if len(masks) < 2:
        return {0: rows.lex}, {0: len(rows)}
    lexemes: dict = {}
    sizes: Counter = Counter()
    for row in rows.frows:
        mask = sum(1 << i for i, clause in enumerate(masks) if not clause.isdisjoint(row))
        lexemes.setdefault(mask, Counter()).update(lex for lex in row if not lex.startswith("s:"))
        sizes[mask] += 1
    return lexemes, dict(sizes)


def _sample_has_titles(pq, probe: _Part, buckets: float, k: float) -> bool:
    """Whether a sample of k buckets holds at least TITLE_ENOUGH title-level hits by
    the probe's count of them (in `buckets` buckets): five pages of them, ranked
    (the title index would add any TITLE_CAP of them), so it adds nothing. A probe
    row is a title hit when its rank has the title tier (the terms as typed
    within the title: ParsedQuery.title_tsquery; synonyms are not counted, and
    an undercount only makes the title index read)."""
    return _title_hits(pq, probe) * k / max(buckets, 1 / SLICES) >= TITLE_ENOUGH


def _title_hits(pq, probe: _Part) -> int:
    """The probe's ranked rows whose rank has the title tier (0 when the query has none)."""
    if not pq.title_tsquery:
        return 0
    points = dict(TIERS)["title_tsquery"]
    return sum(1 for r in probe.ranked if r[3] is not None and int(r[3]) & points)


def round_estimate(n: int, figures: int = 2) -> int:
    """An estimate to two significant figures (约 980,000, not 约 981,237), or `figures`."""
    if n < 10 ** figures:
        return n
    digits = len(str(n)) - figures
    return round(n, -digits)


FACET_FIGURES = 3        # significant figures of an estimated facet count (约 24,500): two would add up to 5%
                         # of rounding to a value of 10,000 (the ratio estimates are closer than that)
