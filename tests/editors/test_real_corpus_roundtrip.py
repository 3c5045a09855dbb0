"""With the real parser: a fresh import has no "corrections", and saving an admin page
unchanged creates none (form clean-up must not turn parsed values into edits)."""
import pytest
from django.urls import reverse

from measures.admin import parse_differences
from measures.models import Document, Measure, Target

pytestmark = pytest.mark.django_db


def test_fresh_import_shows_no_corrections(corpus):
    objects = list(Document.objects.all()) + list(Measure.objects.all()) + list(Target.objects.all())
    assert len(objects) > 50
    assert [(o, parse_differences(o)) for o in objects if parse_differences(o)] == []


def test_saving_admin_pages_unchanged_creates_no_corrections(corpus, editor_client, form_data):
    docs = list(Document.objects.order_by("pk"))
    measures = [d.measures.order_by("ordinal").first() for d in docs] + [d.measures.order_by("ordinal").last()
                                                                         for d in docs]
    for obj in docs + measures:
        url = reverse(f"admin:measures_{obj._meta.model_name}_change", args=[obj.pk])
        response = editor_client.post(url, form_data(editor_client.get(url)))
        assert response.status_code == 302, (obj, response.context["errors"] if response.context else None)
        obj.refresh_from_db()
        assert parse_differences(obj) == [], obj
    for t in Target.objects.filter(document__in=docs):
        assert parse_differences(t) == [], t
