"""Create the editors group with its permissions (idempotent).

Editors ("编辑") may add, change, delete and view all content of the measures
app (documents, measures, targets, units, reference data, error reports) and
view — never alter — its history tables. They get no permission on users,
groups or axes records: only superusers manage accounts. Re-running the
command resets the group to exactly this set.
"""
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db.models import Q

EDITOR_GROUP = "编辑"
EDITOR_APPS = ["measures"]


def editor_permissions():
    perms = Permission.objects.filter(content_type__app_label__in=EDITOR_APPS)
    # History rows are the audit trail: readable, not editable.
    history = Q(content_type__model__startswith="historical")
    return perms.exclude(history & ~Q(codename__startswith="view_"))


class Command(BaseCommand):
    help = "创建编辑组及其权限"

    def handle(self, *args, **options):
        group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
        perms = editor_permissions()
        group.permissions.set(perms)
        if options["verbosity"]:
            self.stdout.write(f"group {EDITOR_GROUP}: {perms.count()} permissions")
