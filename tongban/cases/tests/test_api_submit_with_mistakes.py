"""A client sends a bad application: every mistake comes back as JSON, in Chinese, under the name
of the field the client sent."""

import pytest
from django.test import Client

from tongban.cases.models import Case
from tongban.cases.tests.api_support import call, sample_answers, submit_multipart
from tongban.cases.tests.builders import make_world
from tongban.forms.defaults import effective_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_world()


def _key_of(w, kind):
    return next(f for f in effective_form(w.version) if f.get("type") == kind)


def test_a_bad_id_number_is_named_with_its_label(client, w):
    client.force_login(w.applicant)
    field = _key_of(w, "id_number")
    answers = {**sample_answers(w.version), field["key"]: "430102199003071230"}

    res = submit_multipart(client, w, answers=answers)

    assert res.status_code == 422
    body = res.json()
    assert body["code"] == "invalid"
    messages = body["fields"][f"answers.{field['key']}"]
    assert any(field["label"] in m for m in messages), messages
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["message"])
    assert not Case.objects.exists()


def test_a_missing_required_answer_is_named(client, w):
    client.force_login(w.applicant)
    field = next(f for f in effective_form(w.version) if f.get("required") and f.get("type") != "section")
    answers = {k: v for k, v in sample_answers(w.version).items() if k != field["key"]}
    res = submit_multipart(client, w, answers=answers)
    assert res.status_code == 422
    assert any(field["label"] in m for m in res.json()["fields"][f"answers.{field['key']}"])


@pytest.mark.parametrize(("body", "field", "words"), [
    ({"implementation_code": "NOSUCHCODE"}, "implementation_code", "未找到实施编码为“NOSUCHCODE”的事项"),
    ({}, "implementation_code", "实施编码为必填项"),
    ({"channel": "fax"}, "channel", "申请渠道取值不在允许范围内"),
    ({"answers": ["not", "an", "object"]}, "answers", "申请表内容"),
    ({"colour": "red"}, "colour", "不支持的字段“colour”"),
])
def test_bad_request_fields_are_named_in_chinese(client, w, body, field, words):
    client.force_login(w.applicant)
    payload = {"implementation_code": w.impl.code, **body}
    if not body:
        payload = {}
    res = call(client, "POST", "/api/v1/cases", payload)
    assert res.status_code == 422, res.content
    data = res.json()
    assert data["code"] == "invalid"
    assert any(words in m for m in data["fields"][field]), data


def test_an_overlong_idempotency_key_is_refused(client, w):
    client.force_login(w.applicant)
    res = submit_multipart(client, w, key="k" * 81)
    assert res.status_code == 422
    assert any("幂等键过长" in m for m in res.json()["fields"]["Idempotency-Key"])


def test_a_key_reused_for_another_matter_is_refused(client, w):
    from tongban.catalog.tests.builders import make_matter

    _, other_impl = make_matter(w.market, basic_code="000201035001", name="食品经营许可（变更）",
                                materials=[])
    client.force_login(w.applicant)
    assert submit_multipart(client, w, key="reused").status_code == 201
    res = call(client, "POST", "/api/v1/cases",
               {"implementation_code": other_impl.code, "answers": sample_answers(w.version)},
               **{"Idempotency-Key": "reused"})
    assert res.status_code == 422
    assert "新的幂等键" in res.json()["fields"]["Idempotency-Key"][0]


def test_a_renamed_executable_is_refused(client, w):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(w.applicant)
    plan = w.materials["经营场所平面图"]
    fake = SimpleUploadedFile("平面图.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")
    res = submit_multipart(client, w, **{f"material_{plan.pk}": fake})
    assert res.status_code == 422
    assert "PDF" in res.json()["message"]


def test_anonymous_is_told_to_log_in(client, w):
    res = call(client, "POST", "/api/v1/cases", {"implementation_code": w.impl.code})
    assert res.status_code == 401
    assert res.json() == {"code": "unauthenticated", "message": "请先登录"}


def test_a_write_without_the_csrf_token_is_refused_in_chinese(w):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(w.applicant)
    res = call(browser, "POST", "/api/v1/cases", {"implementation_code": w.impl.code})
    assert res.status_code == 403
    assert res.json()["code"] == "csrf_failed" and "X-CSRFToken" in res.json()["message"]

    token = browser.get("/api/v1/cases").cookies["csrftoken"].value  # any GET sets the cookie
    res = call(browser, "POST", "/api/v1/cases/drafts", {"implementation_code": w.impl.code},
               **{"X-CSRFToken": token})
    assert res.status_code == 201, res.content
