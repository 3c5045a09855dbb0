"""One decoding step, one document per text.

The bad-input corpus of the parser tests (GBK, truncated, pinyin glosses, HTML
pages, Traditional script, task tables, joined pages …) plus UTF-16, Big5
without a declared charset, a Big5 page that declares it, and one text in
five encodings and names: every good file is in the database exactly once,
with its source text decoded right; bad files fail with nothing written;
files of other formats are skipped with the reason; a second run changes
nothing.
"""
import io

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from measures.importer import ADDED, DUPLICATE, UNCHANGED, Importer, text_hash
from measures.models import Document, Measure
from measures.parsing import decode_bytes

pytestmark = pytest.mark.django_db

DATA = settings.BASE_DIR / "tests" / "parsing" / "data"
SEEDS = sorted(settings.CORPUS_DIR.glob("*.txt"))
TRADITIONAL = (DATA / "traditional.txt").read_text("utf-8")
BIG5_TEXT = TRADITIONAL.replace("臺北", "臺中")  # not the same text as traditional.txt


def run_import(*paths, verbosity=1, extra=()):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_documents", *map(str, paths), "--no-progress", *extra, verbosity=verbosity,
                     stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        code = exc.returncode
    return code, out.getvalue(), err.getvalue()


def big5_page(text: str) -> bytes:
    body = "".join(f"<p>{line}</p>\n" for line in text.splitlines())
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">'
            f'<title>{text.splitlines()[0]}</title></head><body><div class="content">\n{body}</div></body></html>')
    return page.encode("cp950")


