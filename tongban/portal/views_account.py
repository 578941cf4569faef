"""我的账户: 实名认证 against the population registry, organisation accounts and their agents.

Thin views: the registries answer (tongban.portal.identity_sources), tongban.accounts records
(identity, organisations) and audits. Bad input is shown again with what was typed and a Chinese
message next to the field; nothing already saved is touched.
"""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tongban.accounts import identity, organisations
from tongban.accounts import second_factor as sf
from tongban.accounts.models import AgentAuthorisation, AssuranceLevel, Organisation, VerificationMethod
from tongban.accounts.selectors import is_staff_member
from tongban.accounts.user_selectors import verified_person
from tongban.portal import identity_sources


def _field_errors(exc: ValidationError) -> dict[str, str]:
    if hasattr(exc, "message_dict"):
        return {("general" if k == "__all__" else k): "；".join(v) for k, v in exc.message_dict.items()}
    return {"general": "；".join(exc.messages)}


@login_required
def my_account(request):
    user = request.user
    registered = organisations.registered_credit_codes(
        c for c, _ in identity_sources.represented_organisations(user))
    return render(request, "portal/account/account.html", {
        "verifications": identity.verifications_of(user)[:20],
        "levels": AssuranceLevel,
        "authorisations": organisations.current_authorisations(user),
        "administered": {o.pk for o in organisations.administered_organisations(user)},
        "unregistered": [(c, n) for c, n in identity_sources.represented_organisations(user) if c not in registered],
        "is_staff_member": is_staff_member(user),
        "has_device": sf.has_confirmed_device(user),
        "backup_left": sf.backup_codes_left(user),
    })


@login_required
def verify_identity(request):
    """实名认证: name and 公民身份号码, matched against the population registry (二级)."""
    user = request.user
    form = {"name": user.display_name, "id_number": user.id_number}
    errors: dict[str, str] = {}
    if request.method == "POST":
        form = {"name": request.POST.get("name", "").strip(), "id_number": request.POST.get("id_number", "").strip()}
        try:
            id_number, name = identity.check_identity_claim(user, **form)
        except ValidationError as exc:
            errors = _field_errors(exc)
        except PermissionDenied as exc:
            errors = {"general": str(exc)}
        else:
            matched = identity_sources.match_person(user, id_number, name)
            if matched is None:
                identity.record_verification(user, user, id_number=id_number, name=name,
                                             method=VerificationMethod.SELF_DECLARED, note="人口库暂不可用")
                messages.info(request, "已登记您填报的身份信息（一级）。人口库核验暂不可用，"
                                       "可稍后再试，或携带身份证到政务服务中心窗口核验。")
                return redirect("my-account")
            identity.record_verification(user, user, id_number=id_number, name=name,
                                         method=VerificationMethod.POPULATION_REGISTRY, passed=matched)
            if matched:
                messages.success(request, "实名认证通过：姓名与公民身份号码经人口基础信息库比对一致（二级）。")
                return redirect("my-account")
            left = identity.MAX_FAILED_MATCHES_PER_DAY - identity.failed_matches_today(user)
            errors = {"general": f"姓名与公民身份号码不一致，或人口库中没有该号码。请核对后重试（今日还可尝试 {max(left, 0)} 次），"
                                 "或携带身份证到政务服务中心窗口核验。"}
    return render(request, "portal/account/verify.html", {
        "form": form, "errors": errors, "registry_available": identity_sources.registry_available(),
    }, status=400 if errors else 200)


@require_POST
@login_required
def register_organisation(request):
    """开通法人账户 for an organisation the legal-entity registry lists the person as 法定代表人 of."""
    user = request.user
    code = request.POST.get("credit_code", "").strip().upper()
    names = dict(identity_sources.represented_organisations(user))
    if user.identity_level < organisations.AGENT_MIN_LEVEL:
        messages.error(request, "请先完成实名认证，再开通法人账户。")
    elif code not in names:
        messages.error(request, "法人基础信息库中，您不是该统一社会信用代码对应单位的法定代表人，不能在线开通；"
                                "请由法定代表人开通，或持营业执照到政务服务中心窗口办理。")
    else:
        try:
            organisations.register_organisation(
                user, credit_code=code, name=names[code], kind=organisations.kind_from_credit_code(code),
                legal_representative=user.display_name, administrator=user,
                source=Organisation.Source.LEGAL_ENTITY_REGISTRY)
        except ValidationError as exc:
            messages.error(request, "；".join(_field_errors(exc).values()))
        else:
            messages.success(request, f"已开通法人账户：{names[code]}。您是该单位的管理员，可以授权经办人。")
            return redirect("organisation-agents", credit_code=code)
    return redirect("my-account")


