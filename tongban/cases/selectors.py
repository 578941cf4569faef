"""Reads of cases, always scoped: applicants see their own; staff see their role's departments.
The few unscoped reads serve a page whose signed link is the access, and say so."""

from django.db.models import Count, Max, Q
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import can_act_for_department, department_scope_q, holders, roles_of
from tongban.cases.models import (
    OPEN_PHASES,
    ActionKind,
    BundlePhase,
    Case,
    CaseBundle,
    Channel,
    DeliveryStatus,
    PendingMaterial,
    Phase,
    Urge,
)
from tongban.catalog.selectors import matter_version_ids_named
from tongban.core.paging import TAB_CAP, capped_count
from tongban.forms.defaults import effective_form
from tongban.payments.selectors import order_by_no
from tongban.registries.services import represented_codes
from tongban.workflow import selectors as workflow

STAFF_ROLES = (Role.CLERK, Role.APPROVER, Role.SUPERVISOR)
DONE_PHASES = (Phase.COMPLETED, Phase.REFUSED, Phase.WITHDRAWN)
AWAITING_HANDOUT = (DeliveryStatus.AWAITING_PAYMENT, DeliveryStatus.READY, DeliveryStatus.SHIPPED)

_RELATED = ("matter_version", "implementation", "department", "division", "state", "assignee")


def cases_for_applicant(user):
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    return Case.objects.filter(applicant=user).select_related(*_RELATED)


def case_for_applicant(user, number: str) -> Case | None:
    return cases_for_applicant(user).filter(number=number).first()


def case_by_uid_for_applicant(user, uid, *, joint_members: bool = False) -> Case | None:
    """One's own case by uid (a draft has no number yet), draft or not. A joint case's sub-case only
    with `joint_members`: it is filled and submitted through its joint case."""
    qs = cases_for_applicant(user).filter(uid=uid)
    return (qs if joint_members else qs.filter(bundle_member__isnull=True)).first()


def drafts_for_applicant(user, implementation):
    """One's unsubmitted drafts of one matter, the latest first (to resume instead of starting again)."""
    return cases_for_applicant(user).filter(implementation=implementation, phase=Phase.DRAFT).order_by("-updated_at")


def recent_cases_for_applicant(user):
    return cases_for_applicant(user).order_by("-updated_at", "-id")


def _still_with_applicant() -> Q:
    """Open, or decided with the result still to pay for, collect or receive."""
    return Q(phase__in=OPEN_PHASES) | Q(phase=Phase.COMPLETED, delivery_status__in=AWAITING_HANDOUT)


def current_cases_for_applicant(user):
    """我的办件 · 办理中: what is still under way (a short list, whatever one's history)."""
    return recent_cases_for_applicant(user).filter(_still_with_applicant())


def draft_cases_for_applicant(user):
    """我的办件 · 草稿, a joint case's sub-case drafts left out (they are shown with their joint case)."""
    return recent_cases_for_applicant(user).filter(phase=Phase.DRAFT, bundle__isnull=True)


def done_cases_for_applicant(user):
    """我的办件 · 已办结: the history, paged by the caller."""
    return (recent_cases_for_applicant(user).exclude(phase=Phase.DRAFT).exclude(_still_with_applicant()))


def awaiting_materials_ids(cases) -> set[int]:
    """Ids of those `cases` with 容缺 materials promised and not handed in (one query for a list)."""
    return set(PendingMaterial.objects.filter(case__in=[c.pk for c in cases], received_at__isnull=True)
               .values_list("case_id", flat=True))


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
    # A case carries its department's division: division-wide scopes filter on it (its own indexes).
    q = Q(pk__in=[])
    for role in roles:
        q |= department_scope_q(user, role, "department", division_path="division")
    return q


def cases_for_staff(user, roles=STAFF_ROLES):
    """Every submitted case the user may see in any of `roles` (drafts are the applicant's alone)."""
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    return (Case.objects.exclude(phase=Phase.DRAFT).filter(staff_scope_q(user, roles))
            .select_related(*_RELATED))


