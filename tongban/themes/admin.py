"""Admin of themes for catalogue editors, scoped like the catalogue: an editor sees and maintains the
themes whose lead department is in their scope (platform admins: all).

A draft is edited in place with its members, questions, rules and dependencies (rules are JSON
conditions; themes/conditions.py documents them); 发布 checks the whole definition and lists every
problem in Chinese; 撤回修订 takes a published theme back to draft (joint cases keep their snapshot).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.html import format_html, format_html_join

from tongban.catalog.admin_base import CatalogueStaffAdmin, report_service_error
from tongban.catalog.models import Implementation
from tongban.catalog.staff_selectors import can_edit_for_department, editor_departments, is_catalogue_staff
from tongban.core.services import audit
from tongban.themes.conditions import condition_problems
from tongban.themes.definition import definition_of
from tongban.themes.models import Theme, ThemeDependency, ThemeMember, ThemeQuestion, ThemeRule, ThemeStatus
from tongban.themes.selectors import reduction_report, themes_for_editor
from tongban.themes.services import publish_theme, retire_theme, revise_theme


class _PartInline:
    extra = 0

    def _editable(self, request, obj):
        return obj is not None and obj.is_editable and can_edit_for_department(request.user, obj.lead_department_id)

    def has_view_permission(self, request, obj=None):
        return is_catalogue_staff(request.user)

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj)


class MemberInline(_PartInline, admin.TabularInline):
    model = ThemeMember
    fields = ("order", "code", "implementation", "mode", "preselected", "fixed_answers", "note")
    autocomplete_fields = ()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "implementation":
            kwargs["queryset"] = Implementation.objects.filter(
                status=Implementation.Status.ACTIVE, matter__current_version__isnull=False
            ).select_related("matter", "department")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class QuestionInline(_PartInline, admin.StackedInline):
    model = ThemeQuestion
    fields = (("order", "key", "kind", "required"), "text", "help", "options", ("minimum", "maximum", "unit"),
              "default")


class RuleForm(forms.ModelForm):
    class Meta:
        model = ThemeRule
        fields = ("order", "condition", "effect", "member", "materials", "note")

    def clean(self):
        data = super().clean()
        theme = self.instance.theme if self.instance.theme_id else None
        if theme is not None and data.get("condition") is not None:
            questions = {q.key: {"kind": q.kind, "text": q.text, "options": q.options}
                         for q in theme.questions.all()}
            optional = set(theme.members.filter(mode="optional").values_list("code", flat=True))
            problems = condition_problems(data["condition"], questions, optional, "条件")
            if problems:
                raise ValidationError({"condition": problems})
        return data


class RuleInline(_PartInline, admin.StackedInline):
    model = ThemeRule
    form = RuleForm
    fields = (("order", "effect", "member"), "condition", "materials", "note")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "member":
            theme_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            kwargs["queryset"] = ThemeMember.objects.filter(theme_id=theme_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DependencyInline(_PartInline, admin.TabularInline):
    model = ThemeDependency
    fk_name = "theme"
    fields = ("order", "member", "requires", "fills", "provides_materials", "note")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in ("member", "requires"):
            theme_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            kwargs["queryset"] = ThemeMember.objects.filter(theme_id=theme_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Theme)
class ThemeAdmin(CatalogueStaffAdmin):
    list_display = ("code", "name", "lead_department", "division", "status", "version", "promised_days")
    list_filter = ("status", "service_object")
    search_fields = ("code", "name", "keywords")
    inlines = [MemberInline, QuestionInline, RuleInline, DependencyInline]
    readonly_fields = ("status", "version", "published_at", "published_by", "report")
    fieldsets = (
        ("主题", {"fields": ("code", "name", "division", "service_object", "lead_department", "handout_window",
                           "category", "keywords", "summary")}),
        ("承诺", {"fields": ("promised_days", "visits", "steps")}),
        ("一表一材料对照", {"fields": ("field_aliases", "material_aliases"),
                       "description": "字段或材料分组：同组只填写/上传一次。如 [[\"baby_name\", \"medical.insured_name\"]]"}),
        ("状态", {"fields": ("status", "version", "published_at", "published_by", "report")}),
    )
    actions = ["publish_selected", "revise_selected"]

    def get_queryset(self, request):
        return themes_for_editor(request.user)

    def may_view(self, request, obj):
        return themes_for_editor(request.user).filter(pk=obj.pk).exists()

    def has_add_permission(self, request):
        return is_catalogue_staff(request.user)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return is_catalogue_staff(request.user)
        return self.may_view(request, obj) and obj.is_editable

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "lead_department":
            kwargs["queryset"] = editor_departments(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        if not can_edit_for_department(request.user, obj.lead_department_id):
            raise PermissionDenied("您无权维护该牵头部门的主题")
        super().save_model(request, obj, form, change)
        audit(request.user, "themes.update" if change else "themes.create", obj, f"编辑主题草稿 {obj.name}",
              {"fields": sorted(form.changed_data), "via": "admin"})

    @admin.display(description="减材料、减环节、减时限、减跑动（典型情形）")
    def report(self, obj):
        if obj.pk is None or not obj.members.exists():
            return "—"
        data = reduction_report(definition_of(obj))
        if not data["members"]:
            return "典型情形下没有需要办理的事项"
        rows = [(data["labels"][k], data["separately"][k], data["as_theme"][k], f"{data['reduction'][k]['percent']}%")
                for k in ("materials", "steps", "promised_days", "visits", "fields")]
        table = format_html_join("", "<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td></tr>", rows)
        return format_html("<table><tr><th></th><th>逐项办理</th><th>一件事</th><th>减少</th></tr>{}</table>", table)

    def _each(self, request, queryset, fn, done: str):
        count = 0
        for theme in queryset:
            try:
                fn(request.user, theme)
                count += 1
            except (ValidationError, PermissionDenied) as exc:
                report_service_error(request, exc)
        if count:
            messages.success(request, f"已{done} {count} 个主题")

    @admin.action(description="发布（检查主题定义）")
    def publish_selected(self, request, queryset):
        self._each(request, queryset, publish_theme, "发布")

    @admin.action(description="撤回修订（改为草稿，已受理的联办件不受影响）")
    def revise_selected(self, request, queryset):
        self._each(request, queryset.filter(status=ThemeStatus.PUBLISHED), revise_theme, "撤回修订")

    @admin.action(description="停用")
    def retire_selected(self, request, queryset):
        self._each(request, queryset, lambda user, theme: retire_theme(user, theme, "管理员停用"), "停用")
