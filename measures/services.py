"""Editors' write services: every change an editor makes goes through here.

The admin (measures.admin) and the public error-report view call these
functions; they never write models themselves. Each service keeps the derived
data consistent at once:

* a Document's denormalised ``province``/``city`` follow its (corrected) region;
* the search vectors of the measures concerned are rebuilt in the same
  transaction (``reindex_measures``), so search results, facet counts and pages
  reflect a correction immediately;
* history (django-simple-history) records who made the change: pass ``user``
  when calling from outside a request (in a request, HistoryRequestMiddleware
  supplies it).

Why explicit calls rather than post_save/m2m_changed signals: an admin save
writes the Measure row first and its themes, IP types and unit links (inlines)
afterwards, so a post_save handler would index a half-saved measure and then
re-run for every m2m/inline write; signals would also fire for every row the
importer writes, although the importer already reindexes a whole document in
one batch at the end. Calling ``measure_edited`` once after everything is
saved (admin ``save_related``, the history-revert view, bulk actions) is both
correct and cheap.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from .models import Document, ErrorReport, Measure, MeasureUnit, Region, ResponsibleUnit, Target, Theme

log = logging.getLogger(__name__)


# --- search index ---------------------------------------------------------------

def reindex_measures(pks: Iterable[int]) -> bool:
    """Rebuild the search vectors of the given measures; False when no index exists yet.

    The search module is written separately; until it exists this is a logged no-op.
    An ImportError raised *inside* that module is a real bug and propagates.
    """
    pks = sorted({int(pk) for pk in pks if pk is not None})
    if not pks:
        return False
    try:
        from measures.search.index import update_search_vectors
    except ModuleNotFoundError as exc:
        if exc.name not in {"measures.search", "measures.search.index"}:
            raise
        log.warning("measures.search.index is missing: search vectors of %d measures not rebuilt", len(pks))
        return False
    update_search_vectors(pks)
    return True


def measure_edited(*measures: Measure | int) -> bool:
    """Call after a measure and all its related rows (themes, IP types, units) are saved."""
    pks = [m.pk if isinstance(m, Measure) else m for m in measures]
    _refresh_derived(pks)
    return reindex_measures(pks)


def document_edited(document: Document) -> bool:
    """A document's title/region/dates feed its measures' search data and facets: reindex them all."""
    from .services_diffusion import document_changed

    document_changed(document)   # its keys and citations follow its title and number
    pks = list(document.measures.values_list("pk", flat=True))
    _refresh_derived(pks)
    return reindex_measures(pks)


def _refresh_derived(pks) -> None:
    """Specificity flags and text fingerprints follow a measure's text, targets and units
    (measures.services_diffusion; flags an editor set by hand are kept)."""
    from .services_diffusion import refresh_measures

    refresh_measures(pks)


# --- documents --------------------------------------------------------------------

def province_city_of(region: Region | None) -> tuple[Region | None, Region | None]:
    """The province and city a region lies in (see Region.province_and_city)."""
    return region.province_and_city() if region is not None else (None, None)


def save_document(document: Document, *, user=None) -> Document:
    """Save an editor's change to a document (not its measures)."""
    _attach_user(document, user)
    document.province, document.city = province_city_of(document.region)
    document.save()
    return document


# --- measures ---------------------------------------------------------------------

@transaction.atomic
def save_measure(measure: Measure, *, user=None, themes=None, ip_types=None, units=None) -> Measure:
    """Save an editor's change to a measure outside the admin.

    ``themes``/``ip_types``: iterables of Theme/IPType (None: unchanged).
    ``units``: list of (ResponsibleUnit, role) pairs replacing the current links (None: unchanged).
    """
    _attach_user(measure, user)
    measure.save()
    if themes is not None:
        measure.themes.set(list(themes))
    if ip_types is not None:
        measure.ip_types.set(list(ip_types))
    if units is not None:
        measure.unit_links.all().delete()
        for pos, (unit, role) in enumerate(units):
            link = MeasureUnit(measure=measure, unit=unit, role=role, position=pos)
            _attach_user(link, user)
            link.save()
    measure_edited(measure)
    return measure


