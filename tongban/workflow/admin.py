"""Processes in the admin (platform administrators): a version is read as a diagram and two tables;
a draft is edited in the tables, checked and published with one button; a published version is
never edited — "新建修订版本" copies it into a draft."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import re_path, reverse
from django.utils.safestring import mark_safe

from tongban.core.admin import PlatformAdminOnly
from tongban.workflow import diagram, services, subjects
from tongban.workflow.models import ROLE_CHOICES, ROLE_LABELS, Process, ProcessVersion, State, Transition


class _DraftInline(admin.TabularInline):
    extra = 0

    def _editable(self, obj) -> bool:
        return obj is None or obj.editable

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)


class StateInline(PlatformAdminOnly, _DraftInline):
    model = State
    fields = ("order", "code", "name", "kind", "status", "public_label", "sla_unit", "sla_value")


class TransitionForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(label="可执行角色", choices=ROLE_CHOICES, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Transition
        fields = ("order", "from_state", "action", "label", "to_state", "roles")


class TransitionInline(PlatformAdminOnly, _DraftInline):
    model = Transition
    form = TransitionForm
    fields = TransitionForm.Meta.fields
    readonly_fields = ("role_names",)

    def get_fields(self, request, obj=None):
        if self._editable(obj):
            return self.fields
        return tuple("role_names" if f == "roles" else f for f in self.fields)

    @admin.display(description="可执行角色")
    def role_names(self, transition):
        return "、".join(ROLE_LABELS.get(r, r) for r in transition.roles)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in ("from_state", "to_state"):  # only the states of the version being edited
            version_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = State.objects.filter(version_id=version_id) if version_id else State.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class VersionInline(PlatformAdminOnly, admin.TabularInline):
    model = ProcessVersion
    fields = ("number", "status", "note", "published_at")
    readonly_fields = fields
    show_change_link = True
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ProcessForm(forms.ModelForm):
    subject = forms.ChoiceField(label="适用对象", choices=subjects.choices)

    class Meta:
        model = Process
        fields = ("code", "name", "subject", "is_default", "description")


@admin.register(Process)
class ProcessAdmin(PlatformAdminOnly, admin.ModelAdmin):
    form = ProcessForm
    list_display = ("name", "code", "subject", "is_default")
    inlines = [VersionInline]


@admin.register(ProcessVersion)
class ProcessVersionAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("process", "number", "status", "published_at")
    list_filter = ("status", "process")
    fields = ("process", "number", "status", "note", "sla_unit", "sla_value", "diagram")
    readonly_fields = ("process", "number", "status", "diagram")
    inlines = [StateInline, TransitionInline]

    @admin.display(description="流程图")
    def diagram(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        transitions = list(obj.transitions.select_related("from_state", "to_state"))
        return mark_safe(diagram.svg(list(obj.states.all()), transitions))  # every text escaped in diagram.svg

    def has_add_permission(self, request, *args):
        return False  # versions are made by 新建修订版本 (or installed with their process)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or obj.editable)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and obj is not None and obj.editable

    def get_urls(self):
        return [re_path(r"^(?P<object_id>\d+)/(?P<step>publish|draft)/$", self.admin_site.admin_view(self.step_view),
                        name="workflow_processversion_step"), *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        version = self.get_object(request, object_id)
        buttons = []
        if version is not None and is_admin(request, self):
            step = "publish" if version.editable else "draft"
            buttons.append({"label": "校验并发布" if version.editable else "新建修订版本",
                            "url": reverse("admin:workflow_processversion_step", args=[version.pk, step])})
        return super().change_view(request, object_id, form_url,
                                   {**(extra_context or {}), "workflow_buttons": buttons})

    def step_view(self, request, object_id, step):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not is_admin(request, self):
            raise PermissionDenied
        version = get_object_or_404(ProcessVersion, pk=object_id)
        target = version
        try:
            if step == "publish":
                services.publish(request.user, version)
                messages.success(request, f"已发布第{version.number}版：新的办件按此版本办理，在办的仍按原版本。")
            elif step == "draft":
                target = services.draft_from(request.user, version)
                messages.success(request, f"已新建修订版本（第{target.number}版），修改后请校验并发布。")
            else:
                raise PermissionDenied
        except ValidationError as exc:
            messages.error(request, "不能发布：" + "；".join(exc.messages))
        return HttpResponseRedirect(reverse("admin:workflow_processversion_change", args=[target.pk]))


def is_admin(request, model_admin) -> bool:
    return model_admin.has_view_permission(request) and request.user.is_staff

