"""pytest plugin: a real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright's sync API.

Fixtures:
- `browser`: one Chromium per test session.
- `page`: a fresh browser context (cookies, storage) per test, bound to pytest-django's `live_server`
  (so the test runs with a transactional database). `page.goto("/guide/…")` resolves against the
  live server's address.

Mark browser tests `@pytest.mark.django_db(transaction=True, serialized_rollback=True)`: the live
server needs committed data, and serialized rollback puts back the code tables (服务对象, 主题分类)
that data migrations load and the transactional flush removes, so later tests still see them.

Every page of every browser context a test opens is watched for Content-Security-Policy violations
(the browser's "Refused to …" console errors and `securitypolicyviolation` events): a test that
passed fails when a page it visited broke the policy (tongban/settings.py CONTENT_SECURITY_POLICY).

Playwright's own browser download is not available in our environments, so there is no fallback:
when Chromium is missing the fixture fails with instructions instead of skipping, so a green run
always means the pages were really exercised in a browser.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an asyncio loop in this thread; Django would otherwise refuse ORM calls
# made from the test body (which is synchronous) while that loop exists.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("TONGBAN_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--font-render-hinting=none"]


# Reported on the console by a script added to every page before its own (Playwright's init scripts
# are not subject to the page's CSP); Chromium's own "Refused to …" messages are caught as well.
CSP_PREFIX = "CSP violation: "
_REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", function (e) {
  console.error("CSP_PREFIX" + e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " on " + e.documentURI
                + (e.sourceFile ? " at " + e.sourceFile + ":" + e.lineNumber : ""));
}, true);""".replace("CSP_PREFIX", CSP_PREFIX)


class WatchedBrowser:
    """The session's Chromium; contexts it opens report CSP violations into `violations`."""

    def __init__(self, browser):
        self._browser = browser
        self.violations: list[str] = []

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        context.add_init_script(_REPORT_VIOLATIONS)
        context.on("console", self._console)
        return context

    def _console(self, message) -> None:
        text = message.text
        if message.type == "error" and (text.startswith(CSP_PREFIX) or (
                text.startswith("Refused to") and "Content Security Policy" in text)):
            self.violations.append(text)

    def check(self) -> None:
        """Fail the test with the violations seen since the last check."""
        for context in self._browser.contexts:  # let events still on their way arrive
            for pg in context.pages:
                try:
                    pg.evaluate("0")
                except Exception:  # a page closing or navigating: nothing left to wait for there
                    pass
        found, self.violations = self.violations, []
        if found:
            unique = list(dict.fromkeys(found))
            pytest.fail("The pages broke the Content-Security-Policy:\n" + "\n".join(unique[:20]), pytrace=False)

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    browser = item.funcargs.get("browser") if hasattr(item, "funcargs") else None
    if isinstance(browser, WatchedBrowser):
        browser.violations.clear()
    result = yield  # a test that already failed keeps its own failure
    if isinstance(browser, WatchedBrowser):
        browser.check()
    return result


def _serialized_contents() -> dict:
    from django.db import connections

    return {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}


def _restore_serialized_contents(saved: dict) -> None:
    # Once Playwright's event loop runs in this thread, asgiref hands Django a fresh, context-local
    # connection object. The test database's serialized copy (used by serialized_rollback to restore
    # data migrations such as the code tables after a flush) lives on the old object: carry it over.
    from django.db import connections

    for alias, contents in saved.items():
        if contents is not None and not hasattr(connections[alias], "_test_serialized_contents"):
            connections[alias]._test_serialized_contents = contents


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        found = shutil.which("chromium") or shutil.which("chromium-browser")
        pytest.fail(
            f"Headless Chromium not found at {CHROMIUM}"
            + (f" (there is one at {found}: set TONGBAN_CHROMIUM={found})" if found else "")
            + ". Install Debian's browser with `apt-get install chromium` (scripts/test does this); "
              "browser tests never skip.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    saved = _serialized_contents()
    with sync_playwright() as pw:
        _restore_serialized_contents(saved)
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        try:
            yield WatchedBrowser(chromium)
        finally:
            chromium.close()


@pytest.fixture
def browser_context_args():
    """Override in a test module to change the viewport, locale, etc."""
    return {"viewport": {"width": 1280, "height": 900}, "locale": "zh-CN"}


@pytest.fixture
def page(browser, live_server, browser_context_args):
    context = browser.new_context(base_url=live_server.url, **browser_context_args)
    context.set_default_timeout(10_000)
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.js_errors = errors
    try:
        yield pg
    finally:
        context.close()


def log_in(page, live_server, user, *, second_factor: bool = True) -> None:
    """Put a logged-in session for `user` into the browser page, without typing a password.

    second_factor=False: only the password step is done, as for a staff member who still has to
    type the authenticator code (see tongban/accounts/tests/support.py)."""
    from django.conf import settings
    from django.test import Client

    from tongban.accounts.tests.support import force_login_password_only

    client = Client()
    if second_factor:
        client.force_login(user)
    else:
        force_login_password_only(client, user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
