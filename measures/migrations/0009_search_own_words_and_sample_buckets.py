# Search "as written" (issue 13): the measure vectors keep only what the measure
# itself says, and facet_vector gets a sample bucket lexeme.

from django.db import migrations

# search_vector: the measure title (A) and text (D) only; chapter headings (B)
# and document titles (C) are no longer matched. title_vector: the measure
# title (A) only. Positions stay as they are (the gaps are harmless).
KEEP_OWN_WORDS = """
UPDATE measures_measure SET search_vector = ts_filter(search_vector, '{a,d}'),
                            title_vector = ts_filter(title_vector, '{a}')
WHERE search_vector IS NOT NULL OR title_vector IS NOT NULL
"""

# 's:0' … 's:255': a hash of the id (measures.search.index.BUCKET_SQL), which
# lets the engine verify a random sample of a large match through the index.
ADD_BUCKETS = """
UPDATE measures_measure AS m
SET facet_vector = coalesce(m.facet_vector, ''::tsvector) || array_to_tsvector(ARRAY['s:' || (hashint8(m.id) & 255)])
"""


class Migration(migrations.Migration):

    dependencies = [
        ('measures', '0008_merge_encoding_sources'),
    ]

    operations = [
        migrations.RunSQL(KEEP_OWN_WORDS, migrations.RunSQL.noop),
        migrations.RunSQL(ADD_BUCKETS, migrations.RunSQL.noop),
    ]
