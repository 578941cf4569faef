import os

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tongban.settings")


def pytest_configure(config):
    # Staff must pass a second factor (tongban/accounts/middleware.py); test logins through
    # client.force_login count as having passed it. See tongban/accounts/testing.py.
    from tongban.accounts.testing import install_verified_test_logins

    install_verified_test_logins()


@pytest.fixture
def city(db):
    from tongban.testing import make_division

    return make_division()


@pytest.fixture
def market(city):
    from tongban.testing import make_department

    return make_department(city)


pytest_plugins = ["tongban.browser_testing"]
