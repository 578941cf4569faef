"""实名认证: binding an account to a verified identity, at a recorded level of assurance.

accounts sits below the registries in the layers, so the check against the population registry
is done by the caller (the portal page, the window desk) and handed in as the method used;
this module records the outcome, binds the identity and keeps the account's level.

三级 (窗口当面核验, `verify_in_person`): a window clerk has the person and the original 居民身份证 in
front of them — the card, not a registry, is the evidence (the eIDAS "high" level's in-person
proofing). The clerk confirms it, the check is recorded with the clerk and the 区划 of their window,
and a clerk's list shows only the checks of their own divisions.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import (
    METHOD_LEVEL,
    AssuranceLevel,
    IdentityVerification,
    Role,
    User,
    VerificationMethod,
)
from tongban.accounts.selectors import is_staff_member, roles_of, scope_division_ids
from tongban.core.masking import mask_id_number
from tongban.core.services import audit
from tongban.core.validators import validate_id_number

# Failed registry matches allowed per account and day: enough for typos, too few to use the
# platform as an oracle for whose name goes with which ID number.
MAX_FAILED_MATCHES_PER_DAY = 5


def _clean_identity(id_number: str, name: str) -> tuple[str, str]:
    id_number, name = (id_number or "").strip().upper(), (name or "").strip()
    errors = {}
    if not name:
        errors["name"] = ["请填写姓名"]
    elif len(name) > 60:
        errors["name"] = ["姓名不能超过60个字"]
    try:
        validate_id_number(id_number)  # GB 11643: format, address code, birth date, check character
    except ValidationError as exc:
        errors["id_number"] = exc.messages
    if errors:
        raise ValidationError(errors)
    return id_number, name


def failed_matches_today(user: User) -> int:
    since = timezone.now() - timedelta(days=1)
    return IdentityVerification.objects.filter(user=user, passed=False, at__gte=since,
                                               method=VerificationMethod.POPULATION_REGISTRY).count()


def check_identity_claim(user: User, *, id_number: str, name: str) -> tuple[str, str]:
    """Validate what a person typed before anyone asks a registry: GB 11643, not bound to another
    account, attempts left today. Returns the normalised (id_number, name)."""
    id_number, name = _clean_identity(id_number, name)
    if failed_matches_today(user) >= MAX_FAILED_MATCHES_PER_DAY:
        raise PermissionDenied("今日核验未通过次数过多，请明天再试，或携带身份证到政务服务中心窗口核验。")
    _refuse_taken(user, id_number)
    _refuse_rebinding(user, id_number)
    return id_number, name


def _refuse_taken(user: User, id_number: str) -> None:
    # One person, one personal account: a verified ID number cannot be claimed by a second account.
    taken = (User.objects.filter(id_number=id_number, identity_level__gte=AssuranceLevel.REGISTRY_MATCHED)
             .exclude(pk=user.pk).exists())
    if taken:
        raise ValidationError({"id_number": ["该公民身份号码已绑定其他账户；如非本人操作，请到政务服务中心窗口处理。"]})


def _refuse_rebinding(user: User, id_number: str) -> None:
    if user.identity_level >= AssuranceLevel.REGISTRY_MATCHED and user.id_number and user.id_number != id_number:
        raise ValidationError({"id_number": ["账户已绑定经过核验的身份，不能改为其他公民身份号码。"]})


@transaction.atomic
def record_verification(actor, user: User, *, id_number: str, name: str, method: str, passed: bool = True,
                        verified_by: User | None = None, note: str = "", division=None) -> IdentityVerification:
    """Record one 实名认证 attempt. A passed one binds id_number and name to the account and raises
    its level to what `method` reaches (never lowers it); a failed one binds nothing.

    `method` says how the caller checked: POPULATION_REGISTRY after the registry matched,
    WINDOW_IN_PERSON by a clerk who saw the ID card (`verified_by`), SELF_DECLARED otherwise.
    """
    if method not in METHOD_LEVEL:
        raise ValidationError({"method": [f"未知的核验方式：{method}"]})
    user = User.objects.select_for_update().get(pk=user.pk)
    id_number, name = _clean_identity(id_number, name)
    if passed:
        _refuse_taken(user, id_number)
        _refuse_rebinding(user, id_number)
    if method == VerificationMethod.WINDOW_IN_PERSON:
        if verified_by is None:
            raise ValidationError({"verified_by": ["窗口核验须记录核验人员"]})
        if not is_staff_member(verified_by):
            raise PermissionDenied("只有窗口工作人员可以记录当面核验。")
    level = METHOD_LEVEL[method] if passed else AssuranceLevel.NONE
    verification = IdentityVerification.objects.create(
        user=user, id_number=id_number, name=name, method=method, level=level, passed=passed,
        verified_by=verified_by, division=division, note=note[:200])
    if passed:
        changes = []
        if user.id_number != id_number:
            user.id_number = id_number
            changes.append("id_number")
        if level >= AssuranceLevel.REGISTRY_MATCHED and user.display_name != name:
            # The registered name is the one on the ID card: it replaces whatever was typed at sign-up.
            user.display_name = name
            changes.append("display_name")
        if level > user.identity_level or (level == user.identity_level and "id_number" in changes):
            user.identity_level = level
            user.identity_verified_at = verification.at
            changes += ["identity_level", "identity_verified_at"]
        if changes:
            user.save(update_fields=changes)
    audit(actor, "accounts.identity.verify" if passed else "accounts.identity.verify_failed", user,
          f"{'实名认证通过' if passed else '实名认证未通过'}：{user.username}，{verification.get_method_display()}，"
          f"证件 {mask_id_number(id_number)}",
          {"method": method, "level": int(level), "passed": passed,
           "verified_by": verified_by.username if verified_by else None,
           "division": division.code if division is not None else None})
    return verification


# -- 三级: at a window, in person --------------------------------------------------------------------

def clerk_divisions(clerk) -> list:
    """The 区划 where the user works a window (综合窗口人员), for recording where a check happened."""
    seen = {}
    for r in roles_of(clerk, Role.CLERK):
        seen.setdefault(r.division_id, r.division)
    return sorted(seen.values(), key=lambda d: d.code)


@transaction.atomic
def verify_in_person(clerk, user: User, *, id_number: str, name: str, division, card_checked: bool
                     ) -> IdentityVerification:
    """三级实名: the clerk saw `user` in person with their original 居民身份证 (`card_checked`), and
    records the number and name on the card. Binds them to the account (the card wins over what was
    self-declared) and raises it to level 3; refused for staff accounts, for oneself, and outside the
    clerk's divisions."""
    divisions = {d.pk: d for d in clerk_divisions(clerk)}
    if not divisions:
        raise PermissionDenied("只有综合窗口人员可以记录窗口当面核验。")
    if user.pk == clerk.pk:
        raise PermissionDenied("不能为本人账户记录当面核验，请由其他窗口人员办理。")
    if is_staff_member(user):
        raise PermissionDenied("工作人员账户的实名信息由平台管理员维护，不在窗口核验。")
    errors = {}
    try:
        id_number, name = _clean_identity(id_number, name)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if division is None:
        errors["division"] = ["请选择“核验区划”（您所在窗口的区划）"]
    elif division.pk not in divisions:
        raise PermissionDenied(f"您不是“{division.name}”的综合窗口人员，不能以该区划记录核验。")
    if not card_checked:
        errors["card_checked"] = ["请确认已当面查验居民身份证原件，且本人与证件照片一致"]
    if errors:
        raise ValidationError(errors)
    return record_verification(clerk, user, id_number=id_number, name=name,
                               method=VerificationMethod.WINDOW_IN_PERSON, verified_by=clerk, division=division,
                               note=f"{division.name}综合窗口当面查验居民身份证原件")


def accounts_for_in_person_check(*, id_number: str = "", login: str = "") -> list[User]:
    """Applicant accounts a clerk may verify: bound to (or self-declaring) the card's number, or —
    for an account that never declared one — named by its user name or mobile number."""
    found = User.objects.none()
    number = (id_number or "").strip().upper()
    if number:
        found = User.objects.filter(id_number=number)
    login = (login or "").strip()
    if login:
        found = found | User.objects.filter(username=login) | User.objects.filter(phone=login)
    return [u for u in found.filter(is_active=True).distinct().order_by("-identity_level", "username")[:10]
            if not is_staff_member(u)]


def in_person_checks_for(clerk, *, limit: int = 20):
    """Recent window checks recorded in the clerk's divisions (and below, where their role says so)."""
    return (IdentityVerification.objects.filter(method=VerificationMethod.WINDOW_IN_PERSON,
                                                division_id__in=scope_division_ids(clerk, Role.CLERK))
            .select_related("user", "verified_by", "division")[:limit])


def verifications_of(user: User):
    """The account's own 实名认证 history, newest first (shown to the account holder)."""
    return IdentityVerification.objects.filter(user=user).select_related("verified_by")


def has_level(user, level: int) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.identity_level >= level
