"""Fixtures for the editors' tests: a fake parser that reads its answer from the bytes.

Re-import tests must control exactly what "the parser says" for each version
of a document, so the bytes of a file are the JSON of a spec-format parse
(shared/spec/parse-format.md) and ``measures.parsing.parse_document`` is
replaced by ``json.loads``. Changing the dict changes the bytes, which makes
the importer treat it as a new version of the same source.
"""
import copy
import json

import pytest


def base_spec() -> dict:
    return {
        "source": "sy.txt",
        "document": {
            "title": "沈阳市知识产权保护若干措施",
            "notice_title": "沈阳市人民政府关于印发沈阳市知识产权保护若干措施的通知",
            "issuer": "沈阳市人民政府",
            "doc_number": "沈政发〔2023〕8号",
            "province": "辽宁省",
            "city": "沈阳市",
            "district": None,
            "level": "city",
            "signed_date": "2023-03-01",
            "published_date": "2023-03-05",
            "status": "in_force",
            "script": "hans",
        },
        "measures": [
            {
                "ordinal": 1,
                "path": ["重点任务", "严格保护"],
                "label": "1",
                "title": "加大专利侵权打击力度",
                "text": "加大专利侵权打击力度。开展专项执法行动,严厉查处专利侵权行为。",
                "themes": ["administrative"],
                "ip_types": ["patent"],
                "units_detail": [{"name": "市市场监管局", "role": "lead"}, {"name": "市公安局", "role": "support"}],
            },
            {
                "ordinal": 2,
                "path": ["重点任务", "便利维权"],
                "label": "2",
                "title": "建设维权援助中心",
                "text": "建设维权援助中心。为企业提供维权援助服务,到2025年服务企业达到500家。",
                "themes": ["assistance"],
                "ip_types": [],
                "units_detail": [{"name": "市知识产权局", "role": "responsible"}],
            },
        ],
        "targets": [
            {"measure": 2, "metric": "服务企业", "comparator": ">=", "value": 500, "unit": "家", "year": 2025,
             "quote": "到2025年服务企业达到500家"},
            {"measure": None, "metric": "知识产权保护社会满意度", "comparator": ">=", "value": 84, "unit": "分",
             "year": 2026, "quote": "全市知识产权保护社会满意度不低于84分"},
        ],
    }


@pytest.fixture
def fake_parser(monkeypatch):
    """measures.parsing.parse_document replaced by json.loads of the bytes."""
    import measures.parsing as parsing

    def parse_document(data, *, source, knowledge=None):
        spec = json.loads(data.decode("utf-8"))
        if "error" in spec:
            raise parsing.ParseError(spec["error"])
        return spec

    monkeypatch.setattr(parsing, "parse_document", parse_document, raising=False)
    if not hasattr(parsing, "ParseError"):
        from measures.parsing.errors import ParseError

        monkeypatch.setattr(parsing, "ParseError", ParseError, raising=False)
    return parse_document


@pytest.fixture
def spec():
    return copy.deepcopy(base_spec())


@pytest.fixture
def load(db, fake_parser):
    """load(spec_dict, source="sy.txt") -> Document: import through the real Importer."""
    from measures.importer import ADDED, UPDATED, Importer
    from measures.models import Document

    def load(spec_dict, source="sy.txt"):
        data = json.dumps(spec_dict, ensure_ascii=False, sort_keys=True).encode("utf-8")
        result = Importer(knowledge=object()).import_bytes(data, source=source)
        assert result.status in (ADDED, UPDATED), result
        return Document.objects.get(pk=result.document_id)

    return load


def _form_values(form, data):
    for name, bound in ((n, form[n]) for n in form.fields):
        value = bound.field.prepare_value(bound.value())
        key = form.add_prefix(name)
        if isinstance(value, bool):
            if value:
                data[key] = "on"
        elif isinstance(value, (list, tuple)):
            data[key] = [str(v) for v in value]
        elif value is None:
            data[key] = ""
        else:
            data[key] = str(value)


def admin_form_data(response) -> dict:
    """The POST data an admin change page would submit unchanged (main form + inlines)."""
    data = {}
    _form_values(response.context["adminform"].form, data)
    for inline in response.context.get("inline_admin_formsets") or []:
        formset = inline.formset
        _form_values(formset.management_form, data)
        for form in formset.forms:
            _form_values(form, data)
    return data


@pytest.fixture
def form_data():
    return admin_form_data


@pytest.fixture
def imported(load, spec):
    """A document imported through the importer (fake parser): two measures, two targets."""
    return load(spec)
