"""An editor's correction shows in search results and facet counts at once."""
import sys

import pytest
from django.urls import reverse

from measures import services
from measures.models import Measure, Region, Theme
from measures.selectors import measure_search

pytestmark = pytest.mark.django_db

WORD = "翡翠鸟行动"


def found(word, m):
    return Measure.objects.search(word).filter(pk=m.pk).exists()


def test_admin_edit_of_a_measure_is_searchable_at_once(editor_client, imported, form_data):
    m = imported.measures.get(ordinal=1)
    assert not found(WORD, m)
    url = reverse("admin:measures_measure_change", args=[m.pk])
    data = form_data(editor_client.get(url))
    data["title"] = f"开展{WORD}"
    assert editor_client.post(url, data).status_code == 302
    assert found(WORD, m)


def test_service_edit_of_a_measure_is_searchable_at_once(editor, imported):
    m = imported.measures.get(ordinal=2)
    m.text = f"建设维权援助中心。组织{WORD}。"
    services.save_measure(m, user=editor)
    assert found(WORD, m)


def test_document_title_correction_shows_in_search_results_at_once(editor_client, imported, form_data):
    """A measure is found by its own words (document titles are not in its search vector, see
    measures.search.index); its result carries the corrected document title at once."""
    url = reverse("admin:measures_document_change", args=[imported.pk])
    data = form_data(editor_client.get(url))
    data["title"] = f"关于{WORD}的若干措施"
    assert editor_client.post(url, data).status_code == 302
    hits = Measure.objects.search("维权援助").select_related("document")
    assert hits and all(m.document.title == f"关于{WORD}的若干措施" for m in hits)
    assert not any(found(WORD, m) for m in imported.measures.all())


def test_region_correction_moves_the_province_facet_at_once(editor_client, imported, form_data):
    def provinces():
        return {row["name"]: row["count"] for row in measure_search(params={}).facets["province"]}

    assert provinces() == {"辽宁省": 2}
    url = reverse("admin:measures_document_change", args=[imported.pk])
    data = form_data(editor_client.get(url))
    data["region"] = str(Region.objects.get(name="长春市").pk)
    assert editor_client.post(url, data).status_code == 302
    assert provinces() == {"吉林省": 2}
    assert measure_search(params={"province": "吉林省"}).count == 2


def test_theme_correction_moves_the_theme_facet_at_once(editor_client, imported, form_data):
    def themes():
        return {row["code"]: row["count"] for row in measure_search(params={}).facets["theme"]}

    assert themes().get("credit") is None
    m = imported.measures.get(ordinal=1)
    url = reverse("admin:measures_measure_change", args=[m.pk])
    data = form_data(editor_client.get(url))
    data["themes"] = [str(Theme.objects.get(code="credit").pk)]
    assert editor_client.post(url, data).status_code == 302
    assert themes().get("credit") == 1 and themes().get("administrative") is None


def test_admin_save_calls_the_index_once_with_the_measure(editor_client, imported, form_data, monkeypatch):
    calls = []
    import measures.search.index as index

    monkeypatch.setattr(index, "update_search_vectors", lambda ids: calls.append(list(ids)))
    m = imported.measures.get(ordinal=1)
    url = reverse("admin:measures_measure_change", args=[m.pk])
    data = form_data(editor_client.get(url))
    data["label"] = "1-1"
    assert editor_client.post(url, data).status_code == 302
    assert calls == [[m.pk]]


def test_reindex_is_a_logged_noop_while_the_search_module_is_missing(monkeypatch, imported, caplog):
    monkeypatch.setitem(sys.modules, "measures.search.index", None)  # makes the import fail
    assert services.reindex_measures([imported.measures.first().pk]) is False
    assert "search vectors" in caplog.text
    assert services.reindex_measures([]) is False
