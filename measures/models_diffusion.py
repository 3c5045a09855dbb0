"""How policy spreads: citations between documents, the keys documents are found
by, and the text fingerprints of measures (imported by measures.models).

- Citation: one document a document refers to (《title》, 文号 or 根据…精神),
  resolved to a Document of the corpus when it is there, else kept as text.
  An editor may set or clear the target; the choice survives re-imports.
- DocumentKey: the normalised 文号 and title keys of a document
  (measures.citations), so that a citation finds its document by index, and
  a new document finds the citations waiting for it.
- MeasureFingerprint: a measure's MinHash bands and distinctive words
  (measures.similarity), GIN-indexed: the candidates for "similar measures"
  and "the same wording elsewhere" come from index lookups, not a scan.
"""
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords


class Citation(models.Model):
    class Kind(models.TextChoices):
        TITLE_NUMBER = "title_number", _("标题与文号")
        TITLE = "title", _("书名号标题")
        NUMBER = "number", _("文号")
        SPIRIT = "spirit", _("根据…精神")
        EDITOR = "editor", _("编辑添加")

    class Method(models.TextChoices):
        NUMBER = "number", _("按文号匹配")
        TITLE = "title", _("按标题匹配")
        LOOSE_TITLE = "loose_title", _("按标题(去掉发文机关)匹配")
        EDITOR = "editor", _("编辑指定")
        NONE = "none", _("未匹配")

    document = models.ForeignKey("measures.Document", on_delete=models.CASCADE, related_name="citations",
                                 verbose_name=_("引用文件"))
    target = models.ForeignKey("measures.Document", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="cited_by", verbose_name=_("被引用文件"),
                               help_text=_("语料中的对应文件;为空表示语料中没有(仅保留文字)"))
    ref_key = models.CharField(_("引用键"), max_length=520, editable=False)
    kind = models.CharField(_("引用方式"), max_length=14, choices=Kind.choices)
    title = models.CharField(_("引用标题"), max_length=500, blank=True)
    doc_number = models.CharField(_("引用文号"), max_length=100, blank=True)
    number_org = models.CharField(max_length=40, blank=True, editable=False)
    number_core = models.CharField(max_length=40, blank=True, editable=False, db_index=True)
    title_keys = ArrayField(models.CharField(max_length=520), default=list, blank=True, editable=False)
    context = models.CharField(_("上下文"), max_length=300, blank=True)
    position = models.PositiveIntegerField(_("位置"), default=0)
    occurrences = models.PositiveSmallIntegerField(_("出现次数"), default=1)
    method = models.CharField(_("匹配方式"), max_length=12, choices=Method.choices, default=Method.NONE)
    editor_set = models.BooleanField(_("编辑已确认"), default=False,
                                     help_text=_("编辑指定(或清空)了被引用文件;重新导入时保留"))
    history = HistoricalRecords(excluded_fields=["title_keys"])

    class Meta:
        ordering = ["document_id", "position", "id"]
        verbose_name = pgettext_lazy("singular", "文件引用")
        verbose_name_plural = _("文件引用")
        constraints = [models.UniqueConstraint(fields=["document", "ref_key"], name="citation_unique_ref")]
        indexes = [GinIndex(fields=["title_keys"], name="citation_title_keys_gin"),
                   models.Index(fields=["target", "document"], name="citation_target_idx")]

    def __str__(self):
        label = f"《{self.title}》" if self.title else ""
        return f"{label}{self.doc_number}" or self.ref_key

    @property
    def resolved(self) -> bool:
        return self.target_id is not None


class DocumentKey(models.Model):
    class Kind(models.TextChoices):
        NUMBER = "number", _("文号")
        TITLE = "title", _("标题")
        BASE = "base", _("标题(不含征求意见稿等)")

    document = models.ForeignKey("measures.Document", on_delete=models.CASCADE, related_name="keys")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    key = models.CharField(max_length=520)
    org = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("singular", "文件匹配键")
        verbose_name_plural = _("文件匹配键")
        indexes = [models.Index(fields=["key", "kind"], name="documentkey_key_idx")]

    def __str__(self):
        return f"{self.kind}:{self.key}"


class MeasureFingerprint(models.Model):
    measure = models.OneToOneField("measures.Measure", on_delete=models.CASCADE, primary_key=True,
                                   related_name="fingerprint")
    document = models.ForeignKey("measures.Document", on_delete=models.CASCADE, related_name="+")
    bands = ArrayField(models.IntegerField(), default=list, blank=True)
    terms = ArrayField(models.CharField(max_length=40), default=list, blank=True)
    weights = ArrayField(models.FloatField(), default=list, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("singular", "措施文本指纹")
        verbose_name_plural = _("措施文本指纹")
        indexes = [GinIndex(fields=["bands"], name="fingerprint_bands_gin", fastupdate=False),
                   GinIndex(fields=["terms"], name="fingerprint_terms_gin", fastupdate=False)]

    def __str__(self):
        return f"fingerprint of measure {self.measure_id}"
