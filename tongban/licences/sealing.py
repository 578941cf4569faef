"""What a licence seal signs, and the QR payload that lets anyone check it offline.

1. Canonical licence data — a JSON object with exactly these keys:
       identifier, version, previous, number, type {code, name}, issuer {name, credit_code},
       holder {kind, name, id_type, id_number}, issued_on (YYYY-MM-DD), valid_until (YYYY-MM-DD or "长期"),
       data {template field key: value}
   serialised as canonical JSON: keys sorted at every level, UTF-8 (no \\u escapes), no whitespace
   (separators "," and ":"), no trailing newline. digest = SM3(canonical bytes), 64 lower-case hex.
2. The seal statement — a small JSON object that binds the digest to the identifier and repeats what a
   person checking the paper needs to see:
       v (format 1), id (identifier), k (seal key id), d (digest), t (sealing date), n (type name),
       o (issuer name), h (holder name), hid (holder ID, masked), iss (issue date), exp (expiry or "")
   The seal is the SM2 signature (GB/T 32918.2, default signer ID "1234567812345678") over the
   statement's canonical JSON bytes, raw r ‖ s.
3. The QR payload is the statement plus "s" (the signature, base64url without padding), as canonical
   JSON, base64url-encoded without padding, prefixed "TBL1." — carried in the QR as the `p` parameter of
   the public verification URL, so a phone opens the online check while an offline verifier reads `p`,
   drops "s", re-serialises the rest and verifies it with the published key `k` (verify_payload_offline).
"""

import base64
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from tongban.core import sm
from tongban.core.masking import mask_id_number

BEIJING = ZoneInfo("Asia/Shanghai")

PAYLOAD_PREFIX = "TBL1."
LONG_TERM = "长期"


def canonical_json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _day(value) -> str:
    return value.isoformat() if isinstance(value, date) else str(value or "")


def canonical_data(licence) -> dict:
    """The licence as sealed: every field that matters, nothing that changes after sealing (status)."""
    t, issuer = licence.licence_type, licence.issuer
    return {
        "identifier": licence.identifier,
        "version": licence.version,
        "previous": licence.previous.identifier if licence.previous_id else "",
        "number": licence.number,
        "type": {"code": t.code, "name": t.name},
        "issuer": {"name": issuer.name, "credit_code": issuer.credit_code},
        "holder": {"kind": licence.holder_kind, "name": licence.holder_name, "id_type": licence.holder_id_type,
                   "id_number": licence.holder_id_number},
        "issued_on": _day(licence.issued_on),
        "valid_until": _day(licence.valid_until) if licence.valid_until else LONG_TERM,
        "data": licence.data or {},
    }


def digest_of(licence) -> str:
    return sm.sm3_hex(canonical_json(canonical_data(licence)))


def statement(licence, *, digest: str, key_id: str, sealed_on) -> dict:
    return {
        "v": 1,
        "id": licence.identifier,
        "k": key_id,
        "d": digest,
        "t": _day(sealed_on),
        "n": licence.licence_type.name,
        "o": licence.issuer.name,
        "h": licence.holder_name,
        "hid": mask_id_number(licence.holder_id_number),
        "iss": _day(licence.issued_on),
        "exp": _day(licence.valid_until) if licence.valid_until else "",
    }


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_payload(signed_statement: dict, signature: bytes) -> str:
    return PAYLOAD_PREFIX + _b64(canonical_json({**signed_statement, "s": _b64(signature)}))


class PayloadError(ValueError):
    """The text is not a licence QR payload (damaged, cut short or from something else)."""


def decode_payload(payload: str) -> tuple[dict, bytes]:
    """(statement, signature) from a QR payload; PayloadError when it cannot be read."""
    text = (payload or "").strip()
    if not text.startswith(PAYLOAD_PREFIX):
        raise PayloadError("不是电子证照二维码内容")
    try:
        body = json.loads(_unb64(text[len(PAYLOAD_PREFIX):]).decode("utf-8"))
        signature = _unb64(body.pop("s"))
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise PayloadError("二维码内容已损坏，无法读取") from exc
    if not isinstance(body, dict) or not {"id", "k", "d"} <= set(body):
        raise PayloadError("二维码内容不完整")
    if not _flat_text(body):
        raise PayloadError("二维码内容已损坏，无法读取")
    return body, signature


_UNENCODABLE = re.compile("[\x00\ud800-\udfff]")


def _flat_text(body: dict) -> bool:
    """What a sealed statement holds (statement()): numbers, and text that can be encoded again for
    the signature check and the page (a crafted payload may carry lists, a NUL or a lone surrogate)."""
    return all(not _UNENCODABLE.search(k) and (isinstance(v, int) or isinstance(v, str) and not _UNENCODABLE.search(v))
               for k, v in body.items())


@dataclass(frozen=True)
class OfflineCheck:
    authentic: bool       # the statement was sealed by the key it names, while that key was in service
    expired: bool
    statement: dict
    problem: str = ""     # Chinese, when not authentic


def _beijing_day(value) -> str:
    """YYYY-MM-DD in Beijing time of a published date or ISO date-time (any offset), as t is written."""
    text = str(value or "")
    if len(text) <= 10:
        return text
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is not None:
        moment = moment.astimezone(BEIJING)
    return moment.date().isoformat()


def verify_payload_offline(payload: str, published_keys: dict[str, dict], today: date) -> OfflineCheck:
    """Check a QR payload with nothing but the published keys: {key_id: {"public_key", "valid_from",
    "valid_until"}} as served at /api/v1/licences/seals (dates as YYYY-MM-DD or ISO date-times).

    Revocation cannot be known offline; the online check adds it."""
    try:
        body, signature = decode_payload(payload)
    except PayloadError as exc:
        return OfflineCheck(False, False, {}, str(exc))
    key = published_keys.get(body.get("k"))
    if key is None:
        return OfflineCheck(False, False, body, "签章密钥不在公布的公钥列表中")
    if not sm.verify(key["public_key"], canonical_json(body), signature):
        return OfflineCheck(False, False, body, "签名与内容不符，证照内容被篡改或二维码不完整")
    sealed_on = str(body.get("t", ""))
    if sealed_on < _beijing_day(key.get("valid_from")) or \
            (key.get("valid_until") and sealed_on > _beijing_day(key["valid_until"])):
        return OfflineCheck(False, False, body, "签章时间不在该印章的有效期内")
    expired = bool(body.get("exp")) and body["exp"] < today.isoformat()
    return OfflineCheck(True, expired, body)


def payload_for(licence) -> str:
    """The QR payload of a sealed licence, rebuilt from the stored record and signature."""
    from django.utils import timezone

    signed = statement(licence, digest=licence.digest, key_id=licence.seal.key_id,
                       sealed_on=timezone.localdate(licence.sealed_at))
    return encode_payload(signed, bytes.fromhex(licence.signature))
