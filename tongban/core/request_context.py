import contextvars
import re
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


# A phone (not a tablet) is the 移动端 channel of 两线四端 (docs/domain.md §3); iPads and desktops are 网站.
_PHONE_UA = re.compile(r"iPhone|iPod|Windows Phone|HarmonyOS|Android.+Mobile|Mobi", re.I)


def channel_of(request) -> str:
    """"mobile" or "web": the channel an online application arrives by, from the browser."""
    ua = request.META.get("HTTP_USER_AGENT", "")
    return "mobile" if _PHONE_UA.search(ua) and "iPad" not in ua else "web"
