"""Admin: which matters run on their own process (the processes themselves are edited under 流程引擎);
cases are read-only here — they change only through the services, which keep the timeline and audit."""

from django.contrib import admin

from tongban.cases.models import Case, CaseEvent, MatterProcess
from tongban.core.admin import PlatformAdminOnly


@admin.register(MatterProcess)
class MatterProcessAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("matter", "process")
    raw_id_fields = ("matter",)


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
