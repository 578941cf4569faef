"""Admin for catalogue editors (事项管理员), scoped to their departments.

- 实施清单 (Implementation): an editor sees the entries of the departments in scope and edits only
  the local fields (place, hours, phones, site); the standard elements are shown read-only, since
  they are the same at every level ("四级十同"). Saving goes through services.update_implementation.
- 标准事项 (Matter): visible when maintained or implemented in scope; its elements live in versions
  (admin_versions), which only the maintaining department's editors may change.
- Code tables (服务对象, 事项分类): platform admins.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from tongban.catalog.admin_base import CatalogueStaffAdmin, ReadOnlyInline, report_service_error
from tongban.catalog.admin_forms import NewImplementationForm, NewMatterForm
from tongban.catalog.admin_versions import MatterVersionAdmin, version_change_url  # noqa: F401 (registers)
from tongban.catalog.codes import VersionStatus
from tongban.catalog.models import Category, Implementation, Matter, MatterVersion, ServiceObject
from tongban.catalog.services import (
    LOCAL_FIELDS,
    add_implementation,
    create_matter,
    start_new_version,
    update_implementation,
)
from tongban.catalog.staff_selectors import (
    can_edit_for_department,
    can_maintain_matter,
    editor_departments,
    implementations_for_editor,
    is_catalogue_staff,
    matters_for_editor,
    site_division_ids,
)
from tongban.core.admin import PlatformAdminOnly
from tongban.org.models import ServiceSite


@admin.register(Implementation)
class ImplementationAdmin(CatalogueStaffAdmin):
    list_display = ("code", "matter_name", "department", "level", "status", "updated_at")
    list_filter = ("status", "level", ("department", admin.RelatedOnlyFieldListFilter))
    search_fields = ("code", "matter__name", "matter__basic_code", "place")
    fieldsets = (
        ("实施清单", {"fields": ("code", "matter", "department", "level", "status")}),
        ("本地要素（本部门可修改）", {"fields": ("site", "place", "hours", "consult_phone", "supervise_phone")}),
        ("标准要素（四级十同：由标准维护部门统一维护，此处只读）", {"fields": ("standard_elements",)}),
        ("记录", {"fields": ("updated_at",)}),
    )
    readonly_fields = ("code", "matter", "department", "level", "status", "standard_elements", "updated_at")

    @admin.display(description="事项名称", ordering="matter__name")
    def matter_name(self, obj):
        return obj.matter.name

    def get_queryset(self, request):
        return implementations_for_editor(request.user)

    def may_view(self, request, obj):
        return can_edit_for_department(request.user, obj.department_id)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_view_permission(request)
        return self.has_view_permission(request, obj) and obj.status == Implementation.Status.ACTIVE

    def has_add_permission(self, request):
        # 认领/实施: an editor adds a published matter to the list of a department in scope.
        return is_catalogue_staff(request.user)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return ((None, {"fields": NewImplementationForm._meta.fields,
                            "description": "实施编码和行使层级由实施主体自动生成；标准要素沿用标准事项的当前发布版本。"}),)
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else super().get_readonly_fields(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = NewImplementationForm
            kwargs["fields"] = NewImplementationForm._meta.fields
        form = super().get_form(request, obj, change, **kwargs)
        if obj is None:
            form.base_fields["department"].queryset = editor_departments(request.user)
            form.base_fields["matter"].queryset = Matter.objects.filter(current_version__isnull=False)
        if obj is not None and "site" in form.base_fields:
            # The hall where the department receives applicants: a site of its division, above or below.
            form.base_fields["site"].queryset = ServiceSite.objects.filter(
                division_id__in=site_division_ids(obj.department))
        return form

    def save_model(self, request, obj, form, change):
        if not change:
            data = form.cleaned_data
            impl = add_implementation(request.user, data["matter"], data["department"],
                                      **{f: data[f] for f in LOCAL_FIELDS})
            obj.pk = impl.pk
            return
        changes = {f: form.cleaned_data[f] for f in form.changed_data if f in LOCAL_FIELDS}
        if changes:
            # Re-read the stored row so the service audits the real before → after.
            update_implementation(request.user, Implementation.objects.select_for_update().get(pk=obj.pk), **changes)

    @admin.display(description="标准要素")
    def standard_elements(self, obj):
        version = obj.matter.current_version
        if version is None:
            return "该事项尚无已发布版本"
        rows = [
            ("事项名称", version.name),
            ("基本编码", obj.matter.basic_code),
            ("事项类型", version.get_matter_type_display()),
            ("标准维护部门", obj.matter.owner_department.name),
            ("当前版本", f"v{version.number}（{timezone.localtime(version.published_at):%Y-%m-%d} 发布）"
             if version.published_at else f"v{version.number}"),
            ("行使层级", version.get_levels_display()),
            ("办件类型", version.get_case_kind_display()),
            ("法定办结时限", f"{version.legal_limit_days}个工作日" if version.legal_limit_days is not None else "无"),
            ("承诺办结时限", f"{version.promised_limit_days}个工作日"),
            ("到办事现场次数", f"{version.visits_required}次"),
            ("网上办理深度", version.get_online_depth_display()),
            ("是否收费", "是" if version.has_fee else "否"),
            ("申请材料", "、".join(m.name for m in version.materials.all()) or "无"),
        ]
        table = format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows)
        return format_html('<table class="tb-standard">{}</table><p class="help">{}</p>', table,
                           "标准要素各层级一致（四级十同），需修改时请由标准维护部门新建事项版本。")


class VersionInline(ReadOnlyInline, admin.TabularInline):
    model = MatterVersion
    fields = ("number", "status", "change_note", "created_at", "published_at", "superseded_at")
    readonly_fields = fields
    ordering = ("-number",)
    show_change_link = True
    verbose_name_plural = "版本"


class ImplementationInline(ReadOnlyInline, admin.TabularInline):
    model = Implementation
    fields = ("code", "department", "level", "status")
    readonly_fields = fields
    verbose_name_plural = "实施清单"


@admin.register(Matter)
class MatterAdmin(CatalogueStaffAdmin):
    """View-only: the matter row mirrors its published version; changes are made in a new version."""

    change_form_template = "admin/catalog/matter/change_form.html"
    list_display = ("basic_code", "name", "matter_type", "owner_department", "current_version_number",
                    "open_version")
    list_display_links = ("basic_code", "name")
    list_filter = ("matter_type", ("owner_department", admin.RelatedOnlyFieldListFilter))
    search_fields = ("basic_code", "name")
    fields = ("basic_code", "name", "matter_type", "owner_department", "current_version", "created_at")
    readonly_fields = fields
    inlines = [VersionInline, ImplementationInline]
    actions = ["new_version_selected"]

    def get_queryset(self, request):
        return matters_for_editor(request.user)

    def may_view(self, request, obj):
        return matters_for_editor(request.user).filter(pk=obj.pk).exists()

    # --- 新建事项: the matter with its first draft, through services.create_matter ----------------

    def has_add_permission(self, request):
        return is_catalogue_staff(request.user)

    def get_fields(self, request, obj=None):
        return list(NewMatterForm.base_fields) if obj is None else super().get_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else super().get_readonly_fields(request, obj)

    def get_inlines(self, request, obj):
        return [] if obj is None else super().get_inlines(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = NewMatterForm
            kwargs["fields"] = NewMatterForm._meta.fields
        form = super().get_form(request, obj, change, **kwargs)
        if obj is None:
            form.base_fields["owner_department"].queryset = editor_departments(request.user)
        return form

    def save_model(self, request, obj, form, change):
        version = create_matter(request.user, basic_code=form.cleaned_data["basic_code"],
                                owner_department=form.cleaned_data["owner_department"], spec=form.spec())
        obj.pk = version.matter.pk
        request._tongban_new_draft = version

    def response_add(self, request, obj, post_url_continue=None):
        draft = request._tongban_new_draft
        messages.success(request, f"已新建事项“{draft.name}”及草稿 v1：请补充服务对象、申请材料、办理流程和办理结果，然后提交审核")
        return HttpResponseRedirect(version_change_url(draft))

    @admin.display(description="当前版本")
    def current_version_number(self, obj):
        return f"v{obj.current_version.number}" if obj.current_version else "未发布"

    @admin.display(description="在编版本")
    def open_version(self, obj):
        draft = obj.versions.filter(status__in=[VersionStatus.DRAFT, VersionStatus.SUBMITTED]).first()
        if draft is None:
            return "—"
        return format_html('<a href="{}">v{}（{}）</a>', version_change_url(draft), draft.number,
                           draft.get_status_display())

    def get_urls(self):
        return [
            path("<path:object_id>/new-version/", self.admin_site.admin_view(self.new_version_view),
                 name="catalog_matter_new_version"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        matter = self.get_object(request, object_id)
        context = {"can_maintain": bool(matter) and can_maintain_matter(request.user, matter)}
        if matter is not None:
            context["open_version"] = matter.versions.filter(
                status__in=[VersionStatus.DRAFT, VersionStatus.SUBMITTED]).first()
            context["new_version_url"] = reverse("admin:catalog_matter_new_version", args=[matter.pk])
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), **context})

    def new_version_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        matter = get_object_or_404(Matter.objects.select_related("owner_department"), pk=object_id)
        if not self.has_view_permission(request, matter):
            raise PermissionDenied
        try:
            draft = start_new_version(request.user, matter, request.POST.get("change_note", "").strip())
        except (ValidationError, PermissionDenied) as exc:
            report_service_error(request, exc)
            return HttpResponseRedirect(reverse("admin:catalog_matter_change", args=[matter.pk]))
        messages.success(request, f"已新建草稿 v{draft.number}，修改后请提交审核")
        return HttpResponseRedirect(version_change_url(draft))

    @admin.action(description="新建版本（复制当前版本为草稿）")
    def new_version_selected(self, request, queryset):
        created = 0
        for matter in queryset.select_related("owner_department"):
            try:
                with transaction.atomic():
                    start_new_version(request.user, matter, "")
                created += 1
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, f"{matter}：" + "；".join(
                    exc.messages if isinstance(exc, ValidationError) else [str(exc) or "无权操作"]))
        if created:
            messages.success(request, f"已为 {created} 个事项新建草稿版本")


@admin.register(ServiceObject)
class ServiceObjectAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("code", "name")


@admin.register(Category)
class CategoryAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("code", "name", "kind", "audience", "order")
    list_filter = ("kind", "audience")
    search_fields = ("code", "name")
