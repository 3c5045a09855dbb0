"""Atom feeds: /measures/feed/ takes the measure list's parameters (q, fuzzy,
scope, every filter) and lists the newest FEED_ITEMS matching measures (by
their document's date), so that any search or filter state can be followed
in a feed reader. The result page links it as 订阅."""
import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe

from . import params as P
from .params import validated

FEED_ITEMS = 50
# parameters that do not change which measures match
NOT_FILTERS = ("page", "page_size", "sort")


def feed_query(params) -> str:
    """The querystring of a list state, as the feed takes it (no paging, no sort)."""
    q = params.copy()
    for key in NOT_FILTERS:
        q.pop(key, None)
    return q.urlencode()


def _aware(day, fallback):
    if day is None:
        return fallback
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()), datetime.timezone.utc)


class MeasureFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        params = request.params.querydict().copy()
        for key in NOT_FILTERS:
            params.pop(key, None)
        return params

    def title(self, params):
        from .selectors import parse_query

        q = parse_query(dict(params.lists())).raw.strip()
        from django.utils.translation import gettext

        if q:
            return gettext("知识产权保护措施库 · 检索“%(q)s”") % {"q": q}
        return gettext("知识产权保护措施库 · 最新措施")

    def subtitle(self, params):
        from django.utils.translation import gettext

        return gettext("符合当前检索与筛选条件的最新措施(按文件日期)")

    def link(self, params):
        query = params.urlencode()
        return reverse("measures:measure_list") + ("?" + query if query else "")

    def feed_url(self, params):
        query = params.urlencode()
        return reverse("measures:measure_feed") + ("?" + query if query else "")

    def items(self, params):
        from .selectors import measure_export_queryset

        data = params.copy()
        data["sort"] = "date"
        return list(measure_export_queryset(params=data)[:FEED_ITEMS])

    def item_title(self, m):
        place = m.document.city.name if m.document.city_id else (
            m.document.province.name if m.document.province_id else "")
        return f"{place + ' · ' if place else ''}{m.heading}"

    def item_description(self, m):
        return m.text

    def item_link(self, m):
        return reverse("measures:measure_detail", args=[m.pk])

    def item_guid(self, m):
        return f"measure-{m.pk}"

    def item_pubdate(self, m):
        d = m.document
        return _aware(d.published_date or d.signed_date, d.imported_at)

    def item_updateddate(self, m):
        return m.updated_at

    def item_author_name(self, m):
        return m.document.issuer or None

    def item_categories(self, m):
        return [t.name for t in m.themes.all()]


measure_feed = require_safe(validated(P.MEASURES)(MeasureFeed()))
