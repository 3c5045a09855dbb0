"""Bounded-work search: a capped, verified and ranked candidate set per request.

A search used to check the positional query (<N> phrase distances, which GIN
cannot answer alone) and rank every matching row, and to repeat that for the
count and for each facet: the work grew with the number of matches, and a
common term (知识产权) matches nearly every measure.

Here one SQL statement per set of filters does the text work:

1. GIN answers `loose_tsquery` (the query's lexemes joined by &, no distances,
   no weights, no exclusions) without rechecking rows: a superset of the real
   matches, found from the index alone.
2. At most CANDIDATE_CAP + 1 such rows (with the filters applied) are taken, in
   two parts: up to TITLE_CAP rows whose title_vector (measure title and
   chapter path) matches — title-level hits, always among the candidates — then
   body matches in the table's physical order (a cheap static order).
   The usual filters are also lexemes of Measure.facet_vector (city, province,
   year, theme, IP type), indexed in the same GIN indexes: `facet_tsquery`
   turns the active filters into a tsquery, so the index intersects text and
   filters itself (the filters are still applied in SQL as well; the lexemes
   only narrow the scan).
3. Only those rows are verified against the exact query (phrases, synonyms,
   exclusions) and ranked (ts_rank_cd, as MeasureQuerySet.search), on one copy
   of each row's vector.

When the body part does not reach the cap it saw every row matching the loose
query, so the verified rows are exactly the matches: counts and facets are
exact (small corpora, selective filters). Otherwise the count is the planner's
estimate and facets count the verified candidates; both are flagged.
"""
import json
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, Func

CANDIDATE_CAP = 1000     # body candidates verified per filter set
TITLE_CAP = 500          # title-level candidates, taken first


class _VectorCopy(Func):
    """`vector || ''::tsvector`: detoasted once in the capped subquery, then
    reused by the match and both ranks above it."""

    template = "(%(expressions)s || ''::tsvector)"
    output_field = SearchVectorField()


@dataclass
class Candidates:
    ids: list[int] = field(default_factory=list)       # verified matches, best first
    ranks: list[float] = field(default_factory=list)   # same order as ids
    exact: bool = True          # every match was examined: ids are all of them
    estimate: int = 0           # estimated number of matches (== len(ids) when exact)

    @property
    def count(self) -> int:
        return len(self.ids) if self.exact else self.estimate


def _weights() -> str:
    from measures.querysets import RANK_WEIGHTS

    return "{" + ",".join(str(w) for w in RANK_WEIGHTS) + "}"


YEAR_SPAN = (1900, 2100)   # year lexemes looked up for an open year range


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def facet_tsquery(filterset) -> str:
    """A tsquery over Measure.facet_vector for the filterset's province, city,
    theme, ip_type and year filters ('' when none is active). Values the
    filters would not accept are left out (the SQL filters still apply)."""
    from measures.filters import clamp_year, region_ids

    data = getattr(filterset.form, "cleaned_data", None) or {}
    ands = []
    for key, prefix, level in (("province", "p", "province"), ("city", "c", "city")):
        if data.get(key):
            ids = region_ids(data[key], level)
            ands.append(" | ".join(_quote(f"{prefix}:{i}") for i in ids) or f"'{prefix}:none'")
    for key, prefix in (("theme", "t"), ("ip_type", "i")):
        values = [v for v in data.get(key) or [] if 0 < len(v) <= 100]
        if values:
            ands.append(" | ".join(_quote(f"{prefix}:{v}") for v in values))
    lo, hi = data.get("year_from"), data.get("year_to")
    if lo is not None or hi is not None:
        lo = max(clamp_year(lo) if lo is not None else YEAR_SPAN[0], YEAR_SPAN[0])
        hi = min(clamp_year(hi) if hi is not None else YEAR_SPAN[1], YEAR_SPAN[1])
        ands.append(" | ".join(_quote(f"y:{y}") for y in range(lo, hi + 1)) or "'y:none'")
    return " & ".join(f"({a})" for a in ands)


