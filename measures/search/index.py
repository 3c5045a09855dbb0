"""Building Measure.search_vector in Python and writing it in bulk.

The vector is a tsvector literal (config 'simple' semantics: lexemes are used
as they are) built from the folded text; positions are character offsets so
that query phrases pin exact substrings. It holds what the measure itself
says: its title (weight 'A') and its text ('D'), laid out one after the other
with a gap so that no phrase spans the two. Chapter headings and document
titles are not in it: a search finds the measures whose own words contain the
term (documents are searched by title on their own pages and API).

Measure.title_vector holds the measure title alone (same tokens): a small
vector with its own GIN index, so that title-level hits are always among the
candidates of a search that matches many rows (see measures.search.engine).
Measure.facet_vector holds the filter values as lexemes (FACET_VECTOR_SQL),
plus a sample bucket 's:0'…'s:255' (a hash of the id) that lets the engine
verify a random sample of a very large match through the index; both GIN
indexes include it.
"""
from collections import defaultdict

from django.db import connection, transaction

from .text import foldings, tokens

MAX_POS = 16383          # PostgreSQL's largest tsvector position
MAX_POSITIONS = 256      # positions kept per lexeme
FIELD_GAP = 8
BATCH = 500


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def build_vector(fields: list[tuple[str, str]], cache: dict | None = None) -> str:
    """tsvector literal for [(text, weight), ...]."""
    positions: dict[str, list[str]] = defaultdict(list)
    base = 1
    for text, weight in fields:
        if not text:
            continue
        for length, toks in _field_tokens(text, cache):
            for offset, lexeme in toks:
                pos = min(base + offset, MAX_POS)
                slot = positions[lexeme]
                if len(slot) < MAX_POSITIONS:
                    slot.append(f"{pos}{weight}")
            base = min(base + length + FIELD_GAP, MAX_POS)
    return " ".join(f"{_quote(lex)}:{','.join(dict.fromkeys(pos))}" for lex, pos in positions.items())


def _field_tokens(text: str, cache: dict | None):
    """Tokens of each folding of a field. Short fields (titles, chapter
    headings, document titles) repeat across a document's measures: with a
    cache (one per update call, so memory stays bounded) they are tokenised
    once; bodies are not worth caching."""
    if cache is None or len(text) > 200:
        return [(len(folded), tokens(folded)) for folded in foldings(text)]
    hit = cache.get(text)
    if hit is None:
        hit = cache[text] = tuple((len(folded), tuple(tokens(folded))) for folded in foldings(text))
    return hit


def title_fields(*, title, path=None) -> list[tuple[str, str]]:
    return [(title or "", "A")]


def measure_fields(*, title, text, path=None, document_title=None, notice_title=None) -> list[tuple[str, str]]:
    """The measure's own words: title 'A', text 'D' (the other arguments are
    accepted and not indexed: see the module doc)."""
    return title_fields(title=title) + [(text or "", "D")]


def update_search_vectors(measure_ids) -> int:
    """Recompute search_vector, title_vector and facet_vector for the given
    measures; returns rows written.

    Called by the importer and the admin after saving measures. Texts are read
    in one query per batch and written with one UPDATE … FROM (VALUES …).
    """
    from measures.models import Measure

    ids = sorted({int(i) for i in measure_ids})
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        rows = Measure.objects.filter(pk__in=chunk).values_list("pk", "title", "text")
        cache: dict = {}  # short fields shared by the batch's measures, tokenised once
        values = [
            (pk, build_vector(measure_fields(title=title, text=text), cache),
             build_vector(title_fields(title=title), cache))
            for pk, title, text in rows
        ]
        if values:
            _write(values)
            written += len(values)
    return written


SAMPLE_BUCKETS = 256
# The sample bucket of measure `m`: a hash of its id, 0 … SAMPLE_BUCKETS - 1.
BUCKET_SQL = "(hashint8(m.id) & 255)"

# The filter values of measure `m` (a measures_measure row) as a tsvector of
# prefixed lexemes; no user query yields a lexeme with ':' in it.
FACET_VECTOR_SQL = """array_to_tsvector(ARRAY(SELECT DISTINCT x FROM unnest(
    ARRAY['p:' || d.province_id, 'c:' || d.city_id, 's:' || """ + BUCKET_SQL + """,
          'y:' || coalesce(extract(year FROM coalesce(d.signed_date, d.published_date))::int, d.date_year)]
    || ARRAY(SELECT 't:' || t.code FROM measures_measure_themes mt
             JOIN measures_theme t ON t.id = mt.theme_id WHERE mt.measure_id = m.id)
    || ARRAY(SELECT 'i:' || i.code FROM measures_measure_ip_types mi
             JOIN measures_iptype i ON i.id = mi.iptype_id WHERE mi.measure_id = m.id)
) AS x WHERE x IS NOT NULL))"""


def _write(values: list[tuple[int, str, str]]) -> None:
    """One UPDATE for the three vectors: every new row version re-inserts its
    lexemes into both GIN indexes, so the vectors are written together."""
    placeholders = ", ".join(["(%s::bigint, %s::tsvector, %s::tsvector)"] * len(values))
    params = [p for row in values for p in row]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE measures_measure AS m SET search_vector = v.vec, title_vector = v.tvec, "
            f"facet_vector = {FACET_VECTOR_SQL} "
            f"FROM (VALUES {placeholders}) AS v(id, vec, tvec), measures_document AS d "
            f"WHERE m.id = v.id AND d.id = m.document_id",
            params,
        )


def reindex(*, document_ids=None, progress=None) -> int:
    """Rebuild the vectors of all measures (or of some documents' measures)."""
    from measures.models import Measure

    qs = Measure.objects.order_by("pk")
    if document_ids is not None:
        qs = qs.filter(document_id__in=document_ids)
    ids = list(qs.values_list("pk", flat=True))
    done = 0
    for start in range(0, len(ids), BATCH * 4):
        done += update_search_vectors(ids[start:start + BATCH * 4])
        if progress:
            progress(done, len(ids))
    return done
