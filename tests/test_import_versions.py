"""New versions and re-parses: a corrected re-issue (same title, issuer and 文号,
other text) updates its document and keeps editors' corrections; an older
version arriving later changes nothing; re-parsing an unchanged parse writes
nothing."""
import pytest
from django.conf import settings

from measures import services
from measures.importer import ADDED, DUPLICATE, UNCHANGED, UPDATED, Importer
from measures.models import Document, Measure, Target

pytestmark = pytest.mark.django_db

SEED = settings.CORPUS_DIR / "001_07ffb3bb428a376c.txt"  # 沈政发〔2024〕8号, signed 2024年7月9日
V1 = SEED.read_text("utf-8")
V2 = V1.replace("不低于84分", "不低于86分").replace("2024年7月9日", "2024年9月9日")


def history_rows() -> int:
    return Document.history.count() + Measure.history.count() + Target.history.count()


def import_folder(folder, **kwargs):
    return {r.path.rsplit("/", 1)[-1]: r for r in Importer(workers=1, **kwargs).import_paths([folder]).results}


def test_a_corrected_reissue_under_another_name_is_a_new_version(tmp_path, editor):
    (tmp_path / "a_notice.txt").write_text(V1, encoding="utf-8")
    first = import_folder(tmp_path)["a_notice.txt"]
    assert first.status == ADDED
    doc = Document.objects.get(pk=first.document_id)
    corrected = doc.measures.order_by("ordinal")[1]
    corrected.title = "编辑修改的标题"
    services.save_measure(corrected, user=editor)

    (tmp_path / "b_reissue.txt").write_text(V2, encoding="gb18030")
    results = import_folder(tmp_path)
    assert results["a_notice.txt"].status == UNCHANGED
    assert results["b_reissue.txt"].status == UPDATED and results["b_reissue.txt"].document_id == doc.pk
    assert Document.objects.count() == 1
    doc.refresh_from_db()
    assert doc.source == "b_reissue.txt" and doc.encoding == "gb18030"
    assert doc.targets.filter(metric__contains="满意度", value=86).exists()
    assert Measure.objects.get(pk=corrected.pk).title == "编辑修改的标题"

    # both files stay in the folder: the old one is the document's earlier version, nothing flips back
    rows = history_rows()
    for _ in range(2):
        results = import_folder(tmp_path)
        assert results["a_notice.txt"].status == DUPLICATE and "旧版本" in results["a_notice.txt"].reason
        assert results["b_reissue.txt"].status == UNCHANGED
    assert history_rows() == rows
    assert Document.objects.get(pk=doc.pk).targets.filter(value=86).exists()


def test_an_older_version_arriving_later_is_recorded_not_applied(tmp_path):
    (tmp_path / "new.txt").write_text(V2, encoding="utf-8")
    doc_id = import_folder(tmp_path)["new.txt"].document_id
    (tmp_path / "old.txt").write_text(V1, encoding="utf-8")
    rows = history_rows()
    result = import_folder(tmp_path)["old.txt"]
    assert (result.status, result.document_id) == (DUPLICATE, doc_id) and "旧版本" in result.reason
    assert Document.objects.count() == 1 and Document.objects.get(pk=doc_id).source == "new.txt"
    assert Target.objects.filter(document_id=doc_id, value=86).exists()
    assert history_rows() == rows
    assert import_folder(tmp_path)["old.txt"].status == DUPLICATE


def test_different_documents_sharing_a_title_without_a_doc_number_stay_apart(tmp_path):
    text = V1.replace("沈政发〔2024〕8号", "")
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    (tmp_path / "two.txt").write_text(text.replace("不低于84分", "不低于90分"), encoding="utf-8")
    results = import_folder(tmp_path)
    assert [r.status for r in results.values()] == [ADDED, ADDED]


def test_reparse_of_an_unchanged_parse_writes_nothing(tmp_path):
    for path in settings.CORPUS_DIR.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    assert {r.status for r in import_folder(tmp_path).values()} == {ADDED}
    rows = history_rows()
    updated = set(Measure.objects.values_list("pk", "updated_at"))
    for _ in range(2):
        results = import_folder(tmp_path, reparse=True)
        assert {r.status for r in results.values()} == {UNCHANGED}
    assert history_rows() == rows
    assert set(Measure.objects.values_list("pk", "updated_at")) == updated
