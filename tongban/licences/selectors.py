"""Reads: a holder's wallet (their own licences only), licences in a staff member's scope, the
published seals, and the public verification URL printed in the QR code."""

from urllib.parse import quote

from django.db.models import Q, QuerySet
from django.urls import reverse

from tongban.accounts.models import Role
from tongban.accounts.organisations import current_authorisations
from tongban.accounts.selectors import department_scope_q
from tongban.core.links import absolute_url
from tongban.licences import sealing
from tongban.licences.models import Licence, LicenceStatus, Seal


def organisation_codes_for(user) -> list[str]:
    """统一社会信用代码 of the organisations the user currently acts for (经办人授权 in force).
    An organisation's licence is the organisation's, not the agent's: the authorisation is what lets
    the agent see it, and it stops doing so when revoked or expired."""
    return sorted({a.organisation.credit_code for a in current_authorisations(user)})


def holder_q(user) -> Q:
    """Licences the user holds: their own by ID number, their organisations' by credit code, and
    those issued by the cases they applied for (a 个体工商户's operator, an agent whose case it was:
    they already see that case and its result in 我的办件)."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    q = Q(case__applicant=user)
    if user.id_number:
        q |= Q(holder_kind="person", holder_id_number=user.id_number)
    codes = organisation_codes_for(user)
    if codes:
        q |= Q(holder_kind="organisation", holder_id_number__in=codes)
    return q


def _with_relations(qs: QuerySet) -> QuerySet:
    return qs.select_related("licence_type", "issuer", "seal", "previous")


def wallet(user) -> list[Licence]:
    """The holder's current licences (older versions are reached from each licence's history)."""
    return list(_with_relations(Licence.objects.filter(holder_q(user)))
                .exclude(status=LicenceStatus.SUPERSEDED).order_by("holder_kind", "-issued_on", "-id"))


def licence_for_holder(user, identifier: str) -> Licence | None:
    return _with_relations(Licence.objects.filter(holder_q(user), identifier=identifier)).first()


def licences_for_staff(user) -> QuerySet:
    """Licences issued by departments where the user is an approver (or everything for admins)."""
    return _with_relations(Licence.objects.filter(department_scope_q(user, Role.APPROVER, "issuer")))


def licence_for_staff(user, identifier: str) -> Licence | None:
    return licences_for_staff(user).filter(identifier=identifier).first()


def events_of(licence: Licence):
    """The licence's event log, oldest first."""
    return licence.events.all()


def history(licence: Licence) -> list[Licence]:
    """Every version of the licence, oldest first."""
    chain = [licence]
    node = licence
    while node.previous_id:
        node = Licence.objects.select_related("licence_type").get(pk=node.previous_id)
        chain.insert(0, node)
    node = licence
    while True:
        newer = Licence.objects.select_related("licence_type").filter(previous=node).first()
        if newer is None:
            break
        chain.append(newer)
        node = newer
    return chain


def public_seals() -> list[Seal]:
    return list(Seal.objects.select_related("department").order_by("department__division__code",
                                                                  "department__order", "-valid_from"))


def verify_url(licence: Licence) -> str:
    """The URL in the QR code: the online check for a phone, the payload `p` for an offline verifier."""
    path = reverse("licence-verify")
    return f"{absolute_url(path)}?p={quote(sealing.payload_for(licence))}"
