"""The comprehensive window's joint cases (综合窗口 · 联办件): see every sub-case, accept as one, send back
one 一次性告知 with items per sub-case, refuse, and hand every result out together. Each department's
approvers keep working their own sub-case in the ordinary 办件箱 (cases_for_staff scopes it)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect

from tongban.accounts.models import Role
from tongban.accounts.selectors import can_act_for_department
from tongban.cases import deadlines
from tongban.cases.selectors import BUNDLE_STAFF_ROLES, bundle_for_staff, bundle_queue
from tongban.cases.services import bundle_progress, bundles, extensions
from tongban.cases.services.common import CaseConflict
from tongban.cases.views.staff import (
    PermissionDenied,
    ValidationError,
    posted_revision,
    render_staff,
    split_errors,
    staff_page,
)
from tongban.catalog.selectors import materials_of
from tongban.core.masking import mask_id_number
from tongban.core.paging import TAB_CAP, capped_count, capped_label
from tongban.themes import page_selectors

QUEUES = [("pending", "待受理"), ("correction", "待补正"), ("processing", "办理中"), ("delivery", "待出件"),
          ("done", "已办结")]


@staff_page(any_of=BUNDLE_STAFF_ROLES)  # the window and 督办, each in scope (bundle_queue)
def queue(request):
    name = request.GET.get("queue", "pending")
    if name not in dict(QUEUES):
        name = "pending"
    rows = list(bundle_queue(request.user, name)[:100])
    for b in rows:
        b.clock = deadlines.clock(b)
        b.masked_id = mask_id_number(b.applicant_id_number)
    counts = {code: capped_label(*capped_count(bundle_queue(request.user, code), TAB_CAP)) for code, _ in QUEUES}
    return render_staff(request, "themes/staff/queue.html", {
        "queues": [(code, label, counts[code]) for code, label in QUEUES], "current": name, "rows": rows})


def _bundle(user, number):
    bundle = bundle_for_staff(user, number)
    if bundle is None:
        raise Http404("联办件不存在")
    return bundle


@staff_page(any_of=BUNDLE_STAFF_ROLES)  # the window and 督办, each in scope (bundle_for_staff)
def detail(request, number):
    return _render(request, _bundle(request.user, number))


def _render(request, bundle, *, errors=None, general=None, typed=None, status=200):
    members = page_selectors.member_rows(bundle)
    for m in members:
        m["materials"] = list(materials_of(m["case"].matter_version))
    return render_staff(request, "themes/staff/joint_case.html", {
        "bundle": bundle, "members": members, "clock": deadlines.clock(bundle),
        "timeline": page_selectors.joint_timeline(bundle, for_applicant=False),
        "situation": page_selectors.situation_rows(bundle.definition or {}, bundle.situation or {}),
        "answers": page_selectors.joint_answers(bundle, mask=False),
        "errors": errors or {}, "general": general or [], "typed": typed or {},
        # 行政许可法 §42 ¶2: the joint limit, extended once on the government head's approval.
        "is_window": can_act_for_department(request.user, Role.CLERK, bundle.lead_department),
        "extension": bundle.extensions.first(),
        "can_extend": (bundle.phase == "processing" and not bundle.extensions.exists()
                       and extensions.can_extend_bundle(request.user, bundle)),
        "max_joint_extension": extensions.MAX_JOINT_EXTENSION_DAYS,
    }, status=status)


def _act(request, number, operation, success):
    bundle = _bundle(request.user, number)
    try:
        operation(bundle)
    except CaseConflict as exc:
        bundle.refresh_from_db()
        return _render(request, bundle, general=[str(exc)], status=409)
    except ValidationError as exc:
        errors, general = split_errors(exc)
        bundle.refresh_from_db()
        return _render(request, bundle, errors=errors, general=general, typed=dict(request.POST.items()),
                       status=400)
    except PermissionDenied as exc:
        return _render(request, bundle, general=[str(exc)], status=403)
    messages.success(request, success)
    return redirect("desk-joint-case", number=number)


@staff_page(role=Role.CLERK)
def accept(request, number):
    if request.method != "POST":
        return redirect("desk-joint-case", number=number)
    return _act(request, number, lambda b: bundles.accept_bundle(
        request.user, b, expected_revision=posted_revision(request)), "已受理，各事项已分送部门并联办理。")


@staff_page(role=Role.CLERK)
def correction(request, number):
    """One 一次性告知: a problem per sub-case (and optionally the material it concerns)."""
    if request.method != "POST":
        return redirect("desk-joint-case", number=number)
    items = []
    for code in request.POST.getlist("member"):
        problem = request.POST.get(f"problem-{code}", "").strip()
        if not problem:
            continue
        material = request.POST.get(f"material-{code}", "")
        items.append({"member": code, "problem": problem,
                      "material_id": int(material) if material.isdigit() else None,
                      "name": request.POST.get(f"material-name-{code}", "")})
    return _act(request, number, lambda b: bundles.request_bundle_correction(
        request.user, b, items=items, note=request.POST.get("note", ""), expected_revision=posted_revision(request)),
        "已一次性告知申请人补正。")


@staff_page(role=Role.CLERK)
def refuse(request, number):
    if request.method != "POST":
        return redirect("desk-joint-case", number=number)
    return _act(request, number, lambda b: bundles.refuse_bundle(
        request.user, b, comment=request.POST.get("comment", ""), expected_revision=posted_revision(request)),
        "已作出不予受理决定。")


@staff_page(role=Role.CLERK)
def hand_over(request, number):
    if request.method != "POST":
        return redirect("desk-joint-case", number=number)
    return _act(request, number, lambda b: bundle_progress.hand_over_bundle(
        request.user, b, pickup_code=request.POST.get("pickup_code", "")), "全部结果已一次交付申请人。")


@staff_page(role=Role.CLERK)
def ship(request, number):
    if request.method != "POST":
        return redirect("desk-joint-case", number=number)
    return _act(request, number, lambda b: bundle_progress.ship_bundle(request.user, b), "全部结果已一次寄出。")


@staff_page(role=Role.SUPERVISOR)
def extend(request, number):
    """延长联办期限: 45 working days plus at most 15, on the approval of the 本级人民政府负责人."""
    if request.method != "POST":
        return redirect("desk-joint-case", number=number)

    def operation(b):
        days = request.POST.get("days", "").strip()
        if not days.isdigit():
            raise ValidationError({"days": "请填写“延长工作日”（整数）"})
        extensions.extend_bundle(request.user, b, days=int(days), reason=request.POST.get("reason", ""),
                                 approval=extensions.approval_from(request.POST),
                                 expected_revision=posted_revision(request))

    return _act(request, number, operation, "已延长联办期限，并告知申请人。")
