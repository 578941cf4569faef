from tongban.core.actors import as_user, label
from tongban.core.masking import mask_in_data, mask_personal_data
from tongban.core.models import AuditEvent
from tongban.core.request_context import current_origin


def audit(actor, action: str, obj=None, summary: str = "", data: dict | None = None,
          object_type: str = "", object_id: str = "") -> AuditEvent:
    """Record one audited write. Call inside the service's transaction so both commit together.

    ID and mobile numbers in the summary and details are masked: the audit log is read by
    administrators who do not need them (《个人信息保护法》第五十一条)."""
    origin = current_origin()
    if obj is not None:
        object_type = object_type or f"{obj._meta.app_label}.{obj._meta.model_name}"
        object_id = object_id or str(obj.pk)
    return AuditEvent.objects.create(
        actor=as_user(actor),
        actor_label=label(actor if as_user(actor) or isinstance(actor, str) else None) or "系统",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        summary=mask_personal_data(summary)[:500],
        data=mask_in_data(data or {}),
        ip=origin.ip,
        user_agent=origin.user_agent,
    )
