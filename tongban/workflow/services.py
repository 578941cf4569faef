"""Writes to processes: install a definition, draft a new version from the current one, publish
(validated, audited). Running instances are never touched: they keep their version."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from tongban.core.actors import as_user
from tongban.core.services import audit
from tongban.workflow import selectors
from tongban.workflow.definitions import Definition
from tongban.workflow.models import Process, ProcessVersion, State, Transition, VersionStatus
from tongban.workflow.validation import ProcessInvalid, check_version, problems


def install(definition: Definition, *, apps=None, validate: bool = True) -> ProcessVersion:
    """Create the process and publish its first version from tables, unless it exists already (its
    current version is returned then). `apps`: historical models, for data migrations."""
    models = _models(apps)
    P, V, S, T = models
    process = P.objects.filter(code=definition.code).first()
    if process is not None:
        current = V.objects.filter(process=process, status=VersionStatus.PUBLISHED).first()
        if current is not None:
            return current
    if validate:
        _check_tables(definition)
    with transaction.atomic():
        if process is None:
            process = P.objects.create(code=definition.code, name=definition.name, subject=definition.subject,
                                       is_default=definition.is_default, description=definition.description)
        number = (V.objects.filter(process=process).aggregate(n=Max("number"))["n"] or 0) + 1
        unit, value = definition.sla
        version = V.objects.create(process=process, number=number, status=VersionStatus.DRAFT,
                                   note=definition.note, sla_unit=unit, sla_value=value)
        by_code = {row["code"]: S.objects.create(version=version, **row) for row in definition.state_rows()}
        for order, (src, action, label, dst, roles) in enumerate(definition.transitions, start=1):
            T.objects.create(version=version, from_state=by_code[src], action=action, label=label,
                             to_state=by_code[dst], roles=list(roles), order=order)
        V.objects.filter(pk=version.pk).update(status=VersionStatus.PUBLISHED, published_at=timezone.now())
        version.status = VersionStatus.PUBLISHED
    selectors.forget_current()
    return version


def _models(apps):
    if apps is None:
        return Process, ProcessVersion, State, Transition
    return tuple(apps.get_model("workflow", n) for n in ("Process", "ProcessVersion", "State", "Transition"))


def _check_tables(definition: Definition) -> None:
    class Row:
        def __init__(self, **kw):
            self.__dict__.update(kw)

    states = {r["code"]: Row(**r) for r in definition.state_rows()}
    transitions, found = [], []
    for src, action, label, dst, roles in definition.transitions:
        if src not in states or dst not in states:
            found.append(f"动作“{label}”连接了不存在的环节（{src} → {dst}）")
            continue
        transitions.append(Row(from_state=states[src], to_state=states[dst], action=action, label=label,
                               roles=list(roles)))
    found += problems(definition.subject, list(states.values()), transitions)
    if found:
        raise ProcessInvalid(found)


@transaction.atomic
def draft_from(actor, version: ProcessVersion, *, note: str = "") -> ProcessVersion:
    """A new draft of the process, a copy of `version`, for an administrator to edit."""
    process = Process.objects.select_for_update().get(pk=version.process_id)
    existing = ProcessVersion.objects.filter(process=process, status=VersionStatus.DRAFT).first()
    if existing is not None:
        return existing
    number = (process.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    draft = ProcessVersion.objects.create(process=process, number=number, note=note or f"据第{version.number}版修订",
                                          sla_unit=version.sla_unit, sla_value=version.sla_value)
    copies = {}
    for s in version.states.all():
        copies[s.pk] = State.objects.create(
            version=draft, code=s.code, name=s.name, kind=s.kind, order=s.order, status=s.status,
            public_label=s.public_label, sla_unit=s.sla_unit, sla_value=s.sla_value)
    for t in version.transitions.all():
        Transition.objects.create(version=draft, from_state=copies[t.from_state_id], action=t.action,
                                  label=t.label, to_state=copies[t.to_state_id], roles=t.roles, order=t.order)
    audit(actor, "workflow.draft", draft, f"新建修订：{process.name} 第{number}版")
    return draft


@transaction.atomic
def publish(actor, version: ProcessVersion) -> ProcessVersion:
    """Check the draft and make it current; the version it replaces is retired (its instances go on
    under it). Refused with every fault listed when the check fails."""
    Process.objects.select_for_update().get(pk=version.process_id)
    version = ProcessVersion.objects.select_related("process").get(pk=version.pk)
    if version.status != VersionStatus.DRAFT:
        raise ProcessInvalid("只有草稿版本可以发布。")
    check_version(version)
    ProcessVersion.objects.filter(process_id=version.process_id, status=VersionStatus.PUBLISHED).update(
        status=VersionStatus.RETIRED)
    version.status, version.published_at, version.published_by = VersionStatus.PUBLISHED, timezone.now(), as_user(actor)
    version.save(update_fields=["status", "published_at", "published_by"])
    audit(actor, "workflow.publish", version, f"发布：{version.process.name} 第{version.number}版")
    transaction.on_commit(selectors.forget_current)
    return version
