"""A department publishes a further resource (不动产登记信息) in the catalogue with its fields, imports
its records, and a consumer department reads them for a case once granted."""

import pytest
from django.core.exceptions import ValidationError

from tongban.accounts.models import Role
from tongban.cases.tests.builders import make_user, submitted_case
from tongban.catalog.tests.builders import make_department
from tongban.registries import services
from tongban.registries.importing import import_rows
from tongban.registries.models import DataResource
from tongban.registries.purposes import Purpose
from tongban.registries.tests.builders import registry_world

pytestmark = pytest.mark.django_db

FIELDS = [{"key": "certificate_number", "name": "不动产权证号"}, {"key": "location", "name": "坐落"},
          {"key": "area", "name": "建筑面积", "type": "number"}, {"key": "registered_on", "name": "登记日期", "type": "date"},
          {"key": "mortgaged", "name": "是否抵押", "type": "boolean", "sensitive": True}]


@pytest.fixture
def w():
    w = registry_world()
    w.land = make_department(w.city, name="云川市自然资源和规划局", sector="natural_resources")
    w.land_steward = make_user("land_steward", role=Role.STEWARD, division=w.city, department=w.land)
    return w


def test_publish_import_grant_and_read(client, w):
    realty = services.register_resource(w.land_steward, code="real_estate", name="不动产登记信息", owner=w.land,
                                        fields=FIELDS, source_department="云川市不动产登记中心")
    assert realty.status == DataResource.Status.DRAFT
    client.force_login(w.applicant)
    assert [r["code"] for r in client.get("/api/v1/registries/resources").json()] == [
        "credit", "legal_entity", "population"]
    services.publish_resource(w.land_steward, realty)
    listed = {r["code"]: r for r in client.get("/api/v1/registries/resources").json()}
    assert [f["name"] for f in listed["real_estate"]["fields"]] == ["不动产权证号", "坐落", "建筑面积", "登记日期", "是否抵押"]
    assert listed["real_estate"]["owner"] == "云川市自然资源和规划局"

    report = import_rows(w.land_steward, realty, ["主体标识", "记录标识", "不动产权证号", "坐落", "建筑面积", "登记日期", "是否抵押"], [
        (2, [w.applicant.id_number, "431402001001GB00001F0001", "湘(2021)云川市不动产权第0012345号",
             "云川市芙蓉区五一大道218号3栋201室", "89.5", "2021-07-01", "否"])])
    assert report.ok, report.errors

    case = submitted_case(w)
    services.grant_access(w.land_steward, resource=realty, consumer=w.market, fields=["certificate_number", "location"],
                          matters=[w.version.matter], basis="共享申请（市市场监管局〔2026〕3号）")
    reading = services.read(w.approver, "real_estate", w.applicant.id_number, purpose=Purpose.of_case(case),
                            fields=["certificate_number", "location"])
    assert reading.records == [{"certificate_number": "湘(2021)云川市不动产权第0012345号",
                                "location": "云川市芙蓉区五一大道218号3栋201室"}]


def test_field_definitions_are_checked(w):
    with pytest.raises(ValidationError) as bad:
        services.register_resource(w.land_steward, code="bad", name="坏资源", owner=w.land,
                                   fields=[{"key": "Bad Key", "name": "字段"}])
    assert "字段标识" in str(bad.value)
    assert not DataResource.objects.filter(code="bad").exists()


def test_a_steward_registers_only_for_their_own_department(w):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.register_resource(w.land_steward, code="x", name="x", owner=w.market, fields=FIELDS)
