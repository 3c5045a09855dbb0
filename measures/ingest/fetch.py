"""Fetch an official page and its attachments, safely.

* only http and https; no user name or password in the address;
* every address the host name resolves to must be public: loopback, private
  (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, the cloud
  metadata address), carrier-grade NAT, multicast and reserved ranges are
  refused — settings.INGEST_ALLOW_LOOPBACK lets tests reach 127.0.0.1;
* the connection goes to the address that was checked (no second DNS lookup
  that a rebinding name could answer differently);
* redirects are followed (at most 5), each target checked the same way;
* timeouts for connecting and reading, and a deadline for the whole fetch;
* a size limit, checked against Content-Length and while reading, also
  after gzip decompression.

fetch_bundle(url) returns the page and the attachments it links to on the
same site (PDF, Word, WPS, OFD), each read into text; bundle_text() puts
them together as one document for the parser.
"""
from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
import time
import zlib
from dataclasses import dataclass, field
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from django.utils.translation import gettext

from .errors import IngestError
from .extract import Extracted, detect_format, extract

USER_AGENT = "Mozilla/5.0 (compatible; IPMeasuresPortal/1.0; +policy archive)"
MAX_REDIRECTS = 5


def _setting(name: str, default):
    try:
        from django.conf import settings

        return getattr(settings, name, default)
    except Exception:  # pragma: no cover - used without Django settings
        return default


def max_bytes() -> int:
    return int(_setting("INGEST_MAX_FETCH_BYTES", 20 * 1024 * 1024))


def timeout() -> float:
    return float(_setting("INGEST_FETCH_TIMEOUT", 15.0))


def max_attachments() -> int:
    return int(_setting("INGEST_MAX_ATTACHMENTS", 10))


class FetchError(IngestError):
    pass


@dataclass
class Fetched:
    url: str  # the final address, after redirects
    data: bytes
    content_type: str = ""
    charset: str | None = None
    filename: str = ""


@dataclass
class Attachment:
    url: str
    label: str
    fetched: Fetched | None = None
    extracted: Extracted | None = None
    error: str = ""
    duplicate: bool = False  # its text is the page's text again


