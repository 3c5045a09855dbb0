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
runs it beside the server; a deployment can run it after each import.

    manage.py warm_search_totals                       # every value of the facets (FACETS)
    manage.py warm_search_totals --limit 50            # the 50 largest values of each
    manage.py warm_search_totals --facets theme,year,year_from --no-ratio
"""
import time

from django.core.management.base import BaseCommand, CommandError

FACETS = {   # name -> (the facet whose values are read, its rows' key, the parameters of a one-filter state)
    "province": ("province", "id", lambda v: {"province": str(v)}),
    "city": ("city", "id", lambda v: {"city": str(v)}),
    "theme": ("theme", "code", lambda v: {"theme": str(v)}),
    "year": ("year", "year", lambda v: {"year_from": str(v), "year_to": str(v)}),   # a year facet's link
    "year_from": ("year", "year", lambda v: {"year_from": str(v)}),                  # that year on
}


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
        from measures import selectors
        from measures.search import totals

        facets = [f.strip() for f in opts["facets"].split(",") if f.strip()]
        unknown = [f for f in facets if f not in FACETS]
        if unknown:
            raise CommandError(f"unknown facets {unknown}: choose among {', '.join(FACETS)}")
        if not totals.SHARED:
            self.stderr.write("totals.SHARED is off: the counts are kept by this process only")
        started = time.perf_counter()

        def state(params) -> dict:
            # (the list's own path: the same filter states, keys and counts as a visitor's request)
            return selectors.measure_search(params=params, page_size=1).facets

        every = state({})
        self.stdout.write(f"no filter: {time.perf_counter() - started:.1f} s", ending="\n")
        if not opts["no_ratio"]:
            at = time.perf_counter()
            totals.get_now("")
            self.stdout.write(f"ratio totals of every measure: {time.perf_counter() - at:.1f} s")
        states = 1
        for facet in facets:
            values_of, key, params_of = FACETS[facet]
            rows = sorted((r for r in every.get(values_of, []) if r.get(key) not in (None, "", "none")),
                          key=lambda r: -r["count"])
            if opts["limit"] > 0:
                rows = rows[:opts["limit"]]
            at = time.perf_counter()
            for row in rows:
                state(params_of(row[key]))
            states += len(rows)
            self.stdout.write(f"{facet}: {len(rows)} states, {time.perf_counter() - at:.1f} s")
        self.stdout.write(f"{states} filter states counted or found kept in {time.perf_counter() - started:.1f} s")
