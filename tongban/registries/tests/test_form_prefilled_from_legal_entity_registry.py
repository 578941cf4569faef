"""The legal representative of a company starts an application: the form arrives with the company's
name, credit code, legal representative and address from the 法人库 — only for a matter the
department is granted — and the page says where each answer came from."""

import pytest

from tongban.cases.services import intake
from tongban.forms.defaults import effective_form
from tongban.registries import services
from tongban.registries.codes import Storage
from tongban.registries.models import AccessLog, Party, PrefillSource
from tongban.registries.prefill import prefill_from_registries
from tongban.registries.tests.builders import COMPANY_CODE, grant, registry_world

pytestmark = pytest.mark.django_db

ORG_FIELDS = ["name", "credit_code", "legal_representative", "registered_address"]


@pytest.fixture
def w():
    w = registry_world()
    for prefill, field in (("organisation.name", "name"), ("organisation.credit_code", "credit_code"),
                           ("organisation.legal_representative", "legal_representative"),
                           ("organisation.address", "registered_address")):
        services.save_prefill_rule(w.steward, prefill=prefill, resource=w.legal, field=field, party=Party.ORGANISATION)
    services.save_prefill_rule(w.steward, prefill="applicant.address", resource=w.population,
                               field="household_address", party=Party.APPLICANT)
    return w


def test_the_form_is_prefilled_from_the_legal_entity_registry_with_sources(client, w):
    grant(w, w.legal, ORG_FIELDS)
    case = intake.start_application(w.applicant, w.impl)
    assert (case.answers["org_name"], case.answers["org_credit_code"], case.answers["legal_representative"],
            case.answers["org_address"]) == ("云川市湘味轩餐饮有限公司", COMPANY_CODE, "张三", "云川市芙蓉区蔡锷中路98号")
    assert case.answers["applicant_name"] == "张三"  # the account still fills the person's own fields
    assert "applicant_address" not in case.answers  # population not granted for this matter
    log = AccessLog.objects.get()
    assert (log.purpose, log.case_ref, log.subject_key, log.allowed, log.consumer) == (
        AccessLog.Purpose.PREFILL, str(case.uid), COMPANY_CODE, True, w.market)
    sources = {s.form_key: (s.resource.name, s.field_name) for s in PrefillSource.objects.filter(case_ref=case.uid)}
    assert sources["legal_representative"] == ("法人单位基础信息库", "法定代表人")

    client.force_login(w.applicant)
    page = client.get(f"/my/drafts/{case.uid}/").content.decode()
    assert "由政务数据共享获取的信息" in page
    assert "来自法人单位基础信息库（法定代表人，云川市政务服务和大数据管理局提供）" in page
    assert 'value="云川市湘味轩餐饮有限公司"' in page


def test_without_a_grant_nothing_is_read_and_nothing_filled(w):
    case = intake.start_application(w.applicant, w.impl)
    assert "org_name" not in case.answers and "legal_representative" not in case.answers
    assert not AccessLog.objects.exists() and not PrefillSource.objects.exists()


def test_only_granted_fields_are_read(w):
    grant(w, w.legal, ["name", "credit_code"])
    answers, sources = prefill_from_registries(w.applicant, w.impl, effective_form(w.version))
    assert set(answers) == {"org_name", "org_credit_code"} and set(sources) == {"org_name", "org_credit_code"}
    assert AccessLog.objects.get().fields == ["name", "credit_code"]


def test_the_household_address_comes_from_the_population_registry_when_granted(w):
    grant(w, w.population, ["household_address"])
    answers, sources = prefill_from_registries(w.applicant, w.impl, effective_form(w.version))
    assert answers == {"applicant_address": "云川市芙蓉区五一大道218号"}
    assert sources["applicant_address"]["resource"] == "人口基础信息库"


def test_a_person_who_represents_no_company_gets_no_company_data(w):
    grant(w, w.legal, ORG_FIELDS)
    answers, _sources = prefill_from_registries(w.other_applicant, w.impl, effective_form(w.version))
    assert "org_name" not in answers and not AccessLog.objects.exists()


def test_a_window_registration_is_not_prefilled_in_the_persons_name(w):
    grant(w, w.legal, ORG_FIELDS)
    case = intake.register_walk_in(w.clerk, w.impl, id_number=w.applicant.id_number, name="张三")
    assert "org_name" not in case.answers and not AccessLog.objects.exists()
    assert w.legal.storage == Storage.LEGAL_ENTITY


def test_an_agent_the_company_authorised_for_this_matter_gets_the_company_data(w):
    import datetime as dt

    from tongban.accounts.models import User
    from tongban.accounts.organisations import authorise_agent, register_organisation

    grant(w, w.legal, ORG_FIELDS)
    User.objects.filter(pk__in=[w.applicant.pk, w.other_applicant.pk]).update(identity_level=2)
    w.applicant.refresh_from_db()
    w.other_applicant.refresh_from_db()
    org = register_organisation("测试", credit_code=COMPANY_CODE, name="云川市湘味轩餐饮有限公司",
                                administrator=w.applicant)
    authorise_agent(w.applicant, org, w.other_applicant, valid_until=dt.date.today() + dt.timedelta(days=30),
                    matter_codes=["000201036000"])  # another matter: not this one
    answers, _sources = prefill_from_registries(w.other_applicant, w.impl, effective_form(w.version))
    assert "org_name" not in answers
    authorise_agent(w.applicant, org, w.other_applicant, valid_until=dt.date.today() + dt.timedelta(days=30),
                    matter_codes=[w.version.matter.basic_code])
    answers, _sources = prefill_from_registries(w.other_applicant, w.impl, effective_form(w.version))
    assert answers["org_name"] == "云川市湘味轩餐饮有限公司" and answers["legal_representative"] == "张三"
