"""Reads for how policy spreads: a document's citations both ways, lineage
(the documents that implement it, layer by layer), measures alike by their text
and the places that copied a measure, timelines and the province map for any
filter state of the measure list, and a draft compared with its final version.

Keyword-only arguments, no writes; a bounded number of queries each, whatever
the corpus size (candidates come from GIN-indexed fingerprints and citation
indexes, never from a scan of all measures).
"""
from __future__ import annotations

import datetime
import difflib
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from html import escape

from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop

from . import citations as C
from . import similarity as SIM
from .models import Citation, Document, DocumentKey, Level, Measure, MeasureFingerprint, Region, Target

LEVEL_ORDER = [Level.NATIONAL, Level.PROVINCE, Level.CITY, Level.DISTRICT]
LEVEL_LABELS = dict(Level.choices)
_FAR = datetime.date(9999, 12, 31)


def _day(doc):
    return doc.signed_date or doc.published_date


def _place_name(doc) -> str:
    if doc.city_id:
        return doc.city.name
    if doc.province_id:
        return doc.province.name
    return gettext("全国") if doc.level == Level.NATIONAL else gettext("未知地区")


def _list_url(**params) -> str:
    q = QueryDict(mutable=True)
    for k, v in params.items():
        if v in (None, "", []):
            continue
        for item in (v if isinstance(v, (list, tuple)) else [v]):
            q.appendlist(k, str(item))
    base = reverse("measures:measure_list")
    return f"{base}?{q.urlencode()}" if q else base


def _search_url(text: str) -> str:
    return _list_url(q=f'"{text[:60]}"')


# --- a document's citations, both ways --------------------------------------------------------

def document_citations(*, document: Document) -> dict:
    """What the document cites (resolved first, then as text with a search link)
    and which documents cite it, grouped by level (1 query)."""
    rows = list(Citation.objects.filter(Q(document=document) | Q(target=document))
                .select_related("target", "target__province", "target__city", "document", "document__province",
                                "document__city")
                .defer("document__raw_text", "document__parsed", "target__raw_text", "target__parsed")
                .order_by("document_id", "position", "id"))
    cites = [c for c in rows if c.document_id == document.pk]
    for c in cites:
        c.search_url = _search_url(c.title or c.doc_number)
    citing = [c for c in rows if c.target_id == document.pk and c.document_id != document.pk]
    by_doc: "OrderedDict[int, dict]" = OrderedDict()
    for c in citing:
        entry = by_doc.setdefault(c.document_id, {"document": c.document, "how": set(), "context": c.context})
        entry["how"].add(c.get_kind_display())
    cited_by = sorted(by_doc.values(), key=lambda e: (_level_rank(e["document"].level),
                                                      _day(e["document"]) or _FAR, e["document"].pk))
    for e in cited_by:
        e["place"] = _place_name(e["document"])
        e["how"] = "、".join(sorted(e["how"]))
    groups = []
    for level in [*LEVEL_ORDER, ""]:
        docs = [e for e in cited_by if (e["document"].level or "") == level]
        if docs:
            groups.append({"level": level, "label": LEVEL_LABELS.get(level, gettext("级别不详")), "entries": docs})
    resolved = [c for c in cites if c.target_id]
    unresolved = [c for c in cites if not c.target_id]
    return {
        "cites": resolved + unresolved,
        "cites_resolved": resolved,
        "cites_unresolved": unresolved,
        "n_cites": len(cites),
        "n_cites_resolved": len(resolved),
        "cited_by": cited_by,
        "cited_by_groups": groups,
        "n_cited_by": len(cited_by),
        "cited_by_cities": sorted({e["document"].city.name for e in cited_by if e["document"].city_id}),
    }




def _level_rank(level) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


