"""Recompute what measures.services_diffusion derives from documents: their
matching keys and citations (resolved against the corpus), and their measures'
specificity flags (editors' corrections kept) and text fingerprints.

The importer does this for every document it loads; run this after an upgrade
that changed the extraction rules, or with --missing on a database that held
documents before these tables existed (setup_portal does that)."""
from django.core.management.base import BaseCommand

from measures.services_diffusion import refresh_all


class Command(BaseCommand):
    help = "重新计算文件引用、措施具体度与文本指纹 (citations, specificity, fingerprints)"

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true",
                            help="only documents without keys or whose measures lack a fingerprint")

    def handle(self, *args, **options):
        n = refresh_all(only_missing=options["missing"])
        if n or options["verbosity"] > 1:
            self.stdout.write(f"已重新计算 {n} 个文件的引用、具体度与文本指纹 (refreshed {n} documents)")
