"""好差评: ratings of every handling, the bad-rating loop, return visits and "办不成事" reports.

The rules come from 国务院办公厅关于建立政务服务"好差评"制度提高政务服务水平的意见（国办发〔2019〕51号）:
five levels, every channel, one rating per handling ("一事一评" online, "一次一评" at a window),
every bad rating verified, rectified and answered, real-name bad ratings called back in full.
What varies locally is data: the indicator sets (Indicator), edited by a platform admin, and the
processes of the loop and of "办不成事" reports with their roles and time limits (ratings/process.py,
on tongban.workflow: edited as new process versions).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from tongban.cases.models import Case
from tongban.catalog.models import Matter
from tongban.core.history import HistoryEvent
from tongban.org.models import Department, Division, ServiceSite, Window
from tongban.workflow.models import Instance

DUPLICATE_MESSAGE = "该办件本次办理已评价，不能重复评价"


class Level(models.IntegerChoices):
    """评价等级. Stored as 5 … 1 so that a higher number is a better rating (the provincial
    interface numbers them the same way: 1 非常不满意 … 5 非常满意)."""

    VERY_SATISFIED = 5, "非常满意"
    SATISFIED = 4, "满意"
    BASICALLY_SATISFIED = 3, "基本满意"
    DISSATISFIED = 2, "不满意"
    VERY_DISSATISFIED = 1, "非常不满意"


# 差评: the last two levels. 好评率 counts the first three (国办发〔2019〕51号 splits 好评 / 差评 so).
BAD_LEVELS = (Level.DISSATISFIED, Level.VERY_DISSATISFIED)
GOOD_LEVELS = (Level.VERY_SATISFIED, Level.SATISFIED, Level.BASICALLY_SATISFIED)


class Mode(models.TextChoices):
    """Which indicator set applies (docs/domain.md §7)."""

    ONLINE = "online", "网上办理"
    WINDOW = "window", "窗口办理"


class RatingChannel(models.TextChoices):
    PC = "pc", "PC端"
    MOBILE = "mobile", "移动端"
    QR = "qr", "二维码"
    TABLET = "tablet", "政务大厅平板"
    SMS = "sms", "短信"
    PHONE = "phone", "电话"


class Indicator(models.Model):
    """One question of an indicator set (整体满意度, 办事效率 …). The overall one is the rating's level."""

    mode = models.CharField("适用办理方式", max_length=10, choices=Mode.choices)
    code = models.SlugField("指标代码", max_length=40)
    name = models.CharField("指标名称", max_length=40)
    order = models.PositiveSmallIntegerField("顺序", default=1)
    is_overall = models.BooleanField("整体满意度", default=False)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "评价指标"
        ordering = ["mode", "order"]
        constraints = [models.UniqueConstraint(fields=["mode", "code"], name="uniq_indicator_code")]

    def __str__(self):
        return f"{self.get_mode_display()} · {self.name}"


# The whole case is one handling online (一事一评); each window visit is one (一次一评), keyed by the
# clerk's timeline event on the case: "visit-<CaseEvent id>".
CASE_HANDLING = "case"


class Rating(models.Model):
    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.PROTECT, related_name="+")
    handling = models.CharField("办理环节", max_length=40, default=CASE_HANDLING)
    handling_label = models.CharField("评价对象", max_length=100, blank=True)
    mode = models.CharField("办理方式", max_length=10, choices=Mode.choices)
    channel = models.CharField("评价渠道", max_length=10, choices=RatingChannel.choices)
    level = models.PositiveSmallIntegerField("评价等级", choices=Level.choices)
    scores = models.JSONField("分项评价", default=dict, blank=True, help_text="{指标代码: 等级}")
    comment = models.TextField("评价内容", blank=True, max_length=500)

    anonymous = models.BooleanField("匿名评价", default=False)
    rater = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="评价人账号", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    rater_name = models.CharField("评价人", max_length=200, blank=True)
    rater_phone = models.CharField("评价人电话", max_length=20, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="录入人（电话评价）", null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")

    # What was rated, recorded at rating time so that later moves do not rewrite history.
    department = models.ForeignKey(Department, verbose_name="实施部门", on_delete=models.PROTECT,
                                   related_name="+")
    division = models.ForeignKey(Division, verbose_name="区划", on_delete=models.PROTECT, related_name="+")
    matter = models.ForeignKey(Matter, verbose_name="事项", on_delete=models.PROTECT, related_name="+")
    matter_name = models.CharField("事项名称", max_length=200)
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="被评价工作人员", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    staff_name = models.CharField("被评价工作人员（快照）", max_length=150, blank=True)
    window = models.ForeignKey(Window, verbose_name="窗口", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")

    # 一件事一次办: one rating of a joint case (联办件) is kept as one row per sub-case its departments
    # handled, all with this number, so each department is rated for its part (docs/decisions/0010 §11).
    bundle_number = models.CharField("联办件编号", max_length=40, blank=True, db_index=True)

    rated_at = models.DateTimeField("评价时间", default=timezone.now, db_index=True)
    # 申诉成立 (mistaken or malicious rating): kept for the record, left out of every statistic.
    invalid = models.BooleanField("无效评价（申诉成立）", default=False)
    pushed_at = models.DateTimeField("推送省好差评系统时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "评价"
        ordering = ["-rated_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "handling"], name="uniq_rating_per_handling",
                                    violation_error_message=DUPLICATE_MESSAGE),
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=5), name="rating_level_1_5"),
        ]
        indexes = [models.Index(fields=["department", "rated_at"]), models.Index(fields=["pushed_at"])]

    def __str__(self):
        return f"{self.case.number} {self.get_level_display()}"

    @property
    def is_bad(self) -> bool:
        return self.level in BAD_LEVELS

    @property
    def real_name(self) -> bool:
        return not self.anonymous

    def clean(self):
        if self.level not in Level.values:
            raise ValidationError({"level": "请选择评价等级（非常满意、满意、基本满意、不满意、非常不满意）"})
        for code, value in (self.scores or {}).items():
            if value not in Level.values:
                raise ValidationError({"scores": f"分项评价“{code}”的等级不正确"})


