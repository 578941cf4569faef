"""Helpers for the cases API tests: JSON calls through Django's test client, sample answers."""

import json

from tongban.cases.models import ActionKind
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import _sample_value, pdf
from tongban.forms.defaults import effective_form


def sample_answers(version) -> dict:
    """A complete, valid answer for every field of the version's form."""
    return {f["key"]: _sample_value(f) for f in effective_form(version) if f.get("type") != "section"}


def material_parts(w, *, skip=()) -> dict:
    """One multipart file part per required upload, named material_<id>."""
    parts = {}
    for m in w.version.materials.all():
        if m.name not in skip and m.required and m.source == "applicant":
            parts[f"material_{m.pk}"] = pdf(f"{m.name}.pdf")
    return parts


def submit_multipart(client, w, *, key=None, answers=None, skip=(), **extra):
    data = {"implementation_code": w.impl.code, "answers": json.dumps(answers or sample_answers(w.version)),
            **material_parts(w, skip=skip), **extra}
    headers = {"Idempotency-Key": key} if key else {}
    return client.post("/api/v1/cases", data, headers=headers)


def call(client, method, url, body=None, **headers):
    fn = getattr(client, method.lower())
    if body is None and method.upper() in ("GET", "DELETE"):
        return fn(url, headers=headers)
    return fn(url, json.dumps(body or {}), content_type="application/json", headers=headers)


def accepted(w, case):
    return act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)


def decided(w, case):
    case = accepted(w, case)
    case = act(w.approver, case, ActionKind.ADVANCE, expected_revision=case.revision)
    return act(w.approver, case, ActionKind.APPROVE, expected_revision=case.revision,
               results=[{"name": "食品经营许可证", "number": "JY14399010000001"}])


def walk_in_without(w, *names):
    """A window case submitted on paper with `names` missing (online submission needs every upload)."""
    from tongban.cases.services import intake
    from tongban.cases.tests.builders import fill_and_upload

    case = intake.register_walk_in(w.clerk, w.impl, id_number=w.applicant.id_number, name="张三",
                                   phone="13800001234")
    case = fill_and_upload(w, case, skip=names, actor=w.clerk)
    return intake.submit(w.clerk, case)
