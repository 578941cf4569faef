"""Admin: licence types and 免证办 rules are data an administrator edits; seals and licences change only
through the services (audited) — seals by the 轮换 action, licences by 变更/注销 — so their pages are
read-only, like the checks recorded on cases."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError

from tongban.core.admin import PlatformAdminOnly
from tongban.core.services import audit
from tongban.licences.models import (
    Licence,
    LicenceEvent,
    LicenceMaterialRule,
    LicenceType,
    MaterialLicenceCheck,
    Seal,
)
from tongban.licences.services.seals import rotate_seal


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LicenceType)
class LicenceTypeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "issuing_department", "holder_kind", "validity_label", "active")
    list_filter = ("active", "holder_kind")
    search_fields = ("code", "name")

    @admin.display(description="有效期")
    def validity_label(self, obj):
        return obj.validity_label

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit(request.user, "licences.type.update" if change else "licences.type.create", obj,
              f"{'修改' if change else '新增'}证照类型 {obj.code} {obj.name}", object_id=obj.code)


@admin.register(Seal)
class SealAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("name", "key_id", "department", "status", "valid_from", "valid_until")
    list_filter = ("status",)
    search_fields = ("key_id", "department__name")
    exclude = ("private_key_encrypted",)
    actions = ["rotate"]

    @admin.action(description="轮换所选部门的电子印章（旧印章保留用于验证）")
    def rotate(self, request, queryset):
        done = set()
        for seal in queryset.select_related("department"):
            if seal.department_id in done:
                continue
            try:
                new = rotate_seal(request.user, seal.department, reason="管理员在后台轮换")
            except (PermissionDenied, ValidationError) as exc:
                self.message_user(request, f"{seal.department.name}：{exc}", messages.ERROR)
                continue
            done.add(seal.department_id)
            self.message_user(request, f"{seal.department.name} 已启用新印章 {new.key_id}")


class LicenceEventInline(ReadOnlyMixin, admin.TabularInline):
    model = LicenceEvent
    extra = 0
    fields = ("at", "action", "actor_label", "comment")
    readonly_fields = fields


@admin.register(Licence)
class LicenceAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("number", "licence_type", "holder_name", "issuer", "issued_on", "valid_until", "status")
    list_filter = ("status", "licence_type")
    search_fields = ("identifier", "number", "holder_name")
    date_hierarchy = "issued_on"
    inlines = [LicenceEventInline]


@admin.register(LicenceMaterialRule)
class LicenceMaterialRuleAdmin(PlatformAdminOnly, admin.ModelAdmin):
    """免证办 as data: "this material (of this matter) is satisfied by this licence type"."""

    list_display = ("name_contains", "licence_type", "matter", "scope", "active")
    list_filter = ("active", "scope", "licence_type")
    search_fields = ("name_contains", "matter__name", "licence_type__name")
    fields = ("name_contains", "matter", "licence_type", "scope", "active")
    raw_id_fields = ("matter",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("licence_type", "matter")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit(request.user, "licences.material_rule.update" if change else "licences.material_rule.create", obj,
              f"{'修改' if change else '新增'}电子证照免提交规则：材料“{obj.name_contains}”由“{obj.licence_type.name}”核验"
              f"（{obj.matter.name if obj.matter_id else '所有事项'}）",
              {"licence_type": obj.licence_type.code, "matter": obj.matter.basic_code if obj.matter_id else None,
               "scope": obj.scope, "active": obj.active})

    def delete_model(self, request, obj):
        audit(request.user, "licences.material_rule.delete", obj, f"删除电子证照免提交规则：{obj}")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(MaterialLicenceCheck)
class MaterialLicenceCheckAdmin(ReadOnlyMixin, PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("at", "case", "material", "licence_type", "satisfied", "note")
    list_filter = ("satisfied", "licence_type")
    search_fields = ("case__number", "note")
    fields = ("at", "case", "material", "licence_type", "licence", "satisfied", "note", "access")
    readonly_fields = fields
