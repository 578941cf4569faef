"""QR codes that lead a phone from a printed guide back to the live page (segno, no image files)."""

import io

import segno
from django.urls import reverse

from tongban.core.links import absolute_url


def guide_url(code: str) -> str:
    # Scanned off paper, so the public address, not the request's host.
    return absolute_url(reverse("guide", args=[code]))


def make(url: str) -> segno.QRCode:
    # Level M survives a smudged printout; the guide URL fits in a small symbol.
    return segno.make(url, error="m", micro=False)


def svg(url: str, *, title: str = "") -> str:
    """Inline SVG markup (no XML declaration) for embedding in a page."""
    markup = make(url).svg_inline(scale=4, border=2, title=title or url, dark="#111", light="#fff")
    # role="img" lets screen readers announce the <title> as the image's name.
    return markup.replace("<svg ", '<svg role="img" ', 1)


def png_bytes(url: str, scale: int = 8) -> bytes:
    buf = io.BytesIO()
    make(url).save(buf, kind="png", scale=scale, border=2)
    return buf.getvalue()
