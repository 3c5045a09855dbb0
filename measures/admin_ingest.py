"""Admin: import documents as editors find them — upload files, paste text, or give the address of
an official page — with a preview of the parse before anything is written.

Flow: /admin/measures/document/import/ → "预览" parses every file (nothing is imported; the files
wait as staged SourceFile rows of a preview batch) → "导入" imports the ticked ones through the
Importer's import_bytes, the same rules as the command, and keeps the originals.
"""
from __future__ import annotations

import secrets
from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .display import parse_note
from .ingest import service
from .models_ingest import SourceFile

MAX_FILES = 20
STAGED_FOR = timedelta(days=1)
ACTION_LABELS = {
    "new": (_("新增"), _("将作为新文件导入")),
    "update": (_("更新"), _("同名文件的新版本：更新已有文件，编辑的修改会保留")),
    "unchanged": (_("未变"), _("这份文件已经导入，内容相同，不会重复导入")),
    "duplicate": (_("重复"), _("已有内容相同的文件，不会重复导入")),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_empty_file", True)  # an empty file gets its own message in the preview
        kwargs.setdefault("widget", MultipleFileInput(attrs={
            "accept": ".pdf,.docx,.doc,.wps,.ofd,.txt,.html,.htm,.mht"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class ImportForm(forms.Form):
    files = MultipleFileField(label=_("上传文件"), required=False,
                              help_text=format_lazy(_("可一次选择多个文件：PDF、Word (.docx/.doc)、WPS、OFD、网页 (.html) 或文本 "
                                                      "(.txt)，每个不超过 {} MB"), service.max_upload_bytes() // 1048576))
    text = forms.CharField(label=_("或粘贴文本"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
                           help_text=_("政策文件的全文（含标题）"))
    urls = forms.CharField(label=_("或官方网页地址"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("每行一个 http(s) 网址；网页正文及其附件（PDF、Word、WPS）会一并读取"))
    source_url = forms.URLField(label=_("来源网址"), required=False, max_length=1000, assume_scheme="https",
                                help_text=_("上传或粘贴的文件在官方网站上的地址（可选，可在导入后修改）"))
    excerpt = forms.BooleanField(label=_("节选"), required=False, help_text=_("只有原文的一部分"))

    def clean(self):
        data = super().clean()
        files = data.get("files") or []
        urls = [u.strip() for u in (data.get("urls") or "").splitlines() if u.strip()]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("一次最多上传 %(n)s 个文件") % {"n": MAX_FILES})
        if not files and not (data.get("text") or "").strip() and not urls:
            raise forms.ValidationError(_("请上传文件、粘贴文本或填写网址"))
        data["url_list"] = urls[:MAX_FILES]
        return data


class IngestAdminMixin:
    """Adds the import page to the documents' admin, and the original files to a document's page."""

    change_list_template = "admin/measures/document/change_list_ingest.html"

    def get_urls(self):
        urls = super().get_urls()
        info = self.model._meta.app_label, self.model._meta.model_name
        return [path("import/", self.admin_site.admin_view(self.import_view), name="%s_%s_import" % info)] + urls

    @admin.display(description=_("原始文件"))
    def original_files(self, obj):
        if obj is None or not obj.pk:
            return "—"
        files = list(SourceFile.objects.filter(document_id=obj.pk).defer("data"))
        if not files:
            return "—"
        return format_html_join(
            format_html("<br>"), '<a href="{}">{}</a>{}',
            ((reverse("measures:source_file", args=[obj.pk, f.pk]), f.name,
              format_html(_("（{role}，{size} KB{link}）"), role=f.get_role_display(), size=max(1, f.size // 1024),
                          link=format_html(_('，<a href="{url}">来源</a>'), url=f.url) if f.url else ""))
             for f in files))

    # --- the import page ----------------------------------------------------------------------
    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "title": _("导入政策文件"),
                   "max_mb": service.max_upload_bytes() // 1048576}
        if request.method == "POST" and request.POST.get("step") == "import":
            return self._import(request)
        if request.method == "POST":
            form = ImportForm(request.POST, request.FILES)
            if form.is_valid():
                context.update(self._preview(request, form))
        else:
            form = ImportForm()
        context["form"] = form
        return TemplateResponse(request, "admin/measures/document/import.html", context)

    def _preview(self, request, form) -> dict:
        data = form.cleaned_data
        excerpt = True if data.get("excerpt") else None
        candidates = []
        for upload in data["files"]:
            if upload.size > service.max_upload_bytes():
                c = service.Candidate(name=upload.name, source=upload.name)
                c.error = service.too_large(upload.size)
            else:
                c = service.from_upload(upload.name, upload.read())
                c.source_url = data.get("source_url") or ""
            candidates.append(c)
        if (data.get("text") or "").strip():
            c = service.from_text(data["text"])
            c.source_url = data.get("source_url") or ""
            candidates.append(c)
        for url in data["url_list"]:
            candidates.append(service.from_url(url))
        from .importer import knowledge_from_db

        knowledge = knowledge_from_db()
        for c in candidates:
            c.excerpt = excerpt
            service.preview(c, knowledge)
        batch = self._stage(request, candidates)
        return {"candidates": [self._card(i, c) for i, c in enumerate(candidates)], "batch": batch,
                "importable": sum(1 for c in candidates if c.ok and c.action in ("new", "update"))}

    @staticmethod
    def _card(index: int, c: service.Candidate) -> dict:
        d = (c.parsed or {}).get("document") or {}
        rows = service.outline(c.parsed) if c.parsed else []
        return {
            "index": index, "name": c.name, "format": c.format, "pages": c.pages, "error": c.error,
            "warnings": [parse_note(w) for w in c.warnings], "action": c.action, "action_label": ACTION_LABELS.get(c.action, ("", ""))[0],
            "action_help": ACTION_LABELS.get(c.action, ("", ""))[1], "existing_id": c.existing_id,
            "existing_title": c.existing_title, "source_url": c.source_url,
            "doc": d, "region": " · ".join(x for x in (d.get("province"), d.get("city"), d.get("district")) if x),
            "measures": rows, "n_measures": len(rows), "n_targets": len((c.parsed or {}).get("targets") or []),
            "n_units": len({u["name"] for r in rows for u in r["units"]}),
            "doc_targets": service.document_targets(c.parsed) if c.parsed else [],
            "checked": c.ok and c.action in ("new", "update"),
        }

    def _stage(self, request, candidates) -> str:
        """Keep the files between preview and import (in the database, not the session)."""
        SourceFile.objects.filter(document__isnull=True, created_at__lt=timezone.now() - STAGED_FOR).delete()
        batch = secrets.token_hex(8)
        manifest = []
        for c in candidates:
            entry = {"name": c.name, "source": c.source, "source_url": c.source_url, "excerpt": c.excerpt,
                     "ok": c.ok and c.action in ("new", "update"), "files": [], "text_file": None}
            if entry["ok"]:
                rows = [SourceFile(batch=batch, uploaded_by=request.user, position=i, role=o.role, name=o.name[:255],
                                   format=o.format, content_type=o.content_type, size=len(o.data),
                                   sha256=_sha(o.data), url=o.url[:1000], data=o.data)
                        for i, o in enumerate(c.originals)]
                if c.originals and c.data != c.originals[0].data:
                    # a page with attachments: the text put together is what gets imported
                    rows.append(SourceFile(batch=batch, uploaded_by=request.user, position=len(rows), role="text",
                                           name="text.txt", format="txt", content_type="text/plain; charset=utf-8",
                                           size=len(c.data), sha256=_sha(c.data), data=c.data))
                rows = SourceFile.objects.bulk_create(rows)
                entry["files"] = [r.pk for r in rows if r.role != "text"]
                entry["text_file"] = next((r.pk for r in rows if r.role == "text"), None)
            manifest.append(entry)
        request.session[f"ingest:{batch}"] = manifest
        return batch

    def _import(self, request):
        from .importer import Importer

        batch = request.POST.get("batch", "")
        manifest = request.session.pop(f"ingest:{batch}", None)
        back = reverse("admin:measures_document_import")
        if not manifest:
            self.message_user(request, _("预览已过期，请重新上传。"), messages.ERROR)
            return HttpResponseRedirect(back)
        chosen = {int(i) for i in request.POST.getlist("selected") if i.isdigit()}
        staged = {f.pk: f for f in SourceFile.objects.filter(batch=batch, document__isnull=True,
                                                              uploaded_by=request.user)}
        importer = Importer()
        imported = 0
        for i, entry in enumerate(manifest):
            if i not in chosen or not entry["ok"]:
                continue
            files = [staged[pk] for pk in entry["files"] if pk in staged]
            if not files:
                continue
            text_row = staged.get(entry["text_file"]) if entry["text_file"] else None
            c = service.Candidate(name=entry["name"], source=entry["source"], source_url=entry["source_url"],
                                  excerpt=entry["excerpt"])
            c.originals = [service.Original(f.name, bytes(f.data), f.format, f.url, f.role) for f in files]
            c.data = bytes(text_row.data) if text_row else c.originals[0].data
            result = service.import_one(c, importer, user=request.user)
            self._report(request, entry["name"], result)
            imported += result.status in ("added", "updated")
        SourceFile.objects.filter(batch=batch, document__isnull=True).delete()
        if imported:
            # the search's kept counts, which the writes left unread, counted again once they are
            # committed, in a thread of this process: the editor waits for none of it (at 1M measures
            # about 90 s of counting), and a failure there is logged, never shown (measures.search.warm)
            from .search import warm

            transaction.on_commit(warm.in_background)
        if not imported:
            self.message_user(request, _("没有导入任何文件。"), messages.WARNING)
        return HttpResponseRedirect(back)

    def _report(self, request, name, result):
        from .models import Document

        labels = {"added": _("已新增"), "updated": _("已更新（编辑的修改已保留）"), "unchanged": _("未变"),
                  "duplicate": _("与已有文件相同，未导入"), "failed": _("导入失败"), "skipped": _("跳过")}
        label = labels.get(result.status, result.status)
        if result.document_id:
            doc = Document.objects.only("id", "title").get(pk=result.document_id)
            n = doc.measures.count()
            self.message_user(request, format_html(
                _('{}：《{}》{}，{} 条措施 · <a href="{}">编辑</a> · <a href="{}">查看页面</a>'), name, doc.title, label, n,
                reverse("admin:measures_document_change", args=[doc.pk]),
                reverse("measures:document_detail", args=[doc.pk])),
                messages.SUCCESS if result.status in ("added", "updated") else messages.INFO)
        else:
            self.message_user(request, _("%(name)s：%(status)s：%(reason)s") % {"name": name, "status": label,
                                                                   "reason": result.reason}, messages.ERROR)


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()
