"""An import warms the search's kept counts again (measures.search.warm): any write to the measures or
documents leaves every kept count unread, so import_documents counts the main filter states at its end
and the admin's import page has a thread count them once its writes are committed; a failure there is
logged, never the import's. An edit in the admin (measures.admin.WarmsSearchCountsMixin) has the same
thread count them once it is committed. Outside a test transaction, as a serving process runs: the
rows are committed, the statistics counters move."""
import io
import logging
import re
import threading

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures import selectors
from measures.ingest import samples as makedocs
from measures.models import Document, Measure, Theme
from measures.search import totals, warm
from measures.selectors import measure_search
from tests.editors.conftest import admin_form_data


POLICY = """某市知识产权保护工作实施方案
为加强知识产权保护，优化营商环境，结合我市实际，制定本方案。
一、加强知识产权行政保护
（一）开展专项执法行动。严厉打击商标侵权、假冒专利等违法行为，到2025年，查办侵权假冒案件不少于200件。（责任单位：市市场监管局、市公安局）
（二）完善快速维权机制。建设知识产权快速维权中心，全面推进知识产权纠纷多元化解。（责任单位：市市场监管局）
二、强化知识产权司法保护
（三）推进繁简分流。完善技术调查官制度，知识产权民事一审案件平均审理周期缩短至120天以内。（责任单位：市中级人民法院）
"""
SEED = settings.CORPUS_DIR / "001_07ffb3bb428a376c.txt"
OTHER = settings.CORPUS_DIR / "002_d55733f8a75cea65.txt"


