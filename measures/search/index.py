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
from functools import lru_cache

from django.db import connection, transaction

from . import text as text_module
from .text import CJK_WORD_RE, RUN_RE, _long_words, fold, fold_char, get_tokenizer

MAX_POS = 16383          # PostgreSQL's largest tsvector position
MAX_POSITIONS = 256      # positions kept per lexeme
FIELD_GAP = 8
BATCH = 500


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def build_vector(fields: list[tuple[str, str]], cache: dict | None = None) -> str:
    """tsvector literal for [(text, weight), ...]: each folding of each field laid out one after
    the other (FIELD_GAP between), each lexeme with its positions in the order they occur (at most
    MAX_POSITIONS), positions past MAX_POS at MAX_POS.

    The importer's hot loop: one dict pass over each field's tokens (lexeme -> list of positions,
    no tuple or string per token), then one join per lexeme. Lexemes are runs of CJK characters,
    letters and digits (text.RUN_RE, jieba's CJK words), so none needs quoting."""
    laid_out = _layout(fields, cache)
    if laid_out is None:  # a very long text: positions are clamped
        return _build_vector_clamped(fields, cache)
    return _format(laid_out)


def build_vectors(title: str | None, text: str | None, cache: dict | None = None) -> tuple[str, str]:
    """(search_vector, title_vector) of a measure: build_vector(measure_fields(…)) and
    build_vector(title_fields(…)), the title tokenised once for both (it is the first field of
    the search vector, at the same positions)."""
    fields = measure_fields(title=title, text=text)
    laid_out = _layout(fields, cache)
    if laid_out is None:
        return _build_vector_clamped(fields, cache), build_vector(title_fields(title=title), cache)
    title_vector = _format(laid_out[:1]) if title else ""  # before _format(laid_out) takes from the later fields
    return _format(laid_out), title_vector


class BinaryTsvector(bytes):
    """A tsvector in PostgreSQL's binary form, as tsvectorrecv reads it (the importer's binary COPY:
    PostgreSQL reads it in a fifth of the time a literal takes): the number of lexemes (int32), then
    each lexeme's UTF-8 bytes, a NUL, its number of positions (uint16) and the positions (uint16:
    the weight in the top two bits), all big-endian; positions strictly ascending."""

    __slots__ = ()


def build_vectors_binary(title: str | None, text: str | None, cache: dict | None = None
                         ) -> tuple[BinaryTsvector, BinaryTsvector]:
    """build_vectors(…) in the binary form: the same tsvectors once stored."""
    fields = measure_fields(title=title, text=text)
    laid_out = _layout(fields, cache, binary=True)
    if laid_out is None:
        return _build_vector_clamped_binary(fields, cache), _build_vector_clamped_binary(
            title_fields(title=title), cache)
    title_vector = _format_binary(laid_out[:1]) if title else _EMPTY_BINARY  # before the later fields lose lexemes
    return _format_binary(laid_out), title_vector


def _layout(fields: list[tuple[str, str]], cache: dict | None, binary: bool = False) -> list | None:
    """[(weight, {lexeme: [position, ...]}), ...] of the non-empty fields, each position as its
    literal with the field's weight ("123D", _tagged; ``binary``: its two bytes, _tagged_binary);
    None past MAX_POS."""
    laid_out = []
    base = 1
    memo = _long_word_memo(cache)
    for text, weight in fields:
        if not text:
            continue
        tagged = _tagged_binary(weight) if binary else _tagged(weight)
        positions: defaultdict[str, list[str]] = defaultdict(list)
        for folded in _foldings(text, cache):
            if base + len(folded) > MAX_POS:
                return None
            _add_tokens(positions, folded, base, tagged, memo)
            base = min(base + len(folded) + FIELD_GAP, MAX_POS)
        laid_out.append((weight, positions))
    return laid_out


def _merged(laid_out: list) -> list[tuple[str, list[str]]]:
    """_layout's fields as (lexeme, positions) in field order, a lexeme that is in a later field too
    with its positions in field order, weight by weight (the later fields' dicts lose it), at most
    MAX_POSITIONS of them: what the literal (_format) and the binary form (_format_binary) write."""
    out = []
    for k, (_, positions) in enumerate(laid_out):
        later = laid_out[k + 1:]
        if later:
            for lex, pos in positions.items():
                for _, other in later:
                    more = other.pop(lex, None)
                    if more is not None:
                        pos = pos + more
                out.append((lex, pos[:MAX_POSITIONS]))
        else:
            out += [(lex, pos if len(pos) <= MAX_POSITIONS else pos[:MAX_POSITIONS]) for lex, pos in positions.items()]
    return out


