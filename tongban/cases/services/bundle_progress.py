"""A joint case after the window accepted it (一件事一次办): members whose prerequisites are approved are
released — their results written into the waiting member's form and timeline — and dispatched, those
whose prerequisite failed are cancelled, the joint case completes when every member is decided, and
every result is handed out together: one pickup code or one parcel (docs/decisions/0006)."""



from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.cases.models import (
    ActionKind,
    BundleMember,
    BundleMemberState,
    BundlePhase,
    Case,
    CaseBundle,
    DeliveryMethod,
    DeliveryStatus,
    Outcome,
    Phase,
)
from tongban.cases.services import handout, intake, processing
from tongban.cases.services.bundle_common import (
    SYSTEM,
    TERMINAL_PHASES,
    advance_bundle,
    bundle_event,
    cancel_member,
    dispatch_member,
    is_syncing,
    lock_bundle,
    members_of,
    require_window_clerk,
    save_bundle,
    syncing,
    tell_bundle_applicant,
)
from tongban.cases.services.common import lock, record, save
from tongban.payments.selectors import is_settled
from tongban.workflow.models import SYSTEM as SYSTEM_ROLE

NOT_FILLED = "前置结果未能自动填入申请表："


# -- sub-cases move on: dependencies, completion ------------------------------------------------

def on_member_saved(instance: Case, update_fields) -> None:
    """A sub-case was saved (cases/receivers.py): when an action of the services decided it (their
    final save bumps the revision), its joint case moves on — unless the joint case's own work is
    saving it."""
    if instance.bundle_id is None or not update_fields or "revision" not in update_fields:
        return
    if instance.phase not in TERMINAL_PHASES or is_syncing(instance.bundle_id):
        return
    sync_bundle(instance.bundle_id)


def _approved(case: Case) -> bool:
    return case.phase == Phase.COMPLETED and case.outcome == Outcome.APPROVED


def _failed(case: Case) -> bool:
    return case.phase in (Phase.REFUSED, Phase.WITHDRAWN) or (case.phase == Phase.COMPLETED
                                                               and case.outcome == Outcome.DENIED)


@transaction.atomic
def sync_bundle(bundle_id: int) -> CaseBundle:
    """After a sub-case changed: dispatch members whose prerequisites are approved, cancel those whose
    prerequisite failed, complete the joint case when every member is decided, and hand out when paid."""
    bundle = CaseBundle.objects.select_for_update().get(pk=bundle_id)
    with syncing(bundle.pk):
        if bundle.phase == BundlePhase.PROCESSING:
            _release_waiting(bundle)
            members = members_of(bundle)
            if all(m.state == BundleMemberState.CANCELLED or m.case.phase in TERMINAL_PHASES for m in members):
                _complete(bundle, members)
        elif bundle.phase == BundlePhase.COMPLETED and bundle.delivery_status == DeliveryStatus.AWAITING_PAYMENT:
            _maybe_ready(bundle, members_of(bundle))
    return bundle


def _release_waiting(bundle: CaseBundle) -> None:
    progressed = True
    while progressed:  # a released member may itself be instantly decided; loop until nothing moves
        progressed = False
        members = members_of(bundle)
        by_code = {m.code: m for m in members}
        for m in members:
            if m.state != BundleMemberState.WAITING:
                continue
            needed = [by_code[c] for c in m.requires if c in by_code]
            failed = [r for r in needed if r.state == BundleMemberState.CANCELLED or _failed(r.case)]
            if failed:
                cancel_member(SYSTEM, m, f"前置事项“{'、'.join(r.name for r in failed)}”未获准予")
                bundle_event(bundle, SYSTEM, "member_cancelled", f"{m.name}：前置事项未获准予，不再办理")
                progressed = True
            elif all(_approved(r.case) for r in needed):
                progressed = _release(bundle, m, needed) or progressed


