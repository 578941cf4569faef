import contextvars
from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    ip: str | None = None
    user_agent: str = ""
    channel: str = ""


_origin: contextvars.ContextVar[Origin] = contextvars.ContextVar("tongban_origin", default=Origin(channel="系统"))  # noqa: B039 (frozen)


def client_ip(request) -> str | None:
    # Behind the hall's reverse proxy the first X-Forwarded-For hop is the client; only trusted
    # when a proxy is configured to set it (TRUST_X_FORWARDED_FOR).
    from django.conf import settings

    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR")


def bind_request(request):
    return _origin.set(
        Origin(ip=client_ip(request), user_agent=request.META.get("HTTP_USER_AGENT", "")[:300], channel="web")
    )


def bind_origin(origin: Origin):
    return _origin.set(origin)


def clear_request(token) -> None:
    _origin.reset(token)


def current_origin() -> Origin:
    return _origin.get()
