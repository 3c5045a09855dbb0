"""Roles: editors change content but not accounts; anonymous visitors only read."""
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from measures.models import Measure

pytestmark = pytest.mark.django_db


def test_editor_group_permissions():
    codenames = set(Group.objects.get(name="编辑").permissions.values_list("codename", flat=True))
    for model in ["document", "measure", "target", "measureunit", "responsibleunit", "theme", "errorreport"]:
        assert {f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}"} <= codenames
    assert "view_historicalmeasure" in codenames
    assert not {"change_historicalmeasure", "delete_historicalmeasure", "add_historicalmeasure"} & codenames
    assert not {c for c in codenames if c.endswith(("_user", "_group", "_permission"))}


def test_ensure_groups_is_idempotent_and_resets_extra_permissions():
    from django.contrib.auth.models import Permission

    group = Group.objects.get(name="编辑")
    before = set(group.permissions.values_list("pk", flat=True))
    group.permissions.add(Permission.objects.get(codename="change_user"))
    call_command("ensure_groups", verbosity=0)
    call_command("ensure_groups", verbosity=0)
    assert set(group.permissions.values_list("pk", flat=True)) == before


@pytest.mark.parametrize("url", ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/"])
def test_editor_cannot_manage_accounts(editor_client, url):
    assert editor_client.get(url).status_code == 403


def test_editor_cannot_create_a_user_by_post(editor_client, django_user_model):
    response = editor_client.post("/admin/auth/user/add/", {"username": "mallory", "password1": "Zx9!long-pass",
                                                            "password2": "Zx9!long-pass", "usable_password": "true"})
    assert response.status_code == 403
    assert not django_user_model.objects.filter(username="mallory").exists()


def test_editor_can_edit_content(editor_client, imported, form_data):
    m = imported.measures.get(ordinal=1)
    url = reverse("admin:measures_measure_change", args=[m.pk])
    data = form_data(editor_client.get(url))
    data["title"] = "编辑可以修改"
    assert editor_client.post(url, data).status_code == 302
    assert Measure.objects.get(pk=m.pk).title == "编辑可以修改"


def test_editor_cannot_edit_history_rows(editor_client, imported):
    record = imported.measures.first().history.first()
    assert editor_client.get(f"/admin/measures/historicalmeasure/{record.pk}/change/").status_code == 404


def test_anonymous_visitor_cannot_enter_the_admin(client, imported):
    m = imported.measures.get(ordinal=1)
    url = reverse("admin:measures_measure_change", args=[m.pk])
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = client.post(url, {"title": "匿名修改", "text": "匿名修改"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert Measure.objects.get(pk=m.pk).title == "加大专利侵权打击力度"


def test_staff_without_the_group_sees_no_content(client, django_user_model, imported):
    user = django_user_model.objects.create_user("carol", password="carol-pass-123", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:measures_measure_changelist")).status_code == 403