def case_for_staff(user, number: str, roles=STAFF_ROLES) -> Case | None:
    return cases_for_staff(user, roles).filter(number=number).first()


def reread(user, case: Case, *, as_staff: bool) -> Case:
    """The case read again after a write, through the scope it was found in."""
    return (cases_for_staff(user) if as_staff else cases_for_applicant(user)).get(pk=case.pk)


def case_by_number(number: str) -> Case | None:
    """A submitted case by number, unscoped: for a page whose signed link (the rating QR on a notice,
    the SMS) is the access, checked by the caller."""
    return (Case.objects.exclude(phase=Phase.DRAFT).filter(number=number)
            .select_related("department", "matter_version", "implementation__matter").first())


def case_for_notice_check(number: str) -> Case | None:
    """Any case by number, for the public page behind a notice's QR code: the signed token in the
    link, checked by the caller, is what grants the (masked) view."""
    return Case.objects.filter(number=number).select_related("matter_version", "department").first()


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
    are right at any moment, not only after the periodic sweep.

    Each queue's condition is the predicate of a partial index on cases (models.Case.Meta.indexes):
    open cases are a few percent of a city's history, so a queue reads only them, in its order."""
    qs = cases_for_staff(user, roles)
    today = timezone.localdate()
    if name == "pending":
        return qs.filter(phase=Phase.SUBMITTED).order_by("submitted_at", "id")
    if name == "correction":
        return qs.filter(phase=Phase.CORRECTION).order_by("updated_at", "id")
    processing = qs.filter(phase=Phase.PROCESSING)
    if name == "review":
        return processing.exclude(state_id__in=_decision_state_ids()).order_by("promised_due", "id")
    if name == "decide":
        return processing.filter(state_id__in=_decision_state_ids()).order_by("promised_due", "id")
    running = processing.filter(paused_since__isnull=True)
    if name == "warning":
        return running.filter(warn_on__lte=today, promised_due__gte=today).order_by("promised_due", "id")
    if name == "overdue":
        return running.filter(promised_due__lt=today).order_by("promised_due", "id")
    if name == "delivery":
        return (qs.filter(phase=Phase.COMPLETED, delivery_status__in=AWAITING_HANDOUT)
                .order_by("completed_at", "id"))
    if name == "done":
        return qs.filter(phase__in=DONE_PHASES).order_by("-completed_at", "-id")
    raise ValueError(name)


def queue_counts(user) -> dict[str, tuple[int, bool]]:
    """{queue: (count, capped)} for the tabs; each stops counting at paging.TAB_CAP ("999+")."""
    return {code: capped_count(queue(user, code), TAB_CAP) for code, _ in QUEUES}


def _looks_like_a_number(text: str) -> bool:
    # 办件编号 and 证件号码 are letters and digits; an applicant's or a matter's name is not.
    return len(text) >= 3 and text.isascii() and text.isalnum()


def filter_cases(qs, text: str = "", *, department_id: int | None = None, phase: str | None = None):
    """Narrow a list of cases: `text` is a case number or part of it, an applicant's ID number or
    统一社会信用代码, the beginning of an applicant's name, or part of a matter's name.

    Each is matched on an index, never by a leading wildcard over the name columns of millions of
    rows: numbers exactly or through the trigram index on case numbers (migration cases 0010), names
    by their beginning, a matter's name in the catalogue first and then by those versions' ids."""
    if department_id is not None:
        qs = qs.filter(department_id=department_id)
    if phase:
        qs = qs.filter(phase=phase)
    text = text.strip()
    if not text:
        return qs
    if _looks_like_a_number(text):
        upper = text.upper()
        return qs.filter(Q(number__contains=upper) | Q(applicant_id_number=upper))
    return qs.filter(Q(applicant_name__startswith=text) | Q(matter_version_id__in=matter_version_ids_named(text)))


# -- the window (综合窗口) -----------------------------------------------------------------------

def window_drafts_of(clerk, *, limit: int = 10):
    """Walk-ins this clerk registered and has not submitted yet, the latest first."""
    return (Case.objects.filter(phase=Phase.DRAFT, channel=Channel.WINDOW, registered_by=clerk)
            .select_related("matter_version").order_by("-created_at")[:limit])


