"""An editor of department D at division X opens the admin and finds only D's matters at X."""

import pytest

from tongban.catalog.models import Implementation
from tongban.catalog.tests.staff_builders import (
    admin_form_data,
    make_editor,
    make_platform_admin,
    small_catalogue,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cat(city):
    return small_catalogue(city)


@pytest.fixture
def county_editor(client, cat):
    """事项管理员 of 芙蓉区市场监督管理局: is_staff and one StaffRole, no Django permission rows."""
    user = make_editor(cat["county_market"], "county-editor")
    client.force_login(user)
    return user


def test_the_implementation_list_holds_only_the_editors_department(client, cat, county_editor):
    page = client.get("/admin/catalog/implementation/")
    assert page.status_code == 200
    html = page.content.decode()
    assert cat["food_county"].code in html and cat["shop_county"].code in html
    assert cat["food_city"].code not in html and cat["birth_city"].code not in html


def test_another_departments_entry_cannot_be_opened_or_changed(client, cat, county_editor):
    other = cat["food_city"]
    url = f"/admin/catalog/implementation/{other.pk}/change/"
    assert client.get(url).status_code == 403
    res = client.post(url, {"place": "被改掉的地点", "hours": "全天", "consult_phone": "1", "supervise_phone": "2",
                            "_save": "保存"})
    assert res.status_code == 403
    other.refresh_from_db()
    assert other.place == "云川市政务服务中心二楼B区"


def test_matters_are_those_maintained_or_implemented_in_scope(client, cat, county_editor):
    html = client.get("/admin/catalog/matter/").content.decode()
    assert "000201099000" in html  # 小餐饮经营许可: maintained by the county bureau
    assert "000201035000" in html  # 食品经营许可: maintained by the city, implemented by the county
    assert "000120001000" not in html  # 出生医学证明: neither
    assert client.get(f"/admin/catalog/matter/{cat['birth'].matter.pk}/change/").status_code == 403
    assert client.get(f"/admin/catalog/matterversion/{cat['birth'].pk}/change/").status_code == 403


def test_a_standard_maintained_above_is_read_only_for_the_implementing_editor(client, cat, county_editor):
    from tongban.catalog.services import start_new_version

    draft = start_new_version(None, cat["food"].matter, "市局修订")  # the city bureau's draft
    page = client.get(f"/admin/catalog/matterversion/{draft.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="_save"' not in html and "提交审核" not in html
    res = client.post(f"/admin/catalog/matterversion/{draft.pk}/change/", {"name": "改名", "_save": "保存"})
    assert res.status_code == 403
    res = client.post(f"/admin/catalog/matterversion/{draft.pk}/workflow/submit/")
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert any("无权" in str(m) for m in res.wsgi_request._messages)


def test_the_editor_sees_no_organisation_accounts_or_audit_admin(client, cat, county_editor):
    index = client.get("/admin/").content.decode()
    assert "实施清单" in index
    assert "/admin/org/department/" not in index and "/admin/accounts/user/" not in index
    for url in ("/admin/org/department/", "/admin/accounts/user/", "/admin/core/auditevent/",
                "/admin/catalog/category/"):
        assert client.get(url).status_code == 403, url


def test_a_platform_admin_sees_every_department(client, cat, city):
    client.force_login(make_platform_admin(city))
    html = client.get("/admin/catalog/implementation/").content.decode()
    assert all(cat[k].code in html for k in ("food_city", "food_county", "birth_city", "shop_county"))
    assert client.get("/admin/core/auditevent/").status_code == 200
    assert client.get("/admin/org/department/").status_code == 200
    assert Implementation.objects.count() == 4


def test_the_editors_own_entry_opens_with_local_fields_editable(client, cat, county_editor):
    page = client.get(f"/admin/catalog/implementation/{cat['food_county'].pk}/change/")
    assert page.status_code == 200
    data = admin_form_data(page)
    assert set(data) == {"site", "place", "hours", "consult_phone", "supervise_phone"}
