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
    # Behind N reverse proxies (TONGBAN_PROXY_COUNT) the client is the Nth address from the right of
    # X-Forwarded-For: each proxy appends the address it was connected from, and whatever stands further
    # left came from the client, who can write anything there. Without a proxy, the connection's address.
    from django.conf import settings

    count = getattr(settings, "TONGBAN_PROXY_COUNT", 0)
    if count:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
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
