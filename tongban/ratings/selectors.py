"""Reads of ratings, the loop, return visits and tickets — always scoped to who is asking.

Department staff (审批人员) see their department's ratings and bad ratings; 督办人员 see their scope
(a division, with or without the divisions below); anybody else sees nothing. An out-of-scope object
reads as missing (404), never as forbidden, so numbers cannot be probed.
"""

from django.db.models import Count, Min, Q
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import (
    can_act_for_department,
    department_scope_q,
    departments_in_scope,
    is_platform_admin,
    roles_of,
    users_covering,
)
from tongban.cases import selectors as cases
from tongban.cases.models import Case
from tongban.cases.rating_links import case_number_from, joint_number_from
from tongban.org.selectors import windows_in_divisions
from tongban.ratings.models import (
    CASE_HANDLING,
    BadRatingReview,
    CannotDoTicket,
    Indicator,
    Rating,
    ReturnVisit,
    ReturnVisitSample,
    ReviewStatus,
    TicketStatus,
    VisitStatus,
)
from tongban.ratings.process import FORMS, REVIEW_STATES
from tongban.workflow import selectors as workflow

LOOP_ROLES = (Role.APPROVER, Role.SUPERVISOR)
VISIT_ROLES = (Role.HOTLINE, Role.SUPERVISOR)


def _scope(user, roles, path: str = "department") -> Q:
    q = Q(pk__in=[])
    for role in roles:
        q |= department_scope_q(user, role, path)
    return q


def has_any_role(user, roles) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return any(roles_of(user, r) for r in (*roles, Role.ADMIN))


# -- the rater's side ---------------------------------------------------------------------------

def case_from_token(token: str) -> Case | None:
    number = case_number_from(token)
    return cases.case_by_number(number) if number else None


def bundle_from_token(token: str):
    """The joint case (联办件) a joint rating link names, or None (a case's link, or a forged one)."""
    number = joint_number_from(token)
    return cases.bundle_by_number(number) if number else None


def bundle_of(case: Case):
    return cases.bundle_of(case)


def rateable_cases_of(bundle):
    """What the joint case's one rating is recorded against: the sub-cases its departments decided or
    refused, in the theme's order."""
    return cases.decided_cases_of(bundle)


def joint_ratings(bundle):
    """The rows of a joint case's one rating (one per department's sub-case), in the theme's order."""
    return (Rating.objects.filter(bundle_number=bundle.number, handling=CASE_HANDLING)
            .select_related("case", "department", "review", "review__state", "review__department")
            .order_by("case__bundle_member__order", "pk"))


def ratings_of_case(case: Case):
    return Rating.objects.filter(case=case).select_related("review", "review__state").order_by("rated_at")


def case_rating(case: Case) -> Rating | None:
    return rating_of_handling(case, CASE_HANDLING)


def rating_of_handling(case: Case, handling: str) -> Rating | None:
    """The rating of one handling of the case (the case, or one visit to a window), if given."""
    return ratings_of_case(case).filter(handling=handling).first()


def rating_by_id(pk) -> Rating:
    """A rating just recorded, read again for the answer: the rater may be anonymous, so unscoped."""
    return Rating.objects.select_related("case", "department").get(pk=pk)


def public_history(review: BadRatingReview):
    return review.events.filter(public=True).order_by("at", "id")


def ratings_of_user(user):
    if not getattr(user, "is_authenticated", False):
        return Rating.objects.none()
    return Rating.objects.filter(rater=user).select_related("case", "review", "review__state")


def my_ratings_list(user):
    """我的评价, the latest first: a joint case's one rating (a row per department it covers) once, by
    its first row, so the list pages by what the person rated."""
    mine = ratings_of_user(user)
    firsts = (Rating.objects.filter(rater=user).exclude(bundle_number="").values("bundle_number")
              .annotate(first=Min("id")).values("first"))
    return mine.filter(Q(bundle_number="") | Q(pk__in=firsts)).order_by("-rated_at", "-id")


def indicators_of(mode: str):
    return Indicator.objects.filter(mode=mode).order_by("order")


