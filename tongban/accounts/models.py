import re

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from tongban.core.validators import validate_credit_code, validate_id_number
from tongban.org.models import Department, Division


class AssuranceLevel(models.IntegerChoices):
    """How sure the platform is that the account belongs to the person it names (实名等级).

    Modelled on the levels of assurance of eIDAS (Regulation (EU) 910/2014 art. 8: low, substantial,
    high) as provincial 统一身份认证 platforms grade 实名: declared, matched against the population
    registry (公安人口库比对), checked face to face.
    """

    NONE = 0, "未实名认证"
    SELF_DECLARED = 1, "一级（本人填报）"
    REGISTRY_MATCHED = 2, "二级（人口库比对一致）"
    IN_PERSON = 3, "三级（窗口当面核验）"


class VerificationMethod(models.TextChoices):
    SELF_DECLARED = "self_declared", "本人填报身份信息"
    POPULATION_REGISTRY = "population_registry", "人口基础信息库比对"
    WINDOW_IN_PERSON = "window_in_person", "窗口当面核验身份证件"


# Which level a method reaches: the rule is data, one row per method.
METHOD_LEVEL = {
    VerificationMethod.SELF_DECLARED: AssuranceLevel.SELF_DECLARED,
    VerificationMethod.POPULATION_REGISTRY: AssuranceLevel.REGISTRY_MATCHED,
    VerificationMethod.WINDOW_IN_PERSON: AssuranceLevel.IN_PERSON,
}


class User(AbstractUser):
    """A person using the platform: applicant or staff. Roles come from StaffRole rows."""

    display_name = models.CharField("姓名", max_length=60, blank=True)
    phone = models.CharField("手机号", max_length=20, blank=True)
    # Bound to a verified identity by 实名认证 (issue: trust layer); shown masked outside the owner's pages.
    id_number = models.CharField("公民身份号码", max_length=18, blank=True, validators=[validate_id_number])
    # The highest level reached by a passed IdentityVerification of this id_number (kept by the service).
    identity_level = models.PositiveSmallIntegerField("实名等级", choices=AssuranceLevel.choices,
                                                      default=AssuranceLevel.NONE)
    identity_verified_at = models.DateTimeField("实名认证时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "用户"

    def __str__(self):
        return self.display_name or self.username


class IdentityVerification(models.Model):
    """One 实名认证 attempt: who claimed which identity, how it was checked, by whom, and the outcome."""

    user = models.ForeignKey(User, verbose_name="账户", on_delete=models.CASCADE, related_name="verifications")
    id_number = models.CharField("公民身份号码", max_length=18, validators=[validate_id_number])
    name = models.CharField("姓名", max_length=60)
    method = models.CharField("核验方式", max_length=30, choices=VerificationMethod.choices)
    level = models.PositiveSmallIntegerField("实名等级", choices=AssuranceLevel.choices)
    passed = models.BooleanField("核验通过", default=False)
    at = models.DateTimeField("核验时间", default=timezone.now, db_index=True)
    verified_by = models.ForeignKey(User, verbose_name="核验人员", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    # Where a window check happened (the clerk's 区划): a clerk's list shows only their divisions' checks.
    division = models.ForeignKey(Division, verbose_name="核验区划", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "实名认证记录"
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.name} {self.get_method_display()} {'通过' if self.passed else '未通过'}"


class Role(models.TextChoices):
    CLERK = "clerk", "综合窗口人员"
    APPROVER = "approver", "审批人员"
    SUPERVISOR = "supervisor", "督办人员"
    EDITOR = "editor", "事项管理员"
    HOTLINE = "hotline", "12345话务员"
    STEWARD = "steward", "数据专员"
    ADMIN = "admin", "平台管理员"


class StaffRole(models.Model):
    """A role held in a scope: a division, and optionally one department of it.

    department empty = every department of the division (e.g. a supervisor of the 政务服务管理局);
    include_subdivisions extends the scope to the divisions below (a city supervisor sees districts).
    """

    user = models.ForeignKey(User, verbose_name="用户", on_delete=models.CASCADE, related_name="staff_roles")
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    division = models.ForeignKey(Division, verbose_name="区划", on_delete=models.PROTECT)
    department = models.ForeignKey(Department, verbose_name="部门", null=True, blank=True, on_delete=models.PROTECT)
    include_subdivisions = models.BooleanField("含下级区划", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "岗位角色"
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "division", "department"], name="uniq_staff_role")
        ]

    def __str__(self):
        where = self.department.name if self.department_id else self.division.name
        return f"{self.user} · {self.get_role_display()} · {where}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.department_id and self.department.division_id != self.division_id:
            raise ValidationError({"department": "部门不属于所选区划"})


