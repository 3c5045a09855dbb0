"""The counts of the search's filter states kept in the database (measures.search.totals: SHARED),
so that one process's counts serve the others and the next start. Unlogged: written again whenever
lost, and emptied by a crash, which also discards the statistics counters its rows are checked
against. No model: only measures.search.totals reads and writes it, by primary key."""
from django.db import migrations

CREATE = """
CREATE UNLOGGED TABLE IF NOT EXISTS measures_search_totals (
    key text PRIMARY KEY,           -- a hash of the count's key (totals._digest)
    label text NOT NULL,            -- the key, readable (cut at 500 characters)
    fingerprint text NOT NULL,      -- the tables' fingerprint it was counted under (totals._read_fingerprint)
    counted timestamptz NOT NULL,
    value bytea NOT NULL            -- compressed JSON (totals._encode)
)
"""


class Migration(migrations.Migration):

    dependencies = [("measures", "0015_facet_vector_units_documents")]

    operations = [migrations.RunSQL(CREATE, "DROP TABLE IF EXISTS measures_search_totals")]