def active_indicators(mode: str):
    return indicators_of(mode).filter(active=True)


# -- the tablet and the phone --------------------------------------------------------------------

PHONE_ROLES = (Role.CLERK, Role.HOTLINE, Role.SUPERVISOR)


def clerk_windows(user):
    """The windows of the service sites in the clerk's divisions (where the tablet may stand)."""
    return windows_in_divisions([r.division_id for r in roles_of(user, Role.CLERK)])


def case_for_phone_staff(user, number: str) -> Case | None:
    """A case a clerk, 12345 agent or supervisor may enter a phone rating for."""
    return cases.case_for_staff(user, number, roles=PHONE_ROLES)


# -- staff ---------------------------------------------------------------------------------------

def ratings_for_staff(user):
    if not getattr(user, "is_authenticated", False):
        return Rating.objects.none()
    return Rating.objects.filter(_scope(user, LOOP_ROLES)).select_related("case", "department", "window")


def reviews_for_staff(user):
    if not getattr(user, "is_authenticated", False):
        return BadRatingReview.objects.none()
    return (BadRatingReview.objects.filter(_scope(user, LOOP_ROLES))
            .select_related("rating", "rating__case", "department", "state", "handler"))


def review_for_staff(user, pk) -> BadRatingReview | None:
    try:
        return reviews_for_staff(user).filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        return None


REVIEW_QUEUES = [
    ("verify", "待核实回访"),
    ("handling", "处理整改中"),
    ("appeal", "申诉待裁决"),
    ("review", "待复核"),
    ("overdue", "超期"),
    ("closed", "已办结"),
]


def review_queue(user, name: str):
    qs = reviews_for_staff(user)
    open_ = qs.filter(status=ReviewStatus.OPEN)
    if name == "verify":
        return open_.filter(state__code="verify").order_by("step_due")
    if name == "handling":
        return open_.filter(state__code__in=["handle", "rectify"]).order_by("step_due")
    if name == "appeal":
        return open_.filter(state__code="appeal").order_by("step_due")
    if name == "review":
        return open_.filter(state__code__in=REVIEW_STATES).order_by("step_due")
    if name == "overdue":
        return open_.filter(step_due__lt=timezone.localdate()).order_by("step_due")
    if name == "closed":
        return qs.exclude(status=ReviewStatus.OPEN).order_by("-closed_at")
    raise ValueError(name)


def review_counts(user) -> dict[str, int]:
    return {code: review_queue(user, code).count() for code, _ in REVIEW_QUEUES}


def review_history(review: BadRatingReview):
    """Every step of the loop, for staff (the rater sees public_history)."""
    return review.events.select_related("actor").order_by("at", "id")


def actions_for(user, review: BadRatingReview) -> list[str]:
    """The loop actions this user may take on the review now."""
    if not review.is_open:
        return []
    held = {role for t in workflow.transitions_from(review.state) for role in t.roles
            if can_act_for_department(user, role, review.department)}
    return [form for form, actions in FORMS.items()
            if any(t.action in actions and t.allows(held) for t in workflow.transitions_from(review.state))]


# -- return visits -------------------------------------------------------------------------------

def samples_for_staff(user):
    if not getattr(user, "is_authenticated", False):
        return ReturnVisitSample.objects.none()
    return ReturnVisitSample.objects.filter(_scope(user, VISIT_ROLES)).select_related("department")


def visits_for_staff(user):
    """Supervisors see every visit in scope; a caller (12345话务员) the ones in scope as well."""
    if not getattr(user, "is_authenticated", False):
        return ReturnVisit.objects.none()
    return (ReturnVisit.objects.filter(_scope(user, VISIT_ROLES, "sample__department"))
            .select_related("sample", "sample__department", "case", "case__matter_version", "caller"))


def samples_with_progress(user, *, limit: int = 60):
    """The samples in scope, the latest month first, each with its calls done and satisfied ones."""
    return (samples_for_staff(user)
            .annotate(done=Count("visits", filter=Q(visits__status=VisitStatus.DONE)),
                      satisfied=Count("visits", filter=Q(visits__status=VisitStatus.DONE, visits__level__gte=3)))
            .order_by("-month", "department__name")[:limit])


