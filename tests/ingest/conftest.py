"""A local web site for the URL import: http.server on 127.0.0.1 in a thread, serving recorded
pages (``site.pages[path] = (bytes, content_type)``), redirects and slow or huge answers; and the
check for an installed CJK font that PDF layouts with fonts not embedded in the file need."""
import functools
import os
import shutil
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@functools.cache
def cjk_fonts_installed() -> bool:
    """Whether fontconfig knows a Chinese font (Debian: fonts-noto-cjk). PDFium measures the glyphs of
    a CJK font a PDF does not embed (the test PDFs' STSong-Light) with an installed one; without it the
    boxes of a two-column page or a ruled table come out wrong and characters at their edges are lost."""
    if not shutil.which("fc-list"):
        return False
    run = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=30)
    return bool(run.stdout.strip())


@pytest.fixture
def needs_cjk_fonts():
    """Skips a test whose PDF layout needs an installed CJK font, with a message naming the package;
    PORTAL_REQUIRE_CJK_FONTS=1 (CI, which installs it) makes a missing font a failure instead."""
    if cjk_fonts_installed():
        return
    message = "no CJK font installed (Debian: apt-get install fonts-noto-cjk): PDF layouts with fonts not embedded can't be measured"
    if os.environ.get("PORTAL_REQUIRE_CJK_FONTS") == "1":
        pytest.fail(message + " — PORTAL_REQUIRE_CJK_FONTS=1 makes this a failure")
    pytest.skip(message)


class Site:
    def __init__(self):
        self.pages: dict[str, tuple[bytes, str]] = {}
        self.redirects: dict[str, str] = {}
        self.slow: set[str] = set()
        self.requests: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append(self.path)
                if self.path in site.slow:
                    time.sleep(3)
                if self.path in site.redirects:
                    self.send_response(302)
                    self.send_header("Location", site.redirects[self.path])
                    self.end_headers()
                    return
                if self.path not in site.pages:
                    self.send_error(404)
                    return
                body, content_type = site.pages[self.path]
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler


@pytest.fixture
def site(settings):
    """The recorded site; loopback addresses are allowed for the test only."""
    settings.INGEST_ALLOW_LOOPBACK = True
    s = Site()
    s.thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()