def citations_json(*, document: Document) -> dict:
    """The API's answer: the document and its citations both ways."""
    data = document_citations(document=document)

    def doc_json(d):
        return {"id": d.pk, "url": reverse("measures:document_detail", args=[d.pk]), "title": d.title,
                "doc_number": d.doc_number, "level": d.level, "province": d.province.name if d.province_id else None,
                "city": d.city.name if d.city_id else None,
                "date": (_day(d).isoformat() if _day(d) else None)}

    pair = draft_pair(document=document)
    return {
        "document": doc_json(document),
        "cites": [{"title": c.title, "doc_number": c.doc_number or None, "kind": c.kind, "context": c.context,
                   "occurrences": c.occurrences, "resolved": c.target_id is not None, "method": c.method,
                   "document": doc_json(c.target) if c.target_id else None} for c in data["cites"]],
        "cited_by": [{"document": doc_json(e["document"]), "how": e["how"], "context": e["context"]}
                     for e in data["cited_by"]],
        "counts": {"cites": data["n_cites"], "cites_resolved": data["n_cites_resolved"],
                   "cited_by": data["n_cited_by"]},
        "draft": doc_json(pair["draft"]) if pair and pair.get("draft") else None,
        "final": doc_json(pair["final"]) if pair and pair.get("final") else None,
    }


def citation_fields(*, document: Document) -> dict:
    """The citation keys of a document's API answer (/api/documents/<id>/):
    cites, cited_by, citation_counts, draft, final."""
    data = citations_json(document=document)
    return {"cites": data["cites"], "cited_by": data["cited_by"], "citation_counts": data["counts"],
            "draft": data["draft"], "final": data["final"]}


def most_cited(*, limit: int = 8) -> list[dict]:
    """The documents most cited by others (for the home page), with their counts
    (the aggregate kept as long as the search cache keeps a count)."""
    from . import selectors

    def compute():
        rows = (Citation.objects.filter(target__isnull=False).values("target_id")
                .annotate(n=Count("document_id", distinct=True)).order_by("-n", "target_id")[:limit])
        return [(r["target_id"], r["n"]) for r in rows]

    found = selectors.cached("most_cited", [limit], compute) if hasattr(selectors, "cached") else compute()
    counts = dict(found)
    docs = {d.pk: d for d in Document.objects.filter(pk__in=counts).select_related("province", "city")
            .only("id", "title", "level", "province__name", "city__name", "signed_date", "published_date")}
    return [{"document": docs[pk], "n": n, "place": _place_name(docs[pk])} for pk, n in counts.items() if pk in docs]


# --- lineage ----------------------------------------------------------------------------------

MAX_DEPTH = 4
MAX_DESCENDANTS = 300
LINEAGE_MEASURES = 60          # measures of the root compared
DESCENDANT_MEASURES = 4000     # measures of descendants read at most
LINEAGE_MATCHES = 3
LINEAGE_MIN_SCORE = 0.12


@dataclass
class LineageEntry:
    document: Document
    depth: int
    parent: Document | None
    how: str
    place: str = ""


