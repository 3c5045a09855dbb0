"""Query parameters of the public pages, parsed and validated in one place.

Each view family declares its parameters once (a SPEC: name -> field) and is
decorated with :func:`validated`, which parses ``request.GET`` into
``request.params`` (a :class:`Params`: clean values, the errors, and the clean
values again as a QueryDict for links and selectors) before the view runs; the
view then sees request.GET with the clean values only.
Nothing downstream sees a raw value, so nothing downstream can fail on one
(``int('²')``, a NUL byte sent to PostgreSQL, a ten-thousand-character name).

What a bad value gets depends on the family:

- ``on_error="400"`` (exports): HTTP 400 listing the bad parameters, before
  any query runs. An export never silently drops a filter and streams
  everything instead.
- ``on_error="notice"`` (HTML pages, the JSON API): the answer leaves the bad
  parameters out and says which ones it ignored (``params.errors``: a notice
  on the page, ``ignored_parameters`` in the API).

Unknown parameter names are ignored (tracking parameters, old links), except
where a family is ``strict`` (exports). The search string ``q`` is never an
error: any text is searchable (NUL and other control characters become
spaces, and it is cut to a bounded length).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, wraps

from django.http import JsonResponse, QueryDict
from django.template.loader import render_to_string
from django.utils.translation import gettext, gettext_noop

MAX_VALUES = 50          # values of one multi-valued filter
MAX_ID = 2**63 - 1       # PostgreSQL bigint
_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A place name as the gazetteer writes it: CJK ideographs (and ·), 1–30 of them.
_PLACE_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff·]{1,30}")
_CODE = re.compile(r"[a-z][a-z0-9_]{0,39}")


class Invalid(ValueError):
    """A value a field does not accept; the message is shown to the visitor."""


def _split(raw: list[str]) -> list[str]:
    out = []
    for item in raw:
        out.extend(part.strip() for part in item.split(",") if part.strip())
    return list(dict.fromkeys(out))


def _show(value: str, width: int = 30) -> str:
    value = _CONTROL.sub("?", value)
    return value if len(value) <= width else value[:width] + "…"


def parse_id(value: str) -> int:
    value = value.strip()
    if not _ASCII_DIGITS.fullmatch(value) or not 0 < int(value) <= MAX_ID:
        raise Invalid(gettext("“%(value)s”不是有效的编号") % {"value": _show(value)})
    return int(value)


class Field:
    multi = False
    label = ""

    def __init__(self, label: str = ""):
        self.label = label or self.label

    def clean(self, raw: list[str]):
        """raw: every value sent for the parameter (non-empty list)."""
        return self.clean_one(raw[-1])

    def clean_one(self, value: str):
        raise NotImplementedError

    def to_strings(self, value) -> list[str]:
        return [str(value)]


class Text(Field):
    """Free text (the search string): never invalid, only tidied and bounded."""

    def __init__(self, label: str = "", max_length: int = 200):
        super().__init__(label)
        self.max_length = max_length

    def clean_one(self, value):
        return _CONTROL.sub(" ", value).strip()[:self.max_length]


class Choice(Field):
    def __init__(self, choices, label: str = ""):
        super().__init__(label)
        self.choices = [str(c) for c in choices]

    def clean_one(self, value):
        value = value.strip()
        if value not in self.choices:
            raise Invalid(gettext("“%(value)s”不是可选的值(可选:%(choices)s)") % {
                "value": _show(value), "choices": gettext("、").join(self.choices)})
        return value


class MultiChoice(Choice):
    multi = True

    def clean(self, raw):
        values = _split(raw)
        _check_count(values)
        return [self.clean_one(v) for v in values]

    def to_strings(self, value):
        return list(value)


class Id(Field):
    def clean_one(self, value):
        return parse_id(value)


class Ids(Field):
    multi = True

    def clean(self, raw):
        values = _split(raw)
        _check_count(values)
        return [parse_id(v) for v in values]

    def to_strings(self, value):
        return [str(v) for v in value]


class Places(Field):
    """Regions by id, code or name (沈阳市, 沈阳): ASCII digits or CJK names."""

    multi = True

    def clean(self, raw):
        values = _split(raw)
        _check_count(values)
        out = []
        for v in values:
            if _ASCII_DIGITS.fullmatch(v):
                out.append(str(parse_id(v)))
            elif _PLACE_NAME.fullmatch(v):
                out.append(v)
            else:
                raise Invalid(gettext("“%(value)s”既不是地区编号也不是地区名称") % {"value": _show(v)})
        return out

    def to_strings(self, value):
        return list(value)


class Codes(Field):
    """Theme or IP-type codes (judicial, patent …)."""

    multi = True

    def clean(self, raw):
        values = _split(raw)
        _check_count(values)
        for v in values:
            if not _CODE.fullmatch(v):
                raise Invalid(gettext("“%(value)s”不是有效的代码") % {"value": _show(v)})
        return values

    def to_strings(self, value):
        return list(value)


class Year(Field):
    def clean_one(self, value):
        value = value.strip()
        if not re.fullmatch(r"[0-9]{1,4}", value) or not 0 < int(value):
            raise Invalid(gettext("“%(value)s”不是有效的年份") % {"value": _show(value)})
        return int(value)


class Date(Field):
    """A day: 2024-07-09 (also 2024/7/9, 2024.7.9, 20240709)."""

    def clean_one(self, value):
        import datetime

        value = value.strip()
        m = re.fullmatch(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})", value) or \
            re.fullmatch(r"([0-9]{4})([0-9]{2})([0-9]{2})", value)
        try:
            return datetime.date(*map(int, m.groups())) if m else None
        except ValueError:
            pass
        raise Invalid(gettext("“%(value)s”不是有效的日期(如 2024-07-09)") % {"value": _show(value)})

    def to_strings(self, value):
        return [value.isoformat()]


class Bool(Field):
    TRUE = {"1", "true", "True", "yes", "on"}
    FALSE = {"0", "false", "False", "no", "off"}

    def clean_one(self, value):
        value = value.strip()
        if value in self.TRUE:
            return True
        if value in self.FALSE:
            return False
        raise Invalid(gettext("“%(value)s”不是是/否(可用 true 或 false)") % {"value": _show(value)})

    def to_strings(self, value):
        return ["true" if value else "false"]


class Page(Field):
    label = gettext_noop("页码")

    def clean_one(self, value):
        value = value.strip()
        if value == "last":
            return value
        if not re.fullmatch(r"[0-9]{1,9}", value) or int(value) < 1:
            raise Invalid(gettext("“%(value)s”不是有效的页码") % {"value": _show(value)})
        return int(value)


class PageSize(Field):
    label = gettext_noop("每页条数")

    def __init__(self, label: str = "", maximum: int = 100):
        super().__init__(label)
        self.maximum = maximum

    def clean_one(self, value):
        value = value.strip()
        if not re.fullmatch(r"[0-9]{1,9}", value) or int(value) < 1:
            raise Invalid(gettext("“%(value)s”不是有效的每页条数") % {"value": _show(value)})
        return min(int(value), self.maximum)


def _check_count(values):
    if len(values) > MAX_VALUES:
        raise Invalid(gettext("最多 %(n)s 个值") % {"n": MAX_VALUES})


@dataclass
class ParamError:
    name: str
    label: str
    message: str


@dataclass
class Params:
    values: dict = field(default_factory=dict)
    errors: list[ParamError] = field(default_factory=list)
    spec: dict = field(default_factory=dict)

    def get(self, name, default=None):
        return self.values.get(name, default)

    def __contains__(self, name):
        return name in self.values

    def querydict(self) -> QueryDict:
        """The clean values as a QueryDict (what links and selectors read)."""
        q = QueryDict(mutable=True)
        for name, value in self.values.items():
            for s in self.spec[name].to_strings(value):
                q.appendlist(name, s)
        q._mutable = False
        return q

    @property
    def ignored_names(self) -> list[str]:
        return [e.name for e in self.errors]


def parse(spec, data, *, strict: bool = False) -> Params:
    """Parse a QueryDict (or a dict of str / list of str) against `spec` (a
    dict, or a function returning one: specs that need the models' choices).
    Empty values count as absent. strict: unknown names are errors."""
    if callable(spec):
        spec = spec()
    if hasattr(data, "lists"):
        items = list(data.lists())
    else:
        items = [(k, list(v) if isinstance(v, (list, tuple)) else [v]) for k, v in (data or {}).items()]
    result = Params(spec=spec)
    for name, raw in items:
        name = str(name)
        raw = [str(v) for v in raw if v is not None]
        f = spec.get(name)
        if f is None:
            if strict:
                result.errors.append(ParamError(_show(name, 40), _show(name, 40), gettext("未知的参数")))
            continue
        raw = [v for v in raw if v.strip()]
        if not raw:
            continue
        try:
            value = f.clean(raw)
        except Invalid as e:
            result.errors.append(ParamError(name, f.label or name, str(e)))
            continue
        if value in ("", [], None):
            continue
        result.values[name] = value
    return result


def validated(spec, *, on_error: str = "notice", strict: bool = False, json: bool = False):
    """View decorator: request.params = parse(spec, request.GET); bad values
    answered with HTTP 400 (on_error="400") or left out for the view to
    mention (on_error="notice")."""
    assert on_error in ("400", "notice")

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            params = parse(spec, request.GET, strict=strict)
            request.params = params
            if params.errors and on_error == "400":
                return bad_request(request, params, json=json)
            # From here on request.GET holds only the clean values, so that links
            # built from it ({% querystring %}, the search box) never carry a bad one.
            request.GET = params.querydict()
            return view(request, *args, **kwargs)

        wrapped.param_spec = spec
        return wrapped

    return decorator


def bad_request(request, params: Params, *, json: bool = False):
    errors = [{"name": e.name, "label": e.label, "message": e.message} for e in params.errors]
    if json:
        return JsonResponse({"error": "invalid_parameters", "detail": gettext("查询参数无效"), "parameters": errors},
                            status=400, json_dumps_params={"ensure_ascii": False})
    query = params.querydict().urlencode()
    from django.http import HttpResponseBadRequest

    return HttpResponseBadRequest(render_to_string("measures/error.html", {
        "title": gettext("查询参数无效"), "message": gettext("以下参数的值无法识别,请检查链接或重新选择筛选条件:"),
        "errors": errors, "back_url": request.path + ("?" + query if query else ""),
    }, request=request))


# --- the parameters of each view family -------------------------------------------------

@cache
def _measure_spec():
    from .models import Document, Level, MeasureUnit

    return {
        "q": Text(gettext_noop("检索词"), max_length=200),
        "province": Places(gettext_noop("省份")),
        "city": Places(gettext_noop("城市")),
        "level": Choice(Level.values, gettext_noop("级别")),
        "document": Id(gettext_noop("文件")),
        "theme": Codes(gettext_noop("工作类别")),
        "ip_type": Codes(gettext_noop("知识产权类型")),
        "unit": Ids(gettext_noop("责任单位")),
        "role": MultiChoice(MeasureUnit.Role.values, gettext_noop("单位角色")),
        "year_from": Year(gettext_noop("起始年份")),
        "year_to": Year(gettext_noop("截止年份")),
        "undated": Bool(gettext_noop("日期不详")),
        "status": Choice(Document.Status.values, gettext_noop("效力状态")),
        "has_targets": Bool(gettext_noop("含量化目标")),
        "sort": Choice(["relevance", "date", "specificity"], gettext_noop("排序")),
        # how policy spreads (measures.querysets_diffusion)
        "cites": Id(gettext_noop("引用某文件")),
        "specificity": MultiChoice([str(n) for n in range(6)], gettext_noop("具体度")),
        "flag": MultiChoice(["target", "deadline", "unit", "lead", "money"], gettext_noop("具体度依据")),
        "page": Page(),
        "page_size": PageSize(),
        # search modifiers and the advanced form (measures.search.query, measures.doctypes)
        "fuzzy": Bool(gettext_noop("模糊匹配")),
        "scope": Choice(["all", "title"], gettext_noop("检索范围")),
        "issuer": Text(gettext_noop("发布机构"), max_length=100),
        "doc_number": Text(gettext_noop("文号"), max_length=100),
        "doc_type": Choice(_doc_types(), gettext_noop("文件类型")),
        "date_from": Date(gettext_noop("起始日期")),
        "date_to": Date(gettext_noop("截止日期")),
    }


def _doc_types():
    from .doctypes import ALL_TYPES

    return ALL_TYPES


# Exports take the list's filters and sort (paging parameters are accepted and unused).
MEASURES = EXPORT = _measure_spec


@cache
def _documents_spec():
    from .models import Document, Level

    return {"province": Id(gettext_noop("省份")), "status": Choice(Document.Status.values, gettext_noop("效力状态")),
            "level": Choice(Level.values, gettext_noop("级别")), "page": Page(),
            # issue 15: the issuer (as written) and the document type (measures.doctypes)
            "issuer": Text(gettext_noop("发布机构"), max_length=100),
            "doc_type": Choice(_doc_types(), gettext_noop("文件类型"))}


DOCUMENTS = _documents_spec
UNITS = {"q": Text(gettext_noop("关键词"), max_length=100), "region": Id(gettext_noop("地区")), "page": Page()}
TARGETS = {"q": Text(gettext_noop("指标关键词"), max_length=100), "comparable": Bool(gettext_noop("只看可比指标")),
           "page": Page()}
COMPARE = {"mode": Choice(["count", "share", "specific"], gettext_noop("显示方式"))}
DOCUMENT_DETAIL = {"page": Page()}
REPORT = {"measure": Id(gettext_noop("措施")), "document": Id(gettext_noop("文件"))}
