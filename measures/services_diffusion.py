"""Write services for how policy spreads: citations, document keys, specificity
flags and text fingerprints. Called by the importer (after_import, once per
document), by the editors' services (measures.services: a measure, target,
unit or document changed) and by `manage.py refresh_diffusion`.

Every function keeps derived data consistent at once and is idempotent.
Work is bounded per document: a handful of queries whatever the corpus size
(keys and waiting citations are found through indexes).
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q

from . import citations as C
from . import similarity as SIM
from . import specificity as SPEC
from .models import Citation, Document, DocumentKey, Level, Measure, MeasureFingerprint, MeasureUnit, Target

log = logging.getLogger(__name__)

CHUNK = 500
LEVEL_RANK = {Level.NATIONAL: 0, Level.PROVINCE: 1, Level.CITY: 2, Level.DISTRICT: 3}


# --- the importer's hook ------------------------------------------------------------------

def after_import(doc: Document) -> None:
    """Everything derived from a newly imported (or updated) document: its keys,
    its citations (resolved where the cited document is in the corpus), the
    citations elsewhere that were waiting for it, and its measures' specificity
    flags and fingerprints."""
    refresh_document(doc, flags=False)
    refresh_measures(doc.measures.values_list("pk", flat=True))


def document_changed(doc: Document) -> None:
    """An editor changed a document's title, number or dates: keys and citations again."""
    refresh_document(doc)


@transaction.atomic
def refresh_document(doc: Document, *, flags: bool = True, new: bool = False,
                     refs: list[C.Reference] | None = None, batch: NewDocuments | None = None) -> None:
    """A document's keys and citations, the citations waiting for it, and (flags)
    its measures' specificity flags (cheap: no fingerprints). ``new``: the document was
    just created (it has no keys or citations yet, and nothing points to it: nothing to
    read back); ``refs``: its references as extract() gives them, computed beforehand
    (the importer's worker processes do); ``batch``: new documents refreshed one after the
    other, in order, with what NewDocuments read for all of them at once."""
    if batch is None:
        save_document_keys(doc, new=new)
    created = save_citations(doc, new=new, refs=refs, batch=batch)
    resolve_waiting_citations(doc, new=new, batch=batch)
    if batch is not None:
        batch.waiting += created
    if flags:
        refresh_flags(doc.measures.values_list("pk", flat=True))


def refresh_new_documents(docs: list[Document], refs: list[list[C.Reference] | None]) -> None:
    """The importer's batch of new documents, just created in this order: for each, what
    refresh_document(doc, flags=False, new=True, refs=…, batch=…) does, with what NewDocuments
    reads for all of them at once, inside the caller's transaction (the batch is all-or-nothing:
    no savepoint per document). Their new citations are inserted together at the end, or sooner
    when a later document of the batch takes one of them up (so that it is updated in the table,
    as one by one: the same rows, ids and history)."""
    batch = NewDocuments(docs, refs, defer=True)
    for doc, doc_refs in zip(docs, refs):
        created = save_citations(doc, new=True, refs=doc_refs, batch=batch)
        resolve_waiting_citations(doc, new=True, batch=batch)
        batch.waiting += created
    batch.flush()


# --- document keys ------------------------------------------------------------------------

def document_keys(doc: Document) -> list[tuple[str, str, str]]:
    """(kind, key, org) rows a document is found by."""
    rows = []
    parts = C.number_parts(doc.doc_number or "")
    if parts:
        rows.append((DocumentKey.Kind.NUMBER, parts[1], parts[0]))
    for title in (doc.title, doc.notice_title):
        for key in C.title_keys(title or ""):
            rows.append((DocumentKey.Kind.TITLE, key, ""))
    base = C.base_title(doc.title or "")
    if len(base) >= C.MIN_TITLE:
        rows.append((DocumentKey.Kind.BASE, base, ""))
    return list(dict.fromkeys(rows))


def save_document_keys(doc: Document, *, new: bool = False) -> None:
    wanted = document_keys(doc)
    if new:
        DocumentKey.objects.bulk_create([DocumentKey(document=doc, kind=k, key=key[:520], org=org[:40])
                                         for k, key, org in wanted])
        return
    current = set(DocumentKey.objects.filter(document=doc).values_list("kind", "key", "org"))
    if current == set(wanted):
        return
    DocumentKey.objects.filter(document=doc).delete()
    DocumentKey.objects.bulk_create([DocumentKey(document=doc, kind=k, key=key[:520], org=org[:40])
                                     for k, key, org in wanted])


