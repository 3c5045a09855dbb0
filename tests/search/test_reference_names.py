"""The names a text search's facets show (places, themes, IP types) come from a per-process copy of
those reference tables (selectors.reference_names), read again when one of them is edited: the
same facets as the names looked up in the candidate statement (engine.Tally.names)."""
import pytest

from measures import selectors
from measures.models import IPType, Region, Theme
from measures.selectors import measure_search

from .test_facets import world  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

SEARCHES = [{"q": "调解"}, {"q": "调解", "theme": "judicial"}, {"q": "专利 OR 调解", "province": "湖北省"},
            {"q": "调解", "city": "沈阳市", "year_from": "2023"}]


@pytest.mark.parametrize("params", SEARCHES)
def test_the_same_facets_as_the_names_looked_up_in_the_statement(world, params, monkeypatch):  # noqa: F811
    copied = measure_search(params=params).facets
    monkeypatch.setattr(selectors, "REFERENCE_NAMES", False)
    looked_up = measure_search(params=params).facets
    assert copied == looked_up
    assert any(row.get("name") for name in ("province", "city", "theme") for row in copied[name])


def test_an_edited_name_shows_in_the_next_search(world):  # noqa: F811
    def names(facet):
        return {row["name"] for row in measure_search(params={"q": "调解"}).facets[facet]}

    assert "司法保护" in names("theme") and "武汉市" in names("city")
    Theme.objects.filter(code="judicial").update(name="司法")   # no signal: the copy keeps the old name
    assert "司法保护" in names("theme")
    theme = Theme.objects.get(code="judicial")
    theme.name = "司法审判保护"
    theme.save()
    assert "司法审判保护" in names("theme")
    wuhan = Region.objects.get(name="武汉市")
    wuhan.name = "武汉"
    wuhan.save()
    assert "武汉" in names("city")
    IPType.objects.get_or_create(code="trade_secret", defaults={"name": "商业秘密"})
    assert selectors.reference_names()["ip"]["trade_secret"] == "商业秘密"
