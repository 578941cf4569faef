"""Signal receivers of accounts: what a login sets up in the session, and lockouts in the audit log."""

import time

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from tongban.accounts.middleware import AUTH_AT_SESSION_KEY, SEEN_SESSION_KEY
from tongban.accounts.models import StaffRole
from tongban.accounts.second_factor import HAS_DEVICE_SESSION_KEY, has_confirmed_device
from tongban.accounts.selectors import forget_roles
from tongban.core.services import audit


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
    audit("登录保护", "accounts.login.locked_out", None, f"账号 {username or '（空）'} 连续登录失败，已临时锁定",
          {"username": username or "", "ip": ip_address or ""}, object_type="accounts.user",
          object_id=(username or "")[:80])


@receiver([post_save, post_delete], sender=StaffRole, dispatch_uid="tongban.accounts.forget_roles")
def forget_remembered_roles(sender, instance, **kwargs):
    # roles_of() remembers a user's roles on the user object; the object the role was given through
    # (an admin granting themselves a role, a test) must not keep the old answer.
    user = instance._state.fields_cache.get("user")
    if user is not None:
        forget_roles(user)
