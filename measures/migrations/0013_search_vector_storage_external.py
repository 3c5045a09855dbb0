"""Measure.search_vector is stored without a compression attempt (STORAGE EXTERNAL).

A measure's search vector (about 3 kB: unigrams, bigrams and words with their positions) never
compresses: PostgreSQL's pglz tried on every row written and gave up (not one of the 1,000,000
rows of the search benchmark's database, nor of the seed corpus, is stored compressed), then
moved the value out of line to the TOAST table. EXTERNAL moves it out of line at once: the same
bytes on disk, the same reads, and no failed compression on every insert or update (PostgreSQL
CPU to insert 8,100 imported measure rows with their indexes: 1.2-1.4 s -> 0.9-1.0 s). Rows
already written are not rewritten (they are stored the same way).
"""
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("measures", "0012_fingerprint_bands_rehashed"),
    ]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE measures_measure ALTER COLUMN search_vector SET STORAGE EXTERNAL",
            reverse_sql="ALTER TABLE measures_measure ALTER COLUMN search_vector SET STORAGE EXTENDED",
        ),
    ]
