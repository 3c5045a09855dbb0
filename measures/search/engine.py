"""Bounded-work search: exact counts up to EXACT_LIMIT matches, a sampled
estimate above, ranked candidates, in two SQL statements per search.

The match query (phrases: <N> distances, weights, exclusions) needs each
row's tsvector to be checked ("verified"); GIN cannot answer it alone. Its
loose form (every lexeme joined by &, see measures.search.query) is a superset
that GIN answers without looking at a row. The usual filters are lexemes of
Measure.facet_vector (city, province, year, theme, IP type) in the same GIN
indexes, so the index intersects text and filters itself (the filters are
still applied in SQL as well).

1. Counting statement: the loose matches of the result set, counted up to
   EXACT_LIMIT + 1 (a bounded GIN count), and those in one sample bucket (every
   measure has a bucket lexeme 's:0' … 's:255', a hash of its id, in
   facet_vector) — the same for the wider set the facets need when a facet
   filter is active (every filter but the facets' own, see `base`).
2. Verification statement: when a set has at most EXACT_LIMIT loose matches,
   every one is verified and ranked: the count and the facet counts are
   exact. Above that, the loose matches of the first k buckets (k chosen from
   the bucket count so that about SAMPLE_TARGET rows are read) are verified: the
   count is (verified rows) × 256 / k, within a few per cent (shown as 约),
   and facet counts are scaled the same way. Title-level hits (title_vector,
   its own small GIN index) are always among the candidates, so the best
   results are shown even when the rest is a sample.

Ranking (rank_sql), best first: with 模糊, hits of the term as written above
hits of its words apart; hits of the terms as typed above synonym hits; a hit
in the measure's title above one in its text only; a whole-word hit (the term
is a jieba / domain-dictionary word and the text's segmentation has it as a
word, a stored word lexeme) above a substring that crosses a word boundary;
then ts_rank_cd (weights: title 1.0, text 0.1); ties go to the newest
document (date signed or published), then document and measure order.
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


def _rows(queryset, *, vector: str | None, loose: str, facets: str, sample: str = "", limit: int | None = None,
          columns=True):
    """SQL of the rows of `queryset` matching the loose query and the facet
    lexemes (and a sample of buckets)."""
    from measures.querysets import TsMatch, TsQuery

    qs = queryset.order_by()
    if vector and loose:
        qs = qs.filter(TsMatch(F(vector), TsQuery(loose)))
    lexemes = all_of([facets, sample])
    if lexemes:
        qs = qs.filter(TsMatch(F("facet_vector"), TsQuery(lexemes)))
    if columns:
        qs = qs.annotate(_d=Coalesce("document__published_date", "document__signed_date"),
                         _v=_VectorCopy(F("search_vector"))).values_list("pk", "document_id", "ordinal", "_d", "_v")
    else:
        qs = qs.values_list("pk")
    if limit is not None:
        qs = qs[:limit]
    return qs.query.sql_with_params()


def _count_sql(queryset, *, loose, facets, limit):
    """(bounded count, count in bucket 0) of the loose matches."""
    bounded, bp = _rows(queryset, vector="search_vector", loose=loose, facets=facets, limit=limit + 1, columns=False)
    probe, pp = _rows(queryset, vector="search_vector", loose=loose, facets=facets, sample="'s:0'", columns=False)
    return (f"(SELECT count(*) FROM ({bounded}) AS b), (SELECT count(*) FROM ({probe}) AS p)", list(bp) + list(pp))


def _sample_size(probe: int) -> int:
    """Buckets to read for about SAMPLE_TARGET rows, from the count of one."""
    return max(1, min(SAMPLE_BUCKETS, math.ceil(SAMPLE_TARGET / max(probe, 1))))


def candidates(pq, queryset, *, facets: str = "", base=None, base_facets: str = "", rank: bool = True,
               limit: int | None = None) -> Candidates:
    """Verified, ranked matches of the parsed query `pq` within `queryset`
    (Measure rows with the filters applied; `facets`: the same filters as
    facet lexemes), best first; see the module doc. `base`: the wider set the
    facets count (with its lexemes `base_facets`), or None when it is the same."""
    limit = EXACT_LIMIT if limit is None else limit
    loose = pq.loose_tsquery
    try:
        count_sql, count_params = _count_sql(queryset, loose=loose, facets=facets, limit=limit)
        if base is not None:
            b_sql, b_params = _count_sql(base, loose=loose, facets=base_facets, limit=limit)
            count_sql, count_params = count_sql + ", " + b_sql, count_params + b_params
    except EmptyResultSet:   # a filter that matches nothing (e.g. an unknown province)
        return Candidates(base_ids=[] if base is not None else None)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + count_sql, count_params)
        counts = cursor.fetchone()
    n_main, probe_main = counts[0], counts[1]
    main_exact = n_main <= limit
    k_main = SAMPLE_BUCKETS if main_exact else _sample_size(probe_main)
    if base is not None:
        n_base, probe_base = counts[2], counts[3]
        base_exact = n_base <= limit
        k_base = SAMPLE_BUCKETS if base_exact else _sample_size(probe_base)

    # 2. one statement: the result set's rows (all, or a sample plus title
    # hits), and the wider set's rows when the facets need it
    parts, params = [], []
    sql, p = _rows(queryset, vector="search_vector", loose=loose, facets=facets,
                   sample="" if main_exact else _buckets(k_main), limit=limit + 1 if main_exact else SAMPLE_CAP)
    parts.append(f"SELECT 1, * FROM ({sql}) AS m")
    params += p
    if not main_exact and loose:
        sql, p = _rows(queryset, vector="title_vector", loose=loose, facets=facets, limit=TITLE_CAP)
        parts.append(f"SELECT 2, * FROM ({sql}) AS t")
        params += p
    if base is not None:
        sql, p = _rows(base, vector="search_vector", loose=loose, facets=base_facets,
                       sample="" if base_exact else _buckets(k_base), limit=limit + 1 if base_exact else SAMPLE_CAP)
        parts.append(f"SELECT 3, * FROM ({sql}) AS b")
        params += p
    ok_sql, ok_params = ("true", []) if pq.loose_is_exact else ("c.v @@ %s::tsquery", [pq.tsquery])
    r_sql, r_params = rank_sql(pq, "c.v") if rank else ("0::float8", [])
    sql = (f"SELECT c.part, c.id, c.document_id, c.ordinal, c.d, {ok_sql}, "
           f"CASE WHEN c.part = 3 THEN 0::float8 ELSE {r_sql} END "
           f"FROM ({' UNION ALL '.join(parts)}) AS c(part, id, document_id, ordinal, d, v)")
    with connection.cursor() as cursor:
        cursor.execute(sql, ok_params + r_params + params)
        rows = cursor.fetchall()

    seen, found, sample_ids, base_ids = set(), [], [], []
    for part, pk, document_id, ordinal, day, ok, score in rows:
        if not ok:
            continue
        if part == 3:
            base_ids.append(pk)
            continue
        if part == 1:
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
        result.estimate = max(round_estimate(round(len(sample_ids) * result.scale)), len(result.ids) + 1)
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
