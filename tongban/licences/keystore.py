"""Seal private keys at rest: AES-256-GCM under a key derived from settings.TONGBAN_SEAL_KEY.

The database alone never yields a usable private key. The key id is bound as associated data, so an
encrypted key copied onto another seal row does not decrypt. Stored as "v1:" + base64(nonce ‖ ct ‖ tag).
Rotating TONGBAN_SEAL_KEY itself means decrypting with the old value and encrypting with the new one
(a deliberate operation, not done here).
"""

import base64
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

PREFIX = "v1:"


class SealKeyError(Exception):
    """The stored private key cannot be decrypted (wrong TONGBAN_SEAL_KEY or damaged row)."""


def _aead() -> AESGCM:
    secret = settings.TONGBAN_SEAL_KEY.encode()
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"tongban seal private keys v1").derive(secret)
    return AESGCM(key)


def encrypt_private_key(private_hex: str, key_id: str) -> str:
    nonce = os.urandom(12)
    sealed = _aead().encrypt(nonce, bytes.fromhex(private_hex), key_id.encode())
    return PREFIX + base64.b64encode(nonce + sealed).decode()


def decrypt_private_key(stored: str, key_id: str) -> str:
    if not stored.startswith(PREFIX):
        raise SealKeyError("印章私钥格式无法识别")
    raw = base64.b64decode(stored[len(PREFIX):])
    try:
        return _aead().decrypt(raw[:12], raw[12:], key_id.encode()).hex()
    except Exception as exc:  # cryptography raises InvalidTag; anything else is damage too
        raise SealKeyError("印章私钥无法解密：TONGBAN_SEAL_KEY 不正确或数据已损坏") from exc
