"""A verifier with no connection to the platform scans a licence's QR code and checks it with nothing
but the published public keys (downloaded once from /api/v1/licences/seals)."""

from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest
from gmssl import sm2 as pure_sm2

from tongban.licences import sealing
from tongban.licences.selectors import verify_url
from tongban.licences.tests.builders import fixed_seal, issue_for, licence_world
from tongban.licences.verification import Verdict, verify_payload

pytestmark = pytest.mark.django_db


def _published(client) -> dict:
    res = client.get("/api/v1/licences/seals")
    assert res.status_code == 200
    return {k["key_id"]: k for k in res.json()}


def test_qr_payload_verifies_offline_with_only_the_published_key(client):
    w = licence_world()
    licence = issue_for(w)
    url = verify_url(licence)
    assert url.startswith("http://127.0.0.1:8000/licences/verify/?p=TBL1.")
    payload = parse_qs(urlparse(url).query)["p"][0]
    keys = _published(client)
    assert keys[licence.seal.key_id]["public_key"] == licence.seal.public_key
    assert keys[licence.seal.key_id]["signer_id"] == "1234567812345678"

    check = sealing.verify_payload_offline(payload, keys, date.today())
    assert check.authentic and not check.expired
    assert check.statement["id"] == licence.identifier
    assert check.statement["n"] == "食品经营许可证" and check.statement["h"] == w.applicant.display_name
    assert check.statement["hid"] == w.applicant.id_number[:4] + "*" * 10 + w.applicant.id_number[-4:]
    assert check.statement["d"] == licence.digest  # commits to the full canonical data


def test_an_independent_sm2_implementation_agrees(client):
    # The format is documented (sealing.py): a third party re-serialises the statement and verifies.
    w = licence_world()
    seal = fixed_seal(w.market)  # a fixed key: see builders.FIXED_SEAL_PUBLIC
    licence = issue_for(w)
    assert licence.seal == seal
    payload = parse_qs(urlparse(verify_url(licence)).query)["p"][0]
    statement, signature = sealing.decode_payload(payload)
    public = _published(client)[statement["k"]]["public_key"]
    message = sealing.canonical_json(statement)
    assert pure_sm2.CryptSM2(private_key="", public_key=public[2:]).verify_with_sm3(signature.hex(), message)
    assert not pure_sm2.CryptSM2(private_key="", public_key=public[2:]).verify_with_sm3(signature.hex(),
                                                                                         message + b" ")


def test_offline_check_refuses_unknown_keys_and_sees_expiry():
    w = licence_world()
    licence = issue_for(w)
    payload = parse_qs(urlparse(verify_url(licence)).query)["p"][0]
    assert not sealing.verify_payload_offline(payload, {}, date.today()).authentic
    keys = {licence.seal.key_id: {"public_key": licence.seal.public_key, "valid_from": "2000-01-01",
                                  "valid_until": ""}}
    later = sealing.verify_payload_offline(payload, keys, licence.valid_until.replace(year=licence.valid_until.year + 1))
    assert later.authentic and later.expired
    # A key published as retired before the sealing date does not vouch for it.
    keys[licence.seal.key_id]["valid_until"] = "2001-01-01"
    assert "有效期" in sealing.verify_payload_offline(payload, keys, date.today()).problem


def test_the_online_page_behind_the_qr_says_valid(client):
    w = licence_world()
    licence = issue_for(w)
    res = client.get(verify_url(licence).replace("http://127.0.0.1:8000", ""))
    page = res.content.decode()
    assert res.status_code == 200 and "核验结果：有效" in page
    assert licence.number in page and w.market.name in page
    assert w.applicant.id_number not in page  # masked on the public page
    assert verify_payload(parse_qs(urlparse(verify_url(licence)).query)["p"][0]).verdict == Verdict.VALID
