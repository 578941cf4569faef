"""Periodic sweep: tell approvers and supervisors about cases entering 预警 or 超期.

The queues compute deadline states from stored dates, so they are right without this task; the
sweep only sends the reminders, once per case and state.
"""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from tongban.accounts.models import Role
from tongban.accounts.selectors import holders
from tongban.cases.models import BundlePhase, Case, CaseBundle, Phase
from tongban.notify.services import notify


def _recipients(case: Case, *, supervisors: bool) -> list:
    """The assignee, or every approver whose scope covers the case's department; with `supervisors`,
    every supervisor whose scope covers it (a city-wide 督办 hears of a district's overdue case)."""
    if case.assignee_id and not supervisors:
        return [case.assignee]
    return list(holders(Role.SUPERVISOR if supervisors else Role.APPROVER, department=case.department_id))


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


def sweep(today=None) -> dict:
    today = today or timezone.localdate()
    now = timezone.now()
    refresh_provisional()
    running = Case.objects.filter(phase=Phase.PROCESSING, paused_since__isnull=True)
    counts = {"warned": 0, "overdue": 0}
    for case in running.filter(warn_on__lte=today, promised_due__gte=today, warned_at__isnull=True):
        with transaction.atomic():
            if Case.objects.filter(pk=case.pk, warned_at__isnull=True).update(warned_at=now):
                for user in _recipients(case, supervisors=False):
                    notify(user=user, subject=f"办件预警：{case.number}",
                           body=f"「{case.matter_name}」将于 {case.promised_due:%m月%d日} 到期，请抓紧办理。",
                           channels=("site", "sms"), reference=case.number, link=f"/inbox/cases/{case.number}/")
                counts["warned"] += 1
    for case in running.filter(promised_due__lt=today, overdue_notified_at__isnull=True):
        with transaction.atomic():
            if Case.objects.filter(pk=case.pk, overdue_notified_at__isnull=True).update(overdue_notified_at=now):
                for user in _recipients(case, supervisors=False) + _recipients(case, supervisors=True):
                    notify(user=user, subject=f"办件超期：{case.number}",
                           body=f"「{case.matter_name}」已超过承诺办结日 {case.promised_due:%Y-%m-%d}。",
                           channels=("site", "sms"), reference=case.number, link=f"/inbox/cases/{case.number}/")
                counts["overdue"] += 1
    return counts


@task()
def sweep_deadlines():
    return sweep()
