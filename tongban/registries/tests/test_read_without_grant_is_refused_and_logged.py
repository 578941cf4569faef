"""An approver reads a person's record for a case without a grant: refused, and the attempt is logged.

Also refused (and logged): a grant for another matter, an expired or revoked grant, a field the grant
does not name, staff of another department, a person the case does not name, an unknown case number.
"""

import datetime as dt

import pytest

from tongban.cases.tests.builders import submitted_case
from tongban.catalog.tests.builders import make_matter
from tongban.registries import services
from tongban.registries.models import AccessLog
from tongban.registries.purposes import Purpose
from tongban.registries.services import RegistryAccessDenied
from tongban.registries.tests.builders import grant, registry_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    w = registry_world()
    w.case = submitted_case(w)
    return w


def _read(w, actor=None, subject=None, fields=("name", "household_address"), case=None):
    return services.read(actor or w.approver, w.population, subject or w.applicant.id_number,
                         purpose=Purpose.of_case(case or w.case), fields=list(fields))


def test_without_grant_the_read_is_refused_with_a_chinese_reason_and_logged(w):
    with pytest.raises(RegistryAccessDenied) as refused:
        _read(w)
    assert "云川市市场监督管理局" in str(refused.value) and "共享授权" in str(refused.value)
    log = AccessLog.objects.get()
    assert (log.allowed, log.found, log.case_number, log.consumer, log.actor) == (
        False, False, w.case.number, w.market, w.approver)
    assert log.subject_key == w.applicant.id_number and log.fields == ["name", "household_address"]
    assert log.matter == w.version.matter and "共享授权" in log.refusal


def test_the_api_answers_403_and_the_refusal_stays_in_the_log(client, w):
    client.force_login(w.approver)
    res = client.post("/api/v1/registries/read", {"resource": "population", "subject_key": w.applicant.id_number,
                                                  "case_number": w.case.number, "fields": ["name"]},
                      content_type="application/json")
    assert res.status_code == 403
    body = res.json()
    assert body["code"] == "forbidden" and "共享授权" in body["message"]
    assert AccessLog.objects.filter(allowed=False, case_number=w.case.number).count() == 1


def test_an_unknown_case_number_is_refused_and_logged(client, w):
    client.force_login(w.approver)
    res = client.post("/api/v1/registries/read", {"resource": "population", "subject_key": w.applicant.id_number,
                                                  "case_number": "NO-SUCH-CASE"}, content_type="application/json")
    assert res.status_code == 403 and "不存在" in res.json()["message"]
    assert AccessLog.objects.get().case_number == "NO-SUCH-CASE"


def test_a_grant_for_another_matter_does_not_count(w):
    other_version, _impl = make_matter(w.market, basic_code="000201036000", name="食品小作坊登记")
    grant(w, w.population, ["name"], matters=[other_version.matter])
    with pytest.raises(RegistryAccessDenied):
        _read(w, fields=["name"])


def test_expired_and_revoked_grants_do_not_count(w):
    last_week = dt.date.today() - dt.timedelta(days=7)
    grant(w, w.population, ["name"], valid_from=last_week - dt.timedelta(days=30), valid_until=last_week)
    revoked = grant(w, w.population, ["name"])
    services.revoke_grant(w.steward, revoked)
    with pytest.raises(RegistryAccessDenied, match="已过期、已撤销"):
        _read(w, fields=["name"])


def test_a_field_outside_the_grant_is_refused_by_name(w):
    grant(w, w.population, ["name"])
    with pytest.raises(RegistryAccessDenied, match="婚姻状况"):
        _read(w, fields=["name", "marital_status"])
    assert AccessLog.objects.get().allowed is False


def test_staff_of_another_department_are_refused_even_with_the_market_grant(w):
    grant(w, w.population, ["name"])
    with pytest.raises(RegistryAccessDenied, match="受理或审批人员"):
        _read(w, actor=w.police_approver, fields=["name"])
    assert AccessLog.objects.get().actor == w.police_approver


def test_a_person_the_case_does_not_name_cannot_be_looked_up(w):
    grant(w, w.population, ["name"])
    with pytest.raises(RegistryAccessDenied, match="当事人"):
        _read(w, subject=w.other_applicant.id_number, fields=["name"])
    assert AccessLog.objects.get().subject_key == w.other_applicant.id_number


def test_an_applicant_cannot_read_through_someone_elses_case(w):
    grant(w, w.population, ["name"])
    with pytest.raises(RegistryAccessDenied):
        _read(w, actor=w.other_applicant, fields=["name"])
