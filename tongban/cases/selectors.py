"""Reads of cases, always scoped: applicants see their own; staff see their role's departments."""

from django.db.models import Q
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import can_act_for_department, department_scope_q, roles_of
from tongban.cases.models import ActionKind, Case, Channel, Phase
from tongban.forms.defaults import effective_form
from tongban.registries.services import represented_codes
from tongban.workflow import selectors as workflow

STAFF_ROLES = (Role.CLERK, Role.APPROVER, Role.SUPERVISOR)

_RELATED = ("matter_version", "implementation", "department", "division", "state", "assignee")


def cases_for_applicant(user):
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    return Case.objects.filter(applicant=user).select_related(*_RELATED)


def case_for_applicant(user, number: str) -> Case | None:
    return cases_for_applicant(user).filter(number=number).first()


def draft_for_applicant(user, uid) -> Case | None:
    # A joint case's sub-case is filled and submitted only through its joint case (一件事一次办).
    return cases_for_applicant(user).filter(uid=uid, phase=Phase.DRAFT, bundle_member__isnull=True).first()


def joint_case_number_of_draft(user, uid) -> str | None:
    """The joint case a sub-case draft belongs to, so its page can send the applicant there."""
    return (cases_for_applicant(user).filter(uid=uid, bundle_member__isnull=False)
            .values_list("bundle_member__bundle__number", flat=True).first())


def joint_number(case: Case) -> str:
    """The number of the joint case (联办件) a sub-case belongs to; "" for any other case."""
    if not case.bundle_id:
        return ""
    return Case.objects.filter(pk=case.pk).values_list("bundle__number", flat=True).first() or ""


def is_staff_member(user) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return any(roles_of(user, r) for r in (*STAFF_ROLES, Role.ADMIN))


def staff_scope_q(user, roles=STAFF_ROLES) -> Q:
    q = Q(pk__in=[])
    for role in roles:
        q |= department_scope_q(user, role, "department")
    return q


def cases_for_staff(user, roles=STAFF_ROLES):
    """Every submitted case the user may see in any of `roles` (drafts are the applicant's alone)."""
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    return (Case.objects.exclude(phase=Phase.DRAFT).filter(staff_scope_q(user, roles))
            .select_related(*_RELATED))


def case_for_staff(user, number: str) -> Case | None:
    return cases_for_staff(user).filter(number=number).first()


def user_has_role_for(user, case: Case, role: str) -> bool:
    if case.pk is None:  # a case being created: judge by its department
        return can_act_for_department(user, role, case.department)
    return Case.objects.filter(pk=case.pk).filter(department_scope_q(user, role, "department")).exists()


def _decision_state_ids():
    """States (of any process version) where a case waits for its decision: those it is approved from."""
    return workflow.states_with_action(ActionKind.APPROVE)


QUEUES = [
    ("pending", "待受理"),
    ("correction", "待补正"),
    ("review", "审查中"),
    ("decide", "待决定"),
    ("warning", "预警"),
    ("overdue", "超期"),
    ("delivery", "待出件"),
    ("done", "已办结"),
]


def queue(user, name: str, *, roles=STAFF_ROLES):
    """A staff queue (办件箱) filtered to the user's scope. Deadline queues read stored dates, so they
    are right at any moment, not only after the periodic sweep."""
    qs = cases_for_staff(user, roles)
    today = timezone.localdate()
    running = qs.filter(phase=Phase.PROCESSING, paused_since__isnull=True)
    if name == "pending":
        return qs.filter(phase=Phase.SUBMITTED).order_by("submitted_at")
    if name == "correction":
        return qs.filter(phase=Phase.CORRECTION).order_by("updated_at")
    if name == "review":
        return qs.filter(phase=Phase.PROCESSING).exclude(state_id__in=_decision_state_ids()).order_by("promised_due")
    if name == "decide":
        return qs.filter(phase=Phase.PROCESSING, state_id__in=_decision_state_ids()).order_by("promised_due")
    if name == "warning":
        return running.filter(warn_on__lte=today, promised_due__gte=today).order_by("promised_due")
    if name == "overdue":
        return running.filter(promised_due__lt=today).order_by("promised_due")
    if name == "delivery":
        return qs.filter(phase=Phase.COMPLETED, delivery_status__in=["awaiting_payment", "ready", "shipped"])
    if name == "done":
        return qs.filter(phase__in=[Phase.COMPLETED, Phase.REFUSED, Phase.WITHDRAWN]).order_by("-completed_at")
    raise ValueError(name)


