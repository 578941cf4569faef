"""免证办: an applicant who holds a valid e-licence that stands for a material is not asked to upload it.
The check is recorded on the case with the licence number (shown to the applicant and the clerk) and
logged as a read of the 电子证照库 that the holder sees on 谁用了我的数据."""

import pytest

from tongban.accounts.organisations import register_organisation
from tongban.cases import materials
from tongban.cases.models import Phase
from tongban.cases.services import intake
from tongban.cases.tests.builders import make_user, pdf, valid_id
from tongban.licences.models import HolderKind, MaterialLicenceCheck, RuleScope
from tongban.licences.tests.builders import (
    BUSINESS_LICENCE,
    business_licence,
    exemption_world,
    fill_as_company,
    fill_as_person,
)
from tongban.registries.models import AccessLog

pytestmark = pytest.mark.django_db

SATISFIED = "已通过电子证照核验，免提交（证照编号 {}）"


def _upload_the_rest(case, actor, w):
    for m in materials.required_uploads(case):
        intake.attach_file(actor, case, m, pdf(f"{m.name}.pdf"))


def test_a_person_holding_the_licence_applies_without_it_and_sees_why(client):
    w = exemption_world()
    licence = business_licence(w, holder_id=w.applicant.id_number)
    case = fill_as_person(intake.start_application(w.applicant, w.impl), w.applicant, w.applicant)

    assert w.licence_material not in materials.required_uploads(case)
    client.force_login(w.applicant)
    page = client.get(f"/my/drafts/{case.uid}/").content.decode()
    assert SATISFIED.format(licence.number) in page
    assert f'name="material-{w.licence_material.pk}"' not in page  # no file input for it

    _upload_the_rest(case, w.applicant, w)
    r = client.post(f"/my/drafts/{case.uid}/", {"action": "submit"})
    case.refresh_from_db()
    assert r.status_code == 302 and case.phase == Phase.SUBMITTED
    assert not case.files.filter(material=w.licence_material).exists()

    check = MaterialLicenceCheck.objects.get(case=case)
    assert (check.material, check.satisfied, check.licence, check.subject_key) == (
        w.licence_material, True, licence, w.applicant.id_number)
    log = check.access
    assert (log.resource, log.purpose, log.consumer, log.subject_key, log.allowed, log.found, log.case_ref) == (
        w.library, AccessLog.Purpose.MATERIAL, w.market, w.applicant.id_number, True, True, str(case.uid))
    assert AccessLog.objects.filter(resource=w.library).count() == 1  # page views did not read again

    page = client.get(f"/my/cases/{case.number}/").content.decode()
    assert "免提交的材料" in page and SATISFIED.format(licence.number) in page
    page = client.get("/my/data-use/").content.decode()
    assert "电子证照库" in page and w.market.name in page and case.number in page

    client.force_login(w.clerk)
    page = client.get(f"/inbox/cases/{case.number}/").content.decode()
    assert SATISFIED.format(licence.number) in page


def test_an_agent_applies_for_the_company_that_holds_the_licence(client):
    w = exemption_world()
    agent = make_user("agent", display_name="王小丽", id_number=valid_id("43010219950808124"), identity_level=2)
    register_organisation("测试数据", credit_code=w.company_code, name="云川市湘味轩餐饮有限公司", administrator=agent)
    licence = business_licence(w, holder_id=w.company_code, holder_name="云川市湘味轩餐饮有限公司",
                               kind=HolderKind.ORGANISATION, number=w.company_code)
    case = fill_as_company(intake.start_application(agent, w.impl), agent, w.company_code)

    assert w.licence_material not in materials.required_uploads(case)
    check = MaterialLicenceCheck.objects.get(case=case)
    assert check.satisfied and check.licence == licence and check.subject_key == w.company_code
    assert check.access.actor == agent and check.access.subject_key == w.company_code

    client.force_login(agent)  # the company's administrator sees who read the company's licences
    page = client.get("/my/data-use/").content.decode()
    assert "电子证照库（单位）" in page and "证照编号" in page


def test_a_copy_the_guide_still_asks_for_is_not_asked_once_the_licence_stands_for_it():
    w = exemption_world(source="applicant", scope=RuleScope.ANY)
    case = fill_as_person(intake.start_application(w.applicant, w.impl), w.applicant, w.applicant)
    assert w.licence_material in materials.required_uploads(case)  # no licence held: bring the copy

    licence = business_licence(w, holder_id=w.applicant.id_number)
    case2 = fill_as_person(intake.start_application(w.applicant, w.impl), w.applicant, w.applicant)
    assert w.licence_material not in materials.required_uploads(case2)
    assert MaterialLicenceCheck.objects.get(case=case2).licence == licence


def test_the_clerk_registering_a_walk_in_sees_the_licence_instead_of_an_upload(client):
    w = exemption_world()
    licence = business_licence(w, holder_id=w.applicant.id_number)
    case = intake.register_walk_in(w.clerk, w.impl, id_number=w.applicant.id_number, name="张三")
    case = fill_as_person(case, w.clerk, w.applicant)

    client.force_login(w.clerk)
    page = client.get(f"/desk/drafts/{case.uid}/").content.decode()
    assert SATISFIED.format(licence.number) in page
    assert f'name="material_{w.licence_material.pk}"' not in page
    log = MaterialLicenceCheck.objects.get(case=case).access
    assert log.actor == w.clerk and log.consumer == w.market  # the clerk read it, for the department
    assert BUSINESS_LICENCE not in [m.name for m in materials.required_uploads(case)]
