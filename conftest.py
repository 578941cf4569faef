import os

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tongban.settings")


@pytest.fixture
def city(db):
    from tongban.testing import make_division

    return make_division()


@pytest.fixture
def market(city):
    from tongban.testing import make_department

    return make_department(city)


pytest_plugins = ["tongban.browser_testing"]