def lineage(*, document_id: int) -> dict:
    """The documents that implement `document` below it: those that cite it (by
    title or 文号), those that cite them, … (up to MAX_DEPTH steps), as layers
    by level and date; and for each of its measures the most similar measures of
    those documents."""
    root = Document.objects.with_region().defer("raw_text", "parsed").filter(pk=document_id).first()
    if root is None:
        raise Http404(gettext("没有这份文件"))
    seen: dict[int, tuple[int, int | None, str]] = {root.pk: (0, None, "")}
    frontier = {root.pk}
    truncated = False
    for depth in range(1, MAX_DEPTH + 1):
        if not frontier:
            break
        rows = (Citation.objects.filter(target_id__in=frontier).exclude(document_id__in=list(seen))
                .values_list("document_id", "target_id", "kind", "method").order_by("document_id", "position"))
        nxt = set()
        for doc_id, parent_id, kind, method in rows:
            if doc_id in seen:
                continue
            how = gettext("引用文号") if method == Citation.Method.NUMBER else (
                gettext("编辑指定") if method == Citation.Method.EDITOR else
                gettext("根据…精神") if kind == Citation.Kind.SPIRIT else gettext("引用标题"))
            seen[doc_id] = (depth, parent_id, how)
            nxt.add(doc_id)
            if len(seen) > MAX_DESCENDANTS:
                truncated = True
                break
        frontier = nxt
        if truncated:
            break
    ids = [pk for pk in seen if pk != root.pk]
    docs = {d.pk: d for d in Document.objects.with_region().with_counts().defer("raw_text", "parsed")
            .filter(pk__in=ids)}
    entries = []
    for pk in ids:
        if pk not in docs:
            continue
        depth, parent_id, how = seen[pk]
        parent = root if parent_id == root.pk else docs.get(parent_id)
        entries.append(LineageEntry(docs[pk], depth, parent, how, _place_name(docs[pk])))
    layers = []
    for level in [*LEVEL_ORDER, ""]:
        layer = sorted([e for e in entries if (e.document.level or "") == level],
                       key=lambda e: (_day(e.document) or _FAR, e.document.pk))
        if layer:
            layers.append({"level": level, "label": LEVEL_LABELS.get(level, gettext("级别不详")), "entries": layer,
                           "n": len(layer)})
    matches = _lineage_matches(root, [e.document.pk for e in entries])
    cities = sorted({e.document.city_id for e in entries if e.document.city_id})
    return {"document": root, "layers": layers, "n_descendants": len(entries), "truncated": truncated,
            "measure_matches": matches, "n_cities": len(cities),
            "descendant_ids": [e.document.pk for e in entries]}


def _lineage_matches(root: Document, doc_ids: list[int]) -> list[dict]:
    """For each of the root's measures (the first LINEAGE_MEASURES), the most
    similar measures among the descendants' (trigram similarity, through an
    inverted index of the descendants' trigrams)."""
    own = list(Measure.objects.filter(document=root).order_by("ordinal").only("id", "ordinal", "label", "title",
                                                                              "text")[:LINEAGE_MEASURES])
    if not own or not doc_ids:
        return [{"measure": m, "matches": []} for m in own]
    others = list(Measure.objects.filter(document_id__in=doc_ids)
                  .select_related("document", "document__province", "document__city")
                  .only("id", "ordinal", "label", "title", "text", "document__id", "document__title",
                        "document__level", "document__signed_date", "document__published_date",
                        "document__province__name", "document__city__name", "document__province_id",
                        "document__city_id")
                  .order_by("document_id", "ordinal")[:DESCENDANT_MEASURES])
    grams = [SIM.shingles(m.text) for m in others]
    index: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(grams):
        for s in g:
            index[s].append(i)
    common = max(50, len(others) // 4)   # trigrams in a quarter of the texts say nothing
    out = []
    for m in own:
        mine = SIM.shingles(m.text)
        counts: dict[int, int] = defaultdict(int)
        for s in mine:
            postings = index.get(s)
            if postings and len(postings) <= common:
                for i in postings:
                    counts[i] += 1
        scored = []
        for i in sorted(counts, key=lambda i: -counts[i])[:50]:
            score = SIM.jaccard(mine, grams[i])
            if score >= LINEAGE_MIN_SCORE:
                scored.append((score, others[i]))
        scored.sort(key=lambda t: (-t[0], t[1].pk))
        out.append({"measure": m, "matches": [{"measure": o, "score": round(s * 100), "place": _place_name(o.document)}
                                              for s, o in scored[:LINEAGE_MATCHES]]})
    return out


# --- similar measures and the diffusion of a wording ------------------------------------------

SIMILAR_LIMIT = 6
BAND_CANDIDATES = 400
TERM_CANDIDATES = 60
QUERY_TERMS = 6


def _fingerprint(measure: Measure) -> MeasureFingerprint:
    fp = MeasureFingerprint.objects.filter(measure_id=measure.pk).first()
    if fp is None:   # not computed yet (a measure added by hand before its first refresh)
        weights = SIM.weighted_words(measure.text)
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:SIM.KEYWORDS]
        fp = MeasureFingerprint(measure_id=measure.pk, document_id=measure.document_id, bands=SIM.bands(measure.text),
                                terms=[w for w, _ in top], weights=[v for _, v in top])
    return fp


