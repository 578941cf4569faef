"""The service matter catalogue (政务服务事项目录 and 实施清单), GB/T 39046-2020.

A `Matter` is the standard matter identified by its 基本编码. Its standard elements live in
`MatterVersion` rows (draft → submitted → published → cancelled); a published version is
immutable and cases point at the exact version they used. An `Implementation` is the matter
carried out by one department at one level (实施清单 entry, 实施编码); it holds only the local
fields. That split is how "四级十同" is enforced: an implementation cannot differ from the
standard in anything but place, hours, phones and implementing body.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models

from tongban.catalog.codes import (
    CaseKind,
    MaterialForm,
    MaterialSource,
    MatterType,
    OnlineDepth,
    ResultKind,
    TongbanScope,
    VersionStatus,
    basic_code_format_problem,
)
from tongban.forms.spec import validate_form_spec
from tongban.org.models import Department, Level, ServiceSite


class ImmutableVersionError(ValidationError):
    pass


class ServiceObject(models.Model):
    """服务对象 code table: 1 自然人, 2 企业法人, 3 事业法人, 4 社会组织法人, 5 行政机关, 6 其他组织."""

    code = models.CharField("代码", max_length=2, unique=True)
    name = models.CharField("名称", max_length=20)

    class Meta:
        verbose_name = verbose_name_plural = "服务对象"
        ordering = ["code"]

    def __str__(self):
        return self.name

    @property
    def is_person(self) -> bool:
        return self.code == "1"


class Category(models.Model):
    """Browsing categories of the portal: 主题分类 and 人生阶段/企业经营周期 (life events)."""

    class Kind(models.TextChoices):
        TOPIC = "topic", "主题分类"
        LIFE_EVENT = "life_event", "人生阶段/经营周期"

    class Audience(models.TextChoices):
        PERSON = "person", "个人"
        ORGANISATION = "organisation", "法人"

    code = models.CharField("代码", max_length=20, unique=True)
    name = models.CharField("名称", max_length=40)
    kind = models.CharField("类别", max_length=20, choices=Kind.choices)
    audience = models.CharField("对象", max_length=20, choices=Audience.choices)
    order = models.PositiveIntegerField("排序", default=100)

    class Meta:
        verbose_name = verbose_name_plural = "事项分类"
        ordering = ["kind", "audience", "order", "code"]

    def __str__(self):
        return self.name


class Matter(models.Model):
    basic_code = models.CharField("基本编码", max_length=20, unique=True)
    name = models.CharField("事项名称", max_length=200, db_index=True)  # of the current version
    matter_type = models.CharField("事项类型", max_length=2, choices=MatterType.choices, db_index=True)
    # The department that maintains the standard elements (usually the highest level implementing it).
    owner_department = models.ForeignKey(Department, verbose_name="标准维护部门", on_delete=models.PROTECT,
                                         related_name="owned_matters")
    current_version = models.ForeignKey("MatterVersion", verbose_name="当前发布版本", null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "标准事项"
        ordering = ["basic_code"]

    def __str__(self):
        return f"{self.name}（{self.basic_code}）"

    def clean(self):
        # Every stored 基本编码 is 12 digits (docs/domain.md §2.1); that its 5th–6th digits name the
        # matter type is checked where codes are typed in (admin forms, Excel import).
        problem = self.basic_code and basic_code_format_problem(self.basic_code)  # blank: clean_fields says so
        if problem:
            raise ValidationError({"basic_code": problem})


class MatterVersion(models.Model):
    # Fields that may change after publication: only the workflow itself.
    WORKFLOW_FIELDS = frozenset({"status", "cancelled_by", "cancelled_at", "superseded_at"})

    matter = models.ForeignKey(Matter, verbose_name="事项", on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("版本号")
    status = models.CharField("状态", max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT,
                              db_index=True)
    change_note = models.CharField("变更说明", max_length=300, blank=True)

    name = models.CharField("事项名称", max_length=200)
    matter_type = models.CharField("事项类型", max_length=2, choices=MatterType.choices)
    legal_basis = models.TextField("设定依据")
    conditions = models.TextField("受理条件")
    service_objects = models.ManyToManyField(ServiceObject, verbose_name="服务对象")
    categories = models.ManyToManyField(Category, verbose_name="主题分类", blank=True)
    levels = models.CharField("行使层级", max_length=20, help_text="逗号分隔的层级代码，如 3,4")
    case_kind = models.PositiveSmallIntegerField("办件类型", choices=CaseKind.choices, default=CaseKind.PROMISED)
    legal_limit_days = models.PositiveIntegerField("法定办结时限（工作日）", null=True, blank=True,
                                                   help_text="法律法规未规定时限的留空并在说明中写明")
    promised_limit_days = models.PositiveIntegerField("承诺办结时限（工作日）")
    limit_note = models.CharField("时限说明", max_length=300, blank=True)
    has_fee = models.BooleanField("是否收费", default=False)
    visits_required = models.PositiveSmallIntegerField("到办事现场次数", default=0,
                                                       validators=[MaxValueValidator(9)])
    online_depth = models.PositiveSmallIntegerField("网上办理深度", choices=OnlineDepth.choices,
                                                    default=OnlineDepth.ACCEPT)
    supports_appointment = models.BooleanField("支持预约办理", default=True)
    supports_online_payment = models.BooleanField("支持网上支付", default=False)
    supports_express = models.BooleanField("支持物流快递", default=False)
    tongban_scope = models.CharField("通办范围", max_length=20, choices=TongbanScope.choices, blank=True)
    intermediary = models.CharField("中介服务", max_length=300, blank=True, default="无")
    quantity_limit = models.CharField("数量限制", max_length=300, blank=True, default="无数量限制")
    result_delivery = models.CharField("结果送达方式", max_length=200, blank=True,
                                       default="窗口领取；邮政快递送达")
    # The application form (fields as data, tongban/forms/spec.py); empty = the default applicant form
    # for the service objects. Part of the version, so a case keeps the exact form it was filled in.
    form_spec = models.JSONField("申请表单", default=list, blank=True,
                                 help_text="字段列表（JSON）。留空则使用按服务对象生成的标准申请人信息表")

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="起草人", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("起草时间", auto_now_add=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="提交人", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发布人", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="取消人", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    cancelled_at = models.DateTimeField("取消时间", null=True, blank=True)
    superseded_at = models.DateTimeField("被新版本替代时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "事项版本"
        ordering = ["matter", "-number"]
        constraints = [models.UniqueConstraint(fields=["matter", "number"], name="uniq_matter_version_number")]

    def __str__(self):
        return f"{self.name} v{self.number}（{self.get_status_display()}）"

    @property
    def is_editable(self) -> bool:
        return self.status == VersionStatus.DRAFT

    @property
    def fully_online(self) -> bool:
        return self.online_depth == OnlineDepth.FULL

    @property
    def level_list(self) -> list[int]:
        return [int(x) for x in self.levels.split(",") if x.strip()]

    def get_levels_display(self) -> str:
        return "、".join(Level(level).label for level in self.level_list)

    def clean(self):
        errors = {}
        if self.promised_limit_days is not None and self.legal_limit_days is not None \
                and self.promised_limit_days > self.legal_limit_days:
            errors["promised_limit_days"] = "承诺办结时限不得超过法定办结时限"
        if self.case_kind == CaseKind.IMMEDIATE and self.promised_limit_days not in (0, None):
            errors["promised_limit_days"] = "即办件的承诺办结时限应为0个工作日"
        try:
            bad = [x for x in self.level_list if x not in Level.values]
        except ValueError:
            bad = [self.levels]
        if not self.level_list or bad:
            errors["levels"] = "行使层级应为1至6的代码，以逗号分隔"
        form_problems = validate_form_spec(self.form_spec)
        if form_problems:
            errors["form_spec"] = ["申请表单有误：" + p for p in form_problems]
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # A published (or cancelled) version is immutable: cases refer to it.
        if self.pk:
            stored = MatterVersion.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored in (VersionStatus.PUBLISHED, VersionStatus.CANCELLED):
                update_fields = kwargs.get("update_fields")
                if update_fields is None or not set(update_fields) <= self.WORKFLOW_FIELDS:
                    raise ImmutableVersionError("已发布的事项版本不可修改，请创建新版本")
        super().save(*args, **kwargs)


class _VersionPart(models.Model):
    """A child element of a version; editable only while the version is a draft."""

    version = models.ForeignKey(MatterVersion, on_delete=models.CASCADE)
    order = models.PositiveIntegerField("序号", default=1)

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def _guard(self):
        if self.version.status != VersionStatus.DRAFT:
            raise ImmutableVersionError("已提交或已发布的事项版本不可修改，请创建新版本")

    def save(self, *args, **kwargs):
        self._guard()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._guard()
        return super().delete(*args, **kwargs)


def _material_upload_path(instance, filename):
    return f"catalog/materials/{instance.version.matter.basic_code}/v{instance.version.number}/{filename}"


class Material(_VersionPart):
    version = models.ForeignKey(MatterVersion, on_delete=models.CASCADE, related_name="materials")
    name = models.CharField("材料名称", max_length=200)
    form = models.CharField("材料形式", max_length=20, choices=MaterialForm.choices, default=MaterialForm.ORIGINAL)
    copies = models.PositiveSmallIntegerField("份数", default=1)
    required = models.BooleanField("是否必要", default=True)
    necessity_note = models.CharField("必要性说明", max_length=300, blank=True,
                                      help_text="如“涉及前置审批的提供”")
    source = models.CharField("来源渠道", max_length=20, choices=MaterialSource.choices,
                              default=MaterialSource.APPLICANT)
    source_note = models.CharField("来源说明", max_length=200, blank=True, help_text="如“由卫生健康部门核发”")
    rongque_allowed = models.BooleanField("可容缺", default=False)
    paper_spec = models.CharField("纸质规格", max_length=40, blank=True, default="A4")
    notes = models.TextField("填报须知", blank=True)
    blank_form = models.FileField("空白表格", upload_to=_material_upload_path, blank=True)
    sample = models.FileField("示例样表", upload_to=_material_upload_path, blank=True)

    class Meta(_VersionPart.Meta):
        verbose_name = verbose_name_plural = "申请材料"

    def __str__(self):
        return self.name

    def clean(self):
        if self.rongque_allowed and self.required and "关键" in self.necessity_note:
            raise ValidationError({"rongque_allowed": "关键材料不得容缺"})


class ProcessStep(_VersionPart):
    version = models.ForeignKey(MatterVersion, on_delete=models.CASCADE, related_name="steps")
    name = models.CharField("环节名称", max_length=60)
    actor = models.CharField("办理人员", max_length=100, blank=True)
    description = models.TextField("办理内容与标准", blank=True)
    limit_days = models.PositiveIntegerField("环节时限（工作日）", null=True, blank=True)

    class Meta(_VersionPart.Meta):
        verbose_name = verbose_name_plural = "办理流程"

    def __str__(self):
        return self.name


class FeeItem(_VersionPart):
    version = models.ForeignKey(MatterVersion, on_delete=models.CASCADE, related_name="fees")
    name = models.CharField("收费项目", max_length=200)
    standard = models.CharField("收费标准", max_length=300)
    basis = models.TextField("收费依据", blank=True)
    amount_cents = models.PositiveIntegerField("金额（分）", null=True, blank=True,
                                               help_text="固定金额时填写，按件收费用于生成缴费单")
    reducible = models.CharField("减免政策", max_length=300, blank=True)

    class Meta(_VersionPart.Meta):
        verbose_name = verbose_name_plural = "收费项目"

    def __str__(self):
        return self.name


class MatterResult(_VersionPart):
    version = models.ForeignKey(MatterVersion, on_delete=models.CASCADE, related_name="results")
    name = models.CharField("结果名称", max_length=200)
    kind = models.CharField("结果类型", max_length=20, choices=ResultKind.choices, default=ResultKind.LICENCE)
    validity = models.CharField("有效期", max_length=100, blank=True)
    sample = models.FileField("结果样本", upload_to=_material_upload_path, blank=True)

    class Meta(_VersionPart.Meta):
        verbose_name = verbose_name_plural = "办理结果"

    def __str__(self):
        return self.name


class Faq(_VersionPart):
    version = models.ForeignKey(MatterVersion, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField("问题", max_length=300)
    answer = models.TextField("解答")

    class Meta(_VersionPart.Meta):
        verbose_name = verbose_name_plural = "常见问题"

    def __str__(self):
        return self.question


class Implementation(models.Model):
    """实施清单 entry: the matter as carried out by one department. Only local fields live here."""

    class Status(models.TextChoices):
        ACTIVE = "active", "在用"
        CANCELLED = "cancelled", "已取消"

    matter = models.ForeignKey(Matter, verbose_name="事项", on_delete=models.PROTECT, related_name="implementations")
    department = models.ForeignKey(Department, verbose_name="实施主体", on_delete=models.PROTECT,
                                   related_name="implementations")
    level = models.PositiveSmallIntegerField("行使层级", choices=Level.choices, db_index=True)
    code = models.CharField("实施编码", max_length=40, unique=True)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.ACTIVE, db_index=True)
    site = models.ForeignKey(ServiceSite, verbose_name="办理场所", null=True, blank=True, on_delete=models.SET_NULL)
    place = models.CharField("办理地点", max_length=300)
    hours = models.CharField("办理时间", max_length=300)
    consult_phone = models.CharField("咨询电话", max_length=100)
    supervise_phone = models.CharField("监督电话", max_length=100)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "实施清单"
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["matter", "department"], name="uniq_implementation_per_department")
        ]
        indexes = [models.Index(fields=["department", "status"])]

    def __str__(self):
        return f"{self.matter.name}（{self.department.name}）"

    @staticmethod
    def derive_code(department: Department, level: int, basic_code: str) -> str:
        # 实施编码 = implementing body's 统一社会信用代码 (18) + 行使层级 (1) + 基本编码 (12); docs/domain.md §2.1.
        return f"{department.credit_code}{level}{basic_code}"

    def clean(self):
        if self.department_id and self.level and self.level != self.department.division.level:
            raise ValidationError({"level": "行使层级应与实施主体所在区划层级一致"})
        if self.department_id and self.matter_id:
            expected = self.derive_code(self.department, self.level, self.matter.basic_code)
            if self.code != expected:
                raise ValidationError({"code": f"实施编码应为 {expected}（信用代码+层级+基本编码）"})


class ImportJob(models.Model):
    """One upload of an 实施清单 workbook, validated and imported by a background task."""

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        VALIDATING = "validating", "校验中"
        IMPORTING = "importing", "导入中"
        DONE = "done", "已完成"
        FAILED = "failed", "未导入"

    # MEDIA_ROOT is outside the web root: uploaded workbooks are never served directly.
    file = models.FileField("导入文件", upload_to="imports/%Y/%m/")
    original_name = models.CharField("原文件名", max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="上传人", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.QUEUED,
                              db_index=True)
    task_id = models.CharField("后台任务编号", max_length=64, blank=True)
    progress_done = models.PositiveIntegerField("已处理行数", default=0)
    progress_total = models.PositiveIntegerField("总行数", default=0)
    created_count = models.PositiveIntegerField("新增实施清单", default=0)
    updated_count = models.PositiveIntegerField("更新实施清单", default=0)
    unchanged_count = models.PositiveIntegerField("未变化实施清单", default=0)
    error_count = models.PositiveIntegerField("错误数", default=0)
    report = models.JSONField("导入报告", default=dict, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "实施清单导入任务"
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.original_name}（{self.get_status_display()}）"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
