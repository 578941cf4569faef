"""The ratings sweep (settings.PERIODIC_TASKS): escalate overdue loop steps and tickets, invite
applicants of newly completed cases to rate by SMS, draw the monthly return-visit samples, push
ratings to the province. Each part is idempotent, so a sweep that runs twice does nothing twice.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from tongban.cases.models import BundlePhase, Case, CaseBundle, Phase
from tongban.cases.rating_links import joint_rating_path, joint_rating_url, rating_path, rating_url
from tongban.notify.services import notify
from tongban.ratings import selectors
from tongban.ratings.models import (
    BadRatingReview,
    CannotDoTicket,
    RatingInvitation,
    ReviewStatus,
    TicketStatus,
)
from tongban.ratings.push import push_pending
from tongban.ratings.services import loop, tickets, visits

log = logging.getLogger("tongban.ratings")

INVITE_WITHIN = timedelta(days=7)  # only recent completions: never a burst of SMS for old cases


def invite_completed(now=None) -> int:
    now = now or timezone.now()
    invited = RatingInvitation.objects.values("case_id")
    # A joint case's sub-cases are not invited one by one: the joint case is, once (invite_joint_cases).
    cases = (Case.objects.filter(phase__in=[Phase.COMPLETED, Phase.REFUSED], completed_at__gte=now - INVITE_WITHIN,
                                 bundle__isnull=True)
             .exclude(pk__in=invited).exclude(applicant_phone="").select_related("matter_version", "applicant"))
    sent = invite_joint_cases(now)
    for case in cases:
        with transaction.atomic():
            _, created = RatingInvitation.objects.get_or_create(case=case)
            if not created:
                continue
            notify(user=case.applicant, phone=case.applicant_phone, channels=("sms",), reference=case.number,
                   subject="邀您评价", link=rating_path(case.number) + "?via=sms",
                   body=f"您办理的「{case.matter_version.name}」已办结，请对本次服务评价：{rating_url(case.number)}?via=sms")
            sent += 1
    return sent


def invite_joint_cases(now=None) -> int:
    """One SMS per joint case (联办件) completed in the last days, with the one link that rates it as a
    whole; every sub-case it covers is marked invited."""
    now = now or timezone.now()
    bundles = (CaseBundle.objects.filter(phase=BundlePhase.COMPLETED, completed_at__gte=now - INVITE_WITHIN)
               .exclude(applicant_phone="").exclude(cases__pk__in=RatingInvitation.objects.values("case_id"))
               .select_related("applicant"))
    sent = 0
    for bundle in bundles:
        with transaction.atomic():
            bundle = CaseBundle.objects.select_for_update().get(pk=bundle.pk)  # two sweeps: one invites
            cases = list(selectors.rateable_cases_of(bundle))
            if not cases or RatingInvitation.objects.filter(case__in=cases).exists():
                continue
            RatingInvitation.objects.bulk_create([RatingInvitation(case=c) for c in cases])
            notify(user=bundle.applicant, phone=bundle.applicant_phone, channels=("sms",), reference=bundle.number,
                   subject="邀您评价", link=joint_rating_path(bundle.number) + "?via=sms",
                   body=f"您办理的「{bundle.title}」（联办件 {bundle.number}）已全部办结，请对这件事评价一次即可："
                        f"{joint_rating_url(bundle.number)}?via=sms")
            sent += 1
    return sent


def refresh_provisional() -> int:
    """Count again the limits counted Monday–Friday into a year the calendar did not know, once it does."""
    changed = 0
    for review in BadRatingReview.objects.filter(status=ReviewStatus.OPEN, step_due_provisional=True):
        changed += loop.refresh_provisional(review)
    for ticket in CannotDoTicket.objects.filter(due_provisional=True).exclude(status=TicketStatus.CLOSED):
        changed += tickets.refresh_provisional(ticket)
    return changed


def sweep(today=None) -> dict:
    today = today or timezone.localdate()
    counts = {"escalated": 0, "tickets_escalated": 0, "invited": 0, "samples": 0, "pushed": 0}
    counts["firmed_up"] = refresh_provisional()
    for review in BadRatingReview.objects.filter(status=ReviewStatus.OPEN, step_due__lt=today):
        counts["escalated"] += loop.escalate(review)
    for ticket in CannotDoTicket.objects.filter(status__in=[TicketStatus.NEW, TicketStatus.ASSIGNED],
                                                due_on__lt=today, escalated_at__isnull=True):
        counts["tickets_escalated"] += tickets.escalate(ticket)
    counts["invited"] = invite_completed()
    counts["samples"] = visits.draw_due(today)
    try:
        counts["pushed"] = push_pending()
    except Exception:  # the province being down must not stop the escalations above
        log.exception("好差评推送失败，下次定时任务重试")
    return counts


@task()
def sweep_ratings():
    return sweep()
