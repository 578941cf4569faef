"""Through the API a mother evaluates 新生儿出生一件事 and the one form comes back with her address from the
人口库 — read once by a member's department under its grant, logged under the ref the API returns. She
applies with that ref: the joint case takes it as its uid, and "谁用了我的数据" names the joint case
number for the read. Anonymous callers read nothing; a ref already used is refused."""

import json
import uuid

import pytest
from django.test import Client

from tongban.cases.models import CaseBundle
from tongban.cases.tests.builders import pdf
from tongban.registries.models import AccessLog
from tongban.themes.tests.registry_support import ADDRESS, grant_population, newborn_with_population_registry
from tongban.themes.tests.support import fill, multipart

pytestmark = pytest.mark.django_db
SITUATION = {"settle_here": True, "parents_married": True}
EVALUATE = "/api/v1/themes/newborn/evaluate"


@pytest.fixture
def w():
    w = newborn_with_population_registry()
    grant_population(w, "cert")  # the health commission, for 出生医学证明
    return w


def _evaluate(client, **extra):
    body = {"situation": SITUATION, "optional": [], **extra}
    return client.post(EVALUATE, json.dumps(body), content_type="application/json")


def _apply(client, plan, key=None, **extra):
    files = {m["key"]: pdf(f"{m['name']}.pdf") for m in plan["materials"] if m["upload"] and m["required"]}
    answers = fill(plan["form"], baby_name="王小宝", **{**plan["prefill"], **plan["registry_prefill"]})
    data = multipart("newborn", situation=SITUATION, optional=[], answers=answers, files=files)
    headers = {"Idempotency-Key": key} if key else {}
    return client.post("/api/v1/themes/newborn/applications", {**data, **extra}, headers=headers)


def _my_data_use(client) -> list[dict]:
    return client.get("/api/v1/registries/my-data-use").json()


def test_evaluate_prefills_from_the_registry_and_the_joint_case_keeps_the_ref(client, w):
    client.force_login(w.applicant)
    plan = _evaluate(client).json()
    assert plan["registry_prefill"] == {"applicant_address": ADDRESS}
    assert plan["registry_sources"]["applicant_address"] == {
        "label": "联系地址", "resource": "人口基础信息库", "field": "户籍地址", "owner": "云川市政务服务和大数据管理局"}
    ref = plan["ref"]
    assert str(uuid.UUID(ref)) == ref
    log = AccessLog.objects.get()  # one read for the field all members share, logged under the ref
    cert = w.impls[("newborn", "cert")]
    assert (log.case_ref, log.consumer, log.purpose, log.subject_key) == (
        ref, cert.department, AccessLog.Purpose.PREFILL, w.applicant.id_number)
    [row] = _my_data_use(client)
    assert (row["consumer"], row["purpose"], row["case_number"]) == (cert.department.name, "申请表预填", "")

    # Evaluating again with the ref (another answer changed nothing here) reads nothing again.
    again = _evaluate(client, ref=ref).json()
    assert again["ref"] == ref and again["registry_prefill"] == {"applicant_address": ADDRESS}
    assert AccessLog.objects.count() == 1

    created = _apply(client, plan, key="newborn-1", ref=ref)
    assert created.status_code == 201, created.content
    assert _apply(client, plan, key="newborn-1", ref=ref).status_code == 200  # a retry is the same application
    bundle = CaseBundle.objects.get(number=created.json()["number"])
    assert str(bundle.uid) == ref
    assert AccessLog.objects.count() == 1  # filing the sub-cases reads nothing again
    assert [r["case_number"] for r in _my_data_use(client)] == [bundle.number]

    # A ref stands for one application: used by a joint case, it is refused.
    refused = _apply(client, plan, ref=ref)
    assert refused.status_code == 422
    assert refused.json()["fields"]["ref"] == ["该申请标识（ref）已被已提交的联办件使用，请重新评估（不带 ref）以取得新的申请标识"]
    assert _evaluate(client, ref=ref).status_code == 422
    assert CaseBundle.objects.count() == 1


def test_anonymous_evaluate_reads_no_registry(client, w):
    plan = _evaluate(client).json()
    assert plan["chosen"] and plan["registry_prefill"] == {} and plan["ref"] is None
    assert not AccessLog.objects.exists()


def test_a_ref_must_be_a_uuid_and_the_callers_own(client, w):
    client.force_login(w.applicant)
    bad = _evaluate(client, ref="第一次申请")
    assert bad.status_code == 422
    assert bad.json()["fields"]["ref"] == ["“申请标识（ref）”应为 UUID（使用评估接口返回的 ref）"]
    ref = _evaluate(client).json()["ref"]
    client.force_login(w.other)
    taken = _evaluate(client, ref=ref)
    assert taken.status_code == 422 and "已被他人使用" in taken.json()["message"]
    assert AccessLog.objects.count() == 1


def test_a_ref_read_in_another_session_is_not_read_again(w):
    first, second = Client(), Client()
    first.force_login(w.applicant)
    second.force_login(w.applicant)
    ref = _evaluate(first).json()["ref"]
    plan = _evaluate(second, ref=ref).json()
    assert plan["ref"] == ref and plan["registry_prefill"] == {}  # the first answer is the client's to keep
    assert AccessLog.objects.count() == 1