def candidate_sql(fp: MeasureFingerprint, *, band_limit: int = BAND_CANDIDATES,
                  term_limit: int = TERM_CANDIDATES, terms: int = QUERY_TERMS) -> tuple[str, list] | None:
    """SQL (and parameters) of the measures that may be alike: sharing a MinHash
    band, or one of the measure's most distinctive words, each lookup capped
    (GIN index lookups only); None when the measure has no fingerprint."""
    parts, params = [], []
    if fp.bands:
        # through a function planned with the GIN index (migration 0011: no statistics for
        # nearly unique band values would make PostgreSQL scan the table instead)
        parts.append("(SELECT measures_band_candidates(%s::integer[], %s, %s) AS measure_id)")
        params += [list(fp.bands), fp.measure_id, band_limit]
    for term in list(fp.terms)[:terms]:
        parts.append("(SELECT measure_id FROM measures_measurefingerprint WHERE terms @> ARRAY[%s]::varchar(40)[] "
                     "AND measure_id <> %s LIMIT %s)")
        params += [term, fp.measure_id, term_limit]
    if not parts:
        return None
    return " UNION ".join(parts), params


def candidate_ids(fp: MeasureFingerprint, **limits) -> list[int]:
    found = candidate_sql(fp, **limits)
    if found is None:
        return []
    with connection.cursor() as cursor:
        cursor.execute(*found)
        return [row[0] for row in cursor.fetchall()]


def _cosine(fa: MeasureFingerprint, fb) -> float:
    a = dict(zip(fa.terms, fa.weights))
    b = dict(zip(fb[0], fb[1]))
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    if not dot:
        return 0.0
    na = sum(v * v for v in a.values()) ** 0.5
    nb = sum(v * v for v in b.values()) ** 0.5
    return dot / (na * nb) if na and nb else 0.0


@dataclass
class Alike:
    measure: Measure
    score: float          # 0–1: half trigram Jaccard, half distinctive-word cosine
    jaccard: float
    copy: bool
    shared: list = field(default_factory=list)
    place: str = ""

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def alike_measures(measure: Measure, *, base=None, limit: int | None = None,
                   band_limit: int = BAND_CANDIDATES) -> list[Alike]:
    """Measures alike in wording, best first: candidates from the fingerprints,
    scored on their text. base: a Measure queryset to choose from (e.g. other
    places only)."""
    fp = _fingerprint(measure)
    found = candidate_sql(fp, band_limit=band_limit)
    if found is None:
        return []
    # candidates, their rows and their fingerprints in one statement
    qs = (base if base is not None else Measure.objects.all()).filter(pk__in=RawSQL(*found)).exclude(pk=measure.pk)
    rows = list(qs.select_related("document", "document__province", "document__city", "fingerprint")
                .only("id", "ordinal", "label", "title", "text", "document_id", "document__title",
                      "document__level", "document__signed_date", "document__published_date",
                      "document__status", "document__province__name", "document__city__name",
                      "document__province_id", "document__city_id", "fingerprint__terms", "fingerprint__weights"))
    mine = SIM.shingles(measure.text)
    out = []
    for m in rows:
        j, copy = SIM.copy_score(mine, SIM.shingles(m.text))
        other = getattr(m, "fingerprint", None)
        cos = _cosine(fp, (other.terms, other.weights) if other else ([], []))
        score = 0.5 * j + 0.5 * cos
        if copy:
            score = max(score, j)
        if score < SIM.MIN_SIMILARITY and not copy:
            continue
        out.append(Alike(m, score, j, copy, place=_place_name(m.document)))
    out.sort(key=lambda a: (-a.score, a.measure.pk))
    return out[:limit] if limit else out