@pytest.fixture
def corpus(tmp_path):
    """folder → (good files, bad files, skipped files, files that repeat a text of another file)."""
    folder = tmp_path / "in"
    folder.mkdir()
    good, bad, skipped, repeats = [], [], [], []

    def put(name, data, kind):
        (folder / name).write_bytes(data)
        kind.append(name)

    # the parser's bad-input corpus, as it is
    for path in sorted(DATA.glob("*.*")) + sorted((DATA / "variants").glob("*.*")):
        put(f"{path.parent.name}_{path.name}", path.read_bytes(), good)
    # UTF-16 with a BOM (once refused: "PostgreSQL text fields cannot contain NUL")
    put("utf16_bom.txt", SEEDS[1].read_text("utf-8").encode("utf-16"), good)
    # Big5 without any declared charset, and a Big5 page that declares it
    put("big5_plain.txt", BIG5_TEXT.encode("cp950"), good)
    page_text = TRADITIONAL.replace("臺北", "高雄")  # another text again
    put("big5_page.html", big5_page(page_text), good)
    # one text, five ways: UTF-8, GBK, GB18030, UTF-8 with BOM and CRLF, another name
    text = SEEDS[4].read_text("utf-8")  # a seed GBK can encode
    put("same_utf8.txt", text.encode("utf-8"), good)
    put("same_gbk.txt", text.encode("gbk"), repeats)
    put("same_gb18030.txt", text.encode("gb18030"), repeats)
    put("same_bom_crlf.txt", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"), repeats)
    put("same_other_name.txt", text.replace("\n", "  \n").encode("utf-8"), repeats)  # trailing spaces too
    # not text: refused with a reason, nothing written
    put("empty.txt", b"", bad)
    put("blank.txt", b" \r\n\t \n", bad)
    put("pdf_named_txt.txt", b"%PDF-1.7\x00\x01\x02" * 200, bad)
    put("control_bytes.txt", b"\x00\x01\x02\x03" * 300, bad)
    # formats that are no policy text, in the folder: skipped, each with its reason
    put("budget.xlsx", b"PK\x03\x04 ...", skipped)
    put("photo.jpg", b"\xff\xd8\xff\xe0 ...", skipped)
    return folder, good, bad, skipped, repeats


def expected_digests(folder, names):
    return {text_hash(decode_bytes((folder / name).read_bytes()).text) for name in names}


def test_every_good_file_is_in_exactly_once(corpus):
    folder, good, bad, skipped, repeats = corpus
    code, out, err = run_import(folder, verbosity=2)

    assert code != 0  # the bad files failed
    digests = expected_digests(folder, good)
    assert len(digests) == len(good), "the good files are distinct texts"
    assert set(Document.objects.values_list("content_hash", flat=True)) == digests
    assert Document.objects.count() == len(good)
    for name in good + repeats:
        assert f"{name} [" in out, f"{name}: no per-file line with its encoding"
    for name in bad:
        assert name in err
    for name in skipped:
        assert f"{name}: 暂不支持的格式 .{name.rsplit('.', 1)[1]}" in err
    assert (f"added {len(good)}, updated 0, unchanged 0, duplicate {len(repeats)}, skipped {len(skipped)}, "
            f"failed {len(bad)}") in out
    encodings = next(line for line in out.splitlines() if line.startswith("编码 (encodings)"))
    for enc in ("utf-8", "gb18030", "utf-16-le", "cp950"):
        assert enc in encodings

    # no NUL, no markup, no mojibake in any stored source text
    for doc in Document.objects.all():
        assert "\x00" not in doc.raw_text and "<p>" not in doc.raw_text and "\ufffd" not in doc.raw_text
    utf16 = Document.objects.get(source="utf16_bom.txt")
    assert utf16.encoding == "utf-16-le"
    utf8_twin = Importer(workers=1).knowledge  # the same text as UTF-8 parses to as many measures
    from measures.parsing import parse_document

    assert utf16.measures.count() == len(parse_document(SEEDS[1].read_bytes(), source="x",
                                                        knowledge=utf8_twin)["measures"]) > 0
    plain = Document.objects.get(source="big5_plain.txt")
    assert plain.encoding in ("cp950", "big5hkscs") and "臺中市推動智慧財產權" in plain.raw_text
    page = Document.objects.get(source="big5_page.html")
    assert page.encoding == "cp950" and "高雄市推動智慧財產權" in page.raw_text and "<" not in page.raw_text
    same = Document.objects.get(content_hash=text_hash(SEEDS[4].read_text("utf-8")))
    assert same.source == "same_bom_crlf.txt" and same.encoding == "utf-8"  # the first of the five, sorted

    # a second run changes nothing
    counts = (Document.objects.count(), Measure.objects.count(), Document.history.count(), Measure.history.count())
    code, out, err = run_import(folder)
    assert f"added 0, updated 0, unchanged {len(good)}, duplicate {len(repeats)}" in out
    assert (Document.objects.count(), Measure.objects.count(), Document.history.count(),
            Measure.history.count()) == counts


def test_the_same_text_in_another_encoding_later_is_a_duplicate(tmp_path):
    text = SEEDS[0].read_text("utf-8")
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    first = Importer(workers=1).import_paths([tmp_path / "a.txt"]).results[0]
    assert first.status == ADDED
    (tmp_path / "b.txt").write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    again = Importer(workers=1).import_paths([tmp_path / "b.txt"]).results[0]
    assert (again.status, again.document_id, again.encoding) == (DUPLICATE, first.document_id, "gb18030")
    assert "a.txt" in again.reason
    # the same file name with the same text in another encoding is the same file: unchanged
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert Importer(workers=1).import_paths([tmp_path / "a.txt"]).results[0].status == UNCHANGED
    assert Document.objects.count() == 1


def test_documents_loaded_before_text_identity_are_recognised(tmp_path):
    """Rows whose content_hash is the SHA-256 of the bytes (and whose HTML source text is markup)."""
    import hashlib

    data = big5_page(TRADITIONAL)
    (tmp_path / "page.html").write_bytes(data)
    result = Importer(workers=1).import_paths([tmp_path]).results[0]
    Document.objects.filter(pk=result.document_id).update(
        content_hash=hashlib.sha256(data).hexdigest(), encoding="", raw_text=data.decode("cp950"))
    history = Document.history.count()
    again = Importer(workers=1).import_paths([tmp_path]).results[0]
    assert (again.status, again.document_id) == (UNCHANGED, result.document_id)
    doc = Document.objects.get(pk=result.document_id)
    assert doc.content_hash == text_hash(decode_bytes(data).text) and doc.encoding == "cp950"
    assert "<p>" not in doc.raw_text and "臺北市推動智慧財產權" in doc.raw_text
    assert Document.history.count() == history


def test_bulk_loaded_measures_carry_the_derived_data_the_diffusion_service_computes(tmp_path):
    """New documents get their measures' specificity flags and text fingerprints with the rows
    (computed in the workers); recomputing them with measures.services_diffusion changes nothing."""
    from measures.models import MeasureFingerprint
    from measures.services_diffusion import refresh_measures

    summary = Importer(workers=2).import_paths([settings.CORPUS_DIR])
    assert summary.count(ADDED) == len(SEEDS)
    fields = ["flag_target", "flag_deadline", "flag_unit", "flag_lead", "flag_money", "specificity",
              "specificity_auto"]

    def snapshot():
        return (sorted(Measure.objects.values_list("pk", *fields)),
                sorted(MeasureFingerprint.objects.values_list("measure_id", "document_id", "bands", "terms",
                                                              "weights")))

    before = snapshot()
    assert len(before[1]) == Measure.objects.count() and any(row[6] for row in before[0])
    refresh_measures(Measure.objects.values_list("pk", flat=True))
    assert snapshot() == before


def test_worker_processes_prepare_exactly_what_the_writer_would(tmp_path, settings):
    from measures.importer import POOL_MIN_FILES, prepare_file

    for i, path in enumerate(SEEDS * 2):  # enough files for the pool
        (tmp_path / f"{i:02d}_{path.name}").write_bytes(path.read_bytes() + f"\n（{i}）\n".encode())
    files = sorted(tmp_path.iterdir())
    assert len(files) >= POOL_MIN_FILES
    importer = Importer(workers=2)
    pooled = list(importer._prepare_all(files))
    serial = [prepare_file(path, importer.knowledge, frozenset()) for path in files]
    assert [p.label for p in pooled] == [str(f) for f in files]
    assert pooled == serial


def test_search_vectors_written_by_the_import_equal_a_reindex(tmp_path):
    from django.db import connection

    from measures.search.index import update_search_vectors

    for i, path in enumerate(SEEDS * 2):
        (tmp_path / f"{i:02d}_{path.name}").write_bytes(path.read_bytes() + f"\n（{i}）\n".encode())
    summary = Importer(workers=2).import_paths([tmp_path])
    # a copy with a 文号 is a new version of its seed (same title, issuer and 文号): updated in place
    assert summary.count(ADDED) + summary.count("updated") == 2 * len(SEEDS) and not summary.failed

    def vectors():
        with connection.cursor() as cur:
            cur.execute("SELECT id, search_vector::text, title_vector::text, facet_vector::text "
                        "FROM measures_measure ORDER BY id")
            return cur.fetchall()

    written = vectors()
    assert written and all(row[1] for row in written)
    update_search_vectors([row[0] for row in written])
    assert vectors() == written


def test_a_worker_that_dies_does_not_lose_files(tmp_path, monkeypatch):
    """A worker killed mid-run (out of memory, kill -9): the remaining files are read by the writer."""
    import os
    import signal

    import measures.importer as importer_module

    for i, path in enumerate(SEEDS * 2):
        (tmp_path / f"{i:02d}_{path.name}").write_bytes(path.read_bytes() + f"\n（{i}）\n".encode())
    real = importer_module.prepare_file
    parent = os.getpid()

    def dying(path, *args, **kwargs):
        if os.getpid() != parent and str(path).endswith("03_003_c6c5b8a643bcdb17.txt"):
            os.kill(os.getpid(), signal.SIGKILL)  # in a worker only
        return real(path, *args, **kwargs)

    monkeypatch.setattr(importer_module, "prepare_file", dying)
    summary = Importer(workers=2).import_paths([tmp_path])
    assert not summary.failed and len(summary.results) == 2 * len(SEEDS)
    assert summary.count(ADDED) + summary.count("updated") == 2 * len(SEEDS)


def test_no_worker_is_forked_while_another_thread_runs(tmp_path, monkeypatch):
    """A fork copies the locks of the process's other threads (a live server's request threads and
    their database sockets): with another thread alive the import parses in place, with the same
    result."""
    import threading

    import concurrent.futures

    from measures.importer import POOL_MIN_FILES, fork_is_safe, prepare_file

    for i, path in enumerate(SEEDS * 2):
        (tmp_path / f"{i:02d}_{path.name}").write_bytes(path.read_bytes() + f"\n（{i}）\n".encode())
    files = sorted(tmp_path.iterdir())
    assert len(files) >= POOL_MIN_FILES
    assert fork_is_safe()  # this test process alone: the pool test above does fork

    def no_pool(*args, **kwargs):
        raise AssertionError("a worker pool was started beside another thread")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert not fork_is_safe()
        importer = Importer(workers=2)
        prepared = list(importer._prepare_all(files))
    finally:
        stop.set()
        other.join()
    assert prepared == [prepare_file(path, importer.knowledge, frozenset()) for path in files]
