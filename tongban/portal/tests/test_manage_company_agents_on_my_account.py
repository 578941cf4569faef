"""The legal representative opens the company's account from 我的账户 (the legal-entity registry names
them), authorises an employee as 经办人 and later revokes it; nobody else can open that page."""

from datetime import date, timedelta

import pytest

from tongban.accounts.models import AgentAuthorisation, Organisation
from tongban.accounts.organisations import can_act_for
from tongban.registries.tests.builders import registry_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(client):
    w = registry_world()  # 张三 (w.applicant) is the 法定代表人 of w.company_code in the 法人库
    for person, name in ((w.applicant, "张三"), (w.other_applicant, "李四")):
        client.force_login(person)
        assert client.post("/my/account/verify/", {"name": name, "id_number": person.id_number}).status_code == 302
        person.refresh_from_db()
    client.logout()
    return w


def test_the_legal_representative_opens_the_company_account_and_authorises_an_agent(client, w):
    client.force_login(w.applicant)
    page = client.get("/my/account/").content.decode()
    assert "云川市湘味轩餐饮有限公司" in page and "开通法人账户" in page
    response = client.post("/my/organisations/register/", {"credit_code": w.company_code})
    agents_url = f"/my/organisations/{w.company_code}/agents/"
    assert response.status_code == 302 and response["Location"] == agents_url
    org = Organisation.objects.get(credit_code=w.company_code)
    assert org.source == Organisation.Source.LEGAL_ENTITY_REGISTRY and org.kind == "2"

    until = (date.today() + timedelta(days=180)).isoformat()
    response = client.post(agents_url, {"name": "李四", "id_number": w.other_applicant.id_number, "kind": "agent",
                                        "matter_codes": w.version.matter.basic_code, "valid_until": until})
    assert response.status_code == 302
    page = client.get(agents_url).content.decode()
    assert "已授权 李四 为经办人" in page
    assert w.other_applicant.id_number not in page  # others' numbers are masked even for the administrator
    assert can_act_for(w.other_applicant, w.company_code, w.version.matter.basic_code)

    client.force_login(w.other_applicant)
    assert "云川市湘味轩餐饮有限公司" in client.get("/my/account/").content.decode()
    # The agent acts for the company but does not manage its agents.
    assert client.get(agents_url).status_code == 403

    client.force_login(w.applicant)
    auth = AgentAuthorisation.objects.get(agent=w.other_applicant)
    client.post(f"{agents_url}{auth.pk}/revoke/", {"reason": "已离职"})
    assert not can_act_for(w.other_applicant, w.company_code)
    assert "已撤销（" in client.get(agents_url).content.decode()


def test_a_typo_in_the_agent_form_is_shown_next_to_the_field_and_nothing_is_granted(client, w):
    client.force_login(w.applicant)
    client.post("/my/organisations/register/", {"credit_code": w.company_code})
    response = client.post(f"/my/organisations/{w.company_code}/agents/", {
        "name": "李四", "id_number": w.other_applicant.id_number, "kind": "agent", "matter_codes": "食品经营许可",
        "valid_until": ""})
    assert response.status_code == 400
    text = response.content.decode()
    assert "授权事项：事项基本编码应为12位数字" in text and "有效期至：请填写授权有效期" in text
    assert 'value="食品经营许可"' in text
    assert not AgentAuthorisation.objects.filter(agent=w.other_applicant).exists()

    response = client.post(f"/my/organisations/{w.company_code}/agents/", {
        "name": "李五", "id_number": w.other_applicant.id_number, "kind": "agent",
        "valid_until": (date.today() + timedelta(days=9)).isoformat()})
    assert response.status_code == 400 and "未找到该姓名和公民身份号码对应的已实名认证账户" in response.content.decode()


def test_someone_who_is_not_the_legal_representative_cannot_open_the_company_account(client, w):
    client.force_login(w.other_applicant)
    response = client.post("/my/organisations/register/", {"credit_code": w.company_code}, follow=True)
    assert "您不是该统一社会信用代码对应单位的法定代表人" in response.content.decode()
    assert not Organisation.objects.exists()
    assert client.get(f"/my/organisations/{w.company_code}/agents/").status_code == 403
