"""Reads of user accounts for other apps' pages, beside accounts.selectors (which holds staff scopes)."""

from tongban.accounts.models import User


def verified_person(id_number: str, name: str, min_level: int) -> User | None:
    """The active account whose 实名 identity (number and name, checked to `min_level`) matches exactly.

    Both must match, so a caller cannot learn from it whether a number alone has an account."""
    return User.objects.filter(id_number=id_number, display_name=name, identity_level__gte=min_level,
                               is_active=True).first()
