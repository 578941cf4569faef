"""The working-day calendar (工作日历) as data an administrator can extend.

行政许可法 §82 counts its time limits in 工作日: weekends and statutory holidays are skipped, the
weekend days the State Council declares as make-up working days (调休) are counted. The built-in
schedule comes from the `chinese_calendar` package (国务院办公厅 notices it knows); rows here
correct it and are the only source for years it does not know.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


class CalendarDay(models.Model):
    """One day whose status an administrator fixed; wins over the built-in schedule."""

    date = models.DateField("日期", unique=True)
    is_working_day = models.BooleanField("是否工作日", help_text="勾选表示当天上班（含周末调休上班）；不勾选表示放假")
    name = models.CharField("名称", max_length=40, blank=True, help_text="如“春节”“国庆节调休上班”")
    note = models.CharField("备注", max_length=200, blank=True, help_text="如依据的国务院办公厅通知文号")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True, db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = "工作日历"
        ordering = ["date"]

    def __str__(self):
        kind = "上班" if self.is_working_day else "放假"
        return f"{self.date:%Y-%m-%d} {self.name or kind}（{kind}）"


class CalendarYear(models.Model):
    """An administrator's statement that a year's holiday schedule has been entered in full.

    Without it (and without built-in data) the year is unknown, and deadlines in it are refused
    rather than silently counted as Monday–Friday.
    """

    year = models.PositiveSmallIntegerField("年份", unique=True)
    confirmed = models.BooleanField("已确认", default=False,
                                    help_text="确认该年全部法定节假日和调休安排均已录入后勾选")
    note = models.CharField("依据", max_length=200, blank=True, help_text="如“国办发明电〔2026〕×号”")
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="确认人", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True, db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = "工作日历年份"
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year}年（{'已确认' if self.confirmed else '未确认'}）"

    def clean(self):
        if self.year is not None and not 1949 <= self.year <= 2100:
            raise ValidationError({"year": "年份应在1949至2100之间"})