@transaction.atomic
def set_theme(measures: Iterable[Measure], theme: Theme, *, replace: bool = False, user=None) -> int:
    """Add ``theme`` to each measure (or make it their only theme). Returns how many changed."""
    changed = []
    for m in measures:
        current = set(m.themes.values_list("pk", flat=True))
        wanted = {theme.pk} if replace else current | {theme.pk}
        if wanted == current:
            continue
        _attach_user(m, user)
        if replace:
            m.themes.set([theme])
        else:
            m.themes.add(theme)
        changed.append(m.pk)
    reindex_measures(changed)
    return len(changed)


def mark_reviewed(queryset, *, user=None) -> int:
    """Mark documents or measures as reviewed by an editor (history kept)."""
    objs = list(queryset.filter(reviewed=False))
    for obj in objs:
        obj.reviewed = True
    if objs:
        bulk_update_with_history(objs, queryset.model, ["reviewed"], default_user=user)
    return len(objs)


# --- targets ----------------------------------------------------------------------

def save_target(target: Target, *, user=None) -> Target:
    """Save a target; one an editor creates is marked ``added_by_editor`` so re-imports keep it."""
    if target.pk is None or target._state.adding:
        target.added_by_editor = True
        if target.document_id is None and target.measure_id is not None:
            target.document = target.measure.document
    _attach_user(target, user)
    target.save()
    if target.measure_id:
        _refresh_derived([target.measure_id])
    return target


# --- responsible units ------------------------------------------------------------

@transaction.atomic
def merge_units(units: Iterable[ResponsibleUnit], canonical: ResponsibleUnit, *, user=None) -> int:
    """Make ``canonical`` the canonical unit of every unit in ``units`` (and of their aliases).

    Names stay as written in each document (MeasureUnit links are untouched, so
    this is not an edit of any measure and re-imports do not see a correction);
    only the ``canonical`` pointers change, which is what unit facets group by.
    Returns how many units now point to ``canonical``.
    """
    others = [u for u in units if u.pk != canonical.pk]
    if canonical.canonical_id is not None:
        # The chosen unit was an alias itself: promote it.
        _attach_user(canonical, user)
        canonical.canonical = None
        canonical.save(update_fields=["canonical"])
    other_pks = [u.pk for u in others]
    affected = list(ResponsibleUnit.objects.filter(pk__in=other_pks)
                    | ResponsibleUnit.objects.filter(canonical__in=other_pks).exclude(pk=canonical.pk))
    for unit in affected:
        unit.canonical = canonical
    if affected:
        bulk_update_with_history(affected, ResponsibleUnit, ["canonical"], default_user=user)
    unit_pks = [u.pk for u in affected] + [canonical.pk]
    reindex_measures(MeasureUnit.objects.filter(unit__in=unit_pks).values_list("measure_id", flat=True))
    return len(affected)


# --- error reports ------------------------------------------------------------------

def create_error_report(*, kind: str, description: str, contact: str = "", measure: Measure | None = None,
                        document: Document | None = None) -> ErrorReport:
    """Store a visitor's report; a report on a measure also names its document (for
    filtering). A report on neither is a general one (coverage, the site itself)."""
    if measure is not None and document is None:
        document = measure.document
    return ErrorReport.objects.create(kind=kind, description=description.strip(), contact=contact.strip(),
                                      measure=measure, document=document)


def handle_error_reports(reports: Iterable[ErrorReport], status: str, *, user, note: str = "") -> int:
    """Close reports as fixed or rejected, recording who and when."""
    if status not in (ErrorReport.Status.FIXED, ErrorReport.Status.REJECTED, ErrorReport.Status.OPEN):
        raise ValueError(f"unknown status {status!r}")
    now = timezone.now()
    objs = list(reports)
    for r in objs:
        r.status = status
        if status == ErrorReport.Status.OPEN:
            r.handled_by, r.handled_at = None, None
        else:
            r.handled_by, r.handled_at = user, now
        if note:
            r.note = f"{r.note}\n{note}".strip() if r.note else note
    if objs:
        bulk_update_with_history(objs, ErrorReport, ["status", "handled_by", "handled_at", "note"],
                                 default_user=user)
    return len(objs)


def _attach_user(obj, user) -> None:
    if user is not None and getattr(user, "is_authenticated", False):
        obj._history_user = user
