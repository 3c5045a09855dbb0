"""Never refuse a text: a document the parser had doubts about is loaded and
flagged for editors (admin filter "待审核" and a count on the admin index)."""
import pytest
from django.urls import reverse

from measures.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def goals_only(spec):
    """A covering notice with goals only: no measures, one document-level target."""
    spec["measures"] = []
    spec["targets"] = spec["targets"][1:]
    spec["warnings"] = ["no numbered measures found"]
    return spec


def test_a_document_without_measures_is_loaded_with_its_warnings(load, goals_only):
    doc = load(goals_only)
    assert doc.measures.count() == 0
    assert doc.targets.count() == 1
    assert doc.parse_warnings == ["no numbered measures found"]
    assert doc.needs_review
    assert list(Document.objects.needing_review()) == [doc]


def test_a_document_without_a_title_is_loaded_under_its_file_name(load, spec):
    spec["document"]["title"] = None
    doc = load(spec, source="scan-0042.txt")
    assert doc.title == "（未识别标题）scan-0042"
    assert "no title found" in doc.parse_warnings


def test_reviewing_clears_the_flag(load, goals_only):
    doc = load(goals_only)
    doc.reviewed = True
    doc.save()
    assert not Document.objects.needing_review().exists()


def test_admin_filter_and_index_count(editor_client, load):
    from tests.editors.conftest import base_spec

    clean = load(base_spec(), source="clean.txt")
    goals = base_spec()
    goals["document"]["title"] = "沈阳市知识产权保护工作目标"
    goals["measures"], goals["warnings"] = [], ["no numbered measures found"]
    flagged = load(goals, source="flagged.txt")
    assert not clean.needs_review and flagged.needs_review
    url = reverse("admin:measures_document_changelist")
    ids = [d.pk for d in editor_client.get(url + "?needs_review=1").context["cl"].result_list]
    assert ids == [flagged.pk]
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert "1 个文件需要审核" in index
    assert "no numbered measures found" in editor_client.get(
        reverse("admin:measures_document_change", args=[flagged.pk])).content.decode()
