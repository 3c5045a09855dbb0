"""Bounded-work search: exact counts up to EXACT_LIMIT matches, a sampled
estimate above, ranked candidates.

The match query (phrases: <N> distances, weights, exclusions) needs each
row's tsvector to be checked; GIN gives the rows that hold the lexemes and
PostgreSQL rechecks them. The usual filters are lexemes of
Measure.facet_vector (city, province, year, theme, IP type) in the same GIN
indexes, so the index intersects text and filters itself (the filters are
still applied in SQL as well).

1. One statement reads up to EXACT_LIMIT + 1 matches of the result set, each
   verified and ranked, and counts the matches in one sample bucket (every
   measure has a bucket lexeme 's:0' … 's:255', a hash of its id, in
   facet_vector) — the same, ids only, for the wider set the facets need when
   a facet filter is active (every filter but the facets' own: `base`). When a
   set has at most EXACT_LIMIT matches, they are all there: its count and
   facet counts are exact. The bucket count comes first (a materialized CTE):
   a set whose bucket promises more than twice EXACT_LIMIT (probe_gate) is
   not read at all here, only sampled in 2.
2. Only when a set has more: a second statement reads the matches of its first
   k buckets instead (k chosen from the one-bucket count so that about
   SAMPLE_TARGET rows are read); the count is (rows read) × 256 / k, within a
   few per cent (shown as 约), and facet counts are scaled the same way.
   Title-level hits (title_vector, its own small GIN index) are always among
   the candidates, so the best results are shown even when the rest is a
   sample.

Ranking (rank_sql), best first: with 模糊, hits of the term as written above
hits of its words apart; hits of the terms as typed above synonym hits; a hit
in the measure's title above one in its text only; a whole-word hit (the term
is a jieba / domain-dictionary word and the text's segmentation has it as a
word, a stored word lexeme) above a substring that crosses a word boundary;
then ts_rank_cd (weights: title 1.0, text 0.1); ties go to the newest
document (date published, else signed), then document and measure order.
"""
import math
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, Func
from django.db.models.functions import Coalesce

from .index import SAMPLE_BUCKETS

EXACT_LIMIT = 10000      # counts are exact up to this many loose matches per set
SAMPLE_TARGET = 4000     # rows verified for an estimate
SAMPLE_CAP = 12000       # at most this many sampled rows are read
TITLE_CAP = 500          # title-level candidates added to a sampled result set
GATE_FACTOR = 2          # a set whose one-bucket probe promises this many times the limit is sampled at once
MIN_GATE = 32            # (never below this probe count: small limits keep reading exactly)
YEAR_SPAN = (1900, 2100)   # year lexemes looked up for an open year range

# ts_rank_cd weights in PostgreSQL's order {D, C, B, A}: text 0.1, title 1.0
# (the vector has no B or C positions; see measures.search.index).
RANK_WEIGHTS = [0.1, 0.02, 0.05, 1.0]
TIERS = (("phrase_tsquery", 16), ("typed_tsquery", 8), ("title_tsquery", 4), ("word_tsquery", 2))


class _VectorCopy(Func):
    """`vector || ''::tsvector`: detoasted once in the subquery, then reused
    by the match and the ranks above it."""

    template = "(%(expressions)s || ''::tsvector)"
    output_field = SearchVectorField()


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
        out["year"] = " | ".join(_quote(f"y:{y}") for y in range(lo, hi + 1)) or "'y:none'"
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


def _buckets(k: int) -> str:
    return " | ".join(f"'s:{b}'" for b in range(k))


def _rows(queryset, *, text: str, vector: str = "search_vector", facets: str = "", sample: str = "",
          limit: int | None = None, columns: str = "rank"):
    """SQL of the rows of `queryset` whose `vector` matches `text` (PostgreSQL
    rechecks phrases and weights on the rows the GIN index gives), with the
    facet lexemes (and a sample of buckets). columns: "rank" (id, document,
    ordinal, date, a copy of the vector to rank), "id", or "count"."""
    from measures.querysets import TsMatch, TsQuery

    qs = queryset.order_by()
    if text:
        qs = qs.filter(TsMatch(F(vector), TsQuery(text)))
    lexemes = all_of([facets, sample])
    if lexemes:
        qs = qs.filter(TsMatch(F("facet_vector"), TsQuery(lexemes)))
    if columns == "rank":
        qs = qs.annotate(_d=Coalesce("document__published_date", "document__signed_date"),
                         _v=_VectorCopy(F("search_vector"))).values_list("pk", "document_id", "ordinal", "_d", "_v")
    else:
        qs = qs.values_list("pk")
    if limit is not None:
        qs = qs[:limit]
    sql, params = qs.query.sql_with_params()
    if columns == "count":
        sql = f"SELECT count(*) FROM ({sql}) AS n"
    return sql, list(params)


