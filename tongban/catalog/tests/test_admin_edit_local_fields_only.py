"""An editor changes the place, hours and phones of an entry; the standard elements stay as they are."""

import pytest

from tongban.catalog.tests.staff_builders import admin_form_data, make_editor, make_site, small_catalogue
from tongban.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def cat(city):
    return small_catalogue(city)


def test_editor_saves_local_fields_and_the_change_is_audited(client, cat):
    impl = cat["food_county"]
    editor = make_editor(cat["county_market"], "county-editor")
    site = make_site(cat["county"], name="芙蓉区政务服务中心")
    client.force_login(editor)
    url = f"/admin/catalog/implementation/{impl.pk}/change/"
    data = admin_form_data(client.get(url))
    data.update(place="芙蓉区政务服务中心三楼", hours="周一至周六 9:00-17:00", consult_phone="0739-5550000",
                site=str(site.pk), _save="保存")
    res = client.post(url, data)
    assert res.status_code == 302, res.context["adminform"].form.errors if res.context else res
    impl.refresh_from_db()
    assert impl.place == "芙蓉区政务服务中心三楼" and impl.site == site
    assert impl.consult_phone == "0739-5550000" and impl.supervise_phone == "0739-12345"

    event = AuditEvent.objects.get(action="catalog.implementation.update", object_id=str(impl.pk))
    assert event.actor == editor
    assert event.data["place"] == ["芙蓉区政务服务中心一楼", "芙蓉区政务服务中心三楼"]
    assert set(event.data) == {"place", "hours", "consult_phone", "site"}

    # The guide citizens read shows the new place at once.
    assert client.get(f"/api/v1/matters/{impl.code}").json()["place"] == "芙蓉区政务服务中心三楼"


def test_standard_elements_are_shown_but_cannot_be_posted(client, cat):
    impl = cat["food_county"]
    client.force_login(make_editor(cat["county_market"], "county-editor"))
    url = f"/admin/catalog/implementation/{impl.pk}/change/"
    page = client.get(url)
    html = page.content.decode()
    assert "四级十同" in html and "承诺办结时限" in html and "5个工作日" in html
    assert 'name="promised_limit_days"' not in html and 'name="code"' not in html

    data = admin_form_data(page)
    data.update(code="X" * 31, level="3", promised_limit_days="1", matter=str(cat["birth"].matter.pk), _save="保存")
    assert client.post(url, data).status_code == 302
    impl.refresh_from_db()
    assert impl.code.endswith("4000201035000") and impl.level == 4 and impl.matter == cat["food"].matter
    cat["food"].refresh_from_db()
    assert cat["food"].promised_limit_days == 5
    # Nothing local changed either, so nothing was audited.
    assert not AuditEvent.objects.filter(action="catalog.implementation.update").exists()


def test_a_site_of_another_county_cannot_be_chosen(client, cat, city):
    from tongban.catalog.tests.staff_builders import make_county

    impl = cat["food_county"]
    far_site = make_site(make_county(city, code="439903", name="望江县"), name="望江县政务服务中心")
    client.force_login(make_editor(cat["county_market"], "county-editor"))
    url = f"/admin/catalog/implementation/{impl.pk}/change/"
    data = admin_form_data(client.get(url))
    data.update(site=str(far_site.pk), _save="保存")
    res = client.post(url, data)
    assert res.status_code == 200
    assert "site" in res.context["adminform"].form.errors
    impl.refresh_from_db()
    assert impl.site is None
