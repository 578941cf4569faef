"""Moving an instance along its process: the transition for an action from where it stands, the
role check against the transition's roles, and the move (state, and the subject's status when the
state names one). The caller — a context's service — runs its effect, saves and records history in
its own transaction; the engine writes nothing itself."""

from django.core.exceptions import PermissionDenied, ValidationError

from tongban.workflow import selectors
from tongban.workflow.models import ROLE_LABELS, Transition


def transition_for(instance, action: str, *, refusal: str = "") -> Transition:
    t = selectors.transition(instance.state, action)
    if t is None:
        raise ValidationError(refusal or f"当前“{instance.state.name}”环节不能执行该操作。")
    return t


def check_roles(transition: Transition, roles) -> None:
    if not transition.allows(roles):
        names = "、".join(ROLE_LABELS.get(r, r) for r in transition.roles)
        raise PermissionDenied(f"“{transition.label}”只能由{names}办理。")


def move(instance, transition: Transition, *, status_field: str = "") -> None:
    instance.state = transition.to_state
    if status_field and transition.to_state.status:
        setattr(instance, status_field, transition.to_state.status)


def advance(instance, action: str, *, roles, status_field: str = "", refusal: str = "") -> Transition:
    """Take `action` on `instance` as someone holding `roles`: checked, then moved (not saved)."""
    t = transition_for(instance, action, refusal=refusal)
    check_roles(t, roles)
    move(instance, t, status_field=status_field)
    return t


def start(instance, version, *, status_field: str = "") -> None:
    """Put a new instance on `version` at its start state."""
    graph = selectors.graph(version.pk)
    instance.workflow, instance.state = graph.version, graph.start
    if status_field and graph.start.status:
        setattr(instance, status_field, graph.start.status)
