"""Template tags for how policy spreads, used by pages that other parts of the
portal render (document, measure, measure list, unit pages): each loads its
own data through measures.selectors_diffusion, so those pages' views need no
change. {% load diffusion_tags %}"""
from django import template
from django.utils.translation import gettext, gettext_noop

from measures import specificity as SPEC

register = template.Library()


@register.simple_tag
def document_citations(document):
    """本文件依据 / 被以下文件引用 of a document, and its draft or final version."""
    from measures.selectors_diffusion import document_citations as read, draft_pair

    data = read(document=document)
    data["pair"] = draft_pair(document=document) or {}
    return data


@register.simple_tag
def similar_by_text(measure, limit=6):
    """Other places' measures alike in wording (相似措施), with the words they share."""
    from measures.selectors_diffusion import similar_measures

    return similar_measures(measure=measure, limit=int(limit))


@register.simple_tag
def list_timeline(result, query=None):
    """The timeline of a measure-list result (its sums equal the list's count);
    kept with the search's cached count and facets when `query` (the list's
    parameters) is given."""
    from measures.selectors_diffusion import timeline_for_result

    return timeline_for_result(result, query=query)


@register.simple_tag
def unit_timeline(unit):
    """The timeline of a unit's measures (the list filtered by this unit)."""
    from measures.models import Measure
    from measures.selectors_diffusion import build_timeline, timeline_rows

    return build_timeline(timeline_rows(Measure.objects.with_unit(unit_ids=[unit.pk])))


@register.simple_tag
def timeline_svg(timeline, href_base="", title=gettext_noop("按年份的措施与文件数量")):
    """The timeline's columns as SVG; href_base: the list URL to add year filters to."""
    from measures.charts import Column, columns_chart

    columns = []
    for y in timeline.years:
        href = ""
        if href_base is not None:
            sep = "&" if "?" in href_base else "?"
            href = f"{href_base}{sep}year_from={y['year']}&year_to={y['year']}"
        columns.append(Column(str(y["year"]), y["measures"], y["documents"], href=href,
                              short=str(y["year"]) if len(timeline.years) <= 12 else f"{y['year'] % 100:02d}"))
    return columns_chart(columns, title=title)


@register.simple_tag
def month_svg(timeline, title=gettext_noop("按月份的措施与文件数量")):
    from measures.charts import Column, columns_chart

    from measures.display import partial_date

    columns = [Column(partial_date(m["year"], m["month"]), m["measures"], m["documents"],
                      short=gettext("%(month)s月") % {"month": m["month"]}, group=partial_date(m["year"]))
               for m in timeline.months]
    return columns_chart(columns, title=title, css_class="month-chart")


@register.simple_tag
def specificity_flags(measure):
    """[(label, on)] of a measure's five flags."""
    return [(label, bool(getattr(measure, name, False))) for name, label in SPEC.FLAGS]


@register.filter
def without_params(query, names):
    """A QueryDict's urlencoded form without the comma-separated parameter names."""
    q = query.copy()
    for name in str(names).split(","):
        q.pop(name.strip(), None)
    return q.urlencode()


@register.simple_tag
def url_without(view_name, query, names=""):
    """reverse(view_name) with the QueryDict `query` minus the comma-separated names."""
    from django.urls import reverse

    encoded = without_params(query, names) if names else query.urlencode()
    base = reverse(view_name)
    return f"{base}?{encoded}" if encoded else base


@register.simple_tag
def flag_choices(query):
    """[(code, label, checked)] of the specificity flags for the list's filter form."""
    from measures.querysets_diffusion import FLAG_LABELS

    chosen = set()
    for v in query.getlist("flag"):
        chosen.update(part.strip() for part in v.split(","))
    return [(code, gettext(label), code in chosen) for code, label in FLAG_LABELS.items()]


@register.simple_tag
def most_cited_documents(limit=5):
    """The documents most cited by others (home page)."""
    from measures.selectors_diffusion import most_cited

    return most_cited(limit=int(limit))