def _format(laid_out: list) -> str:
    """The literal of _layout's fields."""
    return " ".join([f"'{lex}':{','.join(pos)}" for lex, pos in _merged(laid_out)])


_tagged_positions: dict[str, list[str]] = {}


def _tagged(weight: str) -> list[str]:
    """["0D", "1D", … f"{MAX_POS}D"]: a position with its weight, looked up instead of formatted
    (the literal's positions are most of its characters)."""
    table = _tagged_positions.get(weight)
    if table is None:
        table = _tagged_positions[weight] = [f"{p}{weight}" for p in range(MAX_POS + 1)]
    return table


_EMPTY_BINARY = BinaryTsvector(bytes(4))
_WEIGHT_BITS = {"A": 3, "B": 2, "C": 1, "D": 0}


def _escaped(data: bytes) -> str:
    """Bytes as a str that encodes back to them (UTF-8 with surrogateescape): the binary form is
    put together as a str with the lexemes, in f-strings and joins as cheap as the literal's, and
    encoded once."""
    return "".join(chr(b) if b < 0x80 else chr(0xDC00 + b) for b in data)


_tagged_binary_positions: dict[str, list[str]] = {}
# a lexeme's count of positions as the NUL ending its bytes and the uint16 that follows them
_COUNT_BINARY = [_escaped(b"\0" + n.to_bytes(2, "big")) for n in range(MAX_POSITIONS + 1)]


def _tagged_binary(weight: str) -> list[str]:
    """_tagged in the binary form: each position with its weight as tsvectorrecv reads it (two
    bytes, _escaped)."""
    table = _tagged_binary_positions.get(weight)
    if table is None:
        bits = _WEIGHT_BITS[weight] << 14
        table = _tagged_binary_positions[weight] = [_escaped((p | bits).to_bytes(2, "big"))
                                                    for p in range(MAX_POS + 1)]
    return table


def _binary(entries: list[str]) -> BinaryTsvector:
    return BinaryTsvector(len(entries).to_bytes(4, "big") + "".join(entries).encode("utf-8", "surrogateescape"))


def _format_binary(laid_out: list) -> BinaryTsvector:
    """_format's tsvector in the binary form (lexemes in _format's order: PostgreSQL sorts them)."""
    count = _COUNT_BINARY
    return _binary([f"{lex}{count[len(pos)]}{''.join(pos)}" for lex, pos in _merged(laid_out)])


def _clamped_positions(fields: list[tuple[str, str]], cache: dict | None, tag) -> dict[str, list[str]]:
    """Each lexeme's positions for texts longer than MAX_POS, token by token, clamped and without
    repeats; each position as ``tag(weight)[position]`` (_tagged for the literal, _tagged_binary for
    the binary form: the two builders below differ only in how they write the result)."""
    positions: dict[str, list[str]] = {}
    base = 1
    for text, weight in fields:
        if not text:
            continue
        tagged = tag(weight)
        for folded in _foldings(text, cache):
            for offset, lexeme in token_list(folded):
                pos = min(base + offset, MAX_POS)
                slot = positions.get(lexeme)
                if slot is None:
                    positions[lexeme] = [tagged[pos]]
                elif len(slot) < MAX_POSITIONS:
                    slot.append(tagged[pos])
            base = min(base + len(folded) + FIELD_GAP, MAX_POS)
    return {lex: list(dict.fromkeys(pos)) for lex, pos in positions.items()}


def _build_vector_clamped_binary(fields: list[tuple[str, str]], cache: dict | None) -> BinaryTsvector:
    """_build_vector_clamped in the binary form (the same positions, clamped and deduplicated)."""
    return _binary([f"{lex}{_COUNT_BINARY[len(pos)]}{''.join(pos)}"
                    for lex, pos in _clamped_positions(fields, cache, _tagged_binary).items()])


def _build_vector_clamped(fields: list[tuple[str, str]], cache: dict | None) -> str:
    """build_vector for texts longer than MAX_POS: token by token, clamped positions once."""
    return " ".join(f"{_quote(lex)}:{','.join(pos)}" for lex, pos in _clamped_positions(fields, cache, _tagged).items())


