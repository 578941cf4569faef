"""Who may see and change what: scopes derived from StaffRole rows."""

from django.db.models import Q

from tongban.accounts.models import Role, StaffRole
from tongban.org.models import Division


def roles_of(user, role: str) -> list[StaffRole]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(StaffRole.objects.filter(user=user, role=role).select_related("division", "department"))


def _descendant_division_ids(root_ids: list[int]) -> set[int]:
    seen, frontier = set(root_ids), list(root_ids)
    while frontier:
        frontier = list(Division.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        frontier = [i for i in frontier if i not in seen]
        seen.update(frontier)
    return seen


def department_scope_q(user, role: str, department_path: str = "department") -> Q:
    """A Q over objects reached through `department_path` (a FK path to Department, or "" for
    Department rows themselves), limited to what `role` covers for `user`.

    Superusers and platform admins see everything; anyone without the role sees nothing.
    """
    if getattr(user, "is_superuser", False) or roles_of(user, Role.ADMIN):
        return Q()
    prefix = f"{department_path}__" if department_path else ""
    q = Q(pk__in=[]) if not prefix else Q(**{f"{prefix}pk__in": []})
    for r in roles_of(user, role):
        if r.department_id:
            q |= Q(**{f"{prefix}pk": r.department_id})
        elif r.include_subdivisions:
            q |= Q(**{f"{prefix}division_id__in": _descendant_division_ids([r.division_id])})
        else:
            q |= Q(**{f"{prefix}division_id": r.division_id})
    return q


def departments_in_scope(user, role: str):
    from tongban.org.models import Department

    return Department.objects.filter(department_scope_q(user, role, ""))


def can_act_for_department(user, role: str, department) -> bool:
    return departments_in_scope(user, role).filter(pk=department.pk).exists()


def is_staff_member(user) -> bool:
    """Staff for the purpose of login security: is_staff, superuser, or any StaffRole."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    cached = getattr(user, "_tb_staff_member", None)
    if cached is None:
        cached = user.staff_roles.exists()
        user._tb_staff_member = cached
    return cached


def scope_division_ids(user, role: str) -> set[int]:
    """Ids of the divisions `role` covers for `user`: the role's own, and those below where the role
    includes subdivisions."""
    roles = roles_of(user, role)
    ids = {r.division_id for r in roles}
    below = [r.division_id for r in roles if r.include_subdivisions]
    return ids | (_descendant_division_ids(below) if below else set())