@pytest.fixture
def shared(committed_reference_data, transactional_db):
    """No test transaction (each test's rows committed, every table emptied after it: the reference data
    is put back after that, committed_reference_data) and no kept counts at the start."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {totals.SHARED_TABLE}")
    totals.clear()
    selectors._names.clear()   # (the process's copy of the places' names: an earlier test's flush emptied them)
    yield
    assert warm.wait(60)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {totals.SHARED_TABLE}")
    totals.clear()


def _counting(queries) -> list:
    """The statements that count measures (not those reading the kept counts or the fingerprint)."""
    return [q["sql"] for q in queries if "measures_measure" in q["sql"] and "count(" in q["sql"].lower()
            and totals.SHARED_TABLE not in q["sql"] and "pg_stat_all_tables" not in q["sql"]]


def _import(*args) -> str:
    out = io.StringIO()
    call_command("import_documents", *map(str, args), "--no-progress", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _as_another_process_reads_it(params=None):
    """The list's count and facets as a fresh process finds them (nothing in memory), and the statements
    that counted measures for them."""
    totals.clear()
    selectors._names.clear()
    with CaptureQueriesContext(connection) as queries:
        result = measure_search(params=params or {})
    return result, _counting(queries.captured_queries)


def _read_whole(params=None):
    """The same list counted in SQL, every row read (no kept counts)."""
    old = totals.PLAIN_COUNTS
    totals.PLAIN_COUNTS = False
    try:
        return measure_search(params=params or {})
    finally:
        totals.PLAIN_COUNTS = old


def test_the_import_command_warms_the_counts_its_writes_left_unread(shared):
    """After an import, the state without filters (and one theme's) is kept under the tables' new
    fingerprint: a fresh process reads it without counting, and it is the count read whole."""
    out = _import(SEED)
    assert "added 1" in out and Measure.objects.exists()
    for params in ({}, {"theme": Measure.objects.filter(themes__isnull=False).values_list(
            "themes__code", flat=True).first()}):
        kept, counting = _as_another_process_reads_it(params)
        assert not counting, (params, counting)
        whole = _read_whole(params)
        assert (kept.count, kept.facets) == (whole.count, whole.facets), params
    assert kept.count == Measure.objects.filter(themes__code=params["theme"]).count()
    assert "检索计数已预热 (search counts warmed)" in out
    # a second import: its writes move the fingerprint again, and the counts follow them
    before = Measure.objects.count()
    _import(OTHER)
    kept, counting = _as_another_process_reads_it()
    assert not counting and kept.count == Measure.objects.count() > before


def test_no_warm_leaves_the_counts_to_the_first_request(shared):
    out = _import(SEED, "--no-warm")
    assert "added 1" in out and "检索计数" not in out
    kept, counting = _as_another_process_reads_it()
    assert counting and kept.count == Measure.objects.count()


def test_an_import_that_writes_nothing_counts_nothing_again(shared):
    _import(SEED, "--no-warm")
    out = _import(SEED)
    assert "unchanged 1" in out and "检索计数" not in out


def test_a_failing_warm_up_is_logged_and_never_fails_the_import(shared, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(warm, "warm", broken)
    with caplog.at_level(logging.ERROR, logger="measures.search.warm"):
        out = _import(SEED)
    assert "added 1" in out and Document.objects.count() == 1
    assert "warming the search counts after an import or an edit failed" in caplog.text
    kept, counting = _as_another_process_reads_it()   # nothing lost: counted when asked
    assert counting and kept.count == Measure.objects.count()


def test_the_admin_import_warms_the_counts_in_a_thread_after_commit(shared, editor_client):
    """The import page returns at once; a thread of the process counts the states once the writes are
    committed."""
    url = "/admin/measures/document/import/"
    pdf = makedocs.pdf_from_text(POLICY)
    response = editor_client.post(url, {"step": "preview", "files": [
        SimpleUploadedFile("某市实施方案.pdf", pdf, content_type="application/pdf")]})
    html = response.content.decode()
    batch = re.search(r'name="batch" value="([0-9a-f]+)"', html).group(1)
    selected = re.findall(r'name="selected" value="(\d+)"', html)
    done = editor_client.post(url, {"step": "import", "batch": batch, "selected": selected}, follow=True)
    assert "已新增" in done.content.decode()
    assert warm.wait(60)
    kept, counting = _as_another_process_reads_it()
    assert not counting, counting
    assert kept.count == Measure.objects.count() == 3
    assert kept.facets == _read_whole().facets


def test_imports_committed_while_the_thread_counts_have_it_count_once_more(shared, monkeypatch):
    """One warm-up thread a process: imports committed while it counts have it run once more, not once each."""
    runs, started, release = [], threading.Event(), threading.Event()

    def slow(**kwargs):
        runs.append(1)
        started.set()
        release.wait(10)
        return True

    monkeypatch.setattr(warm, "after_import", slow)
    warm.in_background()
    assert started.wait(10)
    warm.in_background()
    warm.in_background()
    release.set()
    assert warm.wait(10)
    assert len(runs) == 2


# --- an edit in the admin ------------------------------------------------------------------------

def _change(obj) -> str:
    return f"/admin/measures/{obj._meta.model_name}/{obj.pk}/change/"


@pytest.fixture
def scheduled(monkeypatch):
    """The warm-ups an edit asked for (warm.in_background's calls, nothing counted)."""
    calls = []
    monkeypatch.setattr(warm, "in_background", lambda **options: calls.append(options))
    return calls


def test_an_edit_in_the_admin_warms_the_counts_in_a_thread_after_commit(shared, editor_client):
    """An editor's fix moves the tables' fingerprint, which leaves every kept count unread; the change
    page has the warm-up thread count them again once the edit is committed: a fresh process reads the
    state without filters and the edited theme's with no counting statement, equal to the counts read
    whole and following the edit."""
    _import(SEED)                       # counted and kept under the tables' fingerprint of the import
    assert warm.wait(60)
    kept, counting = _as_another_process_reads_it()
    assert not counting
    measure = Measure.objects.exclude(themes__code="judicial").order_by("pk").first()
    judicial = Measure.objects.filter(themes__code="judicial").count()

    data = admin_form_data(editor_client.get(_change(measure)))
    data["title"] = "编辑修正的标题"
    data["themes"] = [str(Theme.objects.get(code="judicial").pk)]
    assert editor_client.post(_change(measure), data).status_code == 302
    assert warm.wait(60)
    for params in ({}, {"theme": "judicial"}):
        kept, counting = _as_another_process_reads_it(params)
        assert not counting, (params, counting)
        whole = _read_whole(params)
        assert (kept.count, kept.facets) == (whole.count, whole.facets), params
    assert kept.count == judicial + 1


def test_a_delete_in_the_admin_warms_the_counts(shared, editor_client):
    _import(SEED, "--no-warm")
    measure = Measure.objects.order_by("pk").first()
    response = editor_client.post(f"/admin/measures/measure/{measure.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not Measure.objects.filter(pk=measure.pk).exists()
    assert warm.wait(60)
    kept, counting = _as_another_process_reads_it()
    assert not counting, counting
    assert kept.count == Measure.objects.count() and kept.facets == _read_whole().facets


def test_an_edit_schedules_one_warm_up_and_one_that_fails_validation_none(shared, editor_client, scheduled):
    _import(SEED, "--no-warm")
    measure = Measure.objects.order_by("pk").first()
    data = admin_form_data(editor_client.get(_change(measure)))
    refused = editor_client.post(_change(measure), {**data, "text": ""})
    assert refused.status_code == 200 and refused.context["adminform"].form.errors
    assert scheduled == []
    # the same page saved (the measure, its units' inline, the reindexing): one warm-up for the request
    assert editor_client.post(_change(measure), {**data, "title": "编辑修正的标题"}).status_code == 302
    assert scheduled == [{}]
    # an action that asks first schedules nothing until it is applied; a document's save, one more
    changelist = "/admin/measures/measure/"
    action = {"action": "set_theme", "_selected_action": [measure.pk], "index": "0"}
    asked = editor_client.post(changelist, action)
    assert asked.status_code == 200 and len(scheduled) == 1
    applied = editor_client.post(changelist, {**action, "apply": "1", "replace": "0",
                                              "theme": Theme.objects.get(code="judicial").pk})
    assert applied.status_code == 302 and len(scheduled) == 2
    document = measure.document
    data = admin_form_data(editor_client.get(_change(document)))
    assert editor_client.post(_change(document), {**data, "title": "编辑修正的文件标题"}).status_code == 302
    assert len(scheduled) == 3


def test_a_revert_schedules_the_warm_up_after_its_reindexing(shared, editor_client, scheduled, monkeypatch):
    """simple-history's revert is not in a transaction of its own; made one, the warm-up starts after the
    measure is reindexed (a later write would move the fingerprint the thread had warmed under)."""
    from django.urls import reverse

    from measures import services

    _import(SEED, "--no-warm")
    measure = Measure.objects.order_by("pk").first()
    version = measure.history.order_by("history_date", "history_id").last()
    data = admin_form_data(editor_client.get(_change(measure)))
    assert editor_client.post(_change(measure), {**data, "title": "错误的修改"}).status_code == 302
    events = []
    edited = services.measure_edited
    monkeypatch.setattr(services, "measure_edited", lambda *a: events.append("reindexed") or edited(*a))
    monkeypatch.setattr(warm, "in_background", lambda **options: events.append("warm-up"))
    url = reverse("admin:measures_measure_simple_history", args=[measure.pk, version.history_id])
    assert editor_client.post(url, admin_form_data(editor_client.get(url))).status_code == 302
    measure.refresh_from_db()
    assert measure.title != "错误的修改"
    assert events == ["reindexed", "warm-up"]


def test_edits_in_a_test_transaction_start_no_thread(db, editor_client, scheduled):
    """Not a model signal: rows written directly, or an admin edit whose transaction never commits (a
    test's), schedule nothing."""
    _import(SEED, "--no-warm")
    measure = Measure.objects.order_by("pk").first()
    Measure.objects.filter(pk=measure.pk).update(title="直接写入")
    data = admin_form_data(editor_client.get(_change(measure)))
    assert editor_client.post(_change(measure), {**data, "title": "编辑修正的标题"}).status_code == 302
    assert scheduled == []