# --- citations ----------------------------------------------------------------------------

def extract(doc: Document) -> list[C.Reference]:
    return C.extract_references(C.policy_text(doc.raw_text), own_title=doc.title,
                                own_number=doc.doc_number or "", own_notice_title=doc.notice_title or "")


def save_citations(doc: Document, *, new: bool = False, refs: list[C.Reference] | None = None,
                   batch: NewDocuments | None = None) -> list[Citation]:
    """Extract the document's references and store them, resolved where possible.
    A citation an editor decided (editor_set) keeps its target; one the text no
    longer contains is dropped unless an editor decided it. ``new``: a document just
    created (no citations to read back); ``refs``: extract(doc), computed beforehand."""
    refs = extract(doc) if refs is None else refs
    if batch is not None:
        resolved = resolve_references(refs, doc, candidates=batch.candidates, hidden=batch.hidden(doc))
    else:
        resolved = resolve_references(refs, doc)
    existing = {} if new else {c.ref_key: c for c in Citation.objects.filter(document=doc)}
    keep, new = [], []
    for ref in refs:
        key = ref.ref_key[:520]
        target_id, method = resolved.get(key, (None, Citation.Method.NONE))
        c = existing.pop(key, None)
        values = {"kind": ref.kind, "title": ref.title[:500], "doc_number": ref.doc_number[:100],
                  "number_org": ref.number_org[:40], "number_core": ref.number_core[:40],
                  "title_keys": [k[:520] for k in ref.keys], "context": ref.context[:300],
                  "position": ref.position, "occurrences": min(ref.occurrences, 32767)}
        if c is None:
            new.append(Citation(document=doc, ref_key=key, target_id=target_id, method=method, **values))
            continue
        changed = [name for name, value in values.items() if getattr(c, name) != value]
        for name in changed:
            setattr(c, name, values[name])
        if not c.editor_set and (c.target_id != target_id or c.method != method):
            c.target_id, c.method = target_id, method
            changed += ["target", "method"]
        if changed:
            c.save()
        keep.append(c)
    stale = [c.pk for c in existing.values() if not c.editor_set]
    if stale:
        Citation.objects.filter(pk__in=stale).delete()
    if new and batch is not None and batch.pending is not None:
        batch.pending += new  # inserted with the batch's (refresh_new_documents)
    elif new:
        Citation.objects.bulk_create(new)
    return keep + new


def _candidates(refs: list[C.Reference]) -> tuple[dict, dict]:
    """Documents the references may name: by number core and by title key (2 queries)."""
    cores = {r.number_core for r in refs if r.number_core}
    keys = {k for r in refs for k in r.keys}
    by_core: dict[str, list[tuple[int, str]]] = defaultdict(list)
    by_key: dict[str, set[int]] = defaultdict(set)
    if cores:
        for doc_id, key, org in DocumentKey.objects.filter(kind=DocumentKey.Kind.NUMBER, key__in=cores).values_list(
                "document_id", "key", "org"):
            by_core[key].append((doc_id, org))
    if keys:
        for doc_id, key in DocumentKey.objects.filter(kind=DocumentKey.Kind.TITLE, key__in=keys).values_list(
                "document_id", "key"):
            by_key[key].add(doc_id)
    return by_core, by_key