def _sample_size(probe: int) -> int:
    """Buckets to read for about SAMPLE_TARGET rows, from the count of one."""
    return max(1, min(SAMPLE_BUCKETS, math.ceil(SAMPLE_TARGET / max(probe, 1))))


# parts of a candidate statement
MAIN, TITLE, BASE, PROBE_MAIN, PROBE_BASE = 1, 2, 3, 4, 5


def _statement(pq, parts, rank: bool, gates=None):
    """One SQL statement over the UNION ALL of `parts` [(part, sql, params,
    columns)]: rows (part, id, document, ordinal, date, rank); a probe part
    carries its count in the id column. gates {part: (probe part, n)}: the
    part is read only when its probe counts fewer than n (the probe is a
    materialized CTE, counted once, and the test a one-time filter: a gated
    part costs nothing)."""
    gates = gates or {}
    probes = {probe for probe, _ in gates.values()}
    ctes, cte_params, selects, params = [], [], [], []
    for part, sql, p, columns in parts:
        if part in probes:
            ctes.append(f"g{part}(n) AS MATERIALIZED ({sql})")
            cte_params += p
            selects.append(f"SELECT {part}, (SELECT n FROM g{part}), NULL::int, NULL::int, NULL::date, "
                           f"NULL::tsvector")
            continue
        gate = ""
        if part in gates:
            probe, n = gates[part]
            gate = f" WHERE (SELECT n FROM g{probe}) < {int(n)}"
        if columns == "rank":
            selects.append(f"SELECT {part}, * FROM ({sql}) AS p{part}{gate}")
        elif columns == "id":
            selects.append(f"SELECT {part}, p{part}.*, NULL::int, NULL::int, NULL::date, NULL::tsvector "
                           f"FROM ({sql}) AS p{part}{gate}")
        else:
            selects.append(f"SELECT {part}, ({sql}), NULL::int, NULL::int, NULL::date, NULL::tsvector")
        params += p
    r_sql, r_params = rank_sql(pq, "c.v") if rank else ("0::float8", [])
    # title-level hits come from the title index alone: verified here
    sql = (f"{'WITH ' + ', '.join(ctes) + ' ' if ctes else ''}"
           f"SELECT c.part, c.id, c.document_id, c.ordinal, c.d, "
           f"CASE WHEN c.part IN ({MAIN}, {TITLE}) THEN {r_sql} ELSE 0::float8 END "
           f"FROM ({' UNION ALL '.join(selects)}) AS c(part, id, document_id, ordinal, d, v) "
           f"WHERE c.part <> {TITLE} OR c.v @@ %s::tsquery")
    with connection.cursor() as cursor:
        cursor.execute(sql, cte_params + r_params + params + [pq.tsquery or "''"])
        return cursor.fetchall()


def probe_gate(limit: int) -> int:
    """The one-bucket count from which a set is taken to have more than
    `limit` matches without reading them (at least GATE_FACTOR × limit
    expected): its exact read is skipped for the sample. At 10,000 that is a
    probe of 79 (about 20,000 matches); a set of 10,000 (39 expected in a
    bucket) reaches it with a probability of about 1e-8."""
    return max(math.ceil(GATE_FACTOR * limit / SAMPLE_BUCKETS), MIN_GATE)


