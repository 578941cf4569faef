"""The 好差评 link printed on notices and sent by SMS: /rate/<signed case number>/.

The ratings app sits above cases (it may import cases, never the reverse), so the link is built
here from nothing but the case number, signed with django.core.signing: whoever holds the paper
(or the SMS) can rate that case and read the answer to the rating, and nobody can guess the link
of another case. No expiry: a notice is kept for years.
"""

from django.conf import settings
from django.core import signing

_SALT = "tongban.ratings.link"


def _signer() -> signing.Signer:
    return signing.Signer(salt=_SALT)


def rating_token(number: str) -> str:
    return _signer().sign(number)


def case_number_from(token: str) -> str | None:
    """The case number the token was made for, or None when it was altered or made up."""
    try:
        return _signer().unsign(token)
    except signing.BadSignature:
        return None


def rating_path(number: str) -> str:
    return f"/rate/{rating_token(number)}/"


def rating_url(number: str) -> str:
    return settings.TONGBAN["SITE_URL"].rstrip("/") + rating_path(number)
