"""The case (办件): one application for one implementation of a matter, from draft to delivery.

A case keeps the exact published MatterVersion it was filed under (answers and materials are judged
against that version even after the catalogue moves on), the workflow it runs on (data: states and
transitions), and its clock: received → accepted (the count starts the next working day) → paused
and resumed → decided, with promised and legal due dates recomputed on every change.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from tongban.catalog.models import Implementation, Material, Matter, MatterVersion
from tongban.core.history import HistoryEvent
from tongban.forms.storage import private_storage
from tongban.org.models import Department, Division
from tongban.workflow.models import Instance, Process


class Channel(models.TextChoices):
    # 两线四端 (docs/domain.md §3)
    WINDOW = "window", "窗口"
    WEB = "web", "网站"
    MOBILE = "mobile", "移动端"
    KIOSK = "kiosk", "自助终端"


class Phase(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待受理"
    CORRECTION = "correction", "待补正"
    REFUSED = "refused", "不予受理"
    WITHDRAWN = "withdrawn", "已撤回"
    PROCESSING = "processing", "办理中"
    COMPLETED = "completed", "已办结"


OPEN_PHASES = (Phase.SUBMITTED, Phase.CORRECTION, Phase.PROCESSING)


class Outcome(models.TextChoices):
    APPROVED = "approved", "准予"
    DENIED = "denied", "不予"


class AcceptMode(models.TextChoices):
    NORMAL = "normal", "受理"
    RONGQUE = "rongque", "容缺受理"
    COMMITMENT = "commitment", "告知承诺"
    IMMEDIATE = "immediate", "即办"


class DeliveryMethod(models.TextChoices):
    WINDOW = "window", "窗口领取"
    EXPRESS = "express", "邮政快递送达"
    ONLINE = "online", "网上下载（电子证照/电子文书）"


class DeliveryStatus(models.TextChoices):
    NONE = "", "—"
    AWAITING_PAYMENT = "awaiting_payment", "待缴费"
    READY = "ready", "待领取"
    SHIPPED = "shipped", "寄递中"
    DELIVERED = "delivered", "已送达"


class ApplicantKind(models.TextChoices):
    PERSON = "person", "自然人"
    ORGANISATION = "organisation", "法人或其他组织"


class Deliverable(models.Model):
    """What handing out results needs (出件, "综合窗口出件"): a case and a joint case alike are collected
    at a window against a pickup code, posted, or downloaded (services/handout.py)."""

    delivery_method = models.CharField("送达方式", max_length=10, choices=DeliveryMethod.choices,
                                       default=DeliveryMethod.WINDOW)
    delivery_address = models.CharField("邮寄地址", max_length=300, blank=True)
    delivery_recipient = models.CharField("收件人", max_length=60, blank=True)
    delivery_phone = models.CharField("收件电话", max_length=20, blank=True)
    delivery_status = models.CharField("送达状态", max_length=20, choices=DeliveryStatus.choices, blank=True,
                                       default=DeliveryStatus.NONE)
    pickup_code = models.CharField("取件码", max_length=8, blank=True)
    delivered_at = models.DateTimeField("送达时间", null=True, blank=True)

    class Meta:
        abstract = True


# -- the process ---------------------------------------------------------------------------------
# Cases run on tongban.workflow processes (cases/process.py); the actions' effects are code here.

class ActionKind(models.TextChoices):
    """What the platform does when a transition fires. Where it leads is data; the effect is code."""

    ACCEPT = "accept", "受理"
    ACCEPT_RONGQUE = "accept_rongque", "容缺受理"
    ACCEPT_COMMITMENT = "accept_commitment", "告知承诺受理"
    ACCEPT_IMMEDIATE = "accept_immediate", "即办"
    REQUEST_CORRECTION = "request_correction", "补正"
    REFUSE = "refuse", "不予受理"
    ADVANCE = "advance", "通过（转下一环节）"
    SEND_BACK = "send_back", "退回"
    APPROVE = "approve", "准予"
    DENY = "deny", "不予"


class MatterProcess(models.Model):
    """A matter with its own procedure (e.g. 现场核查 between 审查 and 决定): its new cases run on
    this process instead of the default one."""

    matter = models.OneToOneField(Matter, verbose_name="事项", on_delete=models.CASCADE, related_name="+")
    process = models.ForeignKey(Process, verbose_name="办理流程", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "事项办理流程"

    def __str__(self):
        return f"{self.matter} · {self.process}"


# -- the case ---------------------------------------------------------------------------------

class Case(Instance, Deliverable):
    number = models.CharField("办件编号", max_length=64, unique=True, null=True, blank=True)
    uid = models.UUIDField("草稿标识", default=uuid.uuid4, unique=True, editable=False)
    implementation = models.ForeignKey(Implementation, verbose_name="实施清单", on_delete=models.PROTECT,
                                       related_name="cases")
    matter_version = models.ForeignKey(MatterVersion, verbose_name="事项版本", on_delete=models.PROTECT,
                                       related_name="cases")
    # Denormalised from the implementation: every staff queue filters on these.
    department = models.ForeignKey(Department, verbose_name="实施部门", on_delete=models.PROTECT,
                                   related_name="cases")
    division = models.ForeignKey(Division, verbose_name="区划", on_delete=models.PROTECT, related_name="cases")
    phase = models.CharField("办件状态", max_length=20, choices=Phase.choices, default=Phase.DRAFT, db_index=True)
    # Optimistic lock: every action states the revision it saw; a stale one is refused.
    revision = models.PositiveIntegerField("修订号", default=0)
    channel = models.CharField("申请渠道", max_length=10, choices=Channel.choices, default=Channel.WEB)

    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="申请人账号", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="cases")
    applicant_kind = models.CharField("申请人类型", max_length=20, choices=ApplicantKind.choices,
                                      default=ApplicantKind.PERSON)
    applicant_name = models.CharField("申请人", max_length=200, blank=True)
    applicant_id_number = models.CharField("证件号码", max_length=18, blank=True, db_index=True)
    applicant_phone = models.CharField("联系电话", max_length=20, blank=True)
    agent_name = models.CharField("经办人", max_length=60, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人（窗口）", null=True,
                                      blank=True, on_delete=models.SET_NULL, related_name="+")
    answers = models.JSONField("申请表内容", default=dict, blank=True)
    idempotency_key = models.CharField("幂等键", max_length=80, null=True, blank=True)

    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True, db_index=True)

    # acceptance
    accept_mode = models.CharField("受理方式", max_length=20, choices=AcceptMode.choices, blank=True)
    accepted_at = models.DateTimeField("受理时间", null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="受理人", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    commitment_text = models.TextField("承诺内容", blank=True)
    needs_verification = models.BooleanField("需事后核查（告知承诺）", default=False)

    # the clock (working days; 行政许可法 §42/§45)
    promised_days = models.PositiveIntegerField("承诺时限（工作日）", null=True, blank=True)
    legal_days = models.PositiveIntegerField("法定时限（工作日）", null=True, blank=True)
    extension_days = models.PositiveIntegerField("延长（工作日）", default=0)
    paused_days = models.PositiveIntegerField("暂停计时（工作日）", default=0)
    paused_since = models.DateField("暂停计时起", null=True, blank=True)
    promised_due = models.DateField("承诺办结日", null=True, blank=True, db_index=True)
    legal_due = models.DateField("法定办结日", null=True, blank=True)
    warn_on = models.DateField("预警日", null=True, blank=True, db_index=True)
    # The due date runs into a year whose holidays are not entered yet: counted Monday–Friday for now
    # and recomputed by the sweep once the calendar knows the year.
    due_provisional = models.BooleanField("办结日暂估", default=False)
    warned_at = models.DateTimeField("已预警", null=True, blank=True)
    overdue_notified_at = models.DateTimeField("已超期提醒", null=True, blank=True)

    # who works on it now
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="承办人", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="assigned_cases")

    # decision and delivery
    outcome = models.CharField("办理结果", max_length=10, choices=Outcome.choices, blank=True)
    decided_at = models.DateTimeField("决定时间", null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="决定人", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decision_text = models.TextField("决定内容/理由", blank=True)
    completed_at = models.DateTimeField("办结时间", null=True, blank=True)
    # A sub-case of a joint case (一件事): accepted and handed out with its bundle (services/bundles.py).
    bundle = models.ForeignKey("CaseBundle", verbose_name="所属联办件", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="cases")

    class Meta:
        verbose_name = verbose_name_plural = "办件"
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["applicant", "idempotency_key"], name="uniq_case_idempotency"),
        ]
        # The staff queues read open cases (a few percent of a city's history) and the latest closed ones:
        # each has a partial index whose predicate is the queue's own condition (cases.selectors.queue),
        # so a queue on the thousandth day reads as few rows as on the first. Searches match numbers and
        # names by prefix (pattern ops on PostgreSQL; the unique number has its own). docs/benchmarks.md "scale".
        indexes = [
            models.Index(fields=["department", "phase"]),
            models.Index(fields=["applicant", "phase"]),
            models.Index(fields=["applicant", "-updated_at"], name="case_applicant_recent"),
            models.Index(fields=["submitted_at", "id"], name="case_q_pending", condition=Q(phase="submitted")),
            models.Index(fields=["updated_at", "id"], name="case_q_correction", condition=Q(phase="correction")),
            models.Index(fields=["promised_due", "id"], name="case_q_processing", condition=Q(phase="processing")),
            models.Index(fields=["warn_on"], name="case_q_warning", condition=Q(phase="processing")),
            models.Index(fields=["completed_at", "id"], name="case_q_delivery",
                         condition=Q(phase="completed", delivery_status__in=["awaiting_payment", "ready", "shipped"])),
            models.Index(fields=["-completed_at", "-id"], name="case_q_done",
                         condition=Q(phase__in=["completed", "refused", "withdrawn"])),
            models.Index(fields=["department", "-completed_at", "-id"], name="case_q_done_department",
                         condition=Q(phase__in=["completed", "refused", "withdrawn"])),
            models.Index(fields=["division", "-completed_at", "-id"], name="case_q_done_division",
                         condition=Q(phase__in=["completed", "refused", "withdrawn"])),
            models.Index(fields=["applicant_name"], name="case_name_prefix", opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self):
        return self.number or f"草稿 {self.uid}"

    @property
    def matter_name(self) -> str:
        return self.matter_version.name

    @property
    def clock_paused(self) -> bool:
        return self.paused_since is not None

    @property
    def is_open(self) -> bool:
        return self.phase in OPEN_PHASES


class FileKind(models.TextChoices):
    MATERIAL = "material", "申请材料"
    ATTACHMENT = "attachment", "办理附件"
    RESULT = "result", "办理结果"


def _case_file_path(instance, filename):
    # Random names: the original name is kept in the row, never trusted as a path.
    return f"cases/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class CaseFile(models.Model):
    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="files")
    kind = models.CharField("类别", max_length=20, choices=FileKind.choices, default=FileKind.MATERIAL)
    material = models.ForeignKey(Material, verbose_name="对应材料", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    file = models.FileField("文件", storage=private_storage, upload_to=_case_file_path)
    original_name = models.CharField("原文件名", max_length=200)
    detected_type = models.CharField("文件类型", max_length=10)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="上传人", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)
    # A replaced file stays for the record (补正 history) but no longer counts.
    replaced_at = models.DateTimeField("被替换时间", null=True, blank=True)
    event = models.ForeignKey("CaseEvent", verbose_name="所属办理记录", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="attachments")

    class Meta:
        verbose_name = verbose_name_plural = "办件文件"
        ordering = ["case", "material__order", "uploaded_at"]

    def __str__(self):
        return self.original_name


class CaseEvent(HistoryEvent):
    """One line of the case's timeline."""

    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="events")
    state_name = models.CharField("环节", max_length=40, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "办理记录"
        ordering = ["case", "at", "id"]


class PauseKind(models.TextChoices):
    CORRECTION = "correction", "补正"
    RONGQUE = "rongque", "容缺材料补齐"
    SPECIAL = "special", "特别程序"


class SpecialProcedure(models.TextChoices):
    # 行政许可法 §45: time for these is not counted in the limit.
    HEARING = "hearing", "听证"
    TENDER = "tender", "招标"
    AUCTION = "auction", "拍卖"
    INSPECTION = "inspection", "检验、检测、检疫"
    APPRAISAL = "appraisal", "鉴定"
    EXPERT_REVIEW = "expert_review", "专家评审"
    SITE_SURVEY = "site_survey", "现场勘验"


class CasePause(models.Model):
    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="pauses")
    kind = models.CharField("类别", max_length=20, choices=PauseKind.choices)
    procedure = models.CharField("特别程序", max_length=20, choices=SpecialProcedure.choices, blank=True)
    reason = models.CharField("原因", max_length=300, blank=True)
    started_on = models.DateField("开始日期")
    ended_on = models.DateField("结束日期", null=True, blank=True)
    working_days = models.PositiveIntegerField("暂停工作日数", default=0)
    # 补正/容缺 items: [{"material_id": 1, "name": "…", "problem": "…"}]
    items = models.JSONField("需补正/补齐事项", default=list, blank=True)
    due_on = models.DateField("应补齐日期", null=True, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发起人", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "暂停计时"
        ordering = ["case", "started_on", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.started_on}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class Correction(models.Model):
    """A 一次性告知 (补正告知书): every missing or wrong item listed at once (行政许可法 §32)."""

    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="corrections")
    items = models.JSONField("补正事项", default=list)
    note = models.TextField("说明", blank=True)
    requested_at = models.DateTimeField("告知时间", default=timezone.now)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="告知人", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    during_processing = models.BooleanField("受理后补正（暂停计时）", default=False)
    resolved_at = models.DateTimeField("补正提交时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "补正告知"
        ordering = ["case", "requested_at"]

    def __str__(self):
        return f"补正告知（{len(self.items)} 项）"


class ExtensionKind(models.TextChoices):
    # 行政许可法 §42 ¶1 (one body: +10, its head approves) and ¶2 (§26 统一/联合/集中办理: 45, +15, the
    # head of the people's government at that level approves); docs/domain.md §4.1.
    SINGLE = "single", "本行政机关负责人批准"
    JOINT = "joint", "本级人民政府负责人批准（统一、联合、集中办理）"


class Extension(models.Model):
    """延期: once per case or joint case, with the approval it rests on as the law names it."""

    case = models.ForeignKey(Case, verbose_name="办件", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="extensions")
    bundle = models.ForeignKey("CaseBundle", verbose_name="联办件", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="extensions")
    kind = models.CharField("延期类别", max_length=10, choices=ExtensionKind.choices, default=ExtensionKind.SINGLE)
    days = models.PositiveIntegerField("延长工作日")
    reason = models.CharField("理由", max_length=300)
    approver_name = models.CharField("批准人姓名", max_length=60, blank=True)
    approver_position = models.CharField("批准人职务", max_length=100, blank=True)
    approved_on = models.DateField("批准日期", null=True, blank=True)
    approval_document = models.CharField("批准文件文号", max_length=100, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="录入人", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    entered_at = models.DateTimeField("录入时间", default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = "延期"
        constraints = [
            models.CheckConstraint(condition=models.Q(case__isnull=True) ^ models.Q(bundle__isnull=True),
                                   name="extension_of_case_or_bundle"),
            # 行政许可法 §42: extended once ("可以延长").
            models.UniqueConstraint(fields=["case"], condition=models.Q(case__isnull=False), name="uniq_case_extension"),
            models.UniqueConstraint(fields=["bundle"], condition=models.Q(bundle__isnull=False),
                                    name="uniq_bundle_extension"),
        ]

    def __str__(self):
        return f"延期 {self.days} 个工作日"

    @property
    def approval(self) -> str:
        """How the timeline and the notice name the approval."""
        if not self.approver_name:
            return ""
        who = f"{self.approver_position}{self.approver_name}" if self.approver_position else self.approver_name
        doc = f"，{self.approval_document}" if self.approval_document else ""
        day = f"{self.approved_on:%Y-%m-%d}" if self.approved_on else ""
        return f"经{who}批准（{day}{doc}）"


class Urge(models.Model):
    """督办: a supervisor presses an overdue or at-risk case; the assignee must answer."""

    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="urges")
    message = models.CharField("督办意见", max_length=300)
    urged_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="督办人", null=True,
                                 on_delete=models.SET_NULL, related_name="+")
    urged_at = models.DateTimeField("督办时间", default=timezone.now)
    answer = models.TextField("反馈", blank=True)
    answered_at = models.DateTimeField("反馈时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "督办"
        ordering = ["-urged_at"]

    def __str__(self):
        return self.message


class PendingMaterial(models.Model):
    """容缺受理: a non-key material accepted as missing, promised by a date; blocks the decision."""

    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="pending_materials")
    material = models.ForeignKey(Material, verbose_name="材料", on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField("承诺补齐日期")
    received_at = models.DateTimeField("补齐时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "容缺材料"

    def __str__(self):
        return f"{self.material} 于 {self.due_on} 前补齐"


class CaseResult(models.Model):
    """出件: the licence, approval or decision the case produced."""

    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="results")
    name = models.CharField("结果名称", max_length=200)
    kind = models.CharField("结果类型", max_length=20)
    number = models.CharField("证照/文书编号", max_length=80, blank=True)
    issued_on = models.DateField("发证日期")
    valid_until = models.DateField("有效期至", null=True, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    registered_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "办理结果"

    def __str__(self):
        return self.name


# -- joint cases (一件事一次办) -----------------------------------------------------------------------

class BundlePhase(models.TextChoices):
    SUBMITTED = "submitted", "待受理"
    CORRECTION = "correction", "待补正"
    REFUSED = "refused", "不予受理"
    PROCESSING = "processing", "办理中"
    COMPLETED = "completed", "已办结"


class CaseBundle(Instance, Deliverable):
    """联办件: one application for several matters of several departments ("一件事一次办").

    Generic: the cases app knows members, dependencies and a promise, not where they come from. The
    caller (tongban.themes) passes the definition it used, kept here as an immutable snapshot so a
    later edit of the theme never changes a joint case under way. Each member is an ordinary Case
    (its own number, department, workflow and clock) linked through BundleMember.
    """

    number = models.CharField("联办件编号", max_length=40, unique=True)
    uid = models.UUIDField("标识", default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField("联办类别", max_length=20, default="theme")
    source_code = models.CharField("主题代码", max_length=60, db_index=True)
    title = models.CharField("联办事项名称", max_length=200)
    definition = models.JSONField("主题定义快照", default=dict)
    layout = models.JSONField("合并表单与材料对照", default=dict, blank=True)
    lead_department = models.ForeignKey(Department, verbose_name="牵头部门", on_delete=models.PROTECT,
                                        related_name="case_bundles")
    division = models.ForeignKey(Division, verbose_name="区划", on_delete=models.PROTECT, related_name="+")
    handout_place = models.CharField("统一出件地点", max_length=300, blank=True)
    phase = models.CharField("联办状态", max_length=20, choices=BundlePhase.choices, default=BundlePhase.SUBMITTED,
                             db_index=True)
    revision = models.PositiveIntegerField("修订号", default=0)
    channel = models.CharField("申请渠道", max_length=10, choices=Channel.choices, default=Channel.WEB)

    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="申请人账号", on_delete=models.PROTECT,
                                  related_name="case_bundles")
    applicant_name = models.CharField("申请人", max_length=200, blank=True)
    applicant_id_number = models.CharField("证件号码", max_length=18, blank=True)
    applicant_phone = models.CharField("联系电话", max_length=20, blank=True)
    situation = models.JSONField("情形引导答案", default=dict, blank=True)
    answers = models.JSONField("合并申请表内容", default=dict, blank=True)
    idempotency_key = models.CharField("幂等键", max_length=80, null=True, blank=True)

    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True, db_index=True)
    accepted_at = models.DateTimeField("受理时间", null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="受理人", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    correction = models.JSONField("待补正内容", default=dict, blank=True)
    decision_text = models.TextField("不予受理理由", blank=True)
    completed_at = models.DateTimeField("办结时间", null=True, blank=True)

    # The theme's own promise, counted like a case's (cases.deadlines works on these fields).
    promised_days = models.PositiveIntegerField("承诺时限（工作日）", null=True, blank=True)
    legal_days = models.PositiveIntegerField("法定时限（工作日）", null=True, blank=True)
    extension_days = models.PositiveIntegerField("延长（工作日）", default=0)
    paused_days = models.PositiveIntegerField("暂停计时（工作日）", default=0)
    promised_due = models.DateField("承诺办结日", null=True, blank=True)
    legal_due = models.DateField("法定办结日", null=True, blank=True)
    warn_on = models.DateField("预警日", null=True, blank=True)
    due_provisional = models.BooleanField("办结日暂估", default=False)

    # 一窗出件: every member's result handed out together — one pickup code or one parcel.
    tracking_no = models.CharField("运单号", max_length=40, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "联办件"
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["applicant", "idempotency_key"], name="uniq_bundle_idempotency"),
        ]
        indexes = [models.Index(fields=["lead_department", "phase"])]

    def __str__(self):
        return f"{self.number} {self.title}"

    # duck-typed for cases.deadlines.clock()
    paused_since = None

    @property
    def clock_paused(self) -> bool:
        return False

    @property
    def is_open(self) -> bool:
        return self.phase in (BundlePhase.SUBMITTED, BundlePhase.CORRECTION, BundlePhase.PROCESSING)


class BundleMemberState(models.TextChoices):
    PENDING = "pending", "待联办受理"
    WAITING = "waiting", "等待前置事项办结"
    DISPATCHED = "dispatched", "已分送部门"
    CANCELLED = "cancelled", "已取消"


class BundleMember(models.Model):
    """One matter of a joint case and its sub-case; `requires` are the members whose result it needs."""

    bundle = models.ForeignKey(CaseBundle, verbose_name="联办件", on_delete=models.CASCADE, related_name="members")
    code = models.SlugField("成员代码", max_length=40)
    name = models.CharField("事项名称", max_length=200)
    order = models.PositiveSmallIntegerField("顺序", default=1)
    # A draft the applicant discards from 我的办件 takes its member with it (the rest of the joint case goes on).
    case = models.OneToOneField(Case, verbose_name="子办件", on_delete=models.CASCADE, related_name="bundle_member")
    requires = models.JSONField("前置成员", default=list, blank=True)
    # Answers of this member's form taken from a required member's result: {"field key": "result_number"}.
    fills = models.JSONField("由前置结果填写的字段", default=dict, blank=True)
    state = models.CharField("状态", max_length=20, choices=BundleMemberState.choices,
                             default=BundleMemberState.PENDING)
    dispatched_at = models.DateTimeField("分送时间", null=True, blank=True)
    note = models.CharField("说明", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "联办成员"
        ordering = ["bundle", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["bundle", "code"], name="uniq_bundle_member_code")]

    def __str__(self):
        return f"{self.bundle.number} · {self.name}"


class BundleEvent(HistoryEvent):
    """The joint case's own timeline (submitted, accepted as one, 补正, dispatched, completed, handed out)."""

    bundle = models.ForeignKey(CaseBundle, verbose_name="联办件", on_delete=models.CASCADE, related_name="events")

    class Meta:
        verbose_name = verbose_name_plural = "联办记录"
        ordering = ["bundle", "at", "id"]