def _part(queryset, vector: str | None, tsquery: str, facets: str, limit: int):
    from measures.querysets import TsMatch, TsQuery

    qs = queryset.order_by()
    if vector and tsquery:
        qs = qs.filter(TsMatch(F(vector), TsQuery(tsquery)))
    if facets:
        qs = qs.filter(TsMatch(F("facet_vector"), TsQuery(facets)))
    qs = qs.annotate(_v=_VectorCopy(F("search_vector"))).values_list("pk", "document_id", "ordinal", "_v")
    return qs[:limit].query.sql_with_params()


def candidates(pq, queryset, *, facets: str = "", cap: int | None = None,
               title_cap: int | None = None, rank: bool = True) -> Candidates:
    """Verified, ranked matches of the parsed query `pq` within `queryset`
    (Measure rows with the filters applied; `facets`: the same filters as a
    facet_tsquery), best first; see the module doc. rank=False: for facet
    counts only, no ranking (and no estimate)."""
    cap = CANDIDATE_CAP if cap is None else cap
    title_cap = TITLE_CAP if title_cap is None else title_cap
    loose = pq.loose_tsquery
    try:
        body_sql, body_params = _part(queryset, "search_vector", loose, facets, cap + 1)
    except EmptyResultSet:   # a filter that matches nothing (e.g. an unknown province)
        return Candidates()
    parts = [f"SELECT 2, * FROM ({body_sql}) AS b"]
    params = list(body_params)
    if loose:
        title_sql, title_params = _part(queryset, "title_vector", loose, facets, title_cap)
        parts.insert(0, f"SELECT 1, * FROM ({title_sql}) AS t")
        params = list(title_params) + params
    exact_rank = "ts_rank_cd(%s::float4[], c.v, %s::tsquery)"
    rank_sql = f"{exact_rank} * 1.001"
    rank_params = [_weights(), pq.rank_tsquery or pq.tsquery]
    if not rank:
        rank_sql, rank_params = "0", []
    elif pq.rank_tsquery and pq.rank_tsquery != pq.tsquery:
        # Hits of the terms as typed first; synonym and split-word hits after.
        rank_sql = f"{exact_rank} + 0.001 * {exact_rank}"
        rank_params += [_weights(), pq.tsquery]
    sql = (f"SELECT c.part, c.id, c.document_id, c.ordinal, c.v @@ %s::tsquery, {rank_sql} "
           f"FROM ({' UNION ALL '.join(parts)}) AS c(part, id, document_id, ordinal, v)")
    with connection.cursor() as cursor:
        cursor.execute(sql, [pq.tsquery] + rank_params + params)
        rows = cursor.fetchall()
    body_rows = sum(1 for r in rows if r[0] == 2)
    exact = body_rows <= cap
    seen, found = set(), []
    for part, pk, document_id, ordinal, ok, rank in sorted(rows, key=lambda r: r[0]):
        if pk in seen:
            continue
        seen.add(pk)
        if ok:
            found.append((-float(rank), document_id, ordinal, pk))
    found.sort()
    result = Candidates(ids=[r[3] for r in found], ranks=[-r[0] for r in found], exact=exact)
    if not exact and rank:
        # The planner's rows for the exact query and for the loose one scaled by
        # the share of body candidates that passed verification; at least one
        # more than was found (the cap was hit).
        body = [r for r in rows if r[0] == 2]
        share = sum(1 for r in body if r[4]) / len(body)
        loose_rows = _planner_rows(pq, queryset, facets=facets, loose=True) if loose else 0
        guess = max(_planner_rows(pq, queryset, facets=facets), int(loose_rows * share))
        result.estimate = max(round_estimate(guess), len(result.ids) + 1)
    else:
        result.estimate = len(result.ids)
    return result


def _planner_rows(pq, queryset, *, facets: str = "", loose: bool = False) -> int:
    """The planner's estimate of the rows matching pq (or its loose form)
    within queryset."""
    from measures.querysets import TsMatch, TsQuery

    qs = queryset.order_by().filter(TsMatch(F("search_vector"), TsQuery(pq.loose_tsquery if loose else pq.tsquery)))
    if facets:
        qs = qs.filter(TsMatch(F("facet_vector"), TsQuery(facets)))
    qs = qs.values("pk")
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def round_estimate(n: int) -> int:
    """An estimate to two significant figures (约 980,000, not 约 981,237)."""
    if n < 100:
        return n
    digits = len(str(n)) - 2
    return round(n, -digits)


