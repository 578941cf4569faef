"""In the demo city, the licences issued by completed demo cases verify from their QR payload with
only the published public key, and the demo people find their licences in 我的证照 (issue 5 acceptance)."""

from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest
from django.db import transaction
from django.test import Client

from tongban.accounts.models import User
from tongban.demo.data.accounts import ACCOUNTS
from tongban.demo.loader import load_demo
from tongban.licences import sealing
from tongban.licences.models import Licence, LicenceStatus
from tongban.licences.selectors import verify_url, wallet
from tongban.licences.verification import Verdict, verify_record

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_city(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo(modules=["matters_sample"])
        transaction.set_rollback(True)


def test_a_completed_demo_case_licence_verifies_offline_with_only_the_public_key(demo_city, client):
    assert demo_city["licences"]["types"] >= 10 and demo_city["licences"]["seals"] >= 3
    from_cases = Licence.objects.filter(case__isnull=False).select_related("case", "seal", "licence_type")
    assert from_cases.filter(licence_type__code="SPJYXK").count() >= 3  # 待领取, 寄递中, 已送达 scenarios
    keys = {k["key_id"]: k for k in client.get("/api/v1/licences/seals").json()}
    for licence in from_cases:
        assert licence.case.phase == "completed"
        payload = parse_qs(urlparse(verify_url(licence)).query)["p"][0]
        check = sealing.verify_payload_offline(payload, keys, date.today())
        assert check.authentic, (licence.case.number, check.problem)
        assert check.statement["id"] == licence.identifier
        assert verify_record(licence).verdict == Verdict.VALID
    food = from_cases.filter(licence_type__code="SPJYXK").first()
    assert food.data.get("operator") and food.data.get("premises")  # printed from the demo form


def test_demo_people_find_their_licences(demo_city):
    citizen = User.objects.get(username="citizen")
    mine = {lic.licence_type.code for lic in wallet(citizen)}
    assert {"JHZ", "SPJYXK"} <= mine
    agent = User.objects.get(username="agent")
    company = next(a for a in ACCOUNTS if a["username"] == "agent")["company_credit_code"]
    theirs = wallet(agent)
    assert theirs and all(lic.holder_id_number == company for lic in theirs if lic.holder_kind == "organisation")
    business = Licence.objects.get(licence_type__code="YYZZ", holder_id_number=company, status=LicenceStatus.VALID)
    assert business.version == 2 and business.previous.status == LicenceStatus.SUPERSEDED
    client = Client()
    client.force_login(citizen)
    assert "结婚证" in client.get("/my/licences/").content.decode()
