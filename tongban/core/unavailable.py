"""The answer while the database cannot be reached: 503 with Retry-After, never Django's HTML 500.

A database that restarts, fails over or drops off the network surfaces in Django as OperationalError
(refused, closed or cancelled connection; also a deadlock or serialization failure, which the same retry
cures) or InterfaceError (a connection object already closed). Both are passing conditions, so the
answer is 503 Service Unavailable with Retry-After (RFC 9110 §15.6.4 and §10.2.3): clients, the load
balancer and people know to try again, and nothing was written (the request's transaction rolled back).

The API answers its JSON error format (tongban/core/api_errors.py); pages answer templates/503.html in the
site's layout, rendered without touching the database (no session, an anonymous visitor's header).
Connections are not reopened here: Django closes an unusable one when the request ends
(close_old_connections, CONN_HEALTH_CHECKS), and the next request connects afresh.
"""

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 10
CODE = "unavailable"
MESSAGE = "系统繁忙：数据库暂时不可用，请稍后再试"


def is_database_outage(exc: BaseException | None) -> bool:
    return isinstance(exc, DATABASE_ERRORS)


def note_database_outage(sender, request=None, **kwargs) -> None:
    """got_request_exception receiver (tongban/core/apps.py): Django sends it from inside its except
    block, so the exception being handled is the request's. DatabaseUnavailableMiddleware then answers
    503 instead of the 500."""
    import sys

    if request is not None and is_database_outage(sys.exc_info()[1]):
        request.database_unavailable = True


def body() -> dict:
    return {"code": CODE, "message": MESSAGE}


def add_retry_after(response: HttpResponse) -> HttpResponse:
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"  # a proxy must not keep serving the outage afterwards
    return response


def json_response() -> JsonResponse:
    return add_retry_after(JsonResponse(body(), status=503, content_type="application/json; charset=utf-8",
                                        json_dumps_params={"ensure_ascii": False}))


def page_response(request) -> HttpResponse:
    """templates/503.html in the site's layout. Rendered with a context of its own rather than the
    context processors: request.user would load the session from the database that is down."""
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser
    from django.middleware.csrf import get_token
    from django.template.loader import render_to_string

    context = {"request": request, "user": AnonymousUser(), "retry_after": RETRY_AFTER_SECONDS, "message": MESSAGE,
               # what tongban.core.context_processors.site gives every page
               "PLATFORM_NAME": settings.TONGBAN["PLATFORM_NAME"], "CITY_NAME": settings.TONGBAN["CITY_NAME"],
               "LARGE_TEXT": request.COOKIES.get("large_text") == "1"}
    try:
        if not getattr(settings, "CSRF_USE_SESSIONS", False):
            context["csrf_token"] = get_token(request)
        html = render_to_string("503.html", context)
    except Exception:  # the layout itself failed: a bare page still says what happened
        html = (f'<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><title>系统繁忙</title>'
                f"<h1>系统繁忙</h1><p>{MESSAGE}（约 {RETRY_AFTER_SECONDS} 秒后）。</p></html>")
    return add_retry_after(HttpResponse(html, status=503, content_type="text/html; charset=utf-8"))


def response_for(request) -> HttpResponse:
    """JSON under the API's prefix, a page elsewhere."""
    if request.path.startswith("/api/"):
        return json_response()
    return page_response(request)
