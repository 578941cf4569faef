"""Login security on every request: staff session time limits and the second-factor gate.

Both come after django_otp's OTPMiddleware (which tells whether this session passed a second
factor) in settings.MIDDLEWARE.
"""

import time
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from tongban.accounts.second_factor import needs_second_factor
from tongban.accounts.selectors import is_staff_member

AUTH_AT_SESSION_KEY = "tb_auth_at"  # when the password was checked (epoch seconds)
SEEN_SESSION_KEY = "tb_seen_at"  # last request of this session, to the minute
SEEN_RESOLUTION = 60  # seconds: the session row is written at most once a minute per user

# Views a logged-in person who still owes the second factor may open.
SECOND_FACTOR_OPEN = {
    "login", "logout", "second-factor", "second-factor-enrol", "second-factor-backup-codes", "set_language",
    "large-text", "admin:login", "admin:logout",
}


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _send_to(request, url: str, *, code: str, message: str, status: int):
    if _is_api(request):
        return JsonResponse({"code": code, "message": message, "fields": {}}, status=status)
    if request.headers.get("HX-Request"):
        # HTMX swaps fragments: ask it to load the whole page instead of pasting a login form inside.
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


class StaffSessionTimeoutMiddleware:
    """Staff sessions end after TONGBAN_STAFF_IDLE_TIMEOUT seconds without a request and
    TONGBAN_STAFF_SESSION_MAX_AGE after the password was checked, whatever happened in between
    (GB/T 22239-2019 8.1.4.1 b): 登录连接超时自动退出). Applicants keep Django's SESSION_COOKIE_AGE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            expired = self._check(request, user)
            if expired:
                logout(request)
                messages.warning(request, expired)
                url = f"{reverse('login')}?next={quote(request.get_full_path())}"
                return _send_to(request, url, code="session_expired", message=expired, status=401)
        return self.get_response(request)

    def _check(self, request, user) -> str:
        session, now = request.session, int(time.time())
        auth_at, seen = session.get(AUTH_AT_SESSION_KEY), session.get(SEEN_SESSION_KEY)
        if auth_at is None:
            session[AUTH_AT_SESSION_KEY] = auth_at = now
        if is_staff_member(user):
            idle, absolute = settings.TONGBAN_STAFF_IDLE_TIMEOUT, settings.TONGBAN_STAFF_SESSION_MAX_AGE
            if seen is not None and now - seen > idle:
                return f"您已超过{idle // 60}分钟未操作，为保护办件和个人信息已自动退出，请重新登录。"
            if now - auth_at > absolute:
                return f"本次登录已超过{absolute // 3600}小时，请重新登录。"
        if seen is None or now - seen >= SEEN_RESOLUTION:
            session[SEEN_SESSION_KEY] = now
        return ""


class SecondFactorMiddleware:
    """Staff (and anyone who enrolled an authenticator) must pass the second factor before any
    page, the admin or the API answers them; until then only the second-factor pages, logout and
    the language switch open."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or getattr(view_func, "second_factor_open", False):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in SECOND_FACTOR_OPEN:
            return None
        if user.is_verified() or not needs_second_factor(request):
            return None
        url = f"{reverse('second-factor')}?next={quote(request.get_full_path())}"
        return _send_to(request, url, code="second_factor_required",
                        message="请先完成双因素认证（输入身份验证器上的动态验证码）。", status=403)
