"""Timelines and the province map count exactly what the measure list counts,
for every filter state tried (the list's count is read from /api/measures/,
which runs the same search)."""
import re
from urllib.parse import urlencode

import pytest

FILTERS = [
    {},
    {"province": "湖北省"},
    {"province": "350000", "level": "city"},
    {"theme": "administrative"},
    {"q": "行政裁决"},
    {"q": "知识产权 保护", "year_from": "2021"},
    {"level": "city", "year_from": "2021", "year_to": "2024"},
    {"specificity": "2,3"},
    {"flag": "deadline"},
    {"has_targets": "true"},
    {"cites": None},          # filled in: documents citing the national plan
]


def list_count(client, params) -> int:
    data = client.get("/api/measures/", params).json()
    assert not data["count_is_estimate"]
    return data["count"]


def params_for(spread, f):
    if "cites" in f:
        return {"cites": str(spread["009_ip_14th_fyp_notice_2021_hant.txt"].pk)}
    return dict(f)


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: urlencode(f) or "all")
def test_timeline_matches_the_list(client, spread, f):
    from measures.selectors_diffusion import timeline
    from django.http import QueryDict

    params = params_for(spread, f)
    q = QueryDict(mutable=True)
    q.update(params)
    data = timeline(params=q)
    t = data["timeline"]
    total = list_count(client, params)
    assert data["count"] == total == t.total_measures
    for y in t.years:
        n = list_count(client, {**params, "year_from": y["year"], "year_to": y["year"]}) if (
            "year_from" not in params or int(params["year_from"]) <= y["year"]) else 0
        assert y["measures"] == n, (params, y)
    if t.undated["measures"]:
        assert t.undated["measures"] == list_count(client, {**params, "undated": "true"})
    # months add up to their year (where the month is known)
    for y in t.years:
        months = sum(m["measures"] for m in t.months if m["year"] == y["year"])
        assert months + y.get("no_month", 0) == y["measures"]
    # the page shows the same numbers in its table
    html = client.get("/timeline/", {**params, "by": "month"}).content.decode()
    assert re.search(rf"<tfoot><tr><th scope=\"row\">合计</th><td>{total}</td>", html)


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: urlencode(f) or "all")
def test_the_list_page_timeline_sums_to_its_count(client, spread, f):
    params = params_for(spread, f)
    html = client.get("/measures/", params).content.decode()
    count = int(re.search(r'class="result-count"[^>]*>(?:共|约) <strong>([\d,]+)</strong>', html).group(1).replace(",", ""))
    if count:
        foot = re.search(r"<tfoot><tr><th scope=\"row\">合计</th><td>(\d+)</td>", html)
        assert foot and int(foot.group(1)) == count


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: urlencode(f) or "all")
def test_province_map_and_city_bars_match_the_list(client, spread, f):
    from django.http import QueryDict

    from measures.models import Region
    from measures.selectors_diffusion import province_map

    params = params_for(spread, f)
    q = QueryDict(mutable=True)
    q.update(params)
    for metric in ("measures", "documents", "targets"):
        data = province_map(params=q, metric=metric)
        if metric != "measures":
            continue
        wider = {k: v for k, v in params.items() if k not in ("province", "city")}
        shown = 0
        for row in data["province_rows"]:
            n = list_count(client, {**wider, "province": row["region"].pk})
            assert row["measures"] == n, (params, row["region"].name)
            # the tile's link opens exactly that list
            href = row["href"].replace("&amp;", "&")
            assert list_count(client, QueryDict(href.split("?", 1)[1])) == n
            shown += n
        national = data["national"]["measures"]
        if national:
            assert national == list_count(client, {**wider, "level": "national"})
        assert shown + national == list_count(client, wider)
    # the cities of each province with measures, as ranked bars
    for row in province_map(params=q)["province_rows"]:
        qp = QueryDict(mutable=True)
        qp.update({**{k: v for k, v in params.items() if k not in ("province", "city")}, "province": row["region"].pk})
        data = province_map(params=qp)
        assert data["selected_province"].pk == row["region"].pk
        ranked = [c["measures"] for c in data["city_rows"]]
        assert ranked == sorted(ranked, reverse=True)
        for c in data["city_rows"]:
            href = c["href"].replace("&amp;", "&")
            assert list_count(client, QueryDict(href.split("?", 1)[1])) == c["measures"]
            assert Region.objects.get(pk=c["region"].pk).parent_id == row["region"].pk
        if data["province_own"]:
            href = data["province_own_href"].replace("&amp;", "&")
            assert list_count(client, QueryDict(href.split("?", 1)[1])) == data["province_own"]["measures"]


def test_map_page_tiles_link_to_the_filtered_list(client, spread):
    html = client.get("/map/", {"theme": "administrative", "metric": "documents"}).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart tile-map"' in html
    tiles = re.findall(r'<a href="([^"]+)" aria-label="([^:"]+):(\d+) 文件">', html)
    assert tiles, "no linked tiles"
    for href, name, n in tiles:
        assert "theme=administrative" in href and "province=" in href
    hubei = next(t for t in tiles if t[1] == "湖北省")
    assert int(hubei[2]) >= 2
    html = client.get("/map/", {"province": "420000"}).content.decode()
    assert "湖北省各城市的措施" in html and "武汉市" in html and "潜江市" in html and "省本级文件" in html