def resolve_references(refs: list[C.Reference], doc: Document, *, candidates: tuple[dict, dict] | None = None,
                       hidden: frozenset | set = frozenset()) -> dict[str, tuple[int | None, str]]:
    """ref_key -> (document id, method): by 文号 first, then by whole title, then by
    title without its issuer; among several documents the likeliest (see _best).
    ``candidates``: _candidates() of these references read beforehand; ``hidden``: documents
    not to consider (a batch's documents written after this one, whose keys are stored already)."""
    by_core, by_key = candidates if candidates is not None else _candidates(refs)
    skip = {doc.pk} | set(hidden)
    found: dict[str, set[int]] = {}
    for r in refs:
        ids = {i for i, org in by_core.get(r.number_core, []) if C.numbers_match(r.number_org, org)} - skip
        if ids:
            found[r.ref_key] = ids
    all_ids = set().union(*found.values()) if found else set()
    for r in refs:
        for loose in (False, True):
            ids = set().union(*[by_key.get(k, set()) for k in r.keys if k.startswith("~") == loose]) - skip
            if ids:
                all_ids |= ids
                break
    info = {d.pk: d for d in Document.objects.filter(pk__in=all_ids).only(
        "id", "level", "province_id", "city_id", "signed_date", "published_date", "status")} if all_ids else {}
    out = {}
    for r in refs:
        key = r.ref_key[:520]
        ids = found.get(r.ref_key)
        if ids:
            out[key] = (_best(ids, doc, info), Citation.Method.NUMBER)
            continue
        for loose, method in ((False, Citation.Method.TITLE), (True, Citation.Method.LOOSE_TITLE)):
            ids = set().union(*[by_key.get(k, set()) for k in r.keys if k.startswith("~") == loose]) - skip
            if ids:
                out[key] = (_best(ids, doc, info), method)
                break
    return out


def _day(d):
    return d.signed_date or d.published_date if d is not None else None


def _best(ids: set[int], citing: Document, info: dict) -> int:
    """The document a citation most likely means: a final version before a draft,
    one dated before the citing document, one of the same province (or national),
    the higher level, the older."""
    cday = _day(citing)

    def rank(pk):
        d = info.get(pk)
        if d is None:
            return (9, 9, 9, 9, pk)
        day = _day(d)
        later = 1 if (day and cday and day > cday) else 0
        elsewhere = 0 if (d.province_id is None or d.province_id == citing.province_id) else 1
        return (1 if d.status == Document.Status.DRAFT else 0, later, elsewhere, LEVEL_RANK.get(d.level, 4),
                day.toordinal() if day else 0, pk)

    return min(ids, key=rank)


def _waiting_condition(docs: Iterable[Document]) -> Q:
    """Citations that may name one of these documents (by 文号 core or title key)."""
    cores, titles = set(), set()
    for doc in docs:
        for kind, key, _ in document_keys(doc):
            if kind == DocumentKey.Kind.NUMBER:
                cores.add(key)
            elif kind == DocumentKey.Kind.TITLE:
                titles.add(key)
    cond = Q()
    if cores:
        cond |= Q(number_core__in=sorted(cores))
    if titles:
        cond |= Q(title_keys__overlap=sorted(titles))
    return cond


def waiting_citations(docs: list[Document]) -> list[Citation]:
    """The citations stored now that resolve_waiting_citations may take up for any of these new
    documents, in one query (for a batch refreshed one document after the other: each then
    picks its own from this list and the batch's own citations, as its query would)."""
    cond = _waiting_condition(docs)
    if not cond:
        return []
    return list(Citation.objects.filter(cond).filter(editor_set=False).exclude(method=Citation.Method.NUMBER)
                .select_related("document"))


class NewDocuments:
    """New documents (the importer's batch, created in this order) about to be refreshed one after
    the other with refresh_document(new=True, batch=…): their keys are written and what their
    references and the waiting citations need is read for all of them at once (a few queries
    per batch instead of per document). Each document then sees the batch's earlier documents
    and not the later ones (``hidden``), as when they are refreshed with a query each."""

    def __init__(self, docs: list[Document], refs: list[list[C.Reference] | None], *, defer: bool = False):
        # defer: the documents' new citations wait in `pending` for flush() (refresh_new_documents)
        self.pending: list[Citation] | None = [] if defer else None
        self.order = {d.pk: i for i, d in enumerate(docs)}
        self._ids = [d.pk for d in docs]
        DocumentKey.objects.bulk_create([DocumentKey(document=d, kind=k, key=key[:520], org=org[:40])
                                         for d in docs for k, key, org in document_keys(d)])
        self.waiting = waiting_citations(docs)
        known = [r for doc_refs in refs if doc_refs for r in doc_refs]
        self.candidates = _candidates(known) if all(r is not None for r in refs) else None

    def flush(self) -> None:
        """Insert the citations waiting in `pending`, in the order they were made."""
        if self.pending:
            Citation.objects.bulk_create(self.pending)
            self.pending = []

    def hidden(self, doc: Document) -> frozenset:
        i = self.order.get(doc.pk)
        return frozenset(self._ids[i + 1:]) if i is not None else frozenset()


