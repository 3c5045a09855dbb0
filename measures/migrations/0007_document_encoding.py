from django.db import migrations, models


class Migration(migrations.Migration):
    """Document.encoding: the character encoding the source file was read with."""

    dependencies = [
        ("measures", "0006_diffusion_citations_specificity"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="encoding",
            field=models.CharField(blank=True, editable=False, max_length=32, verbose_name="编码",
                                   help_text="导入时源文件的字符编码 (utf-8, gb18030, cp950, utf-16-le …)"),
        ),
        migrations.AddField(
            model_name="historicaldocument",
            name="encoding",
            field=models.CharField(blank=True, editable=False, max_length=32, verbose_name="编码",
                                   help_text="导入时源文件的字符编码 (utf-8, gb18030, cp950, utf-16-le …)"),
        ),
    ]
