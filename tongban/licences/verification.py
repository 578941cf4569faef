"""Is this licence genuine and in force? The answer of the verify page, the API and shared links.

Verdicts: 有效 (valid), 已注销 (revoked), 已过期 (expired), 已变更 (superseded by a newer version),
被篡改 (tampered: the signature does not match the content, in the QR code or in our own records).
The seal is checked before the status: a record altered in the database (one character of its data)
no longer matches its SM3 digest or SM2 signature and is reported as tampered, whatever its status.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone

from tongban.core import sm
from tongban.licences import sealing
from tongban.licences.models import Licence, LicenceStatus, Seal


class Verdict(models.TextChoices):
    VALID = "valid", "有效"
    REVOKED = "revoked", "已注销"
    EXPIRED = "expired", "已过期"
    SUPERSEDED = "superseded", "已变更"
    TAMPERED = "tampered", "被篡改"


@dataclass
class Result:
    verdict: str
    message: str
    licence: Licence | None = None
    statement: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return Verdict(self.verdict).label

    @property
    def ok(self) -> bool:
        return self.verdict == Verdict.VALID


def _seal_matches(licence: Licence) -> str:
    """'' when the stored record still matches its seal, else what is wrong (Chinese)."""
    digest = sealing.digest_of(licence)
    if digest != licence.digest:
        return "证照数据与签章时的摘要不一致，数据已被改动"
    seal = licence.seal
    signed = sealing.statement(licence, digest=digest, key_id=seal.key_id,
                               sealed_on=timezone.localdate(licence.sealed_at))
    try:
        signature = bytes.fromhex(licence.signature)
    except ValueError:
        return "签名格式损坏"
    if not sm.verify(seal.public_key, sealing.canonical_json(signed), signature):
        return "电子印章签名与证照内容不符"
    if not seal.covers(licence.sealed_at):
        return "签章时间不在该印章的有效期内"
    return ""


def _status_result(licence: Licence, statement: dict) -> Result:
    if licence.status == LicenceStatus.REVOKED:
        return Result(Verdict.REVOKED, f"该证照已于 {timezone.localtime(licence.revoked_at):%Y年%m月%d日} 注销："
                                       f"{licence.revoke_reason}", licence, statement)
    if licence.status == LicenceStatus.SUPERSEDED:
        newer = getattr(licence, "next_version", None)
        tail = f"，现行版本标识 {newer.identifier}" if newer else ""
        return Result(Verdict.SUPERSEDED, f"该证照已变更，此版本不再有效{tail}。", licence, statement)
    if licence.valid_until and licence.valid_until < timezone.localdate():
        return Result(Verdict.EXPIRED, f"该证照有效期至 {licence.valid_until:%Y年%m月%d日}，已过期。", licence, statement)
    return Result(Verdict.VALID, f"该证照由{licence.issuer.name}签发，电子印章验证通过，现行有效。", licence, statement)


def _statement_of(licence: Licence) -> dict:
    return sealing.statement(licence, digest=licence.digest, key_id=licence.seal.key_id,
                             sealed_on=timezone.localdate(licence.sealed_at))


def verify_record(licence: Licence) -> Result:
    """Check a licence as we hold it (the verify page by identifier, the holder's shared link)."""
    problem = _seal_matches(licence)
    if problem:
        return Result(Verdict.TAMPERED, problem, licence, _statement_of(licence))
    return _status_result(licence, _statement_of(licence))


def _licence(identifier: str) -> Licence | None:
    return (Licence.objects.select_related("licence_type", "issuer", "seal", "previous")
            .filter(identifier=identifier).first())


def verify_identifier(identifier: str) -> Result | None:
    licence = _licence(identifier)
    return verify_record(licence) if licence else None


def published_keys() -> dict[str, dict]:
    """Every seal ever used, as an offline verifier downloads them (selectors.public_seals)."""
    return {s.key_id: {"public_key": s.public_key,
                       "valid_from": timezone.localtime(s.valid_from).isoformat(),
                       "valid_until": timezone.localtime(s.valid_until).isoformat() if s.valid_until else ""}
            for s in Seal.objects.all()}


def verify_payload(payload: str) -> Result:
    """Check a scanned QR payload: first exactly as an offline verifier would (published keys only),
    then against the register for revocation, changes and the integrity of our own record."""
    offline = sealing.verify_payload_offline(payload, published_keys(), timezone.localdate())
    if not offline.authentic:
        return Result(Verdict.TAMPERED, offline.problem, None, offline.statement)
    licence = _licence(offline.statement["id"])
    if licence is None:
        return Result(Verdict.TAMPERED, "证照库中没有该标识的证照", None, offline.statement)
    problem = _seal_matches(licence)
    if problem:
        return Result(Verdict.TAMPERED, problem, licence, offline.statement)
    if offline.statement.get("d") != licence.digest or offline.statement.get("k") != licence.seal.key_id:
        return Result(Verdict.TAMPERED, "二维码内容与证照库记录不一致", licence, offline.statement)
    return _status_result(licence, offline.statement)
