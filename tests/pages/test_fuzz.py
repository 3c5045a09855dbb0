"""Every public URL and parameter, fed hostile values: never a 5xx, and every
export that answers 200 is complete and parses (CSV and JSON).

A table of hostile values (superscript and circled digits, NUL, ten thousand
characters, unbalanced quotes, huge numbers …) is sent to each parameter of
each view family, alone and all at once; then hypothesis mixes parameters and
values at random. Runs in well under half a minute on the small page corpus.
"""
import csv
import io
import json

import pytest
from django.urls import get_resolver
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from measures import api_resources as A
from measures import params as P
from measures import views_diffusion as VD

HOSTILE = [
    "²", "①", "٣", "２", "\x00", "a\x00b", "x" * 10000, "知" * 2000, '"', "'", '"unclosed', "'); DROP TABLE x;--",
    "(((", "\\", "%", "-1", "0", "9" * 30, str(2**63), "1,²", "<script>alert(1)</script>", "🙂", "\u200b", "last",
    " ", "沈阳市",
]

# Sent to every parameter on its own (the whole table goes to all parameters at once).
# (the kinds that broke pages: digits int() refuses, NUL, length, quotes, overflow)
SHARP = ["²", "①", "\x00", "x" * 10000, '"unclosed', "9" * 30]

# url -> the parameter spec its view validates (None: takes no parameters)
FAMILIES = {
    "/": None,
    "/favicon.ico": None,
    "/healthz": None,
    "/measures/": P.MEASURES,
    "/api/measures/": P.MEASURES,
    "/measures/export.csv": P.EXPORT,
    "/measures/export.json": P.EXPORT,
    "/documents/": P.DOCUMENTS,
    "/documents/export.csv": P.DOCUMENTS,
    "/documents/export.json": P.DOCUMENTS,
    "/targets/export.csv": P.TARGETS,
    "/targets/export.json": P.TARGETS,
    "/units/export.csv": P.UNITS,
    "/units/export.json": P.UNITS,
    "/compare/": P.COMPARE,
    "/targets/": P.TARGETS,
    "/units/": P.UNITS,
    "/report/thanks/": None,
    "/about/": None,
    "/measures/feed/": P.MEASURES,
    "/api/": None,
    "/api/docs/": None,
    "/api/documents/": A.API_DOCUMENTS,
    "/api/targets/": A.API_TARGETS,
    "/api/units/": A.API_UNITS,
    "/timeline/": VD._timeline_spec,
    "/map/": VD._map_spec,
}
API_LISTS = ("/api/measures/", "/api/documents/", "/api/targets/", "/api/units/")


def spec_names(spec):
    return sorted((spec() if callable(spec) else spec).keys()) if spec else []


@pytest.fixture
def site(build_corpus, settings):
    settings.RATELIMITS = {}          # the fuzzer is one client sending thousands of requests
    from measures.models import ResponsibleUnit

    docs = build_corpus(2)
    m = docs[0].measures.first()
    unit = ResponsibleUnit.objects.filter(canonical__isnull=True).first()
    urls = dict(FAMILIES)
    urls.update({f"/measures/{m.pk}/": None, f"/documents/{docs[0].pk}/": P.DOCUMENT_DETAIL,
                 f"/units/{unit.pk}/": None, "/report/": P.REPORT, f"/api/documents/{docs[0].pk}/": None,
                 f"/documents/{docs[0].pk}/lineage/": None, f"/documents/{docs[0].pk}/draft/": None,
                 f"/measures/{m.pk}/diffusion/": None, f"/api/documents/{docs[0].pk}/citations/": None})
    return urls


def check(response, url):
    status = response.status_code
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert status < 500, (url, status, body[:300])
    if status != 200:
        assert status in (301, 302, 400, 404, 405, 429), (url, status)
        return
    if "/export.csv" in url:
        assert body.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        assert rows[0][:2] == ["ID", "链接"], url
        assert len(rows) - 1 == int(response["X-Total-Count"]), url
        assert all(len(r) == len(rows[0]) for r in rows), url
    elif "/export.json" in url:
        data = json.loads(body.decode("utf-8"))
        assert isinstance(data, list) and len(data) == int(response["X-Total-Count"]), url
    elif url.split("?")[0] in API_LISTS:
        data = json.loads(body.decode("utf-8"))
        assert isinstance(data["results"], list) and data["count"] >= 0, url
    elif url.startswith("/measures/feed/"):
        from xml.etree import ElementTree

        assert ElementTree.fromstring(body).tag == "{http://www.w3.org/2005/Atom}feed", url


