"""综合窗口 (/desk/): the clerk's window — "前台综合受理、综合窗口出件" (docs/domain.md §3).

Look an applicant up by ID number (a POST: the number stays out of URLs), register a walk-in for
any matter of the division (一窗受理), fill the form and attach scans (免证办: what an e-licence or a
registry stands for is not asked), submit and go straight to the acceptance panel of the workbench;
take the online applications waiting for acceptance; take fees; hand results out. 实名核验 (三级,
in person) has its own page: desk_identity.py.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tongban.accounts.models import Role
from tongban.accounts.user_selectors import person_by_id_number
from tongban.cases import materials, selectors
from tongban.cases.models import Case, Phase
from tongban.cases.selectors import case_for_staff, current_files, queue
from tongban.cases.services import delivery as delivery_services
from tongban.cases.services import intake
from tongban.cases.views.inbox import case_rows
from tongban.cases.views.staff import file_url, render_staff, split_errors, staff_page
from tongban.catalog.selectors import materials_of
from tongban.catalog.staff_selectors import implementation_for_clerk, implementations_for_clerk
from tongban.core.masking import mask_phone
from tongban.core.paging import TAB_CAP, capped_count, capped_label
from tongban.core.validators import validate_id_number
from tongban.forms.defaults import effective_form
from tongban.payments.models import WindowMethod
from tongban.payments.selectors import order_by_no, pending_orders_of
from tongban.payments.services import record_window_payment

MATTER_RESULTS = 15


# -- reads for the desk -------------------------------------------------------------------------

def _awaiting_payment(user, text: str = ""):
    cases = selectors.awaiting_payment(user, text)
    by_ref = {}
    for o in pending_orders_of(c.number for c in cases):
        by_ref.setdefault(o.reference, []).append(o)
    return [{"case": c, "orders": by_ref.get(c.number, [])} for c in cases]


def _desk_context(request, *, id_number: str = "", q: str | None = None, **extra) -> dict:
    """The desk page. `id_number` comes only from the lookup form's POST: a full ID number in a URL
    would end up in browser history and in the web server's access logs."""
    user = request.user
    id_number = (id_number or "").strip().upper()
    q = request.GET.get("q", "") if q is None else q
    context = {
        "id_number": id_number, "q": q.strip(), "person": None, "person_cases": [], "id_error": "",
        "matters": list(implementations_for_clerk(user, q)[:MATTER_RESULTS]) if q.strip() else [],
        "pending": case_rows(queue(user, "pending")[:30]),
        "pending_count": capped_label(*capped_count(queue(user, "pending"), TAB_CAP)),
        "drafts": selectors.window_drafts_of(user),
        "payments": _awaiting_payment(user, request.GET.get("pay_q", "")),
        "pay_q": request.GET.get("pay_q", "").strip(),
        "window_methods": WindowMethod.choices,
        "form": {}, "errors": {}, "general": [],
    }
    if id_number:
        try:
            validate_id_number(id_number)
        except ValidationError as exc:
            context["id_error"] = exc.messages[0]
        else:
            person = person_by_id_number(id_number)
            context["person"] = person
            context["person_phone"] = mask_phone(person.phone) if person else ""
            context["person_cases"] = case_rows(selectors.open_cases_of_person(user, id_number, person))
            context["form"] = {"id_number": id_number, "name": person.display_name if person else "",
                               "phone": person.phone if person else ""}
    context.update(extra)
    return context


@require_http_methods(["GET", "POST"])
@staff_page(role=Role.CLERK)
def desk(request):
    """GET: the desk. POST: the same page after looking an applicant up by ID number (and matters by
    keyword) — a POST, so the number stays out of URLs and logs."""
    if request.method == "POST":
        context = _desk_context(request, id_number=request.POST.get("id_number", ""), q=request.POST.get("q", ""))
    else:
        context = _desk_context(request)
    return render_staff(request, "cases/staff/desk.html", context)


@require_GET
@staff_page(role=Role.CLERK)
def desk_matters(request):
    """The matter list for the live search box (HTMX); the desk page shows the same list without JS."""
    q = request.GET.get("q", "")
    matters = list(implementations_for_clerk(request.user, q)[:MATTER_RESULTS]) if q.strip() else []
    return render_staff(request, "cases/staff/_desk_matters.html", {"matters": matters, "q": q.strip()})


# -- registering a walk-in ----------------------------------------------------------------------

@require_POST
@staff_page(role=Role.CLERK)
def register(request):
    post = request.POST
    form = {k: post.get(k, "").strip() for k in ("id_number", "name", "phone", "implementation")}
    impl = implementation_for_clerk(request.user, _int(form["implementation"]))
    try:
        if impl is None:
            raise ValidationError({"implementation": "请选择要办理的“事项”"})
        case = intake.register_walk_in(request.user, impl, id_number=form["id_number"].upper(), name=form["name"],
                                       phone=form["phone"])
    except ValidationError as exc:
        fields, general = split_errors(exc)
        matters = [impl] if impl is not None else []
        return render_staff(request, "cases/staff/desk.html",
                            _desk_context(request, form=form, errors=fields, general=general, matters=matters,
                                          chosen=impl.pk if impl else None), status=422)
    except PermissionDenied as exc:
        return render_staff(request, "cases/staff/desk.html",
                            _desk_context(request, form=form, general=[str(exc)]), status=403)
    messages.success(request, f"已为 {case.applicant_name} 登记“{case.matter_name}”，请填写申请表并上传材料扫描件。")
    return redirect("staff-desk-draft", uid=case.uid)


