"""Admin: workflows are data a platform admin edits (states, transitions, time shares); cases are
read-only here — they change only through the services, which keep the timeline and audit."""

from django.contrib import admin

from tongban.cases.models import Case, CaseEvent, Workflow, WorkflowState, WorkflowTransition
from tongban.core.admin import PlatformAdminOnly


class StateInline(admin.TabularInline):
    model = WorkflowState
    extra = 0
    fields = ("order", "code", "name", "kind", "time_share")


class TransitionInline(admin.TabularInline):
    model = WorkflowTransition
    extra = 0
    fields = ("order", "from_state", "action", "label", "to_state", "roles")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only the states of the workflow being edited.
        if db_field.name in ("from_state", "to_state"):
            wf_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = WorkflowState.objects.filter(workflow_id=wf_id) if wf_id \
                else WorkflowState.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Workflow)
class WorkflowAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("name", "code", "is_default")
    filter_horizontal = ("matters",)
    inlines = [StateInline, TransitionInline]


class EventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    fields = ("at", "actor_label", "label", "state_name", "comment")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("number", "matter_name", "applicant_name", "department", "phase", "channel", "submitted_at",
                    "promised_due")
    list_filter = ("phase", "channel", "accept_mode")
    search_fields = ("number", "applicant_name")
    list_select_related = ("matter_version", "department")
    inlines = [EventInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Case._meta.fields]

    def has_add_permission(self, request, *args):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
