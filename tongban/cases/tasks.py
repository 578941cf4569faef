"""Periodic sweep: tell approvers and supervisors about cases entering 预警 or 超期.

The queues compute deadline states from stored dates, so they are right without this task; the
sweep only sends the reminders, once per case and state.
"""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from tongban.accounts.models import Role
from tongban.accounts.selectors import holders_by_department
from tongban.cases.models import BundlePhase, Case, CaseBundle, Phase
from tongban.notify.services import notify_many


def refresh_provisional() -> int:
    """Recompute due dates that were counted Monday–Friday once the calendar knows the year."""
    from tongban.cases import deadlines

    changed = 0
    # A joint case (联办件) keeps its own clock (docs/domain.md §5): the same recount.
    for model, open_phase in ((Case, Phase.PROCESSING), (CaseBundle, BundlePhase.PROCESSING)):
        for pk in model.objects.filter(due_provisional=True, phase=open_phase).values_list("pk", flat=True):
            with transaction.atomic():
                row = model.objects.select_for_update().get(pk=pk)
                deadlines.recompute(row)
                if not row.due_provisional:
                    row.save(update_fields=["promised_due", "legal_due", "warn_on", "due_provisional"])
                    changed += 1
    return changed


SWEEP_BATCH = 500  # cases claimed and told per transaction


def sweep(today=None) -> dict:
    today = today or timezone.localdate()
    refresh_provisional()
    running = Case.objects.filter(phase=Phase.PROCESSING, paused_since__isnull=True)
    return {
        "warned": _tell(running.filter(warn_on__lte=today, promised_due__gte=today, warned_at__isnull=True),
                        "warned_at", _warning),
        "overdue": _tell(running.filter(promised_due__lt=today, overdue_notified_at__isnull=True),
                         "overdue_notified_at", _overdue, supervisors=True),
    }


def _warning(case: Case) -> dict:
    return {"subject": f"办件预警：{case.number}",
            "body": f"「{case.matter_name}」将于 {case.promised_due:%m月%d日} 到期，请抓紧办理。"}


def _overdue(case: Case) -> dict:
    return {"subject": f"办件超期：{case.number}",
            "body": f"「{case.matter_name}」已超过承诺办结日 {case.promised_due:%Y-%m-%d}。"}


def _tell(due, marker: str, message, *, supervisors: bool = False) -> int:
    """Mark each case of `due` once (`marker` set) and tell its assignee, or every approver whose scope
    covers its department, and with `supervisors` every supervisor covering it too (a city-wide 督办
    hears of a district's overdue case). In batches: the cases are claimed with SKIP LOCKED, so two
    sweeps never tell twice and a case being worked on is left for the next run; the recipients of a
    batch are found per department in a few queries, and its messages are written in one insert."""
    told = 0
    while True:
        with transaction.atomic():
            batch = list(due.select_for_update(skip_locked=True, of=("self",))
                         .select_related("matter_version", "assignee").order_by("pk")[:SWEEP_BATCH])
            if not batch:
                return told
            Case.objects.filter(pk__in=[c.pk for c in batch]).update(**{marker: timezone.now()})
            departments = {c.department_id for c in batch}
            approvers = holders_by_department(Role.APPROVER, departments)
            overseers = holders_by_department(Role.SUPERVISOR, departments) if supervisors else {}
            messages = []
            for case in batch:
                people = [case.assignee] if case.assignee_id else approvers.get(case.department_id, [])
                people = list({u.pk: u for u in [*people, *overseers.get(case.department_id, [])]}.values())
                messages += [{"user": user, **message(case), "channels": ("site", "sms"), "reference": case.number,
                              "link": f"/inbox/cases/{case.number}/"} for user in people]
            notify_many(messages)
            told += len(batch)


@task()
def sweep_deadlines():
    return sweep()
