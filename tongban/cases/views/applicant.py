"""The applicant's pages: start an application, fill and submit the draft, 我的办件 and the case page.

Thin: every write goes through services.intake / services.delivery, every read through selectors.
Pages work without JavaScript (one multipart form per page, buttons say what they do); on any error
the page is rendered again with what the applicant typed, and the errors are listed at the top with
links to the fields (GOV.UK error summary pattern).
"""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tongban.cases import deadlines, materials, notices, selectors
from tongban.cases.models import (
    Case,
    DeliveryMethod,
    DeliveryStatus,
    FileKind,
    Phase,
)
from tongban.cases.services import delivery as delivery_service
from tongban.cases.services import intake
from tongban.catalog.selectors import active_implementation, materials_of
from tongban.core.paging import CappedPaginator
from tongban.core.request_context import channel_of
from tongban.delivery.selectors import shipments_for
from tongban.forms.defaults import effective_form
from tongban.forms.uploads import ACCEPT_ATTR
from tongban.forms.validation import clean_answers
from tongban.payments.selectors import orders_for

SUBMITTED_KEY = "tongban_just_submitted"  # session: show the confirmation panel once after 提交
FIELD_PREFIX = "f-"  # forms/_form.html's default id prefix


# -- reading one's own cases (404 for anyone else's, the same as for a missing one) --------------

def _own_case(user, number) -> Case:
    case = selectors.case_for_applicant(user, number)
    if case is None:
        raise Http404("办件不存在")
    return case


def _own_draft(user, uid) -> Case:
    case = selectors.case_by_uid_for_applicant(user, uid)
    if case is None:
        raise Http404("草稿不存在")
    return case


# -- errors ------------------------------------------------------------------------------------------

def error_dict(exc: ValidationError) -> dict[str, str]:
    if hasattr(exc, "error_dict"):
        return {key: "；".join(msgs) for key, msgs in exc.message_dict.items()}
    return {"__all__": "；".join(exc.messages)}


def error_summary(errors: dict[str, str], spec) -> list[tuple[str, str]]:
    """(href, message) for the summary at the top of the page.

    The form's own errors are listed by forms/_form.html in its summary (with links to each field):
    here they take one line pointing there, so a screen reader does not hear them twice. Materials
    and general errors follow, each linking to its upload."""
    keys = {f.get("key") for f in spec}
    in_form = sum(1 for key in errors if key in keys)
    rows = [(f"#{FIELD_PREFIX}summary-title", f"申请表有 {in_form} 处需要修改")] if in_form else []
    rows += [(f"#material-{key.removeprefix('material_')}", message)
             for key, message in sorted(errors.items()) if key.startswith("material_")]
    rows += [("", message) for key, message in errors.items() if key not in keys and not key.startswith("material_")]
    return rows


def typed_answers(spec, data) -> dict:
    """What the applicant typed, to show again next to the error (never the cleaned value)."""
    typed = {}
    for field in spec:
        key, kind = field.get("key"), field.get("type")
        if not key or kind == "section":
            continue
        if kind == "checkbox":
            typed[key] = data.getlist(key)
        elif kind == "boolean":
            typed[key] = data.get(key) in ("on", "true", "1", "yes")
        elif key in data:
            typed[key] = data.get(key)
    return typed


# -- materials -------------------------------------------------------------------------------------

def material_rows(case: Case, errors=None, checks=None) -> list[dict]:
    """Each material of the version with its 来源渠道 and the files uploaded for it."""
    errors = errors or {}
    files = {}
    for f in selectors.current_files(case, kinds=[FileKind.MATERIAL]):
        files.setdefault(f.material_id, []).append(f)
    checks = materials.check(case) if checks is None else checks  # 免证办: what a licence or a registry already stands for
    rows = []
    for m in materials_of(case.matter_version):
        rows.append({
            "material": m,
            "uploadable": checks.from_applicant(m),
            "supplied": checks.satisfied(m),
            "problems": checks.problems(m),
            "files": files.get(m.pk, []),
            "error": errors.get(f"material_{m.pk}", ""),
        })
    return rows


def _attach_posted_files(request, case: Case) -> dict[str, str]:
    """Every chosen file (inputs named material-<id>) is uploaded; errors are keyed per material."""
    errors = {}
    materials = {str(m.pk): m for m in materials_of(case.matter_version)}
    for name in request.FILES:
        mid = name.removeprefix("material-")
        material = materials.get(mid)
        if material is None:
            continue
        for uploaded in request.FILES.getlist(name):
            try:
                intake.attach_file(request.user, case, material, uploaded)
            except ValidationError as exc:
                errors[f"material_{mid}"] = "；".join(exc.messages)
    return errors


