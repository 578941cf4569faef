"""Shareable verification links for the holder (亮证): a signed token that names the licence and
when the link stops working. Nothing is stored: the signature (SECRET_KEY, own salt) makes the token
unforgeable and the expiry inside it makes it run out; each link made is audited."""

from datetime import timedelta

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tongban.core.services import audit
from tongban.licences.models import Licence, LicenceStatus
from tongban.licences.selectors import licence_for_holder

SALT = "tongban.licences.share"
DAYS_CHOICES = {1: "1天", 7: "7天"}


def make_share_token(actor, licence: Licence, *, days: int, now=None) -> tuple[str, object]:
    """(token, expires_at). Only the holder (or the organisation's authorised agent) may share."""
    if licence_for_holder(actor, licence.identifier) is None:
        raise PermissionDenied("只能分享本人（本单位）的证照。")
    try:
        days = int(days)
    except (TypeError, ValueError):
        days = 0
    if days not in DAYS_CHOICES:
        raise ValidationError({"days": "“链接有效期”请选择 1 天或 7 天"})
    if licence.status != LicenceStatus.VALID:
        raise ValidationError(f"证照{licence.get_status_display()}，不能分享。")
    expires = (now or timezone.now()) + timedelta(days=days)
    token = signing.dumps({"i": licence.identifier, "e": int(expires.timestamp())}, salt=SALT, compress=True)
    audit(actor, "licences.share", licence, f"分享 {licence.licence_type.name} 核验链接，有效期 {DAYS_CHOICES[days]}",
          {"expires_at": expires.isoformat()}, object_id=licence.identifier)
    return token, expires


class ShareExpired(Exception):
    pass


def read_share_token(token: str, now=None) -> str:
    """The licence identifier, or ShareExpired / signing.BadSignature."""
    body = signing.loads(token, salt=SALT)
    if int(body["e"]) < (now or timezone.now()).timestamp():
        raise ShareExpired()
    return body["i"]
