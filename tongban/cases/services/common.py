"""Shared pieces of the case services: locking, the timeline, who may act."""

from django.core.exceptions import PermissionDenied, ValidationError

from tongban.accounts.models import Role
from tongban.cases.models import Case, CaseEvent
from tongban.cases.selectors import joint_number, user_has_role_for
from tongban.core import history
from tongban.notify.services import notify


class CaseConflict(ValidationError):
    """Someone else acted on the case first (or the page was stale)."""






def lock(case: Case, expected_revision: int | None = None) -> Case:
    """Re-read the case under a row lock. Two people pressing the same button: the second waits for
    the first to commit, then sees the new revision and is told, instead of acting twice."""
    # No joins under FOR UPDATE: after waiting, PostgreSQL re-checks only the locked row against the
    # joined rows it read before, so a join on the changed state would make the row vanish.
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if expected_revision is not None and locked.revision != expected_revision:
        who = locked.events.order_by("-at", "-id").values_list("actor_label", "label").first()
        detail = f"（{who[0]} 已{who[1]}）" if who else ""
        raise CaseConflict(f"该办件已被他人处理{detail}，请刷新页面查看最新状态。")
    return locked


def save(case: Case, *fields: str) -> None:
    case.revision += 1
    case.save(update_fields=[*fields, "revision", "updated_at"])


def record(case: Case, actor, action: str, label: str, *, comment: str = "", data: dict | None = None,
           public: bool = True, audit_action: str = "") -> CaseEvent:
    return history.record(CaseEvent, "case", case, actor, action, label, comment=comment, data=data, public=public,
                          audit_action=audit_action or f"cases.{action}", object_id=case.number or str(case.pk),
                          summary=f"{case.number or '草稿'} {label}", state_name=case.state.name if case.state_id else "")


def require_role(actor, case: Case, roles) -> str:
    """The first of `roles` the actor holds for the case's department, or PermissionDenied."""
    for role in roles:
        if user_has_role_for(actor, case, role):
            return role
    names = "、".join(dict(Role.choices).get(r, r) for r in roles)
    raise PermissionDenied(f"您没有办理该办件的权限（需要本部门的{names}岗位）。")


def require_applicant(actor, case: Case) -> None:
    if not getattr(actor, "is_authenticated", False) or case.applicant_id != actor.pk:
        raise PermissionDenied("只能操作本人的办件。")


def tell_applicant(case: Case, subject: str, body: str) -> None:
    link = f"/my/cases/{case.number}/" if case.number else ""
    joint = joint_number(case)  # a sub-case: the applicant reads and acts on the joint case (一件事一次办)
    if joint:
        link = f"/my/joint-cases/{joint}/"
    notify(user=case.applicant, phone=case.applicant_phone,
           subject=subject, body=body, channels=("site", "sms"), reference=case.number or "", link=link)
