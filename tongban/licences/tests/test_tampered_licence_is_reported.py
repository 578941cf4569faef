"""Someone alters a licence — one character of its data in the register, or of the QR code — and
the verify page and API answer 被篡改 (tampered), never 有效."""

from urllib.parse import parse_qs, urlparse

import pytest

from tongban.licences import sealing
from tongban.licences.models import Licence
from tongban.licences.selectors import verify_url
from tongban.licences.tests.builders import issue_for, licence_world
from tongban.licences.verification import Verdict, verify_identifier, verify_payload

pytestmark = pytest.mark.django_db


def _payload(licence):
    return parse_qs(urlparse(verify_url(licence)).query)["p"][0]


def _one_char_changed(text: str) -> str:
    return text[:-1] + ("号" if text[-1] != "号" else "路")


def test_one_character_changed_in_the_register_is_reported_as_tampered(client):
    w = licence_world()
    licence = issue_for(w)
    assert verify_identifier(licence.identifier).verdict == Verdict.VALID
    data = dict(licence.data, premises=_one_char_changed(licence.data["premises"]))
    Licence.objects.filter(pk=licence.pk).update(data=data)  # behind the services' back

    result = verify_identifier(licence.identifier)
    assert result.verdict == Verdict.TAMPERED and "摘要不一致" in result.message
    page = client.get("/licences/verify/", {"id": licence.identifier})
    assert "核验结果：被篡改" in page.content.decode()
    api = client.post("/api/v1/licences/verify", {"identifier": licence.identifier}, content_type="application/json")
    assert api.json()["verdict"] == {"code": "tampered", "label": "被篡改"}
    # The QR code of the genuine paper no longer matches the register either.
    assert verify_payload(_payload(Licence.objects.get(pk=licence.pk))).verdict == Verdict.TAMPERED


def test_changed_holder_name_or_expiry_with_a_recomputed_digest_still_fails_the_signature():
    w = licence_world()
    licence = issue_for(w)
    licence.valid_until = licence.valid_until.replace(year=licence.valid_until.year + 10)
    Licence.objects.filter(pk=licence.pk).update(valid_until=licence.valid_until,
                                                 digest=sealing.digest_of(licence))
    result = verify_identifier(licence.identifier)
    assert result.verdict == Verdict.TAMPERED and "签名" in result.message


def test_one_character_changed_in_the_qr_payload_is_reported_as_tampered(client):
    w = licence_world()
    licence = issue_for(w)
    payload = _payload(licence)
    assert verify_payload(payload).verdict == Verdict.VALID

    statement, signature = sealing.decode_payload(payload)
    statement["h"] = _one_char_changed(statement["h"])  # another holder name, same signature
    forged = sealing.encode_payload(statement, signature)
    result = verify_payload(forged)
    assert result.verdict == Verdict.TAMPERED and "签名与内容不符" in result.message

    res = client.get("/licences/verify/", {"p": forged})
    assert res.status_code == 200 and "核验结果：被篡改" in res.content.decode()
    api = client.post("/api/v1/licences/verify", {"payload": forged}, content_type="application/json")
    assert api.json()["verdict"]["code"] == "tampered"

    # A payload damaged in transit (one base64 character) cannot even be read: also tampered.
    damaged = payload[:40] + ("A" if payload[40] != "A" else "B") + payload[41:]
    assert verify_payload(damaged).verdict == Verdict.TAMPERED


def test_bad_identifier_gets_a_chinese_error_naming_the_field(client):
    res = client.get("/licences/verify/", {"id": "1.2.156.3005.2.SPJYXK.123"})
    assert res.status_code == 422 and "“证照标识”格式或校验位不正确" in res.content.decode()
    api = client.post("/api/v1/licences/verify", {"identifier": "abc"}, content_type="application/json")
    assert api.status_code == 422 and "证照标识" in api.json()["fields"]["identifier"][0]
    api = client.post("/api/v1/licences/verify", {}, content_type="application/json")
    assert api.status_code == 422 and "二维码内容" in api.json()["message"]
