"""facet_vector also holds what the text-search facets count on each row: 'u:<unit id>' and
'r:<role>' of the measure's unit links ('u:*' when it has two or more), 'o:<issuer>' and 'k:<document type>' of its document
(measures.search.index.FACET_VECTOR_SQL). The candidate statements counted the unit, role,
issuer and document-type facets by joining each verified row to its unit links and its
document (an index probe a row, about 14 ms a search at 1M measures); they are now counted
with the other facet lexemes (measures.selectors._tally_sql).

The GIN indexes hold facet_vector: every row rewritten here would re-insert its whole search
vector into them, so they are dropped first and built again after (as in the model). Rows
without a facet_vector (not indexed yet) are left to their reindex.

Each row is written again (the search vector in TOAST is kept, not copied): the table's heap
takes about twice its space until `VACUUM FULL measures_measure` (at 1M measures 1.2 -> 2.4 GB,
3 min 14 s for the migration, 1 min 40 s for the VACUUM FULL; see the README).
"""
from django.db import migrations, transaction


def add_lexemes_sql() -> str:
    """The rewrite of every indexed row (the indexes are dropped first)."""
    from measures.search.index import _doc_type_sql

    return f"""
DROP INDEX IF EXISTS measure_search_gin;
DROP INDEX IF EXISTS measure_title_gin;
UPDATE measures_measure AS m
SET facet_vector = m.facet_vector || array_to_tsvector(ARRAY(SELECT DISTINCT x FROM unnest(
        ARRAY(SELECT v.x FROM measures_measureunit mu,
              LATERAL (VALUES ('u:' || mu.unit_id), ('r:' || mu.role)) AS v(x) WHERE mu.measure_id = m.id)
        || ARRAY(SELECT 'u:*' FROM measures_measureunit mu WHERE mu.measure_id = m.id HAVING count(*) > 1)
        || ARRAY[dk.o, dk.k]) AS x WHERE x IS NOT NULL))
FROM (SELECT d.id, CASE WHEN d.issuer <> '' THEN 'o:' || d.issuer END AS o, 'k:' || {_doc_type_sql("d.title")} AS k
      FROM measures_document d) AS dk
WHERE dk.id = m.document_id AND m.facet_vector IS NOT NULL;
"""


# built after the rewrite has committed: built in the same transaction, an index also holds the
# rows' old versions (still visible to others then), and the search index came out 860 MB
# instead of 470 at 1M measures
BUILD_SQL = """
SET maintenance_work_mem = '1GB';
CREATE INDEX IF NOT EXISTS measure_search_gin ON measures_measure USING gin (search_vector, facet_vector)
    WITH (fastupdate = off);
CREATE INDEX IF NOT EXISTS measure_title_gin ON measures_measure USING gin (title_vector, facet_vector)
    WITH (fastupdate = off);
RESET maintenance_work_mem;
"""


def _run(schema_editor, script: str) -> None:
    for statement in script.split(";\n"):
        if statement.strip():
            schema_editor.execute(statement, params=None)


def forwards(apps, schema_editor):
    with transaction.atomic(using=schema_editor.connection.alias):
        _run(schema_editor, add_lexemes_sql())
    _run(schema_editor, BUILD_SQL)


class Migration(migrations.Migration):
    # the rewrite commits before the indexes are built (BUILD_SQL); run again after a failure in
    # between, it adds nothing twice (a tsvector holds a lexeme once) and builds what is missing
    atomic = False

    dependencies = [
        ("measures", "0014_sample_bucket_groups"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
