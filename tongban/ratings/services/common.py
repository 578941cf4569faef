"""Shared pieces of the ratings services: working-day limits, who may act, the audited history."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tongban.accounts.selectors import can_act_for_department
from tongban.core.history import record
from tongban.workcal.selectors import add_working_days_or_weekdays


def working_days_after(start: date, days: int) -> date:
    """`days` working days after `start` (the count starts the next day); Monday–Friday where the
    calendar does not know the year yet: a time limit must not block a complaint from being filed."""
    return add_working_days_or_weekdays(start, days)[0]


def due_in(days: int) -> date:
    return working_days_after(timezone.localdate(), days)






def require_department_role(actor, role: str, department, what: str) -> None:
    if not can_act_for_department(actor, role, department):
        raise PermissionDenied(f"您没有{what}的权限（需要{department.name}的相应岗位）。")


def history(model, owner_field: str, owner, actor, action: str, label: str, *, comment: str = "",
            public: bool = False, audit_action: str = "", object_id: str = "", **extra):
    """Append one line to an object's history and to the audit log, inside the caller's transaction."""
    return record(model, owner_field, owner, actor, action, label, comment=comment, public=public,
                  audit_action=audit_action or f"ratings.{action}", object_id=object_id, **extra)