def similar_measures(*, measure: Measure, limit: int = SIMILAR_LIMIT) -> list[Alike]:
    """相似措施: other places' measures ranked by their text, spread over places
    (one prolific city does not fill the list), each with the words it shares."""
    base = Measure.objects.elsewhere_than(measure.document)
    ranked = alike_measures(measure, base=base)
    by_place: "OrderedDict[tuple, list]" = OrderedDict()
    for a in ranked:
        by_place.setdefault((a.measure.document.city_id, a.measure.document.province_id), []).append(a)
    chosen = []
    while len(chosen) < limit and any(by_place.values()):
        for queue in by_place.values():
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    chosen.sort(key=lambda a: (-a.score, a.measure.pk))
    for a in chosen:
        a.shared = SIM.shared_words(measure.text, a.measure.text, n=6)
    return chosen


def diffusion(*, measure_id: int) -> dict:
    """All places that adopted near-identical wording: the first appearance by
    date, then the copies, each with the words that differ from the first."""
    measure = Measure.objects.for_detail().filter(pk=measure_id).first()
    if measure is None:
        raise Http404(gettext("没有这条措施"))
    copies = [a for a in alike_measures(measure, band_limit=2000) if a.copy]
    items = [Alike(measure, 1.0, 1.0, True, place=_place_name(measure.document))] + copies
    items.sort(key=lambda a: (_day(a.measure.document) or _FAR, _level_rank(a.measure.document.level), a.measure.pk))
    first = items[0]
    rows = []
    for i, a in enumerate(items):
        rows.append({"alike": a, "measure": a.measure, "document": a.measure.document, "place": a.place,
                     "date": _day(a.measure.document), "is_first": i == 0, "is_self": a.measure.pk == measure.pk,
                     "similarity": round(SIM.similarity(first.measure.text, a.measure.text) * 100),
                     "diff": "" if i == 0 else word_diff(first.measure.text, a.measure.text)})
    places = OrderedDict()
    for r in rows:
        places.setdefault(r["place"], r["date"])
    return {"measure": measure, "document": measure.document, "rows": rows, "first": rows[0],
            "n_places": len(places), "places": [{"name": k, "date": v} for k, v in places.items()],
            "n_copies": len(rows) - 1}


# --- word-level differences -----------------------------------------------------------------

def _words(text: str) -> list[str]:
    from measures.search.text import get_tokenizer

    return get_tokenizer().lcut(text or "", HMM=False)


def word_diff(old: str, new: str) -> str:
    """HTML of `new` with the words removed from `old` in <del> and the words
    added in <ins> (jieba words, difflib; everything escaped)."""
    a, b = _words(old), _words(new)
    out = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(f'<del class="diff-del">{escape("".join(a[i1:i2]))}</del>')
        if op in ("insert", "replace"):
            out.append(f'<ins class="diff-ins">{escape("".join(b[j1:j2]))}</ins>')
    return "".join(out)


# --- draft and final --------------------------------------------------------------------------

def _is_draft(doc: Document) -> bool:
    return doc.status == Document.Status.DRAFT or C.is_draft_title(doc.title) or C.is_draft_title(
        doc.notice_title or "")


def _same_issuer(a: Document, b: Document) -> bool:
    from measures.search.text import fold

    ia, ib = fold((a.issuer or "").replace(" ", "")), fold((b.issuer or "").replace(" ", ""))
    if ia and ib and ia == ib:
        return True
    return bool(a.region_id and a.region_id == b.region_id and a.level == b.level)


def draft_pair(*, document: Document) -> dict | None:
    """{"draft": …} for a final version whose 征求意见稿 is in the corpus, {"final": …}
    for a draft whose final version is: same title without the draft marker, same
    issuer (or, when the issuers are written differently, the same place and level)."""
    base = C.base_title(document.title or "")
    if len(base) < C.MIN_TITLE:
        return None
    others = list(Document.objects.filter(keys__kind=DocumentKey.Kind.BASE, keys__key=base)
                  .exclude(pk=document.pk).select_related("province", "city")
                  .defer("raw_text", "parsed").distinct())
    others = [d for d in others if _same_issuer(document, d)]
    if _is_draft(document):
        finals = sorted([d for d in others if not _is_draft(d)], key=lambda d: (_day(d) or _FAR, d.pk))
        return {"final": finals[0]} if finals else None
    drafts = sorted([d for d in others if _is_draft(d)], key=lambda d: (_day(d) or _FAR, d.pk), reverse=True)
    return {"draft": drafts[0]} if drafts else None


