"""Platform administrators keep the home page's 热门事项 here; writes go through portal.services."""

from django.contrib import admin

from tongban.catalog.models import Matter
from tongban.portal import services
from tongban.portal.models import FeaturedMatter


@admin.register(FeaturedMatter)
class FeaturedMatterAdmin(admin.ModelAdmin):
    list_display = ("name", "order", "enabled", "in_catalogue", "note", "updated_at")
    list_editable = ("order", "enabled")
    list_filter = ("enabled",)
    search_fields = ("name", "note")
    fields = ("name", "order", "enabled", "note")

    # Rights come from the StaffRole (平台管理员), as everywhere else, not per-model permission rows.
    def has_module_permission(self, request):
        return services.can_edit_home_page(request.user)

    def has_view_permission(self, request, obj=None):
        return services.can_edit_home_page(request.user)

    has_add_permission = has_module_permission

    def has_change_permission(self, request, obj=None):
        return services.can_edit_home_page(request.user)

    has_delete_permission = has_change_permission

    @admin.display(description="目录中有此事项", boolean=True)
    def in_catalogue(self, obj):
        # A misspelt name silently drops off the home page; show it here.
        return Matter.objects.filter(name=obj.name, current_version__isnull=False).exists()

    def save_model(self, request, obj, form, change):
        services.save_featured(request.user, obj, name=obj.name, order=obj.order, enabled=obj.enabled,
                               note=obj.note)

    def delete_model(self, request, obj):
        services.delete_featured(request.user, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.delete_featured(request.user, obj)
