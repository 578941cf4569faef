"""我的证照 lists the person's own licences (by ID number) and those of the organisations they are
currently authorised to act for — nobody else's, on the page, the detail, the PDF and the API."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tongban.accounts.models import AgentAuthorisation, Organisation
from tongban.catalog.tests.builders import credit_code
from tongban.licences.models import HolderKind
from tongban.licences.tests.builders import issue_for, licence_world

pytestmark = pytest.mark.django_db

COMPANY = credit_code("91431402MA4T8K6X2")


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def _company_licence(w):
    return issue_for(w, holder_kind=HolderKind.ORGANISATION, holder_name="云川市芙蓉区湘味轩餐饮有限公司",
                     holder_id_number=COMPANY, number="JY14314020000077")


def _authorise(w, user, **over):
    org = Organisation.objects.create(credit_code=COMPANY, name="云川市芙蓉区湘味轩餐饮有限公司")
    fields = {"organisation": org, "agent": user, "valid_until": timezone.localdate() + timedelta(days=90)}
    fields.update(over)
    return AgentAuthorisation.objects.create(**fields)


def test_holder_sees_own_licences_and_not_anyone_elses():
    w = licence_world()
    mine = issue_for(w)
    theirs = issue_for(w, w.other_applicant, number="JY14314020000002")
    me = _client(w.applicant)

    page = me.get("/my/licences/").content.decode()
    assert mine.number in page and theirs.number not in page
    assert me.get(f"/my/licences/{mine.identifier}/").status_code == 200
    assert me.get(f"/my/licences/{theirs.identifier}/").status_code == 404
    assert me.get(f"/my/licences/{theirs.identifier}/licence.pdf").status_code == 404
    assert [x["identifier"] for x in me.get("/api/v1/licences/mine").json()] == [mine.identifier]
    assert me.post(f"/api/v1/licences/mine/{theirs.identifier}/share", {"days": 1},
                   content_type="application/json").status_code == 404


def test_agent_sees_the_companys_licences_only_while_authorised():
    w = licence_world()
    company = _company_licence(w)
    agent = _client(w.other_applicant)
    assert company.number not in agent.get("/my/licences/").content.decode()

    auth = _authorise(w, w.other_applicant)
    page = agent.get("/my/licences/").content.decode()
    assert company.number in page and "代办的单位" in page
    assert agent.get(f"/my/licences/{company.identifier}/").status_code == 200

    auth.revoked_at = timezone.now()
    auth.save()
    assert company.number not in agent.get("/my/licences/").content.decode()
    assert agent.get(f"/my/licences/{company.identifier}/").status_code == 404


def test_expired_authorisation_shows_nothing():
    w = licence_world()
    company = _company_licence(w)
    _authorise(w, w.other_applicant, valid_from=timezone.localdate() - timedelta(days=30),
               valid_until=timezone.localdate() - timedelta(days=1))
    assert _client(w.other_applicant).get("/api/v1/licences/mine").json() == []
    assert company.pk


def test_anonymous_visitors_are_sent_to_log_in():
    w = licence_world()
    mine = issue_for(w)
    res = Client().get("/my/licences/")
    assert res.status_code == 302 and "/accounts/login/" in res["Location"]
    assert Client().get(f"/my/licences/{mine.identifier}/").status_code == 302
    assert Client().get("/api/v1/licences/mine").status_code == 401