MATCH_AT = 0.45
MAX_COMPARED = 400


def draft_comparison(*, document_id: int) -> dict:
    """The final version's measures beside its draft's, measure by measure:
    unchanged, changed (words marked), added, removed."""
    final = Document.objects.with_region().defer("raw_text", "parsed").filter(pk=document_id).first()
    if final is None:
        raise Http404(gettext("没有这份文件"))
    pair = draft_pair(document=final)
    if not pair or "draft" not in pair:
        raise Http404(gettext("没有这份文件的征求意见稿"))
    draft = pair["draft"]
    new = list(Measure.objects.filter(document=final).order_by("ordinal").only("id", "ordinal", "label", "title",
                                                                               "text")[:MAX_COMPARED])
    old = list(Measure.objects.filter(document=draft).order_by("ordinal").only("id", "ordinal", "label", "title",
                                                                               "text")[:MAX_COMPARED])
    ng = [SIM.shingles(m.text) for m in new]
    og = [SIM.shingles(m.text) for m in old]
    pairs = []
    for i, a in enumerate(ng):
        for j, b in enumerate(og):
            s = SIM.jaccard(a, b)
            if s >= MATCH_AT:
                # ties: keep the order of the documents
                pairs.append((-s, abs(i - j), i, j))
    pairs.sort()
    new_to_old, old_to_new = {}, {}
    for _, _, i, j in pairs:
        if i not in new_to_old and j not in old_to_new:
            new_to_old[i], old_to_new[j] = j, i
    rows = []
    emitted_old = set()
    counts = {"unchanged": 0, "changed": 0, "added": 0, "removed": 0}

    def emit_removed(upto):
        for j in range(upto):
            if j not in old_to_new and j not in emitted_old:
                emitted_old.add(j)
                rows.append({"status": "removed", "old": old[j], "new": None, "diff": ""})
                counts["removed"] += 1

    for i, m in enumerate(new):
        j = new_to_old.get(i)
        if j is None:
            rows.append({"status": "added", "old": None, "new": m, "diff": ""})
            counts["added"] += 1
            continue
        emit_removed(j)
        same = SIM.normalise(old[j].text) == SIM.normalise(m.text)
        status = "unchanged" if same else "changed"
        counts[status] += 1
        rows.append({"status": status, "old": old[j], "new": m,
                     "diff": "" if same else word_diff(old[j].text, m.text)})
    emit_removed(len(old))
    return {"document": final, "draft": draft, "rows": rows, "counts": counts,
            "changed_rows": [r for r in rows if r["status"] != "unchanged"]}


# --- timelines and the province map for a filter state of the measure list --------------------

def _day_expr():
    return Coalesce("document__signed_date", "document__published_date")


def timeline_rows(queryset) -> list[dict]:
    """(year, month, measures, documents) of a measure queryset (one GROUP BY).
    The year is the list's year filter's (signed date, else published date, else
    a date known only to the month: Document.date_year/date_month); year None for
    documents without any date (the list's 日期不详, ?undated=true), month None
    when only the year is known."""
    from django.db.models import IntegerField

    year = Coalesce(ExtractYear(_day_expr()), "document__date_year", output_field=IntegerField())
    month = Coalesce(ExtractMonth(_day_expr()), "document__date_month", output_field=IntegerField())
    qs = (queryset.order_by().values(year=year, month=month)
          .annotate(measures=Count("id"), documents=Count("document_id", distinct=True)))
    return [dict(r) for r in qs]


@dataclass
class Timeline:
    years: list = field(default_factory=list)      # [{"year", "measures", "documents"}] oldest first, gaps filled
    months: list = field(default_factory=list)     # [{"year", "month", "label", "measures", "documents"}]
    undated: dict = field(default_factory=lambda: {"measures": 0, "documents": 0})
    total_measures: int = 0
    total_documents: int = 0
    estimate: bool = False

    @property
    def max_measures(self):
        return max([y["measures"] for y in self.years] + [0])


