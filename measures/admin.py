"""The editors' back office (Django admin, in Simplified Chinese).

History: every model that carries ``HistoricalRecords`` is registered with
django-simple-history's ``SimpleHistoryAdmin``. Chosen over django-reversion
because:

* the models already declare ``HistoricalRecords`` and the request middleware
  is on, so every save — admin, services, importer — gets a row with who and
  when, without wrapping code in ``reversion.create_revision()`` blocks (the
  importer would have needed that, or its changes would be invisible);
* history lives in ordinary typed tables (``measures_historicalmeasure`` …),
  which can be queried and diffed with the ORM (the history page shows field
  by field before/after), rather than serialized JSON blobs;
* ``m2m_fields`` records themes and IP types of a Measure with each version;
* its per-object history page offers "revert to this version" out of the box.
Reversion's strength — reverting a whole revision of several objects at once —
matters less here: a measure's units are their own history-tracked rows.

Writes go through measures.services: the admin only collects input.
"""
from __future__ import annotations

from django.contrib import admin, messages
from django.db import router, transaction
from django.db.models import CharField, Count, F, Func, Q, Value
from django.http import HttpResponse
from django.template import engines
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .admin_diffusion import CitationInline
from .admin_ingest import IngestAdminMixin
from .display import parse_note
from .forms import (DocumentAdminForm, MeasureAdminForm, MeasureUnitInlineForm, MergeUnitsForm, SetThemeForm,
                    TargetAdminForm)
from .models import (DictionaryWord, Document, ErrorReport, IPType, Level, Measure, MeasureUnit, Region,
                     ResponsibleUnit, SynonymGroup, Target, Theme, UnitAlias)

EMPTY = _("(空)")


# --- "解析原值 vs 当前值" -------------------------------------------------------------------

def _plain(value):
    """A value in the JSON form the importer stores in ``parsed``."""
    from datetime import date
    from decimal import Decimal

    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _current_units(measure: Measure) -> list[dict]:
    return [{"name": link.unit.name, "role": link.role} for link in measure.unit_links.select_related("unit")]


def parse_differences(obj) -> list[tuple[str, str, object, object]]:
    """Fields of ``obj`` whose current value differs from what the parser said last.

    Returns (field name, verbose name, parsed value, current value) rows, values in the
    importer's JSON form. These are exactly the fields a re-import will keep (see
    measures.importer: a field differing from ``parsed`` is an editor's correction).
    """
    parsed = obj.parsed or {}
    rows = []

    def add(name, label, old, new):
        if old != new:
            rows.append((name, label, old, new))

    if isinstance(obj, Document):
        for name in Document.EDITABLE_FIELDS:
            if name in parsed:
                current = obj.region_id if name == "region" else _plain(getattr(obj, name))
                add(name, str(Document._meta.get_field(name).verbose_name), parsed[name], current)
    elif isinstance(obj, Measure):
        for name in ["path", "label", "title", "text"]:
            if name in parsed:
                add(name, str(Measure._meta.get_field(name).verbose_name), parsed[name], getattr(obj, name))
        if obj.pk:
            if "themes" in parsed:
                add("themes", _("工作类别"), sorted(parsed["themes"]), sorted(obj.themes.values_list("code", flat=True)))
            if "ip_types" in parsed:
                add("ip_types", _("知识产权类型"), sorted(parsed["ip_types"]),
                    sorted(obj.ip_types.values_list("code", flat=True)))
            if "units" in parsed:
                add("units", _("责任单位"), parsed["units"], _current_units(obj))
    elif isinstance(obj, Target):
        for name in ["metric", "comparator", "value", "unit", "year", "quote"]:
            if name in parsed:
                add(name, str(Target._meta.get_field(name).verbose_name), parsed[name], _plain(getattr(obj, name)))
        if "measure" in parsed:
            add("measure", _("措施"), parsed["measure"], obj.measure.ordinal if obj.measure_id else None)
    return rows


