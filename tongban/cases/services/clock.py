"""The case clock's pauses (行政许可法 §45: time for 补正 after acceptance, 容缺 waiting and special
procedures is not counted; docs/domain.md §4). Opened by processing (补正, 容缺受理, 特别程序) and closed
by processing or by the applicant's own acts in intake (补正 resubmitted, the promised material in)."""

from django.utils import timezone

from tongban.cases import deadlines
from tongban.cases.models import Case, CasePause
from tongban.core.actors import as_user


def open_pause(actor, case: Case, kind: str, *, reason: str = "", procedure: str = "", items=(), due_on=None):
    today = timezone.localdate()
    CasePause.objects.create(case=case, kind=kind, procedure=procedure, reason=reason, started_on=today,
                             items=list(items), due_on=due_on, started_by=as_user(actor))
    if case.paused_since is None:
        case.paused_since = today
        case.save(update_fields=["paused_since"])


def end_pause(actor, case: Case, kind: str) -> None:
    """Close the open pause of `kind`; when none is left, the paused working days are added back."""
    today = timezone.localdate()
    for pause in case.pauses.filter(kind=kind, ended_on__isnull=True):
        pause.ended_on = today
        pause.working_days = deadlines.paused_working_days(pause.started_on, today)
        pause.save(update_fields=["ended_on", "working_days"])
    if case.paused_since is not None and not case.pauses.filter(ended_on__isnull=True).exists():
        case.paused_days += deadlines.paused_working_days(case.paused_since, today)
        case.paused_since = None
        deadlines.recompute(case)
        case.save(update_fields=["paused_days", "paused_since", "promised_due", "legal_due", "warn_on",
                                 "due_provisional"])
