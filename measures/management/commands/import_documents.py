"""Parse policy files and load them into the database (idempotent).

    manage.py import_documents PATH... [--reparse]
    manage.py import_documents --url https://www.example.gov.cn/zcwj/1.html [--url …]
    manage.py import_documents FOLDER --url-map sources.csv   (CSV lines: file,url)

Files: text, web pages, PDF, Word (.docx, .doc), WPS, OFD (measures.ingest reads
them); each keeps its original file and, from --url-map or a sidecar
"<file>.url", its source URL. --url fetches an official page with its
attachments (PDF, Word, WPS) on the same site and imports them as one document.
"""
from pathlib import Path
import sys

from django.core.management.base import BaseCommand, CommandError

from measures.importer import FAILED, ImportSummary, Importer, iter_files
from measures.ingest import service as ingest


class Command(BaseCommand):
    help = "解析并导入政策文件 (files or folders). Each file in its own transaction; re-running changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="files or folders")
        parser.add_argument("--url", action="append", default=[], metavar="URL",
                            help="the address of an official page (its attachments are read too); repeatable")
        parser.add_argument("--url-map", metavar="CSV", help="CSV of file,url: the source URL of each file")
        parser.add_argument("--excerpt", action="store_true", help="mark the imported documents as excerpts (节选)")
        parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
        parser.add_argument("--reparse", action="store_true",
                            help="parse files already loaded again (after a parser change); editors' corrections stay")

    def handle(self, *args, **options):
        if not options["paths"] and not options["url"]:
            raise CommandError("give files or folders, or --url URL")
        url_map = ingest.load_url_map(options["url_map"]) if options["url_map"] else {}
        excerpt = True if options["excerpt"] else None
        files = list(iter_files(options["paths"]))
        missing = [p for p in files if not p.exists()]
        for p in missing:
            self.stderr.write(f"找不到文件 (not found): {p}")
        importer = Importer(reparse=options["reparse"])
        bar = None
        if not options["no_progress"] and sys.stderr.isatty() and len(files) > 1:
            from tqdm import tqdm

            bar = tqdm(total=len(files), unit="件", file=sys.stderr)

        def progress(result):
            if bar is not None:
                bar.update(1)
            if result.status != FAILED:  # the original file, its source URL
                path = Path(result.path)
                ingest.record_file(result, path, source_url=ingest.url_for(path, url_map), excerpt=excerpt)
            if result.status == FAILED:
                msg = f"失败 (failed): {result.path}: {result.reason}"
                if bar is not None:
                    bar.write(msg, file=sys.stderr)
                else:
                    self.stderr.write(msg)
            elif options["verbosity"] >= 2:
                self.stdout.write(f"{result.status}: {result.path}")

        summary = importer.import_paths([p for p in files if p.exists()], progress=progress)
        if bar is not None:
            bar.close()
        for url in options["url"]:
            candidate = ingest.from_url(url)
            candidate.excerpt = excerpt
            result = ingest.import_one(candidate, importer)
            summary.results.append(result)
            if result.status == FAILED:
                self.stderr.write(f"失败 (failed): {url}: {result.reason}")
            else:
                self.stdout.write(f"{result.status}: {url} ({candidate.format}, {len(candidate.originals)} 个原始文件)")
        self.stdout.write(summary.line())
        if summary.failed or missing:
            raise CommandError(f"{len(summary.failed) + len(missing)} 个文件导入失败 (files failed)", returncode=1)
