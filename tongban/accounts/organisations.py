"""Organisation accounts (统一社会信用代码, GB 32100) and their authorised agents (经办人授权).

Writes (atomic, audited) and the reads that decide whom a person may act for. An organisation
is administered by its legal representative or whom they made administrator; administrators
authorise agents with a scope (which matters) and an expiry, and revoke them.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tongban.accounts.models import (
    MATTER_CODE_RE,
    AgentAuthorisation,
    AssuranceLevel,
    Organisation,
    OrganisationKind,
    User,
)
from tongban.accounts.selectors import is_platform_admin
from tongban.core.services import audit
from tongban.core.validators import validate_credit_code

# An agent acts in the organisation's name: the platform must know who they are (实名) first.
AGENT_MIN_LEVEL = AssuranceLevel.REGISTRY_MATCHED
# 经办人授权 is for a task, not for ever: at most three years at a time.
MAX_AGENT_YEARS = 3


# GB 32100 §4.2: the first character is the registering authority, the second the kind of body.
# (1 机构编制: 1 机关, 2 事业单位; 5 民政: 1 社会团体, 2 民办非企业单位, 3 基金会; 9 市场监管: 1 企业,
# 2 个体工商户, 3 农民专业合作社.) Anything else is 其他组织.
KIND_BY_CREDIT_PREFIX = {
    "12": OrganisationKind.PUBLIC_INSTITUTION,
    "51": OrganisationKind.SOCIAL_ORGANISATION, "52": OrganisationKind.SOCIAL_ORGANISATION,
    "53": OrganisationKind.SOCIAL_ORGANISATION,
    "91": OrganisationKind.ENTERPRISE, "93": OrganisationKind.ENTERPRISE,
}


def kind_from_credit_code(credit_code: str) -> str:
    return KIND_BY_CREDIT_PREFIX.get((credit_code or "")[:2].upper(), OrganisationKind.OTHER)


def parse_matter_codes(text: str) -> list[str]:
    """"000201035000, 000901001000" → ["000201035000", "000901001000"]; empty → [] (every matter)."""
    codes = [c.strip() for c in (text or "").replace("，", ",").replace("、", ",").replace(" ", ",").split(",")]
    codes = [c for c in codes if c]
    bad = [c for c in codes if not MATTER_CODE_RE.match(c)]
    if bad:
        raise ValidationError({"matter_codes": [f"事项基本编码应为12位数字：{'、'.join(bad[:3])}"]})
    return sorted(set(codes))


# -- reads --------------------------------------------------------------------------------------

def current_authorisations(user, on: date | None = None):
    """Authorisations of `user` in force on `on` (today), organisation included."""
    if not getattr(user, "is_authenticated", False):
        return AgentAuthorisation.objects.none()
    on = on or timezone.localdate()
    return (AgentAuthorisation.objects.filter(agent=user, revoked_at__isnull=True, valid_from__lte=on,
                                              organisation__is_active=True)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
            .select_related("organisation").order_by("organisation__name"))


def authorisation_for(user, credit_code: str, matter_code: str | None = None,
                      on: date | None = None) -> AgentAuthorisation | None:
    """The authorisation that lets `user` act for the organisation `credit_code` in the matter
    `matter_code` (any matter when None) on `on`, or None."""
    credit_code = (credit_code or "").strip().upper()
    for auth in current_authorisations(user, on).filter(organisation__credit_code=credit_code):
        if auth.covers(matter_code):
            return auth
    return None


def can_act_for(user, credit_code: str, matter_code: str | None = None, on: date | None = None) -> bool:
    return authorisation_for(user, credit_code, matter_code, on) is not None


def is_administrator(user, organisation: Organisation) -> bool:
    return current_authorisations(user).filter(organisation=organisation,
                                               kind=AgentAuthorisation.Kind.ADMINISTRATOR).exists()


def administered_organisations(user):
    return Organisation.objects.filter(
        pk__in=current_authorisations(user).filter(kind=AgentAuthorisation.Kind.ADMINISTRATOR)
        .values("organisation_id"))


def organisation_for_administrator(user, credit_code: str) -> Organisation:
    """The organisation if `user` administers it (or is a platform admin); otherwise PermissionDenied
    — the same answer whether the code exists or not."""
    org = Organisation.objects.filter(credit_code=(credit_code or "").strip().upper()).first()
    if org is None or not (is_administrator(user, org) or is_platform_admin(user)):
        raise PermissionDenied("您不是该单位的管理员，不能管理其经办人。")
    return org


def registered_credit_codes(credit_codes) -> set[str]:
    """Which of `credit_codes` already have an organisation account."""
    return set(Organisation.objects.values_list("credit_code", flat=True).filter(credit_code__in=list(credit_codes)))


def authorisation_in(organisation: Organisation, pk: int) -> AgentAuthorisation | None:
    """One authorisation of the organisation (another organisation's is None, as a missing one)."""
    return AgentAuthorisation.objects.filter(pk=pk, organisation=organisation).first()


def authorisations_of(organisation: Organisation):
    """Every authorisation of the organisation, current first, then expired and revoked (history)."""
    return (organisation.authorisations.select_related("agent", "granted_by", "revoked_by")
            .order_by("revoked_at", "-granted_at"))


def current_authorisations_of(organisation: Organisation, on: date | None = None):
    on = on or timezone.localdate()
    return (organisation.authorisations.filter(revoked_at__isnull=True, valid_from__lte=on)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on)))


