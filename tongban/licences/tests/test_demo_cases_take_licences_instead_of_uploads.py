"""In the demo city, 免证办 is visible: the agent's food-licence cases took the company's 营业执照 from its
e-licence (the clerk's workbench says so, with the number), the company's administrator sees the
read on 谁用了我的数据, and the rules and grants are data an administrator can edit."""

import pytest
from django.db import transaction
from django.test import Client

from tongban.accounts.models import User
from tongban.demo.data.accounts import ACCOUNTS
from tongban.demo.loader import load_demo
from tongban.licences.models import LicenceMaterialRule, MaterialLicenceCheck
from tongban.registries.models import AccessLog, Grant

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_city(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo(modules=["matters_sample"], blank_forms=False)
        transaction.set_rollback(True)


def test_the_agents_cases_took_the_company_licence_and_the_read_is_visible(demo_city):
    assert demo_city["licences"]["material_rules"] >= 1 and demo_city["licences"]["library_grants"] >= 1
    company = next(a for a in ACCOUNTS if a["username"] == "agent")["company_credit_code"]
    checks = MaterialLicenceCheck.objects.filter(case__applicant_id_number=company).select_related("case", "licence")
    assert checks and all(c.satisfied and c.licence.holder_id_number == company for c in checks)
    case = next(c.case for c in checks if c.case.number)
    assert not case.files.filter(material=checks[0].material).exists()  # nothing uploaded for it

    clerk = Client()
    clerk.force_login(User.objects.get(username="clerk"))
    page = clerk.get(f"/inbox/cases/{case.number}/").content.decode()
    assert f"已通过电子证照核验，免提交（证照编号 {checks[0].licence.number}）" in page

    agent = Client()
    agent.force_login(User.objects.get(username="agent"))
    page = agent.get("/my/data-use/").content.decode()
    assert "电子证照库（单位）" in page and AccessLog.objects.filter(resource__code="e_licence", subject_key=company)


def test_the_rules_and_grants_are_data(demo_city):
    rule = LicenceMaterialRule.objects.select_related("licence_type").get(name_contains="营业执照",
                                                                            matter__name="食品经营许可（新办）")
    assert rule.licence_type.code == "YYZZ" and rule.active
    assert Grant.objects.filter(resource__code="e_licence", matters=rule.matter, revoked_at__isnull=True).exists()
