"""The kinds of object that run on processes, declared by the contexts that own them.

A context declares a Subject (the actions it has effects for, the statuses its objects take) in its
own module and lists it in settings.WORKFLOW_SUBJECTS; the engine finds it there, as Django finds
authentication backends, so nothing below the context imports it.
"""

from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Subject:
    code: str
    name: str
    # action code → label: every action a process of this subject may use has an effect in the context.
    actions: dict[str, str]
    # the subject's status values a state may set (its phase/status field); empty: states set none.
    statuses: dict[str, str] = field(default_factory=dict)


@cache
def subjects() -> dict[str, Subject]:
    found = (import_string(path) for path in settings.WORKFLOW_SUBJECTS)
    return {s.code: s for s in found}


def subject(code: str) -> Subject | None:
    return subjects().get(code)


def choices() -> list[tuple[str, str]]:
    return [(s.code, s.name) for s in subjects().values()]
