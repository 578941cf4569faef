"""Themes (主题, "一件事"): several matters of several departments bundled around one life or business event.

Everything about a theme is data an editor maintains: its members (implementation entries of the
catalogue), the situational questions (情形引导), the rules that pick members and materials from the
answers (conditions as JSON, see themes/conditions.py), dependencies between members, and alias tables
for fields and materials that several members ask under different names. A theme is edited while it
is a draft and offered once published; a joint case keeps the definition snapshot it was filed under
(CaseBundle.definition), so revising a theme never changes an application under way.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from tongban.catalog.models import Category, Implementation
from tongban.org.models import Department, Division, Window


class ThemeStatus(models.TextChoices):
    DRAFT = "draft", "草稿（修订中）"
    PUBLISHED = "published", "已发布"
    RETIRED = "retired", "已停用"


class ServiceObject(models.TextChoices):
    PERSON = "person", "个人"
    ORGANISATION = "organisation", "法人"


class ImmutableThemeError(ValidationError):
    pass


class Theme(models.Model):
    code = models.SlugField("主题代码", max_length=60, unique=True,
                            help_text="英文字母、数字和连字符，用于网址，如 newborn")
    name = models.CharField("主题名称", max_length=100)
    division = models.ForeignKey(Division, verbose_name="提供区划", on_delete=models.PROTECT, related_name="+")
    service_object = models.CharField("服务对象", max_length=20, choices=ServiceObject.choices)
    lead_department = models.ForeignKey(Department, verbose_name="牵头部门", on_delete=models.PROTECT,
                                        related_name="led_themes")
    handout_window = models.ForeignKey(Window, verbose_name="统一出件窗口", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="+",
                                       help_text="综合出件窗口：全部结果在此一次领取")
    promised_days = models.PositiveIntegerField("承诺办结时限（工作日）",
                                                help_text="以主题整体办理的承诺时限，从联办件受理次日起计算")
    visits = models.PositiveSmallIntegerField("到现场次数", default=0,
                                              help_text="以主题整体办理时申请人到办事现场的次数（邮寄送达为0）")
    steps = models.JSONField("主题办理环节", default=list, blank=True,
                             help_text='环节名称列表，如 ["一次申请", "一窗受理", "并联审批", "统一出件"]')
    summary = models.TextField("主题简介", blank=True)
    category = models.ForeignKey(Category, verbose_name="人生阶段/经营周期", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    keywords = models.CharField("搜索关键词", max_length=200, blank=True, help_text="口语化说法，如“生孩子 上户口”")
    # [["baby_name", "medical.insured_name"], …]: each group is asked once; an entry is "key" (that
    # key in any member) or "member.key". The first entry names the merged field.
    field_aliases = models.JSONField("字段对照表", default=list, blank=True)
    # [["新生儿父母居民身份证", "hukou.父母双方居民身份证"], …]: each group is one upload.
    material_aliases = models.JSONField("材料对照表", default=list, blank=True)

    status = models.CharField("状态", max_length=20, choices=ThemeStatus.choices, default=ThemeStatus.DRAFT,
                              db_index=True)
    version = models.PositiveIntegerField("版本号", default=0, help_text="每次发布加一")
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发布人", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "一件事主题"
        ordering = ["code"]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        # The guide page (情形引导 and the reduction report) lives at this path; its view is the portal's.
        return f"/themes/{self.code}/"

    @property
    def is_editable(self) -> bool:
        return self.status == ThemeStatus.DRAFT


class _ThemePart(models.Model):
    """A part of a theme; changed only while the theme is a draft (cases keep a snapshot anyway)."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE)
    order = models.PositiveSmallIntegerField("顺序", default=1)

    class Meta:
        abstract = True
        ordering = ["theme", "order", "id"]

    def _guard(self):
        if Theme.objects.filter(pk=self.theme_id).exclude(status=ThemeStatus.DRAFT).exists():
            raise ImmutableThemeError("已发布的主题不可修改，请先“撤回修订”")

    def save(self, *args, **kwargs):
        self._guard()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._guard()
        return super().delete(*args, **kwargs)


class MemberMode(models.TextChoices):
    ALWAYS = "always", "必办"
    RULE = "rule", "按情形办理（由规则选入）"
    OPTIONAL = "optional", "可选（申请人勾选）"


