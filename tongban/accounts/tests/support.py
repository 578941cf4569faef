"""Test support for login security: test logins count as having passed the second factor.

Tests log people in with `client.force_login(user)` (no password, no phone). For staff that is
not enough any more: the SecondFactorMiddleware sends an unverified staff session to the
second-factor page. `install_verified_test_logins()` (called from the root conftest.py) makes
force_login also record a passed second factor, the way the real second-factor page does: a
confirmed authenticator of the user's own, named in the session. The middleware's check is the
production one; only how the test session got its verified device differs.

Tests of the second factor itself log in with `force_login_password_only(client, user)`.

A test login is a shortcut, not a visit: it leaves no "accounts.login" entry in the audit log (which
would otherwise be the newest entry in every test that reads the log). Tests of the login audit log in
through the login page.
"""

from django.test.client import ClientMixin
from django_otp import DEVICE_ID_SESSION_KEY

TEST_DEVICE_NAME = "测试用身份验证器"
_password_only = ClientMixin.force_login


def pass_second_factor(client, user) -> None:
    """Mark the client's logged-in session as having passed the second factor for `user`."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, name=TEST_DEVICE_NAME, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TEST_DEVICE_NAME, confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def _unaudited_login(client, user, backend=None) -> None:
    from django.contrib.auth.signals import user_logged_in

    from tongban.accounts.receivers import LOGIN_AUDIT_UID, record_login

    user_logged_in.disconnect(dispatch_uid=LOGIN_AUDIT_UID)
    try:
        _password_only(client, user, backend)
    finally:
        user_logged_in.connect(record_login, dispatch_uid=LOGIN_AUDIT_UID)


def force_login_password_only(client, user, backend=None) -> None:
    """Log in as after the password step alone (the second factor still owed)."""
    _unaudited_login(client, user, backend)


def _force_login_with_second_factor(self, user, backend=None):
    _unaudited_login(self, user, backend)
    pass_second_factor(self, user)


def install_verified_test_logins() -> None:
    ClientMixin.force_login = _force_login_with_second_factor
