# Issue 15: documents dated only to the month (2022年12月) keep their year and month.

from django.db import migrations, models


def backfill(apps, schema_editor):
    """Documents loaded before: a month-only date read from the stored text
    (measures.partial_dates); their measures get the year's facet lexeme."""
    from measures.partial_dates import month_only_date

    Document = apps.get_model("measures", "Document")
    for doc in Document.objects.filter(signed_date__isnull=True, published_date__isnull=True).only(
            "id", "title", "raw_text"):
        found = month_only_date(doc.raw_text, doc.title)
        if found:
            Document.objects.filter(pk=doc.pk).update(date_year=found[0], date_month=found[1])
            schema_editor.execute(
                "UPDATE measures_measure SET facet_vector = coalesce(facet_vector, ''::tsvector) "
                "|| array_to_tsvector(ARRAY['y:' || %s::int]) WHERE document_id = %s", [found[0], doc.pk])


class Migration(migrations.Migration):

    dependencies = [
        ('measures', '0009_search_own_words_and_sample_buckets'),
    ]

    operations = [
        migrations.AddField(
            model_name='document',
            name='date_month',
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='月份(仅知年月时)'),
        ),
        migrations.AddField(
            model_name='document',
            name='date_year',
            field=models.PositiveSmallIntegerField(blank=True, help_text='成文和发布日期都不详、原文只写到年月时填写', null=True, verbose_name='年份(仅知年月时)'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='date_month',
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='月份(仅知年月时)'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='date_year',
            field=models.PositiveSmallIntegerField(blank=True, help_text='成文和发布日期都不详、原文只写到年月时填写', null=True, verbose_name='年份(仅知年月时)'),
        ),
        migrations.AddConstraint(
            model_name='document',
            constraint=models.CheckConstraint(condition=models.Q(('date_month__isnull', True), models.Q(('date_month__gte', 1), ('date_month__lte', 12)), _connector='OR'), name='document_date_month_valid'),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
