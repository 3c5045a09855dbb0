"""The browser set-up every journey shares: Debian's chromium through Playwright's sync API.

Skips when /usr/bin/chromium is missing, unless PORTAL_REQUIRE_BROWSER=1 (CI), where a missing
browser fails. live_server tests run in transactional_db, which empties every table afterwards:
each module puts the session's reference data back when it ends.
"""
import os

import pytest

# live_server + Playwright's sync API: the ORM is used from the test thread
# while Playwright keeps an event loop there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


# A navigation's wait is not a speed check (benchmarks measure speed): on a
# loaded CI machine the first page of a module has taken longer than 15 s.
# Every context gets these waits; pages never lower them.
NAVIGATION_TIMEOUT_MS = 120_000
ACTION_TIMEOUT_MS = 30_000


def new_context(browser, **options):
    """A browser context (options as for Browser.new_context) with the suite's waits."""
    context = browser.new_context(**options)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    return context


def goto(page, url: str, **options):
    """page.goto with one second try. A navigation past its wait is tried once more, after a
    warning (shown in the run's summary) that says whether the server answered the same URL
    directly and where every thread of this process was: the clean-clone CI run has hung on the
    first page after an in-process import three times, and never here."""
    from playwright.sync_api import TimeoutError as NavigationTimeout

    try:
        return page.goto(url, **options)
    except NavigationTimeout:
        import warnings

        warnings.warn(f"navigation to {url} timed out; {_server_probe(url)}; threads: {_thread_stacks()}")
        return page.goto(url, **options)


def _server_probe(url: str) -> str:
    import time
    import urllib.request

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    started = time.monotonic()
    try:
        with opener.open(url, timeout=30) as response:
            return f"the server answered it directly: {response.status} in {time.monotonic() - started:.1f} s"
    except OSError as exc:
        return f"the server did not answer it directly in {time.monotonic() - started:.1f} s ({exc})"


def _thread_stacks() -> str:
    import sys
    import threading
    import traceback

    names = {t.ident: t.name for t in threading.enumerate()}
    out = []
    for ident, frame in sys._current_frames().items():
        stack = traceback.extract_stack(frame)[-4:]
        where = " < ".join(f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno} {f.name}" for f in reversed(stack))
        out.append(f"[{names.get(ident, ident)}] {where}")
    return " | ".join(out)


def wait_for_server(url: str, attempts: int = 3, timeout: float = 20.0) -> None:
    """The live server answers /healthz before a test navigates: each attempt a new connection with
    its own timeout (a request stuck on the server does not hold up the next)."""
    import urllib.request

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # localhost: never a proxy
    for attempt in range(attempts):
        try:
            with opener.open(url.rstrip("/") + "/healthz", timeout=timeout) as response:
                if response.status == 200:
                    return
        except OSError:
            if attempt == attempts - 1:
                raise


def require_browser():
    required = os.environ.get("PORTAL_REQUIRE_BROWSER") == "1"
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium fonts-noto-cjk)"
        if required:
            pytest.fail(message + " — PORTAL_REQUIRE_BROWSER=1 makes this a failure")
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright  # noqa: F401
    except ImportError:
        if required:
            pytest.fail("the playwright package is missing")
        pytest.skip("the playwright package is missing")


@pytest.fixture(scope="module")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        warm_up(b)
        yield b
        b.close()


def warm_up(browser):
    """Render some Chinese once before any test navigates: on a fresh CI machine
    the first page builds chromium's font caches for the just-installed CJK fonts,
    which can take longer than a test's navigation timeout."""
    page = browser.new_page()
    page.set_default_timeout(120_000)
    page.set_content("<!doctype html><meta charset=utf-8><p style='font-family:sans-serif'>知识产权保护 智慧財產權</p>"
                     "<p style='font-family:serif'>知识产权</p>")
    page.evaluate("document.fonts.ready.then(() => document.body.offsetHeight)")
    page.close()


@pytest.fixture(scope="module", autouse=True)
def restore_reference_data(module_reference_data):
    """After each module, the reference data its transactional tests flushed is seeded again."""