def window_draft_for_clerk(user, uid) -> Case | None:
    """A walk-in draft of a department in the clerk's scope (any clerk there may finish it)."""
    return (Case.objects.filter(uid=uid, phase=Phase.DRAFT, channel=Channel.WINDOW)
            .filter(department_scope_q(user, Role.CLERK, "department"))
            .select_related("matter_version", "implementation", "department").first())


def open_cases_of_person(user, id_number: str, person):
    """The person's cases this clerk may see that still need something: open, unpaid or uncollected.
    With an account (`person`), also what they filed for an organisation (those carry its credit code)."""
    waiting = Q(phase=Phase.COMPLETED, delivery_status__in=[DeliveryStatus.AWAITING_PAYMENT, DeliveryStatus.READY])
    whose = Q(applicant_id_number=id_number) | (Q(applicant=person) if person is not None else Q(pk__in=[]))
    return (cases_for_staff(user).filter(whose)
            .filter(Q(phase__in=OPEN_PHASES) | waiting).order_by("-submitted_at"))


def awaiting_payment(user, text: str = "", *, limit: int = 30) -> list[Case]:
    """Decided cases waiting for the fee (the desk's 待缴费), by number or applicant's name."""
    cases = queue(user, "delivery").filter(delivery_status=DeliveryStatus.AWAITING_PAYMENT)
    return list(filter_cases(cases, text)[:limit])


# -- supervision (督办) --------------------------------------------------------------------------

def at_risk_by_department(overdue, warning) -> list[dict]:
    """{id, name, overdue, warning} per department of two queues, the most overdue first."""
    rows = {}
    for key, qs in (("overdue", overdue), ("warning", warning)):
        # order_by() clears the queue's ordering, which would otherwise split the groups.
        for r in qs.order_by().values("department_id", "department__name").annotate(n=Count("id")):
            row = rows.setdefault(r["department_id"], {"id": r["department_id"], "name": r["department__name"],
                                                       "overdue": 0, "warning": 0})
            row[key] = r["n"]
    return sorted(rows.values(), key=lambda r: (-r["overdue"], -r["warning"], r["name"]))


def urge_stats(case_ids) -> dict[int, dict]:
    """{case id: {"n": urges, "last": when}} for the cases that were urged."""
    return {s["case_id"]: s for s in Urge.objects.filter(case_id__in=list(case_ids)).values("case_id")
            .annotate(n=Count("id"), last=Max("urged_at"))}


def recent_urges(user, roles, *, limit: int = 50):
    return (Urge.objects.filter(case__in=cases_for_staff(user, roles))
            .select_related("case", "case__matter_version", "case__assignee", "urged_by").order_by("-urged_at")[:limit])


def timeline(case: Case, *, for_applicant: bool):
    events = case.events.select_related("actor").prefetch_related("attachments")
    return events.filter(public=True) if for_applicant else events


# -- one case's parts (the caller has found the case through a scoped selector) -----------------

def current_files(case: Case, *, kinds=None):
    """The files in use (not replaced), optionally only of some FileKinds."""
    qs = case.files.filter(replaced_at__isnull=True).select_related("material")
    return qs.filter(kind__in=kinds) if kinds else qs


def current_file(case: Case, file_id):
    return case.files.filter(pk=file_id, replaced_at__isnull=True).first()


def replaced_files(case: Case):
    return case.files.filter(replaced_at__isnull=False)


def file_for_download(case: Case, file_id):
    """Any file of the case, replaced or not, with the history line it came with (whose visibility
    decides whether the applicant may have it)."""
    return case.files.filter(pk=file_id).select_related("event").first()


def open_correction(case: Case):
    """The 一次性告知 the applicant is answering now, if any."""
    return case.corrections.filter(resolved_at__isnull=True).order_by("-requested_at").first()


def latest_correction(case: Case):
    return case.corrections.order_by("-requested_at").first()


def pending_materials(case: Case):
    """容缺: every material promised at acceptance, handed in or not."""
    return case.pending_materials.select_related("material")


