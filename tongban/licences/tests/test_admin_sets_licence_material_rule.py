"""Which licence stands for which material is data: a platform administrator adds the pair in the
admin (audited) and the next application uses it — no code change. Others cannot."""

import pytest
from django.core.exceptions import PermissionDenied

from tongban.accounts.models import Role
from tongban.cases import materials
from tongban.cases.services import intake
from tongban.cases.tests.builders import make_user
from tongban.core.models import AuditEvent
from tongban.licences.models import LicenceMaterialRule
from tongban.licences.services.exemptions import save_material_rule
from tongban.licences.tests.builders import business_licence, exemption_world, fill_as_person

pytestmark = pytest.mark.django_db


def test_the_administrator_adds_a_rule_and_the_next_application_uses_it(client):
    w = exemption_world()
    LicenceMaterialRule.objects.all().delete()
    admin = make_user("platform-admin", role=Role.ADMIN, division=w.city, display_name="平台管理员郑伟")
    business_licence(w, holder_id=w.applicant.id_number)
    before = fill_as_person(intake.start_application(w.applicant, w.impl), w.applicant, w.applicant)
    assert not materials.check(before).supplied

    client.force_login(admin)
    assert "电子证照免提交规则" in client.get("/admin/licences/licencematerialrule/").content.decode()
    r = client.post("/admin/licences/licencematerialrule/add/", {
        "name_contains": "营业执照", "matter": w.version.matter.pk, "licence_type": w.yyzz.pk, "scope": "issued",
        "active": "on"})
    assert r.status_code == 302, r.content.decode()[:2000]
    rule = LicenceMaterialRule.objects.get()
    event = AuditEvent.objects.get(action="licences.material_rule.create", actor=admin)
    assert event.actor == admin and "营业执照" in event.summary and event.object_id == str(rule.pk)

    after = fill_as_person(intake.start_application(w.applicant, w.impl), w.applicant, w.applicant)
    assert materials.check(after).satisfied_by(w.licence_material) is not None


def test_an_empty_name_is_refused_with_the_field_named(client):
    w = exemption_world()
    admin = make_user("platform-admin", role=Role.ADMIN, division=w.city)
    client.force_login(admin)
    r = client.post("/admin/licences/licencematerialrule/add/", {
        "name_contains": " ", "licence_type": w.yyzz.pk, "scope": "issued", "active": "on"})
    assert r.status_code == 200 and "材料名称包含" in r.content.decode()


def test_only_platform_administrators_set_rules(client):
    w = exemption_world()
    with pytest.raises(PermissionDenied):
        save_material_rule(w.approver, name_contains="食品经营许可证", licence_type=w.yyzz)
    client.force_login(w.steward)
    assert client.get("/admin/licences/licencematerialrule/").status_code in (302, 403)
