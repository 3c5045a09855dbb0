"""Everything the portal needs before serving, repeatable: migrate, seed the
reference data, import the seed corpus, collect static files and make sure an
admin account exists (its password is printed once, when it is created)."""
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "迁移数据库、载入参考数据和种子文件、创建管理员 (idempotent)"

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default=str(settings.CORPUS_DIR), help="folder of documents to import")
        parser.add_argument("--no-import", action="store_true")

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("数据库已迁移 (migrated)")
        call_command("seed_reference")
        call_command("ensure_groups")
        if not options["no_import"]:
            try:
                # (no warm-up of the search's counts here: serve.sh and the container's entrypoint
                # start warm_search_totals beside the server, which a start should not wait for)
                call_command("import_documents", options["corpus"], no_progress=True, no_warm=True)
            except CommandError as exc:
                self.stderr.write(f"部分文件导入失败: {exc}")
        # citations, specificity and fingerprints of documents loaded before those existed
        call_command("refresh_diffusion", missing=True)
        call_command("collectstatic", interactive=False, verbosity=0)
        User = get_user_model()
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@example.invalid", password)
            self.stdout.write(self.style.SUCCESS(
                f"管理员账号已创建 (admin login, shown once): 用户名 admin  密码 {password}  → /admin/"))
