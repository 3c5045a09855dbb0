"""Read-side query logic for the measures app, as QuerySet methods."""
from django.contrib.postgres.search import SearchQueryField
from django.db import models
from django.db.models import Exists, F, Func, OuterRef, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, ExtractYear

# ts_rank_cd weights, in PostgreSQL's order {D, C, B, A} (see measures.search.engine).
RANK_WEIGHTS = [0.1, 0.02, 0.05, 1.0]

# Brackets and spaces a 文号 may be written with: compared without them.
DOC_NUMBER_NOISE = "〔〕[]【】()（）﹝﹞〈〉<>《》{}｛｝ 　"


def text_variants(value: str) -> list[str]:
    """A name as typed, folded to Simplified and written in Traditional: the
    forms a case-insensitive substring filter tries (documents keep their own
    script)."""
    from measures.search.text import _converter, fold_chars

    value = (value or "").strip()[:100]
    if not value:
        return []
    forms = [value, fold_chars(value), _converter("s2t").convert(value)]
    return list(dict.fromkeys(f for f in forms if f))


def _contains_any(field: str, values) -> Q:
    cond = Q(pk__in=[])
    for v in values:
        cond |= Q(**{f"{field}__icontains": v})
    return cond


class TsQuery(Func):
    """A tsquery built by measures.search.query (quoted lexemes), cast as is."""

    template = "%(expressions)s::tsquery"
    output_field = SearchQueryField()

    def __init__(self, text: str):
        super().__init__(Value(text))


class TsMatch(Func):
    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = models.BooleanField()



class _CountSubquery(models.Subquery):
    """COUNT(DISTINCT column) over a correlated subquery, 0 when empty."""

    template = "(SELECT COUNT(DISTINCT _c.%(column)s) FROM (%(subquery)s) _c)"
    output_field = models.IntegerField()

    def __init__(self, queryset, column, **extra):
        super().__init__(queryset.order_by().values(column), column=column, **extra)


def _count_subquery(queryset, column):
    return _CountSubquery(queryset, column)


class DocumentQuerySet(models.QuerySet):
    def needing_review(self):
        """Documents the parser raised warnings about that no editor has reviewed yet."""
        return self.exclude(parse_warnings=[]).filter(reviewed=False)

    def with_region(self):
        return self.select_related("region", "province", "city")

    def with_counts(self):
        """Each document with `n_measures` and `n_targets` (subqueries, no row multiplication)."""
        from .models import Measure, Target

        return self.annotate(
            n_measures=_count_subquery(Measure.objects.filter(document_id=models.OuterRef("pk")), "id"),
            n_targets=_count_subquery(Target.objects.filter(document_id=models.OuterRef("pk")), "id"),
        )

    def for_detail(self):
        """A document page: region chain plus its measures (with labels) and targets, prefetched."""
        from .models import Measure, Target

        return self.with_region().prefetch_related(
            models.Prefetch("measures", queryset=Measure.objects.order_by("ordinal").prefetch_related(
                "themes", "ip_types")),
            models.Prefetch("targets", queryset=Target.objects.select_related("measure")),
        )


