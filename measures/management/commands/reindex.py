"""Rebuild the search vectors (search_vector, title_vector) of all measures.

    manage.py reindex               # every measure, in batches, with progress
    manage.py reindex --document 12 --document 13
"""
import time

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "重建全部措施的检索向量 (rebuild all search vectors, batched)"

    def add_arguments(self, parser):
        parser.add_argument("--document", type=int, action="append", help="only these documents' measures")

    def handle(self, *args, **opts):
        from measures.search.index import reindex

        started = time.perf_counter()
        last = [0.0]

        def progress(done, total):
            now = time.perf_counter()
            if done == total or now - last[0] >= 2:
                last[0] = now
                pct = 100 * done / total if total else 100
                self.stdout.write(f"{done:,}/{total:,} ({pct:.0f}%) {now - started:.0f}s")

        done = reindex(document_ids=opts["document"], progress=progress)
        self.stdout.write(self.style.SUCCESS(f"reindexed {done:,} measures in {time.perf_counter() - started:.1f}s"))
