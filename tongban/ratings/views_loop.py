"""差评整改 pages: the department's and the supervisors' worklist, and one bad rating with its
history and the forms of the step it is at (only the ones the user may take)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from tongban.accounts.models import Role
from tongban.ratings import selectors
from tongban.ratings.models import Outcome
from tongban.ratings.services import loop
from tongban.ratings.views_common import errors_of, render_staff, staff_only
from tongban.workflow import selectors as workflow
from tongban.workflow.models import ROLE_LABELS

LOOP_ROLES = (Role.APPROVER, Role.SUPERVISOR)
DEFAULT_ORDER = ["overdue", "verify", "handling", "appeal", "review", "closed"]


@require_GET
@staff_only(*LOOP_ROLES)
def bad_list(request):
    counts = selectors.review_counts(request.user)
    names = dict(selectors.REVIEW_QUEUES)
    current = request.GET.get("queue", "")
    if current not in names:
        current = next((n for n in DEFAULT_ORDER if counts.get(n)), "verify")
    page = Paginator(selectors.review_queue(request.user, current), 50).get_page(request.GET.get("page"))
    return render_staff(request, "ratings/bad_list.html", {
        "tabs": [(code, label, counts[code]) for code, label in selectors.REVIEW_QUEUES],
        "current": current, "current_label": names[current], "page": page,
    })


def _review_or_404(user, pk):
    review = selectors.review_for_staff(user, pk)
    if review is None:
        raise Http404("差评不存在")  # out of scope reads as missing
    return review


def _detail(request, review, *, errors=None, typed=None, form="", status=200):
    graph = workflow.graph(review.workflow_id)
    steps = [s for s in graph.states.values() if not s.is_final]
    to_rectify = workflow.transition(review.state, "rectify")
    return render_staff(request, "ratings/bad_detail.html", {
        "review": review, "rating": review.rating, "case": review.rating.case,
        "actions": selectors.actions_for(request.user, review),
        "history": selectors.review_history(review),
        "steps": steps, "outcomes": Outcome.choices,
        "rectify_days": (to_rectify.to_state.sla_value if to_rectify else None) or 10,
        "step_roles": "或".join(ROLE_LABELS.get(r, r) for r in sorted(loop.roles_at(review.state))),
        "max_days": loop.RECTIFY_MAX_DAYS,
        "errors": errors or {}, "typed": typed or {}, "form": form,
        "indicator_names": {i.code: i.name for i in selectors.indicators_of(review.rating.mode)},
    }, status=status)


@require_GET
@staff_only(*LOOP_ROLES)
def bad_detail(request, pk):
    return _detail(request, _review_or_404(request.user, pk))


def _bool(value):
    return {"1": True, "yes": True, "true": True, "0": False, "no": False, "false": False}.get(value or "")


@require_POST
@staff_only(*LOOP_ROLES)
def bad_act(request, pk, action):
    review = _review_or_404(request.user, pk)
    p = request.POST
    operations = {
        "verify": lambda: loop.verify(request.user, review, verification=p.get("verification", ""),
                                      callback_note=p.get("callback_note", ""),
                                      callback_reached=_bool(p.get("callback_reached"))),
        "handle": lambda: loop.handle(request.user, review, outcome=p.get("outcome", ""),
                                      measures=p.get("measures", ""), days=p.get("days"),
                                      feedback=p.get("feedback", ""), appeal_reason=p.get("appeal_reason", "")),
        "rectified": lambda: loop.rectified(request.user, review, rectification=p.get("rectification", ""),
                                            feedback=p.get("feedback", "")),
        "decide_appeal": lambda: loop.decide_appeal(request.user, review, upheld=_bool(p.get("upheld")),
                                                    comment=p.get("comment", "")),
        "review": lambda: loop.review_step(request.user, review, approve=p.get("decision") == "approve",
                                           comment=p.get("comment", "")),
    }
    if action not in operations:
        raise Http404("没有这个操作")
    step_name = review.state.name
    try:
        review = operations[action]()
    except ValidationError as exc:
        return _detail(request, review, errors=errors_of(exc), typed=p, form=action, status=422)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return _detail(request, review, status=403)
    messages.success(request, f"“{step_name}”已完成" + (f"，进入“{review.state.name}”环节。" if review.is_open
                                                       else f"，{review.get_status_display()}。"))
    return redirect("ratings-bad-detail", pk=review.pk)
