"""Online, a person may file in a company's name only as its 法定代表人 (法人库) or as an agent the
company authorised for the matter; anyone else is told so at the credit-code field, and nothing
is filed. At a window the clerk checks the papers in person instead."""

import datetime as dt
import json

import pytest

from tongban.accounts.models import User
from tongban.accounts.organisations import authorise_agent, register_organisation
from tongban.cases.models import Case
from tongban.cases.services import intake
from tongban.cases.tests.builders import make_user, valid_id
from tongban.licences.tests.builders import exemption_world, fill_as_company

pytestmark = pytest.mark.django_db


def _stranger():
    return make_user("stranger", display_name="赵六", id_number=valid_id("43010219700101003"), identity_level=2)


def test_a_stranger_cannot_submit_a_draft_in_a_company_name():
    w = exemption_world()
    stranger = _stranger()
    case = fill_as_company(intake.start_application(stranger, w.impl), stranger, w.company_code)

    with pytest.raises(Exception) as refused:
        intake.submit(stranger, case)
    errors = refused.value.message_dict
    assert "org_credit_code" in errors and "没有该单位对本事项的有效经办授权" in errors["org_credit_code"][0]
    case.refresh_from_db()
    assert case.number is None and case.answers["org_credit_code"] == w.company_code  # the draft is kept


def test_the_api_refuses_a_stranger_and_accepts_an_authorised_agent(client):
    w = exemption_world(source="applicant")  # nothing 免提交: only the company question matters
    stranger = _stranger()
    answers = {"applicant_type": "2", "org_name": "云川市湘味轩餐饮有限公司", "org_credit_code": w.company_code,
               "legal_representative": "张三", "agent_name": "赵六", "agent_id_number": stranger.id_number,
               "agent_phone": "13800005678", "org_address": "云川市芙蓉区蔡锷中路98号"}
    body = {"implementation_code": w.impl.code, "answers": answers}
    client.force_login(stranger)

    res = client.post("/api/v1/cases", json.dumps(body), content_type="application/json")
    assert res.status_code == 422
    assert "没有该单位对本事项的有效经办授权" in json.dumps(res.json(), ensure_ascii=False)
    assert not Case.objects.filter(applicant=stranger).exclude(number=None).exists()

    # 张三, the legal representative (real-name verified), authorises 赵六 for this matter.
    User.objects.filter(pk=w.applicant.pk).update(identity_level=2)
    w.applicant.refresh_from_db()
    org = register_organisation("测试", credit_code=w.company_code, name="云川市湘味轩餐饮有限公司",
                                administrator=w.applicant)
    authorise_agent(w.applicant, org, stranger, valid_until=dt.date.today() + dt.timedelta(days=30),
                    matter_codes=[w.impl.matter.basic_code])
    res = client.post("/api/v1/cases", json.dumps(body), content_type="application/json")
    # The scans are still missing (sent as files), but the company is no longer the problem.
    text = json.dumps(res.json(), ensure_ascii=False)
    assert res.status_code == 422 and "请上传“食品经营许可申请书”" in text and "经办授权" not in text
