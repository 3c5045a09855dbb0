"""The portal's data: policy documents parsed into measures, targets and units.

Editable reference data (themes, IP types, the region gazetteer, unit aliases,
synonyms and the search dictionary) are rows seeded from fixtures/.

Parsed content keeps what the parser produced in `parsed` (a JSON object of
field -> value). An editor's correction is any field whose current value
differs from `parsed`; a re-import only overwrites fields that still equal
what the parser said last time (see measures.importer).
"""
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from .querysets import DocumentQuerySet, MeasureQuerySet, TargetQuerySet, UnitQuerySet


MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}


class Level(models.TextChoices):
    NATIONAL = "national", _("国家级")
    PROVINCE = "province", _("省级")
    CITY = "city", _("市级")
    DISTRICT = "district", _("区县级")


class Region(models.Model):
    """One administrative division: province → city → district (adcode as pk)."""

    id = models.PositiveIntegerField(primary_key=True, help_text=_("行政区划代码"))
    code = models.CharField(_("区划代码"), max_length=12, unique=True)
    name = models.CharField(_("名称"), max_length=64, db_index=True)
    short_name = models.CharField(_("简称"), max_length=32, db_index=True)
    level = models.CharField(_("级别"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
                               verbose_name=_("上级"))

    class Meta:
        ordering = ["id"]
        verbose_name = pgettext_lazy("singular", "行政区划")
        verbose_name_plural = _("行政区划")
        constraints = [
            models.CheckConstraint(
                condition=Q(level="province", parent__isnull=True) | (~Q(level="province") & Q(parent__isnull=False)),
                name="region_parent_matches_level",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def province(self):
        node = self
        while node.parent_id is not None:
            node = node.parent
        return node

    def province_and_city(self) -> tuple["Region", "Region | None"]:
        """The province and city this region lies in. A province has no city;
        a district of 北京/上海/天津/重庆 has the municipality as its city."""
        chain = []
        node = self
        while node is not None:
            chain.append(node)
            node = node.parent
        chain.reverse()  # province, city, district
        province = chain[0]
        city = next((r for r in chain if r.level == Level.CITY), None)
        if city is None and len(chain) > 1 and province.name in MUNICIPALITIES:
            city = province
        return province, city


class Theme(models.Model):
    """A work category (工作类别); keywords drive the classifier."""

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=32)
    description = models.TextField(_("说明"), blank=True)
    keywords = ArrayField(models.CharField(max_length=64), default=list, blank=True, verbose_name=_("关键词"),
                          help_text=_("逗号分隔;“词^3”表示权重 3;“!词”先排除该短语;“+词”出现即归入本类别"))
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = pgettext_lazy("singular", "工作类别")
        verbose_name_plural = _("工作类别")

    def __str__(self):
        return self.name


class IPType(models.Model):
    """A kind of IP (客体): patent, trademark, …"""

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=32)
    keywords = ArrayField(models.CharField(max_length=64), default=list, blank=True, verbose_name=_("关键词"))
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = pgettext_lazy("singular", "知识产权类型")
        verbose_name_plural = _("知识产权类型")

    def __str__(self):
        return self.name


class UnitAlias(models.Model):
    """Unit names (without region prefix) that mean the same body: 市场监督管理局 → 市场监管局."""

    alias = models.CharField(_("别名"), max_length=128, unique=True)
    canonical = models.CharField(_("规范名称"), max_length=128)
    history = HistoricalRecords()

    class Meta:
        ordering = ["canonical", "alias"]
        verbose_name = pgettext_lazy("singular", "单位别名")
        verbose_name_plural = _("单位别名")

    def __str__(self):
        return f"{self.alias} → {self.canonical}"


class SynonymGroup(models.Model):
    """Search terms that mean the same thing (版权 / 著作权)."""

    terms = ArrayField(models.CharField(max_length=64), verbose_name=_("同义词"))
    note = models.CharField(_("备注"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = pgettext_lazy("singular", "同义词组")
        verbose_name_plural = _("同义词组")

    def __str__(self):
        return " / ".join(self.terms)


class DictionaryWord(models.Model):
    """A domain word the tokenizer must keep whole (知识产权, 地理标志, …)."""

    word = models.CharField(_("词语"), max_length=64, unique=True)
    freq = models.PositiveIntegerField(_("词频"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["word"]
        verbose_name = pgettext_lazy("singular", "领域词典")
        verbose_name_plural = _("领域词典")

    def __str__(self):
        return self.word


class Document(models.Model):
    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("现行有效")
        DRAFT = "draft", _("征求意见稿")
        EXPIRED = "expired", _("已失效")

    class Script(models.TextChoices):
        HANS = "hans", _("简体")
        HANT = "hant", _("繁体")

    # Fields the parser fills and an editor may correct.
    EDITABLE_FIELDS = ["title", "notice_title", "issuer", "doc_number", "level", "signed_date",
                       "published_date", "status", "script", "region", "date_year", "date_month"]

    source = models.CharField(_("来源文件"), max_length=255, unique=True)
    # SHA-256 of the normalised decoded text (measures.importer.text_hash): the document's
    # identity, whatever the file's encoding, BOM, line ends or name
    content_hash = models.CharField(_("内容哈希"), max_length=64, unique=True)
    encoding = models.CharField(_("编码"), max_length=32, blank=True, editable=False,
                                help_text=_("导入时源文件的字符编码 (utf-8, gb18030, cp950, utf-16-le …)"))
    raw_text = models.TextField(_("原文"))
    title = models.CharField(_("标题"), max_length=500)
    notice_title = models.CharField(_("通知标题"), max_length=500, blank=True, null=True)
    issuer = models.CharField(_("发布机构"), max_length=255, blank=True)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True, null=True)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.PROTECT, related_name="documents",
                               verbose_name=_("地区"))
    # Denormalised from region for fast filtering and facets.
    province = models.ForeignKey(Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("省份"))
    city = models.ForeignKey(Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("城市"))
    level = models.CharField(_("级别"), max_length=10, choices=Level.choices, blank=True)
    signed_date = models.DateField(_("成文日期"), null=True, blank=True)
    published_date = models.DateField(_("发布日期"), null=True, blank=True)
    # A date known only to the month (2022年12月): both dates above stay empty (the
    # parser's spec) and the year and month are kept here (measures.partial_dates).
    date_year = models.PositiveSmallIntegerField(_("年份(仅知年月时)"), null=True, blank=True,
                                                 help_text=_("成文和发布日期都不详、原文只写到年月时填写"))
    date_month = models.PositiveSmallIntegerField(_("月份(仅知年月时)"), null=True, blank=True)
    status = models.CharField(_("效力状态"), max_length=10, choices=Status.choices, default=Status.IN_FORCE)
    script = models.CharField(_("字体"), max_length=4, choices=Script.choices, default=Script.HANS)
    parsed = models.JSONField(_("解析结果"), default=dict, blank=True, editable=False)
    # What the parser noticed ("no numbered measures found", "text appears truncated" …):
    # a document with warnings that no editor has reviewed yet needs review.
    parse_warnings = models.JSONField(_("解析提示"), default=list, blank=True, editable=False)
    reviewed = models.BooleanField(_("已审核"), default=False)
    imported_at = models.DateTimeField(_("导入时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    # Provenance (measures.ingest): where the text was published, whether it is only an
    # excerpt, and which parser read it. The original files are SourceFile rows.
    source_url = models.URLField(_("来源网址"), max_length=1000, blank=True,
                                 help_text=_("发布该文件的官方网页地址"))
    excerpt = models.BooleanField(_("节选"), default=False, help_text=_("只收录了原文的一部分"))
    parser_version = models.CharField(_("解析器版本"), max_length=64, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["raw_text", "parsed"])

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-published_date", "id"]
        verbose_name = pgettext_lazy("singular", "政策文件")
        verbose_name_plural = _("政策文件")
        indexes = [models.Index(fields=["province", "city"]), models.Index(fields=["published_date"])]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="document_title_not_empty"),
            models.CheckConstraint(condition=Q(date_month__isnull=True) | Q(date_month__gte=1, date_month__lte=12),
                                   name="document_date_month_valid"),
            models.CheckConstraint(condition=~Q(content_hash=""), name="document_hash_not_empty"),
        ]

    def __str__(self):
        return self.title

    @property
    def needs_review(self) -> bool:
        return bool(self.parse_warnings) and not self.reviewed

    @property
    def year(self):
        day = self.signed_date or self.published_date
        return day.year if day else self.date_year

    @property
    def partial_date(self) -> str:
        """2022年12月 when the document is dated only to the month, else ''."""
        from .display import partial_date

        return "" if self.signed_date or self.published_date else partial_date(self.date_year, self.date_month)

    @property
    def date_label(self) -> str:
        """The document's date for lists: the published (else signed) day, else the
        month it is known to, else ''."""
        day = self.published_date or self.signed_date
        return day.isoformat() if day else self.partial_date


class ResponsibleUnit(models.Model):
    """A body named as responsible, as written, in a region; aliases point to a canonical row."""

    name = models.CharField(_("名称(原文)"), max_length=255)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.PROTECT, related_name="units",
                               verbose_name=_("地区"))
    canonical = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="aliases",
                                  verbose_name=_("规范单位"), help_text=_("为空表示本身即规范单位"))
    history = HistoricalRecords()

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = pgettext_lazy("singular", "责任单位")
        verbose_name_plural = _("责任单位")
        constraints = [
            models.UniqueConstraint(fields=["name", "region"], name="unit_unique_name_per_region",
                                    nulls_distinct=False),
            models.CheckConstraint(condition=~Q(canonical=models.F("id")), name="unit_not_own_canonical"),
        ]

    def __str__(self):
        return self.name

    @property
    def canonical_unit(self):
        return self.canonical or self


class Measure(models.Model):
    EDITABLE_FIELDS = ["path", "label", "title", "text", "themes", "ip_types"]

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="measures",
                                 verbose_name=pgettext_lazy("field", "文件"))
    ordinal = models.PositiveIntegerField(_("序号"))
    path = ArrayField(models.CharField(max_length=300), default=list, blank=True, verbose_name=_("章节路径"))
    label = models.CharField(_("编号"), max_length=20, blank=True)
    title = models.CharField(_("标题"), max_length=500, blank=True, null=True)
    text = models.TextField(_("正文"))
    themes = models.ManyToManyField(Theme, blank=True, related_name="measures", verbose_name=_("工作类别"))
    ip_types = models.ManyToManyField(IPType, blank=True, related_name="measures", verbose_name=_("知识产权类型"))
    units = models.ManyToManyField(ResponsibleUnit, through="MeasureUnit", blank=True, related_name="measures",
                                   verbose_name=_("责任单位"))
    search_vector = SearchVectorField(null=True, editable=False)
    # The measure's own title and chapter path only (small, stored inline): its
    # GIN index finds title-level hits first when a term matches too many rows.
    title_vector = SearchVectorField(null=True, editable=False)
    # Filter values as lexemes ('p:<province id>', 'c:<city id>', 'y:<year>',
    # 't:<theme>', 'i:<ip type>'): indexed together with the text vectors, so
    # that GIN intersects a text match with the usual filters by itself.
    facet_vector = SearchVectorField(null=True, editable=False)
    parsed = models.JSONField(_("解析结果"), default=dict, blank=True, editable=False)
    reviewed = models.BooleanField(_("已审核"), default=False)
    # Specificity (具体度): five flags computed at import from the text, targets and
    # units (measures.specificity), editable by editors; `specificity` is their sum.
    # `specificity_auto` holds what was computed last: a recomputation only changes
    # a flag that still equals it (an editor's correction stays).
    flag_target = models.BooleanField(_("有量化目标"), default=False)
    flag_deadline = models.BooleanField(_("有完成时限"), default=False)
    flag_unit = models.BooleanField(_("明确责任单位"), default=False)
    flag_lead = models.BooleanField(_("明确牵头单位"), default=False)
    flag_money = models.BooleanField(_("明确资金(金额或比例)"), default=False)
    specificity = models.PositiveSmallIntegerField(_("具体度"), default=0, db_index=True)
    specificity_auto = models.JSONField(_("具体度(自动判断)"), default=dict, blank=True, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_vector", "title_vector", "facet_vector", "parsed",
                                                 "specificity_auto"], m2m_fields=[themes, ip_types])

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["document_id", "ordinal"]
        verbose_name = pgettext_lazy("singular", "措施")
        verbose_name_plural = _("措施")
        constraints = [
            models.UniqueConstraint(fields=["document", "ordinal"], name="measure_unique_ordinal"),
            models.CheckConstraint(condition=Q(ordinal__gte=1), name="measure_ordinal_positive"),
            models.CheckConstraint(condition=~Q(text=""), name="measure_text_not_empty"),
        ]
        indexes = [GinIndex(fields=["search_vector", "facet_vector"], name="measure_search_gin", fastupdate=False),
                   GinIndex(fields=["title_vector", "facet_vector"], name="measure_title_gin", fastupdate=False)]

    def __str__(self):
        return self.heading

    @property
    def heading(self):
        """The title as written, else the first sentence of the text without its
        〔责任单位:…〕 note (measures.display.measure_heading)."""
        from .display import measure_heading

        return measure_heading(self.title, self.text)