def _remove_posted_file(request, case: Case) -> None:
    f = selectors.current_file(case, request.POST.get("remove") or 0)
    if f is None:
        raise ValidationError("要删除的文件不存在或已删除。")
    intake.remove_file(request.user, case, f)


def _full_check(case: Case, spec) -> dict[str, str]:
    """The errors 提交 would give, to list them all at once when the draft also has format errors."""
    _, errors = clean_answers(spec, case.answers)
    for m in materials.missing_materials(case):
        errors[f"material_{m.pk}"] = f"请上传“{m.name}”"
    return errors


# -- starting an application --------------------------------------------------------------------

@login_required
def apply_start(request, code):
    """A start page (what to prepare, drafts to resume) and a POST that opens a new draft."""
    impl = active_implementation(code)
    version = impl.matter.current_version if impl else None
    if version is None:
        raise Http404("该事项未发布或已停止实施")
    error = ""
    if request.method == "POST":
        try:
            case = intake.start_application(request.user, impl, channel=channel_of(request))
        except (ValidationError, PermissionDenied) as exc:
            error = "；".join(getattr(exc, "messages", None) or [str(exc)])
        else:
            return redirect("applicant-draft", uid=case.uid)
    drafts = selectors.drafts_for_applicant(request.user, impl)
    return render(request, "cases/applicant/start.html", {
        "impl": impl, "version": version, "drafts": drafts, "error": error,
        "materials": materials_of(version),
    })


# -- the draft ------------------------------------------------------------------------------------

@login_required
def draft(request, uid):
    joint_number = selectors.joint_case_number_of_draft(request.user, uid)
    if joint_number:  # the themes app serves joint cases at this address
        return redirect(f"/my/joint-cases/{joint_number}/")
    case = _own_draft(request.user, uid)
    if case.phase != Phase.DRAFT:
        return redirect("applicant-case", number=case.number)  # already submitted (e.g. a second click)
    if case.registered_by_id:
        # 一窗受理: the clerk fills this draft at the window; the applicant sees it once submitted.
        messages.info(request, "该申请正由窗口工作人员为您登记，提交后可在“我的办件”中查看。")
        return redirect("applicant-cases")
    spec = effective_form(case.matter_version)
    if request.method != "POST":
        return _render_draft(request, case, spec)
    action = request.POST.get("action", "save")
    if action == "delete":
        intake.withdraw(request.user, case)
        messages.success(request, "草稿已删除。")
        return redirect("applicant-cases")

    case, errors = intake.save_draft(request.user, case, request.POST)
    errors.update(_attach_posted_files(request, case))
    anchor = ""
    if request.POST.get("remove"):
        try:
            _remove_posted_file(request, case)
        except (ValidationError, PermissionDenied) as exc:
            errors["__all__"] = "；".join(getattr(exc, "messages", None) or [str(exc)])
        anchor = "#materials"
    elif request.POST.get("upload"):
        anchor = f"#material-{request.POST['upload']}"
    if action == "submit":
        if not errors:
            try:
                case = intake.submit(request.user, case)
            except ValidationError as exc:
                errors = error_dict(exc)
            else:
                request.session[SUBMITTED_KEY] = case.number
                return redirect("applicant-case", number=case.number)
        else:
            errors = {**_full_check(case, spec), **errors}
    if errors:
        return _render_draft(request, case, spec, errors=errors, typed=typed_answers(spec, request.POST))
    if not anchor:
        messages.success(request, "草稿已保存，可随时在“我的办件”中继续填写。")
    return redirect(reverse("applicant-draft", kwargs={"uid": case.uid}) + anchor)


def _render_draft(request, case, spec, *, errors=None, typed=None):
    errors = errors or {}
    keys = {f.get("key") for f in spec}
    # Only form errors: the form's own summary, first on the page, already lists them.
    summary = error_summary(errors, spec) if any(k not in keys for k in errors) else []
    checks = materials.check(case)  # asked once for the rows and the list of what is missing
    return render(request, "cases/applicant/draft.html", {
        "case": case, "spec": spec, "answers": {**case.answers, **(typed or {})}, "errors": errors,
        "form_errors": {k: v for k, v in errors.items() if k in keys},
        "summary": summary, "materials": material_rows(case, errors, checks),
        "accept": ACCEPT_ATTR, "missing": materials.missing_materials(case, checks=checks),
    })