@dataclass
class Bundle:
    """A page (or a file given directly by its URL) with its attachments."""

    url: str
    page: Fetched
    extracted: Extracted | None
    attachments: list[Attachment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return self.extracted.title if self.extracted else None


# --- addresses --------------------------------------------------------------------------------

def check_url(url: str) -> tuple[str, int, str]:
    """(host, port, scheme) of an address the portal may fetch; FetchError otherwise."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        raise FetchError(gettext("网址格式不正确")) from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(gettext("只能导入 http:// 或 https:// 网址"))
    if parts.username or parts.password:
        raise FetchError(gettext("网址中不能包含用户名或密码"))
    host = parts.hostname
    if not host:
        raise FetchError(gettext("网址缺少主机名"))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(gettext("网址端口不正确")) from None
    return host, port, parts.scheme


def allowed_address(ip: str) -> bool:
    address = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_loopback:
        return bool(_setting("INGEST_ALLOW_LOOPBACK", False))
    return address.is_global and not address.is_multicast and not address.is_reserved


def resolve(host: str, port: int) -> str:
    """The first public address of ``host``; FetchError when it has none, or when any of its
    addresses is private (a name pointing inside the network is refused as a whole)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(gettext("无法解析网址的主机名 %(host)s (%(detail)s)") % {"host": host, "detail": exc}) from None
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchError(gettext("无法解析网址的主机名 %(host)s") % {"host": host})
    refused = [a for a in addresses if not allowed_address(a)]
    if refused:
        raise FetchError(gettext("不允许访问内部或保留地址 %(address)s") % {"address": refused[0]})
    return addresses[0]


# --- one request ------------------------------------------------------------------------------

class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host, port, ip, timeout):
        super().__init__(host, port, timeout=timeout)
        self._ip = ip

    def connect(self):
        self.sock = socket.create_connection((self._ip, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host, port, ip, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ip = ip

    def connect(self):
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch(url: str, *, limit: int | None = None) -> Fetched:
    """GET ``url`` (redirects followed), checked as described in the module docstring."""
    limit = limit or max_bytes()
    deadline = time.monotonic() + 3 * timeout()
    current = url.strip()
    for _ in range(MAX_REDIRECTS + 1):
        host, port, scheme = check_url(current)
        ip = resolve(host, port)
        parts = urlsplit(current)
        path = urlunsplit(("", "", parts.path or "/", parts.query, "")) or "/"
        cls = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
        conn = cls(host, port, ip, timeout())
        try:
            conn.request("GET", path, headers={
                "User-Agent": USER_AGENT, "Accept": "text/html,application/pdf,application/*;q=0.8,*/*;q=0.5",
                "Accept-Encoding": "gzip, deflate", "Accept-Language": "zh-CN,zh;q=0.9",
                "Connection": "close"})
            response = conn.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchError(gettext("网页重定向缺少目标地址 (HTTP %(status)s)") % {"status": response.status})
                current = urljoin(current, location.strip())
                continue
            if response.status != 200:
                raise FetchError(gettext("网页返回错误 HTTP %(status)s %(reason)s (%(url)s)")
                                 % {"status": response.status, "reason": response.reason, "url": current})
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise FetchError(gettext("文件过大：%(size)s MB，上限 %(limit)s MB")
                                 % {"size": int(length) // (1024 * 1024), "limit": limit // (1024 * 1024)})
            body = _read(response, limit, deadline)
            body = _decompress(body, response.getheader("Content-Encoding") or "", limit)
            content_type = response.getheader("Content-Type") or ""
            message = Message()
            message["content-type"] = content_type
            return Fetched(url=current, data=body, content_type=message.get_content_type() if content_type else "",
                           charset=message.get_content_charset(),
                           filename=_filename(response.getheader("Content-Disposition"), current))
        except (OSError, http.client.HTTPException) as exc:
            if isinstance(exc, socket.timeout) or "timed out" in str(exc):
                raise FetchError(gettext("访问网址超时 (%(url)s)") % {"url": current}) from None
            raise FetchError(gettext("无法访问网址 %(url)s (%(detail)s)")
                             % {"url": current, "detail": f"{type(exc).__name__}: {exc}"}) from None
        finally:
            conn.close()
    raise FetchError(gettext("重定向次数过多（超过 %(n)s 次）") % {"n": MAX_REDIRECTS})


def _read(response, limit: int, deadline: float) -> bytes:
    chunks, total = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(gettext("下载超时"))
        chunk = response.read(65536)
        if not chunk:
            break
        total += len(chunk)
        if total > limit:
            raise FetchError(gettext("文件过大：超过 %(limit)s MB 上限") % {"limit": limit // (1024 * 1024)})
        chunks.append(chunk)
    return b"".join(chunks)


def _decompress(body: bytes, encoding: str, limit: int) -> bytes:
    encoding = encoding.strip().lower()
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return body
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        d = zlib.decompressobj(wbits)
        out = d.decompress(body, limit + 1)
    except zlib.error:
        try:
            d = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, as some servers send
            out = d.decompress(body, limit + 1)
        except zlib.error as exc:
            raise FetchError(gettext("网页压缩数据损坏 (%(detail)s)") % {"detail": exc}) from None
    if len(out) > limit or d.unconsumed_tail:
        raise FetchError(gettext("文件过大：解压后超过 %(limit)s MB 上限") % {"limit": limit // (1024 * 1024)})
    return out


def _filename(disposition: str | None, url: str) -> str:
    name = ""
    if disposition:
        m = re.search(r"filename\*\s*=\s*([\w-]+)''([^;]+)", disposition, re.I)
        if m:
            try:
                name = unquote(m.group(2).strip().strip('"'), encoding=m.group(1))
            except LookupError:
                name = unquote(m.group(2).strip().strip('"'))
        else:
            m = re.search(r'filename\s*=\s*"?([^";]+)"?', disposition, re.I)
            if m:
                raw = m.group(1).strip()
                # servers send GBK or UTF-8 bytes that http.client read as Latin-1
                try:
                    data = raw.encode("latin-1")
                    for enc in ("utf-8", "gb18030"):
                        try:
                            raw = data.decode(enc)
                            break
                        except UnicodeDecodeError:
                            continue
                except UnicodeEncodeError:
                    pass
                name = unquote(raw)
    if not name:
        name = unquote(PurePosixPath(urlsplit(url).path).name)
    return safe_filename(name) or "page.html"


def safe_filename(name: str) -> str:
    """A file name without directories, control characters or characters file systems refuse."""
    name = PurePosixPath(name.replace("\\", "/")).name
    name = re.sub(r'[\x00-\x1f\x7f<>:"/\\|?*]+', "_", name).strip(" .")
    return name[:150]


# --- a page and its attachments ---------------------------------------------------------------

def site_of(host: str) -> str:
    """The registrable part of a host: www.beijing.gov.cn and zscq.beijing.gov.cn → beijing.gov.cn."""
    labels = (host or "").lower().rstrip(".").split(".")
    if len(labels) >= 3 and labels[-1] == "cn" and labels[-2] in ("gov", "com", "org", "net", "edu", "ac"):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def same_site(a: str, b: str) -> bool:
    return site_of(urlsplit(a).hostname or "") == site_of(urlsplit(b).hostname or "")


def fetch_bundle(url: str) -> Bundle:
    """The page at ``url`` read into text, with each attachment on the same site fetched and read."""
    from .html import extract_html

    page = fetch(url)
    kind = detect_format(page.data, page.filename)
    if kind != "html":
        # the address is a document itself (a PDF, a Word file, a text file)
        return Bundle(url=page.url, page=page, extracted=extract(page.data, page.filename))
    try:
        extracted = extract_html(page.data, base_url=page.url, charset=page.charset, require_text=False)
    except IngestError:
        extracted = None
    bundle = Bundle(url=page.url, page=page, extracted=extracted)
    links = extracted.links if extracted else []
    for link, label in links:
        if not same_site(link, page.url):
            bundle.warnings.append(gettext("附件不在同一网站，未下载：%(name)s") % {"name": label or link})
            continue
        if len(bundle.attachments) >= max_attachments():
            bundle.warnings.append(gettext("附件超过 %(n)s 个，其余未下载") % {"n": max_attachments()})
            break
        attachment = Attachment(url=link, label=label)
        try:
            attachment.fetched = fetch(link)
            name = attachment.fetched.filename
            if label and PurePosixPath(label).suffix.lower() in (".pdf", ".doc", ".docx", ".wps", ".ofd"):
                name = safe_filename(label.split("：", 1)[-1].split(":", 1)[-1]) or name
                attachment.fetched.filename = name
            attachment.extracted = extract(attachment.fetched.data, name)
        except IngestError as exc:
            attachment.error = str(exc)
            bundle.warnings.append(gettext("附件《%(name)s》未能读取：%(error)s") % {"name": label or link, "error": exc})
        bundle.attachments.append(attachment)
    page_text = extracted.text if extracted else ""
    for a in bundle.attachments:
        if a.extracted and _contained(a.extracted.text, page_text):
            a.duplicate = True
    if not any(a.extracted for a in bundle.attachments) and _han(page_text) < 20:
        raise FetchError(gettext("网页中没有读到正文，也没有可读取的附件"))
    return bundle


def bundle_text(bundle: Bundle) -> str:
    """One document: the page's main text, then each attachment's text that the page does not
    already carry (an attachment that repeats the page is kept as a file only)."""
    if bundle.extracted is not None and bundle.extracted.format != "html":
        return bundle.extracted.text
    parts = [bundle.extracted.text.strip()] if bundle.extracted and bundle.extracted.text.strip() else []
    for a in bundle.attachments:
        if a.extracted and not a.duplicate:
            parts.append(a.extracted.text.strip())
    return "\n\n".join(parts) + "\n"


def _han(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def _contained(attachment: str, page: str, n: int = 8) -> bool:
    """Most of the attachment's text already on the page (shingles of Chinese characters)."""
    a = "".join(ch for ch in attachment if "\u4e00" <= ch <= "\u9fff")
    p = "".join(ch for ch in page if "\u4e00" <= ch <= "\u9fff")
    if len(a) < 50 or len(p) < 50:
        return False
    grams = {a[i:i + n] for i in range(0, len(a) - n, 3)}
    page_grams = {p[i:i + n] for i in range(len(p) - n)}
    return len(grams & page_grams) >= 0.6 * len(grams)
