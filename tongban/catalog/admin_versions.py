"""Admin of matter versions (事项版本): edit a draft, then 提交审核 → 发布, or 取消.

A draft is edited in place with its materials, steps, fees, results and FAQs (uploads of blank
forms and samples included, which the spec-based update_draft cannot carry), and every save is
written to the audit log in the same transaction. Submitted, published and cancelled versions are
read-only: cases refer to the exact version they were accepted under (GB/T 39046 版本管理).
The workflow buttons call the catalogue services, which check the editor's scope themselves.
"""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from tongban.catalog.admin_base import CatalogueStaffAdmin, report_service_error
from tongban.catalog.codes import VersionStatus, basic_code_problem
from tongban.catalog.models import Faq, FeeItem, Material, MatterResult, MatterVersion, ProcessStep
from tongban.catalog.services import cancel_version, publish_version, start_new_version, submit_version
from tongban.catalog.staff_selectors import (
    can_edit_version,
    can_maintain_matter,
    is_catalogue_staff,
    versions_for_editor,
)
from tongban.core.services import audit
from tongban.forms.defaults import effective_form
from tongban.forms.spec import FIELD_TYPES, describe_field

WORKFLOW_FIELDS = ("created_by", "created_at", "submitted_by", "submitted_at", "published_by", "published_at",
                   "cancelled_by", "cancelled_at", "superseded_at")


def version_change_url(version: MatterVersion) -> str:
    return reverse("admin:catalog_matterversion_change", args=[version.pk])


@transaction.atomic
def record_draft_edit(actor, version: MatterVersion, fields: list[str], parts: dict) -> None:
    """Audit an edit of a draft made through the admin forms (same action as services.update_draft)."""
    if not can_edit_version(actor, version):
        raise PermissionDenied(f"您无权维护{version.matter.owner_department.name}的事项")
    if not fields and not any(parts.values()):
        return
    audit(actor, "catalog.version.update", version, f"修改 {version.name} v{version.number}",
          {"fields": sorted(fields), "parts": parts, "via": "admin"})


class DraftPartInline:
    """Children of a version: editable while the parent is a draft the user may maintain."""

    extra = 0

    def _editable(self, request, obj):
        return obj is not None and can_edit_version(request.user, obj)

    def has_view_permission(self, request, obj=None):
        return is_catalogue_staff(request.user)

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj)


class MaterialInline(DraftPartInline, admin.StackedInline):
    model = Material
    fields = (("order", "name"), ("form", "copies", "paper_spec"), ("required", "necessity_note", "rongque_allowed"),
              ("source", "source_note"), "notes", ("blank_form", "sample"))


class StepInline(DraftPartInline, admin.TabularInline):
    model = ProcessStep
    fields = ("order", "name", "actor", "description", "limit_days")


class FeeInline(DraftPartInline, admin.TabularInline):
    model = FeeItem
    fields = ("order", "name", "standard", "basis", "amount_cents", "reducible")


class ResultInline(DraftPartInline, admin.TabularInline):
    model = MatterResult
    fields = ("order", "name", "kind", "validity", "sample")


class FaqInline(DraftPartInline, admin.StackedInline):
    model = Faq
    fields = ("order", "question", "answer")


class FormSpecField(forms.JSONField):
    """The form spec as indented JSON with Chinese shown as is, for editors to read and edit."""

    def prepare_value(self, value):
        if isinstance(value, forms.fields.InvalidJSONInput):
            return value
        return json.dumps(value, ensure_ascii=False, indent=2, cls=self.encoder)

    def clean(self, value):
        value = super().clean(value)
        return [] if value is None else value  # an emptied box means "no form of its own"


FORM_SPEC_HELP = ("字段列表（JSON 数组），每项如 {\"key\": \"baby_name\", \"type\": \"text\", \"label\": \"新生儿姓名\", "
                  "\"required\": true}。类型：" + "、".join(f"{k} {v}" for k, v in FIELD_TYPES.items())
                  + "。其他属性：options、help、placeholder、min、max、pattern、pattern_message、default、"
                  "applies_to、prefill（见 tongban/forms/spec.py）。表单须包含申请人信息（prefill 为 applicant.name "
                  "或 organisation.name 的字段）。留空（[]）则使用按服务对象生成的标准申请人信息表。提交审核和发布时会再次校验。")


