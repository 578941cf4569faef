"""After the decision: results (出件), fees, and handing out at a window or by express mail.

"综合窗口出件": whatever department decided, the applicant collects at a window with a pickup code,
or receives it by post. A case whose matter charges fees is not handed out before it is paid.
"""


from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.cases.models import Case, CaseResult, DeliveryMethod, DeliveryStatus, Outcome, Phase
from tongban.cases.services import handout
from tongban.cases.services.common import lock, record, require_role, save, tell_applicant
from tongban.cases.signals import results_registered
from tongban.payments.selectors import is_settled, orders_for
from tongban.payments.services import create_order


def _fee_items(case: Case) -> list[dict]:
    return [{"name": f.name, "amount_cents": f.amount_cents, "standard": f.standard}
            for f in case.matter_version.fees.all() if f.amount_cents]


def after_decision(actor, case: Case) -> None:
    """Called inside the deciding transaction."""
    if case.outcome != Outcome.APPROVED and case.bundle_id:
        case.delivery_status = DeliveryStatus.READY  # handed out with its joint case (services/bundles.py)
        case.save(update_fields=["delivery_status"])
        return
    if case.outcome != Outcome.APPROVED:
        case.delivery_status = DeliveryStatus.READY if case.delivery_method != DeliveryMethod.ONLINE \
            else DeliveryStatus.DELIVERED
        case.pickup_code = handout.pickup_code() if case.delivery_method == DeliveryMethod.WINDOW else ""
        case.save(update_fields=["delivery_status", "pickup_code"])
        return
    items = _fee_items(case)
    if items:
        create_order(actor, reference=case.number, items=items, payer=case.applicant,
                     payer_name=case.applicant_name, description=case.matter_name)
        case.delivery_status = DeliveryStatus.AWAITING_PAYMENT
        case.save(update_fields=["delivery_status"])
        tell_applicant(case, "请缴纳费用", f"您的“{case.matter_name}”（{case.number}）需缴费后出件，请登录缴费。")
    else:
        _ready(case)


def _ready(case: Case) -> None:
    """Paid (or free): window cases get a pickup code; express cases wait for the clerk to post."""
    case.delivery_status = DeliveryStatus.READY
    if case.bundle_id:  # 一件事: no pickup code of its own; the joint case hands out every result at once
        case.save(update_fields=["delivery_status"])
    elif case.delivery_method == DeliveryMethod.WINDOW:
        case.pickup_code = handout.pickup_code()
        case.save(update_fields=["delivery_status", "pickup_code"])
        tell_applicant(case, "办理结果待领取",
                       f"您的“{case.matter_name}”（{case.number}）结果已可领取，取件码 {case.pickup_code}，"
                       f"请到 {case.implementation.place} 领取。")
    elif case.delivery_method == DeliveryMethod.ONLINE:
        case.delivery_status = DeliveryStatus.DELIVERED
        case.delivered_at = timezone.now()
        case.save(update_fields=["delivery_status", "delivered_at"])
    else:
        case.save(update_fields=["delivery_status"])


def register_results(actor, case: Case, results: list[dict]) -> list[CaseResult]:
    """Results named in the matter version, with their numbers as entered by the approver."""
    given = {r.get("name"): r for r in results or []}
    made = []
    today = timezone.localdate()
    for r in case.matter_version.results.all():
        entry = given.get(r.name, {})
        made.append(CaseResult.objects.create(
            case=case, name=r.name, kind=r.kind, number=(entry.get("number") or "").strip()[:80],
            issued_on=entry.get("issued_on") or today, valid_until=entry.get("valid_until") or None,
            registered_by=actor if getattr(actor, "is_authenticated", False) else None))
    results_registered.send(sender=Case, case=case, results=made, actor=actor)  # e-licences (tongban.licences)
    return made


def _outlet(case: Case) -> handout.Outlet:
    return handout.Outlet(case, "办件", case.number, lambda *fields: save(case, *fields),
                          lambda actor, action, label, data=None: record(case, actor, action, label, data=data))


@transaction.atomic
def choose_delivery(actor, case: Case, *, method: str, recipient: str = "", phone: str = "",
                    address: str = "") -> Case:
    case = lock(case)
    if not (case.applicant_id and getattr(actor, "pk", None) == case.applicant_id):
        require_role(actor, case, ["clerk", "approver"])
    if case.bundle_id:
        raise ValidationError("该办件属于联办件，请在联办件中选择送达方式。")
    handout.choose(_outlet(case), actor, method=method, recipient=recipient, phone=phone, address=address,
                   express_allowed=case.matter_version.supports_express)
    return case


def _require_deliverable(case: Case) -> None:
    if case.bundle_id:
        raise ValidationError("该办件属于联办件，结果随联办件统一出件。")
    if case.phase != Phase.COMPLETED:
        raise ValidationError("办件尚未办结，不能出件。")
    if not is_settled(case.number):
        raise ValidationError("该办件尚未缴费，缴费完成后才能出件。")
    if case.delivery_status == DeliveryStatus.DELIVERED:
        raise ValidationError("结果已送达。")


@transaction.atomic
def hand_over(actor, case: Case, *, pickup_code: str) -> Case:
    """窗口出件: any window of the division hands out against the pickup code."""
    case = lock(case)
    require_role(actor, case, ["clerk"])
    _require_deliverable(case)
    handout.hand_over(_outlet(case), actor, code=pickup_code, label="窗口出件：申请人已领取")
    return case


@transaction.atomic
def ship(actor, case: Case) -> Case:
    case = lock(case)
    require_role(actor, case, ["clerk", "approver"])
    _require_deliverable(case)
    items = "、".join(r.name for r in case.results.all()) or "办理结果文书"
    shipment = handout.ship(_outlet(case), actor, items=items, label="已寄出")
    tell_applicant(case, "办理结果已寄出", f"您的“{case.matter_name}”结果已寄出，运单号 {shipment.tracking_no}。")
    return case


@transaction.atomic
def on_order_paid(reference: str) -> None:
    case = Case.objects.filter(number=reference).first()
    if case is None:
        return
    case = lock(case)
    if case.delivery_status == DeliveryStatus.AWAITING_PAYMENT and is_settled(case.number):
        _ready(case)
        save(case)
        record(case, "缴费系统", "paid", "已缴费")


@transaction.atomic
def on_shipment_delivered(reference: str) -> None:
    case = Case.objects.filter(number=reference).first()
    if case is None or case.delivery_status == DeliveryStatus.DELIVERED:
        return
    case = lock(case)
    handout.delivered(_outlet(case), "寄递系统", "delivered", "邮件已签收")


def payment_orders(case: Case):
    return orders_for(case.number) if case.number else []
