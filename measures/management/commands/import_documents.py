"""Parse policy files and load them into the database (idempotent).

    manage.py import_documents PATH... [--reparse] [--workers N] [-v2]
    manage.py import_documents --url https://www.example.gov.cn/zcwj/1.html [--url …]
    manage.py import_documents FOLDER --url-map sources.csv   (CSV lines: file,url)

Files: text, web pages, PDF, Word (.docx, .doc), WPS, OFD (measures.ingest reads
them); each keeps its original file and, from --url-map or a sidecar
"<file>.url", its source URL. --url fetches an official page with its
attachments (PDF, Word, WPS) on the same site and imports them as one document.

Prints a line per failed or skipped file, with -v2 a line per file (status,
encoding), and a summary: counts per status and per encoding. Exits non-zero
when a file failed (skipped files in a folder do not count as failures).

When the import wrote anything (documents added or updated, their files or provenance), the search's
kept counts (which any write leaves unread) are counted again at the end, as warm_search_totals counts them (measures.search.warm.after_import: the
list without filters, one place, theme or year, the ratio totals; at a million measures about 90 s);
a failure there is logged and never fails the import. --no-warm leaves them to warm_search_totals or
to the first requests that need them.
"""
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from measures.importer import FAILED, SKIPPED, ImportSummary, Importer, scan
from measures.ingest import service as ingest
from measures.search import warm


class Command(BaseCommand):
    help = "解析并导入政策文件 (files or folders). Each file all-or-nothing; re-running changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="files or folders")
        parser.add_argument("--url", action="append", default=[], metavar="URL",
                            help="the address of an official page (its attachments are read too); repeatable")
        parser.add_argument("--url-map", metavar="CSV", help="CSV of file,url: the source URL of each file")
        parser.add_argument("--excerpt", action="store_true", help="mark the imported documents as excerpts (节选)")
        parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
        parser.add_argument("--reparse", action="store_true",
                            help="parse files already loaded again (after a parser change); editors' corrections stay")
        parser.add_argument("--workers", type=int, default=None,
                            help="processes that read and parse files (default: one per core; 1: none)")
        parser.add_argument("--no-warm", action="store_true",
                            help="leave the search's kept counts, which the import's writes leave unread, to "
                                 "warm_search_totals or the first requests (without it they are counted here)")

    def handle(self, *args, **options):
        if not options["paths"] and not options["url"]:
            raise CommandError("give files or folders, or --url URL")
        url_map = ingest.load_url_map(options["url_map"]) if options["url_map"] else {}
        excerpt = True if options["excerpt"] else None
        entries = list(scan(options["paths"]))
        missing = [p for p, reason in entries if reason is None and not p.exists()]
        for p in missing:
            self.stderr.write(f"找不到文件 (not found): {p}")
        since = None if options["no_warm"] else warm.fingerprint()   # (the tables before the import's writes)
        importer = Importer(reparse=options["reparse"], workers=options["workers"])
        bar = None
        if not options["no_progress"] and sys.stderr.isatty() and len(entries) > 1:
            from tqdm import tqdm

            bar = tqdm(total=len(entries), unit="件", file=sys.stderr)

        def say(msg, err=False):
            if bar is not None:
                bar.write(msg, file=sys.stderr if err else sys.stdout)
            elif err:
                self.stderr.write(msg)
            else:
                self.stdout.write(msg)

        def batch_done(results):  # the original files, their source URLs: the batch at once
            ingest.record_files([(r, Path(r.path), ingest.url_for(Path(r.path), url_map))
                                 for r in results if r.status not in (FAILED, SKIPPED)], excerpt=excerpt)

        def progress(result):
            if bar is not None:
                bar.update(1)
            encoding = f" [{result.encoding}]" if result.encoding else ""
            if result.status == FAILED:
                say(f"失败 (failed): {result.path}{encoding}: {result.reason}", err=True)
            elif result.status == SKIPPED:
                say(f"跳过 (skipped): {result.path}: {result.reason}", err=True)
            elif options["verbosity"] >= 2:
                reason = f": {result.reason}" if result.reason else ""
                say(f"{result.status}: {result.path}{encoding}{reason}")

        paths = [p for p in options["paths"] if Path(p).exists()]
        summary = importer.import_paths(paths, progress=progress, batch_done=batch_done) if paths else None
        if bar is not None:
            bar.close()
        for url in options["url"]:
            summary = summary or ImportSummary()
            candidate = ingest.from_url(url)
            candidate.excerpt = excerpt
            result = ingest.import_one(candidate, importer)
            summary.results.append(result)
            if result.status == FAILED:
                say(f"失败 (failed): {url}: {result.reason}", err=True)
            else:
                say(f"{result.status}: {url} ({candidate.format}, {len(candidate.originals)} 个原始文件)")
        if summary is not None:
            self.stdout.write(summary.line())
            self.stdout.write(summary.encoding_line())
            if not options["no_warm"]:
                self._warm(since, options["verbosity"])
        failed = len(summary.failed) if summary else 0
        if failed or missing:
            raise CommandError(f"{failed + len(missing)} 个文件导入失败 (files failed)", returncode=1)

    def _warm(self, since, verbosity: int) -> None:
        """The search's kept counts, which the import's writes left unread, counted again (the main filter
        states: measures.search.warm); nothing where the import wrote nothing (the tables' fingerprint
        `since` unmoved); never a failure of the import (logged, the counts are then counted by the first
        requests that need them)."""
        lines = []
        if warm.after_import(since=since, say=lines.append):
            for line in lines[:-1] if verbosity >= 2 else []:
                self.stdout.write(line)
            self.stdout.write(f"检索计数已预热 (search counts warmed): {lines[-1]}")
