"""Admin of users and their roles (岗位角色), for platform admins only.

A platform admin who is not a superuser may manage staff and roles but cannot hand out
superuser status nor edit a superuser's account.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group

from tongban.accounts.models import StaffRole, User
from tongban.core.admin import PlatformAdminOnly

_ESCALATING = ("is_superuser",)

# Rights come from StaffRole rows (role × division × department), not from Django groups.
admin.site.unregister(Group)


class StaffRoleInline(PlatformAdminOnly, admin.TabularInline):
    model = StaffRole
    fk_name = "user"
    extra = 0
    autocomplete_fields = ("division", "department")


@admin.register(User)
class UserAdmin(PlatformAdminOnly, DjangoUserAdmin):
    list_display = ("username", "display_name", "phone", "is_staff", "is_active", "last_login")
    list_filter = ("is_staff", "is_active", "staff_roles__role")
    search_fields = ("username", "display_name", "phone", "email")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("个人信息", {"fields": ("display_name", "phone", "email")}),
        ("权限", {"fields": ("is_active", "is_staff", "is_superuser"),
                "description": "岗位角色（事项管理员、审批人员等）及其区划、部门范围在下方“岗位角色”中设置。"}),
        ("重要日期", {"fields": ("last_login", "date_joined")}),
    )
    inlines = [StaffRoleInline]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(is_superuser=False)

    def get_readonly_fields(self, request, obj=None):
        readonly = ("last_login", "date_joined")
        return readonly if request.user.is_superuser else readonly + _ESCALATING


@admin.register(StaffRole)
class StaffRoleAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("user", "role", "division", "department", "include_subdivisions")
    list_filter = ("role", "division__level")
    search_fields = ("user__username", "user__display_name", "department__name", "division__name")
    autocomplete_fields = ("user", "division", "department")
    list_select_related = ("user", "division", "department")

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.exclude(user__is_superuser=True)
