"""Selectors for the browsing pages (home, document and measure pages, comparison,
targets board, responsible units). Search and the measure list live in
measures/selectors.py. Every selector takes keyword-only arguments and issues a
fixed number of queries, whatever the number of rows.
"""
from __future__ import annotations

import re
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext as _

from .display import partial_date, unit_place
from .doctypes import choices as doc_type_choices
from .feeds import feed_query
from .models import Document, IPType, Measure, MeasureUnit, Region, ResponsibleUnit, Target, Theme
from .paging import PageOutOfRange, requested_number

SIMILAR_LIMIT = 6
SIMILAR_CANDIDATES = 30


# --- places -------------------------------------------------------------------

@dataclass(frozen=True)
class Place:
    """Where a measure comes from: a city, or a province for province-level documents."""

    province_id: int | None
    province_name: str
    city_id: int | None
    city_name: str

    @property
    def name(self):
        return self.city_name or self.province_name or str(_("未知地区"))

    @property
    def key(self):
        return f"c{self.city_id}" if self.city_id else f"p{self.province_id}"

    @property
    def filter_params(self):
        """Query parameters of the measure list that select this place."""
        if self.city_id:
            return {"city": self.city_id}
        if self.province_id:
            return {"province": self.province_id, "level": "province"}
        return {}


def _place_of_document(doc):
    return Place(doc.province_id, doc.province.name if doc.province_id else "",
                 doc.city_id, doc.city.name if doc.city_id else "")


# --- home ---------------------------------------------------------------------

def home_overview() -> dict:
    """The corpus at a glance plus the entry points (5 queries)."""
    totals = Document.objects.aggregate(
        documents=Count("id"),
        cities=Count("city", distinct=True),
        provinces=Count("province", distinct=True),
    )
    totals["measures"] = Measure.objects.count()
    totals["targets"] = Target.objects.count()

    provinces: "OrderedDict[int | None, dict]" = OrderedDict()
    for row in Measure.objects.place_counts():
        pid = row["document__province_id"]
        prov = provinces.setdefault(pid, {"id": pid, "name": row["document__province__name"] or str(_("未知地区")),
                                          "n": 0, "cities": [], "n_province_level": 0})
        prov["n"] += row["n"]
        if row["document__city_id"]:
            prov["cities"].append({"id": row["document__city_id"], "name": row["document__city__name"],
                                   "n": row["n"]})
        else:
            prov["n_province_level"] += row["n"]
    province_list = sorted(provinces.values(), key=lambda p: (-p["n"], p["name"]))
    for p in province_list:
        p["cities"].sort(key=lambda c: (-c["n"], c["name"]))

    themes = list(Theme.objects.annotate(n=Count("measures")).order_by("order", "code"))
    ip_types = list(IPType.objects.annotate(n=Count("measures")).order_by("order", "code"))
    return {
        "totals": totals,
        "provinces": province_list,
        "max_place": max([p["n"] for p in province_list] or [0]),
        "themes": themes,
        "max_theme": max([t.n for t in themes] or [0]),
        "ip_types": ip_types,
        "max_ip_type": max([t.n for t in ip_types] or [0]),
        "recent_documents": list(Document.objects.with_region().with_counts().defer("raw_text", "parsed")
                                 .order_by("-published_date", "-id")[:6]),
    }


# --- documents ----------------------------------------------------------------

def document_list(*, province: int | None = None, status: str | None = None, level: str | None = None,
                  issuer: str | None = None, doc_type: str | None = None):
    qs = Document.objects.with_region().with_counts().defer("raw_text", "parsed").order_by("-published_date", "-id")
    if province:
        qs = qs.filter(province_id=province)
    if issuer:
        qs = qs.filter(issuer=issuer)
    if doc_type:
        from .doctypes import title_regex

        qs = qs.filter(title__regex=title_regex(doc_type))
    if status:
        qs = qs.filter(status=status)
    if level:
        qs = qs.filter(level=level)
    return qs


def document_filter_options() -> dict:
    """The document list's choices: provinces, issuers and document types
    (measures.doctypes, from the titles), each type and issuer with its number of
    documents (2 queries)."""
    from collections import Counter

    from .doctypes import DOC_TYPES, doc_type_of

    provinces = Region.objects.filter(pk__in=Document.objects.values("province_id")).order_by("id")
    issuers: Counter = Counter()
    types: Counter = Counter()
    narrow_to_wide = {n: wide for wide, narrow in DOC_TYPES for n in narrow}
    for title, issuer in Document.objects.values_list("title", "issuer"):
        if issuer:
            issuers[issuer] += 1
        t = doc_type_of(title)
        if t:
            types[t] += 1
            if t in narrow_to_wide:
                types[narrow_to_wide[t]] += 1
    doc_types = []
    for wide, narrow in DOC_TYPES:
        if types[wide]:
            doc_types.append((wide, f"{wide}(全部)" if any(types[n] for n in narrow) else wide, types[wide]))
        doc_types += [(n, f"· {n}", types[n]) for n in narrow if types[n]]
    return {"provinces": list(provinces),
            "issuers": sorted(issuers.items(), key=lambda kv: (-kv[1], kv[0])),
            "doc_types": doc_types}


