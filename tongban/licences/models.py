"""E-licences (电子证照): department seals, licence types (data), licences with their history.

A licence is sealed once, when it is issued: the SM3 digest of its canonical data and an SM2 signature
by the issuing department's active seal are stored with it (sealing.py documents the formats).
Its status changes (注销) and versions (变更) leave the sealed content untouched: a change issues a
new version with a new identifier and seal, the old one is kept and marked superseded.

免证办: `LicenceMaterialRule` (data, edited in the admin) says that a material of a matter is
satisfied by a licence type the applicant holds; `MaterialLicenceCheck` records on the case what
the e-licence library answered (docs/decisions/0011).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from tongban.cases.models import Case
from tongban.catalog.codes import MaterialSource
from tongban.catalog.models import Material, Matter
from tongban.core.history import HistoryEvent
from tongban.core.validators import is_valid_credit_code, is_valid_id_number
from tongban.licences.identifiers import TYPE_CODE_RE
from tongban.org.models import Department
from tongban.registries.models import AccessLog


class SealStatus(models.TextChoices):
    ACTIVE = "active", "在用"
    RETIRED = "retired", "已停用（仅用于验证）"


class Seal(models.Model):
    """电子印章: one SM2 key pair of a department. Rotation makes a new active seal and retires the
    old one, which stays published so that the licences it sealed keep verifying."""

    department = models.ForeignKey(Department, verbose_name="部门", on_delete=models.PROTECT, related_name="seals")
    key_id = models.CharField("密钥标识", max_length=40, unique=True)
    name = models.CharField("印章名称", max_length=150)
    public_key = models.CharField("SM2公钥（04‖X‖Y）", max_length=130)
    # AES-256-GCM under TONGBAN_SEAL_KEY (keystore.py); never shown, never exported.
    private_key_encrypted = models.TextField("加密的私钥")
    status = models.CharField("状态", max_length=10, choices=SealStatus.choices, default=SealStatus.ACTIVE)
    valid_from = models.DateTimeField("启用时间")
    valid_until = models.DateTimeField("停用时间", null=True, blank=True,
                                       help_text="轮换后不再用于签章；此前签发的证照仍可验证")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "电子印章"
        ordering = ["department", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["department"], condition=Q(status="active"),
                                    name="one_active_seal_per_department"),
        ]

    def __str__(self):
        return f"{self.name}（{self.key_id}）"

    def covers(self, moment) -> bool:
        """Was this seal in service at `moment` (a signature made then is acceptable)?"""
        return self.valid_from <= moment and (self.valid_until is None or moment <= self.valid_until)


class HolderKind(models.TextChoices):
    PERSON = "person", "自然人"
    ORGANISATION = "organisation", "法人或其他组织"


class LicenceType(models.Model):
    """证照类型 as data: what a licence is called, who issues it, what it prints, how long it lasts."""

    code = models.CharField("证照类型代码", max_length=32, unique=True,
                            help_text="电子证照目录中的类型代码，2至32位大写字母或数字")
    name = models.CharField("证照名称", max_length=100)
    issuing_department = models.ForeignKey(
        Department, verbose_name="默认发证部门", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="由办件签发时，发证部门是作出决定的实施部门；此处用于办件以外的签发")
    result_names = models.JSONField("对应的办理结果名称", default=list, blank=True,
                                    help_text="事项“办理结果”中的名称，办件办结时据此签发本类证照")
    holder_kind = models.CharField("持证主体", max_length=20, choices=HolderKind.choices, blank=True,
                                   help_text="空：自然人和法人均可")
    # [{"key": "premises", "label": "经营场所", "from": ["premises", "org_address"]}]: each printed field
    # and the application-form keys it is taken from, first non-empty wins.
    fields = models.JSONField("模板字段", default=list, blank=True)
    validity_years = models.PositiveSmallIntegerField("有效期（年）", null=True, blank=True,
                                                      help_text="空：长期有效（办件登记了有效期的以其为准）")
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "证照类型"
        ordering = ["code"]

    def __str__(self):
        return self.name

    @property
    def validity_label(self) -> str:
        return f"{self.validity_years}年" if self.validity_years else "长期"

    def clean(self):
        errors = {}
        if not TYPE_CODE_RE.match(self.code or ""):
            errors["code"] = "证照类型代码应为2至32位大写字母或数字"
        if not isinstance(self.result_names, list) or not all(isinstance(n, str) and n.strip()
                                                              for n in self.result_names):
            errors["result_names"] = "对应的办理结果名称应为名称列表，如 [\"食品经营许可证\"]"
        problem = _fields_problem(self.fields)
        if problem:
            errors["fields"] = problem
        if errors:
            raise ValidationError(errors)


def _fields_problem(fields) -> str:
    if not isinstance(fields, list):
        return "模板字段应为列表"
    keys = set()
    for i, f in enumerate(fields, start=1):
        if not isinstance(f, dict) or not str(f.get("key", "")).strip() or not str(f.get("label", "")).strip():
            return f"模板字段第{i}项应写明 key 和 label"
        if f["key"] in keys:
            return f"模板字段 key “{f['key']}”重复"
        if not isinstance(f.get("from", []), list):
            return f"模板字段“{f['label']}”的 from 应为申请表字段名列表"
        keys.add(f["key"])
    return ""


class LicenceStatus(models.TextChoices):
    VALID = "valid", "有效"
    SUPERSEDED = "superseded", "已变更"
    REVOKED = "revoked", "已注销"


class IdType(models.TextChoices):
    ID_CARD = "id_card", "居民身份证"
    CREDIT_CODE = "credit_code", "统一社会信用代码"


class Licence(models.Model):
    identifier = models.CharField("证照标识", max_length=120, unique=True)
    licence_type = models.ForeignKey(LicenceType, verbose_name="证照类型", on_delete=models.PROTECT,
                                     related_name="licences")
    issuer = models.ForeignKey(Department, verbose_name="发证部门", on_delete=models.PROTECT, related_name="licences")
    serial = models.PositiveIntegerField("流水号")
    version = models.PositiveSmallIntegerField("版本号", default=1)
    number = models.CharField("证照编号", max_length=80, blank=True)

    holder_kind = models.CharField("持证主体类型", max_length=20, choices=HolderKind.choices)
    holder_name = models.CharField("持证主体", max_length=200)
    holder_id_type = models.CharField("证件类型", max_length=20, choices=IdType.choices)
    holder_id_number = models.CharField("证件号码", max_length=18, db_index=True)

    issued_on = models.DateField("发证日期")
    valid_until = models.DateField("有效期至", null=True, blank=True, help_text="空：长期有效")
    data = models.JSONField("证照信息", default=dict, blank=True)

    status = models.CharField("状态", max_length=12, choices=LicenceStatus.choices, default=LicenceStatus.VALID,
                              db_index=True)
    previous = models.OneToOneField("self", verbose_name="上一版本", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="next_version")
    case = models.ForeignKey(Case, verbose_name="来源办件", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="licences")

    seal = models.ForeignKey(Seal, verbose_name="签章印章", on_delete=models.PROTECT, related_name="licences")
    digest = models.CharField("SM3摘要", max_length=64)
    signature = models.CharField("SM2签名（r‖s）", max_length=128)
    sealed_at = models.DateTimeField("签章时间")
    revoked_at = models.DateTimeField("注销时间", null=True, blank=True)
    revoke_reason = models.CharField("注销原因", max_length=300, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "电子证照"
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["licence_type", "issuer", "serial", "version"],
                                    name="uniq_licence_serial_version"),
        ]

    def __str__(self):
        return f"{self.licence_type.name} {self.number or self.identifier}"

    @property
    def validity_label(self) -> str:
        return f"{self.valid_until:%Y-%m-%d}" if self.valid_until else "长期"

    def clean(self):
        errors = {}
        if self.holder_id_type == IdType.ID_CARD and not is_valid_id_number(self.holder_id_number):
            errors["holder_id_number"] = "持证人“公民身份号码”不正确（GB 11643 校验位不符或位数不对）"
        if self.holder_id_type == IdType.CREDIT_CODE and not is_valid_credit_code(self.holder_id_number):
            errors["holder_id_number"] = "持证单位“统一社会信用代码”不正确（GB 32100 校验位不符或位数不对）"
        if not (self.holder_name or "").strip():
            errors["holder_name"] = "请填写“持证主体”名称"
        if self.valid_until and self.issued_on and self.valid_until < self.issued_on:
            errors["valid_until"] = "“有效期至”不能早于“发证日期”"
        if self.status == LicenceStatus.REVOKED and not (self.revoke_reason or "").strip():
            errors["revoke_reason"] = "注销证照须写明“注销原因”"
        if errors:
            raise ValidationError(errors)


class LicenceEvent(HistoryEvent):
    """The licence's history: issued, changed (变更), revoked (注销). Append-only; the comment holds
    the reason."""

    class Action(models.TextChoices):
        ISSUE = "issue", "签发"
        CHANGE = "change", "变更"
        REVOKE = "revoke", "注销"

    licence = models.ForeignKey(Licence, verbose_name="证照", on_delete=models.CASCADE, related_name="events")
    action = models.CharField("操作", max_length=10, choices=Action.choices)

    class Meta:
        verbose_name = verbose_name_plural = "证照记录"
        ordering = ["licence", "at", "id"]


# -- 免证办: licences that stand for application materials -----------------------------------------

class RuleScope(models.TextChoices):
    # "营业执照正、副本" that a 注销 applicant must hand back contains "营业执照" too: by default a rule
    # only stands for materials the guide says a government body issued or that are 免提交.
    ISSUED = "issued", "仅“政府部门核发”或“免提交”的材料"
    ANY = "any", "也替代申请人自备的材料"


class LicenceMaterialRule(models.Model):
    """A material whose name contains `name_contains` (of `matter`, or of any matter) is satisfied by a
    valid licence of `licence_type` that the applicant holds — the person, or the organisation the
    agent acts for. Data: an administrator adds a pair without a code change."""

    name_contains = models.CharField("材料名称包含", max_length=100, help_text="如“营业执照”“出生医学证明”")
    matter = models.ForeignKey(Matter, verbose_name="限定事项", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="+", help_text="留空则适用于所有事项（慎用：如“抵押权人营业执照”不是申请人的证照）")
    licence_type = models.ForeignKey(LicenceType, verbose_name="证照类型", on_delete=models.PROTECT,
                                     related_name="material_rules")
    scope = models.CharField("适用材料", max_length=10, choices=RuleScope.choices, default=RuleScope.ISSUED)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "电子证照免提交规则"
        ordering = ["name_contains", "matter_id"]
        constraints = [models.UniqueConstraint(fields=["name_contains", "matter", "licence_type"],
                                               name="uniq_licence_material_rule")]

    def __str__(self):
        return f"{self.name_contains} ← {self.licence_type}"

    def clean(self):
        self.name_contains = (self.name_contains or "").strip()
        if len(self.name_contains) < 2:
            raise ValidationError({"name_contains": "请填写“材料名称包含”的文字（至少2个字），如“营业执照”"})

    def matches(self, material: Material, matter_id: int) -> bool:
        return (self.active and self.name_contains in material.name and self.matter_id in (None, matter_id)
                and (self.scope == RuleScope.ANY or material.source != MaterialSource.APPLICANT))


class MaterialLicenceCheck(models.Model):
    """On the case: a material checked against the applicant's e-licences, with the answer shown to
    the applicant and the clerk, the licence used and the access-log row of the read."""

    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="+")
    material = models.ForeignKey(Material, verbose_name="材料", on_delete=models.PROTECT, related_name="+")
    licence_type = models.ForeignKey(LicenceType, verbose_name="证照类型", on_delete=models.PROTECT, related_name="+")
    subject_key = models.CharField("持证主体证件号码", max_length=18, blank=True)
    licence = models.ForeignKey(Licence, verbose_name="核验的证照", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    satisfied = models.BooleanField("已由电子证照核验")
    note = models.CharField("说明", max_length=300, blank=True)
    access = models.ForeignKey(AccessLog, verbose_name="数据访问记录", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("核验时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "电子证照免提交核验记录"
        ordering = ["case", "material__order"]
        constraints = [models.UniqueConstraint(fields=["case", "material"], name="uniq_material_licence_check")]

    def __str__(self):
        return f"{self.material} {'已核验' if self.satisfied else '未核验'}"