def resolve_waiting_citations(doc: Document, *, new: bool = False, batch: NewDocuments | None = None) -> int:
    """Citations elsewhere that name this document and had no target (or were
    matched less surely), now pointing to it; citations pointing to it that no
    longer match are resolved again. Returns how many changed. ``new``: a document
    just created, which only the citations pointed to it here can point to; ``batch``
    (new documents only): the citations to look at are the batch's list, kept up to date,
    instead of a query."""
    pool = batch.waiting if batch is not None and new else None
    hidden = batch.hidden(doc) if batch is not None else frozenset()
    keys = document_keys(doc)
    cores = {(key, org) for kind, key, org in keys if kind == DocumentKey.Kind.NUMBER}
    titles = [key for kind, key, _ in keys if kind == DocumentKey.Kind.TITLE]
    cond = _waiting_condition([doc])
    changed = 0
    pointed = []
    if cond:
        if pool is not None and new:
            core_set, title_set = {c for c, _ in cores}, set(titles)
            waiting = [c for c in pool if not c.editor_set and c.document_id != doc.pk and c.target_id != doc.pk
                       and c.method != Citation.Method.NUMBER
                       and (c.number_core in core_set or not title_set.isdisjoint(c.title_keys))]
        else:
            waiting = (Citation.objects.filter(cond).filter(editor_set=False).exclude(document_id=doc.pk)
                       .exclude(target_id=doc.pk).exclude(method=Citation.Method.NUMBER)
                       .select_related("document"))
        for c in waiting:
            method = None
            if c.number_core and any(c.number_core == core and C.numbers_match(c.number_org, org)
                                     for core, org in cores):
                method = Citation.Method.NUMBER
            elif c.method == Citation.Method.TITLE:
                continue   # already matched on a whole title: keep unless the number says otherwise
            elif set(c.title_keys) & {t for t in titles if not t.startswith("~")}:
                method = Citation.Method.TITLE
            elif c.method == Citation.Method.NONE and set(c.title_keys) & set(titles):
                method = Citation.Method.LOOSE_TITLE
            if method is None:
                continue
            if c.pk is None and batch is not None:  # a citation of the batch not inserted yet
                batch.flush()
            c.target_id, c.method = doc.pk, method
            c.save(update_fields=["target", "method"])
            pointed.append(c)
            changed += 1
    # Citations that point here but no longer match this document (its title or number was corrected).
    if not new:
        pointed = Citation.objects.filter(target_id=doc.pk, editor_set=False).select_related("document")
    for c in pointed:
        ref = C.Reference(kind=c.kind, title=c.title, doc_number=c.doc_number, keys=list(c.title_keys),
                          number_org=c.number_org, number_core=c.number_core)
        target_id, method = resolve_references([ref], c.document, hidden=hidden).get(
            ref.ref_key[:520], (None, Citation.Method.NONE))
        if target_id != c.target_id or method != c.method:
            c.target_id, c.method = target_id, method
            c.save(update_fields=["target", "method"])
            changed += 1
    return changed


def set_citation_target(citation: Citation, target: Document | None, *, user=None) -> Citation:
    """An editor's decision: this citation means `target` (None: no document of the corpus)."""
    if user is not None and getattr(user, "is_authenticated", False):
        citation._history_user = user
    citation.target = target
    citation.method = Citation.Method.EDITOR if target is not None else Citation.Method.NONE
    citation.editor_set = True
    citation.save()
    return citation


def add_citation(document: Document, target: Document, *, user=None) -> Citation:
    """An editor adds a citation the text does not show (kept on re-import)."""
    c = Citation.objects.filter(document=document, ref_key=f"e:{target.pk}").first() or Citation(
        document=document, ref_key=f"e:{target.pk}")
    c.target, c.kind, c.method, c.editor_set = target, Citation.Kind.EDITOR, Citation.Method.EDITOR, True
    c.title, c.doc_number = target.title[:500], (target.doc_number or "")[:100]
    if user is not None and getattr(user, "is_authenticated", False):
        c._history_user = user
    c.save()
    return c