# -- organisations and their agents (法人账户与经办人授权) -------------------------------------------

class OrganisationKind(models.TextChoices):
    """服务对象 codes of the catalogue (docs/domain.md §2) that are organisations."""

    ENTERPRISE = "2", "企业法人"
    PUBLIC_INSTITUTION = "3", "事业法人"
    SOCIAL_ORGANISATION = "4", "社会组织法人"
    OTHER = "6", "其他组织"


class Organisation(models.Model):
    """An organisation account, identified by its 统一社会信用代码 (GB 32100). People act for it
    through AgentAuthorisation rows; the organisation itself never logs in."""

    class Source(models.TextChoices):
        LEGAL_ENTITY_REGISTRY = "legal_entity_registry", "法人基础信息库比对"
        WINDOW = "window", "窗口核验营业执照（登记证书）"
        ADMIN = "admin", "平台管理员登记"

    credit_code = models.CharField("统一社会信用代码", max_length=18, unique=True, validators=[validate_credit_code])
    name = models.CharField("名称", max_length=200)
    kind = models.CharField("类型", max_length=2, choices=OrganisationKind.choices, default=OrganisationKind.ENTERPRISE)
    legal_representative = models.CharField("法定代表人（负责人）", max_length=60, blank=True)
    source = models.CharField("核验来源", max_length=30, choices=Source.choices, default=Source.ADMIN)
    registered_at = models.DateTimeField("登记时间", default=timezone.now)
    registered_by = models.ForeignKey(User, verbose_name="登记人", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")
    is_active = models.BooleanField("有效", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "法人账户"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}（{self.credit_code}）"


MATTER_CODE_RE = re.compile(r"^\d{12}$")  # 基本编码 of a matter (docs/domain.md §2)


class AgentAuthorisation(models.Model):
    """经办人授权: a person account may act for an organisation, for some or all matters, until a date.

    The organisation's administrator (the legal representative or whom they made administrator)
    grants and revokes; revoked rows stay for the record.
    """

    class Kind(models.TextChoices):
        ADMINISTRATOR = "administrator", "单位管理员"
        AGENT = "agent", "经办人"

    organisation = models.ForeignKey(Organisation, verbose_name="法人", on_delete=models.CASCADE,
                                     related_name="authorisations")
    agent = models.ForeignKey(User, verbose_name="被授权人", on_delete=models.CASCADE, related_name="authorisations")
    kind = models.CharField("身份", max_length=20, choices=Kind.choices, default=Kind.AGENT)
    # 基本编码 of the matters the agent may apply for; empty = every matter.
    matter_codes = models.JSONField("授权事项（基本编码）", default=list, blank=True)
    valid_from = models.DateField("生效日期", default=timezone.localdate)
    valid_until = models.DateField("有效期至", null=True, blank=True)
    granted_at = models.DateTimeField("授权时间", default=timezone.now)
    granted_by = models.ForeignKey(User, verbose_name="授权人", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    revoked_at = models.DateTimeField("撤销时间", null=True, blank=True)
    revoked_by = models.ForeignKey(User, verbose_name="撤销人", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    revoke_reason = models.CharField("撤销原因", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "经办人授权"
        ordering = ["organisation", "-granted_at"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "agent"], condition=Q(revoked_at__isnull=True),
                                    name="uniq_open_authorisation"),
        ]

    def __str__(self):
        return f"{self.agent} · {self.get_kind_display()} · {self.organisation.name}"

    def clean(self):
        errors = {}
        if self.kind == self.Kind.AGENT and self.valid_until is None:
            errors["valid_until"] = "经办人授权须填写有效期"
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            errors["valid_until"] = "有效期不能早于生效日期"
        codes = self.matter_codes or []
        if not isinstance(codes, list) or any(not MATTER_CODE_RE.match(str(c)) for c in codes):
            errors["matter_codes"] = "授权事项应填写12位事项基本编码，多个用逗号分隔"
        if errors:
            raise ValidationError(errors)

    def is_current(self, on=None) -> bool:
        on = on or timezone.localdate()
        return (self.revoked_at is None and self.valid_from <= on
                and (self.valid_until is None or on <= self.valid_until))

    def covers(self, matter_code: str | None) -> bool:
        return not self.matter_codes or matter_code is None or matter_code in self.matter_codes

    @property
    def scope_label(self) -> str:
        return "全部事项" if not self.matter_codes else "、".join(self.matter_codes)