def build_timeline(rows: list[dict], *, documents_total: int | None = None) -> Timeline:
    t = Timeline()
    years: dict[int, dict] = {}
    months = []
    for r in rows:
        if r["year"] is None:
            t.undated["measures"] += r["measures"]
            t.undated["documents"] += r["documents"]
            continue
        y = years.setdefault(r["year"], {"year": r["year"], "measures": 0, "documents": 0})
        y["measures"] += r["measures"]
        y["documents"] += r["documents"]   # a document has one date: months add up
        if r["month"] is None:
            y["no_month"] = y.get("no_month", 0) + r["measures"]
            continue
        months.append({"year": r["year"], "month": r["month"], "label": f"{r['year']}-{r['month']:02d}",
                       "measures": r["measures"], "documents": r["documents"]})
    if years:
        lo, hi = min(years), max(years)
        t.years = [years.get(y, {"year": y, "measures": 0, "documents": 0}) for y in range(lo, hi + 1)]
    t.months = sorted(months, key=lambda m: (m["year"], m["month"]))
    t.total_measures = sum(y["measures"] for y in t.years) + t.undated["measures"]
    t.total_documents = sum(y["documents"] for y in t.years) + t.undated["documents"]
    return t


def _search(params, *, drop=(), set_=None):
    """The measure list's search for these parameters (minus `drop`, plus `set_`):
    its result (count, candidates) without facets, from the search cache."""
    from . import selectors

    q = QueryDict(mutable=True)
    for k in params:
        if k in drop or k in ("page", "page_size", "sort"):
            continue
        for v in params.getlist(k):
            q.appendlist(k, v)
    for k, v in (set_ or {}).items():
        q.setlist(k, [str(v)])
    return selectors.measure_search(params=q, facets=False, page_size=1), q


def _result_queryset(result):
    """Every measure of a measure_search result (the list's count), no order."""
    return result.queryset.order_by()


def timeline_for_result(result, *, query=None) -> Timeline:
    """The timeline of a measure list result: sums equal the list's count (over
    the verified candidates when the count is an estimate). query: the list's
    parameters, to keep the rows as long as the search's count
    (measures.selectors.cached)."""
    from . import selectors

    def compute():
        return timeline_rows(_result_queryset(result))

    if query is not None and hasattr(selectors, "cached"):
        key = sorted((k, sorted(query.getlist(k))) for k in query if k not in ("page", "page_size", "sort"))
        rows = selectors.cached("timeline", key, compute)
    else:
        rows = compute()
    t = build_timeline(rows)
    t.estimate = bool(result.count_is_estimate)
    return t


def timeline(*, params) -> dict:
    """The timeline page: per year (and per month) for the list's parameters."""
    result, q = _search(params)
    t = timeline_for_result(result)
    return {"timeline": t, "count": result.count, "query": q, "result": result}


PROVINCE_METRICS = {"measures": gettext_noop("措施"), "documents": gettext_noop("文件"),
                    "targets": gettext_noop("量化目标")}   # translated where shown


def place_counts(queryset, key: str) -> dict:
    """{place id: {"measures", "documents", "targets"}} of a measure queryset, by
    document__province_id or document__city_id (2 GROUP BY queries)."""
    out: dict = defaultdict(lambda: {"measures": 0, "documents": 0, "targets": 0})
    for r in (queryset.order_by().values(pid=F(key))
              .annotate(measures=Count("id"), documents=Count("document_id", distinct=True))):
        out[r["pid"]]["measures"] = r["measures"]
        out[r["pid"]]["documents"] = r["documents"]
    for r in (Target.objects.filter(measure__in=queryset.order_by().values("pk"))
              .values(pid=F("measure__" + key))
              .annotate(n=Count("id"))):
        out[r["pid"]]["targets"] = r["n"]
    return dict(out)


