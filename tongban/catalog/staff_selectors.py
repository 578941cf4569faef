"""Scoped reads of the catalogue for staff (the admin): what a catalogue editor may see and change.

An editor (事项管理员) holds a StaffRole in a division and optionally one department. They see
the implementation entries (实施清单) of the departments in their scope and the standard matters
those entries implement; they may change a matter's standard elements only when its maintaining
department (标准维护部门) is in their scope — the same standard is shared by every level ("四级十同").
Platform admins and superusers see everything (department_scope_q returns an empty Q for them).
A window clerk (综合窗口) sees the entries of the departments their window registers for.
"""

from django.db.models import Q, QuerySet

from tongban.accounts.models import Role
from tongban.accounts.selectors import department_scope_q, departments_in_scope, is_platform_admin
from tongban.catalog.models import Implementation, Matter, MatterVersion
from tongban.org.models import Department

_CACHE = "_tongban_catalog_scope"


def _scope(user) -> tuple[bool, frozenset[int]]:
    """(everything?, department ids) for the editor role, memoised on the user object: the admin
    asks for permissions many times while rendering one page, and request.user lives one request."""
    cached = getattr(user, _CACHE, None)
    if cached is None:
        if is_platform_admin(user):
            cached = (True, frozenset())
        else:
            cached = (False, frozenset(departments_in_scope(user, Role.EDITOR).values_list("pk", flat=True)))
        if getattr(user, "is_authenticated", False):
            setattr(user, _CACHE, cached)
    return cached


def is_catalogue_staff(user) -> bool:
    """May open the catalogue admin at all: staff with an editor role, or a platform admin."""
    if not getattr(user, "is_staff", False) or not user.is_active:
        return False
    everything, ids = _scope(user)
    return everything or bool(ids)


def editor_departments(user) -> QuerySet[Department]:
    everything, ids = _scope(user)
    qs = Department.objects.select_related("division")
    return qs if everything else qs.filter(pk__in=ids)


def can_edit_for_department(user, department_id: int | None) -> bool:
    everything, ids = _scope(user)
    return everything or department_id in ids


def _q(user, path: str) -> Q:
    everything, ids = _scope(user)
    return Q() if everything else Q(**{f"{path}__in": ids})


def implementations_for_editor(user) -> QuerySet[Implementation]:
    return Implementation.objects.filter(_q(user, "department_id")).select_related(
        "matter", "matter__current_version", "matter__owner_department", "department", "department__division",
        "site")


def matters_for_editor(user) -> QuerySet[Matter]:
    """Matters maintained in scope, or implemented in scope (the latter read-only)."""
    everything, ids = _scope(user)
    qs = Matter.objects.select_related("owner_department", "current_version")
    if everything:
        return qs
    implemented = Implementation.objects.filter(department_id__in=ids).values("matter_id")
    return qs.filter(Q(owner_department_id__in=ids) | Q(pk__in=implemented))


def matters_maintained_by(user) -> QuerySet[Matter]:
    return Matter.objects.filter(_q(user, "owner_department_id"))


def can_maintain_matter(user, matter: Matter) -> bool:
    return can_edit_for_department(user, matter.owner_department_id)


def versions_for_editor(user) -> QuerySet[MatterVersion]:
    return MatterVersion.objects.filter(matter__in=matters_for_editor(user).values("pk")).select_related(
        "matter", "matter__owner_department")


def can_edit_version(user, version: MatterVersion) -> bool:
    """Only a draft is edited, and only by an editor of the maintaining department."""
    return version.is_editable and can_maintain_matter(user, version.matter)


def implementations_for_clerk(user, text: str = "") -> QuerySet[Implementation]:
    """Active entries with a published version in the clerk's scope (一窗受理), matching `text` (name,
    basic code or implementation code)."""
    qs = (Implementation.objects.filter(department_scope_q(user, Role.CLERK, "department"))
          .filter(status=Implementation.Status.ACTIVE, matter__current_version__isnull=False)
          .select_related("matter", "department"))
    text = text.strip()
    if text:
        qs = qs.filter(Q(matter__name__icontains=text) | Q(matter__basic_code=text) | Q(code=text))
    return qs.order_by("matter__name", "department__order", "department__name")


def implementation_for_clerk(user, pk) -> Implementation | None:
    return implementations_for_clerk(user).filter(pk=pk).first()


def site_division_ids(department: Department) -> list[int]:
    """Where a department's 实施清单 entry may name its 服务场所: a hall of its own division, of a
    division above it (the city's 政务服务中心 for a district bureau) or directly below it."""
    division = department.division
    return [division.pk, *division.ancestor_ids(), *division.children.values_list("pk", flat=True)]
