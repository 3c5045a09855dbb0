"""Helpers for parser tests: no database, a tiny gazetteer, the project's keyword fixtures."""
from pathlib import Path

import pytest

from measures.parsing import Knowledge

DATA = Path(__file__).parent / "data"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

REGIONS = [
    {"code": "420000", "name": "湖北省", "short_name": "湖北", "level": "province", "parent": None},
    {"code": "420100", "name": "武汉市", "short_name": "武汉", "level": "city", "parent": "420000"},
    {"code": "429005", "name": "潜江市", "short_name": "潜江", "level": "city", "parent": "420000"},
    {"code": "430000", "name": "湖南省", "short_name": "湖南", "level": "province", "parent": None},
    {"code": "330000", "name": "浙江省", "short_name": "浙江", "level": "province", "parent": None},
    {"code": "330100", "name": "杭州市", "short_name": "杭州", "level": "city", "parent": "330000"},
    {"code": "330200", "name": "宁波市", "short_name": "宁波", "level": "city", "parent": "330000"},
    {"code": "210000", "name": "辽宁省", "short_name": "辽宁", "level": "province", "parent": None},
    {"code": "210100", "name": "沈阳市", "short_name": "沈阳", "level": "city", "parent": "210000"},
    {"code": "210102", "name": "和平区", "short_name": "和平", "level": "district", "parent": "210100"},
    {"code": "120000", "name": "天津市", "short_name": "天津", "level": "province", "parent": None},
    {"code": "120101", "name": "和平区", "short_name": "和平", "level": "district", "parent": "120000"},
]


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    base = Knowledge.from_fixtures(FIXTURES)
    return Knowledge(regions=REGIONS, themes=base.themes, ip_types=base.ip_types,
                     unit_aliases=base.unit_aliases)


@pytest.fixture
def parse(knowledge):
    from measures.parsing import parse_document

    def _parse(name_or_text, source=None):
        if isinstance(name_or_text, str) and len(name_or_text) < 100 and "\n" not in name_or_text \
                and (DATA / name_or_text).exists():
            return parse_document((DATA / name_or_text).read_bytes(), source=name_or_text, knowledge=knowledge)
        return parse_document(name_or_text, source=source or "inline.txt", knowledge=knowledge)

    return _parse
