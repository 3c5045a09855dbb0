"""The band lookup of similar-measure candidates as a SQL function planned with
sequential scans off: a MinHash band value is nearly unique, but PostgreSQL has
no statistics for values that do not repeat and estimates `bands && array` to
match a sizeable share of the table, so that with a LIMIT it would rather scan
the whole table than use the GIN index (measured: 220 ms at 100k rows instead
of under 1 ms). The function is not inlined (it has a SET clause), so its query
is planned with the index, inside the one statement that reads the candidates."""
from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION measures_band_candidates(q integer[], self_id bigint, lim integer)
RETURNS SETOF bigint
LANGUAGE sql STABLE
SET enable_seqscan = off
AS $$
    SELECT measure_id FROM measures_measurefingerprint
    WHERE bands && q AND measure_id <> self_id
    LIMIT lim
$$;
"""
DROP = "DROP FUNCTION IF EXISTS measures_band_candidates(integer[], bigint, integer);"


class Migration(migrations.Migration):
    dependencies = [
        ("measures", "0010_document_date_year_month"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP)]
