"""Which process a matter's new cases run on, and where they start (tongban.workflow; the default
process and the joint case's are in cases/process.py).

The answer is data an administrator may change (MatterProcess, a newly published version), so it
is kept briefly: this process forgets at once (signals below), the other server processes within
INTAKE_CACHE_SECONDS. A case keeps the version it was filed on either way, so a case filed in that
window simply runs on the previous (still valid) one.
"""

import time

from django.db.models.signals import post_delete, post_save

from tongban.cases.models import MatterProcess
from tongban.cases.process import JOINT, STANDARD
from tongban.workflow import selectors, services
from tongban.workflow.models import ProcessVersion, State

INTAKE_CACHE_SECONDS = 30.0
_intake_cache: dict[int, tuple[float, ProcessVersion, State]] = {}


def _current(definition) -> ProcessVersion:
    return selectors.current_version(definition.code) or services.install(definition)


def default_version() -> ProcessVersion:
    """The current version of the default case process (installed on first use: tests flush tables)."""
    process = selectors.default_process("case")
    version = selectors.current_version(process.code) if process else None
    return version or _current(STANDARD)


def joint_version() -> ProcessVersion:
    process = selectors.default_process("joint_case")
    version = selectors.current_version(process.code) if process else None
    return version or _current(JOINT)


def version_for(matter) -> ProcessVersion:
    own = MatterProcess.objects.filter(matter=matter).values_list("process__code", flat=True).first()
    return (selectors.current_version(own) if own else None) or default_version()


def intake_for(matter) -> tuple[ProcessVersion, State]:
    """The process version and its start state for a new case of `matter`, without a query when this
    server process looked it up in the last INTAKE_CACHE_SECONDS."""
    now = time.monotonic()
    hit = _intake_cache.get(matter.pk)
    if hit is not None and hit[0] > now:
        return hit[1], hit[2]
    version = version_for(matter)
    state = selectors.graph(version.pk).start
    selectors.remember(_intake_cache, matter.pk, (now + INTAKE_CACHE_SECONDS, version, state))
    return version, state


def forget_intake(**kwargs) -> None:
    _intake_cache.clear()
    selectors.forget_current()


for _model in (MatterProcess, ProcessVersion):
    post_save.connect(forget_intake, sender=_model, dispatch_uid=f"forget_intake_save_{_model.__name__}")
    post_delete.connect(forget_intake, sender=_model, dispatch_uid=f"forget_intake_delete_{_model.__name__}")