def candidates(pq, queryset, *, facets: str = "", base=None, base_facets: str = "", rank: bool = True,
               limit: int | None = None) -> Candidates:
    """Verified, ranked matches of the parsed query `pq` within `queryset`
    (Measure rows with the filters applied; `facets`: the same filters as
    facet lexemes), best first; see the module doc. `base`: the wider set the
    facets count (with its lexemes `base_facets`), or None when it is the same.

    One statement reads up to `limit` + 1 matches of each set (every one
    verified) and the matches in one sample bucket; a set with more matches
    is read again as a sample of buckets (a second statement, then).
    """
    limit = EXACT_LIMIT if limit is None else limit
    text = pq.tsquery
    try:
        parts = [(MAIN, *_rows(queryset, text=text, facets=facets, limit=limit + 1), "rank"),
                 (PROBE_MAIN, *_rows(queryset, text=text, facets=facets, sample="'s:0'", columns="count"), "count")]
        if base is not None:
            parts += [(BASE, *_rows(base, text=text, facets=base_facets, limit=limit + 1, columns="id"), "id"),
                      (PROBE_BASE, *_rows(base, text=text, facets=base_facets, sample="'s:0'", columns="count"),
                       "count")]
    except EmptyResultSet:   # a filter that matches nothing (e.g. an unknown province)
        return Candidates(base_ids=[] if base is not None else None)
    # a set far above the limit (its probe says so) is not read exactly: the
    # sample below replaces it, so that a common term costs a sample, not
    # limit + 1 verified and ranked rows first
    gate = probe_gate(limit)
    rows = _statement(pq, parts, rank, gates={MAIN: (PROBE_MAIN, gate), BASE: (PROBE_BASE, gate)})
    probes = {part: pk for part, pk, *_ in rows if part in (PROBE_MAIN, PROBE_BASE)}
    main_exact = probes[PROBE_MAIN] < gate and sum(1 for r in rows if r[0] == MAIN) <= limit
    base_exact = base is None or (probes[PROBE_BASE] < gate and sum(1 for r in rows if r[0] == BASE) <= limit)
    k_main = SAMPLE_BUCKETS if main_exact else _sample_size(probes[PROBE_MAIN])
    k_base = SAMPLE_BUCKETS if base_exact else _sample_size(probes[PROBE_BASE])

    if not (main_exact and base_exact):
        # more than `limit` matches: a sample of buckets instead (and, for the
        # results, the title-level hits, from the small title index)
        rows = [r for r in rows if (r[0] == MAIN and main_exact) or (r[0] == BASE and base_exact)]
        parts = []
        if not main_exact:
            parts.append((MAIN, *_rows(queryset, text=text, facets=facets, sample=_buckets(k_main),
                                       limit=SAMPLE_CAP), "rank"))
            if pq.loose_tsquery:
                parts.append((TITLE, *_rows(queryset, text=pq.loose_tsquery, vector="title_vector", facets=facets,
                                            limit=TITLE_CAP), "rank"))
        if not base_exact:
            parts.append((BASE, *_rows(base, text=text, facets=base_facets, sample=_buckets(k_base),
                                       limit=SAMPLE_CAP, columns="id"), "id"))
        rows += _statement(pq, parts, rank)

    seen, found, sample_ids, base_ids = set(), [], [], []
    for part, pk, document_id, ordinal, day, score in rows:
        if part in (PROBE_MAIN, PROBE_BASE):
            continue
        if part == BASE:
            base_ids.append(pk)
            continue
        if part == MAIN:
            sample_ids.append(pk)
        if pk in seen:
            continue
        seen.add(pk)
        found.append((-float(score), -(day.toordinal() if day else 0), document_id, ordinal, pk))
    found.sort()
    result = Candidates(ids=[r[4] for r in found], ranks=[-r[0] for r in found], exact=main_exact,
                        sample_ids=sample_ids)
    if main_exact:
        result.estimate = len(result.ids)
    else:
        result.scale = SAMPLE_BUCKETS / k_main
        result.estimate = max(round_estimate(round(len(sample_ids) * result.scale)), len(result.ids), limit + 1)
    if base is not None:
        result.base_ids, result.base_exact = base_ids, base_exact
        result.base_scale = 1.0 if base_exact else SAMPLE_BUCKETS / k_base
    return result


def round_estimate(n: int) -> int:
    """An estimate to two significant figures (约 980,000, not 约 981,237)."""
    if n < 100:
        return n
    digits = len(str(n)) - 2
    return round(n, -digits)
