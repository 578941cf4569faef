"""Admin of the administrative structure, for platform admins (平台管理员) only."""

from django.contrib import admin

from tongban.core.admin import PlatformAdminOnly
from tongban.org.models import Department, Division, ServiceSite, Window


@admin.register(Division)
class DivisionAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent", "kind")
    list_filter = ("level",)
    search_fields = ("code", "name")
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)


@admin.register(Department)
class DepartmentAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("name", "division", "sector", "credit_code", "phone", "order")
    list_filter = ("division__level", "sector")
    search_fields = ("name", "short_name", "credit_code", "division__name")
    autocomplete_fields = ("division",)
    list_select_related = ("division",)


class WindowInline(admin.TabularInline):
    model = Window
    extra = 0
    filter_horizontal = ("departments",)


@admin.register(ServiceSite)
class ServiceSiteAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("name", "kind", "division", "address", "hours", "phone")
    list_filter = ("kind", "division__level")
    search_fields = ("name", "address", "division__name")
    autocomplete_fields = ("division",)
    list_select_related = ("division",)
    inlines = [WindowInline]


@admin.register(Window)
class WindowAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("site", "number", "name", "kind")
    list_filter = ("kind", "site")
    search_fields = ("name", "number", "site__name")
    filter_horizontal = ("departments",)
    list_select_related = ("site",)