class MeasureUnit(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("牵头")
        SUPPORT = "support", _("配合")
        RESPONSIBLE = "responsible", _("负责")

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="unit_links")
    unit = models.ForeignKey(ResponsibleUnit, on_delete=models.PROTECT, related_name="measure_links")
    role = models.CharField(_("角色"), max_length=12, choices=Role.choices, default=Role.RESPONSIBLE)
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure_id", "position"]
        verbose_name = pgettext_lazy("singular", "措施责任单位")
        verbose_name_plural = _("措施责任单位")
        constraints = [models.UniqueConstraint(fields=["measure", "unit"], name="measureunit_unique")]

    def __str__(self):
        return f"{self.unit} ({self.get_role_display()})"


class Target(models.Model):
    class Comparator(models.TextChoices):
        GTE = ">=", _("不低于")
        GT = ">", _("超过")
        LTE = "<=", _("不高于")
        LT = "<", _("低于")
        EQ = "=", _("等于")

    EDITABLE_FIELDS = ["measure", "metric", "comparator", "value", "unit", "year", "quote"]

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="targets",
                                 verbose_name=pgettext_lazy("field", "文件"))
    measure = models.ForeignKey(Measure, null=True, blank=True, on_delete=models.SET_NULL, related_name="targets",
                                verbose_name=pgettext_lazy("field", "措施"))
    position = models.PositiveIntegerField(_("顺序"), default=0)
    metric = models.CharField(_("指标"), max_length=300)
    comparator = models.CharField(_("比较"), max_length=2, choices=Comparator.choices, default=Comparator.GTE)
    value = models.DecimalField(_("数值"), max_digits=16, decimal_places=4)
    unit = models.CharField(_("单位"), max_length=32, blank=True)
    year = models.PositiveSmallIntegerField(_("目标年份"), null=True, blank=True)
    quote = models.TextField(_("原文"))
    parsed = models.JSONField(_("解析结果"), default=dict, blank=True, editable=False)
    added_by_editor = models.BooleanField(_("编辑添加"), default=False)
    history = HistoricalRecords(excluded_fields=["parsed"])

    objects = TargetQuerySet.as_manager()

    class Meta:
        ordering = ["document_id", "position", "id"]
        verbose_name = pgettext_lazy("singular", "量化目标")
        verbose_name_plural = _("量化目标")
        constraints = [
            models.CheckConstraint(condition=Q(year__isnull=True) | Q(year__gte=1949, year__lte=2100),
                                   name="target_year_plausible"),
            models.CheckConstraint(condition=~Q(metric=""), name="target_metric_not_empty"),
        ]
        indexes = [models.Index(fields=["metric"]), models.Index(fields=["year"])]

    def __str__(self):
        return f"{self.metric} {self.comparator} {self.value:g}{self.unit}"


