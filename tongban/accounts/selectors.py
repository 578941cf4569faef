"""Who may see and change what: scopes derived from StaffRole rows."""

from django.db.models import Q

from tongban.accounts.models import Role, StaffRole, User
from tongban.org.models import Division

# Levels between the top of the tree and a department's division (国家 → 村 is six levels, GB/T 39046
# n1): how far up a division-wide role with include_subdivisions may sit and still cover it.
MAX_DIVISION_DEPTH = 5


def roles_of(user, role: str) -> list[StaffRole]:
    """The user's StaffRole rows of one role. All of a user's rows are read once and remembered on the
    user object (request.user lives one request; an inbox asks this dozens of times); a role granted
    or withdrawn through that same object forgets them (receivers.forget_roles)."""
    if not getattr(user, "is_authenticated", False):
        return []
    every = getattr(user, "_tb_roles", None)
    if every is None:
        every = list(StaffRole.objects.filter(user=user).select_related("division", "department"))
        user._tb_roles = every
    return [r for r in every if r.role == role]


def forget_roles(user) -> None:
    for name in ("_tb_roles", "_tb_scopes", "_tongban_platform_admin", "_tb_staff_member"):
        user.__dict__.pop(name, None)


def _descendant_division_ids(root_ids: list[int]) -> set[int]:
    seen, frontier = set(root_ids), list(root_ids)
    while frontier:
        frontier = list(Division.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        frontier = [i for i in frontier if i not in seen]
        seen.update(frontier)
    return seen


def _scope(user, role: str) -> tuple[set[int], set[int]]:
    """(department ids, division ids) that `role` covers for `user`, a division-wide role with
    include_subdivisions expanded to every division below; remembered on the user object."""
    scopes = user.__dict__.setdefault("_tb_scopes", {})
    if role not in scopes:
        roles = roles_of(user, role)
        departments = {r.department_id for r in roles if r.department_id}
        divisions = {r.division_id for r in roles if not r.department_id}
        deep = [r.division_id for r in roles if not r.department_id and r.include_subdivisions]
        scopes[role] = (departments, divisions | (_descendant_division_ids(deep) if deep else set()))
    return scopes[role]


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


def department_scope_q(user, role: str, department_path: str = "department", *, division_path: str = "") -> Q:
    """A Q over objects reached through `department_path` (a FK path to Department, or "" for
    Department rows themselves), limited to what `role` covers for `user`.

    An object that carries its department's division itself (a case does) names it in `division_path`:
    division-wide scopes then filter on that column, which its own indexes serve, instead of joining
    the department. Superusers and platform admins see everything; anyone without the role sees nothing.
    """
    if is_platform_admin(user):
        return Q()
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    departments, divisions = _scope(user, role)
    prefix = f"{department_path}__" if department_path else ""
    q = Q(pk__in=[])
    if departments:
        q |= Q(**{f"{department_path or 'pk'}__in": sorted(departments)})
    if divisions:
        on = f"{division_path}__in" if division_path else f"{prefix}division_id__in"
        q |= Q(**{on: sorted(divisions)})
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


def holders_by_department(role: str, department_ids) -> dict[int, list[User]]:
    """holders() for many departments at once, {department id: users}: the same scope rule, answered
    in a handful of queries whatever the number of departments (a deadline sweep tells thousands of
    cases' approvers at a time)."""
    from tongban.org.models import Department

    wanted = set(department_ids)
    if not wanted:
        return {}
    home = dict(Department.objects.filter(pk__in=wanted).values_list("pk", "division_id"))
    parent, frontier = {}, set(home.values())
    for _ in range(MAX_DIVISION_DEPTH + 1):  # the divisions above, level by level
        frontier -= parent.keys()
        if not frontier:
            break
        rows = dict(Division.objects.filter(pk__in=frontier).values_list("pk", "parent_id"))
        parent.update(rows)
        frontier = {p for p in rows.values() if p}

    def above(division_id) -> set[int]:
        seen, up = [], parent.get(division_id)
        while up and up not in seen and len(seen) < MAX_DIVISION_DEPTH:
            seen.append(up)
            up = parent.get(up)
        return set(seen)

    ancestors = {division_id: above(division_id) for division_id in set(home.values())}

    grants = (StaffRole.objects.filter(role=role, user__is_active=True).select_related("user")
              .order_by("user__display_name", "user__username", "user_id"))
    found: dict[int, dict[int, User]] = {d: {} for d in home}
    for grant in grants:
        for department_id, division_id in home.items():
            covers = (grant.department_id == department_id if grant.department_id else
                      grant.division_id == division_id
                      or (grant.include_subdivisions and grant.division_id in ancestors[division_id]))
            if covers:
                found[department_id].setdefault(grant.user_id, grant.user)
    return {d: list(users.values()) for d, users in found.items()}