# -- writes -------------------------------------------------------------------------------------

def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _require_administrator(actor, organisation: Organisation) -> None:
    if not (is_platform_admin(actor) or is_administrator(actor, organisation)):
        raise PermissionDenied("只有单位管理员（法定代表人或其授权的管理员）可以管理经办人授权。")


@transaction.atomic
def register_organisation(actor, *, credit_code: str, name: str, kind: str = OrganisationKind.ENTERPRISE,
                          legal_representative: str = "", administrator: User | None = None,
                          source: str = Organisation.Source.ADMIN) -> Organisation:
    """Register an organisation account; `administrator` (usually the legal representative's own
    account) gets an open-ended administrator authorisation. The caller has checked the
    organisation against the legal-entity registry or its licence (`source`)."""
    credit_code, name = (credit_code or "").strip().upper(), (name or "").strip()
    errors = {}
    try:
        validate_credit_code(credit_code)  # GB 32100: alphabet and MOD 31 check character
    except ValidationError as exc:
        errors["credit_code"] = exc.messages
    else:
        if Organisation.objects.filter(credit_code=credit_code).exists():
            errors["credit_code"] = ["该统一社会信用代码已注册法人账户；如需成为管理员，请联系该单位现有管理员。"]
    if not name:
        errors["name"] = ["请填写单位名称"]
    if kind not in OrganisationKind.values:
        errors["kind"] = [f"未知的单位类型：{kind}"]
    if administrator is not None and administrator.identity_level < AGENT_MIN_LEVEL:
        errors["administrator"] = ["单位管理员须先完成实名认证（人口库比对或窗口核验）"]
    if errors:
        raise ValidationError(errors)
    actor_user = actor if getattr(actor, "is_authenticated", False) else None
    org = Organisation(credit_code=credit_code, name=name, kind=kind, legal_representative=legal_representative,
                       source=source, registered_by=actor_user)
    org.full_clean()
    org.save()
    audit(actor, "accounts.organisation.register", org, f"登记法人账户 {name}（{credit_code}）",
          {"kind": kind, "source": source, "administrator": administrator.username if administrator else None})
    if administrator is not None:
        _grant(actor_user, actor, org, administrator, kind=AgentAuthorisation.Kind.ADMINISTRATOR, matter_codes=[],
               valid_until=None)
    return org