def test_every_url_and_parameter_with_hostile_values(client, site):
    """Each hostile value in each parameter alone, then in all of a family's parameters at once."""
    from urllib.parse import urlencode

    for url, spec in site.items():
        names = spec_names(spec) + ["unknown_param"]
        for value in HOSTILE:
            everything = urlencode([(n, value) for n in names])
            check(client.get(f"{url}?{everything}"), f"{url}?{everything[:80]}")
        for name in names:
            for value in SHARP:
                query = urlencode({name: value})
                check(client.get(f"{url}?{query}"), f"{url}?{query[:80]}")


def test_path_ids_out_of_range_are_404(client, site):
    doc = next(u for u in site if u.startswith("/documents/") and u[11:-1].isdigit())
    for prefix in ("/measures/", "/documents/", "/units/", f"{doc}files/"):
        for pk in ("0", "9" * 19, str(2**63), "9" * 40):
            response = client.get(f"{prefix}{pk}/")
            assert response.status_code == 404, (prefix, pk, response.status_code)
    for pk in ("9" * 19, str(2**63)):
        assert client.get(f"/documents/{pk}/files/1/").status_code == 404


def test_report_form_with_hostile_input(client, site):
    from measures.models import ErrorReport

    url = next(u for u in site if u.startswith("/report/") and u != "/report/thanks/")
    m = next(u for u in site if u.startswith("/measures/") and u[10:-1].isdigit())
    target = f"{url}?measure={m[10:-1]}"
    for value in HOSTILE:
        response = client.post(target, {"kind": value, "description": value, "contact": value, "website": ""})
        assert response.status_code in (200, 302), (repr(value[:20]), response.status_code)
    assert not any("\x00" in r.description + r.contact for r in ErrorReport.objects.all())


def test_public_urls_are_all_covered(site):
    """A new public URL must be added to the fuzzer."""
    top = get_resolver().url_patterns
    assert {str(p.pattern) for p in top} == {"favicon.ico", "admin/", ""}
    portal = next(p for p in top if getattr(getattr(p, "urlconf_module", None), "__name__", "") == "measures.urls")
    patterns = {str(p.pattern) for p in portal.url_patterns}
    covered = {"", "api/measures/", "healthz", "measures/", "measures/export.csv", "measures/export.json",
               "measures/<int:pk>/", "documents/", "documents/<int:pk>/", "compare/", "targets/", "units/",
               "units/<int:pk>/", "report/", "report/thanks/", "measures/feed/", "api/", "api/docs/",
               "api/documents/", "api/documents/<int:pk>/", "api/targets/", "api/units/",
               "documents/<int:pk>/files/<int:file_id>/",
               "documents/<int:pk>/lineage/", "documents/<int:pk>/draft/", "measures/<int:pk>/diffusion/",
               "timeline/", "map/", "api/documents/<int:pk>/citations/",
               "documents/export.csv", "documents/export.json", "targets/export.csv", "targets/export.json",
               "units/export.csv", "units/export.json", "about/"}
    assert patterns == covered


ALL_NAMES = sorted({n for spec in (P.MEASURES, P.DOCUMENTS, P.UNITS, P.TARGETS, P.COMPARE, P.REPORT, VD._map_spec,
                                  VD._timeline_spec)
                    for n in spec_names(spec)} | {"x"})
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40),
                   st.integers(min_value=-10, max_value=2**70).map(str))


@hsettings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])
@given(url=st.sampled_from(sorted(FAMILIES)),
       query=st.lists(st.tuples(st.sampled_from(ALL_NAMES), values), max_size=6))
def test_random_parameter_mixes(client, site, url, query):
    from urllib.parse import urlencode

    encoded = urlencode(query)
    check(client.get(f"{url}?{encoded}"), f"{url}?{encoded[:120]}")
