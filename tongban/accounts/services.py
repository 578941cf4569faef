"""Writes to accounts: users and the staff roles that scope what they may do. Each one audited."""

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from tongban.accounts.models import Role, StaffRole, User
from tongban.accounts.selectors import forget_roles
from tongban.core.services import audit
from tongban.core.validators import validate_id_number
from tongban.org.models import Department, Division

PROFILE_FIELDS = ("display_name", "phone", "email", "first_name", "last_name")


@transaction.atomic
def create_user(actor, *, username: str, password: str | None = None, password_hash: str | None = None,
                display_name: str = "", phone: str = "", email: str = "", id_number: str = "",
                is_staff: bool = False, is_superuser: bool = False) -> User:
    """Register a user. `password` is checked against the password policy and hashed;
    `password_hash` (an already hashed password, e.g. one hash shared by all demo accounts or
    one migrated from an old system) skips both. Neither: an unusable password (login by SSO only).
    """
    username = (username or "").strip()
    user = User(username=username, display_name=display_name, phone=phone, email=email,
                is_staff=is_staff or is_superuser, is_superuser=is_superuser)
    errors = {}
    if id_number:
        # GB 11643: an applicant's identity is checked before any account is tied to it.
        try:
            validate_id_number(id_number)
        except ValidationError as exc:
            errors["id_number"] = exc.messages
        else:
            user.id_number = id_number.strip().upper()
    if password is not None:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            errors["password"] = exc.messages
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    if password_hash:
        user.password = password_hash
    elif password is not None:
        user.password = make_password(password)
    else:
        user.set_unusable_password()
    user.save()
    audit(actor, "accounts.user.create", user, f"创建用户 {user.username}（{display_name or '未填姓名'}）",
          {"is_superuser": is_superuser, "is_staff": user.is_staff})
    return user


@transaction.atomic
def update_profile(actor, user: User, **fields) -> User:
    unknown = sorted(set(fields) - set(PROFILE_FIELDS))
    if unknown:
        raise TypeError(f"不可修改的字段：{', '.join(unknown)}")
    changes = {k: [getattr(user, k), v] for k, v in fields.items() if getattr(user, k) != v}
    if changes:
        for k, (_before, v) in changes.items():
            setattr(user, k, v)
        user.full_clean(exclude=["password"])
        user.save(update_fields=list(changes))
        audit(actor, "accounts.user.update", user, f"修改用户 {user.username} 的资料", changes)
    return user


def _scope_label(division: Division, department: Department | None, include_subdivisions: bool) -> str:
    if department is not None:
        return department.name
    return f"{division.name}{'及下级区划' if include_subdivisions else ''}全部部门"


@transaction.atomic
def grant_role(actor, user: User, role: str, *, division: Division, department: Department | None = None,
               include_subdivisions: bool = False) -> tuple[StaffRole, bool]:
    """Give `user` a role in a scope; granting a role the user already holds changes nothing.
    Returns (staff_role, created)."""
    if role not in Role.values:
        raise ValidationError({"role": f"未知的角色：{role}"})
    existing = StaffRole.objects.filter(user=user, role=role, division=division, department=department).first()
    if existing is not None:
        if existing.include_subdivisions != include_subdivisions:
            existing.include_subdivisions = include_subdivisions
            existing.save(update_fields=["include_subdivisions"])
            forget_roles(user)
            audit(actor, "accounts.role.update", existing, f"调整 {user} 的{existing.get_role_display()}范围",
                  {"include_subdivisions": include_subdivisions})
        return existing, False
    staff_role = StaffRole(user=user, role=role, division=division, department=department,
                           include_subdivisions=include_subdivisions)
    staff_role.full_clean()
    staff_role.save()
    if not user.is_staff:
        # Staff roles are for staff pages; the flag lets the login land on them.
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    audit(actor, "accounts.role.grant", staff_role,
          f"授予 {user} {staff_role.get_role_display()}（{_scope_label(division, department, include_subdivisions)}）",
          {"user": user.username, "role": role, "division": division.code,
           "department": department.pk if department else None, "include_subdivisions": include_subdivisions})
    return staff_role, True


@transaction.atomic
def revoke_role(actor, staff_role: StaffRole) -> None:
    summary = f"撤销 {staff_role.user} 的{staff_role.get_role_display()}（{staff_role}）"
    audit(actor, "accounts.role.revoke", staff_role, summary,
          {"user": staff_role.user.username, "role": staff_role.role})
    staff_role.delete()