@dataclass
class OutlineEntry:
    kind: str  # "heading" or "measure"
    depth: int
    text: str
    anchor: str
    measure: Measure | None = None


DOCUMENT_MEASURES_PER_PAGE = 100  # measures (an ordinal range) per page of a document page
SOURCE_PREVIEW_CHARS = 20000    # the source text shown on a document page
DOCUMENT_TARGETS_SHOWN = 200     # targets listed on a document page


def measure_page_number(ordinal: int, per_page: int) -> int:
    """The page of a document page that shows the measure with this ordinal
    (pages are ordinal ranges: 1–N, N+1–2N, …)."""
    return max((int(ordinal or 1) - 1) // per_page + 1, 1)


def document_detail(*, document_id: int, page: int | str = 1, per_page: int | None = None) -> dict:
    """A document with one page of its outline and measures (measures whose
    ordinal falls in the page's range), its targets (at most
    DOCUMENT_TARGETS_SHOWN) and the beginning of its source text (6 queries,
    whatever the document's size)."""
    from django.db.models import Max, Min
    from django.db.models.functions import Length, Substr

    per_page = per_page or DOCUMENT_MEASURES_PER_PAGE
    doc = (Document.objects.with_region().defer("raw_text", "parsed")
           .annotate(raw_length=Length("raw_text"), raw_head=Substr("raw_text", 1, SOURCE_PREVIEW_CHARS))
           .filter(pk=document_id).first())
    if doc is None:
        raise Http404("没有这份文件")
    span = Measure.objects.filter(document_id=doc.pk).aggregate(
        n=Count("id"), first=Min("ordinal"), last=Max("ordinal"))
    n_pages = max(measure_page_number(span["last"] or 1, per_page), 1)
    number = requested_number(page, n_pages)   # past the last page: PageOutOfRange (a 404 page)
    lo, hi = (number - 1) * per_page + 1, number * per_page
    measures = list(Measure.objects.filter(document_id=doc.pk, ordinal__range=(lo, hi))
                    .order_by("ordinal").prefetch_related("themes", "ip_types"))
    outline, sections = build_outline(measures)
    targets_qs = Target.objects.filter(document_id=doc.pk).select_related("measure").order_by("position", "id")
    targets = list(targets_qs[:DOCUMENT_TARGETS_SHOWN + 1])
    more_targets = len(targets) > DOCUMENT_TARGETS_SHOWN
    targets = targets[:DOCUMENT_TARGETS_SHOWN]
    for t in targets:
        t.page = measure_page_number(t.measure.ordinal, per_page) if t.measure_id else None
    pages_nav = {
        "number": number, "num_pages": n_pages, "per_page": per_page,
        "has_previous": number > 1, "has_next": number < n_pages,
        "previous_page_number": number - 1, "next_page_number": number + 1,
        "range": _elided(number, n_pages),
    }
    return {"document": doc, "measures": measures, "outline": outline, "sections": sections, "targets": targets,
            "more_targets": more_targets, "n_measures": span["n"], "doc_page": pages_nav,
            "source_truncated": (doc.raw_length or 0) > SOURCE_PREVIEW_CHARS,
            "place": _place_of_document(doc)}


def _elided(number: int, n_pages: int, around: int = 2, ends: int = 1) -> list:
    """Page numbers to show (None for an ellipsis), like Paginator.get_elided_page_range."""
    if n_pages <= 2 * (around + ends) + 1:
        return list(range(1, n_pages + 1))
    shown = sorted({*range(1, ends + 1), *range(n_pages - ends + 1, n_pages + 1),
                    *range(max(number - around, 1), min(number + around, n_pages) + 1)})
    out, last = [], 0
    for n in shown:
        if n - last > 1:
            out.append(None)
        out.append(n)
        last = n
    return out


def build_outline(measures):
    """Turn measures' chapter paths into an outline: a heading entry whenever a path level
    changes, then the measure. Also returns sections: (headings to open, measure) pairs
    for rendering the body in order."""
    outline: list[OutlineEntry] = []
    sections = []
    previous: list[str] = []
    counter = 0
    for m in measures:
        path = list(m.path or [])
        common = 0
        while common < min(len(path), len(previous)) and path[common] == previous[common]:
            common += 1
        opened = []
        for depth in range(common, len(path)):
            counter += 1
            entry = OutlineEntry("heading", depth, path[depth], f"c-{counter}")
            outline.append(entry)
            opened.append(entry)
        outline.append(OutlineEntry("measure", len(path), m.heading, f"m-{m.ordinal}", m))
        sections.append((opened, m))
        previous = path
    return outline, sections


# --- measures -----------------------------------------------------------------

def measure_detail(*, measure_id: int) -> dict:
    """A measure with its document, labels, units, targets, neighbours and similar
    measures from other places, ranked by their text (9 queries)."""
    from .selectors_diffusion import similar_measures

    measure = Measure.objects.for_detail().filter(pk=measure_id).first()
    if measure is None:
        raise Http404("没有这条措施")
    neighbours = list(Measure.objects.neighbours_of(measure))
    prev = next((m for m in neighbours if m.ordinal < measure.ordinal), None)
    nxt = next((m for m in neighbours if m.ordinal > measure.ordinal), None)
    themes = list(measure.themes.all())
    ip_types = list(measure.ip_types.all())
    # 相似措施: other places' measures alike in wording (measures.selectors_diffusion:
    # fingerprint candidates scored on their text), with the words they share.
    similar = similar_measures(measure=measure, limit=SIMILAR_LIMIT)
    links = sorted(measure.unit_links.all(), key=lambda link: link.position)
    return {
        "classification": classification_of(measure),
        "measure": measure,
        "document": measure.document,
        "place": _place_of_document(measure.document),
        "themes": themes,
        "ip_types": ip_types,
        "unit_links": links,
        "targets": sorted(measure.targets.all(), key=lambda t: (t.position, t.id)),
        "prev": prev,
        "next": nxt,
        "similar": similar,
    }


def classification_of(measure: Measure) -> dict:
    """Why the classifier would give this measure its themes and IP types:
    the keywords of the editable theme/IP-type rows found in it (2 queries)."""
    from .parsing import Knowledge
    from .parsing.classify import explain_ip_types, explain_themes

    knowledge = Knowledge(themes=list(Theme.objects.values("code", "name", "keywords", "order")),
                          ip_types=list(IPType.objects.values("code", "name", "keywords", "order")))
    path = list(measure.path or [])[-1:]
    return {"themes": explain_themes(knowledge, measure.title, measure.text, path, measure.document.title)[:4],
            "ip_types": explain_ip_types(knowledge, measure.title, measure.text, path)[:4]}


def _spread_over_places(measures, limit):
    """Take the best measures round-robin over their places, so that one prolific
    city does not fill the whole list (order within a place is kept)."""
    by_place: "OrderedDict[tuple, list]" = OrderedDict()
    for m in measures:
        by_place.setdefault((m.document.city_id, m.document.province_id), []).append(m)
    out = []
    while len(out) < limit and any(by_place.values()):
        for queue in by_place.values():
            if queue and len(out) < limit:
                out.append(queue.pop(0))
    return out


# --- comparison: place × theme heat map ------------------------------------------

def theme_matrix(*, mode: str = "count") -> dict:
    """Rows are places (cities; provinces for province-level documents), columns themes,
    cells the number of measures; `heat` in 0..1 drives the cell colour. In "share"
    mode the heat is the cell's share of the row's measures; in "specific" mode the
    cell's share of specific measures (具体度 >= specificity.SPECIFIC_AT; 5 queries)."""
    from .specificity import SPECIFIC_AT

    themes = list(Theme.objects.order_by("order", "code"))
    cells: dict[tuple, dict[int, int]] = defaultdict(dict)
    for row in Measure.objects.theme_matrix():
        cells[(row["document__province_id"], row["document__city_id"])][row["themes__id"]] = row["n"]
    specific: dict[tuple, dict[int, int]] = defaultdict(dict)
    if mode == "specific":
        for row in Measure.objects.filter(specificity__gte=SPECIFIC_AT).theme_matrix():
            specific[(row["document__province_id"], row["document__city_id"])][row["themes__id"]] = row["n"]
    totals = {
        (r["document__province_id"], r["document__city_id"]): r["n"]
        for r in Measure.objects.place_counts()
    }
    region_ids = {i for key in totals for i in key if i}
    names = dict(Region.objects.filter(pk__in=region_ids).values_list("id", "name"))
    rows = []
    for (pid, cid), total in totals.items():
        place = Place(pid, names.get(pid, ""), cid, names.get(cid, ""))
        counts = cells.get((pid, cid), {})
        rows.append({"place": place, "total": total, "counts": [counts.get(t.id, 0) for t in themes],
                     "specific": [specific.get((pid, cid), {}).get(t.id, 0) for t in themes]})
    rows.sort(key=lambda r: (-r["total"], r["place"].name))
    max_count = max((c for r in rows for c in r["counts"]), default=0)
    for r in rows:
        r["cells"] = []
        for theme, n, n_specific in zip(themes, r["counts"], r["specific"]):
            params = {**r["place"].filter_params, "theme": theme.code}
            if mode == "share":
                heat = n / r["total"] if r["total"] else 0
                share = round(100 * heat)
            elif mode == "specific":
                heat = n_specific / n if n else 0
                share = round(100 * heat)
                params["specificity"] = [str(k) for k in range(SPECIFIC_AT, 6)]
            else:
                heat = n / max_count if max_count else 0
                share = round(100 * n / r["total"]) if r["total"] else 0
            r["cells"].append({"theme": theme, "n": n, "heat": round(heat, 3), "share": share, "dark": heat >= 0.55,
                               "n_specific": n_specific, "params": params})
    column_totals = [sum(r["counts"][i] for r in rows) for i in range(len(themes))]
    return {"themes": themes, "rows": rows, "max_count": max_count, "mode": mode, "specific_at": SPECIFIC_AT,
            "column_totals": list(zip(themes, column_totals))}


# --- targets board ------------------------------------------------------------

@lru_cache(maxsize=1)
def _t2s():
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a dependency
        return None
    return opencc.OpenCC("tw2sp")


# 全市域 (city-wide) is a word of its own, not 全市 + 域
_REGION_PREFIX = re.compile(r"^(?:全市|全省|全区|全县|我市|我省|本市|本省|全域|各地)(?!域)")
_SPACE = re.compile(r"[\s\u3000]+")
# Spellings of the same quantity: 每万人口 / 万人 / 每万人.
_METRIC_SYNONYMS = [("万人口", "万人"), ("國內生產總值", "GDP"), ("国内生产总值", "GDP")]


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Simplified-Chinese, Taiwan phrasing folded (智慧財產權 → 知识产权), no spaces."""
    text = _SPACE.sub("", text or "")
    converter = _t2s()
    return converter.convert(text) if converter else text


@lru_cache(maxsize=4096)
def normalise_metric(metric: str) -> str:
    """The comparable form of a metric: folded to Simplified, region words and
    punctuation at the edges removed (全市知识产权保护社会满意度 → 知识产权保护社会满意度)."""
    text = fold(metric)
    text = _REGION_PREFIX.sub("", text)
    for old, new in _METRIC_SYNONYMS:
        text = text.replace(old, new)
    text = text.removeprefix("每")
    return text.strip(",,。;;、::“”\"'()()") or text


COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}


@dataclass
class MetricGroup:
    """Targets whose metrics fold to the same key. `metric` is the key (for
    matching only); `label` the metric as the documents write it (shown)."""

    metric: str
    targets: list = field(default_factory=list)
    places: set = field(default_factory=set)

    @property
    def comparable(self):
        return len(self.places) > 1

    @property
    def label(self):
        """The most common written spelling (Simplified before Traditional, then the shortest)."""
        from collections import Counter

        counts = Counter(t.metric for t in self.targets)
        return min(counts, key=lambda m: (-counts[m], fold(m) != m, len(m), m)) if counts else self.metric


def targets_board(*, keyword: str = "", comparable_only: bool = False) -> dict:
    """Targets grouped by normalised metric; groups spanning most places first (1 query)."""
    groups: dict[str, MetricGroup] = {}
    needle = fold(keyword.strip())
    total = 0
    for t in Target.objects.for_board().order_by("metric", "year", "id"):
        key = normalise_metric(t.metric)
        if needle and needle not in key and needle not in fold(t.quote):
            continue
        total += 1
        t.place = _place_of_document(t.document)
        t.sign = COMPARATOR_SIGNS.get(t.comparator, t.comparator)
        group = groups.setdefault(key, MetricGroup(key))
        group.targets.append(t)
        group.places.add(t.place.key)
    result = sorted(groups.values(), key=lambda g: (-len(g.places), -len(g.targets), g.metric))
    if comparable_only:
        result = [g for g in result if g.comparable]
    for g in result:
        g.targets.sort(key=lambda t: (t.place.name, t.year or 0, t.id))
    return {"groups": result, "n_targets": total, "n_groups": len(result),
            "n_comparable": sum(1 for g in result if g.comparable)}


# --- responsible units ----------------------------------------------------------

def unit_keywords(keyword: str) -> list[str]:
    """The keyword, its Simplified/Traditional forms and the canonical names its
    aliases stand for (市场监督管理局 → 市场监管局, as the unit alias table merges
    them; 沈阳市市场监督管理局 → 沈阳市市场监管局 and 市场监管局)."""
    from .models import UnitAlias
    from .querysets import text_variants

    words = text_variants(keyword)
    for word in list(words):
        if len(word) < 2:
            continue
        for alias, canonical in UnitAlias.objects.values_list("alias", "canonical"):
            if alias in word:
                words += [word.replace(alias, canonical), canonical]
            elif word in alias and len(word) >= 3:
                words.append(canonical)
    return list(dict.fromkeys(w for w in words if w))


def unit_list(*, keyword: str = "", region: int | None = None):
    qs = ResponsibleUnit.objects.canonical().for_listing().with_measure_counts().filter(n_measures__gt=0)
    if keyword:
        cond = Q(pk__in=[])
        for word in unit_keywords(keyword):
            cond |= Q(name__icontains=word) | Q(aliases__name__icontains=word)
        qs = qs.filter(cond).distinct()
    if region:
        qs = qs.filter(Q(region_id=region) | Q(region__parent_id=region))
    return qs.order_by("-n_measures", "name", "id")


def unit_regions():
    ids = ResponsibleUnit.objects.values("region_id")
    return list(Region.objects.filter(pk__in=ids).order_by("id"))


def unit_detail(*, unit_id: int) -> dict:
    """A canonical unit with its aliases and its measures by role (3 queries).
    Raises Http404 when missing; the view redirects aliases to their canonical unit."""
    unit = ResponsibleUnit.objects.select_related("region", "canonical").filter(pk=unit_id).first()
    if unit is None:
        raise Http404("没有这个单位")
    if unit.canonical_id:
        return {"redirect_to": unit.canonical_id}
    aliases = list(unit.aliases.order_by("name"))
    links = list(
        MeasureUnit.objects.filter(Q(unit_id=unit.pk) | Q(unit__canonical_id=unit.pk))
        .select_related("unit", "measure", "measure__document", "measure__document__city",
                        "measure__document__province")
        .order_by("measure__document_id", "measure__ordinal")
    )
    by_role = {"lead": [], "support": [], "responsible": []}
    seen = set()
    for link in links:
        key = (link.role, link.measure_id)
        if key in seen:
            continue
        seen.add(key)
        by_role.setdefault(link.role, []).append(link)
    return {
        "unit": unit,
        "aliases": aliases,
        "lead": by_role["lead"],
        "support": by_role["support"],
        "responsible": by_role["responsible"],
        "n_measures": len({link.measure_id for link in links}),
    }


# --- measure list page and exports (on top of measures.selectors.measure_search) ---

MULTI_FILTERS = ("province", "city", "theme", "ip_type", "unit", "role", "specificity", "flag")
SNIPPET_BEFORE = 30
SNIPPET_WIDTH = 150


def _values(params, key) -> list[str]:
    raw = params.getlist(key) if hasattr(params, "getlist") else (
        params.get(key) if isinstance(params.get(key), (list, tuple)) else [params.get(key)] if key in params else [])
    out = []
    for item in raw:
        out.extend(part.strip() for part in str(item or "").split(",") if part.strip())
    return list(dict.fromkeys(out))


def snippet(text: str, terms) -> str:
    """HTML-safe excerpt of `text` around the first match, matches marked (via the
    search module's highlight, which escapes everything else)."""
    from .search.highlight import highlight
    from .search.text import fold_chars

    text = text or ""
    start = 0
    if terms:
        folded = fold_chars(text)
        hits = [folded.find(fold_chars(t).strip()) for t in terms if t and t.strip()]
        hits = [h for h in hits if h >= 0]
        if hits:
            start = max(0, min(hits) - SNIPPET_BEFORE)
    end = min(len(text), start + SNIPPET_WIDTH)
    if end - start < SNIPPET_WIDTH:
        start = max(0, end - SNIPPET_WIDTH)
    body = highlight(text[start:end], terms)
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


def _url_without(params, key, value=None) -> str:
    """The list URL with one value (or the whole parameter) removed, page reset."""
    from django.http import QueryDict

    q = QueryDict(mutable=True)
    for k in params:
        if k == "page":
            continue
        vals = _values(params, k) if k in MULTI_FILTERS else params.getlist(k)
        if k == key:
            vals = [] if value is None else [v for v in vals if v != value]
        for v in vals:
            q.appendlist(k, v)
    encoded = q.urlencode()
    return "?" + encoded if encoded else "?"


def _options(facet_rows, key, selected, all_rows=None):
    """Facet options: every option with its count (0 when the facet omitted it);
    selected options always present so that they can be unticked."""
    counts = {str(r[key]): r["count"] for r in facet_rows}
    names = {str(r[key]): r["name"] for r in facet_rows}
    if all_rows is not None:
        options = [{"value": str(v), "name": n, "count": counts.get(str(v), 0)} for v, n in all_rows]
    else:
        options = [{"value": v, "name": names[v], "count": c} for v, c in counts.items()]
    present = {o["value"] for o in options}
    for v in selected:
        if v not in present:
            options.append({"value": v, "name": v, "count": 0})
    for o in options:
        o["checked"] = o["value"] in selected or o["name"] in selected
    return options


FACET_TOP = 8   # facet values shown before 更多
FACET_ORDER = ["theme", "ip_type", "province", "city", "doc_type", "issuer", "unit", "role", "specificity", "flag"]


def _top_and_more(group: dict) -> dict:
    """Split a facet group's options into the values shown (the FACET_TOP largest
    counts, every ticked value among them) and the rest behind 更多; values
    that cannot match (count 0, not ticked) are left out."""
    options = [o for o in group["options"] if o["count"] or o["checked"]]
    ordered = options if group.get("ordered") else sorted(options, key=lambda o: -o["count"])
    top = ordered[:FACET_TOP]
    more = ordered[FACET_TOP:]
    top += [o for o in more if o["checked"]]
    more = [o for o in more if not o["checked"]]
    return {**group, "top": top, "more": more}


def measure_list_page(*, params) -> dict:
    """Context of the measure list: results page with snippets, facets with counts,
    active filters and export links."""
    from . import selectors
    from .models import Level
    from .querysets_diffusion import FLAG_LABELS

    # without search text the list opens newest first; relevance needs a query
    result = selectors.measure_search(params=params, fallback="show", browse_sort="date")
    if result.page_out_of_range:     # a 404 page, as the API answers (measures.paging)
        raise PageOutOfRange(int(params.get("page")), result.page.paginator.num_pages)
    terms = result.query.highlight_terms + (result.query.fallback_terms if result.query.fuzzy else [])
    page = result.page
    for m in page.object_list:
        m.snippet = snippet(m.text, terms)
        m.title_marked = highlight_title(m.title, terms)
        m.place_name = (m.document.city.name if m.document.city_id else
                        m.document.province.name if m.document.province_id else "")
    facets = result.facets
    selected = {k: _values(params, k) for k in MULTI_FILTERS}
    themes, ip_types = selectors.cached("labels", [], lambda: (
        list(Theme.objects.order_by("order", "code").values_list("code", "name")),
        list(IPType.objects.order_by("order", "code").values_list("code", "name"))))
    facet_groups = [
        {"key": "theme", "label": _("工作类别"), "options": _options(facets.get("theme", []), "code", selected["theme"], themes)},
        {"key": "ip_type", "label": _("知识产权类型"),
         "options": _options(facets.get("ip_type", []), "code", selected["ip_type"], ip_types)},
        {"key": "province", "label": _("省份"), "options": _options(facets.get("province", []), "id", selected["province"])},
        {"key": "city", "label": _("城市"), "options": _options(facets.get("city", []), "id", selected["city"])},
        # each unit with its place (沈阳市 · 市场监管局): one name in two cities is two bodies
        {"key": "unit", "label": _("责任单位"), "options": _options(
            [{**r, "name": unit_place(r.get("place"), r["name"])} for r in facets.get("unit", [])], "id",
            selected["unit"])},
        {"key": "role", "label": _("单位角色"), "options": _options(facets.get("role", []), "code", selected["role"],
                                                             MeasureUnit.Role.choices)},
        # 具体度 0–5 (measures.specificity), most specific first
        {"key": "specificity", "label": _("具体度"), "ordered": True, "options": _options(
            [{**r, "name": _("%(n)s 分") % {"n": r["score"]}} for r in facets.get("specificity", [])], "score",
            selected["specificity"], [(str(n), _("%(n)s 分") % {"n": n}) for n in range(5, -1, -1)])},
        {"key": "flag", "label": _("具体度依据"), "ordered": True, "options": _options(
            facets.get("flag", []), "code", selected["flag"], [(k, _(v)) for k, v in FLAG_LABELS.items()])},
    ]
    # Names for selected units/regions the facets did not list (e.g. zero hits)
    # and the title of a selected document: one query, whatever is selected
    # (the page runs the same number of queries for every filter).
    missing_ids = {int(o["value"]) for g in facet_groups if g["key"] in ("province", "city", "unit")
                   for o in g["options"] if o["name"] == o["value"] and o["value"].isascii() and o["value"].isdigit()
                   and len(o["value"]) < 19}
    document_id = params.get("document") or ""
    document_id = int(document_id) if document_id.isascii() and document_id.isdigit() and len(document_id) < 19 else None
    region_names, unit_names, document = _names(sorted(missing_ids), document_id)
    for g in facet_groups:
        lookup = unit_names if g["key"] == "unit" else region_names
        for o in g["options"]:
            if o["name"] == o["value"] and o["value"].isascii() and o["value"].isdigit() and len(o["value"]) < 19:
                o["name"] = lookup.get(int(o["value"]), o["value"])

    single = {
        "level": params.get("level") or "", "status": params.get("status") or "",
        "year_from": params.get("year_from") or "", "year_to": params.get("year_to") or "",
        "has_targets": params.get("has_targets") or "", "sort": result.sort,
        "sort_param": params.get("sort") or "",
        # the advanced search form and the 模糊 switch
        "issuer": params.get("issuer") or "", "doc_number": params.get("doc_number") or "",
        "doc_type": params.get("doc_type") or "", "date_from": params.get("date_from") or "",
        "date_to": params.get("date_to") or "", "scope": params.get("scope") or "all",
        "fuzzy": (params.get("fuzzy") or "") in ("true", "1"),
    }
    # 文件类型 and 发布机构 (one value at a time): links, each with its count
    for key, label in (("doc_type", _("文件类型")), ("issuer", _("发布机构"))):
        rows = facets.get(key, [])
        options = _options([{**r, "code": r.get("code", r["name"])} for r in rows], "code",
                           [single[key]] if single[key] else [])
        for o in options:
            o["url"] = _url_without(params, key) if o["checked"] else _url_with(params, **{key: o["value"]})
        facet_groups.append({"key": key, "label": label, "links": True, "options": options})
    for g in facet_groups:   # counts scaled from a sample are shown as 约 N, as the total is
        g["estimate"] = selectors.facet_is_estimate(result, g["key"], params)
    active = []
    for g in facet_groups:
        if g.get("links"):
            continue  # their chips come with the advanced form's fields below
        for o in g["options"]:
            if o["checked"]:
                active.append({"label": f"{g['label']}:{o['name']}", "url": _url_without(params, g["key"], o["value"])})
    labels = {"level": dict(Level.choices), "status": dict(Document.Status.choices)}
    for key, title in (("level", _("级别")), ("status", _("效力状态"))):
        if single[key]:
            active.append({"label": f"{title}:{labels[key].get(single[key], single[key])}",
                           "url": _url_without(params, key)})
    if single["year_from"] or single["year_to"]:
        active.append({"label": f"{_('年份')}:{single['year_from'] or '…'}–{single['year_to'] or '…'}",
                       "url": _url_without(_url_params_without(params, "year_from"), "year_to")})
    if params.get("undated") in ("true", "1", "True"):
        active.append({"label": _("日期不详"), "url": _url_without(params, "undated")})
    if single["has_targets"]:
        active.append({"label": _("含量化目标") if single["has_targets"] in ("true", "1", "True") else _("不含量化目标"),
                       "url": _url_without(params, "has_targets")})
    if document:
        active.append({"label": f"{_('文件')}:{document.title[:20]}", "url": _url_without(params, "document")})
    for key, title in (("issuer", _("发布机构")), ("doc_number", _("文号")), ("doc_type", _("类型"))):
        if single[key]:
            active.append({"label": f"{title}:{single[key][:20]}", "url": _url_without(params, key)})
    if single["date_from"] or single["date_to"]:
        active.append({"label": f"{_('日期')}:{single['date_from'] or '…'}–{single['date_to'] or '…'}",
                       "url": _url_without(_url_params_without(params, "date_from"), "date_to")})
    if single["scope"] == "title":
        active.append({"label": _("仅检索标题"), "url": _url_without(params, "scope")})
    if single["fuzzy"]:
        active.append({"label": _("模糊匹配"), "url": _url_without(params, "fuzzy")})
    active += _diffusion_filters(params, [])  # the flags' chips come with their facet group

    export_query = _url_without(params, "page")[1:]
    return {
        "result": result,
        "page": page,
        "measures": page.object_list,
        "count": result.count,
        "q": params.get("q") or "",
        "facet_groups": [_top_and_more(g) for g in sorted(facet_groups, key=lambda g: FACET_ORDER.index(g["key"]))],
        "years": facets.get("year", []),
        "max_year_count": max([y["count"] for y in facets.get("year", [])] or [0]),
        "years_estimate": selectors.facet_is_estimate(result, "year", params),
        "single": single,
        "levels": Level.choices,
        "statuses": Document.Status.choices,
        "roles": MeasureUnit.Role.choices,
        "selected_roles": selected["role"],
        "document": document,
        "active_filters": active,
        "export_query": export_query,
        "feed_query": feed_query(params),
        "fuzzy_query": _url_with(params, fuzzy="true"),
        "exact_query": _url_without(params, "fuzzy"),
        "doc_types": doc_type_choices(),
        "searching": bool(result.query.active),
        "text_query": bool(result.query.tsquery),
    }


def _url_with(params, **values) -> str:
    """The list URL with parameters set (page reset)."""
    q = params.copy()
    q.pop("page", None)
    for key, value in values.items():
        q[key] = value
    return "?" + q.urlencode()


def _names(ids: list[int], document_id: int | None):
    """({region id: name}, {unit id: name}, the document or None) in one query."""
    from django.db import connection

    sql = (f"SELECT 'r', id, name FROM {Region._meta.db_table} WHERE id = ANY(%s::bigint[]) "
           f"UNION ALL SELECT 'u', id, name FROM {ResponsibleUnit._meta.db_table} WHERE id = ANY(%s::bigint[]) "
           f"UNION ALL SELECT 'd', id, title FROM {Document._meta.db_table} WHERE id = %s")
    regions, units, document = {}, {}, None
    with connection.cursor() as cursor:
        cursor.execute(sql, [ids, ids, document_id])
        for kind, pk, name in cursor.fetchall():
            if kind == "r":
                regions[pk] = name
            elif kind == "u":
                units[pk] = name
            else:
                document = Document(pk=pk, title=name)
    return regions, units, document


def _url_params_without(params, key):
    from django.http import QueryDict

    q = QueryDict(mutable=True)
    for k in params:
        if k != key:
            for v in params.getlist(k):
                q.appendlist(k, v)
    return q


def highlight_title(title, terms):
    from .search.highlight import highlight

    return highlight(title, terms) if title else ""


class ExportTooLarge(Exception):
    def __init__(self, total: int):
        super().__init__(total)
        self.total = total


def export_rows(*, params, base_url: str = "", limit: int = 20000):
    """(total, rows): the number of measures the list's parameters select and
    an iterator of dicts for the CSV/JSON export (search order kept), read in
    chunks with prefetching (constant queries per chunk). Raises ExportTooLarge
    when more than `limit` measures match: an export is complete or refused,
    never silently cut."""
    from . import selectors

    qs = selectors.measure_export_queryset(params=params).prefetch_related("targets")
    total = qs.order_by().count()
    if total > limit:
        raise ExportTooLarge(total)
    return total, _export_dicts(qs, base_url)


def readable_export_columns(row: dict) -> dict:
    """The measure CSV's units and targets as text a reader takes in at a glance:
    units as written (牵头/配合 marked where the document says so, also in their
    own columns), targets as 指标 不低于 84 分(2026年)."""
    from django.utils.translation import gettext as _

    comparators = dict(Target.Comparator.choices)
    units = [u["name"] + (f"({u['role_label']})" if u["role"] in ("lead", "support") else "") for u in row["units"]]
    targets = []
    for t in row.get("targets") or []:
        text = f"{t['metric']} {comparators.get(t['comparator'], t['comparator'])} {t['value']}{t['unit']}"
        targets.append(text + (_("(%(year)s年)") % {"year": t["year"]} if t["year"] else ""))
    return {"units": "；".join(units), "targets": "；".join(targets),
            "lead_units": "；".join(u["name"] for u in row["units"] if u["role"] == "lead"),
            "support_units": "；".join(u["name"] for u in row["units"] if u["role"] == "support")}


def _export_dicts(qs, base_url):
    roles = dict(MeasureUnit.Role.choices)
    statuses = dict(Document.Status.choices)
    for m in qs.iterator(chunk_size=500):
        d = m.document
        yield {
            "id": m.pk,
            "url": f"{base_url}/measures/{m.pk}/",
            "province": d.province.name if d.province_id else "",
            "city": d.city.name if d.city_id else "",
            "document": d.title,
            "doc_number": d.doc_number or "",
            "issuer": d.issuer,
            "published_date": d.published_date.isoformat() if d.published_date else "",
            "status": str(statuses.get(d.status, d.status)),
            "ordinal": m.ordinal,
            "label": m.label,
            "path": list(m.path or []),
            "title": m.title or "",
            "text": m.text,
            "themes": [t.name for t in m.themes.all()],
            "ip_types": [t.name for t in m.ip_types.all()],
            "units": [{"name": link.unit.name, "role": link.role, "role_label": str(roles.get(link.role, link.role))}
                      for link in sorted(m.unit_links.all(), key=lambda link: link.position)],
            "targets": [{"metric": t.metric, "comparator": t.comparator, "value": format(t.value.normalize(), "f"),
                         "unit": t.unit, "year": t.year, "quote": t.quote}
                        for t in sorted(m.targets.all(), key=lambda t: (t.position, t.id))],
            "date_text": "" if d.signed_date or d.published_date else partial_date(d.date_year, d.date_month),
            "source": d.source,
            "specificity": m.specificity,
            "specificity_flags": [label for name, label in SPECIFICITY_FLAGS if getattr(m, name)],
        }


# --- filters of how policy spreads (measures.querysets_diffusion) ---------------------

from .specificity import FLAGS as SPECIFICITY_FLAGS  # noqa: E402


def _diffusion_filters(params, flags) -> list[dict]:
    """Active-filter chips for 引用某文件 (cites) and the specificity flags (flag)."""
    from .querysets_diffusion import FLAG_LABELS

    out = [{"label": f"{_('具体度依据')}:{_(FLAG_LABELS.get(v, v))}", "url": _url_without(params, "flag", v)} for v in flags]
    cited = params.get("cites") or ""
    if cited.isascii() and cited.isdigit() and len(cited) < 19:
        title = Document.objects.filter(pk=int(cited)).values_list("title", flat=True).first() or cited
        out.append({"label": f"{_('引用')}:{title[:20]}", "url": _url_without(params, "cites")})
    return out
