"""Processes as data, one engine for every context (办件, 联办件, 办不成事, 差评整改, and the hotline,
disclosure, supervision and exchange processes to come), as eGov DIGIT's workflow service serves
every module: a Process per kind of work, published in immutable versions of states and the
actions between them, each action allowed to a checked list of the platform's roles, each state
with its own time limit.

What an action *does* is code in the context that owns the subject (its effect); where it leads and
who may take it is data here. A running instance (a case, a ticket …) keeps the version it started
with: editing a process means a new draft version, validated before it is published
(tongban/workflow/validation.py), and only new instances take it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from tongban.accounts.models import Role

# Who may take an action: the platform's staff roles, plus the person the subject is about and the
# platform itself (a step that completes on its own, e.g. a joint case when its last part is done).
APPLICANT = "applicant"
SYSTEM = "system"
ROLE_CHOICES = [*Role.choices, (APPLICANT, "申请人/当事人"), (SYSTEM, "系统自动")]
ROLE_LABELS = dict(ROLE_CHOICES)


class SlaUnit(models.TextChoices):
    """How a time limit counts (行政许可法 §82 counts working days; hotline orders count hours)."""

    NONE = "", "不计时"
    WORKING_DAYS = "working_days", "工作日"
    CALENDAR_DAYS = "calendar_days", "自然日"
    HOURS = "hours", "小时"
    SHARE = "share", "占总时限的百分比"


class Process(models.Model):
    code = models.SlugField("流程代码", max_length=60, unique=True)
    name = models.CharField("流程名称", max_length=100)
    # Which kind of object runs on it; the kinds are declared by the contexts (settings.WORKFLOW_SUBJECTS).
    subject = models.CharField("适用对象", max_length=40)
    is_default = models.BooleanField("该对象的默认流程", default=False)
    description = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "流程"
        ordering = ["subject", "code"]
        constraints = [models.UniqueConstraint(fields=["subject"], condition=models.Q(is_default=True),
                                               name="one_default_process_per_subject")]

    def __str__(self):
        return self.name


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    PUBLISHED = "published", "现行"
    RETIRED = "retired", "已停用（在办件仍按此版本）"


class ProcessVersion(models.Model):
    process = models.ForeignKey(Process, verbose_name="流程", on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField("版本号")
    status = models.CharField("状态", max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    note = models.CharField("修订说明", max_length=300, blank=True)
    # A limit for the whole instance (e.g. 办不成事 answered within 5 working days); per-state limits below.
    sla_unit = models.CharField("总时限单位", max_length=20, choices=SlaUnit.choices, blank=True)
    sla_value = models.PositiveIntegerField("总时限", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发布人", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "流程版本"
        ordering = ["process", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["process", "number"], name="uniq_process_version"),
            models.UniqueConstraint(fields=["process"], condition=models.Q(status="published"),
                                    name="one_published_version_per_process"),
        ]

    def __str__(self):
        return f"{self.process.name} 第{self.number}版（{self.get_status_display()}）"

    @property
    def editable(self) -> bool:
        return self.status == VersionStatus.DRAFT


class StateKind(models.TextChoices):
    START = "start", "开始环节"
    WORK = "work", "办理环节"
    FINAL = "final", "结束环节"


class _DraftOnly(models.Model):
    """States and transitions of a published version are the rules running instances follow: they
    never change (a new version is drafted instead)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.version_id and not ProcessVersion.objects.filter(pk=self.version_id,
                                                                 status=VersionStatus.DRAFT).exists():
            raise ValidationError("已发布的流程版本不能修改，请新建修订版本。")
        super().save(*args, **kwargs)


class State(_DraftOnly):
    version = models.ForeignKey(ProcessVersion, verbose_name="流程版本", on_delete=models.CASCADE,
                                related_name="states")
    code = models.SlugField("环节代码", max_length=40)
    name = models.CharField("环节名称", max_length=40)
    kind = models.CharField("环节类别", max_length=10, choices=StateKind.choices, default=StateKind.WORK)
    order = models.PositiveSmallIntegerField("顺序", default=1)
    # The subject's own status field while in this state (e.g. a joint case's phase), when it follows the state.
    status = models.CharField("对应状态", max_length=30, blank=True)
    public_label = models.CharField("当事人看到的状态", max_length=60, blank=True)
    sla_unit = models.CharField("时限单位", max_length=20, choices=SlaUnit.choices, blank=True)
    sla_value = models.PositiveIntegerField("时限", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "流程环节"
        ordering = ["version", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="uniq_workflow_state_code")]

    def __str__(self):
        return self.name

    @property
    def is_final(self) -> bool:
        return self.kind == StateKind.FINAL


def validate_roles(value) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError("请至少选择一个可执行角色")
    unknown = [str(r) for r in value if r not in ROLE_LABELS]
    if unknown:
        raise ValidationError(f"未知角色：{'、'.join(unknown)}（可选：{'、'.join(ROLE_LABELS)}）")


class Transition(_DraftOnly):
    version = models.ForeignKey(ProcessVersion, verbose_name="流程版本", on_delete=models.CASCADE,
                                related_name="transitions")
    from_state = models.ForeignKey(State, verbose_name="所在环节", on_delete=models.CASCADE, related_name="outgoing")
    action = models.SlugField("动作", max_length=40)
    label = models.CharField("按钮文字", max_length=40)
    to_state = models.ForeignKey(State, verbose_name="去往环节", on_delete=models.CASCADE, related_name="incoming")
    roles = models.JSONField("可执行角色", default=list, validators=[validate_roles])
    order = models.PositiveSmallIntegerField("顺序", default=1)

    class Meta:
        verbose_name = verbose_name_plural = "流程动作"
        ordering = ["version", "from_state__order", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["from_state", "action"], name="uniq_workflow_transition")]

    def __str__(self):
        return f"{self.from_state} —{self.label}→ {self.to_state}"

    def allows(self, roles) -> bool:
        return bool(set(self.roles) & set(roles))


class Instance(models.Model):
    """What a subject running on a process carries: the version it started with and where it is."""

    workflow = models.ForeignKey(ProcessVersion, verbose_name="流程版本", on_delete=models.PROTECT, related_name="+")
    state = models.ForeignKey(State, verbose_name="当前环节", on_delete=models.PROTECT, related_name="+")

    class Meta:
        abstract = True
