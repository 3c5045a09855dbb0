"""MinHash bands hashed anew (measures.similarity.bands: trigrams as ints mixed with
splitmix64's finalizer instead of a blake2b digest each, for the importer's speed): the
stored bands of every measure are recomputed from its text, so that bands of measures
imported before and after this change can be compared. Terms and weights are unchanged."""
from django.db import migrations

CHUNK = 2000


def rehash(apps, schema_editor):
    from measures.similarity import bands

    Fingerprint = apps.get_model("measures", "MeasureFingerprint")
    Measure = apps.get_model("measures", "Measure")
    ids = list(Fingerprint.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        texts = dict(Measure.objects.filter(pk__in=chunk).values_list("pk", "text"))
        rows = []
        for fp in Fingerprint.objects.filter(pk__in=chunk).only("pk", "bands"):
            fp.bands = bands(texts.get(fp.pk) or "")
            rows.append(fp)
        Fingerprint.objects.bulk_update(rows, ["bands"])


class Migration(migrations.Migration):
    dependencies = [
        ("measures", "0011_fingerprint_band_lookup"),
    ]

    operations = [migrations.RunPython(rehash, migrations.RunPython.noop)]
