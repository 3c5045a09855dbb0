"""Sanity checks on fixtures/regions.json (built by scripts/build_regions.py). No database."""
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "regions.json"


@pytest.fixture(scope="module")
def records():
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def by_pk(records):
    return {r["pk"]: r["fields"] for r in records}


@pytest.fixture(scope="module")
def by_name(records):
    out = {}
    for r in records:
        out.setdefault(r["fields"]["name"], []).append(r["fields"] | {"pk": r["pk"]})
    return out


def one(by_name, name, **kw):
    hits = [f for f in by_name[name] if all(f[k] == v for k, v in kw.items())]
    assert len(hits) == 1, (name, kw, by_name.get(name))
    return hits[0]


def test_shape(records):
    assert records == sorted(records, key=lambda r: r["pk"])
    for r in records:
        f = r["fields"]
        assert r["model"] == "measures.region"
        assert set(f) == {"code", "name", "short_name", "level", "parent"}
        assert f["code"] == str(r["pk"]) and len(f["code"]) == 6
        assert f["level"] in {"province", "city", "district"}
        assert 2 <= len(f["short_name"]) <= 32 and len(f["name"]) <= 64
        assert f["name"] != "市辖区"


def test_one_record_per_line():
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    assert all(line.startswith('{"model"') for line in lines[1:-1])


def test_counts(records):
    levels = Counter(r["fields"]["level"] for r in records)
    assert levels["province"] >= 31
    assert levels["city"] >= 330
    assert levels["district"] >= 2800


def test_pks_unique(records):
    pks = [r["pk"] for r in records]
    assert len(pks) == len(set(pks))


def test_parents(by_pk):
    levels = {"province": 0, "city": 1, "district": 2}
    for pk, f in by_pk.items():
        if f["level"] == "province":
            assert f["parent"] is None, pk
            continue
        assert f["parent"] in by_pk, pk
        parent = by_pk[f["parent"]]
        assert levels[parent["level"]] < levels[f["level"]], pk
        assert str(f["parent"])[:2] == str(pk)[:2], pk


def test_liaoning_chain(by_name):
    liaoning = one(by_name, "辽宁省")
    shenyang = one(by_name, "沈阳市")
    heping = one(by_name, "和平区", parent=shenyang["pk"])
    assert liaoning["level"] == "province" and liaoning["parent"] is None
    assert shenyang["level"] == "city" and shenyang["parent"] == liaoning["pk"] == 210000
    assert heping["level"] == "district" and heping["pk"] == 210102
    assert heping["short_name"] == "和平"


def test_province_direct_county_level_units_are_cities(by_name):
    hubei = one(by_name, "湖北省")
    for name in ["潜江市", "仙桃市", "天门市", "神农架林区"]:
        f = one(by_name, name)
        assert (f["level"], f["parent"]) == ("city", hubei["pk"]), name
    assert one(by_name, "济源市")["parent"] == one(by_name, "河南省")["pk"]
    assert one(by_name, "琼海市")["parent"] == one(by_name, "海南省")["pk"]
    assert one(by_name, "石河子市")["parent"] == one(by_name, "新疆维吾尔自治区")["pk"]


def test_municipalities_have_no_intermediate_rows(by_pk, by_name):
    for muni in ["北京市", "天津市", "上海市", "重庆市"]:
        f = one(by_name, muni)
        assert f["level"] == "province"
        children = [c for c in by_pk.values() if c["parent"] == f["pk"]]
        assert len(children) >= 10, muni
        assert all(c["level"] == "district" for c in children), muni
        assert len(by_name[muni]) == 1, muni  # no 市辖区 row renamed after the municipality
    beijing = one(by_name, "北京市")
    assert one(by_name, "朝阳区", parent=beijing["pk"])["pk"] == 110105
    assert by_pk[110101]["parent"] == 110000  # 东城区


def test_special_regions_present(by_name):
    for name in ["香港特别行政区", "澳门特别行政区", "台湾省"]:
        assert one(by_name, name)["level"] == "province"


@pytest.mark.parametrize(
    "name, short",
    [
        ("辽宁省", "辽宁"),
        ("北京市", "北京"),
        ("沈阳市", "沈阳"),
        ("广西壮族自治区", "广西"),
        ("新疆维吾尔自治区", "新疆"),
        ("内蒙古自治区", "内蒙古"),
        ("宁夏回族自治区", "宁夏"),
        ("西藏自治区", "西藏"),
        ("香港特别行政区", "香港"),
        ("延边朝鲜族自治州", "延边"),
        ("黔南布依族苗族自治州", "黔南"),
        ("伊犁哈萨克自治州", "伊犁"),
        ("阿勒泰地区", "阿勒泰"),
        ("锡林郭勒盟", "锡林郭勒"),
        ("潜江市", "潜江"),
        ("神农架林区", "神农架"),
        ("长阳土家族自治县", "长阳"),
        ("双江拉祜族佤族布朗族傣族自治县", "双江"),
        ("鄂温克族自治旗", "鄂温克"),
        ("龙胜各族自治县", "龙胜"),
        ("科尔沁右翼前旗", "科尔沁右翼前"),
        ("浦东新区", "浦东"),
        ("万柏林区", "万柏林"),
        ("和平区", "和平"),
        ("城区", "城区"),
        ("泾县", "泾县"),
        ("芒市", "芒市"),
    ],
)
def test_short_names(by_name, name, short):
    assert {f["short_name"] for f in by_name[name]} == {short}


def test_builder_short_name_function():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from build_regions import short_name
    finally:
        sys.path.pop(0)
    assert short_name("东区") == "东区"
    assert short_name("塔什库尔干塔吉克自治县") == "塔什库尔干"
    assert short_name("海西蒙古族藏族自治州") == "海西"