def _display(obj, name, value) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if name == "region":
        region = Region.objects.filter(pk=value).first()
        return region.name if region else str(value)
    if name in ("themes", "ip_types"):
        model = Theme if name == "themes" else IPType
        names = dict(model.objects.filter(code__in=value).values_list("code", "name"))
        return "、".join(names.get(code, code) for code in value)
    if name == "units":
        roles = dict(MeasureUnit.Role.choices)
        return "、".join(f"{u['name']}({roles.get(u['role'], u['role'])})" for u in value)
    if name == "path":
        return " › ".join(value)
    if name == "measure":
        return _("第 %(value)s 条") % {"value": value}
    field = obj._meta.get_field(name)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if name == "value":
        return f"{value:g}"
    return str(value)


class ParsedDiffMixin:
    """Adds the read-only panel "解析原值 vs 当前值" to a change page."""

    @admin.display(description=_("解析原值 vs 当前值"))
    def parse_diff(self, obj):
        if obj is None or obj.pk is None:
            return EMPTY
        if not obj.parsed:
            if isinstance(obj, Target) and obj.added_by_editor:
                return _("此目标由编辑添加,没有解析原值;重新导入时保留。")
            return _("没有解析记录(非导入数据)。")
        rows = parse_differences(obj)
        if not rows:
            return _("与解析结果一致,没有人工修正。重新导入时将采用新的解析结果。")
        body = format_html_join(
            "", '<tr class="parse-diff-row" data-field="{}"><th>{}</th><td>{}</td><td>{}</td></tr>',
            ((name, label, _display(obj, name, old), _display(obj, name, new)) for name, label, old, new in rows),
        )
        return format_html(
            '<table class="parse-diff"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>'
            '<tbody>{}</tbody></table><p class="help">{}</p>',
            _("字段"), _("解析原值"), _("当前值(人工修正)"), body,
            _("以上字段为编辑修正,重新导入同一文件的新版本时将保留。"),
        )


# --- list filters -------------------------------------------------------------------------

class ProvinceFilter(admin.SimpleListFilter):
    """Only the provinces that have documents (a related filter would list ~3000 regions)."""

    title = _("省份")
    parameter_name = "province"
    field_path = "province"

    def lookups(self, request, model_admin):
        ids = Document.objects.exclude(province=None).values_list("province_id", flat=True).distinct()
        return [(r.pk, r.name) for r in Region.objects.filter(pk__in=ids).order_by("pk")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{f"{self.field_path}_id": self.value()})
        return queryset


