"""Reads of the registries app's own rows, scoped to who asks.

- A person sees the access log of their own 公民身份号码 and of the organisations they represent
  (谁用了我的数据) — never anyone else's.
- Staff see the log rows of the departments their roles cover (as consumer), and a data steward also
  the reads of the resources their department owns.
- A data steward sees the grants of the resources their department owns.
Record contents are never read here: that is services.read(), which logs.
"""

from django.db.models import Q

from tongban.accounts.models import Role, StaffRole
from tongban.accounts.organisations import administered_organisations
from tongban.accounts.selectors import department_scope_q
from tongban.registries.models import (
    AccessLog,
    DataResource,
    Grant,
    LegalEntity,
    MaterialEvidence,
    PrefillSource,
)
from tongban.registries.purposes import case_numbers

STAFF_ROLES = tuple(r for r in Role.values if r != Role.ADMIN)


def represented_organisations(user) -> list[tuple[str, str]]:
    """(credit code, name) of organisations whose 法定代表人 or account administrator is this person:
    they may see who read the organisation's data."""
    codes = {o.credit_code: o.name for o in administered_organisations(user)}
    number = (getattr(user, "id_number", "") or "").upper()
    if number:
        codes.update(LegalEntity.objects.filter(legal_representative_id_number=number).values_list("credit_code", "name"))
    return sorted(codes.items())


def my_data_use(user, *, limit: int = 200) -> list[AccessLog]:
    """Reads of the person's own data (and of the organisations they represent), newest first,
    each with `shown_case_number`: the case number, also for reads made while it was a draft."""
    number = (getattr(user, "id_number", "") or "").upper()
    if not getattr(user, "is_authenticated", False) or not number:
        return []
    keys = [number, *(code for code, _ in represented_organisations(user))]
    rows = list(AccessLog.objects.filter(subject_key__in=keys).select_related("resource")[:limit])
    numbers = case_numbers({r.case_ref for r in rows if r.case_ref and not r.case_number})
    for row in rows:
        row.shown_case_number = row.case_number or numbers.get(row.case_ref, "")
    return rows


def field_names(resource: DataResource) -> dict[str, str]:
    """{field key: its Chinese name} of a resource, to label the fields a log row lists."""
    return dict(resource.fields.values_list("key", "name"))


def staff_log_scope_q(user) -> Q:
    if getattr(user, "is_superuser", False):
        return Q()
    held = set(StaffRole.objects.filter(user=user).values_list("role", flat=True))
    q = Q(pk__in=[])
    for role in STAFF_ROLES:
        if role in held:
            q |= department_scope_q(user, role, "consumer")
    return q | department_scope_q(user, Role.STEWARD, "resource__owner")


def department_access_log(user):
    """The access log a staff member may read: their departments' reads (and, for a data steward,
    the reads of their department's resources)."""
    if not getattr(user, "is_authenticated", False):
        return AccessLog.objects.none()
    return AccessLog.objects.filter(staff_log_scope_q(user)).select_related("resource", "consumer")


def resources_owned_by_steward(user):
    return DataResource.objects.filter(department_scope_q(user, Role.STEWARD, "owner"))


def grants_for_steward(user):
    return Grant.objects.filter(department_scope_q(user, Role.STEWARD, "resource__owner")) \
        .select_related("resource", "consumer")


def published_resources():
    return DataResource.objects.filter(status=DataResource.Status.PUBLISHED) \
        .select_related("owner").prefetch_related("fields")


def case_sources(case) -> dict:
    """What the registries supplied to a case: form answers and materials (for the case pages)."""
    ref = str(case.uid)
    return {
        "prefilled": list(PrefillSource.objects.filter(case_ref=ref).select_related("resource__owner")),
        "materials": list(MaterialEvidence.objects.filter(case_ref=ref).select_related("material", "resource")),
    }
