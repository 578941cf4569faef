"""Links read away from the request (on paper, in a QR code, in mail or SMS): they carry the site's
public address, settings.TONGBAN["SITE_URL"], not the host a request happened to come in on."""

from django.conf import settings


def absolute_url(path: str, *, base: str | None = None) -> str:
    """`path` (starting with "/") on the public address, or on `base` when the caller knows better
    (payments pass the address the payer reached the site at)."""
    return (base or settings.TONGBAN["SITE_URL"]).rstrip("/") + path
