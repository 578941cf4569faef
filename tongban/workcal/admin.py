"""Admin of the working-day calendar (工作日历), for platform admins.

- 工作日历: single days fixed by hand (wins over the built-in schedule);
- 工作日历年份: which years are confirmed, and the page to enter a whole year's schedule as the
  State Council publishes it (放假 ranges and 调休上班 days).
Every save goes through tongban.workcal.services, which audits it.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from tongban.core.admin import PlatformAdminOnly
from tongban.workcal import services
from tongban.workcal.models import CalendarDay, CalendarYear
from tongban.workcal.schedule import parse_holidays, parse_workdays, schedule_text
from tongban.workcal.selectors import WEEKDAYS, year_status


def _report(request, exc: Exception) -> None:
    if isinstance(exc, ValidationError):
        for message in dict.fromkeys(exc.messages):
            messages.error(request, message)
    else:
        messages.error(request, str(exc) or "您无权执行该操作")


@admin.register(CalendarDay)
class CalendarDayAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("date", "weekday", "is_working_day", "name", "note", "updated_at")
    list_filter = ("is_working_day",)
    search_fields = ("name", "note")
    date_hierarchy = "date"
    list_per_page = 100
    fields = ("date", "is_working_day", "name", "note")

    def get_readonly_fields(self, request, obj=None):
        # Moving a row to another date would silently drop the first day's setting: add a new one instead.
        return ("date",) if obj is not None else ()

    @admin.display(description="星期")
    def weekday(self, obj):
        return "周" + WEEKDAYS[obj.date.weekday()]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (ValidationError, PermissionDenied) as exc:
            _report(request, exc)
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        row = services.set_day(request.user, day=obj.date, is_working_day=obj.is_working_day,
                               name=obj.name, note=obj.note)
        obj.pk = row.pk

    def delete_model(self, request, obj):
        services.remove_day(request.user, obj)

    def delete_queryset(self, request, queryset):
        for row in queryset:
            services.remove_day(request.user, row)


class EnterYearForm(forms.Form):
    year = forms.IntegerField(label="年份", min_value=1949, max_value=2100)
    holidays = forms.CharField(
        label="放假安排", widget=forms.Textarea(attrs={"rows": 9, "cols": 60}),
        help_text="每行一段：名称 开始日期 至 结束日期，如“春节 2月6日至2月12日”或“国庆节 2027-10-01 至 2027-10-07”。")
    workdays = forms.CharField(
        label="调休上班日", required=False, widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        help_text="每行一个或多个周末上班日期及所属节日，如“2月14日 春节”“9月26日、10月9日 国庆节”。")
    note = forms.CharField(label="依据", max_length=200, required=False,
                           help_text="如“国务院办公厅关于2027年部分节假日安排的通知”")
    replace = forms.BooleanField(label="替换该年已有的逐日设置", required=False, initial=True)
    confirm = forms.BooleanField(label="确认该年安排已全部录入（未确认的年份不能用于计算办理时限）",
                                 required=False, initial=True)

    def clean(self):
        data = super().clean()
        year = data.get("year")
        if year is None:
            return data
        for field, parse in (("holidays", parse_holidays), ("workdays", parse_workdays)):
            try:
                data[field] = parse(data.get(field, ""), year)
            except ValidationError as exc:
                self.add_error(field, exc)
        return data


@admin.register(CalendarYear)
class CalendarYearAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("year", "builtin", "confirmed", "entered_days", "note", "confirmed_by", "confirmed_at")
    fields = ("year", "confirmed", "note", "confirmed_by", "confirmed_at")
    actions = ["confirm_years", "unconfirm_years"]
    change_list_template = "workcal/admin/calendaryear_change_list.html"

    def get_readonly_fields(self, request, obj=None):
        return ("year", "confirmed_by", "confirmed_at") if obj is not None else ("confirmed_by", "confirmed_at")

    @admin.display(description="内置节假日数据", boolean=True)
    def builtin(self, obj):
        return year_status(obj.year)["builtin"]

    @admin.display(description="已录入的逐日设置")
    def entered_days(self, obj):
        return CalendarDay.objects.filter(date__year=obj.year).count()

    def get_urls(self):
        return [path("enter/", self.admin_site.admin_view(self.enter_year_view), name="workcal_enter_year"),
                *super().get_urls()]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (ValidationError, PermissionDenied) as exc:
            _report(request, exc)
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        row = services.set_year_confirmed(request.user, year=obj.year, confirmed=obj.confirmed, note=obj.note)
        obj.pk = row.pk

    @admin.action(description="确认所选年份的节假日安排已全部录入")
    def confirm_years(self, request, queryset):
        for row in queryset:
            services.set_year_confirmed(request.user, year=row.year, confirmed=True)
        messages.success(request, f"已确认 {queryset.count()} 个年份")

    @admin.action(description="撤销确认（该年将不能用于计算办理时限）")
    def unconfirm_years(self, request, queryset):
        for row in queryset:
            services.set_year_confirmed(request.user, year=row.year, confirmed=False)
        messages.success(request, f"已撤销 {queryset.count()} 个年份的确认")

    def enter_year_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            form = EnterYearForm(request.POST)
            if form.is_valid():
                data = form.cleaned_data
                try:
                    summary = services.enter_year_schedule(
                        request.user, year=data["year"], holidays=data["holidays"], workdays=data["workdays"],
                        replace=data["replace"], confirm=data["confirm"], note=data["note"])
                except ValidationError as exc:
                    for message in dict.fromkeys(exc.messages):
                        form.add_error(None, message)
                else:
                    messages.success(request, f"已录入{summary['year']}年节假日安排：放假{summary['holidays']}天，"
                                              f"调休上班{summary['workdays']}天。")
                    url = reverse("admin:workcal_calendarday_changelist") + f"?date__year={summary['year']}"
                    return HttpResponseRedirect(url)
        else:
            year = _int(request.GET.get("year")) or timezone.localdate().year + 1
            holidays, workdays = schedule_text(year)
            form = EnterYearForm(initial={"year": year, "holidays": holidays, "workdays": workdays,
                                          "replace": True, "confirm": True})
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "form": form,
                   "title": "录入全年节假日安排"}
        return TemplateResponse(request, "workcal/admin/enter_year.html", context)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
