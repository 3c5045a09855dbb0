"""Issue 15: the English interface leaves no Chinese behind.

Every page type (the portal's pages, the diffusion pages, the API page, error
pages and notices, the admin's index, lists and change forms) is rendered in
English on the spread corpus (which has citations, copies, a draft and every
kind of data), and every run of Chinese characters in what the page shows
(text, titles, aria-labels, placeholders, button values, chart labels) must
be data: a piece of a stored value (titles, measure text, names of places,
units, themes, targets, citations ...) or of the query the URL carries.
Examples of the search syntax inside <code> are data too. Anything else is an
interface string that did not go through Django i18n.
"""
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.conf import settings
from lxml import html as lxml_html

from measures.doctypes import ALL_TYPES

from .test_resolution import HUBEI, PLAN

pytestmark = pytest.mark.django_db

FUZHOU = "c03_fuzhou_ip_power_plan_2024.txt"
SANMING_FINAL = "c04_sanming_ip_power_plan_final_2024.txt"

# a run of Chinese: Han characters with the CJK punctuation between them
RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff](?:[\u3000-\u303f\uff00-\uffef\u3400-\u9fff\uf900-\ufaff·—…“”‘’]*"
                 r"[\u3400-\u9fff\uf900-\ufaff])?")
HAN_ONLY = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
SHOWN_ATTRS = ("title", "aria-label", "placeholder", "alt", "value", "data-label", "content")


def data_blob() -> str:
    """Every stored value a page may show, joined (a run of Chinese on a page
    must be a substring of one of them)."""
    from measures.models import (Document, IPType, Measure, Region, ResponsibleUnit, Target, Theme, UnitAlias)
    from measures.models_diffusion import Citation

    parts = []
    for d in Document.objects.all():
        parts += [d.title, d.notice_title or "", d.issuer or "", d.doc_number or "", d.source, d.raw_text]
    for m in Measure.objects.all():
        parts += [m.title or "", m.text, m.label or "", *m.path]
    parts += [n for r in Region.objects.all() for n in (r.name, r.short_name or "")]
    parts += list(ResponsibleUnit.objects.values_list("name", flat=True))
    parts += [a for row in UnitAlias.objects.values_list("alias", "canonical") for a in row]
    for t in list(Theme.objects.all()) + list(IPType.objects.all()):
        parts += [t.name, getattr(t, "description", ""), *t.keywords]
    parts += ALL_TYPES      # document types, as titles write them (实施方案, 实施意见 …)
    for t in Target.objects.all():
        parts += [t.metric, t.unit or "", t.quote or ""]
    for c in Citation.objects.all():
        parts += [c.title or "", c.doc_number or "", c.context or ""]
    # Chinese words the English translation quotes on purpose (“marked 节选”)
    catalogue = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
    for entry in catalogue.read_text(encoding="utf-8").split("\n\n"):
        msgstr = entry[entry.find("\nmsgstr"):] if "\nmsgstr" in entry else ""
        parts.append("".join(re.findall(r'"(.*)"', msgstr)))
    return "\n".join(p for p in parts if p)


# elements that sit inside a line of text (a search hit, a link, a marked word): the text around
# them belongs to the same line
INLINE = {"a", "abbr", "b", "cite", "del", "em", "i", "ins", "label", "mark", "q", "s", "small", "span", "strong",
          "sub", "sup", "time", "u"}
SKIPPED = ("script", "style", "code", "kbd", "textarea")


def _block(el):
    while isinstance(el.tag, str) and el.tag in INLINE and el.getparent() is not None:
        el = el.getparent()
    return el


def shown_text(doc):
    """(where, text, (the element whose line it is part of, the text's element, "text" or "tail")) of
    everything the page shows a reader (attributes have no line)."""
    for el in doc.iter():
        if not isinstance(el.tag, str) or el.tag in SKIPPED:
            continue
        if el.xpath("ancestor::code | ancestor::kbd | ancestor::textarea | ancestor::pre[@class='source-text']"):
            continue
        if "brand-mark" in (el.get("class") or "").split():
            continue        # the portal's logo, a picture of 知 (aria-hidden), not a word
        for attr in SHOWN_ATTRS:
            if el.get(attr) and not (el.tag == "meta" and el.get("name") not in ("description",)):
                yield f"<{el.tag} {attr}>", el.get(attr), None
        if el.text:
            yield f"<{el.tag}>", el.text, (_block(el), el, "text")
        for child in el:
            if child.tail and (not isinstance(child.tag, str) or child.tag not in ("script", "style")):
                yield f"<{el.tag}> after <{child.tag}>", child.tail, (_block(el), child, "tail")


