"""The case workbench (/inbox/cases/<number>/): everything about one case and every action on it.

Each action is one small form posting to /inbox/cases/<number>/<op>/ with the revision the page
showed. On success: back to the workbench with a confirmation naming what was done. On a
ValidationError the workbench is shown again with that form open, what was typed still in it and
the message next to the field. A stale revision gets the conflict page ("已被他人处理").
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.views.decorators.http import require_GET, require_POST

from tongban.accounts.models import Role
from tongban.accounts.selectors import holders
from tongban.cases import deadlines, materials, notices, selectors
from tongban.cases.models import (
    ActionKind,
    Case,
    DeliveryMethod,
    DeliveryStatus,
    Phase,
    SpecialProcedure,
)
from tongban.cases.selectors import current_files, timeline, user_has_role_for
from tongban.cases.services import delivery as delivery_services
from tongban.cases.services import extensions as case_extensions
from tongban.cases.services import intake, processing
from tongban.cases.services.common import CaseConflict
from tongban.cases.views.staff import (
    file_url,
    posted_revision,
    render_staff,
    split_errors,
    staff_case_or_404,
    staff_page,
    with_revision,
)
from tongban.catalog.selectors import material_of_version, materials_of
from tongban.core.masking import mask_phone
from tongban.forms.defaults import effective_form
from tongban.forms.rendering import answers_for_display
from tongban.payments.models import OrderStatus, WindowMethod
from tongban.payments.services import record_window_payment
from tongban.workflow import selectors as workflow

MAX_CORRECTION_ROWS = 30


# -- the page ---------------------------------------------------------------------------------

@require_GET
@staff_page()
def workbench(request, number):
    case = staff_case_or_404(request.user, number)
    processing.record_staff_opening(request.user, case, channel="page")  # the page shows full ID and phone
    return _render(request, case)


def _render(request, case: Case, *, open_form: str = "", errors=None, general=None, status=200):
    return render_staff(request, "cases/staff/workbench.html",
                        workbench_context(request, case, open_form=open_form, errors=errors or {},
                                          general=general or [], posted=request.POST if open_form else None),
                        status=status)


def workbench_context(request, case: Case, *, open_form="", errors=None, general=None, posted=None) -> dict:
    user = request.user
    version = case.matter_version
    files = list(current_files(case))
    checks = materials.check(case)  # 免证办: what a licence or a registry stands for
    missing = {m.pk for m in materials.missing_materials(case, checks=checks)} if case.is_open else set()
    promised = list(selectors.pending_materials(case))  # 容缺
    pending = {p.material_id: p for p in promised}
    version_materials = list(materials_of(version))
    material_rows = []
    for m in version_materials:
        mine = [(f, file_url(case, f.pk)) for f in files if f.material_id == m.pk]
        material_rows.append({"material": m, "files": mine, "missing": m.pk in missing,
                              "pending": pending.get(m.pk), "exempt": not checks.from_applicant(m),
                              "supplied": checks.satisfied(m), "problems": checks.problems(m)})
    roles = {r: user_has_role_for(user, case, r) for r in (Role.CLERK, Role.APPROVER, Role.SUPERVISOR)}
    posted = posted if posted is not None else {}
    transitions = [
        {"t": t, "anchor": f"act-{t.action}".replace("_", "-"), "open": open_form == f"act:{t.action}"}
        for t in processing.available_transitions(user, case)
    ]
    open_pause = selectors.current_pause(case)
    in_special = processing.in_special_procedure(case)
    orders = list(delivery_services.payment_orders(case))
    uploadable = [m for m in version_materials if checks.from_applicant(m)]
    extensions = list(case.extensions.all())
    return {
        "case": case,
        "version": version,
        "clock": deadlines.clock(case),
        "phone_masked": mask_phone(case.applicant_phone),
        # ID and phone numbers in full only for those who act on the case (clerk, approver).
        "answers": answers_for_display(effective_form(version), case.answers,
                                       mask=not (roles[Role.CLERK] or roles[Role.APPROVER])),
        "material_rows": material_rows,
        "missing_materials": [r["material"] for r in material_rows if r["missing"]],
        "other_files": [(f, file_url(case, f.pk)) for f in files if f.material_id is None],
        "replaced_files": [(f, file_url(case, f.pk)) for f in selectors.replaced_files(case)],
        "events": timeline(case, for_applicant=False),
        "notices": [(kind, notices.title_of(case, kind)) for kind in notices.available(case)],
        "transitions": transitions,
        "roles": roles,
        "open_form": open_form,
        # {"extend": True} for the form being re-shown, so templates can say {% with open=opened.extend %}
        "opened": {open_form.replace("-", "_").replace(":", "_"): True} if open_form else {},
        "open_anchor": open_form.replace(":", "-").replace("_", "-") if open_form else "",
        "rongque_open": any(p.received_at is None for p in promised),
        "errors": errors or {},
        # Templates cannot say errors.items: "items" is also the name of the 补正 rows' field.
        "error_list": list((errors or {}).values()),
        "items_error": (errors or {}).get("items", ""),
        "general": general or [],
        "posted": posted,
        "posted_materials": [str(v) for v in posted.getlist("materials")] if hasattr(posted, "getlist") else [],
        "correction_rows": _correction_rows(case, posted if open_form == "act:request_correction" else None),
        "result_rows": _result_rows(case, posted if open_form == "act:approve" else None),
        "open_pause": open_pause,
        "in_special": in_special,
        "procedures": SpecialProcedure.choices,
        "can_claim": roles[Role.APPROVER] and case.phase == Phase.PROCESSING and not case.assignee_id,
        "can_assign": (roles[Role.APPROVER] or roles[Role.SUPERVISOR]) and case.is_open,
        "approvers": list(holders(Role.APPROVER, department=case.department_id)) if case.is_open else [],
        "can_special": roles[Role.APPROVER] and case.phase == Phase.PROCESSING,
        "can_extend": roles[Role.APPROVER] and case.phase == Phase.PROCESSING and not extensions,
        "max_extension": case_extensions.MAX_EXTENSION_DAYS,
        "joint_number": selectors.joint_number(case),
        "extensions": extensions,
        "can_upload": (roles[Role.CLERK] or roles[Role.APPROVER])
        and case.phase in (Phase.SUBMITTED, Phase.CORRECTION, Phase.PROCESSING),
        "uploadable": uploadable,
        "orders": orders,
        "pending_orders": [o for o in orders if o.status == OrderStatus.PENDING],
        "window_methods": WindowMethod.choices,
        "can_take_payment": roles[Role.CLERK],
        "can_hand_over": roles[Role.CLERK] and case.phase == Phase.COMPLETED
        and case.delivery_method == DeliveryMethod.WINDOW and case.delivery_status == DeliveryStatus.READY,
        "can_ship": (roles[Role.CLERK] or roles[Role.APPROVER]) and case.phase == Phase.COMPLETED
        and case.delivery_method == DeliveryMethod.EXPRESS and case.delivery_status == DeliveryStatus.READY,
        "can_choose_delivery": (roles[Role.CLERK] or roles[Role.APPROVER]) and case.phase != Phase.REFUSED
        and case.phase != Phase.WITHDRAWN
        and case.delivery_status not in (DeliveryStatus.SHIPPED, DeliveryStatus.DELIVERED),
        "delivery_methods": DeliveryMethod.choices,
        "supports_express": version.supports_express,
        "urges": _urges(case, open_form),
        "can_urge": roles[Role.SUPERVISOR] and case.is_open,
        "can_answer_urge": roles[Role.APPROVER],
        "latest_correction": selectors.latest_correction(case),
        "results": list(case.results.all()),
        "today": timezone.localdate(),
    }


def _urges(case: Case, open_form: str) -> list:
    urges = list(selectors.urges_of(case))
    for u in urges:
        u.form_open = open_form == f"urge-answer:{u.pk}"
    return urges


def _correction_rows(case: Case, posted) -> list[dict]:
    """Rows of the 一次性告知 form: one per missing material to start with, plus a few empty ones."""
    if posted is not None and hasattr(posted, "get"):
        count = _int(posted.get("rows"), 0)
        return [{"i": i, "material": posted.get(f"item-{i}-material", ""), "name": posted.get(f"item-{i}-name", ""),
                 "problem": posted.get(f"item-{i}-problem", "")} for i in range(min(count, MAX_CORRECTION_ROWS))]
    rows = [{"material": str(m.pk), "name": "", "problem": "未提交该材料"}
            for m in (materials.missing_materials(case) if case.is_open else [])]
    rows += [{"material": "", "name": "", "problem": ""} for _ in range(max(3, 5 - len(rows)))]
    return [{"i": i, **row} for i, row in enumerate(rows)]


def _result_rows(case: Case, posted) -> list[dict]:
    rows = []
    for i, r in enumerate(case.matter_version.results.all()):
        number = posted.get(f"result-{i}-number", "") if posted is not None and hasattr(posted, "get") else ""
        rows.append({"i": i, "name": r.name, "kind": r.get_kind_display(), "number": number})
    return rows


def _int(value, default=None):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# -- acting -----------------------------------------------------------------------------------

def _act_params(request, case: Case, action: str) -> dict:
    post = request.POST
    if action == ActionKind.ACCEPT_RONGQUE:
        due = post.get("due_on", "").strip()
        try:
            due_on = parse_date(due) if due else None
        except ValueError:
            due_on = None
        if due and due_on is None:
            raise ValidationError({"due_on": "“承诺补齐日期”格式不正确，请按 年-月-日 填写"})
        return {"materials": [int(v) for v in post.getlist("materials") if v.isdigit()], "due_on": due_on}
    if action == ActionKind.ACCEPT_COMMITMENT:
        return {"commitment_text": post.get("commitment_text", "")}
    if action == ActionKind.REQUEST_CORRECTION:
        return {"items": _correction_items(post, case), "note": post.get("note", "").strip()}
    if action == ActionKind.APPROVE:
        return {"results": [{"name": row["name"], "number": post.get(f"result-{row['i']}-number", "").strip()}
                            for row in _result_rows(case, None)]}
    return {}


def _correction_items(post, case: Case) -> list[dict]:
    by_pk = {str(m.pk): m for m in materials_of(case.matter_version)}
    items = []
    for i in range(min(_int(post.get("rows"), 0), MAX_CORRECTION_ROWS)):
        choice = post.get(f"item-{i}-material", "")
        name = post.get(f"item-{i}-name", "").strip()
        problem = post.get(f"item-{i}-problem", "").strip()
        if not choice and not name and not problem:
            continue
        if not problem:
            raise ValidationError({"items": f"第{i + 1}行已选择补正事项，请填写“问题及补正要求”"})
        if choice in by_pk:
            items.append({"material_id": by_pk[choice].pk, "name": by_pk[choice].name, "problem": problem})
        else:
            items.append({"material_id": None, "name": name or "其他", "problem": problem})
    return items


def _transition_label(case: Case, action: str) -> str:
    t = workflow.transition(case.state, action)
    if t is not None:
        return t.label
    try:
        return ActionKind(action).label
    except ValueError:
        return action


def _do_act(request, case):
    action = request.POST.get("action", "")
    if action not in ActionKind.values:
        raise ValidationError("请选择要执行的操作。")
    label = _transition_label(case, action)
    params = _act_params(request, case, action)
    processing.act(request.user, case, action, expected_revision=posted_revision(request),
                   comment=request.POST.get("comment", "").strip(), **params)
    return f"act:{action}", f"已{label}"


def _do_claim(request, case):
    processing.claim(request.user, case, expected_revision=posted_revision(request))
    return "claim", "已领取该办件，由您承办"


def _do_assign(request, case):
    assignee = selectors.approver_to_assign(case, _int(request.POST.get("assignee"), 0))
    if assignee is None:
        raise ValidationError({"assignee": "请选择本部门的“承办人”"})
    processing.assign(request.user, case, assignee, expected_revision=posted_revision(request))
    return "assign", f"已指派给 {assignee}"


def _do_special_start(request, case):
    processing.start_special_procedure(request.user, case, procedure=request.POST.get("procedure", ""),
                                       reason=request.POST.get("reason", ""),
                                       expected_revision=posted_revision(request))
    return "special-start", "已启动特别程序，暂停计时"


def _do_special_end(request, case):
    processing.end_special_procedure(request.user, case, comment=request.POST.get("comment", "").strip(),
                                     expected_revision=posted_revision(request))
    return "special-end", "特别程序已结束，恢复计时"


def _do_extend(request, case):
    days = _int(request.POST.get("days"))
    if days is None:
        raise ValidationError({"days": "请填写“延长工作日”（整数）"})
    case_extensions.extend_case(request.user, case, days=days, reason=request.POST.get("reason", ""),
                                approval=case_extensions.approval_from(request.POST),
                                expected_revision=posted_revision(request))
    return "extend", f"已延长办理期限 {days} 个工作日"


def _do_upload(request, case):
    material = material_of_version(case.matter_version_id, _int(request.POST.get("material"), 0))
    uploaded = request.FILES.get("file")
    errors = {}
    if material is None:
        errors["material"] = "请选择“对应材料”"
    if uploaded is None:
        errors["file"] = "请选择要上传的文件"
    if errors:
        raise ValidationError(errors)
    with_revision(case, posted_revision(request),
                  lambda: intake.attach_file(request.user, case, material, uploaded))
    return "upload", f"已上传“{material.name}”"


def _do_delivery(request, case):
    post = request.POST
    with_revision(case, posted_revision(request), lambda: delivery_services.choose_delivery(
        request.user, case, method=post.get("method", ""), recipient=post.get("recipient", ""),
        phone=post.get("phone", "").strip(), address=post.get("address", "")))
    return "delivery", "已更新送达方式"


def _do_pay(request, case):
    order = selectors.payment_order(case, request.POST.get("order_no", ""))
    if order is None:
        raise ValidationError({"order_no": "该办件没有这笔缴费订单"})
    method = request.POST.get("method", "")
    order = with_revision(case, posted_revision(request), lambda: record_window_payment(request.user, order, method))
    return "pay", f"已收款 {order.amount_display}，票据号码 {order.receipt_no}"


def _do_hand_over(request, case):
    code = request.POST.get("pickup_code", "").strip()
    with_revision(case, posted_revision(request),
                  lambda: delivery_services.hand_over(request.user, case, pickup_code=code))
    return "hand-over", "已出件：申请人已领取办理结果"


def _do_ship(request, case):
    with_revision(case, posted_revision(request), lambda: delivery_services.ship(request.user, case))
    return "ship", "已交寄，运单号见办理记录"


def _do_urge(request, case):
    message = request.POST.get("message", "")
    with_revision(case, posted_revision(request), lambda: processing.urge(request.user, case, message=message))
    return "urge", "已督办，承办人将收到提醒"


def _do_answer_urge(request, case):
    urge_obj = selectors.urge_of(case, _int(request.POST.get("urge"), 0))
    if urge_obj is None:
        raise ValidationError("该督办不存在。")
    processing.answer_urge(request.user, urge_obj, answer=request.POST.get("answer", ""))
    return f"urge-answer:{urge_obj.pk}", "已反馈督办意见"


OPERATIONS = {
    "act": _do_act,
    "claim": _do_claim,
    "assign": _do_assign,
    "special-start": _do_special_start,
    "special-end": _do_special_end,
    "extend": _do_extend,
    "upload": _do_upload,
    "delivery": _do_delivery,
    "pay": _do_pay,
    "hand-over": _do_hand_over,
    "ship": _do_ship,
    "urge": _do_urge,
    "urge-answer": _do_answer_urge,
}


# Pages an action may return to instead of the workbench (names only: no open redirects).
RETURN_TO = {"supervise": "staff-supervise", "inbox": "staff-inbox", "desk": "staff-desk"}


def _form_of(request, op: str) -> str:
    if op == "act":
        return f"act:{request.POST.get('action', '')}"
    if op == "urge-answer":
        return f"urge-answer:{request.POST.get('urge', '')}"
    return op


@require_POST
@staff_page()
def operate(request, number, op):
    case = staff_case_or_404(request.user, number)  # out of scope: 404 before anything happens
    handler = OPERATIONS.get(op)
    if handler is None:
        return _render(request, case, open_form="", general=["未知的操作。"], status=404)
    try:
        _form, done = handler(request, case)
    except CaseConflict as exc:
        return conflict_response(request, case, exc)
    except ValidationError as exc:
        fields, general = split_errors(exc)
        case.refresh_from_db()
        return _render(request, case, open_form=_form_of(request, op), errors=fields, general=general, status=422)
    except PermissionDenied as exc:
        case.refresh_from_db()
        return _render(request, case, open_form=_form_of(request, op), general=[str(exc) or "您没有执行该操作的权限。"],
                       status=403)
    messages.success(request, f"{done}（办件 {case.number}）。")
    if request.POST.get("next") in RETURN_TO:  # e.g. an urge sent from the supervisor's board
        return redirect(RETURN_TO[request.POST["next"]])
    return redirect("staff-workbench", number=case.number)


FIELD_LABELS = {
    "comment": "意见", "commitment_text": "承诺内容", "note": "补充说明", "due_on": "承诺补齐日期", "reason": "理由",
    "days": "延长工作日", "message": "督办意见", "answer": "反馈意见", "pickup_code": "取件码", "recipient": "收件人",
    "phone": "收件电话", "address": "邮寄地址", "approver_name": "批准人姓名", "approver_position": "批准人职务",
    "approved_on": "批准日期", "approval_document": "批准文件文号",
}


def _typed(post) -> list[tuple[str, str]]:
    """What the user typed, labelled in Chinese, so a conflict loses none of it."""
    rows = []
    for key, value in post.items():
        value = value.strip()
        if not value:
            continue
        if key in FIELD_LABELS:
            rows.append((FIELD_LABELS[key], value))
        elif key.startswith("item-") and key.endswith(("-problem", "-name")):
            n = _int(key.split("-")[1], 0) + 1
            rows.append((f"补正第{n}项{'要求' if key.endswith('-problem') else '名称'}", value))
        elif key.startswith("result-") and key.endswith("-number"):
            name = post.get(key.replace("-number", "-name"), "结果")
            rows.append((f"{name}编号", value))
    return rows


def conflict_response(request, case: Case, exc: CaseConflict):
    """Someone acted first. Show who, keep what this user typed (to copy), offer a reload."""
    case.refresh_from_db()
    return render_staff(request, "cases/staff/conflict.html", {
        "case": case, "message": exc.messages[0], "typed": _typed(request.POST),
    }, status=409)
