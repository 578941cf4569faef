"""Administrative structure: divisions (四级), departments, service sites and windows."""

from django.core.exceptions import ValidationError
from django.db import models

from tongban.core.validators import validate_credit_code, validate_division_code


class Level(models.IntegerChoices):
    """行使层级 (GB/T 39046 n1)."""

    NATIONAL = 1, "国家级"
    PROVINCE = 2, "省级"
    CITY = 3, "市级"
    COUNTY = 4, "县级"
    TOWN = 5, "镇（乡、街道）级"
    VILLAGE = 6, "村（社区）级"


class Division(models.Model):
    code = models.CharField("区划代码", max_length=12, unique=True, validators=[validate_division_code])
    name = models.CharField("名称", max_length=60)
    level = models.PositiveSmallIntegerField("层级", choices=Level.choices, db_index=True)
    parent = models.ForeignKey("self", verbose_name="上级区划", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    kind = models.CharField("类别", max_length=20, blank=True, help_text="市辖区、县、镇、街道、村、社区等")

    class Meta:
        verbose_name = verbose_name_plural = "行政区划"
        ordering = ["code"]

    def __str__(self):
        return self.name

    def clean(self):
        # GB/T 2260: city and county carry 6-digit codes; towns and villages 12-digit statistical codes.
        if self.level in (Level.CITY, Level.COUNTY, Level.PROVINCE) and len(self.code) != 6:
            raise ValidationError({"code": "市、县级区划代码应为6位"})
        if self.level in (Level.TOWN, Level.VILLAGE) and len(self.code) != 12:
            raise ValidationError({"code": "乡镇、村级区划代码应为12位统计用区划代码"})
        if self.parent_id and self.parent.level >= self.level:
            raise ValidationError({"parent": "上级区划的层级应高于本区划"})

    @property
    def full_name(self) -> str:
        names, node = [], self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return "".join(reversed(names))

    def ancestor_ids(self) -> list[int]:
        ids, node = [], self.parent
        while node is not None:
            ids.append(node.pk)
            node = node.parent
        return ids


class Department(models.Model):
    division = models.ForeignKey(Division, verbose_name="所属区划", on_delete=models.PROTECT,
                                 related_name="departments")
    name = models.CharField("部门名称", max_length=100)
    short_name = models.CharField("简称", max_length=40, blank=True)
    credit_code = models.CharField("统一社会信用代码", max_length=18, unique=True,
                                   validators=[validate_credit_code])
    # The same kind of department at each level (市场监管, 公安, 卫健 …) shares a sector code,
    # which is how a matter finds its implementing body at a lower level.
    sector = models.CharField("条线", max_length=40, db_index=True)
    address = models.CharField("地址", max_length=200, blank=True)
    phone = models.CharField("咨询电话", max_length=40, blank=True)
    supervise_phone = models.CharField("监督电话", max_length=40, blank=True)
    order = models.PositiveIntegerField("排序", default=100)

    class Meta:
        verbose_name = verbose_name_plural = "部门"
        ordering = ["division__code", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["division", "name"], name="uniq_department_name_in_division")]

    def __str__(self):
        return self.name

    @property
    def level(self) -> int:
        return self.division.level


class ServiceSite(models.Model):
    class Kind(models.TextChoices):
        CENTER = "center", "政务服务中心"
        TOWN = "town", "便民服务中心"
        VILLAGE = "village", "便民服务站"

    division = models.ForeignKey(Division, verbose_name="所属区划", on_delete=models.PROTECT, related_name="sites")
    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    address = models.CharField("地址", max_length=200)
    hours = models.CharField("办公时间", max_length=200)
    phone = models.CharField("咨询电话", max_length=40)
    longitude = models.DecimalField("经度", max_digits=9, decimal_places=6, null=True, blank=True)
    latitude = models.DecimalField("纬度", max_digits=9, decimal_places=6, null=True, blank=True)
    traffic = models.CharField("交通指引", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "服务场所"
        ordering = ["division__code", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.longitude is not None and not (73 <= self.longitude <= 136):
            raise ValidationError({"longitude": "经度应在中国境内（73–136）"})
        if self.latitude is not None and not (3 <= self.latitude <= 54):
            raise ValidationError({"latitude": "纬度应在中国境内（3–54）"})


class Window(models.Model):
    class Kind(models.TextChoices):
        COMPREHENSIVE = "comprehensive", "综合受理窗口"
        SPECIAL = "special", "专业窗口"
        PICKUP = "pickup", "综合出件窗口"
        HELP = "help", "帮办代办窗口"
        COMPLAINT = "complaint", "“办不成事”反映窗口"

    site = models.ForeignKey(ServiceSite, verbose_name="服务场所", on_delete=models.CASCADE, related_name="windows")
    number = models.CharField("窗口号", max_length=20)
    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.COMPREHENSIVE)
    departments = models.ManyToManyField(Department, verbose_name="进驻部门", blank=True, related_name="windows")

    class Meta:
        verbose_name = verbose_name_plural = "窗口"
        ordering = ["site", "number"]
        constraints = [models.UniqueConstraint(fields=["site", "number"], name="uniq_window_number_in_site")]

    def __str__(self):
        return f"{self.site.name} {self.number}号窗口 {self.name}"