def _clerk_draft_or_404(user, uid) -> Case:
    case = selectors.window_draft_for_clerk(user, uid)
    if case is None:
        raise Http404("草稿不存在")
    return case


def _typed_answers(spec, post, saved: dict) -> dict:
    """What the clerk typed, valid or not, so a re-shown form loses nothing."""
    answers = dict(saved)
    for field in spec:
        key = field.get("key")
        if not key or field.get("type") == "section" or key not in post:
            continue
        answers[key] = post.getlist(key) if field.get("type") == "checkbox" else post.get(key)
    return answers


def _draft_context(case: Case, *, answers=None, errors=None, general=None) -> dict:
    spec = effective_form(case.matter_version)
    files = list(current_files(case))
    checks = materials.check(case)  # 免证办: licences and registries checked for the clerk
    rows = []
    for m in materials_of(case.matter_version):
        rows.append({"material": m, "upload": checks.from_applicant(m), "supplied": checks.satisfied(m),
                     "problems": checks.problems(m),
                     "files": [(f, file_url(case, f.pk)) for f in files if f.material_id == m.pk],
                     "error": (errors or {}).get(f"material_{m.pk}", "")})
    return {"case": case, "spec": spec, "answers": answers if answers is not None else case.answers,
            "errors": errors or {}, "general": general or [], "material_rows": rows}


@require_http_methods(["GET", "POST"])
@staff_page(role=Role.CLERK)
def draft(request, uid):
    case = _clerk_draft_or_404(request.user, uid)
    if request.method == "GET":
        return render_staff(request, "cases/staff/desk_draft.html", _draft_context(case))
    action = request.POST.get("action", "save")
    spec = effective_form(case.matter_version)
    general = []
    try:
        case, errors = intake.save_draft(request.user, case, request.POST)
        errors = dict(errors)
        for m in materials_of(case.matter_version):
            uploaded = request.FILES.get(f"material_{m.pk}")
            if uploaded is None:
                continue
            try:
                intake.attach_file(request.user, case, m, uploaded)
            except ValidationError as exc:
                errors[f"material_{m.pk}"] = "；".join(exc.messages)
        if action.startswith("remove:"):
            f = selectors.current_file(case, _int(action.split(":", 1)[1]))
            if f is not None:
                intake.remove_file(request.user, case, f)
        if action == "submit" and not errors:
            try:
                case = intake.submit(request.user, case)
            except ValidationError as exc:
                fields, general = split_errors(exc)
                errors.update(fields)
    except PermissionDenied as exc:
        return render_staff(request, "cases/staff/desk_draft.html",
                            _draft_context(case, answers=_typed_answers(spec, request.POST, case.answers),
                                           general=[str(exc)]), status=403)
    if errors or general:
        case.refresh_from_db()
        return render_staff(request, "cases/staff/desk_draft.html",
                            _draft_context(case, answers=_typed_answers(spec, request.POST, case.answers),
                                           errors=errors, general=general), status=422)
    if case.phase == Phase.SUBMITTED:
        messages.success(request, f"已登记申请，办件编号 {case.number}。请核对材料后作出受理决定。")
        return redirect("staff-workbench", number=case.number)
    messages.success(request, "申请表已保存。" if not action.startswith("remove:") else "已移除该文件。")
    return redirect("staff-desk-draft", uid=case.uid)


# -- results and fees at the window --------------------------------------------------------------

@require_POST
@staff_page(role=Role.CLERK)
def pickup(request):
    """窗口出件: the applicant gives the case number and pickup code (from the SMS or their page)."""
    number = request.POST.get("number", "").strip()
    code = request.POST.get("pickup_code", "").strip()
    form = {"number": number, "pickup_code": code}
    case = case_for_staff(request.user, number) if number else None
    try:
        if case is None:
            raise ValidationError({"number": "未找到该办件，请核对“办件编号”"})
        case = delivery_services.hand_over(request.user, case, pickup_code=code)
    except ValidationError as exc:
        fields, general = split_errors(exc)
        return render_staff(request, "cases/staff/desk.html",
                            _desk_context(request, pickup_form=form, pickup_errors=fields, pickup_general=general),
                            status=422)
    except PermissionDenied as exc:
        return render_staff(request, "cases/staff/desk.html",
                            _desk_context(request, pickup_form=form, pickup_general=[str(exc)]), status=403)
    messages.success(request, f"已出件：{case.number}「{case.matter_name}」，申请人 {case.applicant_name} 已领取。")
    return redirect("staff-desk")


@require_POST
@staff_page(role=Role.CLERK)
def take_payment(request):
    """窗口缴费 for a decided case: only orders of cases this clerk may see."""
    order_no = request.POST.get("order_no", "").strip()
    method = request.POST.get("method", "")
    order = order_by_no(order_no)
    case = case_for_staff(request.user, order.reference) if order is not None else None
    try:
        if case is None:
            raise ValidationError("未找到该缴费订单。")
        order = record_window_payment(request.user, order, method)
    except (ValidationError, PermissionDenied) as exc:
        text = "；".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        return render_staff(request, "cases/staff/desk.html",
                            _desk_context(request, pay_error=text, pay_order=order_no), status=422)
    # The case turns 待领取 (and the applicant gets the pickup code by SMS) when the payment commits.
    messages.success(request, f"已收款 {order.amount_display}（{case.number}），票据号码 {order.receipt_no}。")
    return redirect("staff-desk")


def _int(value, default=0):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


__all__ = ["desk", "desk_matters", "draft", "pickup", "register", "take_payment"]
