"""A catalogue editor logs in and finds 事项导入导出 in the site's menu; nobody else sees it."""

import pytest

from tongban.accounts.models import Role, StaffRole, User
from tongban.catalog.tests.builders import make_department, make_division

LINK = '<a href="/manage/catalog/import/"'


def nav(client, path="/") -> str:
    html = client.get(path).content.decode()
    return html[html.index('<nav class="main-nav"'):html.index("</nav>", html.index('<nav class="main-nav"'))]


def staff(username, role=None, **fields):
    user = User.objects.create(username=username, is_staff=role is not None, **fields)
    if role is not None:
        city = make_division()
        StaffRole.objects.create(user=user, role=role, division=city, department=make_department(city))
    return user


@pytest.mark.django_db
def test_an_editor_sees_the_link_and_it_opens_the_import_page(client):
    client.force_login(staff("editor01", Role.EDITOR))
    menu = nav(client)
    assert LINK in menu and "事项导入导出" in menu
    page = client.get("/manage/catalog/import/")
    assert page.status_code == 200
    assert 'aria-current="page">事项导入导出' in nav(client, "/manage/catalog/import/")


@pytest.mark.django_db
def test_platform_administrators_see_it_too(client):
    client.force_login(User.objects.create(username="root", is_staff=True, is_superuser=True))
    assert LINK in nav(client)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "citizen", "clerk"])
def test_citizens_and_other_staff_do_not(client, who):
    if who == "citizen":
        client.force_login(staff("citizen01"))
    elif who == "clerk":
        client.force_login(staff("clerk01", Role.CLERK))
    assert LINK not in nav(client)
