"""Editors' back office for citations (imported by measures.admin).

A citation's target is found automatically (measures.services_diffusion); an
editor corrects it here — choose another document, or clear it when the
corpus does not hold the cited document — and the decision survives re-imports.
The action 恢复自动匹配 hands a citation back to the automatic resolution.
Writes go through measures.services_diffusion.
"""
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import services_diffusion
from .models import Citation


class ResolvedFilter(admin.SimpleListFilter):
    title = _("是否匹配到文件")
    parameter_name = "resolved"

    def lookups(self, request, model_admin):
        return [("yes", _("已匹配")), ("no", _("未匹配"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(target__isnull=False)
        if self.value() == "no":
            return queryset.filter(target__isnull=True)
        return queryset


@admin.register(Citation)
class CitationAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "document", "target", "method", "editor_set"]
    list_filter = [ResolvedFilter, "method", "kind", "editor_set"]
    search_fields = ["title", "doc_number", "context", "document__title", "target__title"]
    autocomplete_fields = ["document", "target"]
    list_select_related = ["document", "target"]
    readonly_fields = ["document_link", "kind", "title", "doc_number", "context", "occurrences", "method",
                       "editor_set"]
    fields = ["document_link", "kind", "title", "doc_number", "context", "occurrences", "target", "method",
              "editor_set"]
    actions = ["release"]

    def get_fields(self, request, obj=None):
        if obj is None:   # an editor adds a citation the text does not show
            return ["document", "target"]
        return self.fields

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    @admin.display(description=_("引用"))
    def reference(self, obj):
        return str(obj)

    @admin.display(description=_("引用文件"))
    def document_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:measures_document_change", args=[obj.document_id]),
                           obj.document)

    def save_model(self, request, obj, form, change):
        if not change:
            created = services_diffusion.add_citation(obj.document, obj.target, user=request.user)
            obj.pk = created.pk
            return
        if "target" in form.changed_data:
            services_diffusion.set_citation_target(obj, obj.target, user=request.user)

    @admin.action(description=_("恢复自动匹配"), permissions=["change"])
    def release(self, request, queryset):
        n = 0
        for c in queryset.select_related("document"):
            services_diffusion.release_citation(c)
            n += 1
        self.message_user(request, _("已将 %(n)s 条引用交还自动匹配。") % {"n": n}, messages.SUCCESS)


class CitationInline(admin.TabularInline):
    """A document's citations on its admin page (read-only; corrected one by one)."""

    model = Citation
    fk_name = "document"
    extra = 0
    fields = ["title", "doc_number", "target", "method", "change_link"]
    readonly_fields = fields
    verbose_name = verbose_name_plural = _("本文件依据(引用)")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("修改"))
    def change_link(self, obj):
        return format_html(_('<a href="{}">更正匹配</a>'), reverse("admin:measures_citation_change", args=[obj.pk]))
