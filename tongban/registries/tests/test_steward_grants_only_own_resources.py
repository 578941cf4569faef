"""A data steward grants a department access to their own department's resource in the admin, and
cannot grant (nor see the grants of) resources another department owns."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tongban.accounts.models import Role
from tongban.cases.tests.builders import make_user
from tongban.catalog.tests.builders import make_department
from tongban.registries import services
from tongban.registries.models import Grant
from tongban.registries.tests.builders import SYSTEM, grant, registry_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    w = registry_world()
    w.fund_centre = make_department(w.city, name="云川市住房公积金管理中心", sector="housing_fund")
    w.fund_steward = make_user("fund_steward", role=Role.STEWARD, division=w.city, department=w.fund_centre)
    w.fund = services.publish_resource(SYSTEM, services.register_resource(
        SYSTEM, code="housing_fund", name="住房公积金缴存信息", owner=w.fund_centre,
        fields=[{"key": "account_status", "name": "账户状态"}, {"key": "monthly_amount", "name": "月缴存额",
                                                            "type": "number", "sensitive": True}]))
    return w


def test_the_steward_adds_a_grant_for_their_resource_in_the_admin(client, w):
    client.force_login(w.steward)
    res = client.post("/admin/registries/grant/add/", {
        "resource": w.population.pk, "consumer": w.market.pk, "field_keys": "name, household_address",
        "matters": [w.version.matter.pk], "basis": "《政务信息资源共享管理暂行办法》第十条",
        "valid_from": "2026-01-01", "valid_until": ""})
    assert res.status_code == 302, res.content.decode()[:2000]
    g = Grant.objects.get()
    assert (g.resource, g.consumer, g.fields, g.approved_by) == (
        w.population, w.market, ["name", "household_address"], w.steward)
    assert list(g.matters.all()) == [w.version.matter]


def test_the_admin_offers_only_their_own_resources_and_refuses_others(client, w):
    client.force_login(w.steward)
    form = client.get("/admin/registries/grant/add/").content.decode()
    assert "人口基础信息库" in form and "住房公积金缴存信息" not in form
    res = client.post("/admin/registries/grant/add/", {
        "resource": w.fund.pk, "consumer": w.market.pk, "field_keys": "account_status",
        "matters": [w.version.matter.pk], "basis": "共享申请", "valid_from": "2026-01-01"})
    assert res.status_code == 200 and Grant.objects.count() == 0  # the form refuses the choice


def test_the_service_refuses_another_departments_resource(w):
    with pytest.raises(PermissionDenied, match="住房公积金管理中心"):
        grant(w, w.fund, ["account_status"])
    assert Grant.objects.count() == 0


def test_each_steward_lists_only_the_grants_of_their_resources(client, w):
    grant(w, w.population, ["name"])
    services.grant_access(w.fund_steward, resource=w.fund, consumer=w.market, fields=["account_status"],
                          matters=[w.version.matter], basis="共享申请")
    client.force_login(w.fund_steward)
    page = client.get("/admin/registries/grant/").content.decode()
    assert "住房公积金缴存信息" in page and "人口基础信息库" not in page
    mine = Grant.objects.get(resource=w.population)
    assert client.get(f"/admin/registries/grant/{mine.pk}/change/").status_code in (302, 404)


def test_a_grant_names_known_fields_and_at_least_one_matter(w):
    with pytest.raises(ValidationError) as bad:
        services.grant_access(w.steward, resource=w.population, consumer=w.market, fields=["salary"], matters=[],
                              basis="")
    errors = bad.value.message_dict
    assert "salary" in errors["fields"][0] and "适用事项" in errors["matters"][0] and "共享依据" in errors["basis"][0]


def test_other_staff_do_not_manage_grants(client, w):
    client.force_login(w.approver)
    assert client.get("/admin/registries/grant/").status_code in (302, 403)
    with pytest.raises(PermissionDenied):
        services.grant_access(w.approver, resource=w.population, consumer=w.market, fields=["name"],
                              matters=[w.version.matter], basis="x")


def test_the_platform_admin_opens_every_registries_admin_page(client, w):
    from django.contrib import admin
    from django.urls import reverse

    from tongban.catalog.tests.staff_builders import make_platform_admin

    grant(w, w.population, ["name"])
    client.force_login(make_platform_admin(w.city))
    ours = [m for m in admin.site._registry if m._meta.app_label == "registries"]
    assert len(ours) >= 5
    for model in ours:
        info = (model._meta.app_label, model._meta.model_name)
        assert client.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200, info
        obj = model._default_manager.first()
        if obj is not None:
            assert client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk])).status_code == 200, info
        assert client.get(reverse("admin:{}_{}_add".format(*info))).status_code in (200, 403), info
