"""The second step of logging in (双因素认证) and setting up an authenticator. Thin: the work is
in tongban.accounts.second_factor."""

from urllib.parse import quote

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from tongban.accounts import second_factor as sf
from tongban.accounts.selectors import is_staff_member
from tongban.core import qr
from tongban.core.masking import mask_login_name
from tongban.core.services import audit

BACKUP_CODES_SESSION_KEY = "tb_new_backup_codes"  # shown once on the next page, then dropped


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    # A path of this site only: redirect() would take "-1" or "home" for the name of a view (a 500).
    if target.startswith("/") and url_has_allowed_host_and_scheme(
            target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return "/my/"


def _to(name: str, request) -> str:
    return f"{reverse(name)}?next={quote(_next(request))}"


def _errors(exc: ValidationError) -> list[str]:
    return exc.message_dict.get("token", exc.messages) if hasattr(exc, "message_dict") else exc.messages


@never_cache
@sensitive_post_parameters("token")
@login_required
def second_factor(request):
    """Type the code of the authenticator (or a backup code) to finish logging in."""
    user = request.user
    if user.is_verified():
        return redirect(_next(request))
    if not sf.has_confirmed_device(user):
        return redirect(_to("second-factor-enrol", request))
    errors = []
    if request.method == "POST":
        try:
            device = sf.verify(user, request.POST.get("token", ""))
        except ValidationError as exc:
            errors = _errors(exc)
            audit(user, "accounts.second_factor.fail", user, f"{user.username} 双因素认证验证码错误")
        else:
            django_otp.login(request, device)
            request.session[sf.HAS_DEVICE_SESSION_KEY] = True
            audit(user, "accounts.login.second_factor", user, f"{mask_login_name(user.username)} 通过双因素认证")
            if device.name == sf.BACKUP_DEVICE_NAME:
                left = sf.backup_codes_left(user)
                messages.warning(request, f"您使用了一个备用验证码，还剩 {left} 个。" +
                                 ("请尽快重新生成备用验证码。" if left <= 3 else ""))
            return redirect(_next(request))
    return render(request, "accounts/second_factor.html", {"errors": errors, "next": _next(request)},
                  status=400 if errors else 200)


@never_cache
@sensitive_post_parameters("token")
@login_required
def enrol(request):
    """Set up an authenticator app: scan the QR code (or type the secret), confirm with a code.

    Someone who already has one must pass it first: a stolen password alone must not be enough to
    put the thief's phone on the account."""
    user = request.user
    if sf.has_confirmed_device(user) and not user.is_verified():
        return redirect(_to("second-factor", request))
    errors = []
    device = sf.pending_enrolment(user)
    if request.method == "POST" and device is not None:
        try:
            codes = sf.confirm_enrolment(user, device, request.POST.get("token", ""))
        except ValidationError as exc:
            errors = _errors(exc)
        else:
            device.refresh_from_db()
            django_otp.login(request, device)
            request.session[sf.HAS_DEVICE_SESSION_KEY] = True
            request.session[BACKUP_CODES_SESSION_KEY] = codes
            return redirect(_to("second-factor-backup-codes", request))
    if not errors:
        device = sf.start_enrolment(user)  # a fresh secret each time the page is opened
    url = device.config_url
    return render(request, "accounts/enrol.html", {
        "errors": errors, "next": _next(request), "secret": sf.secret_base32(device), "otpauth_url": url,
        "qr_svg": qr.svg(url, title="用身份验证器扫描此二维码"), "is_staff_member": is_staff_member(user),
    }, status=400 if errors else 200)


@never_cache
@login_required
def backup_codes(request):
    """The backup codes just made (shown once), and a button to make a new set."""
    user = request.user
    if not user.is_verified():
        return redirect(_to("second-factor", request))
    if request.method == "POST":
        request.session[BACKUP_CODES_SESSION_KEY] = sf.new_backup_codes(user, user)
        return redirect(_to("second-factor-backup-codes", request))
    codes = request.session.pop(BACKUP_CODES_SESSION_KEY, None)
    return render(request, "accounts/backup_codes.html", {
        "codes": codes, "left": sf.backup_codes_left(user), "next": _next(request)})


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers while a username + IP is locked out (settings.AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html",
                  {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}, status=429)
