"""The importer's bulk path stays bulk: a batch of new documents costs a bounded number of
queries per document, whatever their number of measures; what the rows carry (vectors, facet
lexemes, flags) equals what the slower per-row services compute; a run of many files switches
the GIN pending lists on and leaves them off and empty."""
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures.importer import GIN_INDEXES, Importer
from measures.management.commands.bench_import import build_corpus
from measures.models import Document, Measure
from measures.search import index
from measures.services_diffusion import refresh_flags

# Queries (COPY statements not counted) per new document of a batch: its citations (1 insert,
# 1 for the documents they name when some are found), region lookups of a new place. Its keys,
# the candidates its references name and the citations waiting for it are written and read for
# the whole batch at once (services_diffusion.NewDocuments), as are the batch's new responsible
# units. Measured: 99 for the 14 documents below (was 130 before the batch reads, 12 a document
# allowed before that).
PER_DOCUMENT = 5
FIXED = 40


def _import(folder):
    with CaptureQueriesContext(connection) as ctx:
        summary = Importer(workers=1).import_paths([folder])
    return summary, len(ctx.captured_queries)


@pytest.mark.django_db
def test_queries_grow_with_documents_not_with_measures(tmp_path):
    build_corpus(tmp_path, 14, settings.CORPUS_DIR)  # the seeds, issued by two cities
    summary, _ = _import(tmp_path)
    assert summary.count("added") == 14
    n_measures = Measure.objects.count()
    assert n_measures > 300  # each seed has dozens of measures
    Document.objects.all().delete()  # the responsible units stay
    summary, queries = _import(tmp_path)
    assert summary.count("added") == 14, summary.line()
    assert Measure.objects.count() == n_measures
    # a regression to one statement per measure (or per target, unit link) fails here
    assert queries <= FIXED + PER_DOCUMENT * 14, queries


@pytest.mark.django_db
def test_rows_carry_the_vectors_and_flags_the_services_compute(tmp_path):
    build_corpus(tmp_path, 4, settings.CORPUS_DIR)
    Importer(workers=1).import_paths([tmp_path])
    measures = list(Measure.objects.order_by("pk").values_list(
        "pk", "search_vector", "title_vector", "facet_vector", "specificity", "specificity_auto"))
    assert measures and all(m[1] for m in measures)
    with connection.cursor() as cursor:  # the facet lexemes as FACET_VECTOR_SQL computes them
        cursor.execute(f"SELECT count(*) FROM measures_measure m JOIN measures_document d ON d.id = m.document_id "
                       f"WHERE m.facet_vector IS DISTINCT FROM {index.FACET_VECTOR_SQL}")
        assert cursor.fetchone()[0] == 0
    # the index module builds the same vectors from the stored rows
    index.update_search_vectors([m[0] for m in measures])
    again = list(Measure.objects.order_by("pk").values_list(
        "pk", "search_vector", "title_vector", "facet_vector", "specificity", "specificity_auto"))
    assert again == measures
    # and the flags computed in stage 1 are the ones refresh_flags computes (targets in 元 included)
    refresh_flags([m[0] for m in measures])
    assert list(Measure.objects.order_by("pk").values_list(
        "pk", "search_vector", "title_vector", "facet_vector", "specificity", "specificity_auto")) == measures


def _gin_options():
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s)", [list(GIN_INDEXES)])
        return dict(cursor.fetchall())


def test_a_run_of_many_files_leaves_the_gin_indexes_as_they_were(committed_reference_data, transactional_db,
                                                                  tmp_path):
    build_corpus(tmp_path, 9, settings.CORPUS_DIR)
    seen = {}
    importer = Importer(workers=1)
    original = importer._write_batch

    def spy(batch):
        seen.update(_gin_options())
        return original(batch)

    importer._write_batch = spy
    summary = importer.import_paths([tmp_path])
    assert summary.count("added") == 9
    assert set(seen) == set(GIN_INDEXES)
    assert all(opts == ["fastupdate=on"] for opts in seen.values()), seen
    after = _gin_options()
    assert all(opts == ["fastupdate=off"] for opts in after.values()), after
    # what was imported is found through the index at once
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SELECT count(*) FROM measures_measure WHERE search_vector @@ '知识 <2> 产权'::tsquery")
        found = cursor.fetchone()[0]
        cursor.execute("RESET enable_seqscan")
    assert found > 0


@pytest.mark.django_db
def test_the_command_records_a_batch_of_original_files_at_once(tmp_path):
    from measures.ingest import service as ingest
    from measures.models import SourceFile

    build_corpus(tmp_path, 6, settings.CORPUS_DIR)
    (tmp_path / "bench_000001.txt.url").write_text("https://www.example.gov.cn/1.html\n", encoding="utf-8")
    calls = []
    original = ingest.record_files

    def counted(entries, **kwargs):
        with CaptureQueriesContext(connection) as ctx:
            original(entries, **kwargs)
        calls.append((len(entries), len(ctx.captured_queries)))

    ingest.record_files = counted
    try:
        call_command("import_documents", str(tmp_path), "--no-progress", "--workers", "1", "--excerpt")
    finally:
        ingest.record_files = original
    assert calls == [(6, calls[0][1])] and calls[0][1] <= 8, calls  # one batch: a few statements
    assert SourceFile.objects.count() == 6
    doc = Document.objects.get(source="bench_000001.txt")
    assert doc.source_url == "https://www.example.gov.cn/1.html" and doc.excerpt and doc.parser_version
    f = SourceFile.objects.get(document=doc)
    assert f.name == "bench_000001.txt" and f.size == (tmp_path / "bench_000001.txt").stat().st_size
    assert all(d.excerpt and d.parser_version for d in Document.objects.all())
