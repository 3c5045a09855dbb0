"""Order the measures table by sample slice (measures.search.index.cluster_by_sample_slice).

    manage.py cluster_measures                       # the portal's database
    manage.py cluster_measures --dbname portal_bench_1m   # another database of the same server

Run it after large imports, in a quiet moment (it locks the table for the rewrite, about 2
minutes at 1M measures, and needs the table's size again on disk meanwhile): a text search's
sample reads then visit neighbouring pages instead of one page a row.
"""
import time

from django.core.management.base import BaseCommand
from django.db import connection, connections


class Command(BaseCommand):
    help = "按抽样分片重排措施表 (cluster the measures table by sample slice)"

    def add_arguments(self, parser):
        parser.add_argument("--dbname", help="another database of the same server (e.g. a bench_search database)")

    def handle(self, *args, **opts):
        from measures.search.index import cluster_by_sample_slice

        if opts["dbname"]:
            connections["default"].close()
            connections["default"].settings_dict["NAME"] = opts["dbname"]
        started = time.perf_counter()
        with connection.cursor() as c:
            c.execute("SET maintenance_work_mem = '1GB'")
            cluster_by_sample_slice(c)
        self.stdout.write(self.style.SUCCESS(f"clustered measures_measure by sample slice in "
                                             f"{time.perf_counter() - started:.1f}s"))
