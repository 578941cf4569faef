"""Test support for login security: test logins count as having passed the second factor.

Tests log people in with `client.force_login(user)` (no password, no phone). For staff that is
not enough any more: the SecondFactorMiddleware sends an unverified staff session to the
second-factor page. `install_verified_test_logins()` (called from the root conftest.py) makes
force_login also record a passed second factor, the way the real second-factor page does: a
confirmed authenticator of the user's own, named in the session. The middleware's check is the
production one; only how the test session got its verified device differs.

Tests of the second factor itself log in with `force_login_password_only(client, user)`.
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


def force_login_password_only(client, user, backend=None) -> None:
    """Log in as after the password step alone (the second factor still owed)."""
    _password_only(client, user, backend)


def _force_login_with_second_factor(self, user, backend=None):
    _password_only(self, user, backend)
    pass_second_factor(self, user)


def install_verified_test_logins() -> None:
    ClientMixin.force_login = _force_login_with_second_factor