def _add_tokens(positions, folded: str, base: int, tagged: list[str], memo: dict | None = None) -> None:
    """token_list(folded) added to ``positions`` at ``base`` + offset, in the same order, each
    position as tagged[position] (its literal with the field's weight), without the list: each CJK
    run's unigrams and bigrams (its characters zipped with the next ones and their positions'
    literals, no indexing or counting), ASCII runs, then jieba's long words block by block
    (_long_words' words and offsets; a word's sub-words looked up once per ``memo``, the
    document's)."""
    long_runs = False
    for m in RUN_RE.finditer(folded):
        run = m.group(0)
        p = base + m.start()
        if m.group(1):
            n = len(run)
            tags = tagged[p:p + n]
            if n > 1:
                long_runs = long_runs or n > 2
                for ch, nxt, tag in zip(run, run[1:], tags):
                    positions[ch].append(tag)
                    positions[ch + nxt].append(tag)
            positions[run[-1]].append(tags[-1])
        else:
            positions[run].append(tagged[p])
    if long_runs:
        _add_long_words(positions, folded, base, tagged, {} if memo is None else memo)


def _add_long_words(positions, folded: str, base: int, tagged: list[str], memo: dict) -> None:
    """_long_words(tok, folded) added at ``base`` + offset (as tagged[position]): the words of three
    or more CJK characters of each jieba block (text.segments' blocks and cut, through its
    per-document block cache), each followed by its sub-words in the dictionary (_sub_words, once
    per ``memo``)."""
    tok = get_tokenizer()
    re_han = tok.re_han
    blocks = text_module._blocks
    cjk = CJK_WORD_RE.fullmatch
    offset = base
    for blk in re_han.split(folded):
        if not blk:
            continue
        if re_han.match(blk):
            words = blocks.get(blk) or _block_cut(blk, tok)
            if len(words) < len(blk) - 1 and max(map(len, words)) > 2:  # a word of 3+ characters
                at = offset
                for word in words:
                    n = len(word)
                    if n > 2 and cjk(word):
                        positions[word].append(tagged[at])
                        if n > 3:
                            subs = memo.get(word)
                            if subs is None:
                                subs = memo[word] = _sub_words(word, tok.FREQ)
                            for i, sub in subs:
                                positions[sub].append(tagged[at + i])
                    at += n
        offset += len(blk)


def _block_cut(block: str, tok) -> tuple[str, ...]:
    """jieba's words of one block, as text.segments cuts and caches them (per document)."""
    blocks = text_module._blocks
    words = blocks.get(block)
    if words is None:
        if len(blocks) >= text_module.BLOCK_CACHE_MAX:
            blocks.clear()
        words = blocks[block] = tuple(tok.cut_block(block))
    return words


def folded_words(folded: str) -> list[str]:
    """text.words(folded): jieba's words of the blocks of a folded text, in order, through the same
    block cache, without the offsets text.segments computes for each word."""
    tok = get_tokenizer()
    re_han = tok.re_han
    blocks = text_module._blocks
    out: list[str] = []
    for blk in re_han.split(folded):
        if blk and re_han.match(blk):
            out += blocks.get(blk) or _block_cut(blk, tok)
    return out


def _sub_words(word: str, freq: dict) -> tuple[tuple[int, str], ...]:
    """(offset, sub-word) of a word's dictionary sub-words of three or more characters, shortest
    first, left to right (as _long_words yields them)."""
    n = len(word)
    return tuple((i, word[i:i + size]) for size in range(3, n) for i in range(0, n - size + 1)
                 if freq.get(word[i:i + size]))


_LONG_WORDS = ("long words",)  # the key of the per-cache memo of _sub_words (texts are str keys)


def _long_word_memo(cache: dict | None) -> dict | None:
    if cache is None:
        return None
    memo = cache.get(_LONG_WORDS)
    if memo is None:
        memo = cache[_LONG_WORDS] = {}
    return memo


def _foldings(text: str, cache: dict | None) -> list[str]:
    """text.foldings(text) (the phrase-aware folding, then the per-character one when it differs),
    once per cache (titles repeat across a document's measures; the importer reads a text's first
    folding again for its fingerprint)."""
    hit = cache.get(text) if cache is not None else None
    if hit is None:
        first = fold(text)
        second = "".join(map(fold_char, text))  # text.fold_chars, without a generator step a character
        hit = [first] if second == first else [first, second]
        if cache is not None:
            cache[text] = hit
    return hit