def _grant(actor_user, actor, org, agent, *, kind, matter_codes, valid_until, valid_from=None):
    auth = AgentAuthorisation(organisation=org, agent=agent, kind=kind, matter_codes=matter_codes,
                              valid_from=valid_from or timezone.localdate(), valid_until=valid_until,
                              granted_by=actor_user)
    auth.full_clean(exclude=["organisation", "agent"])
    auth.save()
    audit(actor, "accounts.authorisation.grant", auth,
          f"{org.name} 授权 {agent}（{agent.username}）为{auth.get_kind_display()}，"
          f"{auth.scope_label}，有效期至 {valid_until or '长期'}",
          {"organisation": org.credit_code, "agent": agent.username, "kind": kind,
           "matter_codes": matter_codes, "valid_until": valid_until.isoformat() if valid_until else None})
    return auth


@transaction.atomic
def authorise_agent(actor, organisation: Organisation, agent: User, *, valid_until: date | None,
                    matter_codes: list[str] | None = None, kind: str = AgentAuthorisation.Kind.AGENT,
                    valid_from: date | None = None) -> AgentAuthorisation:
    """An administrator of `organisation` lets `agent` act for it. A person already authorised is
    re-authorised: the old row is closed (revoked, reason 被新授权替代) so the history shows both."""
    _require_administrator(actor, organisation)
    today = timezone.localdate()
    errors = {}
    if kind not in AgentAuthorisation.Kind.values:
        errors["kind"] = [f"未知的授权身份：{kind}"]
    if agent.identity_level < AGENT_MIN_LEVEL:
        errors["agent"] = ["被授权人须先完成实名认证（人口库比对或窗口核验）"]
    if kind == AgentAuthorisation.Kind.AGENT:
        if valid_until is None:
            errors["valid_until"] = ["请填写授权有效期"]
        elif valid_until < today:
            errors["valid_until"] = ["授权有效期不能早于今天"]
        elif valid_until > _years_after(today, MAX_AGENT_YEARS):
            errors["valid_until"] = [f"经办人授权最长{MAX_AGENT_YEARS}年，到期后可再次授权"]
    codes = list(matter_codes or [])
    if any(not MATTER_CODE_RE.match(str(c)) for c in codes):
        errors["matter_codes"] = ["授权事项应填写12位事项基本编码"]
    if errors:
        raise ValidationError(errors)
    actor_user = actor if getattr(actor, "is_authenticated", False) else None
    previous = (AgentAuthorisation.objects.select_for_update()
                .filter(organisation=organisation, agent=agent, revoked_at__isnull=True).first())
    if previous is not None:
        previous.revoked_at, previous.revoked_by, previous.revoke_reason = timezone.now(), actor_user, "被新授权替代"
        previous.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    return _grant(actor_user, actor, organisation, agent, kind=kind, matter_codes=sorted(set(codes)),
                  valid_until=valid_until, valid_from=valid_from)


@transaction.atomic
def revoke_authorisation(actor, authorisation: AgentAuthorisation, reason: str = "") -> AgentAuthorisation:
    auth = AgentAuthorisation.objects.select_for_update().select_related("organisation", "agent").get(
        pk=authorisation.pk)
    _require_administrator(actor, auth.organisation)
    if auth.revoked_at is not None:
        raise ValidationError("该授权已撤销。")
    if auth.kind == AgentAuthorisation.Kind.ADMINISTRATOR:
        others = (current_authorisations_of(auth.organisation).filter(kind=AgentAuthorisation.Kind.ADMINISTRATOR)
                  .exclude(pk=auth.pk))
        if not others.exists() and not is_platform_admin(actor):
            raise ValidationError("不能撤销单位的最后一名管理员；请先授权另一名管理员。")
    auth.revoked_at = timezone.now()
    auth.revoked_by = actor if getattr(actor, "is_authenticated", False) else None
    auth.revoke_reason = (reason or "").strip()[:200]
    auth.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    audit(actor, "accounts.authorisation.revoke", auth,
          f"{auth.organisation.name} 撤销 {auth.agent}（{auth.agent.username}）的{auth.get_kind_display()}授权",
          {"organisation": auth.organisation.credit_code, "agent": auth.agent.username, "reason": auth.revoke_reason})
    return auth

