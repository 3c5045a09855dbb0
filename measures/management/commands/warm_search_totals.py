"""Count the search's usual filter states ahead, into the counts every process reads
(measures.search.totals, SHARED: the table measures_search_totals).

The list without search text reads its count and facets from its filter states' lexeme counts
(totals.counts_get); a state no process has counted is counted in the request, 1-9 s at a million
measures. This command counts the state without filters and those of one place (province, city),
theme or year (a year, and the years from it on: the form's 起 alone), the values with the most
measures first, and the ratio totals of every measure
(totals.get: the wider set of every sampled search), so that the first visitor of those pages after
a start or an import waits for none of them. A count kept and still valid (the tables unchanged) is
read, not counted again, so running it twice costs the second time a statement a state. serve.sh
runs it beside the server; import_documents and load_real_pages do the same after their writes
(measures.search.warm.after_import; --no-warm not), the admin's import page in a thread.

    manage.py warm_search_totals                       # every value of the facets (FACETS)
    manage.py warm_search_totals --limit 50            # the 50 largest values of each
    manage.py warm_search_totals --facets theme,year,year_from --no-ratio
"""
from django.core.management.base import BaseCommand, CommandError

from measures.search.warm import FACETS, warm


class Command(BaseCommand):
    help = "Count the search's usual filter states ahead (no filter; one place, theme or year) for every process."

    def add_arguments(self, parser):
        parser.add_argument("--facets", default=",".join(FACETS),
                            help=f"the facets whose one-filter states are counted (default {','.join(FACETS)})")
        parser.add_argument("--limit", type=int, default=0,
                            help="at most this many values of each facet, the largest first (0: every value)")
        parser.add_argument("--no-ratio", action="store_true",
                            help="leave out the ratio totals of every measure (a text search's sampled facets)")

    def handle(self, *args, **opts):
        from measures.search import totals

        facets = [f.strip() for f in opts["facets"].split(",") if f.strip()]
        unknown = [f for f in facets if f not in FACETS]
        if unknown:
            raise CommandError(f"unknown facets {unknown}: choose among {', '.join(FACETS)}")
        if not totals.SHARED:
            self.stderr.write("totals.SHARED is off: the counts are kept by this process only")
        warm(facets=facets, limit=opts["limit"], ratio=not opts["no_ratio"], say=self.stdout.write)
