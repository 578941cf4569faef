"""Read-only admin: shipments change only through delivery.services (audited)."""

from django.contrib import admin

from tongban.delivery.models import Shipment, ShipmentEvent


class ShipmentEventInline(admin.TabularInline):
    model = ShipmentEvent
    extra = 0
    fields = ("at", "status", "location", "description")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Shipment)
class ShipmentAdmin(admin.ModelAdmin):
    list_display = ("tracking_no", "reference", "carrier", "recipient_name", "status", "created_at", "delivered_at")
    list_filter = ("status", "carrier")
    search_fields = ("tracking_no", "reference", "recipient_name")
    date_hierarchy = "created_at"
    inlines = [ShipmentEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