def _release(bundle: CaseBundle, member: BundleMember, needed: list[BundleMember]) -> bool:
    """Prerequisites approved: their results go into the member's timeline and form, then it is
    dispatched and accepted like the others were at the window."""
    results = []
    for r in needed:
        for res in r.case.results.all():
            results.append({"member": r.code, "case": r.case.number, "name": res.name, "number": res.number})
    fills = {}
    for key, source in member.fills.items():
        source_result = next((x for x in results if x["number"]), None) if source == "result_number" else \
            next(iter(results), None)
        if source_result:
            fills[key] = source_result["number"] if source == "result_number" else source_result["name"]
    case = member.case
    if fills:
        case, errors = intake.save_draft(bundle.applicant, case, fills)
        if errors:
            # Dispatch all the same: the department sees why and can ask for 补正 of that field.
            member.note = (NOT_FILLED + "；".join(errors.values()))[:300]
            member.save(update_fields=["note"])
            record(case, SYSTEM, "fill_failed", NOT_FILLED.rstrip("："), comment="；".join(errors.values()),
                   data={"fields": sorted(errors)})
    summary = "；".join(f"{x['name']}（{x['number'] or '无编号'}）" for x in results) or "前置事项已办结"
    record(case, SYSTEM, "attach_results", "自动获取前置事项办理结果", comment=summary,
           data={"results": results, "bundle": bundle.number})
    case = dispatch_member(SYSTEM, bundle, member, f"前置事项已办结，联办件 {bundle.number} 自动分送本部门")
    clerk = bundle.accepted_by
    try:
        with transaction.atomic():
            processing.act(clerk, case, ActionKind.ACCEPT, expected_revision=case.revision,
                           comment=f"随联办件 {bundle.number} 受理（前置事项已办结）")
    except (PermissionDenied, ValidationError) as exc:
        # The accepting clerk lost the role: the department accepts it from its own inbox.
        bundle_event(bundle, SYSTEM, "member_pending", f"{member.name}：已分送部门，待部门受理", public=False,
               data={"reason": "；".join(getattr(exc, "messages", [str(exc)]))})
    bundle_event(bundle, SYSTEM, "member_released", f"{member.name}：前置事项已办结，结果已自动关联，开始办理",
           data={"case": case.number, "results": results})
    return True


def _complete(bundle: CaseBundle, members: list[BundleMember]) -> None:
    advance_bundle(bundle, "complete", SYSTEM_ROLE)
    bundle.completed_at = timezone.now()
    save_bundle(bundle, "phase", "state", "completed_at")
    outcome = {m.name: (m.case.get_outcome_display() or m.case.get_phase_display()) for m in members
               if m.state != BundleMemberState.CANCELLED}
    bundle_event(bundle, SYSTEM, "complete", "全部事项已办结", data={"outcomes": outcome})
    _maybe_ready(bundle, members)


def _maybe_ready(bundle: CaseBundle, members: list[BundleMember]) -> None:
    unpaid = [m.name for m in members if m.case.number and _approved(m.case) and not is_settled(m.case.number)]
    if unpaid:
        if bundle.delivery_status != DeliveryStatus.AWAITING_PAYMENT:
            bundle.delivery_status = DeliveryStatus.AWAITING_PAYMENT
            save_bundle(bundle, "delivery_status")
            tell_bundle_applicant(bundle, "联办件已办结，请缴费",
                  f"您的“{bundle.title}”（{bundle.number}）已全部办结，{'、'.join(unpaid)}需缴费后统一出件。")
        return
    bundle.delivery_status = DeliveryStatus.READY
    results = [r.name for m in members for r in m.case.results.all()]
    listing = "、".join(results) or "办理结果文书"
    if bundle.delivery_method == DeliveryMethod.WINDOW:
        bundle.pickup_code = handout.pickup_code()
        save_bundle(bundle, "delivery_status", "pickup_code")
        tell_bundle_applicant(bundle, "联办件结果待领取",
              f"您的“{bundle.title}”（{bundle.number}）已全部办结：{listing}。凭取件码 {bundle.pickup_code} "
              f"到 {bundle.handout_place or '政务服务中心综合出件窗口'} 一次领取。")
    else:
        save_bundle(bundle, "delivery_status")
        tell_bundle_applicant(bundle, "联办件已全部办结", f"您的“{bundle.title}”（{bundle.number}）已全部办结：{listing}，将一次寄出。")