def _authorise_form(request) -> dict:
    return {k: request.POST.get(k, "").strip() for k in ("name", "id_number", "kind", "matter_codes", "valid_until")}


def _authorise(user, org: Organisation, form: dict) -> AgentAuthorisation:
    errors = {}
    agent = None
    number = form["id_number"].upper()
    if not form["name"]:
        errors["name"] = ["请填写被授权人姓名"]
    if not number:
        errors["id_number"] = ["请填写被授权人公民身份号码"]
    else:
        agent = verified_person(number, form["name"], organisations.AGENT_MIN_LEVEL)
        if agent is None and form["name"]:
            # Whether the number exists or the name is wrong looks the same: nobody learns who has an account.
            errors["id_number"] = ["未找到该姓名和公民身份号码对应的已实名认证账户；请被授权人先注册并完成实名认证"]
    try:
        codes = organisations.parse_matter_codes(form["matter_codes"])
    except ValidationError as exc:
        errors.update(exc.message_dict)
        codes = []
    until = None
    kind = form["kind"] or AgentAuthorisation.Kind.AGENT
    if form["valid_until"]:
        try:
            until = date.fromisoformat(form["valid_until"])
        except ValueError:
            errors["valid_until"] = ["有效期应为日期，如 2027-12-31"]
    elif kind == AgentAuthorisation.Kind.AGENT:
        errors["valid_until"] = ["请填写授权有效期"]
    if errors:
        raise ValidationError(errors)
    return organisations.authorise_agent(user, org, agent, valid_until=until, matter_codes=codes, kind=kind)


@login_required
def organisation_agents(request, credit_code):
    """The organisation's administrator authorises and revokes 经办人."""
    user = request.user
    try:
        org = organisations.organisation_for_administrator(user, credit_code)
    except PermissionDenied as exc:
        return render(request, "portal/account/forbidden.html", {"message": str(exc)}, status=403)
    form, errors = {"kind": AgentAuthorisation.Kind.AGENT}, {}
    if request.method == "POST":
        form = _authorise_form(request)
        try:
            auth = _authorise(user, org, form)
        except ValidationError as exc:
            errors = _field_errors(exc)
        except PermissionDenied as exc:
            errors = {"general": str(exc)}
        else:
            messages.success(request, f"已授权 {auth.agent.display_name} 为{auth.get_kind_display()}（{auth.scope_label}，"
                                      f"有效期至 {auth.valid_until or '长期'}）。")
            return redirect("organisation-agents", credit_code=org.credit_code)
    today = date.today()
    return render(request, "portal/account/agents.html", {
        "org": org, "authorisations": organisations.authorisations_of(org), "today": today,
        "form": form, "errors": errors, "kinds": AgentAuthorisation.Kind.choices,
        "max_until": today.replace(year=today.year + organisations.MAX_AGENT_YEARS, day=min(today.day, 28)),
    }, status=400 if errors else 200)


@require_POST
@login_required
def revoke_agent(request, credit_code, pk):
    user = request.user
    try:
        org = organisations.organisation_for_administrator(user, credit_code)
    except PermissionDenied as exc:
        return render(request, "portal/account/forbidden.html", {"message": str(exc)}, status=403)
    auth = organisations.authorisation_in(org, pk)
    if auth is None:
        raise Http404("授权不存在")
    try:
        organisations.revoke_authorisation(user, auth, request.POST.get("reason", ""))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, "；".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, f"已撤销 {auth.agent.display_name} 的{auth.get_kind_display()}授权。")
    return redirect(reverse("organisation-agents", kwargs={"credit_code": org.credit_code}))