class ErrorReport(models.Model):
    """A visitor's report that something on a measure or document page is wrong.

    Reports are public input: they never change content by themselves; an editor
    reads them in the admin queue, corrects the content, and marks them handled.
    """

    class Kind(models.TextChoices):
        TEXT = "text", _("正文或标题有误")
        METADATA = "metadata", _("文号、日期、发布机构等信息有误")
        REGION = "region", _("地区有误")
        CLASSIFICATION = "classification", _("工作类别或知识产权类型有误")
        UNITS = "units", _("责任单位有误")
        TARGETS = "targets", _("量化目标有误")
        STATUS = "status", _("效力状态有误(如已失效)")
        OTHER = "other", _("其他")

    class Status(models.TextChoices):
        OPEN = "open", _("待处理")
        FIXED = "fixed", _("已修正")
        REJECTED = "rejected", _("已驳回")

    measure = models.ForeignKey(Measure, null=True, blank=True, on_delete=models.SET_NULL, related_name="error_reports",
                                verbose_name=pgettext_lazy("field", "措施"))
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="error_reports", verbose_name=pgettext_lazy("field", "文件"))
    kind = models.CharField(_("问题类型"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("问题描述"), max_length=2000)
    contact = models.CharField(_("联系方式"), max_length=200, blank=True)
    status = models.CharField(_("处理状态"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("处理人"))
    handled_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    note = models.TextField(_("处理备注"), blank=True)
    # The reporter's contact details are personal data: not copied into the history table.
    history = HistoricalRecords(excluded_fields=["contact"])

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = pgettext_lazy("singular", "错误报告")
        verbose_name_plural = _("错误报告")
        constraints = [
            models.CheckConstraint(condition=~Q(description=""), name="errorreport_description_not_empty"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.get_kind_display()}"

    @property
    def subject(self):
        return self.measure or self.document


# Citations, document keys and text fingerprints (how policy spreads).
from .models_diffusion import Citation, DocumentKey, MeasureFingerprint  # noqa: E402,F401

# Original files of documents (measures.ingest).
from .models_ingest import SourceFile  # noqa: E402,F401