def queue_counts(user) -> dict[str, int]:
    return {code: queue(user, code).count() for code, _ in QUEUES}


def timeline(case: Case, *, for_applicant: bool):
    events = case.events.select_related("actor").prefetch_related("attachments")
    return events.filter(public=True) if for_applicant else events


def current_files(case: Case):
    return case.files.filter(replaced_at__isnull=True).select_related("material")


# -- joint cases (联办件) ------------------------------------------------------------------------

BUNDLE_STAFF_ROLES = (Role.CLERK, Role.SUPERVISOR)


def bundles_for_applicant(user):
    from tongban.cases.models import CaseBundle

    if not getattr(user, "is_authenticated", False):
        return CaseBundle.objects.none()
    return CaseBundle.objects.filter(applicant=user).select_related("lead_department", "division")


def bundle_for_applicant(user, number: str):
    return bundles_for_applicant(user).filter(number=number).first()


def bundles_for_staff(user, roles=BUNDLE_STAFF_ROLES):
    """Joint cases of the comprehensive window (and supervisors) covering the lead department.
    A department's approvers see only their own sub-case, through cases_for_staff()."""
    from tongban.cases.models import CaseBundle

    if not getattr(user, "is_authenticated", False):
        return CaseBundle.objects.none()
    q = Q(pk__in=[])
    for role in roles:
        q |= department_scope_q(user, role, "lead_department")
    return CaseBundle.objects.filter(q).select_related("lead_department", "division")


def bundle_for_staff(user, number: str):
    return bundles_for_staff(user).filter(number=number).first()


def bundle_queue(user, name: str):
    """待受理 / 待补正 / 办理中 / 待出件 / 已办结 for the window."""
    from tongban.cases.models import BundlePhase

    qs = bundles_for_staff(user)
    if name == "pending":
        return qs.filter(phase=BundlePhase.SUBMITTED).order_by("submitted_at")
    if name == "correction":
        return qs.filter(phase=BundlePhase.CORRECTION).order_by("updated_at")
    if name == "processing":
        return qs.filter(phase=BundlePhase.PROCESSING).order_by("promised_due")
    if name == "delivery":
        return qs.filter(phase=BundlePhase.COMPLETED, delivery_status__in=["awaiting_payment", "ready", "shipped"])
    if name == "done":
        return qs.filter(phase__in=[BundlePhase.COMPLETED, BundlePhase.REFUSED]).order_by("-completed_at")
    raise ValueError(name)


def bundle_members(bundle):
    """Every member with its sub-case (state, department, clock) in the theme's order."""
    return list(bundle.members.select_related("case", "case__department", "case__state", "case__implementation",
                                              "case__matter_version").prefetch_related("case__results"))


def bundle_timeline(bundle, *, for_applicant: bool):
    events = bundle.events.all()
    return events.filter(public=True) if for_applicant else events


def unrepresented_organisation(case: Case, spec=None) -> dict:
    """{form key: error} when an online applicant files for an organisation they may not act for.

    Online, the organisation on a case is only what the applicant typed; the platform accepts it
    when the person is its 法定代表人 in the 法人库 or holds a current 经办人授权 covering the matter
    (accounts.organisations). At a window the clerk checks the papers in person instead. Without
    this anyone could file, and be told about, cases in another company's name.
    """
    if case.channel == Channel.WINDOW or case.applicant_id is None:
        return {}
    for field in effective_form(case.matter_version) if spec is None else spec:
        if field.get("prefill") != "organisation.credit_code":
            continue
        code = str(case.answers.get(field.get("key"), "") or "").strip().upper()
        if code and code not in represented_codes(case.applicant, case.implementation.matter):
            return {field["key"]: f"“{field.get('label', '统一社会信用代码')}”：您不是该单位的法定代表人，也没有"
                                  "该单位对本事项的有效经办授权。请由单位管理员在“单位授权”中授权后再申请。"}
        break
    return {}
