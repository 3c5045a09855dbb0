"""Forms: the public error report, and the editors' admin forms and action forms."""
from django import forms
from django.contrib.postgres.forms import SimpleArrayField
from django.utils.translation import gettext_lazy as _

from .models import Document, ErrorReport, Measure, MeasureUnit, ResponsibleUnit, Target, Theme


# --- public -----------------------------------------------------------------------

class ErrorReportForm(forms.ModelForm):
    """What a visitor may tell us. ``website`` is a honeypot: people leave it empty, bots fill it."""

    website = forms.CharField(required=False, label=_("网站"), widget=forms.TextInput(
        attrs={"autocomplete": "off", "tabindex": "-1"}))

    class Meta:
        model = ErrorReport
        fields = ["kind", "description", "contact"]
        labels = {"kind": _("哪里有误"), "description": _("具体说明"), "contact": _("联系方式(选填)")}
        help_texts = {
            "description": _("请说明错误之处及正确内容,如有出处请一并注明。"),
            "contact": _("邮箱或电话,仅用于核实问题,不会公开。"),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
            "contact": forms.TextInput(attrs={"maxlength": 200, "autocomplete": "email"}),
        }
        error_messages = {
            "kind": {"required": _("请选择问题类型。")},
            "description": {"required": _("请填写具体说明。")},
        }

    def clean_description(self):
        text = (self.cleaned_data.get("description") or "").strip()
        if len(text) < 4:
            raise forms.ValidationError(_("说明太短,请至少写几个字说明问题。"))
        return text

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # radio buttons without the model field's blank "---------" (nothing is pre-selected)
        self.fields["kind"].choices = list(ErrorReport.Kind.choices)

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


# --- admin: content -------------------------------------------------------------------

class LinePathField(SimpleArrayField):
    """A chapter path edited one heading per line (headings may contain commas)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
        super().__init__(forms.CharField(max_length=300), delimiter="\n", **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = "\n".join(line.strip() for line in value.replace("\r", "").split("\n") if line.strip())
        return super().to_python(value)


def _normalise_newlines(value):
    # Browsers submit textarea line breaks as CRLF; the parser stores LF. Without this an
    # untouched text would look like an editor's correction and stop following the source.
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


class MeasureAdminForm(forms.ModelForm):
    path = LinePathField(label=_("章节路径"), required=False, help_text=_("每行一级标题"))

    class Meta:
        model = Measure
        fields = "__all__"

    def clean_text(self):
        return _normalise_newlines(self.cleaned_data.get("text"))


class DocumentAdminForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = "__all__"


class MeasureUnitInlineForm(forms.ModelForm):
    class Meta:
        model = MeasureUnit
        fields = ["unit", "role", "position"]
        labels = {"unit": _("责任单位"), "role": _("角色"), "position": _("顺序")}


class TargetAdminForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = "__all__"
        labels = {"measure": _("措施"), "document": _("文件")}

    def clean_quote(self):
        return _normalise_newlines(self.cleaned_data.get("quote"))


# --- admin: bulk actions ----------------------------------------------------------------

class SetThemeForm(forms.Form):
    theme = forms.ModelChoiceField(Theme.objects.all(), label=_("工作类别"), empty_label=None)
    replace = forms.TypedChoiceField(
        label=_("方式"), coerce=lambda v: v == "1", initial="0", widget=forms.RadioSelect,
        choices=[("0", _("添加到现有类别")), ("1", _("替换为仅此类别"))],
    )


class MergeUnitsForm(forms.Form):
    canonical = forms.ModelChoiceField(ResponsibleUnit.objects.none(), label=_("合并到(规范单位)"),
                                       empty_label=None, widget=forms.RadioSelect)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["canonical"].queryset = units if units is not None else ResponsibleUnit.objects.none()

