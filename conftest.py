import os

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tongban.settings")


def pytest_configure(config):
    # Staff must pass a second factor (tongban/accounts/middleware.py); test logins through
    # client.force_login count as having passed it. See tongban/accounts/tests/support.py.
    from tongban.accounts.tests.support import install_verified_test_logins

    install_verified_test_logins()
    _fast_password_hashing()
    _flush_by_delete()


def _fast_password_hashing():
    """Hash test passwords with MD5 (Django's advice for test runs): PBKDF2's 1,000,000 rounds take
    up to 2 s on the 2-core CI machine, for every account created and every login, lockout attempt and
    unknown user name. Passwords are still hashed and checked; the production hashers stay listed after
    it, so a PBKDF2 hash still verifies."""
    from django.conf import settings
    from django.contrib.auth import hashers

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher",
                                 *settings.PASSWORD_HASHERS]
    hashers.get_hashers.cache_clear()
    hashers.get_hashers_by_algorithm.cache_clear()


def _flush_by_delete():
    """After a transactional test (browser pages, background worker) Django empties every table with
    one TRUNCATE of all ~110 tables, which PostgreSQL makes cost 1-2 s (a new file per table); DELETE
    empties the few rows a test wrote in about 0.1 s. Same end state: every table empty (sequences are
    not reset either way) and the serialized code tables restored before the next such test. The
    deletes run in flush's one transaction, and every foreign key is DEFERRABLE INITIALLY DEFERRED, so
    their order does not matter. Only the test run is affected; `flush` with reset_sequences or
    allow_cascade (unused here) keeps Django's TRUNCATE."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return [f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};"
                for table in tables]

    DatabaseOperations.sql_flush = sql_flush


# Test packages and modules whose tests share an expensive package- or module-scoped fixture (a demo
# city loaded once, in a transaction rolled back at the end). Under `pytest -n`, each is handed to one
# worker as a unit, so the fixture is built once per run rather than once per worker that runs one of its
# tests. Units of several tests are scheduled first, so list only non-transactional tests here: a
# transactional test empties the database, which pytest-django therefore runs after all the others.
SHARED_FIXTURE_PATHS = (
    "tongban/demo/tests/whole_city/",
    "tongban/demo/tests/test_load_demo_city.py::",
    "tongban/demo/tests/test_demo_guides_offer_blank_forms.py::",
    "tongban/licences/tests/test_demo_case_licence_verifies_offline.py::",
    "tongban/licences/tests/test_demo_cases_take_licences_instead_of_uploads.py::",
    "tongban/ratings/tests/test_demo_has_ratings_to_try.py::",
    "tongban/core/tests/test_api_matches_its_openapi.py::",
)


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup` (pyproject addopts) that also keeps each of SHARED_FIXTURE_PATHS on one worker.

    Not xdist_group marks alone: pytest-xdist 3.8 tags a marked test by assigning `item._nodeid`, which
    pytest 9.2 no longer reads, so the marks are silently ignored (pytest-dev/pytest-xdist#1386)."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class SharedFixtureScheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid):
            shared = next((path for path in SHARED_FIXTURE_PATHS if nodeid.startswith(path)), None)
            return shared or super()._split_scope(nodeid)

    return SharedFixtureScheduling(config, log)


# Long tests that use no test database (they start their own processes): run them first. Left where
# pytest-django puts database-free tests, at the very end, one worker would still be running one of
# them long after the other has run out of tests.
LONG_AND_DATABASE_FREE = ("tongban/demo/tests/test_run_tongban_demo.py::",
                          "tongban/core/tests/test_access_log_masks_id_numbers.py::",
                          "tongban/core/tests/test_production_settings_pass_deploy_check.py::")


@pytest.hookimpl(trylast=True)  # after pytest-django's database-first ordering
def pytest_collection_modifyitems(items):
    def goes_first(item):
        uses_db = item.get_closest_marker("django_db") or {"db", "transactional_db", "live_server"} & set(
            getattr(item, "fixturenames", ()))
        return item.nodeid.startswith(LONG_AND_DATABASE_FREE) and not uses_db

    items.sort(key=lambda item: not goes_first(item))


@pytest.fixture
def city(db):
    from tongban.catalog.tests.builders import make_division

    return make_division()


@pytest.fixture
def market(city):
    from tongban.catalog.tests.builders import make_department

    return make_department(city)


pytest_plugins = ["tongban.core.tests.browser"]
