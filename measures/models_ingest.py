"""Original files: the bytes a document was read from, kept in the database.

One row per file (an uploaded PDF, a fetched page and each of its
attachments, the text file of a folder import). The bytes live in a
BinaryField on this separate table, so that no query over documents ever
loads them; the download view reads one row. A row whose document is empty
is an upload waiting between the admin's preview and its import (staged);
stale staged rows are deleted on the next preview.
"""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SourceFile(models.Model):
    class Role(models.TextChoices):
        MAIN = "main", _("原文")
        PAGE = "page", _("网页")
        ATTACHMENT = "attachment", _("附件")
        TEXT = "text", _("合并文本（预览中）")  # a page's and its attachments' text, between preview and import

    document = models.ForeignKey("measures.Document", null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="source_files", verbose_name=pgettext_lazy("field", "文件"))
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
    role = models.CharField(_("类型"), max_length=12, choices=Role.choices, default=Role.MAIN)
    name = models.CharField(_("文件名"), max_length=255)
    format = models.CharField(_("格式"), max_length=12, blank=True)
    content_type = models.CharField(_("内容类型"), max_length=120, blank=True)
    size = models.PositiveIntegerField(_("大小(字节)"), default=0)
    sha256 = models.CharField("SHA-256", max_length=64)
    url = models.URLField(_("下载地址"), max_length=1000, blank=True)
    data = models.BinaryField(_("内容"))
    # an upload previewed in the admin and not imported yet: its batch and who uploaded it
    batch = models.CharField(_("预览批次"), max_length=32, blank=True, db_index=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("上传人"))
    created_at = models.DateTimeField(_("入库时间"), auto_now_add=True)

    class Meta:
        ordering = ["document_id", "position", "id"]
        verbose_name = pgettext_lazy("singular", "原始文件")
        verbose_name_plural = _("原始文件")
        indexes = [models.Index(fields=["document", "position"], name="sourcefile_doc_pos")]

    def __str__(self):
        return self.name
