"""load_real_pages: the parser's real development pages in the portal, marked 节选, with their URLs."""
import pytest
from django.core.management import call_command

from measures.management.commands.load_real_pages import REAL_PAGES, batches, sources
from measures.models import Document, SourceFile


def test_every_batch_names_its_pages_urls():
    dirs = batches()
    assert len(dirs) >= 4
    total = sum(len(list(d.glob("*.txt"))) for d in dirs)
    assert total > 100
    for d in dirs:
        urls = sources(d)
        files = [p.name for p in d.glob("*.txt")]
        assert sum(1 for f in files if f in urls) >= 0.9 * len(files), d.name


@pytest.mark.django_db
def test_loads_pages_as_excerpts_with_their_source_urls(capsys, client):
    first = batches()[0]
    call_command("load_real_pages", "--batch", first.name, "--limit", "6")
    out = capsys.readouterr().out
    assert "6 个文件" in out
    docs = list(Document.objects.all())
    assert docs and all(d.excerpt for d in docs)
    urls = sources(first)
    for d in docs:
        name = d.source.rsplit("/", 1)[-1]
        assert d.source.startswith(f"real/{first.name}/")
        assert d.source_url == urls.get(name, "")
        assert bytes(SourceFile.objects.get(document=d).data) == (REAL_PAGES / first.name / name).read_bytes()
    page = client.get(f"/documents/{docs[0].pk}/").content.decode()
    assert "节选" in page
    call_command("load_real_pages", "--batch", first.name, "--limit", "6")
    assert "新增 0" in capsys.readouterr().out
    assert Document.objects.count() == len(docs)
