"""seed_reference upgrades an existing deployment: new fixture rows arrive,
editors' rows stay as they are, and it says what it did."""
import io
import json
import shutil

import pytest
from django.core.management import call_command

from measures.models import DictionaryWord, IPType, Region, SynonymGroup, Theme, UnitAlias

pytestmark = pytest.mark.django_db


@pytest.fixture
def fixtures(tmp_path, settings):
    """A copy of fixtures/ that the test edits as a newer release would."""
    folder = tmp_path / "fixtures"
    shutil.copytree(settings.FIXTURES_DIR, folder, ignore=shutil.ignore_patterns("corpus"))
    settings.FIXTURES_DIR = folder

    def edit(name, change):
        path = folder / name
        rows = json.loads(path.read_text(encoding="utf-8"))
        change(rows)
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")

    return edit


def seed():
    out = io.StringIO()
    call_command("seed_reference", stdout=out)
    return out.getvalue()


def by_code(rows, code):
    return next(r for r in rows if r["fields"].get("code") == code)


def test_a_newer_fixture_reaches_an_existing_deployment_and_editors_rows_stay(fixtures, editor):
    judicial, administrative = Theme.objects.get(code="judicial"), Theme.objects.get(code="administrative")
    # an editor corrects one theme's keywords (through the admin: history records the change) …
    administrative.keywords = [*administrative.keywords, "编辑加的词^2"]
    administrative._history_user = editor
    administrative.save()
    # … and deletes a dictionary word
    removed = DictionaryWord.objects.order_by("word").first()
    removed.delete()

    def themes(rows):
        by_code(rows, "judicial")["fields"]["keywords"].append("新关键词^2")
        by_code(rows, "administrative")["fields"]["keywords"].append("另一个新词^2")
        rows.append({"model": "measures.theme", "pk": 999, "fields": {
            "code": "data_ip", "name": "数据知识产权", "description": "", "keywords": ["数据知识产权^3"], "order": 99}})

    fixtures("themes.json", themes)
    fixtures("dictionary.json", lambda rows: rows.append(
        {"model": "measures.dictionaryword", "pk": 9999, "fields": {"word": "数据知识产权", "freq": None}}))
    fixtures("synonyms.json", lambda rows: rows.append(
        {"model": "measures.synonymgroup", "pk": 999, "fields": {"terms": ["甲测试词", "乙测试词"], "note": ""}}))
    fixtures("unit_aliases.json", lambda rows: rows.append(
        {"model": "measures.unitalias", "pk": 999, "fields": {"alias": "数据局", "canonical": "数据资源局"}}))
    fixtures("ip_types.json", lambda rows: by_code(rows, "patent")["fields"]["keywords"].append("专利导航^1"))
    fixtures("regions.json", lambda rows: rows.append(
        {"model": "measures.region", "pk": 210199, "fields": {
            "code": "210199", "name": "新设区", "short_name": "新设", "level": "district", "parent": 210100}}))

    out = seed()

    assert "新关键词^2" in Theme.objects.get(pk=judicial.pk).keywords  # not edited: takes the new keywords
    kept = Theme.objects.get(pk=administrative.pk)
    assert "编辑加的词^2" in kept.keywords and "另一个新词^2" not in kept.keywords  # the editor's row stays
    assert Theme.objects.filter(code="data_ip", name="数据知识产权").exists()
    assert DictionaryWord.objects.filter(word="数据知识产权").exists()
    assert not DictionaryWord.objects.filter(word=removed.word).exists()  # deleted by an editor: not back
    assert SynonymGroup.objects.filter(terms__contains=["甲测试词"]).exists()
    assert UnitAlias.objects.get(alias="数据局").canonical == "数据资源局"
    assert "专利导航^1" in IPType.objects.get(code="patent").keywords
    assert Region.objects.get(pk=210199).parent_id == 210100
    # it says what it added, updated and kept
    assert "新增 (added) 1: 数据知识产权 (data_ip)" in out
    assert "新设区" in out and "数据局" in out and "甲测试词" in out
    assert "更新 (updated) 1: 司法保护 (judicial)" in out
    assert "保留编辑修改 (kept, changed by editors) 1: " in out and "(administrative)" in out
    assert removed.word in out

    # a second run changes nothing
    counts = [m.objects.count() for m in (Theme, IPType, DictionaryWord, SynonymGroup, UnitAlias, Region)]
    history = Theme.history.count()
    out = seed()
    assert "新增" not in out and "更新" not in out
    assert [m.objects.count() for m in (Theme, IPType, DictionaryWord, SynonymGroup, UnitAlias, Region)] == counts
    assert Theme.history.count() == history


def test_a_row_changed_after_seeding_is_the_editors_even_without_a_history_record(fixtures):
    seed()  # every row now has its seeded value in the history
    Theme.objects.filter(code="judicial").update(name="改过的名称")  # a change that bypassed history
    fixtures("themes.json", lambda rows: by_code(rows, "judicial")["fields"]["keywords"].append("新关键词^2"))
    out = seed()
    theme = Theme.objects.get(code="judicial")
    assert theme.name == "改过的名称" and "新关键词^2" not in theme.keywords
    assert "保留编辑修改 (kept, changed by editors) 1: 司法保护 (judicial)" in out


def test_seeding_empty_tables_loads_every_fixture_row(settings):
    DictionaryWord.objects.all()._raw_delete(DictionaryWord.objects.db)  # as before the first seed
    seed()
    rows = json.loads((settings.FIXTURES_DIR / "dictionary.json").read_text(encoding="utf-8"))
    assert DictionaryWord.objects.count() == len(rows)


def test_a_place_resolves_again_once_an_emptied_gazetteer_is_reseeded(db):
    """A flush (or a database being set up) empties the regions table while a
    worker may resolve a place: that empty gazetteer must not be kept, or
    ?city=210100 finds nothing for minutes after the regions are back."""
    from django.db import connection

    from measures.filters import region_ids, reset_regions

    shenyang = Region.objects.get(code="210100")
    assert region_ids(["210100"], "city") == [shenyang.pk]
    with connection.cursor() as cur:   # no signals, like a flush
        cur.execute("TRUNCATE measures_region CASCADE")
    reset_regions()                    # the flush's post_migrate
    assert region_ids(["210100"], "city") == []
    call_command("seed_reference", verbosity=0)
    assert region_ids(["210100"], "city") == [shenyang.pk]
    assert region_ids(["沈阳"], "city") == [shenyang.pk]