def token_list(folded: str) -> list[tuple[int, str]]:
    """text.tokens(folded) as a list, built without a generator step per token (the index's
    hot loop): unigrams and bigrams of each CJK run, ASCII runs, then jieba's long words."""
    out: list[tuple[int, str]] = []
    append = out.append
    long_runs = False
    for m in RUN_RE.finditer(folded):
        start, run = m.start(), m.group(0)
        if m.group(1):
            last = len(run) - 1
            long_runs = long_runs or last >= 2
            for i in range(last):
                append((start + i, run[i]))
                append((start + i, run[i:i + 2]))
            append((start + last, run[last]))
        else:
            append((start, run))
    if long_runs:
        out.extend(_long_words(get_tokenizer(), folded))
    return out


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
        cache: dict = {}  # the batch's texts folded once (titles repeat across measures)
        values = [(pk, *build_vectors(title, text, cache)) for pk, title, text in rows]
        if values:
            _write(values)
            written += len(values)
    return written


SAMPLE_BUCKETS = 256
# The sample bucket of measure `m`: a hash of its id, 0 … SAMPLE_BUCKETS - 1. facet_vector holds
# it as 's:N', with its group of 4 ('s:qN', N = bucket >> 2) and of 16 ('s:gN', bucket >> 4):
# the engine reads whole groups through one lexeme (migration 0014).
BUCKET_SQL = "(hashint8(m.id) & 255)"

# the temporary index cluster_by_sample_slice orders the table by (dropped after it: kept, the planner
# reads a probe's bucket through it and checks the text on every row of the bucket, 3-4 times slower)
SLICE_INDEX = "measure_sample_slice_tmp"


def cluster_by_sample_slice(cursor) -> None:
    """Rewrite measures_measure in the order of its rows' sample slices (engine.slice_sql: the bucket
    the engine's samples select by its facet lexeme, then the slice), as CLUSTER does: the rows of a
    sample read, one bucket or a run of them, then lie on neighbouring heap pages and their TIDs
    together in each posting list, so the read visits a few hundred pages instead of one a row and the
    GIN scan decodes only the part of a common bigram's posting list that holds them (at 1M measures
    the heavy searches' SQL 55-70 -> 45-55 ms). Results are unchanged: which rows a sample holds is the
    hash's, never the heap order. Rows written later (imports) go at the end, outside that order, and
    are read as before, until this runs again. It takes an exclusive lock on the table for the rewrite
    (about 2 minutes at 1M measures) and builds every index of the table again; ANALYZE after it.
    What reads the table in id order is slower on it: bench_search's ILIKE scans, whose facets join
    themes, units and documents row by row, took twice as long (知识产权 alone 8.0 -> 17.0 s)."""
    from .engine import slice_sql

    cursor.execute(f"DROP INDEX IF EXISTS {SLICE_INDEX}")
    cursor.execute(f"CREATE INDEX {SLICE_INDEX} ON measures_measure (({slice_sql('id')}))")
    cursor.execute(f"CLUSTER measures_measure USING {SLICE_INDEX}")
    cursor.execute(f"DROP INDEX {SLICE_INDEX}")
    cursor.execute("ANALYZE measures_measure")


def _doc_type_sql(title: str) -> str:
    """doctypes.doc_type_of in SQL: the narrowest type whose title_regex matches `title` (NULL
    when none does), tried in doc_type_of's order."""
    from measures.doctypes import ALL_TYPES, title_regex

    whens = " ".join(f"WHEN {title} ~ '{title_regex(t).replace(chr(39), chr(39) * 2)}' THEN '{t}'"
                     for t in sorted(ALL_TYPES, key=len, reverse=True))
    assert "%" not in whens   # the SQL runs with parameters
    return f"(CASE {whens} END)"