def province_map(*, params, metric: str = "measures") -> dict:
    """Tiles of the provinces coloured by measures, documents or targets for the
    list's filters (the province and city filters aside, as a facet); the
    selected province's cities as a ranked bar chart."""
    from . import charts

    metric = metric if metric in PROVINCE_METRICS else "measures"
    selected = [int(v) for v in params.getlist("province") if str(v).isdigit()]
    result, base = _search(params, drop=("province", "city"))
    counts = place_counts(_result_queryset(result), "document__province_id")
    provinces = {r.pk: r for r in Region.objects.filter(level=Level.PROVINCE)}
    tiles, table = [], []
    for pid, region in provinces.items():
        c = counts.get(pid, {"measures": 0, "documents": 0, "targets": 0})
        href = _with(base, province=pid)
        tiles.append(charts.Tile(pid, region.name, c[metric], href=href, selected=pid in selected))
        if c["measures"]:
            table.append({"region": region, "href": href, **c})
    table.sort(key=lambda r: (-r[metric], -r["measures"], r["region"].pk))
    national = counts.get(None, {"measures": 0, "documents": 0, "targets": 0})
    context = {
        "metric": metric, "metric_label": gettext(PROVINCE_METRICS[metric]),
        "metrics": {k: gettext(v) for k, v in PROVINCE_METRICS.items()},
        "map_svg": charts.tile_map(tiles, title=gettext("各省份%(metric)s数量(当前筛选条件)") % {
            "metric": gettext(PROVINCE_METRICS[metric])}, unit=gettext(PROVINCE_METRICS[metric])),
        "province_rows": table, "national": national,
        "national_href": _with(base, level=Level.NATIONAL) if national["measures"] else "",
        "total": result.count, "estimate": result.count_is_estimate, "base_query": base,
        "selected_province": provinces.get(selected[0]) if len(selected) == 1 else None,
    }
    if context["selected_province"] is not None:
        context.update(city_bars(params=params, province=context["selected_province"], metric=metric))
    return context


def city_bars(*, params, province: Region, metric: str = "measures") -> dict:
    """The cities of a province ranked by measures, documents or targets for the
    list's filters (the city filter aside), plus the province's own documents."""
    from . import charts

    result, base = _search(params, drop=("province", "city"), set_={"province": province.pk})
    counts = place_counts(_result_queryset(result), "document__city_id")
    cities = {r.pk: r for r in Region.objects.filter(pk__in=[k for k in counts if k])}
    rows = []
    for cid, c in counts.items():
        if cid is None or cid not in cities or cid == province.pk:
            continue
        rows.append({"region": cities[cid], "href": _with(base, city=cid, province=None), **c})
    rows.sort(key=lambda r: (-r[metric], -r["measures"], r["region"].pk))
    own_result, _ = _search(params, drop=("province", "city", "level"),
                            set_={"province": province.pk, "level": Level.PROVINCE})
    own = place_counts(_result_queryset(own_result), "document__province_id").get(province.pk) if \
        own_result.count else None
    bars = [charts.Bar(r["region"].name, r[metric], href=r["href"]) for r in rows]
    own_href = _with(base, level=Level.PROVINCE) if own else ""
    if own and own[metric]:
        bars.append(charts.Bar(gettext("省本级"), own[metric], href=own_href, note=gettext("省级文件")))
    return {"city_rows": rows, "province_own": own, "province_own_href": own_href,
            "cities_svg": charts.bar_chart(bars, title=gettext("%(province)s各城市%(metric)s数量") % {
                "province": province.name, "metric": gettext(PROVINCE_METRICS[metric])},
                unit=gettext(PROVINCE_METRICS[metric]), css_class="city-bars"),
            "province_total": result.count}


def _with(base: QueryDict, **changes) -> str:
    q = base.copy()
    for k, v in changes.items():
        if v is None:
            q.pop(k, None)
        else:
            q.setlist(k, [str(v)])
    return _list_url(**{k: q.getlist(k) for k in q})
