"""Admin: the indicator sets are data a platform admin edits (the loop's and the tickets' steps,
roles and time limits are processes, edited under 流程引擎); ratings, loops, visits and tickets are read-only here — they change only through the
services, which keep the history and the audit trail."""

from django.contrib import admin

from tongban.core.admin import PlatformAdminOnly
from tongban.ratings.models import (
    BadRatingReview,
    CannotDoTicket,
    Indicator,
    Rating,
    ReturnVisitSample,
    ReviewEvent,
)


@admin.register(Indicator)
class IndicatorAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("mode", "order", "name", "code", "is_overall", "active")
    list_filter = ("mode", "active")
    list_editable = ("order", "active")


class _ReadOnly(PlatformAdminOnly, admin.ModelAdmin):
    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request, *args):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Rating)
class RatingAdmin(_ReadOnly):
    list_display = ("rated_at", "case", "level", "channel", "department", "staff_name", "invalid")
    list_filter = ("level", "channel", "mode", "invalid")
    search_fields = ("case__number", "matter_name", "rater_name")
    list_select_related = ("case", "department")


class ReviewEventInline(admin.TabularInline):
    model = ReviewEvent
    extra = 0
    fields = ("at", "actor_label", "step_name", "label", "comment", "ip")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(BadRatingReview)
class BadRatingReviewAdmin(_ReadOnly):
    list_display = ("rating", "department", "state", "status", "step_due", "late")
    list_filter = ("status", "late")
    list_select_related = ("rating__case", "department", "state")
    inlines = [ReviewEventInline]


@admin.register(ReturnVisitSample)
class ReturnVisitSampleAdmin(_ReadOnly):
    list_display = ("month", "department", "population", "size", "seed", "drawn_at")


@admin.register(CannotDoTicket)
class CannotDoTicketAdmin(_ReadOnly):
    list_display = ("number", "matter_text", "status", "department", "due_on", "late")
    list_filter = ("status", "late")
    search_fields = ("number", "matter_text", "contact_name")
