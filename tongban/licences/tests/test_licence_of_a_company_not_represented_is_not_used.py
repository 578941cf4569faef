"""An applicant who names a company they do not act for (no 经办人授权, not its 法定代表人) cannot have
that company's e-licence stand for a material: the read is refused and logged, nothing of the
licence is shown to them, and they are asked to upload the material."""

import pytest

from tongban.cases import materials
from tongban.cases.services import intake
from tongban.cases.tests.builders import make_user, valid_id
from tongban.licences.models import HolderKind, MaterialLicenceCheck
from tongban.licences.tests.builders import business_licence, exemption_world, fill_as_company
from tongban.registries.models import AccessLog

pytestmark = pytest.mark.django_db


def test_a_stranger_naming_the_company_gets_no_licence_and_the_refusal_is_logged(client):
    w = exemption_world()
    licence = business_licence(w, holder_id=w.company_code, holder_name="云川市湘味轩餐饮有限公司",
                               kind=HolderKind.ORGANISATION, number="JY-SECRET-0001")
    stranger = make_user("stranger", display_name="赵六", id_number=valid_id("43010219700101003"), identity_level=2)
    case = fill_as_company(intake.start_application(stranger, w.impl), stranger, w.company_code)

    assert w.licence_material in materials.required_uploads(case)
    check = MaterialLicenceCheck.objects.get(case=case)
    assert not check.satisfied and check.licence is None and "JY-SECRET-0001" not in check.note
    assert "申请人只能调取本人或本人代表" in check.note
    log = AccessLog.objects.get(resource=w.library)
    assert (log.allowed, log.found, log.actor, log.subject_key) == (False, False, stranger, w.company_code)

    client.force_login(stranger)
    page = client.get(f"/my/drafts/{case.uid}/").content.decode()
    assert licence.number not in page and "未能免提交" in page


def test_the_legal_representative_in_the_registry_may_use_the_company_licence():
    w = exemption_world()  # the 法人库 names 张三 法定代表人 of 湘味轩
    licence = business_licence(w, holder_id=w.company_code, holder_name="云川市湘味轩餐饮有限公司",
                               kind=HolderKind.ORGANISATION, number=w.company_code)
    case = fill_as_company(intake.start_application(w.applicant, w.impl), w.applicant, w.company_code)
    assert w.licence_material not in materials.required_uploads(case)
    assert MaterialLicenceCheck.objects.get(case=case).licence == licence