# -- 我的办件 ----------------------------------------------------------------------------------

def next_step(case: Case, *, awaits_materials: bool | None = None) -> tuple[str, bool]:
    """(what happens next, whether the applicant must act) for lists and the case page; a list passes
    `awaits_materials` it read for all its cases at once."""
    if case.phase == Phase.DRAFT:
        return ("窗口工作人员正在为您登记", False) if case.registered_by_id else ("继续填写并提交申请", True)
    if case.phase == Phase.SUBMITTED:
        return "等待部门受理", False
    if case.phase == Phase.CORRECTION:
        return "请按一次性告知书补正材料后提交", True
    if case.phase == Phase.PROCESSING:
        if selectors.awaits_materials(case) if awaits_materials is None else awaits_materials:
            return "请在承诺日期前补交容缺材料", True
        return f"审批中（{case.state.name}）", False
    if case.phase == Phase.REFUSED:
        return "不予受理，详见不予受理通知书", False
    if case.phase == Phase.WITHDRAWN:
        return "已撤回", False
    status = case.delivery_status
    if status == DeliveryStatus.AWAITING_PAYMENT:
        return "请缴纳费用", True
    if status == DeliveryStatus.READY and case.delivery_method == DeliveryMethod.WINDOW:
        return "请凭取件码到窗口领取", True
    if status == DeliveryStatus.READY:
        return "等待寄出", False
    if status == DeliveryStatus.SHIPPED:
        return "已寄出，请留意签收", False
    return "已办结", False


MY_CASES_PAGE = 20  # 已办结 per page
MY_LIST_LIMIT = 50  # drafts and joint cases shown (the latest); open cases are listed in full


def _with_next_steps(cases: list[Case]) -> list[Case]:
    waiting = selectors.awaiting_materials_ids(c for c in cases if c.phase == Phase.PROCESSING)
    for case in cases:
        case.clock = deadlines.clock(case)
        case.next_step, case.must_act = next_step(case, awaits_materials=case.pk in waiting)
    return cases


@login_required
def my_cases(request):
    """我的办件: what is under way in full, the latest drafts and joint cases, the history page by page
    (a company filing daily has thousands of cases)."""
    user = request.user
    done = CappedPaginator(selectors.done_cases_for_applicant(user), MY_CASES_PAGE).get_page(request.GET.get("page"))
    return render(request, "cases/applicant/my_cases.html", {
        "current": _with_next_steps(list(selectors.current_cases_for_applicant(user))),
        "drafts": _with_next_steps(list(selectors.draft_cases_for_applicant(user)[:MY_LIST_LIMIT])),
        "done": _with_next_steps(list(done.object_list)), "done_page": done,
        "joint": list(selectors.recent_bundles_for_applicant(user)[:MY_LIST_LIMIT]),  # 一件事联办件
    })


# -- the case page ----------------------------------------------------------------------------------

@login_required
def case_detail(request, number):
    case = _own_case(request.user, number)
    just_submitted = request.session.pop(SUBMITTED_KEY, None) == case.number
    return _render_case(request, case, just_submitted=just_submitted)


