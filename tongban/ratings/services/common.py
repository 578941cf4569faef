"""Shared pieces of the ratings services: who may act, the audited history. (Limits are counted by
tongban.workflow.clock, docs/domain.md §4.2.)"""

from django.core.exceptions import PermissionDenied

from tongban.accounts.selectors import can_act_for_department
from tongban.core.history import record


def require_department_role(actor, role: str, department, what: str) -> None:
    if not can_act_for_department(actor, role, department):
        raise PermissionDenied(f"您没有{what}的权限（需要{department.name}的相应岗位）。")


def history(model, owner_field: str, owner, actor, action: str, label: str, *, comment: str = "",
            public: bool = False, audit_action: str = "", object_id: str = "", **extra):
    """Append one line to an object's history and to the audit log, inside the caller's transaction."""
    return record(model, owner_field, owner, actor, action, label, comment=comment, public=public,
                  audit_action=audit_action or f"ratings.{action}", object_id=object_id, **extra)

