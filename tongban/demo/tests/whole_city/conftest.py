"""The whole demo city (every matters_*.py, its themes, licences, registries, cases and ratings), loaded
once for all the test modules of this package: a load takes from 15 s to over a minute on the shared
2-core CI machine.

It is loaded inside a transaction that is rolled back after the last test of this package (pytest
tears a package-scoped fixture down on leaving the package, so no test elsewhere ever sees the city);
each test runs in its own savepoint on top of it (pytest-django's `db`), so a test that writes leaves
the city as loaded for the next. Under `pytest -n` the root conftest.py (SHARED_FIXTURE_PATHS) hands
this package to one worker as a single unit, so the city is loaded once per run.
"""

import pytest
from django.db import transaction
from freezegun import freeze_time

from tongban.demo.loader import load_demo
from tongban.demo.tests.whole_city import NOW, REAL_CLOCK_FOR


@pytest.fixture(scope="package")
def whole_city(django_db_setup, django_db_blocker):
    """load_demo's summary; blank_forms=False: these tests do not need the 234 blank-form PDFs."""
    with django_db_blocker.unblock(), transaction.atomic():
        with freeze_time(NOW, ignore=REAL_CLOCK_FOR):
            summary = load_demo(modules=["matters_business", "matters_people"], blank_forms=False)
        yield summary
        transaction.set_rollback(True)
