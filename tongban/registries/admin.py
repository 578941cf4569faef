"""Admin of the resource catalogue, grants, rules and the access log, scoped by role.

- 数据专员 (Role.STEWARD) see the whole catalogue, change and import only their department's
  resources, and grant or revoke access only to those; platform admins everything.
- The access log is read-only; any staff member sees their departments' reads.
- Registry records (人口, 法人, 信用, 主题库) have no admin pages on purpose: looking at a record is
  a read, and every read goes through services.read(), which checks a grant and logs.
Every write goes through services.py / importing.py (permission checks and audit there).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.html import format_html

from tongban.accounts.models import Role
from tongban.accounts.selectors import departments_in_scope, is_platform_admin, roles_of
from tongban.catalog.models import Matter
from tongban.core.masking import mask_id_number
from tongban.core.services import audit
from tongban.org.models import Department
from tongban.registries import selectors, services
from tongban.registries.codes import Storage
from tongban.registries.importing import import_records, template_headers
from tongban.registries.models import AccessLog, DataResource, Grant, MaterialRule, PrefillRule, ResourceField


def is_steward(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_staff:
        return False
    return is_platform_admin(user) or bool(roles_of(user, Role.STEWARD))


def owns(user, resource) -> bool:
    return resource is not None and departments_in_scope(user, Role.STEWARD).filter(pk=resource.owner_id).exists()


def report(request, exc) -> None:
    if isinstance(exc, ValidationError):
        for message in dict.fromkeys(exc.messages):
            messages.error(request, message)
    else:
        messages.error(request, str(exc) or "您无权执行该操作")


class StewardAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return is_steward(request.user)

    def has_view_permission(self, request, obj=None):
        return is_steward(request.user)

    def has_delete_permission(self, request, obj=None):
        return False


# -- the resource catalogue ------------------------------------------------------------------------

class ResourceFieldInline(admin.TabularInline):
    model = ResourceField
    extra = 0
    fields = ("order", "key", "name", "type", "sensitive")

    def has_view_permission(self, request, obj=None):
        return is_steward(request.user)

    def _editable(self, request, obj):
        return obj is None or (owns(request.user, obj) and obj.storage == Storage.GENERIC
                               and obj.status == DataResource.Status.DRAFT)

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj)


@admin.register(DataResource)
class DataResourceAdmin(StewardAdmin):
    list_display = ("name", "code", "kind", "owner", "status", "record_count", "import_link")
    list_filter = ("kind", "status", ("owner", admin.RelatedOnlyFieldListFilter))
    search_fields = ("name", "code", "owner__name")
    fields = ("code", "name", "kind", "storage", "subject_kind", "owner", "source_department", "description",
              "update_cycle", "status", "published_at")
    readonly_fields = ("kind", "storage", "status", "published_at")
    inlines = [ResourceFieldInline]
    actions = ["publish_selected", "withdraw_selected"]

    def has_add_permission(self, request):
        return is_steward(request.user)

    def has_change_permission(self, request, obj=None):
        return is_steward(request.user) and (obj is None or owns(request.user, obj))

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields + (("code", "owner") if obj is not None else ())

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "owner":
            kwargs["queryset"] = departments_in_scope(request.user, Role.STEWARD)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not owns(request.user, obj):
            raise PermissionDenied("只能登记本部门的数据资源")
        obj.save()
        audit(request.user, "registries.resource.change" if change else "registries.resource.register", obj,
              f"{'修改' if change else '登记'}数据资源“{obj.name}”", {"changed": list(form.changed_data)})

    @admin.display(description="记录数")
    def record_count(self, obj):
        from tongban.registries.importing import MODELS

        model = MODELS.get(obj.storage)
        return model.objects.count() if model is not None else obj.records.count()

    @admin.display(description="导入")
    def import_link(self, obj):
        return format_html('<a href="{}">导入数据</a>', reverse("admin:registries_dataresource_import", args=[obj.pk]))

    @admin.action(description="发布所选数据资源")
    def publish_selected(self, request, queryset):
        self._each(request, queryset, services.publish_resource, "已发布")

    @admin.action(description="停用所选数据资源")
    def withdraw_selected(self, request, queryset):
        self._each(request, queryset, services.withdraw_resource, "已停用")

    def _each(self, request, queryset, service, done):
        for resource in queryset:
            try:
                service(request.user, resource)
            except (ValidationError, PermissionDenied) as exc:
                report(request, exc)
            else:
                messages.success(request, f"“{resource.name}”{done}")

    def get_urls(self):
        return [
            path("<int:pk>/import/", self.admin_site.admin_view(self.import_view),
                 name="registries_dataresource_import"),
            path("<int:pk>/template.csv", self.admin_site.admin_view(self.template_view),
                 name="registries_dataresource_template"),
            *super().get_urls(),
        ]

    def import_view(self, request, pk):
        resource = get_object_or_404(DataResource, pk=pk)
        if not owns(request.user, resource):
            raise PermissionDenied("只能向本部门的数据资源导入数据")
        result = None
        if request.method == "POST":
            upload = request.FILES.get("file")
            if upload is None:
                messages.error(request, "请选择要导入的 CSV 或 Excel 文件")
            else:
                result = import_records(request.user, resource, upload, file_name=upload.name)
                (messages.success if result.ok else messages.error)(request, result.summary())
        return render(request, "admin/registries/import.html", {
            **self.admin_site.each_context(request), "title": f"导入“{resource.name}”", "resource": resource,
            "headers": template_headers(resource), "report": result, "opts": self.model._meta,
        })

    def template_view(self, request, pk):
        resource = get_object_or_404(DataResource, pk=pk)
        response = HttpResponse(("\ufeff" + ",".join(template_headers(resource)) + "\r\n").encode("utf-8"),
                                content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{resource.code}-template.csv"'
        return response


# -- grants --------------------------------------------------------------------------------------------

class GrantForm(forms.ModelForm):
    field_keys = forms.CharField(label="可读字段", help_text="字段标识，以逗号分隔，如 name,household_address",
                                 max_length=1000)

    class Meta:
        model = Grant
        fields = ("resource", "consumer", "matters", "basis", "valid_from", "valid_until")

    def clean(self):
        data = super().clean()
        # The model checks the keys against the resource; its errors on `fields` belong to this input.
        self.instance.fields = [k.strip() for k in (data.get("field_keys") or "").replace("，", ",").split(",")
                                if k.strip()]
        return data

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict") and "fields" in errors.error_dict:
            errors.error_dict["field_keys"] = errors.error_dict.pop("fields")
        super()._update_errors(errors)


@admin.register(Grant)
class GrantAdmin(StewardAdmin):
    form = GrantForm
    list_display = ("resource", "consumer", "field_list", "valid_from", "valid_until", "approved_by", "state")
    list_filter = (("resource", admin.RelatedOnlyFieldListFilter), ("consumer", admin.RelatedOnlyFieldListFilter))
    search_fields = ("consumer__name", "resource__name", "basis")
    filter_horizontal = ("matters",)
    actions = ["revoke_selected"]

    def get_queryset(self, request):
        return selectors.grants_for_steward(request.user)

    def has_add_permission(self, request):
        return is_steward(request.user)

    def has_change_permission(self, request, obj=None):
        return False  # an approval is a record: revoke and grant anew instead of editing

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("resource", "consumer", "field_keys", "matters", "basis", "valid_from", "valid_until")
        return ("resource", "consumer", "fields", "matters", "basis", "valid_from", "valid_until", "approved_by",
                "approved_at", "revoked_at", "revoked_by")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "resource":
            kwargs["queryset"] = selectors.resources_owned_by_steward(request.user) \
                .filter(status=DataResource.Status.PUBLISHED)
        if db_field.name == "consumer":
            kwargs["queryset"] = Department.objects.select_related("division")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "matters":
            kwargs["queryset"] = Matter.objects.filter(current_version__isnull=False)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        grant = services.grant_access(request.user, resource=data["resource"], consumer=data["consumer"],
                                      fields=form.instance.fields, matters=data["matters"], basis=data["basis"],
                                      valid_from=data["valid_from"], valid_until=data["valid_until"])
        obj.pk = grant.pk

    def save_related(self, request, form, formsets, change):
        pass  # the service set the matters

    @admin.display(description="可读字段")
    def field_list(self, obj):
        return "、".join(obj.fields)

    @admin.display(description="状态")
    def state(self, obj):
        return "已撤销" if obj.revoked_at else "有效"

    @admin.action(description="撤销所选授权")
    def revoke_selected(self, request, queryset):
        for grant in queryset:
            try:
                services.revoke_grant(request.user, grant)
            except PermissionDenied as exc:
                report(request, exc)
        messages.success(request, "所选授权已撤销")


# -- rules ---------------------------------------------------------------------------------------------

class RuleAdmin(StewardAdmin):
    def get_queryset(self, request):
        return super().get_queryset(request).select_related("resource")

    def has_add_permission(self, request):
        return is_steward(request.user)

    def has_change_permission(self, request, obj=None):
        return is_steward(request.user) and (obj is None or owns(request.user, obj.resource))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "resource":
            kwargs["queryset"] = selectors.resources_owned_by_steward(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not owns(request.user, obj.resource):
            raise PermissionDenied("只能为本部门的数据资源设置规则")
        obj.save()
        audit(request.user, f"registries.{obj._meta.model_name}.save", obj, f"保存规则：{obj}")


@admin.register(MaterialRule)
class MaterialRuleAdmin(RuleAdmin):
    list_display = ("name_contains", "resource", "party", "scope", "matter", "active")
    fields = ("name_contains", "matter", "resource", "party", "fields", "scope", "active")
    raw_id_fields = ("matter",)


@admin.register(PrefillRule)
class PrefillRuleAdmin(RuleAdmin):
    list_display = ("prefill", "resource", "field", "party")


# -- the access log ---------------------------------------------------------------------------------------

@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = ("at", "consumer_label", "actor_label", "resource", "subject", "purpose", "case_number",
                    "allowed")
    list_filter = ("allowed", "purpose", "resource")
    search_fields = ("case_number", "consumer_label", "actor_label")
    date_hierarchy = "at"
    list_per_page = 50
    fields = ("at", "actor_label", "consumer_label", "resource", "subject", "fields", "purpose", "case_number",
              "case_ref", "matter_name", "allowed", "found", "refusal", "grant")
    readonly_fields = fields

    def get_queryset(self, request):
        return selectors.department_access_log(request.user)

    def _staff(self, request):
        user = request.user
        return user.is_authenticated and user.is_staff and (is_platform_admin(user) or user.staff_roles.exists())

    def has_module_permission(self, request):
        return self._staff(request)

    def has_view_permission(self, request, obj=None):
        return self._staff(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="查询对象")
    def subject(self, obj):
        return mask_id_number(obj.subject_key)