class NeedsReviewFilter(admin.SimpleListFilter):
    """Documents the parser had doubts about (warnings) that no editor has reviewed."""

    title = _("待审核")
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("1", _("需要审核（解析有提示）")), ("0", _("无需审核"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.needing_review()
        if self.value() == "0":
            return queryset.exclude(pk__in=Document.objects.needing_review().values("pk"))
        return queryset


class DocumentProvinceFilter(ProvinceFilter):
    field_path = "document__province"


class HasKeywordsFilter(admin.SimpleListFilter):
    title = _("关键词")
    parameter_name = "has_keywords"

    def lookups(self, request, model_admin):
        return [("1", _("有关键词")), ("0", _("无关键词"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.exclude(keywords=[])
        if self.value() == "0":
            return queryset.filter(keywords=[])
        return queryset


class IsCanonicalFilter(admin.SimpleListFilter):
    title = _("规范单位")
    parameter_name = "is_canonical"

    def lookups(self, request, model_admin):
        return [("1", _("是规范单位")), ("0", _("是别名"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(canonical__isnull=True)
        if self.value() == "0":
            return queryset.filter(canonical__isnull=False)
        return queryset


class RegionLevelFilter(admin.SimpleListFilter):
    title = _("地区级别")
    parameter_name = "region_level"

    def lookups(self, request, model_admin):
        return list(Level.choices) + [("none", _("无地区"))]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(region__isnull=True)
        if self.value():
            return queryset.filter(region__level=self.value())
        return queryset


# --- intermediate page for actions that ask a question -------------------------------------

_ACTION_FORM = engines["django"].from_string("""{% extends "admin/base_site.html" %}
{% block content %}
<form method="post" class="action-form">{% csrf_token %}
<p>{{ intro }}</p>
<ul>{% for obj in objects %}<li>{{ obj }}</li>{% endfor %}</ul>
{{ form.as_div }}
{% for obj in objects %}<input type="hidden" name="_selected_action" value="{{ obj.pk }}">{% endfor %}
<input type="hidden" name="action" value="{{ action }}">
<input type="hidden" name="index" value="0">
<div class="submit-row"><input type="submit" name="apply" value="{{ apply_label }}" class="default">
<a href="" class="button cancel-link">{{ cancel_label }}</a></div>
</form>
{% endblock %}""")


def _ask(modeladmin, request, *, title, intro, form, objects, action):
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title, "intro": intro, "form": form, "objects": objects, "action": action,
        "opts": modeladmin.model._meta, "apply_label": _("确定"), "cancel_label": _("取消"),
    }
    return HttpResponse(_ACTION_FORM.render(context, request))


# --- the search's kept counts after an edit ---------------------------------------------------

def _warm_search_counts():
    from .search import warm

    warm.in_background()


class WarmsSearchCountsMixin:
    """An edit made here (a save, a delete, an action that finished) writes the measures or documents
    tables, or may (a target's specificity flags, a unit's canonical name reindexes its measures), which
    leaves every count the search keeps unread (measures.search.totals: their fingerprint moved). Once
    the edit's transaction commits, the background warm-up of the admin's import page counts the main
    filter states again (measures.search.warm.in_background: one thread a process; edits committed while
    it runs have it run once more at its end), so that the first visitors of the list pages after an
    editor's fix wait for none of it. The editor's request waits for no counting (a flush of its
    statistics, then the thread), and a failure is logged, never shown. Where nothing moved, the
    warm-up finds every state kept (0.6 s at 1M). Not a model signal: an import warms at its own end,
    and tests or scripts that write rows directly start no thread. An edit that fails validation
    saves nothing and schedules nothing; one request schedules once."""

    def search_changed(self, request) -> None:
        if getattr(request, "_search_warm_scheduled", False):
            return
        request._search_warm_scheduled = True
        # (outside a transaction, an action's: at once; robust: a failure is logged, never the request's)
        transaction.on_commit(_warm_search_counts, robust=True)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self.search_changed(request)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self.search_changed(request)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        self.search_changed(request)

    def response_action(self, request, queryset):
        response = super().response_action(request, queryset)
        if response is not None and response.status_code in (301, 302):   # done (not a page that asks first)
            self.search_changed(request)
        return response

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # a revert in one transaction, as the change page's save is (simple-history's is not): the warm-up
        # starts after all of its writes (an admin's save_model reindexing after super()), not at the first
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)


# --- reference data -----------------------------------------------------------------------

@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "short_name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name", "short_name", "code"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "order", "measure_count"]
    list_filter = [HasKeywordsFilter]
    search_fields = ["name", "code", "description"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_measures=Count("measures")).order_by("order", "code")

    @admin.display(description=_("措施数"), ordering="n_measures")
    def measure_count(self, obj):
        return obj.n_measures


@admin.register(IPType)
class IPTypeAdmin(ThemeAdmin):
    search_fields = ["name", "code"]


@admin.register(UnitAlias)
class UnitAliasAdmin(SimpleHistoryAdmin):
    list_display = ["alias", "canonical"]
    list_filter = ["canonical"]
    search_fields = ["alias", "canonical"]


@admin.register(SynonymGroup)
class SynonymGroupAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "note"]
    list_filter = [("note", admin.EmptyFieldListFilter)]
    search_fields = ["note"]

    def get_search_results(self, request, queryset, search_term):
        # terms is an array: search its elements joined as text, and the note.
        if not search_term:
            return queryset, False
        joined = Func(F("terms"), Value(" "), function="array_to_string", output_field=CharField())
        return queryset.alias(terms_text=joined).filter(
            Q(terms_text__icontains=search_term) | Q(note__icontains=search_term)), False


@admin.register(DictionaryWord)
class DictionaryWordAdmin(SimpleHistoryAdmin):
    list_display = ["word", "freq"]
    list_filter = [("freq", admin.EmptyFieldListFilter)]
    search_fields = ["word"]


# --- responsible units ------------------------------------------------------------------

@admin.register(ResponsibleUnit)
class ResponsibleUnitAdmin(WarmsSearchCountsMixin, SimpleHistoryAdmin):
    list_display = ["name", "region", "canonical", "measure_count"]
    list_filter = [IsCanonicalFilter, RegionLevelFilter]
    search_fields = ["name", "region__name", "canonical__name"]
    autocomplete_fields = ["region", "canonical"]
    list_select_related = ["region", "canonical"]
    actions = ["merge_units"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_measures=Count("measure_links")).order_by("name", "pk")

    @admin.display(description=_("措施数"), ordering="n_measures")
    def measure_count(self, obj):
        return obj.n_measures

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "canonical" in form.changed_data:
            services.reindex_measures(obj.measure_links.values_list("measure_id", flat=True))

    @admin.action(description=_("合并所选单位到一个规范单位"), permissions=["change"])
    def merge_units(self, request, queryset):
        units = queryset.order_by("name")
        if units.count() < 2:
            self.message_user(request, _("请至少选择两个单位。"), messages.WARNING)
            return None
        form = MergeUnitsForm(request.POST if "apply" in request.POST else None, units=units)
        if "apply" in request.POST and form.is_valid():
            canonical = form.cleaned_data["canonical"]
            n = services.merge_units(list(units), canonical, user=request.user)
            self.message_user(request, _("已将 %(n)s 个单位合并到“%(canonical)s”。") % {"n": n, "canonical": canonical},
                              messages.SUCCESS)
            return None
        return _ask(self, request, title=_("合并责任单位"), intro=_("请选择合并后的规范单位(各文件中的原文名称保持不变):"),
                    form=form, objects=units, action="merge_units")


# --- documents ---------------------------------------------------------------------------

class MeasureInline(admin.TabularInline):
    """Compact, read-only list of a document's measures; each links to its own change page."""

    model = Measure
    fields = ["ordinal", "label", "title", "change_link"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name_plural = _("措施(点击“编辑”修改)")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="")
    def change_link(self, obj):
        if obj.pk is None:
            return ""
        return format_html(_('<a href="{}">编辑</a>'), reverse("admin:measures_measure_change", args=[obj.pk]))


class TargetInline(admin.TabularInline):
    model = Target
    form = TargetAdminForm
    fields = ["measure", "metric", "comparator", "value", "unit", "year", "quote", "added_by_editor"]
    readonly_fields = ["added_by_editor"]
    extra = 0
    fk_name = "document"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "measure":
            # Only the measures of the document being edited.
            object_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            kwargs["queryset"] = Measure.objects.filter(document_id=object_id) if object_id else Measure.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.base_fields["quote"].widget.attrs.update({"rows": 2})
        return formset


class MeasureTargetInline(TargetInline):
    fk_name = "measure"
    fields = ["metric", "comparator", "value", "unit", "year", "quote", "added_by_editor"]


class SavesTargetsMixin:
    """New targets entered in an inline are editor-added (kept on re-import)."""

    def save_formset(self, request, form, formset, change):
        if formset.model is not Target:
            return super().save_formset(request, form, formset, change)
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for target in instances:
            if target.document_id is None:
                target.document = form.instance.document if isinstance(form.instance, Measure) else form.instance
            services.save_target(target, user=request.user)
        formset.save_m2m()


@admin.register(Document)
class DocumentAdmin(WarmsSearchCountsMixin, IngestAdminMixin, SavesTargetsMixin, ParsedDiffMixin, SimpleHistoryAdmin):
    form = DocumentAdminForm
    list_display = ["title", "doc_number", "region", "level", "published_date", "status", "reviewed", "measure_count",
                    "warning_list"]
    list_filter = [NeedsReviewFilter, ProvinceFilter, "level", "status", "script", "reviewed", "published_date"]
    search_fields = ["title", "notice_title", "doc_number", "issuer", "source"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]
    date_hierarchy = "published_date"
    readonly_fields = ["parse_diff", "warning_list", "source", "content_hash", "province", "city", "imported_at", "updated_at",
                       "raw_text", "original_files", "parser_version"]
    fieldsets = [
        (None, {"fields": ["parse_diff", "warning_list"]}),
        (_("文件信息"), {"fields": ["title", "notice_title", "issuer", "doc_number", "region", "level",
                              "signed_date", "published_date", ("date_year", "date_month"), "status", "script",
                              "reviewed"]}),
        (_("出处"), {"fields": ["source_url", "excerpt", "original_files"]}),
        (_("来源"), {"classes": ["collapse"], "fields": ["source", "content_hash", "province", "city", "imported_at",
                                                       "updated_at", "parser_version", "raw_text"]}),
    ]
    inlines = [MeasureInline, TargetInline, CitationInline]
    actions = ["mark_reviewed"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_measures=Count("measures")).order_by("-published_date", "id")

    @admin.display(description=_("解析提示"))
    def warning_list(self, obj):
        if not obj.parse_warnings:
            return "—"
        return format_html_join("; ", "{}", ((parse_note(w),) for w in obj.parse_warnings))

    @admin.display(description=_("措施数"), ordering="n_measures")
    def measure_count(self, obj):
        return obj.n_measures

    def save_model(self, request, obj, form, change):
        services.save_document(obj, user=request.user)
        self.search_changed(request)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.document_edited(form.instance)

    @admin.action(description=_("标记为已审核"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        n = services.mark_reviewed(queryset, user=request.user)
        self.message_user(request, _("已将 %(n)s 个文件标记为已审核。") % {"n": n}, messages.SUCCESS)


# --- measures -----------------------------------------------------------------------------

class MeasureUnitInline(admin.TabularInline):
    model = MeasureUnit
    form = MeasureUnitInlineForm
    fields = ["unit", "role", "position"]
    autocomplete_fields = ["unit"]
    extra = 0
    verbose_name = verbose_name_plural = _("责任单位")


@admin.register(Measure)
class MeasureAdmin(WarmsSearchCountsMixin, SavesTargetsMixin, ParsedDiffMixin, SimpleHistoryAdmin):
    form = MeasureAdminForm
    list_display = ["heading", "label", "document", "theme_list", "reviewed", "updated_at"]
    list_filter = ["themes", "ip_types", "reviewed", DocumentProvinceFilter, "document__level", "specificity"]
    search_fields = ["text", "title", "label", "document__title"]
    list_select_related = ["document"]
    readonly_fields = ["parse_diff", "document_link", "ordinal", "updated_at"]
    fieldsets = [
        (None, {"fields": ["parse_diff"]}),
        (_("措施"), {"fields": ["document_link", "ordinal", "path", "label", "title", "text", "themes", "ip_types",
                            "reviewed", "updated_at"]}),
        # measures.specificity: computed at import, an editor's correction is kept on recomputation
        (_("具体度"), {"fields": ["specificity", "flag_target", "flag_deadline", "flag_unit", "flag_lead", "flag_money"],
                 "description": _("五项依据由程序根据正文、量化目标和责任单位判断;修改后保存即可,重新导入或再次计算时保留编辑的判断。")}),
    ]
    filter_horizontal = ["themes", "ip_types"]
    inlines = [MeasureUnitInline, MeasureTargetInline]
    actions = ["set_theme", "mark_reviewed"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # adding by hand: the document must be chosen
            return [(None, {"fields": ["document", "ordinal", "path", "label", "title", "text", "themes",
                                       "ip_types", "reviewed"]})]
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return ["parse_diff", "document_link", "ordinal", "updated_at", "specificity"] if obj else ["specificity"]

    def get_autocomplete_fields(self, request):
        return ["document"]

    @admin.display(description=_("标题"), ordering="title")
    def heading(self, obj):
        return obj.heading

    @admin.display(description=_("工作类别"))
    def theme_list(self, obj):
        return "、".join(t.name for t in obj.themes.all())

    @admin.display(description=_("文件"))
    def document_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:measures_document_change", args=[obj.document_id]),
                           obj.document)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.measure_edited(form.instance)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history's revert form takes m2m values from the live object; offer the
        # themes/IP types of the chosen version instead, and reindex after a revert.
        request._history_version_id = version_id
        with transaction.atomic(using=router.db_for_write(self.model)):   # (the warm-up after the reindexing)
            response = super().history_form_view(request, object_id, version_id, extra_context)
            if request.method == "POST" and response.status_code in (301, 302):
                services.measure_edited(int(object_id))
        return response

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        version_id = getattr(request, "_history_version_id", None)
        if version_id is None or request.method != "GET":
            return form_class
        record = Measure.history.filter(history_id=version_id).first()
        if record is None:
            return form_class
        initial = {"themes": [row.theme_id for row in record.themes.all()],
                   "ip_types": [row.iptype_id for row in record.ip_types.all()]}

        class VersionForm(form_class):
            def __init__(self, *args, **kw):
                kw["initial"] = {**initial, **(kw.get("initial") or {})}
                super().__init__(*args, **kw)

        return VersionForm

    @admin.action(description=_("设置工作类别"), permissions=["change"])
    def set_theme(self, request, queryset):
        form = SetThemeForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            n = services.set_theme(queryset, form.cleaned_data["theme"], replace=form.cleaned_data["replace"],
                                   user=request.user)
            self.message_user(request, _("已更新 %(n)s 条措施的工作类别。") % {"n": n}, messages.SUCCESS)
            return None
        return _ask(self, request, title=_("设置工作类别"), intro=_("为所选措施设置工作类别:"), form=form,
                    objects=queryset, action="set_theme")

    @admin.action(description=_("标记为已审核"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        n = services.mark_reviewed(queryset, user=request.user)
        self.message_user(request, _("已将 %(n)s 条措施标记为已审核。") % {"n": n}, messages.SUCCESS)


@admin.register(MeasureUnit)
class MeasureUnitAdmin(WarmsSearchCountsMixin, SimpleHistoryAdmin):
    form = MeasureUnitInlineForm
    fields = ["measure", "unit", "role", "position"]
    list_display = ["measure", "unit", "role", "position"]
    list_filter = ["role"]
    search_fields = ["unit__name", "measure__text", "measure__document__title"]
    autocomplete_fields = ["measure", "unit"]
    list_select_related = ["measure", "unit"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.measure_edited(obj.measure_id)

    def delete_model(self, request, obj):
        measure_id = obj.measure_id
        super().delete_model(request, obj)
        services.measure_edited(measure_id)


# --- targets ------------------------------------------------------------------------------

@admin.register(Target)
class TargetAdmin(WarmsSearchCountsMixin, ParsedDiffMixin, SimpleHistoryAdmin):
    form = TargetAdminForm
    list_display = ["metric", "comparator", "value", "unit", "year", "document", "added_by_editor"]
    list_filter = ["year", "comparator", "added_by_editor", DocumentProvinceFilter]
    search_fields = ["metric", "quote", "document__title"]
    autocomplete_fields = ["document", "measure"]
    list_select_related = ["document"]
    readonly_fields = ["parse_diff", "added_by_editor"]
    fields = ["parse_diff", "document", "measure", "metric", "comparator", "value", "unit", "year", "quote",
              "position", "added_by_editor"]

    def save_model(self, request, obj, form, change):
        services.save_target(obj, user=request.user)
        self.search_changed(request)


# --- error reports ------------------------------------------------------------------------

class ReportStatusFilter(admin.SimpleListFilter):
    """处理状态, opening on 待处理: the queue shows what still needs an editor; 全部 shows every report."""

    title = _("处理状态")
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*ErrorReport.Status.choices, (self.ALL, _("全部"))]

    def value(self):
        return super().value() or ErrorReport.Status.OPEN

    def queryset(self, request, queryset):
        value = self.value()
        return queryset if value == self.ALL else queryset.filter(status=value)

    def choices(self, changelist):
        value = self.value()
        for lookup, title in self.lookup_choices:
            yield {"selected": value == str(lookup), "display": title,
                   "query_string": changelist.get_query_string({self.parameter_name: lookup})}


@admin.register(ErrorReport)
class ErrorReportAdmin(SimpleHistoryAdmin):
    list_display = ["id", "kind", "subject_link", "short_description", "status", "created_at", "handled_by"]
    list_filter = [ReportStatusFilter, "kind", "created_at", ("handled_by", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["description", "contact", "note", "document__title", "measure__text"]
    list_select_related = ["measure", "document", "handled_by"]
    readonly_fields = ["subject_link", "kind", "description", "contact", "created_at", "handled_by", "handled_at"]
    fields = ["subject_link", "kind", "description", "contact", "created_at", "status", "note", "handled_by",
              "handled_at"]
    actions = ["mark_fixed", "mark_rejected"]

    def has_add_permission(self, request):
        return False  # reports come from visitors

    @admin.display(description=_("对象"))
    def subject_link(self, obj):
        if obj.measure_id:
            return format_html(_('<a href="{}">措施:{}</a>'), reverse("admin:measures_measure_change",
                                                                  args=[obj.measure_id]), obj.measure)
        if obj.document_id:
            return format_html(_('<a href="{}">文件:{}</a>'), reverse("admin:measures_document_change",
                                                                  args=[obj.document_id]), obj.document)
        return _("一般反馈")

    @admin.display(description=_("问题描述"))
    def short_description(self, obj):
        return obj.description if len(obj.description) <= 40 else obj.description[:40] + "…"

    def save_model(self, request, obj, form, change):
        if change and "status" in form.changed_data:
            services.handle_error_reports([obj], obj.status, user=request.user)
        else:
            super().save_model(request, obj, form, change)

    @admin.action(description=_("标记为已修正"), permissions=["change"])
    def mark_fixed(self, request, queryset):
        n = services.handle_error_reports(queryset, ErrorReport.Status.FIXED, user=request.user)
        self.message_user(request, _("已将 %(n)s 条报告标记为已修正。") % {"n": n}, messages.SUCCESS)

    @admin.action(description=_("驳回"), permissions=["change"])
    def mark_rejected(self, request, queryset):
        n = services.handle_error_reports(queryset, ErrorReport.Status.REJECTED, user=request.user)
        self.message_user(request, _("已驳回 %(n)s 条报告。") % {"n": n}, messages.SUCCESS)


# --- login lockout (django-axes) ------------------------------------------------------------

_LOCKOUT = engines["django"].from_string("""{% extends "admin/base_site.html" %}
{% block content %}<p class="errornote">{{ message }}</p>
{% endblock %}""")


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the lockout page in the interface language (axes has no zh translation), HTTP 429."""
    from django.conf import settings

    minutes = int(float(getattr(settings, "AXES_COOLOFF_TIME", 0) or 0) * 60)
    cooloff = ngettext("%(n)d 分钟", "%(n)d 分钟", minutes) % {"n": minutes} if minutes else _("稍")
    message = _("登录失败次数过多,账户已被暂时锁定。请 %(cooloff)s 后再试,或联系管理员解锁。") % {"cooloff": cooloff}
    context = {**admin.site.each_context(request), "title": _("账户已锁定"), "message": message}
    return HttpResponse(_LOCKOUT.render(context, request), status=429)


# django-axes calls its app "Axes" (it has no Chinese catalogue): name it for editors.
def _name_axes_app():
    from django.apps import apps
    from django.utils.translation import gettext_lazy

    if apps.is_installed("axes"):
        apps.get_app_config("axes").verbose_name = gettext_lazy("登录安全")


_name_axes_app()
