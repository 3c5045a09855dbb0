from django.db import migrations


class Migration(migrations.Migration):
    """Two migrations numbered 0007 were written at the same time (document encoding, document sources)."""

    dependencies = [
        ("measures", "0007_document_encoding"),
        ("measures", "0007_document_sources"),
    ]

    operations = []
