"""Create the editors group with its permissions (idempotent)."""
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand

EDITOR_GROUP = "编辑"
EDITOR_APPS = ["measures"]


class Command(BaseCommand):
    help = "创建编辑组及其权限"

    def handle(self, *args, **options):
        group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
        perms = Permission.objects.filter(content_type__app_label__in=EDITOR_APPS)
        group.permissions.set(perms)
        if options["verbosity"]:
            self.stdout.write(f"group {EDITOR_GROUP}: {perms.count()} permissions")
