"""Parse policy files and load them into the database (idempotent)."""
import sys

from django.core.management.base import BaseCommand, CommandError

from measures.importer import FAILED, Importer, iter_files


class Command(BaseCommand):
    help = "解析并导入政策文件 (files or folders). Each file in its own transaction; re-running changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders")
        parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
        parser.add_argument("--reparse", action="store_true",
                            help="parse files already loaded again (after a parser change); editors' corrections stay")

    def handle(self, *args, **options):
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
        self.stdout.write(summary.line())
        if summary.failed or missing:
            raise CommandError(f"{len(summary.failed) + len(missing)} 个文件导入失败 (files failed)", returncode=1)
