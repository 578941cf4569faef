"""What every history of the platform keeps: a case's timeline, a joint case's, a bad rating's
handling, a "办不成事" report's, a licence's. Who (the user, and a label that still names them after
the account changes), did what, when, from where, with what comment; public lines are shown to the
person the record is about (applicant, rater, reporter), the rest stay with staff.

One abstract model and one way to append a line; each history is its own table (an owner foreign
key per subject keeps the timelines cheap to read at millions of rows). A carrier's tracking events
(delivery.ShipmentEvent) are not a history of acts and do not use it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from tongban.core.actors import as_user
from tongban.core.actors import label as actor_label
from tongban.core.request_context import current_origin
from tongban.core.services import audit

LABEL_MAX = 200


class HistoryEvent(models.Model):
    at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    actor_label = models.CharField("操作人（快照）", max_length=150, blank=True)
    action = models.CharField("动作", max_length=40)
    label = models.CharField("事件", max_length=LABEL_MAX, blank=True)
    comment = models.TextField("意见", blank=True)
    data = models.JSONField("详情", default=dict, blank=True)
    public = models.BooleanField("当事人可见", default=True)
    ip = models.GenericIPAddressField("来源IP", null=True, blank=True)
    user_agent = models.CharField("终端", max_length=300, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{timezone.localtime(self.at):%Y-%m-%d %H:%M} {self.label}"


def append(model: type[HistoryEvent], actor, action: str, label: str, *, comment: str = "",
           data: dict | None = None, public: bool = True, default_actor: str = "系统", **fields) -> HistoryEvent:
    """Add one line to a history, inside the caller's transaction. `fields` name the owner (case=…)
    and any field of that history's own."""
    origin = current_origin()
    return model.objects.create(
        actor=as_user(actor), actor_label=actor_label(actor, default_actor), action=action,
        label=label[:LABEL_MAX], comment=comment, data=data or {}, public=public, ip=origin.ip,
        user_agent=(origin.user_agent or "")[:300], at=timezone.now(), **fields)


def record(model: type[HistoryEvent], subject_field: str, subject, actor, action: str, label: str, *,
           audit_action: str, object_id: str = "", summary: str = "", comment: str = "",
           data: dict | None = None, public: bool = True, **fields) -> HistoryEvent:
    """A history line and its audit-log entry (《个人信息保护法》第五十一条: every write that matters is
    audited), written together in the caller's transaction."""
    event = append(model, actor, action, label, comment=comment, data=data, public=public,
                   **{subject_field: subject}, **fields)
    audit(actor, audit_action, subject, summary or label, {"comment": comment[:200], **(data or {})},
          object_id=object_id or str(subject.pk))
    return event
