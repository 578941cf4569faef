"""The registries the identity pages ask: the population registry (实名认证) and the legal-entity
registry (who represents which organisation). portal sits above tongban.registries and calls it
directly; where the registries app is not installed the account pages still open and offer the
window instead (a renamed function still fails loudly).
"""

from django.apps import apps


def registry_available() -> bool:
    return apps.is_installed("tongban.registries")


def match_person(actor, id_number: str, name: str) -> bool | None:
    """True/False from the population registry; None when there is no registry to ask."""
    if not registry_available():
        return None
    from tongban.registries.services import match_person as registry_match

    return bool(registry_match(id_number, name, actor=actor))


def represented_organisations(user) -> list[tuple[str, str]]:
    """(credit code, name) of the organisations the person represents: 法定代表人 in the legal-entity
    registry, or administrator of the organisation's account."""
    if not registry_available():
        return []
    from tongban.registries.selectors import represented_organisations as represented

    return list(represented(user))
