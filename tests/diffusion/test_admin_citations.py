"""Editors correct a citation's resolution in the admin; the service records it."""
import pytest


@pytest.fixture
def citation(db, make_document):
    from measures.models import Citation

    citing = make_document(title="某市贯彻方案", raw_text="根据《某省知识产权保护方案》,制定本方案。")
    wrong = make_document(title="某省知识产权保护方案")
    right = make_document(title="某省知识产权保护方案(修订)")
    c = Citation.objects.create(document=citing, target=wrong, ref_key="t:某省知识产权保护方案", kind="title",
                                title="某省知识产权保护方案", title_keys=["某省知识产权保护方案"], method="title")
    return c, right


def test_editor_sets_the_target_in_the_admin(editor_client, editor, citation):
    from django.urls import reverse

    c, right = citation
    url = reverse("admin:measures_citation_change", args=[c.pk])
    page = editor_client.get(url)
    assert page.status_code == 200 and "被引用文件" in page.content.decode()
    response = editor_client.post(url, {"target": right.pk})
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.target == right and c.method == "editor" and c.editor_set
    assert c.history.first().history_user == editor
    # the document's admin page lists its citations
    doc_page = editor_client.get(reverse("admin:measures_document_change", args=[c.document_id]))
    assert "本文件依据(引用)" in doc_page.content.decode()
    # 恢复自动匹配: the automatic resolution again
    changelist = reverse("admin:measures_citation_changelist")
    editor_client.post(changelist, {"action": "release", "_selected_action": [c.pk]})
    c.refresh_from_db()
    assert not c.editor_set and c.method != "editor"


def test_editor_adds_a_citation_the_text_does_not_show(editor_client, citation):
    from django.urls import reverse

    from measures.models import Citation

    c, right = citation
    response = editor_client.post(reverse("admin:measures_citation_add"),
                                  {"document": c.document_id, "target": right.pk})
    assert response.status_code == 302
    added = Citation.objects.get(document_id=c.document_id, kind="editor")
    assert added.target == right and added.editor_set
