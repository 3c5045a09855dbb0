"""Compile locale/*/LC_MESSAGES/*.po into .mo files in pure Python (portal.msgfmt):
no GNU gettext needed. Run after editing a .po file; the .mo files are committed."""
from django.conf import settings
from django.core.management.base import BaseCommand

from portal.msgfmt import catalogues, compile_all


class Command(BaseCommand):
    help = "Compile the portal's .po catalogues (locale/) into .mo files, without GNU gettext."

    def handle(self, *args, **options):
        for root in settings.LOCALE_PATHS:
            written = compile_all(root)
            for mo in written:
                self.stdout.write(f"wrote {mo}")
            self.stdout.write(f"{root}: {len(catalogues(root))} catalogues, {len(written)} rewritten")
