"""Two-factor login (双因素认证) with django-otp: TOTP authenticator apps and one-time backup codes.

Who must pass it: staff (a StaffRole, is_staff or superuser) always — GB/T 22239-2019 8.1.4.1 d)
asks for 两种或两种以上组合的鉴别技术 for administrative users —, applicants only when they chose
to enrol a device. Writes here are audited like every other service.
"""

from base64 import b32encode
from binascii import unhexlify

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tongban.accounts.selectors import is_staff_member
from tongban.core.services import audit

TOTP_DEVICE_NAME = "身份验证器"
BACKUP_DEVICE_NAME = "备用验证码"
BACKUP_CODE_COUNT = 10
# Set at login and at enrolment: this session's user has a device, so they must use it.
HAS_DEVICE_SESSION_KEY = "tb_has_otp_device"


def has_confirmed_device(user) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def needs_second_factor(request) -> bool:
    user = request.user
    return is_staff_member(user) or bool(request.session.get(HAS_DEVICE_SESSION_KEY))


# -- enrolment ----------------------------------------------------------------------------------

@transaction.atomic
def start_enrolment(user) -> TOTPDevice:
    """The unconfirmed authenticator being set up for `user` (one at a time; a new secret each
    time one is started, so a QR code shown earlier on another screen stops working)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)


def pending_enrolment(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def secret_base32(device: TOTPDevice) -> str:
    """The secret as authenticator apps take it by hand, in groups of four."""
    raw = b32encode(unhexlify(device.key)).decode().rstrip("=")
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def _clean_token(token: str) -> str:
    return "".join((token or "").split()).lower()


@transaction.atomic
def confirm_enrolment(actor, device: TOTPDevice, token: str) -> list[str]:
    """Confirm the authenticator with a code it shows; returns the new backup codes (shown once)."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    token = _clean_token(token)
    if not token.isdigit() or len(token) != device.digits:
        raise ValidationError({"token": [f"请输入身份验证器上显示的{device.digits}位数字验证码"]})
    if not device.verify_token(token):
        raise ValidationError({"token": ["验证码不正确或已过期，请核对手机时间后输入最新的验证码"]})
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    # A new phone replaces the old one: the old authenticator stops working.
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    audit(actor, "accounts.second_factor.enrol", device.user, f"{device.user.username} 绑定身份验证器",
          {"device": device.persistent_id})
    return _replace_backup_codes(device.user)


@transaction.atomic
def new_backup_codes(actor, user) -> list[str]:
    codes = _replace_backup_codes(user)
    audit(actor, "accounts.second_factor.backup_codes", user, f"{user.username} 重新生成备用验证码",
          {"count": len(codes)})
    return codes


def _replace_backup_codes(user, codes: list[str] | None = None) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = codes or [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


@transaction.atomic
def give_device(actor, user, *, key_hex: str, backup_codes: list[str] | None = None) -> TOTPDevice:
    """An administrator issues a confirmed authenticator with a known secret (the demo city's
    published one, or a hardware token's). Replaces any authenticator the user had."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice(user=user, name=TOTP_DEVICE_NAME, key=key_hex, confirmed=True)
    device.full_clean(exclude=["user"])
    device.save()
    if backup_codes:
        _replace_backup_codes(user, backup_codes)
    audit(actor, "accounts.second_factor.issue", user, f"为 {user.username} 配发身份验证器",
          {"backup_codes": len(backup_codes or [])})
    return device


@transaction.atomic
def reset_second_factor(actor, user) -> int:
    """Lost phone: remove every authenticator and backup code; the next login enrols a new one."""
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    audit(actor, "accounts.second_factor.reset", user, f"重置 {user.username} 的双因素认证", {"devices": removed})
    return removed


# -- verification -------------------------------------------------------------------------------

def verify(user, token: str):
    """The confirmed device that accepts `token` (a TOTP code or an unused backup code), or raise
    ValidationError with the reason. Each device throttles its own failures (1, 2, 4 … seconds)."""
    token = _clean_token(token)
    if not token:
        raise ValidationError({"token": ["请输入验证码"]})
    # Six digits are an authenticator code, anything else a backup code: trying a code on the wrong
    # kind of device would count as a failure there and slow down the next attempt.
    kind = TOTPDevice if token.isdigit() and len(token) == 6 else StaticDevice
    waiting_until = None
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if not isinstance(device, kind):
                continue
            allowed, info = device.verify_is_allowed()
            if not allowed:
                until = (info or {}).get("locked_until")
                if until and (waiting_until is None or until > waiting_until):
                    waiting_until = until
                continue
            if device.verify_token(token):
                return device
    if waiting_until is not None and waiting_until > timezone.now():
        when = timezone.localtime(waiting_until).strftime("%H:%M:%S")
        raise ValidationError({"token": [f"验证码错误次数过多，请在 {when} 之后再试"]})
    raise ValidationError({"token": ["验证码不正确或已使用，请输入身份验证器上最新的验证码或一个未用过的备用验证码"]})


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