def calls_of(user, *, limit: int = 200):
    """The calls given to this caller and not made yet, by month and case."""
    return (visits_for_staff(user).filter(caller=user).exclude(status=VisitStatus.DONE)
            .order_by("sample__month", "case_id")[:limit])


def unassigned_call_count(user) -> int:
    return visits_for_staff(user).exclude(status=VisitStatus.DONE).filter(caller__isnull=True).count()


def visit_for_staff(user, pk) -> ReturnVisit | None:
    try:
        return visits_for_staff(user).filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        return None


def callers_for(department):
    """People who may be given calls for a department: 12345话务员 and 督办人员 covering it."""
    return users_covering(department, VISIT_ROLES)


def departments_for_visits(user):
    return departments_in_scope(user, Role.SUPERVISOR)


def supervised_department(user, pk):
    """A department the user supervises (samples are drawn for it, tickets sent to it), or None.

    `pk` comes from a form as typed: anything but digits is no department (not a ValueError)."""
    if not str(pk).isdigit():
        return None
    return departments_in_scope(user, Role.SUPERVISOR).filter(pk=pk).first()


# -- 办不成事 -------------------------------------------------------------------------------------

TICKET_ROLES = (Role.APPROVER, Role.SUPERVISOR)


def tickets_for_staff(user):
    """Supervisors (the 政务服务管理局's "办不成事" window) see every ticket of the divisions they cover,
    assigned or not; department staff see the tickets assigned to their department."""
    if not getattr(user, "is_authenticated", False):
        return CannotDoTicket.objects.none()
    supervised = departments_in_scope(user, Role.SUPERVISOR)
    q = _scope(user, TICKET_ROLES) | Q(department__isnull=True, division_id__in=supervised.values("division_id"))
    if is_platform_admin(user):
        q = Q()
    return CannotDoTicket.objects.filter(q).select_related("department", "assignee", "site", "matter")


def ticket_for_staff(user, number: str) -> CannotDoTicket | None:
    return tickets_for_staff(user).filter(number=number).first()


def ticket_by_number(number: str) -> CannotDoTicket | None:
    """A ticket for its reporter's status page: the signed link, checked by the caller, is the access."""
    return CannotDoTicket.objects.filter(number=number).select_related("department").first()


def ticket_history(ticket: CannotDoTicket, *, public_only: bool = False):
    events = ticket.events.filter(public=True) if public_only else ticket.events.all()
    return events.order_by("at", "id")


def supervises_ticket(user, ticket: CannotDoTicket) -> bool:
    """督办: the ticket is in a division the user supervises, or sent to a department they supervise."""
    supervised = departments_in_scope(user, Role.SUPERVISOR)
    return supervised.filter(division=ticket.division).exists() or bool(
        ticket.department_id and supervised.filter(pk=ticket.department_id).exists())


def may_answer_ticket(user, ticket: CannotDoTicket) -> bool:
    """The department the ticket was sent to answers it (its 审批人员)."""
    return bool(ticket.department_id) and can_act_for_department(user, Role.APPROVER, ticket.department)


TICKET_QUEUES = [
    ("new", "待分派"),
    ("assigned", "办理中"),
    ("answered", "已答复待办结"),
    ("overdue", "超期"),
    ("closed", "已办结"),
]


def ticket_counts(user) -> dict[str, int]:
    return {code: ticket_queue(user, code).count() for code, _ in TICKET_QUEUES}


def ticket_queue(user, name: str):
    qs = tickets_for_staff(user)
    if name == "overdue":
        return qs.filter(status__in=[TicketStatus.NEW, TicketStatus.ASSIGNED],
                         due_on__lt=timezone.localdate()).order_by("due_on")
    if name in TicketStatus.values:
        return qs.filter(status=name).order_by("due_on" if name != "closed" else "-closed_at")
    raise ValueError(name)
