"""Who may see and change what: scopes derived from StaffRole rows."""

from django.db.models import Q

from tongban.accounts.models import Role, StaffRole, User
from tongban.org.models import Division

# Levels between the top of the tree and a department's division (国家 → 村 is six levels, GB/T 39046
# n1): how far up a division-wide role with include_subdivisions may sit and still cover it.
MAX_DIVISION_DEPTH = 5


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


def is_platform_admin(user) -> bool:
    """平台管理员: an active superuser, or an active holder of the admin role. The one definition:
    the admin site, the scope rule below and every service that reserves an act to administrators
    ask this. Remembered on the user object (request.user lives one request)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_tongban_platform_admin", None)
    if cached is None:
        cached = bool(roles_of(user, Role.ADMIN))
        user._tongban_platform_admin = cached
    return cached


def department_scope_q(user, role: str, department_path: str = "department") -> Q:
    """A Q over objects reached through `department_path` (a FK path to Department, or "" for
    Department rows themselves), limited to what `role` covers for `user`.

    Superusers and platform admins see everything; anyone without the role sees nothing.
    """
    if is_platform_admin(user):
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


def users_covering(department, roles):
    """Active users holding one of `roles` whose scope covers `department`, judged role by role with
    department_scope_q (so a platform admin holding one of the roles anywhere covers every department);
    ordered by user name. holders() is the one-query answer for a single role without that rule."""
    ids = []
    for r in StaffRole.objects.filter(role__in=roles).select_related("user"):
        if department.__class__.objects.filter(pk=department.pk).filter(
                department_scope_q(r.user, r.role, "")).exists():
            ids.append(r.user_id)
    return User.objects.filter(pk__in=ids, is_active=True).order_by("username")


def _covering_roles_q(*, department_id: int | None = None, division_id: int | None = None) -> Q:
    """StaffRole rows whose scope (the rule of department_scope_q, read the other way round) covers
    a department, or a division as a whole: the department itself; every department of its
    division; or a division above it with include_subdivisions."""
    if department_id is not None:
        here = Q(department_id=department_id) | Q(department__isnull=True, division__departments=department_id)
        below = "departments"
    else:
        here = Q(department__isnull=True, division_id=division_id)
        below = "pk"
    above = Q(pk__in=[])
    for depth in range(1, MAX_DIVISION_DEPTH + 1):
        path = "__".join(["children"] * depth + [below])
        above |= Q(pk__in=Division.objects.filter(**{path: department_id or division_id}).values("pk"))
    return here | Q(department__isnull=True, include_subdivisions=True, division__in=Division.objects.filter(above))


def holders(role: str, *, department=None, division=None):
    """Everyone active who holds `role` in a scope covering `department` (or, with `division`, the
    whole division): the one answer to "who are the approvers / supervisors of this case", for
    notices, urges, deadline warnings and assignment lists. One query; ordered by name.

    Platform administrators are not holders: they may act everywhere but are not told of every case."""
    if (department is None) == (division is None):
        raise TypeError("holders() takes a department or a division")
    scope = _covering_roles_q(department_id=getattr(department, "pk", department),
                              division_id=getattr(division, "pk", division))
    roles = StaffRole.objects.filter(scope, role=role).values("user_id")
    return User.objects.filter(pk__in=roles, is_active=True).order_by("display_name", "username", "pk")
