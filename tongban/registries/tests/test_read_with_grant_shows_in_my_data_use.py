"""With a grant, the approver reads the applicant's record for the case; the person then finds that
read — department, case number, fields — on 谁用了我的数据, and nobody else sees it there."""

import pytest

from tongban.cases.tests.builders import submitted_case
from tongban.registries.models import AccessLog
from tongban.registries.tests.builders import grant, registry_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    w = registry_world()
    w.case = submitted_case(w)
    grant(w, w.population, ["name", "household_address", "hukou_division"])
    return w


def _read(client, w, fields=("name", "household_address")):
    client.force_login(w.approver)
    return client.post("/api/v1/registries/read", {"resource": "population", "subject_key": w.applicant.id_number,
                                                   "case_number": w.case.number, "fields": list(fields)},
                       content_type="application/json")


def test_the_read_returns_only_the_requested_fields_and_is_logged(client, w):
    res = _read(client, w)
    assert res.status_code == 200, res.content
    body = res.json()
    assert body["records"] == [{"name": "张三", "household_address": "云川市芙蓉区五一大道218号"}]
    log = AccessLog.objects.get(pk=body["access_id"])
    assert log.allowed and log.found and log.case_number == w.case.number and log.grant is not None


def test_the_person_sees_who_read_their_data_and_for_which_case(client, w):
    _read(client, w)
    client.force_login(w.applicant)
    page = client.get("/my/data-use/").content.decode()
    assert w.case.number in page and "云川市市场监督管理局" in page and "审批刘强" in page
    assert "姓名、户籍地址" in page and "已读取" in page
    api = client.get("/api/v1/registries/my-data-use").json()
    assert [(r["case_number"], r["consumer"], r["fields"]) for r in api] == [
        (w.case.number, "云川市市场监督管理局", ["name", "household_address"])]
    assert "*" in api[0]["subject"]  # masked even for the person: the page is not the place for the full number


def test_another_person_does_not_see_it(client, w):
    _read(client, w)
    client.force_login(w.other_applicant)
    page = client.get("/my/data-use/").content.decode()
    assert w.case.number not in page and "还没有部门读取过您的数据" in page
    assert client.get("/api/v1/registries/my-data-use").json() == []


def test_the_department_sees_it_in_its_access_log_and_other_departments_do_not(client, w):
    _read(client, w)
    client.force_login(w.approver2)  # same department
    assert [r["case_number"] for r in client.get("/api/v1/registries/access-log").json()] == [w.case.number]
    client.force_login(w.police_approver)
    assert client.get("/api/v1/registries/access-log").json() == []
    client.force_login(w.steward)  # the owner's steward sees reads of the resources they own
    assert len(client.get("/api/v1/registries/access-log").json()) == 1


def test_a_revoked_grant_stops_the_next_read(client, w):
    from tongban.registries import services
    from tongban.registries.models import Grant

    assert _read(client, w).status_code == 200
    services.revoke_grant(w.steward, Grant.objects.get())
    assert _read(client, w).status_code == 403
    assert list(AccessLog.objects.order_by("at", "id").values_list("allowed", flat=True)) == [True, False]