class ThemeMember(_ThemePart):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="members")
    code = models.SlugField("成员代码", max_length=40, help_text="规则和对照表中引用，如 hukou")
    implementation = models.ForeignKey(Implementation, verbose_name="实施清单", on_delete=models.PROTECT,
                                       related_name="+")
    mode = models.CharField("办理方式", max_length=20, choices=MemberMode.choices, default=MemberMode.ALWAYS)
    preselected = models.BooleanField("默认勾选", default=True, help_text="可选事项是否默认勾选")
    # Answers the theme gives on the applicant's behalf, e.g. {"insured_category": "新生儿"}.
    fixed_answers = models.JSONField("主题预设答案", default=dict, blank=True)
    note = models.CharField("说明", max_length=300, blank=True)

    class Meta(_ThemePart.Meta):
        verbose_name = verbose_name_plural = "主题事项"
        constraints = [models.UniqueConstraint(fields=["theme", "code"], name="uniq_theme_member_code")]

    def __str__(self):
        return f"{self.code}：{self.implementation.matter.name}" if self.implementation_id else self.code


class QuestionKind(models.TextChoices):
    YES_NO = "yes_no", "是/否"
    CHOICE = "choice", "单项选择"
    NUMBER = "number", "数字"


class ThemeQuestion(_ThemePart):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField("问题代码", max_length=40, help_text="规则中以 q 引用，如 area")
    kind = models.CharField("题型", max_length=20, choices=QuestionKind.choices)
    text = models.CharField("问题", max_length=200)
    help = models.TextField("说明", blank=True)
    options = models.JSONField("选项", default=list, blank=True,
                               help_text='单项选择题：[{"value": "company", "label": "公司"}]')
    minimum = models.DecimalField("最小值", max_digits=12, decimal_places=2, null=True, blank=True)
    maximum = models.DecimalField("最大值", max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField("单位", max_length=20, blank=True)
    required = models.BooleanField("必答", default=True)
    default = models.JSONField("典型答案", null=True, blank=True,
                               help_text="减环节减材料对比报告按典型情形计算时使用")

    class Meta(_ThemePart.Meta):
        verbose_name = verbose_name_plural = "情形引导问题"
        constraints = [models.UniqueConstraint(fields=["theme", "key"], name="uniq_theme_question_key")]

    def __str__(self):
        return self.text


class RuleEffect(models.TextChoices):
    INCLUDE = "include", "选入事项"
    EXCLUDE = "exclude", "排除事项"
    WAIVE = "waive", "免提交材料"
    REQUIRE = "require", "须提交材料"


class ThemeRule(_ThemePart):
    """When `condition` holds for the answers, apply `effect` to `member` (and its named materials)."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="rules")
    condition = models.JSONField("条件", help_text='如 {"q": "area", "op": "gt", "value": 300}；'
                                                  '可组合 {"all": [...]}、{"any": [...]}、{"not": {...}}')
    effect = models.CharField("效果", max_length=20, choices=RuleEffect.choices)
    member = models.ForeignKey(ThemeMember, verbose_name="事项", on_delete=models.CASCADE, related_name="+")
    materials = models.JSONField("材料名称", default=list, blank=True, help_text="免提交/须提交的材料名称列表")
    note = models.CharField("依据或说明", max_length=300, blank=True)

    class Meta(_ThemePart.Meta):
        verbose_name = verbose_name_plural = "情形规则"

    def __str__(self):
        return f"{self.get_effect_display()} {self.member.code}"


class ThemeDependency(_ThemePart):
    """`member` needs the result of `requires` (e.g. 食品经营许可 needs the 营业执照)."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="dependencies")
    member = models.ForeignKey(ThemeMember, verbose_name="后置事项", on_delete=models.CASCADE, related_name="+")
    requires = models.ForeignKey(ThemeMember, verbose_name="前置事项", on_delete=models.CASCADE, related_name="+")
    # {"operator_credit_code": "result_number"}: fields of `member` filled from the prerequisite's result.
    fills = models.JSONField("由前置结果填写的字段", default=dict, blank=True)
    provides_materials = models.JSONField("前置结果替代的材料", default=list, blank=True,
                                          help_text="后置事项中由前置结果提供、无需上传的材料名称")
    note = models.CharField("说明", max_length=300, blank=True)

    class Meta(_ThemePart.Meta):
        verbose_name = verbose_name_plural = "前后置关系"

    def __str__(self):
        return f"{self.member.code} ← {self.requires.code}"
