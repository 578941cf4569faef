"""The platform administrator rotates a department's seal: new licences are sealed with the new key,
licences sealed before still verify (online and offline), and private keys are stored encrypted."""

from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from tongban.core import sm
from tongban.core.models import AuditEvent
from tongban.licences import sealing
from tongban.licences.keystore import SealKeyError, decrypt_private_key
from tongban.licences.models import Seal, SealStatus
from tongban.licences.selectors import verify_url
from tongban.licences.services.seals import create_seal, rotate_seal, sign_with
from tongban.licences.tests.builders import issue_for, licence_world
from tongban.licences.verification import Verdict, verify_identifier, verify_payload

pytestmark = pytest.mark.django_db


def test_rotation_keeps_old_licences_valid_and_seals_new_ones_with_the_new_key(client):
    w = licence_world()
    before = issue_for(w)
    old_seal = before.seal
    new_seal = rotate_seal(w.admin, w.market, reason="年度密钥轮换")
    after = issue_for(w, number="JY14314020000002")

    old_seal.refresh_from_db()
    assert old_seal.status == SealStatus.RETIRED and old_seal.valid_until is not None
    assert after.seal == new_seal and new_seal.key_id != old_seal.key_id
    assert verify_identifier(before.identifier).verdict == Verdict.VALID
    assert verify_identifier(after.identifier).verdict == Verdict.VALID
    old_payload = parse_qs(urlparse(verify_url(before)).query)["p"][0]
    assert verify_payload(old_payload).verdict == Verdict.VALID

    # Both keys stay published, with their validity, and verify offline.
    published = {k["key_id"]: k for k in client.get("/api/v1/licences/seals").json()}
    assert published[old_seal.key_id]["status"]["code"] == "retired"
    assert published[new_seal.key_id]["status"]["code"] == "active"
    assert sealing.verify_payload_offline(old_payload, published, date.today()).authentic
    page = client.get("/licences/seals/").content.decode()
    assert old_seal.public_key in page and new_seal.public_key in page
    assert AuditEvent.objects.filter(action="licences.seal.rotate", data__reason="年度密钥轮换",
                                     data__old_key_id=old_seal.key_id).exists()


def test_a_retired_seal_cannot_sign():
    w = licence_world()
    issue_for(w)
    old = Seal.objects.get(department=w.market)
    rotate_seal(w.admin, w.market, reason="密钥可能泄露")
    old.refresh_from_db()
    with pytest.raises(ValidationError, match="已停用"):
        sign_with(old, b"anything")


def test_only_platform_administrators_rotate_and_a_reason_is_required():
    w = licence_world()
    with pytest.raises(PermissionDenied):
        rotate_seal(w.approver, w.market, reason="越权")
    with pytest.raises(ValidationError) as err:
        rotate_seal(w.admin, w.market, reason="")
    assert "轮换原因" in err.value.message_dict["reason"][0]
    create_seal(w.admin, w.market)
    with pytest.raises(ValidationError, match="已有在用的电子印章"):
        create_seal(w.admin, w.market)


def test_private_keys_are_stored_encrypted_under_the_seal_key():
    w = licence_world()
    seal = create_seal(w.admin, w.market)
    stored = seal.private_key_encrypted
    private_hex = decrypt_private_key(stored, seal.key_id)
    assert private_hex not in stored and stored.startswith("v1:")
    signature = sm.sign(private_hex, seal.public_key, b"x")
    assert sm.verify(seal.public_key, b"x", signature)  # the key pair belongs together
    with pytest.raises(SealKeyError):
        decrypt_private_key(stored, "another-key-id")  # bound to its seal
    with override_settings(TONGBAN_SEAL_KEY="a-different-secret"), pytest.raises(SealKeyError):
        decrypt_private_key(stored, seal.key_id)
