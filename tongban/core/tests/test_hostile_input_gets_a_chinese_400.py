"""Someone sends what the database cannot store or Python cannot parse (a NUL byte, a lone surrogate,
JSON nested 100,000 deep, a user name of 300 characters, text longer than any column) to a page or an
API operation, logged in or not: a 400 (or another 4xx) with a Chinese message, never a 500.

The first tests are the cases of the issue; the last two walk every page and every API operation
(tongban/core/tests/hostile_support.py) as a visitor, an applicant and a member of staff."""

import base64

import pytest
from axes.models import AccessAttempt
from django.test import Client

from tongban.core.tests import hostile_support as hs

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return hs.hostile_world()


def _message(response) -> str:
    return response.json()["message"]


def test_a_nul_byte_in_the_address_or_the_query_gets_the_chinese_400(client):
    page = client.get("/guide/a%00b/")
    assert page.status_code == 400 and "网址中含有空字符" in page.content.decode()
    api = client.get("/api/v1/departments?sector=%00")
    assert api.status_code == 400 and api.json()["code"] == "bad_request" and "查询参数中含有空字符" in _message(api)
    form = client.post("/accounts/login/", {"username": "zhang\x00san", "password": "x"})
    assert form.status_code == 400 and "空字符" in form.content.decode()
    client.cookies["sessionid"] = "abc\x00defghijkl"  # dropped, not looked up: the visitor is simply logged out
    assert client.get("/my/").status_code == 302


def test_json_with_a_nul_a_lone_surrogate_or_absurd_nesting_gets_a_400(w):
    visitor = Client()
    deep = visitor.post("/api/v1/themes/newborn/evaluate", "[" * 100_000 + "]" * 100_000,
                        content_type="application/json")
    assert deep.status_code == 400 and "嵌套过深" in _message(deep)
    applicant = Client()
    applicant.force_login(w.applicant)
    answers = '{"implementation_code": "%s", "answers": {"applicant_name": "%s"}}'
    nul = applicant.post("/api/v1/cases", answers % (w.impl.code, "\\u0000"), content_type="application/json")
    assert nul.status_code == 400 and "空字符" in _message(nul)
    surrogate = applicant.post("/api/v1/cases", answers % (w.impl.code, "\\ud800"), content_type="application/json")
    assert surrogate.status_code == 400 and "Unicode" in _message(surrogate)
    form = applicant.post("/api/v1/cases", {"implementation_code": w.impl.code, "answers": '{"a": "\x00"}'})
    assert form.status_code == 400 and "空字符" in _message(form)  # multipart, as uploads are sent
    not_json = applicant.post("/api/v1/ratings/cannot-do", '{"a": NaN}', content_type="application/json")
    assert not_json.status_code == 400 and _message(not_json) == "请求内容不是有效的 JSON"


def test_a_user_name_longer_than_any_account_is_a_form_error(db):
    for url in ("/accounts/login/", "/admin/login/"):
        response = Client().post(url, {"username": "z" * 300, "password": "whatever"})
        assert response.status_code == 200 and "用户名最多 150 个字符" in response.content.decode(), url
    assert not AccessAttempt.objects.exists()  # nothing reached django-axes, which keeps 255 characters


def test_a_crafted_licence_qr_code_is_damaged_not_an_error(client):
    # A list for the key, nesting past Python's recursion limit (within the 4,000 characters taken), a surrogate.
    for body in ('{"id": 1, "k": [], "d": 1, "s": ""}', "[" * 1400 + "]" * 1400,
                 '{"id": "\\ud800", "k": "k1", "d": "x", "s": ""}'):
        payload = "TBL1." + base64.urlsafe_b64encode(body.encode()).decode().rstrip("=")
        response = client.post("/api/v1/licences/verify", {"payload": payload}, content_type="application/json")
        assert response.status_code == 200 and response.json()["verdict"]["code"] == "tampered", body[:40]
        assert client.get("/licences/verify/", {"p": payload}).status_code == 200


def test_every_page_answers_hostile_input_without_a_server_error(w):
    values, failures, seen = hs.real_values(w), [], {}
    for who, user in {"visitor": None, "applicant": w.applicant, "staff": w.staff}.items():
        client = Client(raise_request_exception=False)
        if user:
            client.force_login(user)
        walk = hs.Walk(client, who, anonymous=user is None, seen=seen)
        for route in hs.page_routes():
            if not route.startswith(("accounts/logout", "i18n/")):
                hs.walk_page(walk, route, values)
        if who == "staff":
            for route in hs.admin_routes():
                hs.walk_page(walk, route, values)
        failures += walk.failures
    assert not failures, "\n".join(failures[:40]) + f"\n({len(failures)} in all)"


def test_every_api_operation_answers_hostile_input_without_a_server_error(w):
    values, failures, seen = hs.real_values(w), [], {}
    for who, user in {"visitor": None, "applicant": w.applicant, "staff": w.staff}.items():
        client = Client(raise_request_exception=False)
        if user:
            client.force_login(user)
        operations, components = hs.operations(client)
        walk = hs.Walk(client, who, anonymous=user is None, seen=seen)
        for path, method, operation in operations:
            hs.walk_operation(walk, path, method, operation, components, values)
        failures += walk.failures
    assert not failures, "\n".join(failures[:40]) + f"\n({len(failures)} in all)"
