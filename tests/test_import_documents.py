"""manage.py import_documents and parse_document: idempotent loading, and bad
input reported and skipped, never half-imported."""
import io
import json
import shutil

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from measures.models import Document, Measure, Target

pytestmark = pytest.mark.django_db
SEED = settings.CORPUS_DIR / "001_07ffb3bb428a376c.txt"


def run_import(*paths):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_documents", *map(str, paths), "--no-progress", stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        code = exc.returncode
    return code, out.getvalue(), err.getvalue()


def test_corpus_imports_once_and_rerun_changes_nothing():
    code, out, _ = run_import(settings.CORPUS_DIR)
    assert code == 0 and "added 5" in out and "failed 0" in out
    counts = (Document.objects.count(), Measure.objects.count(), Target.objects.count())
    assert counts[0] == 5 and counts[1] >= 130 and counts[2] >= 30
    code, out, _ = run_import(settings.CORPUS_DIR)
    assert code == 0 and "unchanged 5" in out and "added 0" in out
    assert (Document.objects.count(), Measure.objects.count(), Target.objects.count()) == counts


def test_new_version_of_a_file_updates_the_same_document(tmp_path):
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    run_import(path)
    doc = Document.objects.get(source=SEED.name)
    path.write_text(SEED.read_text(encoding="utf-8").replace("不低于84分", "不低于86分"), encoding="utf-8")
    code, out, _ = run_import(path)
    assert code == 0 and "updated 1" in out
    assert Document.objects.get(source=SEED.name).pk == doc.pk
    assert doc.targets.filter(metric__contains="满意度", value=86).exists()
    assert not doc.targets.filter(metric__contains="满意度", value=84).exists()


def test_broken_files_are_reported_and_skipped(tmp_path):
    shutil.copy(SEED, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"%PDF-1.7\x00\x01\x02" * 200)
    (tmp_path / "no-measures.txt").write_text("这是一段没有任何编号条目的普通文字。" * 5, encoding="utf-8")
    code, out, err = run_import(tmp_path)
    assert code != 0
    assert "added 2" in out and "failed 2" in out
    for name in ("empty.txt", "binary.txt"):
        assert name in err
    # a text without numbered measures is not refused: it loads with the parser's warning, for an editor
    assert sorted(Document.objects.values_list("source", flat=True)) == ["good.txt", "no-measures.txt"]
    doc = Document.objects.get(source="no-measures.txt")
    assert doc.parse_warnings and not doc.measures.exists() and doc.needs_review


def test_a_file_the_database_refuses_is_not_half_imported(tmp_path, monkeypatch):
    import measures.parsing as parsing

    real = parsing.parse_document

    def parse_with_bad_target(data, *, source, knowledge=None):
        result = real(data, source=source, knowledge=knowledge)
        result["targets"].append({"measure": None, "metric": "坏目标", "comparator": ">=", "value": 1,
                                  "unit": "件", "year": 99999, "quote": "坏目标"})
        return result

    monkeypatch.setattr(parsing, "parse_document", parse_with_bad_target)
    shutil.copy(SEED, tmp_path / "refused.txt")
    code, _, err = run_import(tmp_path / "refused.txt")
    assert code != 0 and "refused.txt" in err
    assert not Document.objects.exists() and not Measure.objects.exists() and not Target.objects.exists()


def test_oversized_file_is_refused_without_reading_it_whole(tmp_path, monkeypatch):
    from measures.parsing import text

    monkeypatch.setattr(text, "MAX_FILE_BYTES", 1000)
    shutil.copy(SEED, tmp_path / "big.txt")
    code, _, err = run_import(tmp_path / "big.txt")
    assert code != 0 and "文件过大" in err
    assert not Document.objects.exists()


def test_missing_path_fails_clearly(tmp_path):
    code, _, err = run_import(tmp_path / "nope.txt")
    assert code != 0 and "nope.txt" in err


def test_parse_document_prints_json_and_touches_no_database(tmp_path, django_assert_num_queries):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = io.StringIO()
    with django_assert_num_queries(0):
        call_command("parse_document", "--json", str(SEED), str(tmp_path / "empty.txt"), stdout=out)
    result = json.loads(out.getvalue())
    assert [r["source"] for r in result] == [SEED.name, "empty.txt"]
    assert result[0]["document"]["city"] == "沈阳市" and len(result[0]["measures"]) == 16
    assert "error" in result[1]


def test_reparse_brings_a_new_parse_to_loaded_files_and_keeps_corrections(tmp_path):
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    run_import(path)
    doc = Document.objects.get(source=SEED.name)
    first, second = doc.measures.order_by("ordinal")[:2]
    parser_title = first.title
    # as if an older parser had said something else for the first measure …
    first.title = "旧版解析的标题"
    first.parsed = {**first.parsed, "title": "旧版解析的标题"}
    first.save()
    Document.objects.filter(pk=doc.pk).update(parsed={**doc.parsed, "fingerprint": "an older parser's output"})
    # … and an editor corrected the second
    second.title = "编辑修改的标题"
    second.save()
    code, out, _ = run_import(path)
    assert code == 0 and "unchanged 1" in out
    assert doc.measures.get(pk=first.pk).title == "旧版解析的标题"
    out = io.StringIO()
    call_command("import_documents", str(path), "--no-progress", "--reparse", stdout=out)
    assert "updated 1" in out.getvalue()
    assert doc.measures.get(pk=first.pk).title == parser_title
    assert doc.measures.get(pk=second.pk).title == "编辑修改的标题"
    assert Document.objects.count() == 1


def test_the_command_works_outside_any_transaction(committed_reference_data, transactional_db, tmp_path):
    """As ./serve.sh and the container run it: no test transaction around it (row locks and all)."""
    shutil.copy(SEED, tmp_path / SEED.name)
    (tmp_path / "copy.txt").write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes())
    code, out, err = run_import(tmp_path)
    assert code == 0, err
    assert "added 1" in out and "duplicate 1" in out
    code, out, err = run_import(tmp_path, "--reparse")
    assert code == 0 and "unchanged 1" in out, err
