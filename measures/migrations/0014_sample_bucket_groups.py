"""Sample buckets in groups: facet_vector gets 's:q<N>' (buckets 4N … 4N+3) and 's:g<N>'
(buckets 16N … 16N+15) beside each row's 's:<bucket>' lexeme (measures.search.index).

A sample of many buckets (a set of 10,000-60,000 matches reads 30-60 of the 256) was ORed
bucket by bucket into the GIN scan, and each ORed lexeme costs about 0.4 ms there at 1M
measures (50 buckets intersected with one bigram: 24.5 ms); the same rows read as three
groups and two buckets: 6.6 ms. measures.search.engine reads whole aligned groups through
their lexeme.

The GIN indexes hold facet_vector: every row rewritten here would re-insert its whole search
vector into them, so they are dropped first and built again after (as in the model).
"""
from django.db import migrations

BUCKET = "(hashint8(id) & 255)"

ADD_GROUPS = f"""
SET LOCAL maintenance_work_mem = '1GB';
DROP INDEX IF EXISTS measure_search_gin;
DROP INDEX IF EXISTS measure_title_gin;
UPDATE measures_measure
SET facet_vector = coalesce(facet_vector, ''::tsvector)
    || array_to_tsvector(ARRAY['s:' || {BUCKET}, 's:q' || ({BUCKET} >> 2), 's:g' || ({BUCKET} >> 4)]);
CREATE INDEX measure_search_gin ON measures_measure USING gin (search_vector, facet_vector) WITH (fastupdate = off);
CREATE INDEX measure_title_gin ON measures_measure USING gin (title_vector, facet_vector) WITH (fastupdate = off);
"""


class Migration(migrations.Migration):

    dependencies = [
        ("measures", "0013_search_vector_storage_external"),
    ]

    operations = [
        migrations.RunSQL(ADD_GROUPS, migrations.RunSQL.noop),
    ]
