"""The portal's own data: what the home page puts forward. Everything else it shows is read from the
catalogue."""

from django.core.exceptions import ValidationError
from django.db import models


class FeaturedMatter(models.Model):
    """One line of the home page's 热门事项, kept by the platform's administrators.

    Provincial portals curate their high-frequency list (高频事项) by hand; until case statistics
    exist there is no usage figure to rank by, and "implemented in most places" favours village
    matters. The matter is named by its standard name, which is the same at every level (四级十同),
    so the list survives re-imports of the catalogue; the home page links the entry of the highest
    level. Names that match no published matter are skipped.
    """

    name = models.CharField("事项名称", max_length=200, unique=True,
                            help_text="事项的标准名称，与事项目录完全一致，如“社会保障卡申领”")
    order = models.PositiveSmallIntegerField("顺序", default=0, help_text="数字小的排在前面")
    enabled = models.BooleanField("启用", default=True)
    note = models.CharField("说明", max_length=200, blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "热门事项"
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        self.name = (self.name or "").strip()
        if not self.name:
            raise ValidationError({"name": "事项名称不能为空"})
