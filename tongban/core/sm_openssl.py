"""SM2 signature verification through the system's OpenSSL 3 libcrypto (ctypes): about 4× the rate
of GmSSL's generic code on this hardware (docs/benchmarks.md, licence_verify).

Verification only — keys are generated and signatures made by gmssl-fast (tongban/core/sm.py).
Used only after a self-test on the GB/T 32918.5 Annex A example (valid accepted, one changed byte of
the message refused); where libcrypto is missing, too old or built without SM2, `available()` is False
and sm.verify stays with gmssl-fast.
"""

import ctypes
import ctypes.util
import threading
from functools import lru_cache

# SubjectPublicKeyInfo prefix: id-ecPublicKey (1.2.840.10045.2.1) with the SM2 curve (1.2.156.10197.1.301).
_SPKI_PREFIX = bytes.fromhex("3059301306072a8648ce3d020106082a811ccf5501822d034200")
_lib = None
_md = None
_ready: bool | None = None
_lock = threading.Lock()


def _load():
    name = ctypes.util.find_library("crypto")
    if not name:
        return None
    lib = ctypes.CDLL(name)
    vp, cp = ctypes.c_void_p, ctypes.c_char_p
    signatures = {
        "d2i_PUBKEY": (vp, [vp, ctypes.POINTER(cp), ctypes.c_long]),
        "EVP_PKEY_free": (None, [vp]),
        "EVP_MD_CTX_new": (vp, []),
        "EVP_MD_CTX_free": (None, [vp]),
        "EVP_PKEY_CTX_new": (vp, [vp, vp]),
        "EVP_PKEY_CTX_free": (None, [vp]),
        "EVP_PKEY_CTX_set1_id": (ctypes.c_int, [vp, cp, ctypes.c_int]),
        "EVP_MD_CTX_set_pkey_ctx": (None, [vp, vp]),
        "EVP_sm3": (vp, []),
        "EVP_DigestVerifyInit": (ctypes.c_int, [vp, vp, vp, vp, vp]),
        "EVP_DigestVerify": (ctypes.c_int, [vp, cp, ctypes.c_size_t, cp, ctypes.c_size_t]),
        "ERR_clear_error": (None, []),
    }
    for fname, (restype, argtypes) in signatures.items():
        fn = getattr(lib, fname)  # AttributeError: an OpenSSL without this API (1.1.x) is not used
        fn.restype, fn.argtypes = restype, argtypes
    return lib


class _PublicKey:
    """An EVP_PKEY for one SM2 public key, freed with the object."""

    def __init__(self, public_hex: str):
        der = _SPKI_PREFIX + bytes.fromhex(public_hex)
        cursor = ctypes.c_char_p(der)
        self.pkey = _lib.d2i_PUBKEY(None, ctypes.byref(cursor), len(der))
        if not self.pkey:
            _lib.ERR_clear_error()
            raise ValueError("SM2 公钥不在曲线上或格式不正确")

    def __del__(self):
        if getattr(self, "pkey", None) and _lib is not None:
            _lib.EVP_PKEY_free(self.pkey)


@lru_cache(maxsize=256)
def _key(public_hex: str) -> _PublicKey:
    return _PublicKey(public_hex)


def _der_integer(raw: bytes) -> bytes:
    raw = raw.lstrip(b"\0") or b"\0"
    if raw[0] & 0x80:
        raw = b"\0" + raw
    return b"\x02" + bytes([len(raw)]) + raw


def _der_signature(raw: bytes) -> bytes:
    body = _der_integer(raw[:32]) + _der_integer(raw[32:])
    return b"\x30" + bytes([len(body)]) + body


def _verify(public_hex: str, message: bytes, signature: bytes, user_id: bytes) -> bool:
    key = _key(public_hex)
    mctx = _lib.EVP_MD_CTX_new()
    pctx = _lib.EVP_PKEY_CTX_new(key.pkey, None)
    try:
        if not mctx or not pctx or _lib.EVP_PKEY_CTX_set1_id(pctx, user_id, len(user_id)) != 1:
            return False
        _lib.EVP_MD_CTX_set_pkey_ctx(mctx, pctx)
        if _lib.EVP_DigestVerifyInit(mctx, None, _md, None, key.pkey) != 1:
            return False
        der = _der_signature(signature)
        return _lib.EVP_DigestVerify(mctx, der, len(der), message, len(message)) == 1
    finally:
        # EVP_MD_CTX_set_pkey_ctx() does not hand over ownership (EVP_MD_CTX_FLAG_KEEP_PKEY_CTX): free both.
        if mctx:
            _lib.EVP_MD_CTX_free(mctx)
        if pctx:
            _lib.EVP_PKEY_CTX_free(pctx)
        _lib.ERR_clear_error()  # a failed verification leaves errors in this thread's OpenSSL queue


def available() -> bool:
    """libcrypto with SM2 present and correct on the standard example (checked once per process)."""
    global _lib, _md, _ready
    if _ready is None:
        with _lock:
            if _ready is None:
                try:
                    _lib = _load()
                    _md = _lib.EVP_sm3() if _lib is not None else None
                    _ready = bool(_md) and _self_test()
                except (OSError, AttributeError, ValueError):
                    _ready = False
    return _ready


def _self_test() -> bool:
    from tongban.core.sm import DEFAULT_USER_ID

    # GB/T 32918.5-2017 Annex A: recommended curve, ID 1234567812345678, message "message digest".
    public = ("0409F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
              "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13").lower()
    signature = bytes.fromhex("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3"
                              "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA")
    return (_verify(public, b"message digest", signature, DEFAULT_USER_ID)
            and not _verify(public, b"message digesT", signature, DEFAULT_USER_ID))


def verify(public_hex: str, message: bytes, signature: bytes, user_id: bytes) -> bool:
    if not available():
        raise RuntimeError("OpenSSL SM2 verification is not available")
    return _verify(public_hex, message, signature, user_id)
