"""Authentication backends: the lockout check of django-axes in front of Django's ModelBackend."""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Refuses a login while its username + IP is locked out (settings.AXES_*).

    Only password logins made through a web request can be attacked from outside and carry an IP to
    lock; `authenticate()` without a request (a management command, a script on the server) is
    passed on to the next backend instead of failing as AxesStandaloneBackend would.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
