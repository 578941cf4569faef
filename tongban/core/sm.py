"""国密 SM3 and SM2 (GB/T 32905-2016, GB/T 32918-2016/2017) on top of gmssl-fast (the GmSSL C library).

- SM3: the 256-bit hash of GB/T 32905.
- SM2 signatures (GB/T 32918.2) on the recommended curve of GB/T 32918.5: the signer hashes
  e = SM3(Z ‖ M), where Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) binds the signer's ID and key.
  We sign with the default ID "1234567812345678" (GB/T 35276-2017 §10, GM/T 0009), which is what
  GmSSL uses, so any standard SM2 library verifies our signatures with nothing but the public key.
- Signatures travel as raw r ‖ s (64 bytes); public keys as uncompressed "04 ‖ X ‖ Y" hex (130 chars).
- Keys and signatures come from gmssl-fast; verification uses OpenSSL's libcrypto where it passes a
  self-test on the standard example (sm_openssl.py), about four times faster, else gmssl-fast.

Only the recommended curve is supported by gmssl-fast; the test-curve example of GB/T 32918.2 is
checked in the tests with a textbook implementation (tongban/core/tests/sm2_reference.py).
"""

import os
from dataclasses import dataclass
from functools import lru_cache

import gmssl_fast

from tongban.core import sm_openssl

DEFAULT_USER_ID = b"1234567812345678"


@dataclass(frozen=True)
class Curve:
    p: int
    a: int
    b: int
    n: int
    gx: int
    gy: int


# GB/T 32918.5-2017 §3 (GM/T 0003.5-2012): the SM2 recommended curve sm2p256v1.
RECOMMENDED_CURVE = Curve(
    p=0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF,
    a=0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC,
    b=0x28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93,
    n=0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123,
    gx=0x32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7,
    gy=0xBC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0,
)


@dataclass(frozen=True)
class KeyPair:
    private_hex: str  # 64 hex characters
    public_hex: str   # 130 hex characters, "04" ‖ X ‖ Y


def sm3(data: bytes) -> bytes:
    return gmssl_fast.sm3(data)


def sm3_hex(data: bytes) -> str:
    return gmssl_fast.sm3(data).hex()


def normalise_public_key(public_hex: str) -> str:
    """"04" ‖ X ‖ Y in lower case; accepts the bare 128-character X ‖ Y form too."""
    key = (public_hex or "").strip().lower()
    if len(key) == 128:
        key = "04" + key
    if len(key) != 130 or not key.startswith("04"):
        raise ValueError("SM2 公钥应为130位十六进制（04‖X‖Y）")
    bytes.fromhex(key)  # raises ValueError on non-hex characters
    return key


def generate_keypair() -> KeyPair:
    key = gmssl_fast.SM2.generate()
    return KeyPair(private_hex=key.private_key_hex, public_hex=normalise_public_key(key.public_key_hex))


@lru_cache(maxsize=64)
def _signer(private_hex: str, public_hex: str) -> gmssl_fast.SM2:
    # Parsing a key costs an EC multiplication inside GmSSL: keep the handles of the active seals.
    return gmssl_fast.SM2(private_key=private_hex, public_key=public_hex)


@lru_cache(maxsize=256)
def _verifier(public_hex: str) -> gmssl_fast.SM2:
    return gmssl_fast.SM2(public_key=public_hex)


def sign(private_hex: str, public_hex: str, message: bytes) -> bytes:
    """SM2 signature over `message` with the default signer ID; raw r ‖ s, 64 bytes."""
    return _signer(private_hex.lower(), normalise_public_key(public_hex)).sign(message)


def verify(public_hex: str, message: bytes, signature: bytes, *, backend: str = "") -> bool:
    """True only for a valid signature; malformed keys or signatures are simply not valid.

    Verification runs on OpenSSL's libcrypto when it passed its self-test (sm_openssl.py, ~4× faster)
    and on gmssl-fast otherwise; TONGBAN_SM2_VERIFIER=gmssl (or backend="gmssl") forces gmssl-fast."""
    if len(signature) != 64:
        return False
    try:
        key = normalise_public_key(public_hex)
        if _use_openssl(backend):
            return sm_openssl.verify(key, message, signature, DEFAULT_USER_ID)
        return bool(_verifier(key).verify(message, signature))
    except (ValueError, gmssl_fast.GmsslError):
        return False


def _use_openssl(backend: str) -> bool:
    choice = backend or os.environ.get("TONGBAN_SM2_VERIFIER", "auto")
    if choice == "gmssl":
        return False
    if choice == "openssl":
        return True  # sm_openssl.verify raises if it is not there: asked for explicitly
    return sm_openssl.available()


def verify_backend() -> str:
    """Which library sm.verify uses in this process: "openssl" or "gmssl"."""
    return "openssl" if _use_openssl("") else "gmssl"


def z_value(public_hex: str, user_id: bytes = DEFAULT_USER_ID, curve: Curve = RECOMMENDED_CURVE) -> bytes:
    """Z_A of GB/T 32918.2 §5.5: SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA)."""
    key = normalise_public_key(public_hex)
    entl = (len(user_id) * 8).to_bytes(2, "big")
    size = (curve.p.bit_length() + 7) // 8
    parts = [curve.a, curve.b, curve.gx, curve.gy]
    body = b"".join(v.to_bytes(size, "big") for v in parts) + bytes.fromhex(key[2:])
    return sm3(entl + user_id + body)


def message_digest(public_hex: str, message: bytes, user_id: bytes = DEFAULT_USER_ID) -> bytes:
    """e = SM3(Z_A ‖ M): the value an SM2 signature actually signs (GB/T 32918.2 §6.1 A1–A2)."""
    return sm3(z_value(public_hex, user_id) + message)
