"""The applicant's joint case (联办件): every sub-case with its department, state, deadline and result,
one timeline, one 补正 (fix once, resubmit once) and one hand-out. Another person's joint case is a
404, the same as a missing one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tongban.cases import deadlines
from tongban.cases.models import BundlePhase, DeliveryMethod, DeliveryStatus, Phase
from tongban.cases.rating_links import joint_rating_path
from tongban.cases.selectors import bundle_for_applicant, member_in_correction
from tongban.cases.services import bundle_progress, bundles
from tongban.forms.uploads import ACCEPT_ATTR
from tongban.forms.validation import clean_answers
from tongban.themes import page_selectors
from tongban.themes.services import correct_joint_application
from tongban.themes.views_journey import CONFIRMED_KEY


def _own(user, number):
    bundle = bundle_for_applicant(user, number)
    if bundle is None:
        raise Http404("联办件不存在")
    return bundle


def next_step(bundle) -> tuple[str, bool]:
    """(what happens next, whether the applicant must act)."""
    if bundle.phase == BundlePhase.SUBMITTED:
        return "等待综合窗口受理（一次受理后分送各部门并联办理）", False
    if bundle.phase == BundlePhase.CORRECTION:
        return "请按一次性告知补正后一次提交", True
    if bundle.phase == BundlePhase.REFUSED:
        return "不予受理", False
    if bundle.phase == BundlePhase.PROCESSING:
        if member_in_correction(bundle):
            return "部门要求补正，请补正后提交", True
        return "各部门并联办理中", False
    if bundle.delivery_status == DeliveryStatus.AWAITING_PAYMENT:
        return "全部办结，缴费后统一出件", True
    if bundle.delivery_status == DeliveryStatus.READY and bundle.delivery_method == DeliveryMethod.WINDOW:
        return "全部办结，请凭取件码一次领取全部结果", True
    if bundle.delivery_status == DeliveryStatus.SHIPPED:
        return "全部结果已一次寄出，请留意签收", False
    return "已办结", False


@login_required
def confirmation(request, number):
    bundle = _own(request.user, number)
    if request.session.pop(CONFIRMED_KEY, None) != bundle.number:
        return redirect("joint-case", number=bundle.number)
    return render(request, "themes/joint/confirmation.html", {
        "bundle": bundle, "members": page_selectors.member_rows(bundle)})


@login_required
def joint_case(request, number):
    return _render(request, _own(request.user, number))


def _render(request, bundle, *, errors=None, typed=None, status=200):
    errors = errors or {}
    members = page_selectors.member_rows(bundle)
    fixing = bundle.phase == BundlePhase.CORRECTION or (
        bundle.phase == BundlePhase.PROCESSING and any(m["case"].phase == Phase.CORRECTION for m in members))
    codes = page_selectors.members_to_fix(bundle) if fixing else set()
    spec = page_selectors.spec_to_fix(bundle, codes) if fixing else []
    uploads = page_selectors.uploads_to_fix(bundle, codes) if fixing else []
    form_keys = {f.get("key") for f in spec}
    summary = [(f"#f-{k.removeprefix('answers.')}" if k.removeprefix("answers.") in form_keys else
                f"#material-{k.removeprefix('materials.')}" if k.startswith("materials.") else "", v)
               for k, v in errors.items()]
    correction_items = {}
    for item in (bundle.correction or {}).get("items", []) if bundle.phase == BundlePhase.CORRECTION else []:
        correction_items.setdefault(item.get("member_name") or item.get("member"), []).append(item)
    context = {
        "bundle": bundle, "members": members, "clock": deadlines.clock(bundle), "next_step": next_step(bundle),
        "timeline": page_selectors.joint_timeline(bundle, for_applicant=True),
        "situation": page_selectors.situation_rows(bundle.definition or {}, bundle.situation or {}),
        "answers": page_selectors.joint_answers(bundle, mask=False),
        "results": [(m["name"], r) for m in members for r in m["results"]],
        "fixing": fixing, "correction_items": correction_items,
        "dept_corrections": [m for m in members if m["correction"]],
        "spec": spec, "form_answers": {**(bundle.answers or {}), **(typed or {})},
        "form_errors": {k.removeprefix("answers."): v for k, v in errors.items() if k.startswith("answers.")},
        "upload_rows": [{"m": m, "error": errors.get(f"materials.{m['key']}", "")} for m in uploads],
        "summary": summary, "accept": ACCEPT_ATTR,
        "can_choose_delivery": bundle.phase != BundlePhase.REFUSED and bundle.delivery_status not in (
            DeliveryStatus.SHIPPED, DeliveryStatus.DELIVERED),
        "delivery_methods": [(DeliveryMethod.WINDOW.value, DeliveryMethod.WINDOW.label),
                             (DeliveryMethod.EXPRESS.value, DeliveryMethod.EXPRESS.label)],
        "delivery_errors": errors if any(k in errors for k in ("method", "recipient", "phone", "address")) else {},
        "rate_link": _rate_link(bundle, members),
    }
    return render(request, "themes/joint/case.html", context, status=status)


def _rate_link(bundle, members) -> str:
    """好差评: a completed joint case is rated once, as a whole, through its own link (never per sub-case)."""
    handled = any(m["case"].number and m["case"].phase in (Phase.COMPLETED, Phase.REFUSED) for m in members)
    return joint_rating_path(bundle.number) + "?via=web" if bundle.phase == BundlePhase.COMPLETED and handled else ""


def _errors_of(exc) -> dict[str, str]:
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        return {k: "；".join(v) for k, v in exc.message_dict.items()}
    return {"__all__": "；".join(getattr(exc, "messages", None) or [str(exc)])}


@login_required
@require_POST
def correct(request, number):
    """补正 in the one form: answers and uploads, each mapped by the backend to every sub-case using it."""
    bundle = _own(request.user, number)
    spec = page_selectors.spec_to_fix(bundle, page_selectors.members_to_fix(bundle))
    posted = {f["key"] for f in spec if f.get("type") != "section" and (f["key"] in request.POST)}
    cleaned, form_errors = clean_answers(spec, request.POST, partial=True)
    errors = {f"answers.{k}": v for k, v in form_errors.items()}
    answers = {k: v for k, v in cleaned.items() if k in posted and k not in form_errors
               and v != (bundle.answers or {}).get(k)}
    uploads = {name.removeprefix("material_"): f for name, f in request.FILES.items() if name.startswith("material_")}
    try:
        found = correct_joint_application(request.user, bundle, answers=answers or None, uploads=uploads or None)
        errors.update(found)
    except (ValidationError, PermissionDenied) as exc:
        errors.update(_errors_of(exc))
    bundle.refresh_from_db()
    if errors:
        typed = {k: request.POST.get(k) for k in posted}
        return _render(request, bundle, errors=errors, typed=typed, status=400)
    messages.success(request, "补正内容已保存，确认无误后请点“提交补正”。")
    return redirect(reverse("joint-case", args=[bundle.number]) + "#fix")


@login_required
@require_POST
def resubmit(request, number):
    bundle = _own(request.user, number)
    try:
        bundles.resubmit_bundle(request.user, bundle)
    except (ValidationError, PermissionDenied) as exc:
        bundle.refresh_from_db()
        return _render(request, bundle, errors=_errors_of(exc), status=400)
    messages.success(request, "补正已一次提交，请等待办理。")
    return redirect("joint-case", number=bundle.number)


@login_required
@require_POST
def delivery(request, number):
    bundle = _own(request.user, number)
    p = request.POST
    try:
        bundle_progress.choose_bundle_delivery(request.user, bundle, method=p.get("method", ""),
                                       recipient=p.get("recipient", ""), phone=p.get("phone", "").strip(),
                                       address=p.get("address", ""))
    except (ValidationError, PermissionDenied) as exc:
        bundle.refresh_from_db()
        return _render(request, bundle, errors=_errors_of(exc), status=400)
    messages.success(request, "送达方式已保存。")
    return redirect(reverse("joint-case", args=[bundle.number]) + "#delivery")