def outstanding_materials(case: Case) -> list:
    """容缺 materials promised and not handed in yet."""
    return list(pending_materials(case).filter(received_at__isnull=True))


def awaits_materials(case: Case) -> bool:
    return case.pending_materials.filter(received_at__isnull=True).exists()


def current_pause(case: Case):
    """The latest pause of the clock still open (补正, 容缺 or a special procedure), if any."""
    return case.pauses.filter(ended_on__isnull=True).order_by("-started_on").first()


def urges_of(case: Case):
    return case.urges.select_related("urged_by")


def urge_of(case: Case, urge_id):
    return case.urges.filter(pk=urge_id).first()


def tracking_number(case: Case) -> str | None:
    """The waybill number of the case's latest 寄出, if it was shipped."""
    data = case.events.filter(action="ship").order_by("-at", "-id").values_list("data", flat=True).first()
    return (data or {}).get("tracking_no")


def approver_to_assign(case: Case, user_id):
    """An approver of the case's department who may be given the case (the workbench's list)."""
    return holders(Role.APPROVER, department=case.department_id).filter(pk=user_id).first()


def payment_order(case: Case, order_no: str):
    """One of the case's own fee orders, or None (an order of another case is not this one's)."""
    order = order_by_no(order_no) if case.number else None
    return order if order is not None and order.reference == case.number else None


# -- joint cases (联办件) ------------------------------------------------------------------------

BUNDLE_STAFF_ROLES = (Role.CLERK, Role.SUPERVISOR)


def bundles_for_applicant(user):
    if not getattr(user, "is_authenticated", False):
        return CaseBundle.objects.none()
    return CaseBundle.objects.filter(applicant=user).select_related("lead_department", "division")


def bundle_for_applicant(user, number: str):
    return bundles_for_applicant(user).filter(number=number).first()


def recent_bundles_for_applicant(user):
    return bundles_for_applicant(user).order_by("-submitted_at")


def bundles_for_staff(user, roles=BUNDLE_STAFF_ROLES):
    """Joint cases of the comprehensive window (and supervisors) covering the lead department.
    A department's approvers see only their own sub-case, through cases_for_staff()."""
    if not getattr(user, "is_authenticated", False):
        return CaseBundle.objects.none()
    q = Q(pk__in=[])
    for role in roles:
        q |= department_scope_q(user, role, "lead_department")
    return CaseBundle.objects.filter(q).select_related("lead_department", "division")


def bundle_for_staff(user, number: str):
    return bundles_for_staff(user).filter(number=number).first()


def bundle_by_number(number: str):
    """A joint case by number, unscoped: like case_by_number, for a signed link's page."""
    return CaseBundle.objects.filter(number=number).select_related("lead_department").first()


def bundle_of(case: Case):
    return CaseBundle.objects.filter(pk=case.bundle_id).select_related("lead_department").first()


def decided_cases_of(bundle):
    """The sub-cases of a joint case its departments handled to the end (decided, or refused by the
    department), in the theme's order."""
    return (Case.objects.filter(bundle=bundle, number__isnull=False, phase__in=[Phase.COMPLETED, Phase.REFUSED])
            .select_related("department", "division", "matter_version", "implementation__matter", "applicant",
                            "decided_by", "accepted_by", "registered_by")
            .order_by("bundle_member__order", "pk"))


def reread_bundle(user, bundle, *, as_staff: bool):
    """The joint case read again after a write, through the scope it was found in."""
    return (bundles_for_staff(user) if as_staff else bundles_for_applicant(user)).get(pk=bundle.pk)


def bundle_uid_taken(uid) -> bool:
    """Whether a joint case was filed under this uid (by anyone: it tells a lost race from other errors)."""
    return CaseBundle.objects.filter(uid=uid).exists()


def bundle_queue(user, name: str):
    """待受理 / 待补正 / 办理中 / 待出件 / 已办结 for the window."""
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


def member_in_correction(bundle) -> bool:
    """Whether a department asked the applicant to correct its sub-case (after the joint acceptance)."""
    return bundle.members.filter(case__phase=Phase.CORRECTION).exists()


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