class RatingInvitation(models.Model):
    """The SMS inviting the applicant to rate a case once it is 办结 (sent once per case)."""

    case = models.OneToOneField(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField("发送时间", default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = "评价邀请"

    def __str__(self):
        return f"评价邀请 {self.case_id}"


# -- the bad-rating loop ------------------------------------------------------------------------

class Outcome(models.TextChoices):
    RECTIFY = "rectify", "整改"
    EXPLAIN = "explain", "解释说明"
    APPEAL = "appeal", "申诉（误评或恶意评价）"


class ReviewStatus(models.TextChoices):
    OPEN = "open", "处理中"
    CLOSED = "closed", "已办结"
    VOIDED = "voided", "申诉成立（评价无效）"


class BadRatingReview(Instance):
    """差评整改: one per bad rating, owned by the rated department until 督办 closes it. It runs on the
    bad-rating process (ratings/process.py); `status` follows its state."""

    rating = models.OneToOneField(Rating, verbose_name="评价", on_delete=models.CASCADE, related_name="review")
    department = models.ForeignKey(Department, verbose_name="责任部门", on_delete=models.PROTECT, related_name="+")
    division = models.ForeignKey(Division, verbose_name="区划", on_delete=models.PROTECT, related_name="+")
    status = models.CharField("状态", max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.OPEN,
                              db_index=True)
    step_due = models.DateField("本环节办理期限", null=True, blank=True, db_index=True)
    # The step's limit ran into a year whose holidays are not entered yet: its days there were counted
    # Monday–Friday; the sweep counts again from step_started_on once the year is known (§4.2).
    step_due_provisional = models.BooleanField("期限暂估", default=False)
    step_started_on = models.DateField("本环节起算日", null=True, blank=True)
    step_days = models.PositiveSmallIntegerField("本环节期限（工作日，部门确定）", null=True, blank=True)
    handler = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="核实责任人", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("产生时间", default=timezone.now)

    # 核实 and 回访
    verification = models.TextField("核实情况", blank=True)
    verified_at = models.DateTimeField("核实时间", null=True, blank=True)
    callback_at = models.DateTimeField("回访时间", null=True, blank=True)
    callback_reached = models.BooleanField("回访已接通", null=True, blank=True)
    callback_note = models.TextField("回访记录", blank=True)

    # 处理
    outcome = models.CharField("处理方式", max_length=10, choices=Outcome.choices, blank=True)
    measures = models.TextField("整改措施/说明", blank=True)
    rectify_due = models.DateField("整改期限", null=True, blank=True)
    rectified_at = models.DateTimeField("整改完成时间", null=True, blank=True)
    rectification = models.TextField("整改结果", blank=True)
    appeal_reason = models.TextField("申诉理由", blank=True)
    appeal_upheld = models.BooleanField("申诉成立", null=True, blank=True)

    # 反馈 to the rater
    feedback = models.TextField("反馈内容", blank=True)
    feedback_at = models.DateTimeField("反馈时间", null=True, blank=True)

    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    # A step finished after its time limit, or the sweep escalated it: not closed on time.
    late = models.BooleanField("曾超期", default=False)
    escalated_step = models.CharField("已升级督办的环节", max_length=40, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "差评整改"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["department", "status"])]

    def __str__(self):
        return f"差评整改 {self.rating.case.number}"

    @property
    def is_open(self) -> bool:
        return self.status == ReviewStatus.OPEN

    @property
    def overdue(self) -> bool:
        return self.is_open and self.step_due is not None and self.step_due < timezone.localdate()

    @property
    def on_time(self) -> bool:
        return self.status != ReviewStatus.OPEN and not self.late


class ReviewEvent(HistoryEvent):
    """The loop's history: who did what, when, from where. Public lines are shown to the rater."""

    review = models.ForeignKey(BadRatingReview, verbose_name="差评整改", on_delete=models.CASCADE,
                               related_name="events")
    step_name = models.CharField("环节", max_length=40, blank=True)
    public = models.BooleanField("评价人可见", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "差评处理记录"
        ordering = ["review", "at", "id"]


# -- 政务服务回访 ----------------------------------------------------------------------------------

class ReturnVisitSample(models.Model):
    """One month's draw for one department: the seed is kept, so anyone can draw it again and get
    the same cases (the draw is checkable, not a black box)."""

    department = models.ForeignKey(Department, verbose_name="部门", on_delete=models.PROTECT, related_name="+")
    month = models.DateField("办结月份", help_text="该月第一天")
    seed = models.BigIntegerField("随机种子")
    rate = models.DecimalField("抽样比例", max_digits=4, decimal_places=2)
    population = models.PositiveIntegerField("当月办结件数")
    size = models.PositiveIntegerField("抽取件数")
    drawn_at = models.DateTimeField("抽取时间", default=timezone.now)
    drawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="抽取人", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "回访抽样"
        ordering = ["-month", "department"]
        constraints = [models.UniqueConstraint(fields=["department", "month"], name="uniq_visit_sample_month")]

    def __str__(self):
        return f"{self.department} {self.month:%Y年%m月} 回访抽样"


class VisitStatus(models.TextChoices):
    PENDING = "pending", "待回访"
    UNREACHED = "unreached", "未接通"
    DONE = "done", "已回访"


class ReturnVisit(models.Model):
    sample = models.ForeignKey(ReturnVisitSample, verbose_name="抽样", on_delete=models.CASCADE,
                               related_name="visits")
    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.PROTECT, related_name="+")
    caller = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="回访人", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    status = models.CharField("状态", max_length=10, choices=VisitStatus.choices, default=VisitStatus.PENDING,
                              db_index=True)
    attempts = models.PositiveSmallIntegerField("拨打次数", default=0)
    level = models.PositiveSmallIntegerField("回访满意度", choices=Level.choices, null=True, blank=True)
    note = models.TextField("回访记录", blank=True)
    called_at = models.DateTimeField("回访时间", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="记录人", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "回访"
        ordering = ["sample", "case_id"]
        constraints = [models.UniqueConstraint(fields=["sample", "case"], name="uniq_visit_case")]

    def __str__(self):
        return f"回访 {self.case.number}"


# -- "办不成事"反映 ------------------------------------------------------------------------------

class TicketStatus(models.TextChoices):
    NEW = "new", "待分派"
    ASSIGNED = "assigned", "办理中"
    ANSWERED = "answered", "已答复"
    CLOSED = "closed", "已办结"


class CannotDoTicket(Instance):
    """A "办不成事" report, on its process (ratings/process.py TICKETS); `status` follows its state."""

    number = models.CharField("编号", max_length=20, unique=True)
    matter = models.ForeignKey(Matter, verbose_name="事项", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    matter_text = models.CharField("想办的事", max_length=200)
    site = models.ForeignKey(ServiceSite, verbose_name="办事地点", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    place_text = models.CharField("地点说明", max_length=200, blank=True)
    description = models.TextField("遇到的问题", max_length=2000)
    contact_name = models.CharField("联系人", max_length=60)
    contact_phone = models.CharField("联系电话", max_length=20)
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="反映人账号", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    division = models.ForeignKey(Division, verbose_name="区划", on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey(Department, verbose_name="承办部门", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="承办人", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    status = models.CharField("状态", max_length=10, choices=TicketStatus.choices, default=TicketStatus.NEW,
                              db_index=True)
    created_at = models.DateTimeField("反映时间", default=timezone.now)
    due_on = models.DateField("办理期限", db_index=True)
    due_provisional = models.BooleanField("期限暂估", default=False)  # as BadRatingReview.step_due_provisional
    answer = models.TextField("答复", blank=True)
    answered_at = models.DateTimeField("答复时间", null=True, blank=True)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    late = models.BooleanField("曾超期", default=False)
    escalated_at = models.DateTimeField("超期提醒时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "“办不成事”反映"
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.number} {self.matter_text}"

    @property
    def is_open(self) -> bool:
        return self.status != TicketStatus.CLOSED

    @property
    def overdue(self) -> bool:
        return self.status in (TicketStatus.NEW, TicketStatus.ASSIGNED) and self.due_on < timezone.localdate()


class TicketEvent(HistoryEvent):
    ticket = models.ForeignKey(CannotDoTicket, verbose_name="反映", on_delete=models.CASCADE, related_name="events")
    public = models.BooleanField("反映人可见", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "“办不成事”处理记录"
        ordering = ["ticket", "at", "id"]