# The filter values of measure `m` (a measures_measure row, `d` its document) as a tsvector of
# prefixed lexemes; no user query yields a lexeme with ':' in it. Besides the filters' lexemes, what
# the text-search facets count on the rows (measures.selectors._tally_sql): 'u:<unit id>' and
# 'r:<role>' of its unit links ('u:*' when it has two or more), 'o:<issuer>' and 'k:<document type>'
# of its document.
_FACET_VECTOR_SQL = """array_to_tsvector(ARRAY(SELECT DISTINCT x FROM unnest(
    ARRAY['p:' || d.province_id, 'c:' || d.city_id, 's:' || """ + BUCKET_SQL + """,
          's:q' || (""" + BUCKET_SQL + """ >> 2), 's:g' || (""" + BUCKET_SQL + """ >> 4),
          'y:' || coalesce(extract(year FROM coalesce(d.signed_date, d.published_date))::int, d.date_year)]
    || ARRAY(SELECT 't:' || t.code FROM measures_measure_themes mt
             JOIN measures_theme t ON t.id = mt.theme_id WHERE mt.measure_id = m.id)
    || ARRAY(SELECT 'i:' || i.code FROM measures_measure_ip_types mi
             JOIN measures_iptype i ON i.id = mi.iptype_id WHERE mi.measure_id = m.id)
    || ARRAY(SELECT x FROM measures_measureunit mu, LATERAL (VALUES ('u:' || mu.unit_id), ('r:' || mu.role)) AS v(x)
             WHERE mu.measure_id = m.id)
    || ARRAY(SELECT 'u:*' FROM measures_measureunit mu WHERE mu.measure_id = m.id HAVING count(*) > 1)
    || ARRAY[CASE WHEN d.issuer <> '' THEN 'o:' || d.issuer END, 'k:' || {doc_type}]
) AS x WHERE x IS NOT NULL))"""


@lru_cache(maxsize=1)
def facet_vector_sql() -> str:
    """FACET_VECTOR_SQL, built on first use (the document types' patterns take OpenCC's converters,
    0.4 s: not at import)."""
    return _FACET_VECTOR_SQL.replace("{doc_type}", _doc_type_sql("d.title"))


def __getattr__(name):
    if name == "FACET_VECTOR_SQL":
        return facet_vector_sql()
    raise AttributeError(name)


def facet_vector(*, province_id, city_id, bucket: int, year, themes=(), ip_types=(), units=(), issuer="",
                 title=None) -> str:
    """FACET_VECTOR_SQL's value computed here, for rows written with their vectors (the
    importer's COPY): ``bucket`` is BUCKET_SQL of the row's id, ``year`` the document's
    (signed, else published, else date_year), ``themes`` and ``ip_types`` the codes linked,
    ``units`` the (unit id, role) links, ``issuer`` and ``title`` the document's."""
    return " ".join(_quote(x) for x in _facet_lexemes(
        province_id=province_id, city_id=city_id, bucket=bucket, year=year, themes=themes, ip_types=ip_types,
        units=units, issuer=issuer, title=title))


def facet_vector_binary(**values) -> BinaryTsvector:
    """facet_vector(…) in the binary form (lexemes without positions)."""
    return _binary([f"{x}{_COUNT_BINARY[0]}" for x in _facet_lexemes(**values)])


def _facet_lexemes(*, province_id, city_id, bucket: int, year, themes=(), ip_types=(), units=(), issuer="",
                   title=None) -> list[str]:
    lexemes = {f"p:{province_id}" if province_id is not None else None,
               f"c:{city_id}" if city_id is not None else None,
               f"s:{bucket}", f"s:q{bucket >> 2}", f"s:g{bucket >> 4}", f"y:{year}" if year is not None else None,
               f"o:{issuer}" if issuer else None, f"k:{_doc_type(title)}" if _doc_type(title) else None}
    lexemes.update(f"t:{code}" for code in themes)
    lexemes.update(f"i:{code}" for code in ip_types)
    for unit_id, role in units:
        lexemes.update((f"u:{unit_id}", f"r:{role}"))
    if len({unit_id for unit_id, _ in units}) > 1:
        lexemes.add("u:*")
    return sorted(lexemes - {None})


@lru_cache(maxsize=65536)
def _doc_type(title: str | None) -> str:
    from measures.doctypes import doc_type_of

    return doc_type_of(title) if title is not None else ""


def next_ids_with_buckets(n: int) -> list[tuple[int, int]]:
    """n new Measure ids from the table's sequence with their sample buckets (BUCKET_SQL)."""
    if n <= 0:
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, (hashint8(id) & 255)::int FROM (SELECT nextval(pg_get_serial_sequence("
                       "'measures_measure', 'id')) AS id FROM generate_series(1, %s)) AS ids ORDER BY id", [n])
        return [(row[0], row[1]) for row in cursor.fetchall()]


def _write(values: list[tuple[int, str, str]]) -> None:
    """One UPDATE for the three vectors: every new row version re-inserts its
    lexemes into both GIN indexes, so the vectors are written together."""
    placeholders = ", ".join(["(%s::bigint, %s::tsvector, %s::tsvector)"] * len(values))
    params = [p for row in values for p in row]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE measures_measure AS m SET search_vector = v.vec, title_vector = v.tvec, "
            f"facet_vector = {facet_vector_sql()} "
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