def _line(block, leave_out: str):
    """The text of a block as one line (inline elements joined in, other elements a line break),
    without the <leave_out> elements (a diff's <del> or <ins>), and where each text starts in it."""
    parts, where = [], {}

    def add(key, text):
        where[key] = sum(map(len, parts))
        parts.append(text)

    def walk(el):
        if el.text:
            add((el, "text"), el.text)
        for child in el:
            if isinstance(child.tag, str) and child.tag in INLINE and child.tag != leave_out:
                walk(child)
            elif isinstance(child.tag, str) and child.tag != leave_out:
                parts.append("\n")
            if child.tail:
                add((child, "tail"), child.tail)

    walk(block)
    return "".join(parts), where


def _next_to(text: str, at: int, blob: str) -> bool:
    """Whether text[at] with two characters written next to it (到20…, 25年, 县(市, 制,提) is a piece of
    the data; a space, a line break or an ellipsis (a cut) is no neighbour."""
    stop = re.compile(r"[\s…]")
    for i in range(at - 2, at + 1):
        window = text[max(i, 0):i + 3]
        if i >= 0 and len(window) == 3 and not stop.search(window) and window in blob:
            return True
    return False


def is_data(piece: str, text: str, at: int, node, blob: str, query: str) -> bool:
    """A run of Han characters on a page is data when it is a piece of a stored value (or of the
    query). One character alone proves nothing (every character is somewhere in the data): it is
    data only when it is a whole value or a query term, or when it and the characters written next
    to it, in its text or in its line (a search hit's neighbour, a diff's changed character), are a
    piece of one value."""
    if len(piece) > 1:
        return piece in blob or piece in query
    if f"\n{piece}\n" in blob or piece in query.split():
        return True
    if _next_to(text, at, blob) or _next_to(text, at, query):
        return True
    if node is not None:
        block, el, kind = node
        for leave_out in ("", "del", "ins"):
            line, where = _line(block, leave_out)
            if (el, kind) in where and _next_to(line, where[(el, kind)] + at, blob):
                return True
    return False


def leftovers(html: str, blob: str, url: str) -> list[str]:
    query = " ".join(v for _, v in parse_qsl(urlsplit(url).query))
    doc = lxml_html.fromstring(html)
    blob = f"\n{blob}\n"
    out = []
    for where, text, node in shown_text(doc):
        for run in RUN.finditer(text):
            whole = run.group()
            if len(HAN_ONLY.sub("", whole)) < len(whole) - 1 and (whole in blob or whole in query):
                continue
            # data joined by 、 ， (…) is still data
            if all(is_data(p.group(), text, run.start() + p.start(), node, blob, query)
                   for p in HAN_ONLY.finditer(whole)):
                continue
            out.append(f"{where}: {whole} (in {text.strip()[:80]!r})")
    return list(dict.fromkeys(out))


