"""Read-only admin: orders change only through payments.services (audited), never by hand."""

from django.contrib import admin

from tongban.payments.models import PaymentCallback, PaymentItem, PaymentOrder


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PaymentItemInline(ReadOnlyMixin, admin.TabularInline):
    model = PaymentItem
    extra = 0
    fields = ("name", "standard", "amount_cents")


@admin.register(PaymentOrder)
class PaymentOrderAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("order_no", "reference", "payer_name", "amount_display", "status", "channel", "paid_at",
                    "receipt_no")
    list_filter = ("status", "channel", "gateway")
    search_fields = ("order_no", "reference", "payer_name", "receipt_no", "gateway_trade_no")
    date_hierarchy = "created_at"
    inlines = [PaymentItemInline]

    @admin.display(description="金额")
    def amount_display(self, obj):
        return obj.amount_display


@admin.register(PaymentCallback)
class PaymentCallbackAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("received_at", "gateway", "notify_id", "order", "signature_ok", "outcome")
    list_filter = ("gateway", "signature_ok", "outcome")
    search_fields = ("notify_id", "order__order_no")
