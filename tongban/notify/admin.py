"""The outbox for platform admins: what was sent to whom, what failed and why; resend failures."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from tongban.core.admin import PlatformAdminOnly
from tongban.core.masking import mask_phone
from tongban.notify import services
from tongban.notify.models import Notification, Status


@admin.register(Notification)
class NotificationAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("created_at", "channel", "recipient", "masked_phone", "subject", "reference", "status",
                    "attempts", "next_attempt_at", "read_at")
    list_filter = ("status", "channel", ("created_at", admin.DateFieldListFilter))
    search_fields = ("reference", "subject", "recipient__username", "recipient__display_name")
    date_hierarchy = "created_at"
    list_select_related = ("recipient",)
    list_per_page = 50
    actions = ["retry_selected"]
    exclude = ("phone",)
    readonly_fields = [f.name for f in Notification._meta.fields if f.name != "phone"] + ["masked_phone"]

    @admin.display(description="手机号")
    def masked_phone(self, obj):
        return mask_phone(obj.phone)

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        # Viewing only; the action below is the one write (audited).
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not super().has_change_permission(request):
            actions.pop("retry_selected", None)
        return actions

    @admin.action(description="重新发送所选的失败消息")
    def retry_selected(self, request, queryset):
        done = 0
        for n in queryset.filter(status__in=[Status.FAILED, Status.DEAD]):
            try:
                services.retry(request.user, n)
                done += 1
            except ValidationError as exc:
                messages.error(request, "；".join(exc.messages))
        messages.success(request, f"已重新排队发送 {done} 条消息")
