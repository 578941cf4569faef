"""Demo 好差评 for 云川市, on the demo's completed cases (tongban/demo/data/cases_demo.py):

- ratings through several channels (二维码, 短信, 政务大厅平板, PC);
- one 非常不满意 in the bad-rating loop: verified and called back, rectification under way;
- last month's return-visit samples (政务服务回访), the calls given to the 12345 agent;
- one "办不成事" report waiting to be assigned.

The citizen's posted food licence (寄递中) is left unrated on purpose: it is the case to rate from
its QR link (or 我的办件 → 评价本次办事) when trying the loop from the outside.

Everything goes through the ratings services, so history and audit are the ones real use leaves.
One thing is not: the return-visit sample needs cases closed in a month that is over, and the demo
cases are completed today, so `_move_to_last_month()` shifts the completed demo cases back 31 days
first (DEMO ONLY, like cases_demo._backdate_for_demo). Safe to run again: with ratings present it
does nothing.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import User
from tongban.cases import deadlines
from tongban.cases.models import Case, CaseEvent, DeliveryStatus, Phase
from tongban.org.models import Department, Window
from tongban.ratings.models import Rating, RatingChannel
from tongban.ratings.services import loop, tickets, visits
from tongban.ratings.services.rating import rate
from tongban.ratings.services.recording import visit_handling

CITY = "431400"
ACTOR = "演示数据加载程序"
DEMO_SEED = 20  # recorded with each sample like any other seed; fixed so the demo draws the same cases


def load_demo_ratings(stdout=None) -> dict:
    def say(text):
        if stdout is not None:
            stdout.write(text + "\n")

    if Rating.objects.filter(division__code=CITY).exists():
        say("演示评价已存在，跳过")
        return {"ratings": 0, "skipped": "演示评价已存在"}
    users = {u.username: u for u in User.objects.filter(
        username__in=["citizen", "agent", "clerk", "approver_market", "supervisor", "hotline"])}
    completed = {c.delivery_status: c for c in Case.objects.filter(division__code=CITY, phase=Phase.COMPLETED)}
    if len(users) < 6 or not completed:
        say("缺少演示账号或已办结的演示办件，未创建演示评价")
        return {"ratings": 0, "skipped": "缺少演示数据"}
    try:
        with transaction.atomic():
            _move_to_last_month(list(completed.values()))
            made = _ratings(users, completed)
            samples = _samples()
            tickets.report(None, matter_text="老年人优待证", place_text="芙蓉区政务服务中心一楼",
                           description="窗口说要先在网上申请，可我不会用手机，来了两次都没办成。",
                           contact_name="刘桂英", contact_phone="13907391234")
    except (ValidationError, PermissionDenied, LookupError) as exc:
        text = "；".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        say(f"警告：演示评价未创建：{text}")
        return {"ratings": 0, "skipped": text}
    say(f"演示评价 {made} 条（其中 1 条非常不满意正在整改），回访抽样 {samples} 个部门，“办不成事”反映 1 件")
    return {"ratings": made, "samples": samples, "tickets": 1}


def _ratings(u: dict, completed: dict) -> int:
    made = 0
    ready = completed.get(DeliveryStatus.READY)
    if ready:
        rate(None, ready, level=4, channel=RatingChannel.QR, comment="办事指南写得清楚，一次就办成了。",
             scores={"guide_accuracy": 5, "efficiency": 4})
        made += 1
    paying = completed.get(DeliveryStatus.AWAITING_PAYMENT)
    if paying:
        rate(None, paying, level=5, channel=RatingChannel.SMS, scores={"convenience": 5})
        made += 1
    handed = completed.get(DeliveryStatus.DELIVERED)
    if handed:
        # 一次一评 at the pickup window, on the hall tablet the clerk opened …
        key, label = visit_handling(handed, u["clerk"])
        window = Window.objects.filter(site__division__code=CITY, kind=Window.Kind.PICKUP).first() \
            or Window.objects.filter(site__division__code=CITY).first()
        rate(None, handed, level=5, channel=RatingChannel.TABLET, handling=key, handling_label=label,
             window=window, staff=u["clerk"], scores={"attitude": 5})
        # … and 一事一评 of the whole case, from the agent's computer: the loop starts.
        bad = rate(u["agent"], handed, level=1, channel=RatingChannel.PC,
                   comment="网上提交后过了好几天才受理，打电话问进度也说不清楚。", scores={"efficiency": 1})
        review = loop.verify(u["approver_market"], bad.review,
                             verification="属实：受理环节积压，未按承诺时间受理；咨询电话未能查询办件进度。",
                             callback_note="已致电李建国先生致歉，说明整改安排，对方表示理解。", callback_reached=True)
        loop.handle(u["approver_market"], review, outcome="rectify",
                    measures="网上申请当日分派受理；咨询电话开通办件进度查询。")
        made += 2
    return made


def _samples() -> int:
    month = visits.previous_month(timezone.localdate())
    n = 0
    for department in Department.objects.filter(division__code=CITY).order_by("pk"):
        if visits.population(department, month):
            visits.draw(ACTOR, department, month, seed=DEMO_SEED)
            n += 1
    return n


def _move_to_last_month(cases: list[Case]) -> None:
    """DEMO ONLY. Shift completed demo cases (and their timelines) 31 days back, so that a month with
    closed cases is over and a return-visit sample can be drawn. Never on real cases: their dates are
    part of the legal record."""
    shift = timedelta(days=31)
    fields = ("created_at", "submitted_at", "accepted_at", "decided_at", "completed_at", "delivered_at")
    for case in cases:
        case = Case.objects.get(pk=case.pk)
        changes = {f: getattr(case, f) - shift for f in fields if getattr(case, f)}
        for f, value in changes.items():
            setattr(case, f, value)
        deadlines.recompute(case)
        Case.objects.filter(pk=case.pk).update(**changes, promised_due=case.promised_due, legal_due=case.legal_due,
                                               warn_on=case.warn_on)
        for event in CaseEvent.objects.filter(case=case):
            CaseEvent.objects.filter(pk=event.pk).update(at=event.at - shift)
