"""A company's legal representative lets an employee act for it (经办人授权): for some matters,
until a date; revoking ends it; only the company's administrators may do either; all audited."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from tongban.accounts.identity import record_verification
from tongban.accounts.models import AgentAuthorisation, Organisation, User, VerificationMethod
from tongban.accounts.organisations import (
    authorise_agent,
    can_act_for,
    current_authorisations,
    register_organisation,
    revoke_authorisation,
)
from tongban.catalog.tests.builders import credit_code
from tongban.core.models import AuditEvent

pytestmark = pytest.mark.django_db

CODE = credit_code("91431402MA4T8K6X2")
FOOD_LICENCE, OTHER_MATTER = "000201035000", "000901001000"


def person(username, name, first17, *, verified=True) -> User:
    from tongban.cases.tests.builders import valid_id

    user = User.objects.create(username=username, display_name=name)
    if verified:
        clerk = User.objects.get_or_create(username="clerk", defaults={"display_name": "王芳", "is_staff": True})[0]
        record_verification(clerk, user, id_number=valid_id(first17), name=name,
                            method=VerificationMethod.WINDOW_IN_PERSON, verified_by=clerk)
        user.refresh_from_db()
    return user


@pytest.fixture
def company():
    boss = person("lijianguo", "李建国", "43142119850726301")
    org = register_organisation("窗口王芳", credit_code=CODE, name="云川市芙蓉区湘味轩餐饮有限公司",
                                legal_representative="李建国", administrator=boss, source=Organisation.Source.WINDOW)
    return org, boss


def test_the_administrator_authorises_an_agent_for_one_matter_until_a_date(company):
    org, boss = company
    clerk_of_company = person("wangxiaoli", "王小丽", "43010219950808124")
    until = date.today() + timedelta(days=90)
    auth = authorise_agent(boss, org, clerk_of_company, valid_until=until, matter_codes=[FOOD_LICENCE])

    assert can_act_for(clerk_of_company, CODE, FOOD_LICENCE)
    assert not can_act_for(clerk_of_company, CODE, OTHER_MATTER)
    assert can_act_for(boss, CODE, OTHER_MATTER)  # the administrator acts for every matter
    assert [a.organisation for a in current_authorisations(clerk_of_company)] == [org]
    with freeze_time(until + timedelta(days=1)):
        assert not can_act_for(clerk_of_company, CODE, FOOD_LICENCE)
    event = AuditEvent.objects.get(action="accounts.authorisation.grant", object_id=str(auth.pk))
    assert event.actor == boss and "王小丽" in event.summary and event.data["matter_codes"] == [FOOD_LICENCE]


def test_revoking_ends_the_authorisation_and_keeps_it_in_the_history(company):
    org, boss = company
    agent = person("wangxiaoli", "王小丽", "43010219950808124")
    auth = authorise_agent(boss, org, agent, valid_until=date.today() + timedelta(days=30))
    revoke_authorisation(boss, auth, "已离职")
    assert not can_act_for(agent, CODE)
    auth.refresh_from_db()
    assert auth.revoked_by == boss and auth.revoke_reason == "已离职"
    assert AuditEvent.objects.filter(action="accounts.authorisation.revoke", object_id=str(auth.pk)).exists()
    with pytest.raises(ValidationError):
        revoke_authorisation(boss, auth)


def test_an_agent_cannot_authorise_others_nor_can_a_stranger(company):
    org, boss = company
    agent = person("wangxiaoli", "王小丽", "43010219950808124")
    stranger = person("zhaoliu", "赵六", "43010219700101003")
    authorise_agent(boss, org, agent, valid_until=date.today() + timedelta(days=30))
    for actor in (agent, stranger):
        with pytest.raises(PermissionDenied) as exc:
            authorise_agent(actor, org, stranger, valid_until=date.today() + timedelta(days=30))
        assert "单位管理员" in str(exc.value)
    assert not can_act_for(stranger, CODE)


def test_mistakes_are_refused_with_the_field_named(company):
    org, boss = company
    unverified = person("newcomer", "新人", "43010220000101001", verified=False)
    agent = person("wangxiaoli", "王小丽", "43010219950808124")
    cases = [
        (dict(agent=unverified, valid_until=date.today() + timedelta(days=30)), "agent", "实名认证"),
        (dict(agent=agent, valid_until=None), "valid_until", "请填写授权有效期"),
        (dict(agent=agent, valid_until=date.today() - timedelta(days=1)), "valid_until", "不能早于今天"),
        (dict(agent=agent, valid_until=date.today() + timedelta(days=4 * 366)), "valid_until", "最长3年"),
        (dict(agent=agent, valid_until=date.today() + timedelta(days=9), matter_codes=["食品许可"]), "matter_codes",
         "12位"),
    ]
    for kwargs, field, words in cases:
        with pytest.raises(ValidationError) as exc:
            authorise_agent(boss, org, kwargs.pop("agent"), **kwargs)
        assert words in "".join(exc.value.message_dict[field]), field
    assert not AgentAuthorisation.objects.filter(kind=AgentAuthorisation.Kind.AGENT).exists()


def test_a_second_authorisation_replaces_the_first(company):
    org, boss = company
    agent = person("wangxiaoli", "王小丽", "43010219950808124")
    first = authorise_agent(boss, org, agent, valid_until=date.today() + timedelta(days=30), matter_codes=[FOOD_LICENCE])
    second = authorise_agent(boss, org, agent, valid_until=date.today() + timedelta(days=60))
    first.refresh_from_db()
    assert first.revoked_at is not None and first.revoke_reason == "被新授权替代"
    assert can_act_for(agent, CODE, OTHER_MATTER) and second.matter_codes == []


def test_the_last_administrator_stays(company):
    org, boss = company
    admin_auth = org.authorisations.get(agent=boss)
    with pytest.raises(ValidationError) as exc:
        revoke_authorisation(boss, admin_auth)
    assert "最后一名管理员" in exc.value.messages[0]


def test_an_organisation_is_registered_once_under_a_valid_credit_code(company):
    org, boss = company
    with pytest.raises(ValidationError) as exc:
        register_organisation("管理员", credit_code=CODE, name="另一家")
    assert "已注册" in exc.value.message_dict["credit_code"][0]
    with pytest.raises(ValidationError) as exc:
        register_organisation("管理员", credit_code=CODE[:17] + ("0" if CODE[17] != "0" else "1"), name="错码公司")
    assert exc.value.message_dict["credit_code"] == ["统一社会信用代码校验位错误"]
