"""The issuing department changes (变更) a licence — a new sealed version, the old one kept as
superseded — and later revokes (注销) it with a reason; the history shows every step."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from tongban.core.models import AuditEvent
from tongban.licences.models import Licence, LicenceStatus
from tongban.licences.selectors import history
from tongban.licences.services.issuance import change_licence, revoke_licence
from tongban.licences.tests.builders import issue_for, licence_world
from tongban.licences.verification import Verdict, verify_identifier

pytestmark = pytest.mark.django_db


def test_change_issues_a_new_version_and_keeps_the_old_one():
    w = licence_world()
    old = issue_for(w)
    new = change_licence(w.approver, old, reason="经营场所门牌号变更", data={"premises": "云川市芙蓉区五一大道220号"})

    old.refresh_from_db()
    assert old.status == LicenceStatus.SUPERSEDED and old.data["premises"] == "云川市芙蓉区五一大道218号"
    assert new.version == 2 and new.serial == old.serial and new.previous == old
    assert new.identifier.split(".")[-2] == "002" and new.identifier != old.identifier
    assert new.data["premises"] == "云川市芙蓉区五一大道220号" and new.data["operator"] == old.data["operator"]
    assert new.number == old.number and new.status == LicenceStatus.VALID
    assert verify_identifier(new.identifier).verdict == Verdict.VALID
    stale = verify_identifier(old.identifier)
    assert stale.verdict == Verdict.SUPERSEDED and new.identifier in stale.message
    assert [v.version for v in history(old)] == [1, 2] == [v.version for v in history(new)]
    assert list(old.events.values_list("action", flat=True)) == ["issue", "change"]
    assert old.events.last().comment == "经营场所门牌号变更"
    assert AuditEvent.objects.filter(action="licences.change", object_id=new.identifier).exists()


def test_revoke_keeps_the_record_and_reports_revoked(client):
    w = licence_world()
    licence = issue_for(w)
    revoke_licence(w.approver, licence, reason="经营者申请注销（停止经营）")
    licence.refresh_from_db()
    assert licence.status == LicenceStatus.REVOKED and licence.revoked_at is not None
    result = verify_identifier(licence.identifier)
    assert result.verdict == Verdict.REVOKED and "停止经营" in result.message
    page = client.get("/licences/verify/", {"id": licence.identifier}).content.decode()
    assert "核验结果：已注销" in page
    assert list(licence.events.values_list("action", flat=True)) == ["issue", "revoke"]
    with pytest.raises(ValidationError, match="已注销"):
        change_licence(w.approver, licence, reason="再变更", data={"premises": "别处"})


def test_missing_reason_or_no_change_is_refused_in_chinese_and_nothing_is_lost():
    w = licence_world()
    licence = issue_for(w)
    with pytest.raises(ValidationError) as err:
        revoke_licence(w.approver, licence, reason="  ")
    assert "注销原因" in err.value.message_dict["reason"][0]
    with pytest.raises(ValidationError) as err:
        change_licence(w.approver, licence, reason="变更", data={"premises": licence.data["premises"]})
    assert "没有变更任何内容" in err.value.message_dict["data"][0]
    licence.refresh_from_db()
    assert licence.status == LicenceStatus.VALID and Licence.objects.count() == 1


def test_only_the_issuing_departments_approvers_change_or_revoke():
    w = licence_world()
    licence = issue_for(w)
    with pytest.raises(PermissionDenied):
        revoke_licence(w.police_approver, licence, reason="不是本部门")
    with pytest.raises(PermissionDenied):
        change_licence(w.applicant, licence, reason="自己改", data={"premises": "别处"})
    licence.refresh_from_db()
    assert licence.status == LicenceStatus.VALID


def test_staff_revoke_and_change_through_the_api_in_scope_only():
    w = licence_world()
    licence = issue_for(w)
    police = Client()
    police.force_login(w.police_approver)
    res = police.post(f"/api/v1/licences/{licence.identifier}/revoke", {"reason": "越权"}, content_type="application/json")
    assert res.status_code == 404  # outside their scope: the same as missing

    approver = Client()
    approver.force_login(w.approver)
    res = approver.post(f"/api/v1/licences/{licence.identifier}/change",
                        {"reason": "名称变更", "holder_name": "张三丰"}, content_type="application/json")
    assert res.status_code == 200, res.json()
    new_id = res.json()["identifier"]
    assert res.json()["version"] == 2 and res.json()["holder"] == "张三丰"
    res = approver.post(f"/api/v1/licences/{new_id}/revoke", {"reason": ""}, content_type="application/json")
    assert res.status_code == 422 and "注销原因" in res.json()["message"]
    res = approver.post(f"/api/v1/licences/{new_id}/revoke", {"reason": "依法撤销"}, content_type="application/json")
    assert res.status_code == 200 and res.json()["status"]["code"] == "revoked"


def test_expired_licence_is_reported_as_expired(client):
    w = licence_world()
    licence = issue_for(w, issued_on=date(2019, 3, 1))
    assert licence.valid_until.isoformat() == "2024-02-29"  # 5 years, the day before the anniversary
    assert verify_identifier(licence.identifier).verdict == Verdict.EXPIRED
    assert "核验结果：已过期" in client.get("/licences/verify/", {"id": licence.identifier}).content.decode()
