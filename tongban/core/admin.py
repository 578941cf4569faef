"""Admin pieces shared by every app, and the read-only audit log (操作审计).

Who is a platform administrator (平台管理员) is answered once, by accounts (it knows the roles):
core sits below accounts, so it asks through the PLATFORM_ADMIN_CHECK setting, the way Django's own
contrib apps reach what sits above them (AUTHENTICATION_BACKENDS).
"""

from django.conf import settings
from django.contrib import admin
from django.utils.module_loading import import_string

from tongban.core.models import AuditEvent, WorkerHeartbeat

admin.site.site_header = "一网通办 管理后台"
admin.site.site_title = "一网通办 管理后台"
admin.site.index_title = "管理首页"


def is_platform_admin(user) -> bool:
    return import_string(settings.PLATFORM_ADMIN_CHECK)(user)


class PlatformAdminOnly:
    """Role-based permissions instead of Django's per-model permission rows: a platform admin
    (平台管理员) holds all of them, everybody else none, without any extra setup."""

    def has_module_permission(self, request):
        return is_platform_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return is_platform_admin(request.user)

    def has_add_permission(self, request, *args):
        return is_platform_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_platform_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_platform_admin(request.user)


@admin.register(AuditEvent)
class AuditEventAdmin(PlatformAdminOnly, admin.ModelAdmin):
    """The audit log can be read, never written or deleted from the admin (it is the evidence)."""

    list_display = ("created_at", "actor_label", "action", "object_type", "object_id", "summary", "ip")
    list_filter = ("action", "object_type", ("created_at", admin.DateFieldListFilter))
    search_fields = ("actor_label", "summary", "object_id", "action")
    date_hierarchy = "created_at"
    list_per_page = 50
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(PlatformAdminOnly, admin.ModelAdmin):
    """The background workers and when each last said it was alive (tongban/core/worker.py); written by
    the workers only. A worker gone for good is removed by the others once its tasks are back in the queue."""

    list_display = ("worker_id", "hostname", "pid", "queues", "seen_at", "lease_seconds", "task_id", "stopped_at")
    list_filter = ("hostname",)
    readonly_fields = [f.name for f in WorkerHeartbeat._meta.fields]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False
