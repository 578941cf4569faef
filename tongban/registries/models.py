"""Base registries (五大基础库: 人口, 法人, 信用) and audited data sharing (数据共享).

- `DataResource` is an entry of the resource catalogue (政务数据资源目录): a department owns and
  publishes it with its fields. The three base resources keep their records in typed tables
  (`Person`, `LegalEntity`, `CreditRecord`); a resource any department publishes later (不动产,
  公积金 …) keeps `GenericRecord` rows, JSON per subject key (docs/decisions/0009).
- `Grant`: a consumer department may read these fields of a resource for these matters, from/until,
  approved by the owner's data steward. `AccessLog`: one row per read attempt, allowed or not, with
  the case it was for. Both are only written by services.py.
- `MaterialRule` / `PrefillRule` say which registry supplies a material (免提交) or a form answer;
  `MaterialEvidence` / `PrefillSource` record on the case what was taken from where.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from tongban.catalog.codes import MaterialSource
from tongban.catalog.models import Material, Matter
from tongban.core.masking import mask_id_number
from tongban.core.validators import (
    id_birth_date,
    is_valid_id_number,
    validate_credit_code,
    validate_division_code,
    validate_id_number,
)
from tongban.org.models import Department
from tongban.registries.codes import (
    BASE_FIELDS,
    CreditKind,
    EntityStatus,
    EntityType,
    FieldType,
    HukouStatus,
    MaritalStatus,
    Sex,
    Storage,
    SubjectKind,
)

FIELD_KEY_RE = r"^[a-z][a-z0-9_]{0,49}$"


# -- the resource catalogue ------------------------------------------------------------------------

class DataResource(models.Model):
    class Kind(models.TextChoices):
        BASE = "base", "基础库"
        TOPIC = "topic", "主题库"

    class Status(models.TextChoices):
        DRAFT = "draft", "未发布"
        PUBLISHED = "published", "已发布"
        WITHDRAWN = "withdrawn", "已停用"

    class Subject(models.TextChoices):
        PERSON = SubjectKind.PERSON.value, SubjectKind.PERSON.label
        ORGANISATION = SubjectKind.ORGANISATION.value, SubjectKind.ORGANISATION.label
        ANY = "any", "自然人或法人"

    code = models.SlugField("资源代码", max_length=40, unique=True)
    name = models.CharField("资源名称", max_length=100)
    kind = models.CharField("类别", max_length=10, choices=Kind.choices, default=Kind.TOPIC)
    storage = models.CharField("存储方式", max_length=20, choices=Storage.choices, default=Storage.GENERIC)
    subject_kind = models.CharField("主体类型", max_length=20, choices=Subject.choices, default=Subject.PERSON)
    owner = models.ForeignKey(Department, verbose_name="提供部门（责任部门）", on_delete=models.PROTECT,
                              related_name="data_resources")
    source_department = models.CharField("数源部门", max_length=100, blank=True,
                                         help_text="数据产生的部门，如人口库的数源部门为公安机关")
    description = models.TextField("资源摘要", blank=True)
    update_cycle = models.CharField("更新周期", max_length=40, blank=True, default="每日")
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "数据资源目录"
        ordering = ["kind", "code"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.storage != Storage.GENERIC and self.kind != self.Kind.BASE:
            raise ValidationError({"storage": "结构化存储只用于人口、法人、信用三个基础库"})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class ResourceField(models.Model):
    resource = models.ForeignKey(DataResource, verbose_name="数据资源", on_delete=models.CASCADE,
                                 related_name="fields")
    key = models.CharField("字段标识", max_length=50, help_text="小写字母、数字和下划线，如 certificate_number")
    name = models.CharField("字段名称", max_length=60)
    type = models.CharField("字段类型", max_length=20, choices=FieldType.choices, default=FieldType.TEXT)
    sensitive = models.BooleanField("敏感字段", default=False, help_text="个人敏感信息（个人信息保护法第二十八条）")
    order = models.PositiveSmallIntegerField("顺序", default=1)

    class Meta:
        verbose_name = verbose_name_plural = "资源字段"
        ordering = ["resource", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "key"], name="uniq_resource_field_key"),
            models.UniqueConstraint(fields=["resource", "name"], name="uniq_resource_field_name"),
        ]

    def __str__(self):
        return f"{self.name}（{self.key}）"

    def clean(self):
        import re

        if not re.match(FIELD_KEY_RE, self.key or ""):
            raise ValidationError({"key": "字段标识应以小写字母开头，只含小写字母、数字和下划线（不超过50个字符）"})
        if self.resource_id and self.resource.storage != Storage.GENERIC:
            allowed = {k for k, *_ in BASE_FIELDS[self.resource.storage]}
            if self.key not in allowed:
                raise ValidationError({"key": f"基础库“{self.resource.name}”没有字段 {self.key}"})


# -- typed base registries ---------------------------------------------------------------------------

class Person(models.Model):
    """人口基础信息: one row per 公民身份号码."""

    id_number = models.CharField("公民身份号码", max_length=18, unique=True, validators=[validate_id_number])
    name = models.CharField("姓名", max_length=60, db_index=True)
    sex = models.CharField("性别", max_length=1, choices=Sex.choices)
    birth_date = models.DateField("出生日期")
    ethnicity = models.CharField("民族", max_length=20, blank=True, default="汉族")
    household_address = models.CharField("户籍地址", max_length=200)
    hukou_division = models.CharField("户籍地区划代码", max_length=12, validators=[validate_division_code])
    household_number = models.CharField("户号", max_length=20, blank=True)
    relation_to_head = models.CharField("与户主关系", max_length=20, blank=True)
    marital_status = models.CharField("婚姻状况", max_length=2, choices=MaritalStatus.choices,
                                      default=MaritalStatus.UNSTATED)
    hukou_status = models.CharField("户口状态", max_length=20, choices=HukouStatus.choices,
                                    default=HukouStatus.NORMAL)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "人口基础信息"
        ordering = ["id_number"]

    def __str__(self):
        return self.name

    def clean(self):
        # GB 11643: digits 7–14 are the birth date, the 17th digit is odd for men and even for women.
        errors = {}
        number = (self.id_number or "").upper()
        if is_valid_id_number(number):  # an invalid number is the field validator's to report
            born = id_birth_date(number)
            if self.birth_date and self.birth_date != born:
                errors["birth_date"] = f"出生日期与公民身份号码不一致（号码中为 {born:%Y-%m-%d}）"
            expected = Sex.MALE if int(number[16]) % 2 else Sex.FEMALE
            if self.sex and self.sex != expected:
                errors["sex"] = f"性别与公民身份号码不一致（号码第17位表示{expected.label}）"
        if errors:
            raise ValidationError(errors)


class LegalEntity(models.Model):
    """法人单位基础信息: one row per 统一社会信用代码."""

    credit_code = models.CharField("统一社会信用代码", max_length=18, unique=True, validators=[validate_credit_code])
    name = models.CharField("名称", max_length=200, db_index=True)
    entity_type = models.CharField("类型", max_length=20, choices=EntityType.choices)
    legal_representative = models.CharField("法定代表人", max_length=60)
    legal_representative_id_number = models.CharField("法定代表人身份证号", max_length=18, blank=True,
                                                      db_index=True, validators=[validate_id_number])
    registered_address = models.CharField("住所", max_length=200)
    status = models.CharField("登记状态", max_length=20, choices=EntityStatus.choices, default=EntityStatus.ACTIVE)
    established_on = models.DateField("成立日期")
    registration_authority = models.CharField("登记机关", max_length=100)
    registered_capital = models.DecimalField("注册资本（万元）", max_digits=14, decimal_places=2, null=True, blank=True)
    business_scope = models.TextField("经营范围", blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "法人单位基础信息"
        ordering = ["credit_code"]

    def __str__(self):
        return self.name


class CreditRecord(models.Model):
    """社会信用信息: one finding about a person or an organisation (红名单, 黑名单, 失信被执行人)."""

    record_number = models.CharField("记录编号", max_length=60, unique=True,
                                     help_text="认定文书号或信用平台的记录编号")
    subject_kind = models.CharField("主体类型", max_length=20, choices=SubjectKind.choices)
    subject_key = models.CharField("主体标识", max_length=18, db_index=True,
                                   help_text="自然人填公民身份号码，法人填统一社会信用代码")
    subject_name = models.CharField("主体名称", max_length=200)
    kind = models.CharField("信用类别", max_length=20, choices=CreditKind.choices)
    reason = models.CharField("认定事由", max_length=500)
    source_department = models.CharField("认定部门", max_length=100)
    decided_on = models.DateField("认定日期")
    valid_until = models.DateField("有效期至", null=True, blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "社会信用信息"
        ordering = ["subject_key", "-decided_on"]

    def __str__(self):
        return f"{self.subject_name} {self.get_kind_display()}"

    def clean(self):
        errors = {}
        try:
            if self.subject_kind == SubjectKind.PERSON:
                validate_id_number(self.subject_key)
            elif self.subject_kind == SubjectKind.ORGANISATION:
                validate_credit_code(self.subject_key)
        except ValidationError as exc:
            errors["subject_key"] = exc.messages
        if self.valid_until and self.decided_on and self.valid_until < self.decided_on:
            errors["valid_until"] = "有效期至不得早于认定日期"
        if errors:
            raise ValidationError(errors)


class GenericRecord(models.Model):
    """A record of a published resource other than the base three: JSON per subject key."""

    resource = models.ForeignKey(DataResource, verbose_name="数据资源", on_delete=models.CASCADE,
                                 related_name="records")
    subject_key = models.CharField("主体标识", max_length=18, db_index=True)
    record_key = models.CharField("记录标识", max_length=60, blank=True,
                                  help_text="同一主体有多条记录时区分它们，如不动产单元号")
    data = models.JSONField("数据", default=dict)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "主题库记录"
        ordering = ["resource", "subject_key", "record_key"]
        constraints = [models.UniqueConstraint(fields=["resource", "subject_key", "record_key"],
                                               name="uniq_generic_record")]

    def __str__(self):
        return f"{self.resource} {self.subject_key} {self.record_key}".strip()


# -- sharing ---------------------------------------------------------------------------------------

class Grant(models.Model):
    """共享授权: the consumer department may read `fields` of `resource` for `matters`."""

    resource = models.ForeignKey(DataResource, verbose_name="数据资源", on_delete=models.PROTECT,
                                 related_name="grants")
    consumer = models.ForeignKey(Department, verbose_name="使用部门", on_delete=models.PROTECT,
                                 related_name="data_grants")
    fields = models.JSONField("可读字段", default=list, help_text="字段标识列表")
    matters = models.ManyToManyField(Matter, verbose_name="适用事项", related_name="+")
    basis = models.CharField("共享依据", max_length=300,
                             help_text="法律法规依据或共享申请，如《政务信息资源共享管理暂行办法》第十条")
    valid_from = models.DateField("生效日期")
    valid_until = models.DateField("失效日期", null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审批人", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField("审批时间", null=True, blank=True)
    revoked_at = models.DateTimeField("撤销时间", null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="撤销人", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "共享授权"
        ordering = ["resource", "consumer", "-valid_from"]

    def __str__(self):
        return f"{self.consumer} ← {self.resource}"

    def clean(self):
        errors = {}
        if not isinstance(self.fields, list) or not self.fields:
            errors["fields"] = "请至少选择一个可读字段"
        elif self.resource_id:
            known = set(self.resource.fields.values_list("key", flat=True))
            unknown = [f for f in self.fields if f not in known]
            if unknown:
                errors["fields"] = f"资源“{self.resource.name}”没有这些字段：{'、'.join(map(str, unknown))}"
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = "失效日期不得早于生效日期"
        if errors:
            raise ValidationError(errors)

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.revoked_at is None and self.valid_from <= day
                and (self.valid_until is None or day <= self.valid_until))


class AccessLog(models.Model):
    """One read of a registry (allowed or refused). Rows are never changed nor deleted."""

    class Purpose(models.TextChoices):
        CASE = "case", "办件审查"
        PREFILL = "prefill", "申请表预填"
        MATERIAL = "material", "免提交材料核验"
        IDENTITY = "identity", "实名认证"

    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    actor_label = models.CharField("操作人（快照）", max_length=150)
    consumer = models.ForeignKey(Department, verbose_name="使用部门", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+", help_text="为空表示平台自身（实名认证）")
    consumer_label = models.CharField("使用部门（快照）", max_length=100)
    resource = models.ForeignKey(DataResource, verbose_name="数据资源", on_delete=models.PROTECT, related_name="+")
    subject_key = models.CharField("查询对象", max_length=18, db_index=True)
    fields = models.JSONField("查询字段", default=list)
    purpose = models.CharField("用途", max_length=20, choices=Purpose.choices)
    case_number = models.CharField("办件编号", max_length=64, blank=True, db_index=True)
    case_ref = models.CharField("办件标识", max_length=40, blank=True, db_index=True,
                                help_text="草稿阶段尚无办件编号时的办件标识")
    matter = models.ForeignKey(Matter, verbose_name="事项", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    matter_name = models.CharField("事项名称（快照）", max_length=200, blank=True)
    allowed = models.BooleanField("是否准许")
    found = models.BooleanField("查到记录", default=False)
    refusal = models.CharField("拒绝原因", max_length=300, blank=True)
    grant = models.ForeignKey(Grant, verbose_name="依据授权", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "数据访问日志"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["consumer", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.consumer_label} {mask_id_number(self.subject_key)}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("数据访问日志不可修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("数据访问日志不可删除")


# -- what the registries supply to applications ------------------------------------------------------

class Party(models.TextChoices):
    APPLICANT = "applicant", "申请人本人（公民身份号码）"
    ORGANISATION = "organisation", "申请单位（统一社会信用代码）"


class Scope(models.TextChoices):
    # A name like "营业执照" also matches "营业执照正、副本" that a 注销 applicant must hand in: by default a
    # rule only stands for materials the guide already marks 免提交.
    EXEMPT = "exempt", "仅标明“免提交”的材料"
    ANY = "any", "也替代申请人自备的材料"


class MaterialRule(models.Model):
    """免提交: a material whose name contains `name_contains` is taken from `resource`."""

    name_contains = models.CharField("材料名称包含", max_length=100, help_text="如“居民户口簿”“营业执照”")
    matter = models.ForeignKey(Matter, verbose_name="限定事项", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="+", help_text="留空则适用于所有事项")
    resource = models.ForeignKey(DataResource, verbose_name="数据资源", on_delete=models.PROTECT, related_name="+")
    party = models.CharField("查询对象", max_length=20, choices=Party.choices, default=Party.APPLICANT)
    fields = models.JSONField("核验字段", default=list, help_text="核验所需的字段标识")
    scope = models.CharField("适用材料", max_length=10, choices=Scope.choices, default=Scope.EXEMPT)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "免提交材料数据来源"
        ordering = ["name_contains"]

    def __str__(self):
        return f"{self.name_contains} ← {self.resource}"

    def clean(self):
        if self.resource_id:
            known = set(self.resource.fields.values_list("key", flat=True))
            unknown = [f for f in self.fields or [] if f not in known]
            if not self.fields or unknown:
                raise ValidationError({"fields": f"请填写资源“{self.resource.name}”中的字段标识"
                                                 + (f"（没有：{'、'.join(unknown)}）" if unknown else "")})

    def matches(self, material: Material, matter_id: int) -> bool:
        return (self.active and self.name_contains in material.name
                and self.matter_id in (None, matter_id)
                and (self.scope == Scope.ANY or material.source == MaterialSource.EXEMPT))


class PrefillRule(models.Model):
    """申请表预填: a form field with prefill hint `prefill` is answered from `resource.field`."""

    prefill = models.CharField("表单预填标识", max_length=60, unique=True,
                               help_text="表单字段的 prefill 值，如 organisation.legal_representative")
    resource = models.ForeignKey(DataResource, verbose_name="数据资源", on_delete=models.PROTECT, related_name="+")
    field = models.CharField("资源字段标识", max_length=50)
    party = models.CharField("查询对象", max_length=20, choices=Party.choices, default=Party.APPLICANT)

    class Meta:
        verbose_name = verbose_name_plural = "申请表预填规则"
        ordering = ["prefill"]

    def __str__(self):
        return f"{self.prefill} ← {self.resource}.{self.field}"

    def clean(self):
        if self.resource_id and not self.resource.fields.filter(key=self.field).exists():
            raise ValidationError({"field": f"资源“{self.resource.name}”没有字段 {self.field}"})


class MaterialEvidence(models.Model):
    """On the case: a 免提交 material checked against a registry (or why it could not be)."""

    case_ref = models.CharField("办件标识", max_length=40, db_index=True)
    material = models.ForeignKey(Material, verbose_name="材料", on_delete=models.PROTECT, related_name="+")
    resource = models.ForeignKey(DataResource, verbose_name="数据资源", on_delete=models.PROTECT, related_name="+")
    subject_key = models.CharField("查询对象", max_length=18, blank=True)
    satisfied = models.BooleanField("已由基础库核验")
    note = models.CharField("说明", max_length=300, blank=True)
    access = models.ForeignKey(AccessLog, verbose_name="数据访问记录", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "免提交材料核验记录"
        ordering = ["case_ref", "material__order"]
        constraints = [models.UniqueConstraint(fields=["case_ref", "material"], name="uniq_material_evidence")]

    def __str__(self):
        return f"{self.material} {'已核验' if self.satisfied else '未核验'}"


class PrefillSource(models.Model):
    """On the case: which answer of the form came from which registry field."""

    case_ref = models.CharField("办件标识", max_length=40, db_index=True)
    form_key = models.CharField("表单字段", max_length=50)
    form_label = models.CharField("表单字段名称", max_length=100)
    resource = models.ForeignKey(DataResource, verbose_name="数据资源", on_delete=models.PROTECT, related_name="+")
    field_name = models.CharField("资源字段名称", max_length=60)
    access = models.ForeignKey(AccessLog, verbose_name="数据访问记录", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "申请表预填来源"
        ordering = ["case_ref", "id"]
        constraints = [models.UniqueConstraint(fields=["case_ref", "form_key"], name="uniq_prefill_source")]

    def __str__(self):
        return f"{self.form_label} ← {self.resource}·{self.field_name}"
