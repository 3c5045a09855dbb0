"""The importer's binary tsvectors (index.build_vectors_binary, facet_vector_binary, written by a
binary COPY) store the same tsvectors as the literals the rest of the portal writes."""
import pytest
from django.conf import settings
from django.db import connection, transaction

from measures.importer import _copy
from measures.models import Measure
from measures.search import index

pytestmark = pytest.mark.django_db

LONG = "加强知识产权保护，完善快速协同保护机制。" * 900   # past MAX_POS: positions clamped
CASES = [
    ("加强知识产权保护", "完善知识产权快速协同保护机制，推进专利侵权纠纷行政裁决，到2025年建成3个保护中心。"),
    (None, "市市场监管局牵头，各区县人民政府配合；知识产权质押融资登记金额达到50亿元。"),
    ("智慧財產權保護", "加強智慧財產權保護，完善專利審查制度 ABC123 與 abc 的智慧城市建設。"),  # two foldings
    ("", "知识产权" * 300),   # a lexeme with more than MAX_POSITIONS positions
    ("长文本", LONG),
]


def _stored(values):
    """What PostgreSQL stores for each value (a literal or index.BinaryTsvector), as text."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE tsv_check (i int, v tsvector)")
        try:
            rows = [(i, v) for i, v in enumerate(values)]
            if isinstance(values[0], index.BinaryTsvector):
                _copy(_TempModel, ["i", "v"], rows, ["int4", "tsvector"])
            else:
                _copy(_TempModel, ["i", "v"], rows)
            cursor.execute("SELECT v::text FROM tsv_check ORDER BY i")
            return [r[0] for r in cursor.fetchall()]
        finally:
            cursor.execute("DROP TABLE tsv_check")


class _TempModel:
    class _meta:
        db_table = "tsv_check"


def test_binary_search_and_title_vectors_store_the_same_tsvectors():
    literal, binary = [], []
    for title, text in CASES:
        literal += list(index.build_vectors(title, text, {}))
        binary += list(index.build_vectors_binary(title, text, {}))
    assert all(isinstance(v, index.BinaryTsvector) for v in binary)
    stored = _stored(literal)
    assert _stored(binary) == stored
    assert "'知识产权'" in stored[0] and ":1A" in stored[0]      # the title's weight kept
    assert stored[3] == ""                                          # no title: an empty vector
    assert stored[6].count(",") >= 255                              # the positions' cap


def test_binary_facet_vector_stores_the_same_tsvector():
    values = dict(province_id=5, city_id=None, bucket=77, year=2024, themes=["creation", "funding"],
                  ip_types=["patent"], units=[(3, "lead"), (9, "support")], issuer="某某市'人民\\政府 办公室",
                  title="关于印发某某市知识产权保护实施方案的通知")
    stored = _stored([index.facet_vector(**values)])
    assert _stored([index.facet_vector_binary(**values)]) == stored
    assert "'o:某某市''人民\\\\政府 办公室'" in stored[0] and "'s:q19'" in stored[0]


def test_a_literal_is_refused_by_the_binary_copy():
    with pytest.raises(Exception, match="BinaryTsvector"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE tsv_check (i int, v tsvector)")
        _copy(_TempModel, ["i", "v"], [(0, "'a':1")], ["int4", "tsvector"])


def test_the_importer_writes_measures_with_binary_vectors(tmp_path):
    from measures.importer import Importer

    from measures.management.commands.bench_import import build_corpus

    build_corpus(tmp_path, 2, settings.CORPUS_DIR)
    Importer(workers=1).import_paths([tmp_path])
    rows = list(Measure.objects.values_list("title", "text", "search_vector", "title_vector"))
    assert len(rows) > 20
    for title, text, search_vector, title_vector in rows:
        expected = _stored(list(index.build_vectors(title, text, {})))
        assert [str(search_vector), str(title_vector or "")] == expected
