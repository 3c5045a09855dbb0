"""The spread corpus: the seed corpus, the small documents in data/ (a national
plan, provincial and city documents that cite each other by 《title》, 文号 and
根据…精神, with copied measures and a draft/final pair) and a handful of real
development pages, all imported through the real parser and importer."""
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
REAL = Path(__file__).resolve().parents[1] / "parsing" / "data" / "real"

# Real pages (read-only) that cite documents of the spread corpus.
REAL_PAGES = [
    "b02_national_b/009_ip_14th_fyp_notice_2021_hant.txt",      # “十四五”国家知识产权保护和运用规划 (国发〔2021〕20号), Traditional
    "b04_province_b/010_ningxia_ip_14th_plan.txt",              # 宁夏 cites it by title and 文号
    "b06_county_district_b/007_xian_ip_demo_city_plan.txt",     # 西安 cites it by title
    "b09_fields_a/008_ncac_copyright_14th_plan.txt",            # 国家版权局, Traditional
    "b01_national_a/001_national_dual_crackdown_points_2020_hant.txt",  # mirror site: 中辦發(fā)〔2019〕56號
    "b02_national_b/001_ip_power_opinions_task_division_2016_spun.txt",  # 国发〔2015〕71号
]


def spread_paths():
    from django.conf import settings

    return [Path(settings.CORPUS_DIR), DATA, *[REAL / p for p in REAL_PAGES]]


@pytest.fixture(scope="module")
def spread_module(django_db_setup, django_db_blocker):
    """The spread corpus imported once per test module (committed), and the
    database emptied and re-seeded afterwards, as the browser tests do. Tests
    run inside their own transaction on top of it, so their changes roll back."""
    from django.core.management import call_command

    from measures.importer import Importer
    from measures.models import Document

    from measures.search.text import reset_tokenizer

    with django_db_blocker.unblock():
        assert not Document.objects.exists(), "the spread corpus needs an empty database"
        reset_tokenizer()   # jieba with the domain dictionary, as at import
        summary = Importer().import_paths(spread_paths())
        assert not summary.failed, summary.failed
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)
            call_command("seed_reference", verbosity=0)
            call_command("ensure_groups", verbosity=0)


@pytest.fixture
def spread(spread_module, db):
    """{file name: Document} of the spread corpus."""
    from measures.models import Document

    return {d.source: d for d in Document.objects.all()}


@pytest.fixture
def domain_tokenizer(db):
    """jieba with the domain dictionary (DictionaryWord), as at import: a test that
    ran first without the database may have left a plain tokenizer behind."""
    from measures.search.text import reset_tokenizer

    reset_tokenizer()
    yield
    reset_tokenizer()