def english_client(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def page_types(spread):
    from measures.models import Measure, ResponsibleUnit

    fuzhou = spread[FUZHOU]
    copied = Measure.objects.get(document=fuzhou, text__startswith="加强专利侵权纠纷行政裁决能力建设")
    unit = ResponsibleUnit.objects.filter(canonical__isnull=True, measure_links__isnull=False).first()
    return [
        "/", "/measures/", "/measures/?q=专利", "/measures/?q=专利 OR (商标", "/measures/?q=数据知识产权保护&fuzzy=1",
        "/measures/?year_from=abc&province=火星&sort=x",     # the notice of ignored parameters
        f"/measures/{copied.pk}/", f"/measures/{copied.pk}/diffusion/",
        "/documents/", f"/documents/{spread[PLAN].pk}/", f"/documents/{spread[SANMING_FINAL].pk}/",
        f"/documents/{spread[PLAN].pk}/lineage/", f"/documents/{spread[HUBEI].pk}/lineage/",
        f"/documents/{spread[SANMING_FINAL].pk}/draft/",
        "/targets/", "/targets/?comparable=true", "/units/", f"/units/{unit.pk}/",
        "/compare/", "/compare/?mode=share", "/compare/?mode=specific",
        "/timeline/", "/timeline/?by=month", "/map/", "/map/?province=350000", "/map/?metric=targets",
        "/about/", "/api/docs/", "/report/", f"/report/?measure={copied.pk}", "/report/thanks/",
        "/no-such-page/", "/measures/export.csv?year_from=abc",
    ]


def test_every_page_type_in_english_shows_chinese_only_as_data(client, spread):
    english_client(client)
    blob = data_blob()
    problems = {}
    for url in page_types(spread):
        response = client.get(url, follow=False)
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        html = response.content.decode()
        assert '<html lang="en"' in html, url
        found = leftovers(html, blob, url)
        if found:
            problems[url] = found
    assert not problems, "\n".join(f"{u}: {p}" for u, p in problems.items())


def test_admin_in_english_shows_chinese_only_as_data(client, spread, superuser):
    from measures.models import ErrorReport, Measure

    client.force_login(superuser)
    english_client(client)
    doc = spread[PLAN]
    measure = Measure.objects.filter(document=spread[FUZHOU]).first()
    ErrorReport.objects.create(document=doc, kind="text", description="原文第三条有误")
    blob = data_blob() + "\n原文第三条有误"
    urls = ["/admin/", "/admin/measures/measure/", "/admin/measures/document/", "/admin/measures/errorreport/",
            "/admin/measures/responsibleunit/", "/admin/measures/target/", "/admin/measures/theme/",
            f"/admin/measures/document/{doc.pk}/change/", f"/admin/measures/measure/{measure.pk}/change/",
            "/admin/measures/document/import/"]
    problems = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        found = leftovers(response.content.decode(), blob, url)
        if found:
            problems[url] = found
    assert not problems, "\n".join(f"{u}: {p}" for u, p in problems.items())


def test_admin_stays_chinese_in_chinese(client, spread, superuser):
    from measures.models import Measure

    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    assert "政策文件" in html and "措施" in html and "Policy documents" not in html
    measure = Measure.objects.filter(document=spread[FUZHOU]).first()
    html = client.get(f"/admin/measures/measure/{measure.pk}/change/").content.decode()
    assert "章节路径" in html and "工作类别" in html


def test_the_check_finds_an_untranslated_string(spread):
    """The check itself: an interface string is caught, data (a title, a query, a code example) is not."""
    blob = data_blob()
    title = spread[PLAN].title
    html = (f'<html lang="en"><body><h1>{title}</h1><p title="请选择筛选条件">Results for 行政裁决</p>'
            '<code>q=检索语法示例</code></body></html>')
    assert leftovers(html, blob, "/measures/?q=行政裁决") == ["<p title>: 请选择筛选条件 (in '请选择筛选条件')"]


def test_admin_forms_notes_and_lockout_in_english_show_chinese_only_as_data(client, spread, superuser, settings):
    """The pages the admin shows after an action: the merge-units confirmation, the import page's
    messages (too many files, a file too large, the parser's notes on a preview) and the lockout page."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from measures.admin_ingest import MAX_FILES
    from measures.models import Document, ResponsibleUnit

    client.force_login(superuser)
    english_client(client)
    blob = data_blob()
    pages = {}

    units = list(ResponsibleUnit.objects.order_by("pk")[:2])
    response = client.post("/admin/measures/responsibleunit/",
                           {"action": "merge_units", "_selected_action": [u.pk for u in units]})
    pages["merge units"] = response
    assert 'value="Confirm"' in response.content.decode()

    files = [SimpleUploadedFile(f"f{i}.txt", "一、总体要求\n".encode()) for i in range(MAX_FILES + 1)]
    response = client.post("/admin/measures/document/import/", {"step": "preview", "files": files})
    pages["too many files"] = response
    assert f"At most {MAX_FILES} files" in response.content.decode()

    settings.INGEST_MAX_UPLOAD_BYTES = 1048576
    big = SimpleUploadedFile("big.txt", "知".encode() * 400_000)        # 1.2 MB
    uploaded = "关于加强知识产权保护的通知\n请各单位认真贯彻落实。\n"
    blob += "\n" + uploaded        # what the preview shows of the upload is data
    notes = SimpleUploadedFile("notes.txt", uploaded.encode())
    response = client.post("/admin/measures/document/import/", {"step": "preview", "files": [big, notes]})
    pages["file too large, parser notes"] = response
    html = response.content.decode()
    assert "File too large: 1.1 MB, the limit is 1 MB" in html and "no numbered measures found" in html

    doc = spread[PLAN]
    Document.objects.filter(pk=doc.pk).update(parse_warnings=["no title found", "text cut at 2,000,000 characters"])
    pages["document with notes"] = client.get(f"/admin/measures/document/{doc.pk}/change/")
    pages["documents with notes"] = client.get("/admin/measures/document/")
    assert "text cut at 2,000,000 characters" in pages["document with notes"].content.decode()

    client.logout()
    english_client(client)      # logout drops every cookie
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/?next=/admin/", {"username": "bob", "password": "wrong", "next": "/admin/"})
    response = client.post("/admin/login/?next=/admin/", {"username": "bob", "password": "bob-pass-123"})
    assert response.status_code == 429
    pages["lockout"] = response
    assert "Too many failed logins" in response.content.decode() and "15 minutes" in response.content.decode()

    problems = {}
    for name, response in pages.items():
        assert response.status_code in (200, 429), (name, response.status_code)
        found = leftovers(response.content.decode(), blob, "")
        if found:
            problems[name] = found
    assert not problems, "\n".join(f"{u}: {p}" for u, p in problems.items())


def test_parser_notes_are_stored_as_written_and_shown_in_the_interface_language(client, spread, superuser):
    from measures.models import Document

    doc = spread[PLAN]
    Document.objects.filter(pk=doc.pk).update(parse_warnings=["no title found", "text cut at 2,000,000 characters",
                                                              "a note nobody translated"])
    client.force_login(superuser)
    html = client.get(f"/admin/measures/document/{doc.pk}/change/").content.decode()
    assert "未识别出标题" in html and "原文过长，只读取了前 2,000,000 个字符" in html
    assert "no title found" not in html and "a note nobody translated" in html
    english_client(client)
    html = client.get(f"/admin/measures/document/{doc.pk}/change/").content.decode()
    assert "no title found" in html and "未识别出标题" not in html
    doc.refresh_from_db()
    assert doc.parse_warnings[0] == "no title found"       # the stored notes are untouched


def test_one_leftover_character_is_not_taken_for_data(spread):
    """Every character is somewhere in the data: one alone counts as data only with what is written
    next to it (到2025年, the rest of a line a search hit cut)."""
    from html import escape

    from measures.models import Measure

    blob = data_blob()
    assert "页" in blob and "\n页\n" not in blob
    assert leftovers("<html><body><p>135 页 found</p><span>3 页</span></body></html>", blob, "/") == \
        ["<p>: 页 (in '135 页 found')", "<span>: 页 (in '3 页')"]

    text = next(m.text for m in Measure.objects.order_by("pk") if re.search(r"[\u4e00-\u9fff]\d", m.text))
    at = re.search(r"[\u4e00-\u9fff]\d", text).start()
    start = max(text.rfind("，", 0, at), text.rfind("。", 0, at)) + 1
    sentence = text[start:at + 12]
    hit = escape(sentence[1:3])
    html = (f"<html><body><p>{escape(sentence)}</p><p>{escape(sentence[0])}<mark>{hit}</mark>"
            f"{escape(sentence[3:])}</p></body></html>")
    assert leftovers(html, blob, "/") == [], sentence


def test_import_refusals_and_a_failed_import_in_english_show_chinese_only_as_data(client, spread, superuser,
                                                                                   monkeypatch):
    """measures/ingest's reasons (a refused file, a refused address) and the message of a failed
    import are shown in the interface language: English in the English admin, Chinese (with no
    English note in brackets) in the Chinese one."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils.translation import gettext

    from measures.importer import FAILED, ImportResult
    from measures.ingest import service

    url = "/admin/measures/document/import/"
    image, binary = b"\x89PNG\r\n\x1a\n" + b"\0" * 100, b"\x00\x01\x02\x03\x04\x05\x06\x07" * 40

    def refusals():
        return client.post(url, {"step": "preview", "urls": "ftp://www.gov.cn/a.pdf",
                                 "files": [SimpleUploadedFile("scan.png", image), SimpleUploadedFile("x.bin", binary)]})

    client.force_login(superuser)
    chinese = refusals().content.decode()
    assert "这是一张图片，没有可读取的文字层" in chinese and "只能导入 http:// 或 https:// 网址" in chinese
    assert "an image" not in chinese and "only http" not in chinese

    english_client(client)
    blob = data_blob()
    pages = {"refused files and address": refusals()}
    html = pages["refused files and address"].content.decode()
    assert "This is an image, with no text layer to read" in html
    assert "Unrecognised binary file: convert it to .docx or .pdf" in html
    assert "Only http:// and https:// addresses can be imported" in html

    uploaded = "关于加强知识产权保护的通知\n请各单位认真贯彻落实。\n"
    blob += "\n" + uploaded
    response = client.post(url, {"step": "preview", "files": [SimpleUploadedFile("notes.txt", uploaded.encode())]})
    batch = re.search(r'name="batch" value="([0-9a-f]+)"', response.content.decode()).group(1)
    selected = re.findall(r'name="selected" value="(\d+)"', response.content.decode())
    assert selected
    # the importer refuses it with one of the ingest reasons, made while the request is served
    monkeypatch.setattr(service, "import_one",
                        lambda c, importer, user=None: ImportResult(c.name, FAILED, gettext("文件为空")))
    response = client.post(url, {"step": "import", "batch": batch, "selected": selected}, follow=True)
    pages["failed import"] = response
    assert "otes.txt: Import failed: The file is empty</li>" in response.content.decode()     # (capfirst: Notes.txt)

    problems = {}
    for name, response in pages.items():
        assert response.status_code == 200, (name, response.status_code)
        found = leftovers(response.content.decode(), blob, "")
        if found:
            problems[name] = found
    assert not problems, "\n".join(f"{u}: {p}" for u, p in problems.items())