def _render_case(request, case, *, errors=None, section="", typed=None, status=200, just_submitted=False):
    spec = effective_form(case.matter_version)
    errors = errors or {}
    correction = selectors.open_correction(case) if case.phase == Phase.CORRECTION else None
    rows = {r["material"].pk: r for r in material_rows(case, errors)}
    items = []
    for item in (correction.items if correction else []):
        items.append({**item, "row": rows.get(item.get("material_id"))})
    pending = selectors.outstanding_materials(case)
    for p in pending:
        p.row = rows.get(p.material_id)
    shipments = list(shipments_for(case.number))
    context = {
        "case": case, "clock": deadlines.clock(case), "just_submitted": just_submitted,
        "next_step": next_step(case), "correction": correction, "correction_items": items,
        "pending": pending, "orders": list(orders_for(case.number)), "shipments": shipments,
        "phone4": (case.delivery_phone or case.applicant_phone)[-4:],
        "timeline": selectors.timeline(case, for_applicant=True),
        "notices": [(notices.title_of(case, k), reverse("case-notice-pdf", args=[case.number, k]))
                    for k in notices.available(case)],
        "results": case.results.all(),
        "files": selectors.current_files(case, kinds=[FileKind.MATERIAL, FileKind.RESULT]),
        "supplied_rows": [r for r in rows.values() if r["supplied"]],  # 免证办: taken from licences/registries
        "spec": spec, "form_answers": {**case.answers, **(typed or {})},
        "errors": errors if section != "delivery" else {}, "section": section,
        "form_errors": {k: v for k, v in errors.items() if k in {f.get("key") for f in spec}}
        if section != "delivery" else {},
        "delivery_errors": errors if section == "delivery" else {},
        "summary": _delivery_summary(errors) if section == "delivery" else error_summary(errors, spec),
        "accept": ACCEPT_ATTR,
        "can_withdraw": case.phase in (Phase.SUBMITTED, Phase.CORRECTION),
        # A case registered at a window: its form and files are the clerk's; the applicant adds files.
        "applicant_edits": not case.registered_by_id,
        "can_choose_delivery": _can_choose_delivery(case),
        "delivery_methods": [(m.value, m.label) for m in DeliveryMethod
                             if m != DeliveryMethod.ONLINE
                             and (m != DeliveryMethod.EXPRESS or case.matter_version.supports_express)],
        "delivery_form": {"method": case.delivery_method, "recipient": case.delivery_recipient or case.applicant_name,
                          "phone": case.delivery_phone or case.applicant_phone, "address": case.delivery_address,
                          **(typed if section == "delivery" else {})},
    }
    return render(request, "cases/applicant/case.html", context, status=status)


def _delivery_summary(errors: dict[str, str]) -> list[tuple[str, str]]:
    keys = ("method", "recipient", "phone", "address")
    return [(f"#delivery-{k}" if k in keys else "", msg) for k, msg in errors.items()]


def _can_choose_delivery(case: Case) -> bool:
    return case.phase not in (Phase.REFUSED, Phase.WITHDRAWN, Phase.DRAFT) and \
        case.delivery_status not in (DeliveryStatus.SHIPPED, DeliveryStatus.DELIVERED)


def _case_action(section: str, success: str):
    """Wrap a POST on the case page: run it, then redirect with a message, or show the page again
    with the errors in `section` and what was typed."""
    def decorate(fn):
        @login_required
        @require_POST
        def view(request, number):
            case = _own_case(request.user, number)
            try:
                fn(request, case)
            except (ValidationError, PermissionDenied) as exc:
                errors = error_dict(exc) if isinstance(exc, ValidationError) else {"__all__": str(exc)}
                typed = dict(request.POST.items()) if section == "delivery" else \
                    typed_answers(effective_form(case.matter_version), request.POST)
                case.refresh_from_db()
                return _render_case(request, case, errors=errors, section=section, typed=typed)
            messages.success(request, success)
            return redirect(reverse("applicant-case", args=[case.number]) + f"#{section}")
        view.__name__ = fn.__name__
        view.__doc__ = fn.__doc__
        return view
    return decorate


@_case_action("next", "材料已上传。")
def case_upload(request, case):
    """补正 or 容缺: upload a material after submission."""
    errors = _attach_posted_files(request, case)
    if errors:
        raise ValidationError(errors)
    if not request.FILES:
        raise ValidationError({f"material_{request.POST.get('upload', '')}": "请选择要上传的文件"})


@_case_action("next", "文件已删除。")
def case_remove_file(request, case):
    _remove_posted_file(request, case)


@_case_action("next", "申请表已保存。")
def case_answers(request, case):
    """补正 of the form itself (a wrong address, a missing contact)."""
    case, errors = intake.save_draft(request.user, case, request.POST)
    if errors:
        raise ValidationError(errors)


@_case_action("next", "补正材料已提交，请等待部门审核。")
def case_resubmit(request, case):
    intake.resubmit(request.user, case)


@_case_action("delivery", "送达方式已保存。")
def case_delivery(request, case):
    p = request.POST
    delivery_service.choose_delivery(request.user, case, method=p.get("method", ""),
                                     recipient=p.get("recipient", ""), phone=p.get("phone", "").strip(),
                                     address=p.get("address", ""))


@_case_action("withdraw", "申请已撤回。")
def case_withdraw(request, case):
    intake.withdraw(request.user, case, request.POST.get("reason", "").strip())