class MeasureQuerySet(models.QuerySet):
    def for_listing(self):
        """Everything a list row shows, without N+1 queries."""
        return self.select_related("document", "document__province", "document__city").prefetch_related(
            "themes", "ip_types", "unit_links__unit"
        )

    def matching(self, query):
        """Measures matching a query (a string or a parsed measures.search
        query), its field filters (文号:, 发布机构:, 单位:) included. An
        unsearchable query matches nothing; an empty one leaves the queryset as
        it is."""
        from measures.search.query import ParsedQuery, parse

        pq = query if isinstance(query, ParsedQuery) else parse(query)
        if not pq.active:
            return self
        if pq.matches_nothing:
            return self.none()
        qs = self.with_query_fields(pq)
        if pq.tsquery:
            qs = qs.filter(TsMatch(F("search_vector"), TsQuery(pq.tsquery)))
        return qs

    def with_query_fields(self, pq):
        """The query's top-level 文号:, 发布机构: and 单位: terms as filters (- excludes; OR of one
        field's values: any of them)."""
        qs = self
        for m in pq.metadata:
            of_value = {"doc_number": self._doc_number_q, "issuer": self._issuer_q, "unit": self._unit_q}[m.field]
            cond = Q()
            for value in m.values:   # alternatives: any of them (发布机构:(甲 OR 乙))
                cond |= of_value(value)
            qs = qs.exclude(cond) if m.negated else qs.filter(cond)
        return qs

    @staticmethod
    def _doc_number_q(value):
        from .models import Document

        noise = str.maketrans("", "", DOC_NUMBER_NOISE)
        values = [v.translate(noise) for v in text_variants(value)]
        docs = Document.objects.annotate(
            _dn=Func(F("doc_number"), Value(DOC_NUMBER_NOISE), Value(""), function="translate",
                     output_field=models.CharField())).filter(_contains_any("_dn", [v for v in values if v]))
        return Q(document_id__in=docs.values("pk"))

    @staticmethod
    def _issuer_q(value):
        from .models import Document

        docs = Document.objects.filter(_contains_any("issuer", text_variants(value)))
        return Q(document_id__in=docs.values("pk"))

    @staticmethod
    def _unit_q(value):
        from .models import MeasureUnit

        variants = text_variants(value)
        links = MeasureUnit.objects.filter(measure_id=OuterRef("pk")).filter(
            _contains_any("unit__name", variants) | _contains_any("unit__canonical__name", variants))
        return Q(Exists(links))

    def with_issuer(self, value):
        return self.filter(self._issuer_q(value)) if value else self

    def with_doc_number(self, value):
        return self.filter(self._doc_number_q(value)) if value else self

    def with_doc_type(self, value):
        """Documents of a type derived from their title (measures.doctypes)."""
        from .doctypes import title_regex

        return self.filter(document__title__regex=title_regex(value)) if value else self

    def with_date_range(self, date_from=None, date_to=None):
        """The document's date (signed, else published) within [date_from, date_to]."""
        qs = self.alias(doc_date=Coalesce("document__signed_date", "document__published_date"))
        if date_from:
            qs = qs.filter(doc_date__gte=date_from)
        if date_to:
            qs = qs.filter(doc_date__lte=date_to)
        return qs

    def search(self, query):
        """matching(query), annotated with `rank` (0 without a query): the
        tiers and ts_rank_cd of measures.search.engine.rank_sql."""
        from measures.search.engine import rank_sql
        from measures.search.query import ParsedQuery, parse

        pq = query if isinstance(query, ParsedQuery) else parse(query)
        qs = self.matching(pq)
        if not pq.tsquery:
            return qs.annotate(rank=Value(0.0, output_field=models.FloatField()))
        sql, params = rank_sql(pq, f'"{self.model._meta.db_table}"."search_vector"')
        return qs.annotate(rank=RawSQL(sql, params, output_field=models.FloatField()))

    def by_relevance(self):
        """Best first; ties: the newest document, then document and measure order."""
        return self.order_by(F("rank").desc(), Coalesce("document__published_date", "document__signed_date").desc(
            nulls_last=True), "document_id", "ordinal")

    def by_date(self):
        return self.order_by(F("document__published_date").desc(nulls_last=True), "document_id", "ordinal")

    def with_year(self):
        """Alias `year`: the document's year (signed date, else published date,
        else the year of a date known only to the month: Document.date_year)."""
        return self.alias(year=Coalesce(ExtractYear(Coalesce("document__signed_date", "document__published_date")),
                                        "document__date_year", output_field=models.IntegerField()))

    def undated(self, value: bool = True):
        """Measures of documents with no date at all (日期不详), or (False) with one."""
        return self.with_year().filter(year__isnull=value)

    def with_theme(self, codes):
        from .models import Measure

        through = Measure.themes.through
        return self.filter(Exists(through.objects.filter(measure_id=OuterRef("pk"), theme__code__in=codes)))

    def with_ip_type(self, codes):
        from .models import Measure

        through = Measure.ip_types.through
        return self.filter(Exists(through.objects.filter(measure_id=OuterRef("pk"), iptype__code__in=codes)))

    def with_unit(self, *, unit_ids=None, roles=None):
        """Measures with a responsible unit whose canonical unit is one of
        unit_ids, and/or with one of `roles` (on the same link)."""
        from .models import MeasureUnit

        links = MeasureUnit.objects.filter(measure_id=OuterRef("pk"))
        if unit_ids:
            links = links.annotate(canonical_id=Coalesce("unit__canonical_id", "unit_id")).filter(
                canonical_id__in=unit_ids)
        if roles:
            links = links.filter(role__in=roles)
        return self.filter(Exists(links))

    def with_targets(self, value: bool = True):
        from .models import Target

        exists = Exists(Target.objects.filter(measure_id=OuterRef("pk")))
        return self.filter(exists if value else ~exists)

    def for_detail(self):
        """A measure page: document with regions, labels, units (with canonical) and targets."""
        from .models import MeasureUnit

        return self.select_related(
            "document", "document__province", "document__city", "document__region"
        ).prefetch_related(
            "themes", "ip_types", "targets",
            models.Prefetch("unit_links", queryset=MeasureUnit.objects.select_related("unit", "unit__canonical")),
        )

    def neighbours_of(self, measure):
        """The measures just before and after `measure` in its document (one query, at most two rows)."""
        siblings = self.model.objects.filter(document_id=measure.document_id)
        prev_ordinal = siblings.filter(ordinal__lt=measure.ordinal).order_by("-ordinal").values("ordinal")[:1]
        next_ordinal = siblings.filter(ordinal__gt=measure.ordinal).order_by("ordinal").values("ordinal")[:1]
        return self.filter(document_id=measure.document_id).filter(
            models.Q(ordinal=models.Subquery(prev_ordinal)) | models.Q(ordinal=models.Subquery(next_ordinal))
        ).only("id", "ordinal", "label", "title", "text", "document_id").order_by("ordinal")

    def elsewhere_than(self, document):
        """Measures from other places than `document` (other city; for a province-level
        document, anything that is not a province-level document of the same province)."""
        qs = self.exclude(document_id=document.pk)
        if document.city_id:
            return qs.exclude(document__city_id=document.city_id)
        if document.province_id:
            return qs.exclude(document__province_id=document.province_id, document__city__isnull=True)
        return qs

    def sharing_themes_with(self, measure, *, theme_ids=None, ip_type_ids=None):
        """Measures that share at least one theme with `measure`, best first:
        most shared themes, then most shared IP types, then newest document."""
        theme_ids = list(theme_ids if theme_ids is not None else measure.themes.values_list("id", flat=True))
        ip_type_ids = list(ip_type_ids if ip_type_ids is not None else measure.ip_types.values_list("id", flat=True))
        if not theme_ids:
            return self.none()
        from .models import Measure

        through_t = Measure.themes.through
        through_i = Measure.ip_types.through
        shared_themes = _count_subquery(
            through_t.objects.filter(measure_id=models.OuterRef("pk"), theme_id__in=theme_ids), "id")
        shared_types = _count_subquery(
            through_i.objects.filter(measure_id=models.OuterRef("pk"), iptype_id__in=ip_type_ids), "id")
        return self.filter(pk__in=through_t.objects.filter(theme_id__in=theme_ids).values("measure_id")).annotate(
            shared_themes=shared_themes, shared_ip_types=shared_types,
        ).order_by("-shared_themes", "-shared_ip_types", "-document__published_date", "id")

    def theme_matrix(self):
        """(city id, province id, theme id, measure count) rows for the place × theme heat map."""
        return self.filter(themes__isnull=False).values(
            "document__city_id", "document__province_id", "themes__id"
        ).annotate(n=models.Count("id", distinct=True)).order_by()

    def place_counts(self):
        """Measure counts per (province, city) pair, city None for province-level documents."""
        return self.values(
            "document__province_id", "document__province__name", "document__city_id", "document__city__name"
        ).annotate(n=models.Count("id")).order_by("document__province_id", "document__city_id")


class TargetQuerySet(models.QuerySet):
    def for_board(self):
        return self.select_related("document", "document__city", "document__province", "measure")

    def for_document_page(self):
        return self.select_related("measure").order_by("position", "id")


class UnitQuerySet(models.QuerySet):
    def canonical(self):
        return self.filter(canonical__isnull=True)

    def with_measure_counts(self):
        """Canonical-unit counts of distinct measures, aliases folded in: `n_measures`,
        `n_lead`, `n_support` (role 牵头 / 配合)."""
        from .models import MeasureUnit

        def links(**extra):
            return MeasureUnit.objects.filter(
                models.Q(unit_id=models.OuterRef("pk")) | models.Q(unit__canonical_id=models.OuterRef("pk")), **extra)

        return self.annotate(
            n_measures=_count_subquery(links(), "measure_id"),
            n_lead=_count_subquery(links(role="lead"), "measure_id"),
            n_support=_count_subquery(links(role="support"), "measure_id"),
        )

    def for_listing(self):
        return self.select_related("region", "region__parent")
