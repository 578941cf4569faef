"""Signal receivers of accounts: what a login sets up in the session; logins, failed logins, logouts and
lockouts in the platform's audit log (GB/T 22239-2019 8.1.4.3 安全审计: 重要的用户行为; docs/domain.md §11),
with the user name masked where it is an ID or phone number, the client's address (tongban/core/services.py
audit) and the channel: 管理后台, 网站 or 移动端."""

import time

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from tongban.accounts.middleware import AUTH_AT_SESSION_KEY, SEEN_SESSION_KEY
from tongban.accounts.models import StaffRole
from tongban.accounts.second_factor import HAS_DEVICE_SESSION_KEY, has_confirmed_device
from tongban.accounts.selectors import forget_roles
from tongban.core.masking import mask_login_name
from tongban.core.request_context import channel_of
from tongban.core.services import audit

LOGIN_AUDIT_UID = "tongban.accounts.login_audit"
CHANNELS = {"admin": "管理后台", "web": "网站", "mobile": "移动端"}


@receiver(user_logged_in, dispatch_uid="tongban.accounts.login_session")
def start_login_session(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is None:
        return
    now = int(time.time())
    session[AUTH_AT_SESSION_KEY] = now
    session[SEEN_SESSION_KEY] = now
    session[HAS_DEVICE_SESSION_KEY] = has_confirmed_device(user)


@receiver(user_locked_out, dispatch_uid="tongban.accounts.locked_out")
def record_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    name = mask_login_name(username or "")
    audit("登录保护", "accounts.login.locked_out", None, f"账号 {name or '（空）'} 连续登录失败，已临时锁定",
          {"username": name, "ip": ip_address or ""}, object_type="accounts.user", object_id=name[:80])


def login_channel(request) -> str:
    if request is None:
        return ""
    if (getattr(request, "path", "") or "").startswith("/admin/"):
        return "admin"
    return channel_of(request) if hasattr(request, "META") else ""


def _where(request) -> tuple[str, dict]:
    channel = login_channel(request)
    return (f"（{CHANNELS[channel]}）" if channel in CHANNELS else ""), {"channel": channel}


@receiver(user_logged_in, dispatch_uid=LOGIN_AUDIT_UID)
def record_login(sender, request, user, **kwargs):
    where, data = _where(request)
    name = mask_login_name(user.get_username())
    audit(user, "accounts.login", user, f"{name} 登录{where}", {**data, "username": name})


@receiver(user_login_failed, dispatch_uid="tongban.accounts.login_failed_audit")
def record_failed_login(sender, credentials, request=None, **kwargs):
    where, data = _where(request)
    name = mask_login_name(str((credentials or {}).get("username", "")))
    audit("登录保护", "accounts.login.failed", None, f"账号 {name or '（空）'} 登录失败{where}",
          {**data, "username": name}, object_type="accounts.user", object_id=name[:80])


@receiver(user_logged_out, dispatch_uid="tongban.accounts.logout_audit")
def record_logout(sender, request, user, **kwargs):
    if user is None:  # the session had already ended: nobody to name
        return
    where, data = _where(request)
    name = mask_login_name(user.get_username())
    audit(user, "accounts.logout", user, f"{name} 退出登录{where}", {**data, "username": name})


@receiver([post_save, post_delete], sender=StaffRole, dispatch_uid="tongban.accounts.forget_roles")
def forget_remembered_roles(sender, instance, **kwargs):
    # roles_of() remembers a user's roles on the user object; the object the role was given through
    # (an admin granting themselves a role, a test) must not keep the old answer.
    user = instance._state.fields_cache.get("user")
    if user is not None:
        forget_roles(user)
