"""Reads of processes. A published version never changes (models._DraftOnly), so its states and
transitions are read once per server process and kept (the graph of a version is a few dozen rows);
which version is *current* for a process can change, and is looked up briefly cached.

Both are remembered only once the transaction that read them commits (remember()): a version
installed or published in a transaction that is then rolled back must not outlive it in a cache."""

import threading
import time
from dataclasses import dataclass

from django.db import transaction

from tongban.workflow.models import Process, ProcessVersion, State, StateKind, Transition, VersionStatus

CURRENT_CACHE_SECONDS = 30.0


@dataclass(frozen=True)
class Graph:
    version: ProcessVersion
    states: dict[int, State]
    by_code: dict[str, State]
    outgoing: dict[int, list[Transition]]  # from state id → transitions in button order

    @property
    def start(self) -> State:
        return next(s for s in self.states.values() if s.kind == StateKind.START)

    def transition(self, state_id: int, action: str) -> Transition | None:
        return next((t for t in self.outgoing.get(state_id, ()) if t.action == action), None)


_graphs: dict[int, Graph] = {}
_current: dict[str, tuple[float, int]] = {}
_lock = threading.Lock()


def graph(version_id: int) -> Graph:
    """States and transitions of a version, kept for published and retired ones (immutable)."""
    hit = _graphs.get(version_id)
    if hit is not None:
        return hit
    version = ProcessVersion.objects.select_related("process").get(pk=version_id)
    states = {s.pk: s for s in State.objects.filter(version_id=version_id).order_by("order", "id")}
    outgoing: dict[int, list[Transition]] = {}
    for t in Transition.objects.filter(version_id=version_id).order_by("order", "id"):
        t.from_state, t.to_state = states[t.from_state_id], states[t.to_state_id]
        outgoing.setdefault(t.from_state_id, []).append(t)
    g = Graph(version, states, {s.code: s for s in states.values()}, outgoing)
    if version.status != VersionStatus.DRAFT:
        remember(_graphs, version_id, g)
    return g


def remember(store: dict, key, value) -> None:
    """Put `value` in a per-process cache once the current transaction commits (at once outside one)."""
    def keep():
        with _lock:
            store[key] = value

    transaction.on_commit(keep)


def current_version(process_code: str) -> ProcessVersion | None:
    """The published version new instances of `process_code` start on."""
    now = time.monotonic()
    hit = _current.get(process_code)
    if hit is not None and hit[0] > now:
        return graph(hit[1]).version
    version = (ProcessVersion.objects.filter(process__code=process_code, status=VersionStatus.PUBLISHED)
               .select_related("process").first())
    if version is not None:
        remember(_current, process_code, (now + CURRENT_CACHE_SECONDS, version.pk))
    return version


def default_process(subject: str) -> Process | None:
    return Process.objects.filter(subject=subject, is_default=True).first()


def forget_current() -> None:
    """A version was published in this process: new instances take it at once (others within
    CURRENT_CACHE_SECONDS; an instance filed in between runs on the previous, still valid, one)."""
    _current.clear()


def transitions_from(state: State) -> list[Transition]:
    return list(graph(state.version_id).outgoing.get(state.pk, ()))


def transition(state: State, action: str) -> Transition | None:
    return graph(state.version_id).transition(state.pk, action)


def state(version_id: int, code: str) -> State:
    return graph(version_id).by_code[code]


def final_state_ids(version_id: int) -> set[int]:
    return {pk for pk, s in graph(version_id).states.items() if s.kind == StateKind.FINAL}


def states_with_action(action: str):
    """Ids of states (of any version) from which `action` can be taken: e.g. where a case waits for
    its decision. A subquery, for queues."""
    return Transition.objects.filter(action=action).values("from_state_id")
