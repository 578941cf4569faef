"""Reads of user accounts for other apps' pages, beside accounts.selectors (which holds staff scopes)."""

from tongban.accounts.models import User


def verified_person(id_number: str, name: str, min_level: int) -> User | None:
    """The active account whose 实名 identity (number and name, checked to `min_level`) matches exactly.

    Both must match, so a caller cannot learn from it whether a number alone has an account."""
    return User.objects.filter(id_number=id_number, display_name=name, identity_level__gte=min_level,
                               is_active=True).first()


def user_by_id(pk) -> User | None:
    """Any account by id, as stored now; the caller's service decides whether it may be used."""
    return User.objects.filter(pk=pk).first()


def active_user(pk) -> User | None:
    return User.objects.filter(pk=pk, is_active=True).first()


def person_by_id_number(id_number: str) -> User | None:
    """The account bound to an ID number, for a clerk who has the person and the card in front of them."""
    return User.objects.filter(id_number=id_number).first()
