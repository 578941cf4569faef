"""The 好差评 link printed on notices and sent by SMS: /rate/<signed case number>/.

The ratings app sits above cases (it may import cases, never the reverse), so the link is built
here from nothing but the case number, signed with django.core.signing: whoever holds the paper
(or the SMS) can rate that case and read the answer to the rating, and nobody can guess the link
of another case. No expiry: a notice is kept for years.

A joint case (联办件, "一件事一次办") is rated once, not once per sub-case: its link signs the joint
case number with a "joint:" mark, and every sub-case's notice carries that link instead of its own
(`rating_url_for`). The ratings app reads which one a token names.
"""

from django.core import signing

from tongban.cases.selectors import joint_number
from tongban.core.links import absolute_url

_SALT = "tongban.ratings.link"
_JOINT = "joint:"


def _signer() -> signing.Signer:
    return signing.Signer(salt=_SALT)


def rating_token(number: str) -> str:
    return _signer().sign(number)


def _unsign(token: str) -> str | None:
    try:
        return _signer().unsign(token)
    except signing.BadSignature:
        return None


def case_number_from(token: str) -> str | None:
    """The case number the token was made for, or None when it was altered, made up or names a joint case."""
    value = _unsign(token)
    return None if value is None or value.startswith(_JOINT) else value


def joint_number_from(token: str) -> str | None:
    """The joint case number a joint case's token was made for, else None."""
    value = _unsign(token)
    return value.removeprefix(_JOINT) if value is not None and value.startswith(_JOINT) else None


def rating_path(number: str) -> str:
    return f"/rate/{rating_token(number)}/"


def rating_url(number: str) -> str:
    return absolute_url(rating_path(number))


def joint_rating_path(bundle_number: str) -> str:
    return f"/rate/{rating_token(_JOINT + bundle_number)}/"


def joint_rating_url(bundle_number: str) -> str:
    return absolute_url(joint_rating_path(bundle_number))


def rating_url_for(case) -> str:
    """The link that rates `case`: its joint case's for a sub-case (rated once, as a whole), else its own."""
    joint = joint_number(case)
    return joint_rating_url(joint) if joint else rating_url(case.number)