class DraftForm(forms.ModelForm):
    """A draft keeps the matter type its 基本编码 names (5th–6th digits, docs/domain.md §2.1)."""

    class Meta:
        model = MatterVersion
        fields = ("matter_type",)  # the admin passes the fields of its fieldsets

    def clean_matter_type(self):
        matter_type = self.cleaned_data["matter_type"]
        matter = getattr(self.instance, "matter", None)
        # A code registered before the structure was checked (no type digits) is left as it is.
        if matter is not None and basic_code_problem(matter.basic_code) is None:
            problem = basic_code_problem(matter.basic_code, matter_type)
            if problem:
                raise forms.ValidationError(f"{problem}。事项类型不同的事项应另行编码，作为新事项登记")
        return matter_type


@admin.register(MatterVersion)
class MatterVersionAdmin(CatalogueStaffAdmin):
    form = DraftForm
    change_form_template = "admin/catalog/matterversion/change_form.html"
    list_display = ("basic_code", "name", "number", "status", "change_note", "created_at", "published_at")
    list_display_links = ("name",)
    list_filter = ("status", "matter_type")
    search_fields = ("name", "matter__basic_code", "change_note")
    actions = ["submit_selected", "publish_selected"]
    inlines = [MaterialInline, StepInline, FeeInline, ResultInline, FaqInline]
    readonly_fields = ("matter", "number", "status", "form_preview", "form_json") + WORKFLOW_FIELDS
    fieldsets = (
        ("版本", {"fields": ("matter", "number", "status", "change_note")}),
        ("基本要素", {"fields": ("name", "matter_type", "legal_basis", "conditions", "service_objects",
                                 "categories", "levels")}),
        ("时限与办理方式", {"fields": ("case_kind", ("legal_limit_days", "promised_limit_days"), "limit_note",
                                       "visits_required", "online_depth",
                                       ("supports_appointment", "supports_online_payment", "supports_express"),
                                       "tongban_scope")}),
        ("收费、中介与结果送达", {"fields": ("has_fee", "intermediary", "quantity_limit", "result_delivery")}),
        ("申请表单", {"fields": ("form_preview", "form_spec")}),
        ("流转记录", {"classes": ("collapse",), "fields": WORKFLOW_FIELDS}),
    )

    @admin.display(description="基本编码", ordering="matter__basic_code")
    def basic_code(self, obj):
        return obj.matter.basic_code

    def get_queryset(self, request):
        return versions_for_editor(request.user)

    def may_view(self, request, obj):
        return versions_for_editor(request.user).filter(pk=obj.pk).exists()

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return is_catalogue_staff(request.user)
        return self.has_view_permission(request, obj) and can_edit_version(request.user, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and self.has_change_permission(request, obj):
            return fieldsets
        # Read-only: Django would show the JSON with \u escapes; show it indented, Chinese as is.
        return [(name, {**opts, "fields": tuple("form_json" if f == "form_spec" else f for f in opts["fields"])})
                for name, opts in fieldsets]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "form_spec":
            return FormSpecField(label=db_field.verbose_name, required=False, help_text=FORM_SPEC_HELP,
                                 widget=forms.Textarea(attrs={"rows": 20, "cols": 100,
                                                              "style": "font-family: monospace"}))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="表单预览")
    def form_preview(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        own = bool(obj.form_spec)
        try:
            fields = effective_form(obj)
            rows = format_html_join("", "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                                    ((f.get("key", ""), f.get("label", ""), describe_field(f)) for f in fields))
        except (TypeError, AttributeError):
            return "表单格式有误，请检查下方 JSON"
        note = "本版本自带的申请表单" if own else "未设置申请表单，使用按服务对象生成的标准申请人信息表"
        return format_html('<p class="help">{}</p><table><thead><tr><th>标识</th><th>名称</th><th>类型与要求</th>'
                           '</tr></thead><tbody>{}</tbody></table>', note, rows)

    @admin.display(description="申请表单（JSON）")
    def form_json(self, obj):
        if obj is None or not obj.form_spec:
            return "[]"
        return format_html('<pre class="tb-json">{}</pre>',
                           json.dumps(obj.form_spec, ensure_ascii=False, indent=2))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in ("service_objects", "categories"):
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        parts = {}
        for formset in formsets:
            key = formset.model._meta.model_name
            summary = {
                "added": [str(o) for o in formset.new_objects],
                "changed": [str(o) for o, _fields in formset.changed_objects],
                "deleted": [str(o) for o in formset.deleted_objects],
            }
            if any(summary.values()):
                parts[key] = {k: v for k, v in summary.items() if v}
        record_draft_edit(request.user, form.instance, list(form.changed_data), parts)

    # --- workflow -------------------------------------------------------------------------------

    def get_urls(self):
        return [
            path("<path:object_id>/workflow/<str:step>/", self.admin_site.admin_view(self.workflow_view),
                 name="catalog_matterversion_workflow"),
            *super().get_urls(),
        ]

    def workflow_buttons(self, request, version: MatterVersion) -> list[dict]:
        if not can_maintain_matter(request.user, version.matter):
            return []
        url = lambda step: reverse("admin:catalog_matterversion_workflow", args=[version.pk, step])  # noqa: E731
        buttons = []
        if version.status == VersionStatus.DRAFT:
            buttons.append({"label": "提交审核", "url": url("submit")})
        if version.status == VersionStatus.SUBMITTED:
            buttons.append({"label": "发布", "url": url("publish")})
        if version.status in (VersionStatus.PUBLISHED, VersionStatus.CANCELLED) and not version.matter.versions.filter(
                status__in=[VersionStatus.DRAFT, VersionStatus.SUBMITTED]).exists():
            buttons.append({"label": "新建版本", "url": url("new"), "note": "变更说明"})
        if version.status != VersionStatus.CANCELLED:
            buttons.append({"label": "取消", "url": url("cancel"), "reason": True})
        return buttons

    def change_view(self, request, object_id, form_url="", extra_context=None):
        version = self.get_object(request, object_id)
        extra_context = {**(extra_context or {}),
                         "workflow_buttons": self.workflow_buttons(request, version) if version else []}
        return super().change_view(request, object_id, form_url, extra_context)

    def workflow_view(self, request, object_id, step):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        version = get_object_or_404(MatterVersion.objects.select_related("matter"), pk=object_id)
        if not self.has_view_permission(request, version):
            raise PermissionDenied
        target = version
        try:
            if step == "submit":
                submit_version(request.user, version)
                messages.success(request, f"已提交审核：{version.name} v{version.number}")
            elif step == "publish":
                publish_version(request.user, version)
                messages.success(request, f"已发布：{version.name} v{version.number}，办事指南已更新")
            elif step == "cancel":
                cancel_version(request.user, version, request.POST.get("reason", ""))
                messages.success(request, f"已取消：{version.name} v{version.number}")
            elif step == "new":
                target = start_new_version(request.user, version.matter, request.POST.get("change_note", "").strip())
                messages.success(request, f"已新建草稿 v{target.number}，修改后请提交审核")
            else:
                raise PermissionDenied
        except (ValidationError, PermissionDenied) as exc:
            report_service_error(request, exc)
        return HttpResponseRedirect(version_change_url(target))

    @admin.action(description="提交审核所选版本")
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, submit_version, "提交审核")

    @admin.action(description="发布所选版本")
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, publish_version, "发布")

    def _bulk(self, request, queryset, service, verb):
        done = 0
        for version in queryset.select_related("matter"):
            try:
                service(request.user, version)
                done += 1
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, f"{version}：" + "；".join(
                    exc.messages if isinstance(exc, ValidationError) else [str(exc) or "无权操作"]))
        if done:
            messages.success(request, f"已{verb} {done} 个版本")
