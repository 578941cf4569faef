"""Admin of users and their roles (岗位角色), for platform admins only.

A platform admin who is not a superuser may manage staff and roles but cannot hand out
superuser status nor edit a superuser's account.
"""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group

from tongban.accounts.forms import AdminLoginForm
from tongban.accounts.models import AgentAuthorisation, IdentityVerification, Organisation, StaffRole, User
from tongban.accounts.second_factor import reset_second_factor
from tongban.core.admin import PlatformAdminOnly
from tongban.core.masking import mask_id_number, mask_phone

_ESCALATING = ("is_superuser",)

admin.site.login_form = AdminLoginForm  # an over-long user name: a form error, not a 500

# Rights come from StaffRole rows (role × division × department), not from Django groups.
admin.site.unregister(Group)


class StaffRoleInline(PlatformAdminOnly, admin.TabularInline):
    model = StaffRole
    fk_name = "user"
    extra = 0
    autocomplete_fields = ("division", "department")


class IdentityVerificationInline(PlatformAdminOnly, admin.TabularInline):
    """The account's 实名认证 history; written only by the verification service, never by hand."""

    model = IdentityVerification
    fk_name = "user"
    extra = 0
    can_delete = False
    fields = ("at", "method", "level", "passed", "masked_id_number", "name", "verified_by", "division", "note")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="公民身份号码")
    def masked_id_number(self, obj):
        return mask_id_number(obj.id_number)


@admin.register(User)
class UserAdmin(PlatformAdminOnly, DjangoUserAdmin):
    list_display = ("username", "display_name", "masked_phone", "identity_level", "is_staff", "is_active",
                    "last_login")
    list_filter = ("is_staff", "is_active", "identity_level", "staff_roles__role")
    search_fields = ("username", "display_name", "phone", "email", "id_number")
    actions = ["reset_second_factor"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("个人信息", {"fields": ("display_name", "phone", "email")}),
        ("实名认证", {"fields": ("masked_id_number", "identity_level", "identity_verified_at"),
                  "description": "实名认证只能由本人在“我的账户”中核验，或由综合窗口当面核验后记录，此处只读。"}),
        ("权限", {"fields": ("is_active", "is_staff", "is_superuser"),
                "description": "岗位角色（事项管理员、审批人员等）及其区划、部门范围在下方“岗位角色”中设置。"}),
        ("重要日期", {"fields": ("last_login", "date_joined")}),
    )
    inlines = [StaffRoleInline, IdentityVerificationInline]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(is_superuser=False)

    def get_readonly_fields(self, request, obj=None):
        readonly = ("last_login", "date_joined", "masked_id_number", "identity_level", "identity_verified_at")
        return readonly if request.user.is_superuser else readonly + _ESCALATING

    @admin.display(description="手机号")
    def masked_phone(self, obj):
        return mask_phone(obj.phone)

    @admin.display(description="公民身份号码")
    def masked_id_number(self, obj):
        return mask_id_number(obj.id_number)

    @admin.action(description="重置双因素认证（手机丢失时；下次登录重新绑定）")
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            reset_second_factor(request.user, user)
        messages.success(request, f"已重置 {queryset.count()} 个账号的双因素认证。")


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


class AgentAuthorisationInline(PlatformAdminOnly, admin.TabularInline):
    model = AgentAuthorisation
    fk_name = "organisation"
    extra = 0
    can_delete = False
    fields = ("agent", "kind", "matter_codes", "valid_from", "valid_until", "granted_by", "granted_at",
              "revoked_at", "revoke_reason")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False  # granted by the organisation's administrator in 我的账户, audited by the service


@admin.register(Organisation)
class OrganisationAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("name", "credit_code", "kind", "legal_representative", "source", "is_active")
    list_filter = ("kind", "source", "is_active")
    search_fields = ("name", "credit_code")
    readonly_fields = ("credit_code", "registered_at", "registered_by", "source")
    inlines = [AgentAuthorisationInline]

    # Registered and changed through tongban.accounts.organisations (audited); the admin only reads.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