def release_citation(citation: Citation) -> Citation:
    """Undo an editor's decision: the citation is resolved automatically again."""
    citation.editor_set = False
    ref = C.Reference(kind=citation.kind, title=citation.title, doc_number=citation.doc_number,
                      keys=list(citation.title_keys), number_org=citation.number_org,
                      number_core=citation.number_core)
    citation.target_id, citation.method = resolve_references([ref], citation.document).get(
        ref.ref_key[:520], (None, Citation.Method.NONE))
    citation.save()
    return citation


# --- measures: specificity flags and fingerprints ------------------------------------------

def refresh_measures(pks: Iterable[int]) -> int:
    """Recompute the specificity flags (keeping editors' corrections) and the text
    fingerprints of these measures. Returns how many measures were read."""
    pks = sorted({int(pk) for pk in pks if pk is not None})
    for start in range(0, len(pks), CHUNK):
        _refresh_chunk(pks[start:start + CHUNK])
    return len(pks)


def refresh_flags(pks: Iterable[int]) -> int:
    """Recompute only the specificity flags (keeping editors' corrections)."""
    pks = sorted({int(pk) for pk in pks if pk is not None})
    for start in range(0, len(pks), CHUNK):
        _refresh_chunk(pks[start:start + CHUNK], fingerprints=False)
    return len(pks)


def recompute_specificity(pks: Iterable[int]) -> int:
    return refresh_measures(pks)


def _refresh_chunk(pks: list[int], *, fingerprints: bool = True) -> None:
    measures = list(Measure.objects.filter(pk__in=pks).only(
        "id", "document_id", "text", "specificity", "specificity_auto", *SPEC.FLAG_NAMES))
    if not measures:
        return
    targets: dict[int, list] = defaultdict(list)
    target_units: dict[int, list] = defaultdict(list)
    for mid, year, unit in Target.objects.filter(measure_id__in=pks).values_list("measure_id", "year", "unit"):
        targets[mid].append(year)
        target_units[mid].append(unit)
    units: dict[int, list] = defaultdict(list)
    for mid, role in MeasureUnit.objects.filter(measure_id__in=pks).values_list("measure_id", "role"):
        units[mid].append(role)
    changed = []
    for m in measures:
        computed = SPEC.compute_flags(m.text, n_targets=len(targets[m.pk]), target_years=targets[m.pk],
                                      n_units=len(units[m.pk]),
                                      n_lead=sum(1 for r in units[m.pk] if r == MeasureUnit.Role.LEAD),
                                      target_units=target_units[m.pk])
        current = {name: getattr(m, name) for name in SPEC.FLAG_NAMES}
        merged = SPEC.merge_flags(current, computed, m.specificity_auto or None)
        score = SPEC.score(merged)
        if merged != current or score != m.specificity or (m.specificity_auto or {}) != computed:
            for name, value in merged.items():
                setattr(m, name, value)
            m.specificity = score
            m.specificity_auto = computed
            changed.append(m)
    if changed:
        Measure.objects.bulk_update(changed, [*SPEC.FLAG_NAMES, "specificity", "specificity_auto"])
    if not fingerprints:
        return
    prints = []
    for m in measures:
        weights = SIM.weighted_words(m.text)
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:SIM.KEYWORDS]
        prints.append(MeasureFingerprint(measure_id=m.pk, document_id=m.document_id, bands=SIM.bands(m.text),
                                         terms=[w[:40] for w, _ in top], weights=[round(v, 3) for _, v in top]))
    MeasureFingerprint.objects.filter(measure_id__in=[m.pk for m in measures]).delete()
    MeasureFingerprint.objects.bulk_create(prints)


# --- everything, for existing databases ----------------------------------------------------

def refresh_all(*, only_missing: bool = False, progress=None) -> int:
    """Recompute for every document (only_missing: those without keys or
    fingerprints yet, e.g. after the migration on an existing database)."""
    docs = Document.objects.order_by("id")
    if only_missing:
        docs = docs.filter(~Q(pk__in=DocumentKey.objects.values("document_id"))
                           | Q(pk__in=Measure.objects.filter(fingerprint__isnull=True).values("document_id")))
    n = 0
    for doc in docs.iterator(chunk_size=200):
        with transaction.atomic():
            after_import(doc)
        n += 1
        if progress:
            progress(doc)
    return n
