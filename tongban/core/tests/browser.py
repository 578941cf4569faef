"""pytest plugin: a real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright's sync API.

Fixtures:
- `browser`: one Chromium per test session.
- `page`: a fresh browser context (cookies, storage) per test, bound to pytest-django's `live_server`
  (so the test runs with a transactional database). `page.goto("/guide/…")` resolves against the
  live server's address.

Mark browser tests `@pytest.mark.django_db(transaction=True, serialized_rollback=True)`: the live
server needs committed data, and serialized rollback puts back the code tables (服务对象, 主题分类)
that data migrations load and the transactional flush removes, so later tests still see them.

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
            yield chromium
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