# -- handing out together -----------------------------------------------------------------------

def _outlet(bundle: CaseBundle) -> handout.Outlet:
    return handout.Outlet(bundle, "联办件", bundle.number, lambda *fields: save_bundle(bundle, *fields),
                          lambda actor, action, label, data=None: bundle_event(bundle, actor, action, label, data=data))


@transaction.atomic
def choose_bundle_delivery(actor, bundle: CaseBundle, *, method: str, recipient: str = "", phone: str = "",
                           address: str = "") -> CaseBundle:
    bundle = lock_bundle(bundle)
    if getattr(actor, "pk", None) != bundle.applicant_id:
        require_window_clerk(actor, bundle)
    handout.choose(_outlet(bundle), actor, method=method, recipient=recipient, phone=phone, address=address,
                   methods=(DeliveryMethod.WINDOW, DeliveryMethod.EXPRESS))
    return bundle


def _require_ready(bundle: CaseBundle) -> None:
    if bundle.phase != BundlePhase.COMPLETED:
        raise ValidationError("联办件尚未全部办结，不能出件。")
    if bundle.delivery_status == DeliveryStatus.AWAITING_PAYMENT:
        raise ValidationError("联办件尚有费用未缴清，缴费完成后才能出件。")
    if bundle.delivery_status == DeliveryStatus.DELIVERED:
        raise ValidationError("结果已送达。")


def _members_delivered(actor, bundle: CaseBundle, status: str, label: str) -> None:
    for m in members_of(bundle):
        if not m.case.number:
            continue
        case = lock(m.case)
        case.delivery_status = status
        fields = ["delivery_status"]
        if status == DeliveryStatus.DELIVERED:
            case.delivered_at = timezone.now()
            fields.append("delivered_at")
        save(case, *fields)
        record(case, actor, "bundle_delivery", label, data={"bundle": bundle.number})


@transaction.atomic
def hand_over_bundle(actor, bundle: CaseBundle, *, pickup_code: str) -> CaseBundle:
    """一窗出件: one pickup code hands out every member's result."""
    bundle = lock_bundle(bundle)
    require_window_clerk(actor, bundle)
    _require_ready(bundle)
    handout.hand_over(_outlet(bundle), actor, code=pickup_code, label="综合窗口统一出件：申请人已领取全部结果")
    with syncing(bundle.pk):
        _members_delivered(actor, bundle, DeliveryStatus.DELIVERED, f"随联办件 {bundle.number} 统一出件：申请人已领取")
    return bundle


@transaction.atomic
def ship_bundle(actor, bundle: CaseBundle) -> CaseBundle:
    """One parcel for every result."""
    bundle = lock_bundle(bundle)
    require_window_clerk(actor, bundle)
    _require_ready(bundle)
    items = "、".join(r.name for m in members_of(bundle) for r in m.case.results.all()) or "办理结果文书"
    shipment = handout.ship(_outlet(bundle), actor, items=items, label="全部结果一次寄出")
    with syncing(bundle.pk):
        _members_delivered(actor, bundle, DeliveryStatus.SHIPPED, f"随联办件 {bundle.number} 一并寄出")
    tell_bundle_applicant(bundle, "联办件结果已寄出", f"您的“{bundle.title}”全部结果已一次寄出，运单号 {shipment.tracking_no}。")
    return bundle


def on_parcel_delivered(reference: str) -> None:
    """The carrier reports a joint case's parcel delivered (cases/receivers.py)."""
    bundle = CaseBundle.objects.filter(number=reference).first()
    if bundle is None or bundle.delivery_status == DeliveryStatus.DELIVERED:
        return
    with transaction.atomic():
        bundle = lock_bundle(bundle)
        handout.delivered(_outlet(bundle), "寄递系统", "delivered", "邮件已签收")
        with syncing(bundle.pk):
            _members_delivered("寄递系统", bundle, DeliveryStatus.DELIVERED, "联办件邮件已签收")
