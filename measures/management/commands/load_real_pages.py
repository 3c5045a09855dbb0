"""Load the real pages of the parser's development set into the portal, each marked 节选.

    manage.py load_real_pages [--batch b01] [--limit N]

The pages are tests/parsing/data/real/b*/*.txt: excerpts of real government
policy pages (and mirror sites that copy them) as the web gave them. Each
batch's SOURCES.md table (file | URL | …) gives a page's address, which
becomes the document's source URL; every document is marked as an excerpt
(节选), since the files hold only part of each page. With a few hundred real
documents, search, facets and comparisons can be tried on more than the seed
corpus (which stays what ./serve.sh loads). Idempotent like import_documents:
running it again changes nothing; documents the parser cannot read are listed.
After pages were written the search's kept counts are warmed again, as
import_documents does (--no-warm not).
"""
import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from measures.importer import FAILED, ImportSummary, Importer
from measures.ingest import service as ingest
from measures.search import warm

REAL_PAGES = Path(settings.BASE_DIR) / "tests" / "parsing" / "data" / "real"
ROW = re.compile(r"^\|\s*`?([^|`]+?)`?\s*\|\s*<?(https?://[^|\s>]+)>?\s*\|")


def sources(batch_dir: Path) -> dict[str, str]:
    """file name → URL, from the batch's SOURCES.md table (a row names the file or its stem)."""
    table = batch_dir / "SOURCES.md"
    if not table.exists():
        return {}
    found = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        m = ROW.match(line.strip())
        if m:
            name = m.group(1).strip()
            found[name if name.endswith(".txt") else name + ".txt"] = m.group(2).strip()
    return found


def batches(root: Path = REAL_PAGES, only: str | None = None) -> list[Path]:
    return [d for d in sorted(root.glob("b*")) if d.is_dir() and (not only or d.name.startswith(only))]


class Command(BaseCommand):
    help = "载入解析器开发集中的真实网页（节选）(load the parser's real development pages, marked as excerpts)"

    def add_arguments(self, parser):
        parser.add_argument("--batch", help="only batches whose folder starts with this (b01, b07_hard …)")
        parser.add_argument("--limit", type=int, default=None, help="at most this many files")
        parser.add_argument("--root", default=str(REAL_PAGES), help="the folder of the batches")
        parser.add_argument("--no-warm", action="store_true",
                            help="leave the search's kept counts to warm_search_totals or the first requests "
                                 "(without it they are counted again when the pages wrote anything)")

    def handle(self, *args, **options):
        root = Path(options["root"])
        dirs = batches(root, options["batch"])
        if not dirs:
            self.stderr.write(f"没有找到真实网页 (no batches under {root})")
            return
        since = None if options["no_warm"] else warm.fingerprint()   # (the tables before the writes)
        importer = Importer()
        summary = ImportSummary()
        count = 0
        for batch_dir in dirs:
            urls = sources(batch_dir)
            for path in sorted(batch_dir.glob("*.txt")):
                if options["limit"] is not None and count >= options["limit"]:
                    break
                count += 1
                source = f"real/{batch_dir.name}/{path.name}"
                result = importer.import_bytes(path.read_bytes(), source=source, path=str(path))
                ingest.record_file(result, path, source=source, source_url=urls.get(path.name, ""), excerpt=True)
                summary.results.append(result)
                if result.status == FAILED:
                    self.stderr.write(f"失败 (failed): {path.relative_to(root)}: {result.reason}")
                elif options["verbosity"] >= 2:
                    self.stdout.write(f"{result.status}: {path.relative_to(root)}")
        self.stdout.write(f"真实网页 (real pages): {count} 个文件，{len(dirs)} 批")
        self.stdout.write(summary.line())
        if not options["no_warm"]:
            # as import_documents: the kept counts, which the writes left unread, counted again (never a failure)
            lines = []
            if warm.after_import(since=since, say=lines.append):
                self.stdout.write(f"检索计数已预热 (search counts warmed): {lines[-1]}")
